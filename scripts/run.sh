#!/usr/bin/env bash
# The main job: install dependencies, build, index kb/ and open the chat REPL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/src/app/kb index
exec build/src/app/kb chat "$@"
