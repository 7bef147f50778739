#!/usr/bin/env bash
# Installs the project's build and test dependencies from Debian's packages.
# Idempotent: apt-get skips what is already installed.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
packages=(
  build-essential cmake pkg-config clang-format
  libsqlite3-dev sqlite3 libicu-dev libstemmer-dev snowball-data
  nlohmann-json3-dev libcpp-httplib-dev libcli11-dev libedit-dev libcld2-dev libjemalloc-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
