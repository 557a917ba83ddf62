#!/usr/bin/env bash
# Starts the real server on a free port with a fresh SQLite database and runs the SPA's browser tests
# against it in Debian's Chromium (installed here when missing and we are root). SITECARD_BIN names the
# server binary (default target/debug/sitecard, as `make` builds it); arguments pick suites, e.g. `operator`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing and we are not root: install Debian's chromium package" >&2
    exit 1
  fi
fi

bin=${SITECARD_BIN:-target/debug/sitecard}
if [ ! -x "$bin" ]; then echo "no server binary at $bin: build it first or set SITECARD_BIN" >&2; exit 1; fi

work=$(mktemp -d)
log="$work/server.log"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait "${pid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

DATABASE_URL="sqlite://$work/sitecard.db" SITECARD_DEV=1 SITECARD_PORT=0 SITECARD_STATIC_DIR=frontend/dist SITECARD_OBJECT_STORE="$work/objects" \
  "$bin" seed-demo >/dev/null
DATABASE_URL="sqlite://$work/sitecard.db" SITECARD_DEV=1 SITECARD_PORT=0 SITECARD_STATIC_DIR=frontend/dist SITECARD_OBJECT_STORE="$work/objects" \
  "$bin" serve >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  url=$(grep -m1 -o 'sitecard listening on http://[0-9.:]*' "$log" | sed 's/sitecard listening on //' || true)
  [ -n "$url" ] && break
  sleep 0.2
done
if [ -z "${url:-}" ]; then echo "server did not start:"; cat "$log"; exit 1; fi
echo "browser tests against $url"
cd frontend && SITECARD_URL="$url" npm run test:browser -- "$@"
