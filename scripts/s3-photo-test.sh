#!/usr/bin/env bash
# Runs the S3 variant of the photo tests against moto's S3-compatible server on a free local port.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/moto-venv
if [ ! -x "$venv/bin/moto_server" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "moto[server]==5.2.5"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf -X PUT "http://127.0.0.1:$port/sitecard-photos" >/dev/null
SITECARD_TEST_S3_ENDPOINT="http://127.0.0.1:$port" ${CARGO:-cargo} test -p sitecard-server --test api photos_can_live_in_an_s3_compatible_bucket -- --nocapture
