#!/usr/bin/env bash
# Browser tests of the chat widget and the agent console in headless
# Chromium (Debian's chromium, driven by npm's playwright-core).
#   tests/browser/run.sh            # uses build/src/app/kb
#   KB_BINARY=build-x/src/app/kb tests/browser/run.sh
# Installs chromium (apt-get, only if missing) and the npm dependencies,
# indexes a fresh KB in a temp dir, starts `kb serve --port 0` and runs the
# tests. Screenshots: artifacts/browser/. Exits non-zero on any failure; the
# last line is "N passed, M failed".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
kb_binary="${KB_BINARY:-$root/build/src/app/kb}"

if [[ ! -x "$kb_binary" ]]; then
  echo "run.sh: $kb_binary not found: build first (scripts/build.sh) or set KB_BINARY" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  echo "== npm install"
  (cd "$here" && if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$kb_binary" index --quiet --kb "$work/kb.db" >/dev/null
node "$here/widget.test.js" "$kb_binary" "$work/kb.db" "$work/feedback.db"
