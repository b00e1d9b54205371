#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz/ and runs each for N seconds
# (default 20) on its seed corpus. Fails when a target finds a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
NEXTCALL_BUILD_TARGET=fuzz_targets scripts/build.sh build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DNEXTCALL_FUZZ=ON -DBUILD_TESTING=OFF -DNEXTCALL_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
for target in build-fuzz/fuzz/*_fuzz; do
  name=$(basename "$target")
  corpus="fuzz/corpus/${name%_fuzz}"
  work=$(mktemp -d)
  [[ -d $corpus ]] && cp -r "$corpus"/. "$work"/
  if [[ $name == request_body_fuzz || $name == route_body_fuzz ]]; then
    # Nesting a hundred thousand deep (600 KB), written here rather than kept in the tree.
    { head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; } > "$work/nested_100k_array.json"
    { for _ in {1..100000}; do printf '{"a":'; done; printf 1; head -c 100000 /dev/zero | tr '\0' '}'; } > "$work/nested_100k_object.json"
  fi
  echo "fuzz: $name for ${seconds}s"
  "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
    "$work" >"$work/log" 2>&1 || { tail -40 "$work/log"; echo "fuzz: $name failed" >&2; exit 1; }
  grep -E '^#[0-9]+[[:space:]]+DONE' "$work/log" | tail -1 || true
  rm -rf "$work"
done
