#!/usr/bin/env bash
# The deployment files of docker/, checked without a container engine (issue 35):
#  1. docker-compose (Debian's, v1) refuses docker/.env.example as committed, naming each missing secret, and
#     accepts it once the secrets are filled in; the resolved services have the intended shape. `caddy validate`
#     accepts docker/Caddyfile, `systemd-analyze verify` docker/sitecard.service (when systemd-analyze exists).
#  2. The compose topology run from those files as local processes: a fresh PostgreSQL database, the migrate
#     step once, two `sitecard serve` instances with the environment of the compose file's sitecard service,
#     and Caddy with docker/Caddyfile's site block (HTTPS from Caddy's internal CA, round robin, health checks)
#     in front. Then: sign-in on instance A; refresh, reads, contact details and an accept through the proxy,
#     answered by both instances; the client address the instances record is the one Caddy saw; logout on A
#     ends access on B.
# Debian's `caddy` and `docker-compose` are installed with apt-get when missing and we are root.
# SITECARD_BIN (default target/debug/sitecard) and PG_URL (default postgres://postgres@127.0.0.1:5432) override.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${SITECARD_BIN:-target/debug/sitecard}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
started=$SECONDS

fail() { echo "deploy-topology-test: FAIL: $*" >&2; exit 1; }
step() { echo "deploy-topology-test: $*"; }

missing=()
command -v caddy >/dev/null || missing+=(caddy)
command -v docker-compose >/dev/null || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    step "installing Debian's ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    started=$SECONDS
  else
    fail "${missing[*]} missing and we are not root: install Debian's ${missing[*]} package(s)"
  fi
fi
[ -x "$BIN" ] || fail "$BIN is not built (make build)"

work=$(mktemp -d)
pids=()
db=""
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$rc" != 0 ]; then
    for log in "$work"/*.log; do
      [ -f "$log" ] && { echo "--- last lines of $(basename "$log")"; tail -n 15 "$log" | cut -c1-400; }
    done
  fi
  [ -n "$db" ] && psql "$PG_URL/postgres" -qc "drop database if exists $db with (force)" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# Caddy keeps its local CA and certificates here, not in $HOME.
export XDG_DATA_HOME="$work/caddy-data" XDG_CONFIG_HOME="$work/caddy-config"

# --- 1. the files --------------------------------------------------------------------------------------------
compose() { docker-compose -f docker/compose.yaml --env-file "$@"; }

# Every variable compose.yaml reads is named in .env.example.
# shellcheck disable=SC2013,SC2016  # names, no spaces; a literal ${
for var in $(grep -o '\${[A-Z0-9_]*' docker/compose.yaml | cut -c3- | sort -u); do
  grep -q "^$var=" docker/.env.example || fail "docker/compose.yaml reads $var, which docker/.env.example does not name"
done

# The committed example leaves the secrets empty: compose must refuse it and name what is missing.
hex() { python3 -c "import secrets; print(secrets.token_hex($1))"; }
declare -A fills=(
  [POSTGRES_PASSWORD]=$(hex 24)
  [SITECARD_DATA_KEY]=$(hex 32)
  [SITECARD_SMTP_URL]=smtp://mailpit:1025
  [SITECARD_SMS_URL]=https://sms.example.invalid/v1/messages
  [SITECARD_SMS_TOKEN]=$(hex 16)
)
empty=$(grep -oE '^[A-Z0-9_]+=$' docker/.env.example | tr -d '=' || true)
[ -n "$empty" ] || fail "docker/.env.example has no empty (required) values; this test expects the secrets left empty"
fill_env() {  # fill_env OUT [VAR-to-leave-empty]
  local v
  cp docker/.env.example "$1"
  for v in $empty; do
    [ -n "${fills[$v]:-}" ] || fail "docker/.env.example leaves $v empty and this test has no value for it"
    [ "$v" = "${2:-}" ] || sed -i "s|^$v=\$|$v=${fills[$v]}|" "$1"
  done
}
for var in $empty; do
  fill_env "$work/missing.env" "$var"
  if out=$(compose "$work/missing.env" config -q 2>&1); then fail "docker-compose accepted an empty $var"; fi
  grep -q "set $var in docker/.env" <<<"$out" || fail "docker-compose refused an empty $var without naming it: $out"
done
if out=$(compose docker/.env.example config -q 2>&1); then fail "docker-compose accepted docker/.env.example with empty secrets"; fi
step "docker-compose refuses missing secrets by name: ${empty//$'\n'/ }"
fill_env "$work/compose.env"
compose "$work/compose.env" config -q || fail "docker-compose config rejects docker/compose.yaml"
step "docker-compose config -q: valid"

# The resolved services, as JSON (Debian's docker-compose brings python3-yaml to /usr/bin/python3; v2 has --format).
is_json() { python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$1" 2>/dev/null; }
{ compose "$work/compose.env" config --format json >"$work/compose.json" 2>/dev/null && is_json "$work/compose.json"; } \
  || compose "$work/compose.env" config | /usr/bin/python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)' >"$work/compose.json"
compose "$work/compose.env" --profile mail config --services | grep -qx mailpit || fail "no mailpit service under the mail profile"
# Check the topology and write the sitecard service's environment (and Caddy's) for the local run.
python3 - "$work/compose.json" "$work" <<'EOF'
import json, shlex, sys
cfg, work = json.load(open(sys.argv[1])), sys.argv[2]
svc = cfg["services"]
def need(cond, msg):
    if not cond:
        sys.exit(f"deploy-topology-test: FAIL: compose: {msg}")
always = sorted(n for n, s in svc.items() if not s.get("profiles"))
need(always == ["caddy", "db", "migrate", "sitecard-1", "sitecard-2"], f"services without a profile: {always}")
need(svc.get("mailpit", {}).get("profiles", ["mail"]) == ["mail"], "mailpit is not under the `mail` profile")
need(svc["migrate"].get("command") == ["migrate"] and svc["migrate"].get("restart") == "no", "migrate is not a one-shot `migrate`")
a, b = svc["sitecard-1"], svc["sitecard-2"]
for name, s in (("sitecard-1", a), ("sitecard-2", b)):
    need(s["depends_on"].get("migrate", {}).get("condition") == "service_completed_successfully", f"{name} does not wait for migrate")
    need(s["healthcheck"]["test"] == ["CMD", "/usr/local/bin/sitecard", "healthcheck"], f"{name} healthcheck: {s['healthcheck']['test']}")
    need(str(s["environment"].get("SITECARD_TRUSTED_PROXIES")) == "1", f"{name}: SITECARD_TRUSTED_PROXIES is not 1")
    store = s["environment"]["SITECARD_OBJECT_STORE"]
    need(any((v.get("target") if isinstance(v, dict) else str(v).split(":")[1]) == store for v in s.get("volumes", [])),
         f"{name}: no volume at SITECARD_OBJECT_STORE ({store})")
need(a["environment"] == b["environment"] and a.get("volumes") == b.get("volumes"), "the two instances differ")
need(a["environment"] == svc["migrate"]["environment"], "migrate runs with another environment than the instances")
need(any("Caddyfile" in str(v) for v in svc["caddy"].get("volumes", [])), "caddy does not mount docker/Caddyfile")
def export(path, env):
    with open(path, "w") as f:
        for k, v in env.items():
            f.write(f"export {k}={shlex.quote(str(v))}\n")
export(f"{work}/instance.env", a["environment"])
with open(f"{work}/caddy.vars", "w") as f:  # KEY=value lines, for `env`
    for k, v in svc["caddy"].get("environment", {}).items():
        need("\n" not in str(v), f"caddy: {k} has a newline")
        f.write(f"{k}={v}\n")
EOF

grep -q '^HEALTHCHECK .*CMD \["/usr/local/bin/sitecard", "healthcheck"\]$' docker/Dockerfile \
  || fail "docker/Dockerfile: HEALTHCHECK is not the exec form of \`sitecard healthcheck\`"

mapfile -t caddy_vars <"$work/caddy.vars"  # Caddy's environment from compose
env "${caddy_vars[@]}" caddy validate --config docker/Caddyfile --adapter caddyfile >"$work/caddy-validate.out" 2>&1 \
  || { cat "$work/caddy-validate.out"; fail "caddy validate rejects docker/Caddyfile"; }
step "caddy validate: valid"

if command -v systemd-analyze >/dev/null; then
  # The unit as installed names /usr/local/bin/sitecard and /etc/sitecard/sitecard.env; verify a copy naming ours.
  mkdir -p "$work/unit" && touch "$work/unit/sitecard.env"
  sed -e "s|/usr/local/bin/sitecard|$BIN|g" -e "s|^EnvironmentFile=.*|EnvironmentFile=$work/unit/sitecard.env|" \
    docker/sitecard.service >"$work/unit/sitecard.service"
  systemd-analyze verify "$work/unit/sitecard.service" || fail "systemd-analyze verify rejects docker/sitecard.service"
  step "systemd-analyze verify: valid"
else
  step "systemd-analyze not installed: docker/sitecard.service not verified"
fi

# --- 2. the topology, as local processes -----------------------------------------------------------------------
if ! psql "$PG_URL/postgres" -qAtc 'select 1' >/dev/null 2>&1; then
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!!! PostgreSQL is not reachable at $PG_URL: the two-instance topology was NOT run"
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  exit 0
fi
db="sitecard_deploy_$$_$RANDOM"
psql "$PG_URL/postgres" -qc "create database $db" >/dev/null
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
proxy_port=$(free_port)
proxy="https://127.0.0.1:$proxy_port"

# The sitecard service's environment from compose, with what differs outside containers replaced: the database,
# the listen address (the image's SITECARD_HOST/PORT), the SPA directory, the shared object-store volume (one
# temporary directory for both), the public URL (the local proxy), and the SMTP/SMS providers: the instances run
# with SITECARD_DEV=1 instead, so messages stay in the dev outbox, where this test reads the SMS codes.
# shellcheck source=/dev/null
. "$work/instance.env"
unset SITECARD_SMTP_URL SITECARD_SMS_URL SITECARD_SMS_TOKEN
export DATABASE_URL="$PG_URL/$db" SITECARD_HOST=127.0.0.1 SITECARD_PORT=0 SITECARD_STATIC_DIR=frontend/dist \
  SITECARD_OBJECT_STORE="$work/objects" SITECARD_PUBLIC_URL="$proxy" SITECARD_DEV=1

# The migrate service: once, before the instances. Then the demo data (dev mode: demo partner, dev outbox).
"$BIN" migrate >"$work/migrate.log" 2>&1 || fail "sitecard migrate failed"
"$BIN" seed-demo >"$work/seed.log" 2>&1 || fail "sitecard seed-demo failed"

start_instance() {  # start_instance NAME -> sets url_NAME
  "$BIN" serve >"$work/$1.log" 2>&1 &
  pids+=($!)
  local url=""
  for _ in $(seq 1 150); do
    url=$(grep -s -m1 -o 'sitecard listening on http://[0-9.:]*' "$work/$1.log" | sed 's/sitecard listening on //' || true)
    [ -n "$url" ] && break
    kill -0 "${pids[-1]}" 2>/dev/null || fail "instance $1 exited at start"
    sleep 0.1
  done
  [ -n "$url" ] || fail "instance $1 did not start within 15 s"
  printf -v "url_$1" '%s' "$url"
}
url_a="" url_b=""
start_instance a
start_instance b
for u in "$url_a" "$url_b"; do
  SITECARD_PORT=${u##*:} "$BIN" healthcheck >/dev/null 2>&1 || fail "sitecard healthcheck: $u is not ready"
done
! "$BIN" healthcheck --url "http://127.0.0.1:$(free_port)/readyz" >/dev/null 2>&1 || fail "sitecard healthcheck: 0 with nothing listening"
step "instances A $url_a and B $url_b on database $db (sitecard healthcheck: 0 for both, 1 for a closed port)"

# docker/Caddyfile's site block as it is, but for the local upstreams and address; no admin API, no HTTP->HTTPS
# redirect listener (port 80), no attempt to install the local CA into the system's trust store.
grep -q 'reverse_proxy sitecard-1:8080 sitecard-2:8080 ' docker/Caddyfile || fail "docker/Caddyfile: no reverse_proxy to sitecard-1 and sitecard-2"
{
  printf '{\n\tadmin off\n\tskip_install_trust\n\tauto_https disable_redirects\n}\n'
  sed "s|reverse_proxy sitecard-1:8080 sitecard-2:8080 |reverse_proxy ${url_a#http://} ${url_b#http://} |" docker/Caddyfile
} >"$work/Caddyfile"
env "${caddy_vars[@]}" SITECARD_SITE_ADDRESS="$proxy" caddy run --config "$work/Caddyfile" --adapter caddyfile >"$work/caddy.log" 2>&1 &
pids+=($!)
ca="$XDG_DATA_HOME/caddy/pki/authorities/local/root.crt"
for _ in $(seq 1 100); do
  [ -f "$ca" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$ca" "$proxy/readyz" || true)" = 200 ] && break
  kill -0 "${pids[-1]}" 2>/dev/null || fail "caddy exited at start"
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$ca" "$proxy/readyz" || true)" = 200 ] || fail "caddy at $proxy did not answer /readyz with 200 within 10 s"
step "caddy at $proxy (certificate from its internal CA, checked)"

# --- 3. drive it -----------------------------------------------------------------------------------------------
python3 - "$url_a" "$url_b" "$proxy" "$ca" "$work/a.log" "$work/b.log" "$DATABASE_URL" <<'EOF'
import json, ssl, subprocess, sys, time, urllib.error, urllib.request
A, B, P, ca, log_a, log_b, db_url = sys.argv[1:]
tls = ssl.create_default_context(cafile=ca)
WORKER, PHONE, PASSWORD = "worker@demo.test", "+46700000003", "demo-password-1"

def fail(msg):
    sys.exit(f"deploy-topology-test: FAIL: {msg}")

def call(base, method, path, body=None, token=None, headers=None, expect=200):
    h = {"Accept": "application/json", **(headers or {})}
    data = None
    if body is not None:
        data, h["Content-Type"] = json.dumps(body).encode(), "application/json"
    if token:
        h["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(base + path, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=20, context=tls if base == P else None) as res:
            status, raw = res.status, res.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    where = {A: "instance A", B: "instance B", P: "the proxy"}[base]
    if status != expect:
        fail(f"{method} {path} on {where}: {status} (expected {expect}) {raw[:300]!r}")
    return json.loads(raw) if raw.strip() else None

def served(log, path):
    n = 0
    for line in open(log):
        if line.startswith("{") and '"request finished"' in line and line.endswith("\n"):
            n += json.loads(line).get("path") == path
    return n

# Sign in on instance A directly: password, then the SMS code from the dev outbox (newest first).
ch = call(A, "POST", "/api/v1/auth/login", {"email": WORKER, "password": PASSWORD})
code, deadline = None, time.time() + 5
while not code and time.time() < deadline:
    code = next((m["code"] for m in call(A, "GET", "/api/v1/dev/outbox?to=%2B46700000003") if m.get("code")), None)
    code or time.sleep(0.1)
code or fail("no SMS code for the worker in the dev outbox")
first = call(A, "POST", "/api/v1/auth/login/verify", {"challenge_id": ch["challenge_id"], "code": code})
print("deploy-topology-test: signed in on instance A")

# Through the proxy: a refresh, then reads, each answered by one of the instances in turn.
t = call(P, "POST", "/api/v1/auth/refresh", {"refresh_token": first["refresh_token"]})
access = t["access_token"]
before = served(log_a, "/api/v1/me/card-orders"), served(log_b, "/api/v1/me/card-orders")
for _ in range(6):
    call(P, "GET", "/api/v1/me/card-orders", token=access)
deadline = time.time() + 3
while True:
    counts = served(log_a, "/api/v1/me/card-orders") - before[0], served(log_b, "/api/v1/me/card-orders") - before[1]
    if sum(counts) >= 6 or time.time() > deadline:
        break
    time.sleep(0.1)
if sum(counts) != 6 or min(counts) == 0:
    fail(f"6 reads through the proxy reached A {counts[0]} and B {counts[1]} times (round robin: both)")
print(f"deploy-topology-test: refresh and 6 reads through the proxy (A answered {counts[0]}, B {counts[1]})")

# The accept, through the proxy: contact details, the seeded order, its version.
call(P, "PATCH", "/api/v1/me/contact", {"address_line1": "Storgatan 1", "postal_code": "111 22", "city": "Stockholm", "country": "SE"}, token=access)
orders = call(P, "GET", "/api/v1/me/card-orders", token=access)
orders = orders["items"] if isinstance(orders, dict) else orders
len(orders) == 1 or fail(f"the demo worker should have one order: {orders}")
done = call(P, "POST", f"/api/v1/me/card-orders/{orders[0]['id']}/accept", {"version": orders[0]["version"]}, token=access)
done.get("status") == "confirmed" or fail(f"accept answered status {done.get('status')!r}, not 'confirmed'")
print("deploy-topology-test: accept through the proxy: confirmed")

# X-Forwarded-For: Caddy replaces what a client sends, and the instances (one trusted hop) record Caddy's view.
call(P, "POST", "/api/v1/auth/login", {"email": "nobody@example.invalid", "password": "wrong-password-1"},
     headers={"X-Forwarded-For": "203.0.113.7"}, expect=401)
ips = subprocess.run(["psql", db_url, "-qAtc", "select data::jsonb->>'ip' from audit_events where kind = 'login_failed'"],
                     capture_output=True, text=True, check=True).stdout.split()
ips == ["127.0.0.1"] or fail(f"a failed login through the proxy with a forged X-Forwarded-For was recorded from {ips}, expected ['127.0.0.1']")
print("deploy-topology-test: client address through the proxy: the one Caddy saw (forged X-Forwarded-For ignored)")

# Logout on A ends the session on B, which has just served it from memory: B hears of it through PostgreSQL
# (NOTIFY), within the time a notice takes to arrive (under a millisecond on an idle machine); measured here,
# with 250 ms as the bound of a loaded CI machine.
call(B, "GET", "/api/v1/me", token=access)
call(B, "GET", "/api/v1/me", token=access)
call(A, "POST", "/api/v1/auth/logout", token=access, expect=204)
ended = time.monotonic()
def refused_on_b():
    try:
        with urllib.request.urlopen(urllib.request.Request(B + "/api/v1/me", headers={"Authorization": f"Bearer {access}"}), timeout=20):
            return False
    except urllib.error.HTTPError as e:
        return e.code == 401
tries = 1
while not refused_on_b():
    tries += 1
    time.monotonic() - ended < 0.25 or fail(f"the session ended on A was still served by B {time.monotonic() - ended:.3f} s later")
    time.sleep(0.002)
call(B, "GET", "/api/v1/me", token=first["access_token"], expect=401)
call(P, "GET", "/api/v1/me", token=access, expect=401)
print(f"deploy-topology-test: logout on A: the access tokens are refused on B (on try {tries}, "
      f"{(time.monotonic() - ended) * 1000:.1f} ms after the logout) and through the proxy")
EOF

step "PASS: compose, Caddyfile and systemd unit valid; two instances behind Caddy on one PostgreSQL ($((SECONDS - started)) s)"
