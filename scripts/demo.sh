#!/usr/bin/env bash
# The first command of the README: install, build, create the demo workspace, show it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release
db=${NEXTCALL_DB:-demo.db}
if [[ ! -f $db ]]; then
  build/nextcall --db "$db" demo
fi
build/nextcall --db "$db" plan
echo
echo "The web app: sign in as sam@demo.nextcall (or maria@demo.nextcall, a manager) with the"
echo "password nextcall-demo. The CLI: build/nextcall --db $db plan --briefs | less"
exec build/nextcall --db "$db" serve --port "${PORT:-8080}"
