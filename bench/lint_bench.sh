#!/usr/bin/env bash
# The linter against grep on the same corpus, in one run:
#   bench/lint_bench.sh [MEGABYTES=1024]   (after scripts/build.sh build -DCMAKE_BUILD_TYPE=Release)
# Prints both throughputs and the ratio. The corpus is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-1024}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
${BUILD:-build}/bench/gen_lint_corpus "$out/corpus.txt" "$mb"
${BUILD:-build}/nextcall lint --print-phrases > "$out/phrases.txt"
bytes=$(stat -c %s "$out/corpus.txt")
cat "$out/corpus.txt" > /dev/null  # warm the page cache for both
t0=$(date +%s.%N)
${BUILD:-build}/nextcall lint --kind note "$out/corpus.txt" > "$out/nextcall.out" || true
t1=$(date +%s.%N)
LC_ALL=C grep -F -i -o -f "$out/phrases.txt" "$out/corpus.txt" > "$out/grep.out" || true
t2=$(date +%s.%N)
LC_ALL=C.UTF-8 grep -F -i -o -f "$out/phrases.txt" "$out/corpus.txt" > "$out/grep_utf8.out" || true
t3=$(date +%s.%N)
python3 - "$bytes" "$t0" "$t1" "$t2" "$t3" "$out" <<'PY'
import sys
b, t0, t1, t2, t3, out = int(sys.argv[1]), *map(float, sys.argv[2:6]), sys.argv[6]
n = sum(1 for _ in open(out + "/nextcall.out"))
g = sum(1 for _ in open(out + "/grep.out"))
mb = b / 1e6
print(f"corpus: {mb:.0f} MB")
print(f"nextcall lint: {t1-t0:.2f} s, {mb/(t1-t0):.0f} MB/s, {n} findings")
print(f"grep -F -i -o -f (C locale): {t2-t1:.2f} s, {mb/(t2-t1):.0f} MB/s, {g} matches")
print(f"grep -F -i -o -f (UTF-8 locale): {t3-t2:.2f} s, {mb/(t3-t2):.0f} MB/s")
print(f"ratio nextcall/grep throughput: {(t2-t1)/(t1-t0):.2f}x (C locale), {(t3-t2)/(t1-t0):.2f}x (UTF-8)")
PY
