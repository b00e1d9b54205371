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
# After hours, on a weekend or a holiday today's sheet is empty: show the next day of the
# week that has calls, as a rep preparing it would.
shown=
for when in today tomorrow +2d +3d +4d +5d +6d; do
  sheet=$(build/nextcall --db "$db" plan --date "$when")
  if [[ $sheet != *": 0 calls of a capacity"* ]]; then
    shown=$when
    break
  fi
done
case $shown in
  today) printf '%s\n' "$sheet" ;;
  "") build/nextcall --db "$db" plan ;;  # none in a week: today's sheet, which says why
  *)
    echo "No calls left to plan today; the next day with calls is shown ('plan --date $shown')."
    echo
    printf '%s\n' "$sheet"
    ;;
esac
echo
echo "The web app: sign in as sam@demo.nextcall (or maria@demo.nextcall, a manager) with the"
echo "password nextcall-demo (after hours, 'day after ›' on Today plans tomorrow)."
echo "The CLI: build/nextcall --db $db plan --briefs | less"
exec build/nextcall --db "$db" serve --port "${PORT:-8080}"
