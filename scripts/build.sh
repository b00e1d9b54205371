#!/usr/bin/env bash
# Configures and builds nextcall into build/ (or the folder given first), warnings as
# errors; further arguments go to cmake. Prints the compiler's output only on failure.
# NEXTCALL_BUILD_TARGET=name builds that target (and what it needs) instead of everything.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
mkdir -p "$dir"
log="$dir/build.log"
if ! { cmake -S . -B "$dir" -DNEXTCALL_WERROR=ON "$@" && cmake --build "$dir" -j"$(nproc)" ${NEXTCALL_BUILD_TARGET:+--target "$NEXTCALL_BUILD_TARGET"}; } >"$log" 2>&1; then
  grep -E 'error|Error|warning' "$log" | head -60 || tail -60 "$log"
  echo "build: failed, full log in $log" >&2
  exit 1
fi
echo "build: $dir ok"
