#!/usr/bin/env bash
# The backup and restore procedure of docker/README.md ("Backups of PostgreSQL"), run for real:
#  1. A fresh database owned by a fresh non-superuser role (the README's `sitecard`), migrated and seeded with
#     the binary (SITECARD_DEV=1); `sitecard serve` on it; over HTTP the demo worker signs in, fills in the
#     contact details and accepts the seeded card order (status confirmed). The server is stopped.
#  2. The dump as the README's cron line takes it: `pg_dump -Fc -f …/sitecard-DATE.dump DB`, as `postgres`.
#  3. The restore as the README says: `createdb -O ROLE RESTORED` as `postgres`, then
#     `pg_restore --no-owner --exit-on-error -d postgres://ROLE@…/RESTORED DUMP` as that role.
#  4. On the restored database: the same rows in every table and the same schema as the original;
#     `sitecard migrate` succeeds and changes nothing; `sitecard admin verify-audit-chain` succeeds with every
#     event of the original; `sitecard serve` with the same SITECARD_DATA_KEY lets the worker sign in again (the
#     encrypted signing keys still decrypt) and the order is still `confirmed`; the new events chain on.
# SITECARD_BIN (default target/debug/sitecard) and PG_URL (default postgres://postgres@127.0.0.1:5432, a
# superuser) override. The role connects without a password: PostgreSQL must trust 127.0.0.1 (as in CI).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${SITECARD_BIN:-target/debug/sitecard}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
started=$SECONDS

fail() { echo "backup-restore-test: FAIL: $*" >&2; exit 1; }
step() { echo "backup-restore-test: $*"; }

[ -x "$BIN" ] || fail "$BIN is not built (make build)"
for tool in pg_dump pg_restore createdb psql curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
if ! psql "$PG_URL/postgres" -qAtc 'select 1' >/dev/null 2>&1; then
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!!! PostgreSQL is not reachable at $PG_URL: backup and restore were NOT tested"
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  exit 0
fi

work=$(mktemp -d)
pids=()
dbs=()
role=""
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$rc" != 0 ]; then
    for log in "$work"/*.log; do
      [ -f "$log" ] && { echo "--- last lines of $(basename "$log")"; tail -n 15 "$log" | cut -c1-400; }
    done
  fi
  for d in "${dbs[@]}"; do psql "$PG_URL/postgres" -qc "drop database if exists $d with (force)" >/dev/null 2>&1 || true; done
  [ -n "$role" ] && { psql "$PG_URL/postgres" -qc "drop role if exists $role" >/dev/null 2>&1 || true; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

name="sitecard_backup_$(python3 -c 'import secrets; print(secrets.token_hex(4))')"
db=$name
restored=${name}_restored
role=$name                                 # the README's `sitecard` role: owns both databases, no superuser
hostport=${PG_URL#*://}; hostport=${hostport#*@}; hostport=${hostport%%/*}
app_url() { echo "postgres://$role@$hostport/$1"; }
su_psql() { psql "$PG_URL/postgres" -v ON_ERROR_STOP=1 -qAt "$@"; }

su_psql -c "create role $role login nosuperuser nocreatedb nocreaterole" >/dev/null
dbs+=("$db")
createdb --maintenance-db="$PG_URL/postgres" -O "$role" "$db"
psql "$(app_url "$db")" -qAtc 'select 1' >/dev/null 2>&1 \
  || fail "role $role cannot connect to $(app_url "$db") without a password (trust auth on $hostport needed)"

# The same data key for the original and the restored database, as the README demands.
export SITECARD_DATA_KEY
SITECARD_DATA_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
export SITECARD_DEV=1 SITECARD_AUDIT_SEAL_INTERVAL_MS=200 SITECARD_HOST=127.0.0.1 SITECARD_PORT=0 SITECARD_OBJECT_STORE="$work/objects"
[ -d frontend/dist ] && export SITECARD_STATIC_DIR=$PWD/frontend/dist
unset SITECARD_SMTP_URL SITECARD_SMS_URL SITECARD_SMS_TOKEN

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
server_pid=""
start_server() {  # start_server DB LOG -> sets url
  DATABASE_URL=$(app_url "$1") "$BIN" serve >"$work/$2.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  url=""
  for _ in $(seq 1 150); do
    url=$(grep -s -m1 -o 'sitecard listening on http://[0-9.:]*' "$work/$2.log" | sed 's/sitecard listening on //' || true)
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || fail "sitecard serve on $1 exited at start"
    sleep 0.1
  done
  [ -n "$url" ] || fail "sitecard serve on $1 did not start within 15 s"
}
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || fail "sitecard serve did not stop cleanly on SIGTERM (exit $?)"
}
audit_check() {  # audit_check DB [N:HASH] -> "EVENTS LAST-CHECKPOINT" as `verify-audit-chain` found them
  local out
  out=$(DATABASE_URL=$(app_url "$1") "$BIN" admin verify-audit-chain ${2:+--published "$2"} 2>&1) \
    || fail "sitecard admin verify-audit-chain on $1${2:+ --published $2}: $out"
  sed -n 's/^audit chain OK: [0-9]* checkpoints, \([0-9]*\) events sealed, \([0-9]*\) not sealed yet; last checkpoint \([^ ]*\)$/\1 \2 \3/p' <<<"$out" \
    | awk '{ print $1 + $2, $3 }' | grep . || fail "verify-audit-chain on $1 said: $out"
}
row_counts() {  # row_counts DB -> "table count" per line, every table of the public schema
  psql "$(app_url "$1")" -v ON_ERROR_STOP=1 -qAt -F ' ' -c "select table_name,
      (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from public.%I', table_name), false, true, '')))[1]::text
    from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1"
}
schema() {  # schema DB -> the schema as pg_dump prints it, without pg_dump's random \restrict key
  pg_dump --schema-only --no-owner --no-privileges "$(app_url "$1")" | grep -v '^\\\(un\)\?restrict '
}

# --- 1. the original: migrate, seed, serve, real state over HTTP ---------------------------------------------------
DATABASE_URL=$(app_url "$db") "$BIN" migrate >"$work/migrate.log" 2>&1 || fail "sitecard migrate on $db failed"
DATABASE_URL=$(app_url "$db") "$BIN" seed-demo >"$work/seed.log" 2>&1 || fail "sitecard seed-demo on $db failed"
start_server "$db" serve-original
step "database $db (owner $role), migrated and seeded; serving at $url"

drive() {  # drive URL MODE: MODE `accept` signs in and accepts the order, `check` signs in and reads it
  python3 - "$@" <<'EOF'
import json, sys, time, urllib.error, urllib.request
base, mode = sys.argv[1:]
def fail(msg):
    sys.exit(f"backup-restore-test: FAIL: {msg}")
def call(method, path, body=None, token=None, expect=200):
    h = {"Accept": "application/json"}
    data = None
    if body is not None:
        data, h["Content-Type"] = json.dumps(body).encode(), "application/json"
    if token:
        h["Authorization"] = f"Bearer {token}"
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, data=data, method=method, headers=h), timeout=20) as res:
            status, raw = res.status, res.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    if status != expect:
        fail(f"{method} {path}: {status} (expected {expect}) {raw[:300]!r}")
    return json.loads(raw) if raw.strip() else None
outbox = "/api/v1/dev/outbox?to=%2B46700000003"
# Sign in: password, then the SMS code of the newest message to the worker's phone (the restored outbox already
# holds the first sign-in's message, so wait for one more than before).
before = len(call("GET", outbox))
ch = call("POST", "/api/v1/auth/login", {"email": "worker@demo.test", "password": "demo-password-1"})
deadline = time.time() + 5
while len(msgs := call("GET", outbox)) <= before and time.time() < deadline:
    time.sleep(0.1)
len(msgs) > before or fail("no new SMS for the worker in the dev outbox")
msgs[0].get("code") or fail(f"the newest SMS to the worker has no code: {msgs[0]}")
token = call("POST", "/api/v1/auth/login/verify", {"challenge_id": ch["challenge_id"], "code": msgs[0]["code"]})["access_token"]
def orders():
    o = call("GET", "/api/v1/me/card-orders", token=token)
    o = o["items"] if isinstance(o, dict) else o
    len(o) == 1 or fail(f"the demo worker should have one order: {o}")
    return o[0]
if mode == "accept":
    call("PATCH", "/api/v1/me/contact", {"address_line1": "Storgatan 1", "postal_code": "111 22", "city": "Stockholm", "country": "SE"}, token=token)
    o = orders()
    done = call("POST", f"/api/v1/me/card-orders/{o['id']}/accept", {"version": o["version"]}, token=token)
    done.get("status") == "confirmed" or fail(f"accept answered status {done.get('status')!r}, not 'confirmed'")
    o = orders()
    o["status"] == "confirmed" or fail(f"after the accept the order reads {o['status']!r}")
    print(f"{o['id']} {o['version']}")
else:
    o = orders()
    o["status"] == "confirmed" or fail(f"the restored order {o['id']} is {o['status']!r}, not 'confirmed'")
    print(f"{o['id']} {o['version']}")
EOF
}
order=$(drive "$url" accept)
step "worker signed in, contact details set, order ${order% *} accepted: confirmed"
stop_server
read -r events published < <(audit_check "$db")
[ "${events:-0}" -gt 0 ] || fail "the original database has no audit events"
[ "$published" != none ] || fail "no audit checkpoint was sealed while serving"
row_counts "$db" >"$work/rows-original"
schema "$db" >"$work/schema-original.sql"

# --- 2. the dump, as the README's cron line takes it (as postgres) --------------------------------------------------
dump="$work/sitecard-$(date +%F).dump"
pg_dump -Fc -f "$dump" "$PG_URL/$db" 2>"$work/pg_dump.log" || fail "pg_dump -Fc failed: $(cat "$work/pg_dump.log")"
step "pg_dump -Fc: $(du -h "$dump" | cut -f1) ($events audit events)"

# --- 3. the restore, as the README says: createdb -O ROLE as postgres, pg_restore as ROLE ---------------------------
dbs+=("$restored")
createdb --maintenance-db="$PG_URL/postgres" -O "$role" "$restored"
pg_restore --no-owner --exit-on-error -d "$(app_url "$restored")" "$dump" >"$work/pg_restore.log" 2>&1 \
  || fail "pg_restore --no-owner --exit-on-error into $restored as $role failed: $(cat "$work/pg_restore.log")"
[ ! -s "$work/pg_restore.log" ] || fail "pg_restore printed: $(cat "$work/pg_restore.log")"
row_counts "$restored" >"$work/rows-restored"
diff -u "$work/rows-original" "$work/rows-restored" >&2 || fail "the restored tables hold other row counts than the original"
schema "$restored" >"$work/schema-restored.sql"
diff -u "$work/schema-original.sql" "$work/schema-restored.sql" >&2 || fail "the restored schema differs from the original"
step "pg_restore --no-owner --exit-on-error into $restored as $role: $(wc -l <"$work/rows-restored") tables, same rows and schema"

# --- 4. the restored database in use ---------------------------------------------------------------------------------
DATABASE_URL=$(app_url "$restored") "$BIN" migrate >"$work/migrate-restored.log" 2>&1 \
  || fail "sitecard migrate on the restored database failed"
schema "$restored" | diff -u "$work/schema-restored.sql" - >&2 || fail "sitecard migrate changed the restored schema"
row_counts "$restored" | diff -u "$work/rows-restored" - >&2 || fail "sitecard migrate changed rows of the restored database"
step "sitecard migrate on the restored database: success, nothing changed"
read -r restored_events _ < <(audit_check "$restored" "$published")
[ "$restored_events" = "$events" ] || fail "verify-audit-chain: $restored_events events restored, $events dumped"
step "sitecard admin verify-audit-chain --published $published on the restored database: OK, $restored_events events"

start_server "$restored" serve-restored
after=$(drive "$url" check)
[ "$after" = "$order" ] || fail "the restored order is '$after' (id version), the original was '$order'"
stop_server
read -r new_events _ < <(audit_check "$restored" "$published")
[ "$new_events" -gt "$events" ] || fail "signing in on the restored database added no audit events ($new_events)"
step "serve on the restored database: worker signed in again, order ${order% *} still confirmed (version ${order#* }); audit chain OK with $((new_events - events)) new events"

step "PASS: pg_dump -Fc and pg_restore --no-owner --exit-on-error as in docker/README.md; the restored database migrates, verifies and serves ($((SECONDS - started)) s)"
