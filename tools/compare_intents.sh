#!/usr/bin/env bash
# The engine, plain FTS5 BM25 and nlp.js on one labelled set, in one run:
#   tools/compare_intents.sh [tests/data/questions_fresh.tsv]
# Uses build/ (or $BUILD_DIR) and the KB it indexes into a temp dir from kb/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
set_file="$(realpath "${1:-$root/tests/data/questions_fresh.tsv}")"
build="${BUILD_DIR:-$root/build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$build/src/app/kb" index --quiet --kb "$work/kb.db" >/dev/null
echo "== engine and plain FTS5 BM25 (tools/eval_intents)"
"$build/tools/eval_intents" --kb "$work/kb.db" --set "$set_file"
echo
echo "== nlp.js (tools/nlpjs-baseline)"
cd "$root/tools/nlpjs-baseline"
[[ -d node_modules/node-nlp ]] || npm ci --no-audit --no-fund >/dev/null
node baseline.js --intents "$root/kb/intents" --questions "$set_file"
