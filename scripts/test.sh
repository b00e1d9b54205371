#!/usr/bin/env bash
# The second command of the README: install, build and run every test.
#  1. the release build with warnings as errors, and its tests (ctest), the browser tests
#     in headless Chromium among them (screenshots in build/e2e-artifacts/);
#  2. the address+undefined sanitizer build, and the same tests;
#  3. the fuzz targets, briefly (libFuzzer with clang).
# Every stage runs even when an earlier one fails (a red sanitizer run must not hide the
# fuzzers); at the end one line a stage says passed, failed or skipped and how many tests,
# and the exit status is non-zero when any stage failed.
# NEXTCALL_SKIP_SANITIZE=1 and NEXTCALL_SKIP_FUZZ=1 skip stages 2 and 3.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || { echo "test: setup failed" >&2; exit 1; }
jobs=$(nproc)

summary=()
failed=0

# ctest's own tally, e.g. "97% tests passed, 3 tests failed out of 120", from its log.
ctest_tally() {
  grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$1" | tail -1 |
    sed -E 's/.*, ([0-9]+) tests? failed out of ([0-9]+).*/\1 of \2 tests failed/'
}

# stage NAME BUILD_COMMAND TEST_COMMAND...: builds, then tests, teeing the test output to a log.
stage() {
  local name=$1 build=$2
  shift 2
  local log t0=$SECONDS t1
  log=$(mktemp)
  if ! eval "$build"; then
    summary+=("$name: failed (build, $(minutes $((SECONDS - t0))))")
    failed=1
  else
    t1=$SECONDS
    if "$@" 2>&1 | tee "$log"; then
      summary+=("$name: passed ($(ctest_tally "$log" | sed -E 's/^0 of ([0-9]+) tests failed/\1 tests/'); build $(minutes $((t1 - t0))), tests $(minutes $((SECONDS - t1))))")
    else
      local tally
      tally=$(ctest_tally "$log")
      summary+=("$name: failed (${tally:-see the output above}; build $(minutes $((t1 - t0))), tests $(minutes $((SECONDS - t1))))")
      failed=1
    fi
  fi
  rm -f "$log"
}

# minutes SECONDS: "4m07s", for the summary.
minutes() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

stage release "scripts/build.sh build -DCMAKE_BUILD_TYPE=Release" \
  ctest --test-dir build --output-on-failure -j"$jobs"

if [[ ${NEXTCALL_SKIP_SANITIZE:-0} != 1 ]]; then
  stage sanitizer \
    "scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DNEXTCALL_SANITIZE=ON -DNEXTCALL_BUILD_BENCH=OFF" \
    env ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE "slow|e2e"
else
  summary+=("sanitizer: skipped (NEXTCALL_SKIP_SANITIZE=1)")
fi

if [[ ${NEXTCALL_SKIP_FUZZ:-0} != 1 && -f fuzz/CMakeLists.txt ]]; then
  log=$(mktemp)
  t0=$SECONDS
  if scripts/fuzz.sh 20 2>&1 | tee "$log"; then
    summary+=("fuzz: passed ($(grep -c '^fuzz: .* for ' "$log") targets; $(minutes $((SECONDS - t0))) with the build)")
  else
    what=$(grep -E '^(fuzz: .* failed|build: failed)' "$log" | head -1 | sed -E 's/^(fuzz|build): //')
    summary+=("fuzz: failed (${what:-see the output above})")
    failed=1
  fi
  rm -f "$log"
else
  summary+=("fuzz: skipped (NEXTCALL_SKIP_FUZZ=1 or no fuzz/CMakeLists.txt)")
fi

echo
echo "test: summary ($(minutes "$SECONDS") in all)"
for line in "${summary[@]}"; do echo "  $line"; done
exit "$failed"
