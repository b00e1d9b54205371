#!/usr/bin/env bash
# nextcall's contact import against sqlite3's own unvalidated .import of the same file,
# in one run:   BUILD=build bench/import_bench.sh [ROWS=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
rows=${1:-1000000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/bench/gen_contacts" "$out/contacts.csv" "$rows"
cat "$out/contacts.csv" > /dev/null
t0=$(date +%s.%N)
sqlite3 "$out/plain.db" ".mode csv" ".import $out/contacts.csv contacts"
t1=$(date +%s.%N)
"$build/nextcall" --db "$out/nextcall.db" workspace add Bench > /dev/null
"$build/nextcall" --db "$out/nextcall.db" import contacts "$out/contacts.csv" > "$out/import.log"
t2=$(date +%s.%N)
tail -1 "$out/import.log"
python3 - "$rows" "$t0" "$t1" "$t2" <<'PY'
import sys
n, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:5])
a, b = t1 - t0, t2 - t1
print(f"rows: {n}")
print(f"sqlite3 .import (no validation): {a:.2f} s, {n/a:,.0f} rows/s")
print(f"nextcall import contacts:        {b:.2f} s, {n/b:,.0f} rows/s")
print(f"ratio nextcall/sqlite3 time: {b/a:.2f}x")
PY
