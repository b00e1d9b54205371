#!/usr/bin/env bash
# The HTTP server under wrk on loopback, in one run: a brief, the day's sheet, a call
# log (authenticated with an API token) and a static file from the same server as the
# ceiling. Prints requests/s, p50 and p99 per route and each route's ratio to the ceiling.
#   BUILD=build bench/web_bench.sh [SECONDS=10] [CONNECTIONS=8]
# CACHE_SECONDS=0 plans every sheet and brief afresh (no response cache).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
seconds=${1:-10}
conns=${2:-8}
out=$(mktemp -d)
export NEXTCALL_NOW=2026-11-24T15:00:00Z
"$build/nextcall" --db "$out/bench.db" demo > /dev/null
token=$("$build/nextcall" --db "$out/bench.db" user token sam@demo.nextcall --name bench)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$build/nextcall" --db "$out/bench.db" serve --port "$port" --cache-seconds "${CACHE_SECONDS:-5}" > "$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/" > /dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
contact=$(curl -sf -H "Authorization: Bearer $token" "$base/api/plan" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["calls"][0]["contact_id"])')
static=$(cd web/static && { ls *.js 2>/dev/null || true; } | head -1)
static=${static:-index.html}

run() {  # name method url [body]
  local name=$1 method=$2 url=$3 body=${4:-}
  local line
  line=$(WRK_METHOD=$method WRK_BODY=$body WRK_TOKEN=$token \
    wrk -t2 -c"$conns" -d"${seconds}s" -s bench/web_latency.lua "$url" | grep '^RESULT')
  echo "$name $line"
}
{
  run static GET "$base/$static"
  run brief GET "$base/api/contacts/$contact/brief"
  run sheet GET "$base/api/plan"
  run log POST "$base/api/contacts/$contact/calls" '{"outcome":"no_answer","note":"bench"}'
} > "$out/results"
python3 - "$out/results" "$seconds" "$conns" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
res = {r[0]: (float(r[2]), float(r[3]), float(r[4]), int(r[5])) for r in rows}
ceiling = res["static"][0]
import os
print(f"wrk -t2 -c{sys.argv[3]} -d{sys.argv[2]}s on loopback, server and wrk on the same machine; "
      f"response cache {os.environ.get('CACHE_SECONDS', '5')} s")
print(f"{'route':<28}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'vs static':>11}")
names = {"static": "GET static file (ceiling)", "brief": "GET a brief", "sheet": "GET the day's sheet",
         "log": "POST a call log"}
for key in ["static", "brief", "sheet", "log"]:
    rps, p50, p99, bad = res[key]
    print(f"{names[key]:<28}{rps:>10,.0f}{p50:>9.2f}{p99:>9.2f}{bad:>8}{rps/ceiling:>10.2f}x")
PY
