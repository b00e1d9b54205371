#!/usr/bin/env bash
# Writes on both backends, side by side, in one run: the 2,000-contact demo and an import
# of 20,000 contacts, into SQLite and into a private PostgreSQL started here (initdb in a
# temporary directory, loopback, the server's default durability: fsync and synchronous
# commit on, as a team server runs).
#   BUILD=build bench/pg_writes.sh [CONTACTS=2000] [ROWS=20000]
# BASE=path/to/an/older/nextcall adds its figures on the same server, for a ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
contacts=${1:-2000}
rows=${2:-20000}
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
out=$(mktemp -d)
chmod 755 "$out"
run_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) == 0 ]] && chown postgres "$out"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
run_pg "$bindir/initdb" -D "$out/data" -A trust -U nextcall -E UTF8 --no-locale >/dev/null
run_pg "$bindir/pg_ctl" -D "$out/data" -o "-p $port -k $out -c listen_addresses=127.0.0.1" \
  -l "$out/server.log" -w start >/dev/null
trap 'run_pg "$bindir/pg_ctl" -D "$out/data" -m immediate stop >/dev/null 2>&1; rm -rf "$out"' EXIT
"$build/bench/gen_contacts" "$out/contacts.csv" "$rows"
chmod 644 "$out/contacts.csv"
# seconds BINARY DB COMMAND...: the wall-clock time of one command, on a fresh database.
seconds() {
  local bin=$1 db=$2
  shift 2
  local t0 t1
  t0=$(date +%s.%N)
  "$bin" --db "$db" "$@" >/dev/null
  t1=$(date +%s.%N)
  python3 -c "print(f'{$t1 - $t0:.2f}')"
}
# Each in a subshell ($(...)), so a name from the clock rather than a counter.
fresh_pg() {
  local name
  name=b$(date +%s%N)
  psql -qX -h 127.0.0.1 -p "$port" -U nextcall postgres -c "CREATE DATABASE $name"
  local url="postgres://nextcall@127.0.0.1:$port/$name"
  "$1" --db "$url" db migrate >/dev/null
  echo "$url"
}
fresh_sqlite() { echo "$out/b$(date +%s%N).db"; }
measure() {  # LABEL BINARY
  local label=$1 bin=$2 db
  db=$(fresh_sqlite); local sd; sd=$(seconds "$bin" "$db" demo --contacts "$contacts")
  db=$(fresh_pg "$bin"); local pd; pd=$(seconds "$bin" "$db" demo --contacts "$contacts")
  db=$(fresh_sqlite); "$bin" --db "$db" workspace add Bench >/dev/null
  local si; si=$(seconds "$bin" "$db" import contacts "$out/contacts.csv")
  db=$(fresh_pg "$bin"); "$bin" --db "$db" workspace add Bench >/dev/null
  local pi; pi=$(seconds "$bin" "$db" import contacts "$out/contacts.csv")
  printf '| %s | demo, %s contacts | %s s | %s s | %.1fx |\n' "$label" "$contacts" "$sd" "$pd" "$(python3 -c "print($pd/$sd)")"
  printf '| %s | import, %s rows | %s s | %s s | %.1fx |\n' "$label" "$rows" "$si" "$pi" "$(python3 -c "print($pi/$si)")"
}
echo "| binary | job | SQLite | PostgreSQL | PostgreSQL/SQLite |"
echo "|---|---|---:|---:|---:|"
[[ -n ${BASE:-} ]] && measure base "$BASE"
measure now "$build/nextcall"
