#!/usr/bin/env bash
# The second command of the README: install, build and run every test.
#  1. the release build with warnings as errors, and its tests (ctest), the browser tests
#     in headless Chromium among them (screenshots in build/e2e-artifacts/);
#  2. the address+undefined sanitizer build, and the same tests;
#  3. the fuzz targets, briefly (libFuzzer with clang).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)

scripts/build.sh build -DCMAKE_BUILD_TYPE=Release
ctest --test-dir build --output-on-failure -j"$jobs"

if [[ ${NEXTCALL_SKIP_SANITIZE:-0} != 1 ]]; then
  scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DNEXTCALL_SANITIZE=ON -DNEXTCALL_BUILD_BENCH=OFF
  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE "slow|e2e"
fi

if [[ ${NEXTCALL_SKIP_FUZZ:-0} != 1 && -f fuzz/CMakeLists.txt ]]; then
  scripts/fuzz.sh 20
fi
