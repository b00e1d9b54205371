#!/usr/bin/env bash
# Runs the steps of docs/team-server.md against private PostgreSQL servers started here
# (initdb in a temporary directory, loopback only, free ports), and fails at the first step
# that does not do what the guide says:
#   1. TLS with sslmode=verify-full: a certificate authority and a server certificate for
#      "localhost"; a connection to another name, or trusting another authority, is refused;
#   2. password logins (scram-sha-256); the owner runs `db migrate`, a least-privilege role
#      (the guide's GRANTs) runs the demo's writes and the plans, and may not create a table;
#   3. a backup with pg_dump -Fc restored with pg_restore gives the same team plan;
#   4. an idle-session timeout ends serve's pooled connections, and serve answers anyway;
#   5. a standby from pg_basebackup; a multi-host URL with target_session_attrs=read-write
#      writes to the primary, and after the primary stops and the standby is promoted, the
#      same URL writes to the new primary, with every call logged before still there.
# Usage: scripts/team-server-check.sh path/to/nextcall
# The test suite runs it (ctest: team_server_guide). Needs PostgreSQL's server binaries
# (Debian: postgresql), openssl and curl; as root it runs the servers as `postgres`.
set -euo pipefail
nextcall=$(realpath "$1")
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $bindir/initdb ]] || { echo "team-server-check: PostgreSQL's initdb not found" >&2; exit 1; }
work=$(mktemp -d /tmp/nextcall-guide-XXXXXX)
chmod 755 "$work"
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) == 0 ]] && chown postgres "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for d in "$work"/primary "$work"/standby; do
    [[ -f $d/postmaster.pid ]] && as_pg "$bindir/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "team-server-check: [$((SECONDS))s] $*"; }
fail() { echo "team-server-check: FAILED: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

export NEXTCALL_NOW=2026-11-24T14:00:00Z
admin_pw=admin-$RANDOM$RANDOM
owner_pw=owner-$RANDOM$RANDOM
app_pw=app-$RANDOM$RANDOM

step "1. a certificate authority and a server certificate for localhost"
(
  cd "$work"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=nextcall test CA" \
    -keyout ca.key -out ca.crt 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
  printf 'subjectAltName=DNS:localhost\n' > san.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
    -extfile san.ext -out server.crt 2>/dev/null
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=another CA" \
    -keyout other.key -out other-ca.crt 2>/dev/null
  chmod 600 server.key
  [[ $(id -u) == 0 ]] && chown postgres server.key server.crt ca.crt
  true
)

primary_port=$(free_port)
printf '%s\n' "$admin_pw" > "$work/pwfile"
[[ $(id -u) == 0 ]] && chown postgres "$work/pwfile"
as_pg "$bindir/initdb" -D "$work/primary" -U admin --pwfile="$work/pwfile" -A scram-sha-256 \
  -E UTF8 --no-locale --no-sync >/dev/null
cat > "$work/primary/pg_hba.conf" <<EOF
local   all          all                        scram-sha-256
hostssl all          all          127.0.0.1/32  scram-sha-256
hostssl replication  admin        127.0.0.1/32  scram-sha-256
EOF
cat >> "$work/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$work'
ssl = on
ssl_cert_file = '$work/server.crt'
ssl_key_file = '$work/server.key'
fsync = off
EOF
as_pg "$bindir/pg_ctl" -D "$work/primary" -l "$work/primary.log" -w -t 60 start >/dev/null ||
  { cat "$work/primary.log"; fail "the primary did not start"; }

export PGPASSWORD=$admin_pw PGSSLMODE=verify-full PGSSLROOTCERT=$work/ca.crt
psql_admin() { psql -qXAt -v ON_ERROR_STOP=1 -h localhost -p "$primary_port" -U admin "$@"; }

step "2. roles with passwords: the owner and a least-privilege role (the guide's GRANTs)"
psql_admin -d postgres -c "CREATE ROLE nextcall LOGIN PASSWORD '$owner_pw'" \
  -c "CREATE ROLE nextcall_app LOGIN PASSWORD '$app_pw'" -c "CREATE DATABASE nextcall OWNER nextcall"
unset PGPASSWORD PGSSLMODE PGSSLROOTCERT
tls="sslmode=verify-full&sslrootcert=$work/ca.crt"
owner_url="postgresql://nextcall:$owner_pw@localhost:$primary_port/nextcall?$tls"
app_url="postgresql://nextcall_app:$app_pw@localhost:$primary_port/nextcall?$tls"

out=$("$nextcall" --db "postgresql://nextcall:$owner_pw@127.0.0.1:$primary_port/nextcall?$tls" db migrate 2>&1) &&
  fail "verify-full accepted a certificate for another name: $out"
[[ $out == *"localhost"* || $out == *"does not match"* ]] || fail "unexpected refusal for a wrong name: $out"
[[ $out != *"$owner_pw"* ]] || fail "the password reached a message: $out"
out=$("$nextcall" --db "postgresql://nextcall:$owner_pw@localhost:$primary_port/nextcall?sslmode=verify-full&sslrootcert=$work/other-ca.crt" db migrate 2>&1) &&
  fail "verify-full accepted a server certificate from an authority not trusted"
out=$("$nextcall" --db "postgresql://nextcall:wrong@localhost:$primary_port/nextcall?$tls" db migrate 2>&1) &&
  fail "a wrong password was accepted"
"$nextcall" --db "$owner_url" db migrate | grep -q "Migrated the database" || fail "db migrate as the owner"

PGPASSWORD=$owner_pw psql -qXAt -v ON_ERROR_STOP=1 "host=localhost port=$primary_port dbname=nextcall user=nextcall sslmode=verify-full sslrootcert=$work/ca.crt" <<'EOF'
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO nextcall_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO nextcall_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO nextcall_app;
ALTER DEFAULT PRIVILEGES FOR ROLE nextcall IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO nextcall_app;
ALTER DEFAULT PRIVILEGES FOR ROLE nextcall IN SCHEMA public GRANT USAGE ON SEQUENCES TO nextcall_app;
EOF
"$nextcall" --db "$app_url" demo >/dev/null || fail "the demo's writes as the least-privilege role"
out=$("$nextcall" --db "$app_url" db migrate 2>&1 || true)
[[ $out == *"already at"* || $out == *"up to date"* || $out == *"schema version"* ]] ||
  fail "db migrate on a current database as the app role said: $out"
PGPASSWORD=$app_pw psql -qXAt "host=localhost port=$primary_port dbname=nextcall user=nextcall_app sslmode=verify-full sslrootcert=$work/ca.crt" \
  -c "CREATE TABLE sneaky(x int)" >/dev/null 2>&1 && fail "the app role could create a table"
"$nextcall" --db "$app_url" plan --team --date 2026-11-25 > "$work/plan-before.txt"
grep -q "calls" "$work/plan-before.txt" || fail "no team plan as the app role"

step "3. backup with pg_dump -Fc, restore with pg_restore into a new database, same plan"
PGPASSWORD=$owner_pw pg_dump -Fc -f "$work/nextcall.dump" \
  "host=localhost port=$primary_port dbname=nextcall user=nextcall sslmode=verify-full sslrootcert=$work/ca.crt"
PGPASSWORD=$admin_pw psql -qXAt -v ON_ERROR_STOP=1 \
  "host=localhost port=$primary_port dbname=postgres user=admin sslmode=verify-full sslrootcert=$work/ca.crt" \
  -c "CREATE DATABASE restored OWNER nextcall"
PGPASSWORD=$owner_pw pg_restore --no-owner --exit-on-error -d \
  "host=localhost port=$primary_port dbname=restored user=nextcall sslmode=verify-full sslrootcert=$work/ca.crt" \
  "$work/nextcall.dump"
"$nextcall" --db "postgresql://nextcall:$owner_pw@localhost:$primary_port/restored?$tls" \
  plan --team --date 2026-11-25 > "$work/plan-restored.txt"
cmp -s "$work/plan-before.txt" "$work/plan-restored.txt" ||
  { diff "$work/plan-before.txt" "$work/plan-restored.txt" | head -20; fail "the restored database plans differently"; }

step "4. an idle-session timeout on the role ends serve's connections; serve answers anyway"
PGPASSWORD=$admin_pw psql -qXAt -v ON_ERROR_STOP=1 \
  "host=localhost port=$primary_port dbname=postgres user=admin sslmode=verify-full sslrootcert=$work/ca.crt" \
  -c "ALTER ROLE nextcall_app SET idle_session_timeout = '1s'"
token=$("$nextcall" --db "$app_url" --rep sam@demo.nextcall user token sam@demo.nextcall | tail -1 | awk '{print $NF}')
web_port=$(free_port)
"$nextcall" --db "$app_url" serve --port "$web_port" --db-pool 2 > "$work/serve.log" 2>&1 &
pids+=($!)
get_plan() { curl -s -o /dev/null -w '%{http_code}' --max-time 60 -H "Authorization: Bearer $token" "http://127.0.0.1:$web_port/api/plan?date=2026-11-25"; }
for _ in $(seq 1 600); do
  curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$web_port/healthz" && break
  sleep 0.1
done
[[ $(get_plan) == 200 ]] || { cat "$work/serve.log"; fail "serve did not answer a plan"; }
# Until the server has ended every idle connection of the role (not a fixed wait).
active() {
  PGPASSWORD=$admin_pw psql -qXAt "host=localhost port=$primary_port dbname=postgres user=admin sslmode=verify-full sslrootcert=$work/ca.crt" \
    -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'nextcall_app'"
}
for _ in $(seq 1 600); do
  [[ $(active) == 0 ]] && break
  sleep 0.1
done
[[ $(active) == 0 ]] || fail "the idle-session timeout did not end serve's connections"
for i in 1 2 3; do
  code=$(get_plan)
  [[ $code == 200 ]] || { tail -20 "$work/serve.log"; fail "after the idle timeout, request $i answered $code"; }
done
kill "${pids[-1]}"
wait "${pids[-1]}" 2>/dev/null || true

step "4b. behind an HTTPS proxy: --secure-cookies --trust-proxy"
web_port=$(free_port)
"$nextcall" --db "$app_url" serve --port "$web_port" --secure-cookies --trust-proxy > "$work/serve2.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do
  curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$web_port/healthz" && break
  sleep 0.1
done
cookie=$(curl -s -D - -o /dev/null --max-time 60 -H 'Content-Type: application/json' \
  -H 'X-Forwarded-For: 203.0.113.7' -H 'X-Forwarded-Proto: https' \
  -d '{"email":"sam@demo.nextcall","password":"nextcall-demo"}' "http://127.0.0.1:$web_port/api/session" |
  grep -i '^set-cookie:' || true)
[[ $cookie == *"; Secure"* && $cookie == *"HttpOnly"* ]] || fail "the session cookie is not Secure and HttpOnly: $cookie"
kill "${pids[-1]}"
wait "${pids[-1]}" 2>/dev/null || true
PGPASSWORD=$admin_pw psql -qXAt "host=localhost port=$primary_port dbname=postgres user=admin sslmode=verify-full sslrootcert=$work/ca.crt" \
  -c "ALTER ROLE nextcall_app RESET idle_session_timeout"

step "5. a standby, a multi-host URL with target_session_attrs=read-write, and a failover"
standby_port=$(free_port)
PGPASSWORD=$admin_pw as_pg env PGPASSWORD="$admin_pw" "$bindir/pg_basebackup" -D "$work/standby" -R -X stream -c fast \
  -d "host=localhost port=$primary_port user=admin sslmode=verify-full sslrootcert=$work/ca.crt"
cat >> "$work/standby/postgresql.conf" <<EOF
port = $standby_port
EOF
as_pg "$bindir/pg_ctl" -D "$work/standby" -l "$work/standby.log" -w -t 60 start >/dev/null ||
  { cat "$work/standby.log"; fail "the standby did not start"; }
# The standby first: libpq skips it while it is read-only.
both="postgresql://nextcall_app:$app_pw@localhost:$standby_port,localhost:$primary_port/nextcall?target_session_attrs=read-write&$tls"
"$nextcall" --db "$both" --rep sam@demo.nextcall log 1 --outcome connected --note "before the failover" >/dev/null ||
  fail "a call logged through the multi-host URL (the primary)"
out=$("$nextcall" --db "postgresql://nextcall_app:$app_pw@localhost:$standby_port/nextcall?$tls" --rep sam@demo.nextcall \
  log 1 --outcome connected --note "on the standby" 2>&1) && fail "the standby took a write"
as_pg "$bindir/pg_ctl" -D "$work/primary" -m fast -w stop >/dev/null
as_pg "$bindir/pg_ctl" -D "$work/standby" -w promote >/dev/null || fail "the standby was not promoted"
"$nextcall" --db "$both" --rep sam@demo.nextcall log 1 --outcome connected --note "after the failover" >/dev/null ||
  fail "a call logged through the same URL after the failover"
history=$("$nextcall" --db "$both" --rep sam@demo.nextcall history 1)
[[ $history == *"before the failover"* && $history == *"after the failover"* ]] ||
  fail "the history after the failover lacks a call: $history"
step "every step of the administrator's guide worked"
