#!/usr/bin/env bash
# Installs what nextcall needs on Debian (run as root), idempotent and quiet when
# everything is already there. Debian packages by name; npm packages from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git ca-certificates
  libsqlite3-dev sqlite3 libpq-dev postgresql
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libhowardhinnant-date-dev tzdata libphonenumber-dev libical-dev
  libhyperscan-dev libsodium-dev libicu-dev libmimalloc-dev
  libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us espeak-ng sox
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  chromium wrk pgbouncer openssl curl python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser tests' driver, from the lockfile (Chromium itself is Debian's).
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "setup: installing nodejs npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm > /dev/null
fi
if [[ -f tests/e2e/package-lock.json && ( ! -d tests/e2e/node_modules || tests/e2e/package-lock.json -nt tests/e2e/node_modules ) ]]; then
  echo "setup: installing the browser tests' npm packages"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error > /dev/null && touch node_modules)
fi
