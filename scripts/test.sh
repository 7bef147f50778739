#!/usr/bin/env bash
# Installs what the tests need, then builds and runs every test twice: a
# normal build and an AddressSanitizer + UBSan build (any report fails).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== normal build"
BUILD_DIR=build scripts/build.sh
build/src/app/kb index --quiet
(cd build && ctest --output-on-failure -j2)

echo "== browser tests (headless Chromium + playwright-core)"
KB_BINARY="$PWD/build/src/app/kb" bash tests/browser/run.sh

echo "== sanitizer build (address, undefined)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
BUILD_DIR=build-asan BUILD_TYPE=Debug scripts/build.sh -DKB_SANITIZE=ON -DKB_BUILD_BENCHMARKS=OFF
(cd build-asan && ctest --output-on-failure -j2)
