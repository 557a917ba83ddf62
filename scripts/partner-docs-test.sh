#!/usr/bin/env bash
# `make test-partner-docs`: docs/partners.md, the print partners' quickstart, proven against the real server.
#
#  1. every code block of docs/partners.md equals its region of docs/partners/quickstart.{py,ts}
#     (scripts/partner-docs/snippets.py; `--fix` rewrites the page from the files);
#  2. the Python client is generated from openapi/openapi.json with openapi-python-client, and the TypeScript
#     types with openapi-typescript; quickstart.ts is type-checked against them (tsc, strict);
#  3. scripts/partner-docs/driver.py starts target/debug/sitecard (SITECARD_BIN overrides) in dev mode on a
#     temporary SQLite database and a free port, prepares orders through the generated client (including the
#     company admin's photo upload), runs both quickstarts and both webhook receivers against it, and sends the
#     receivers stale, forged and repeated deliveries.
#
# Python packages go to scripts/partner-docs/.venv (reinstalled when requirements.txt changes), npm packages to
# docs/partners/node_modules (`npm ci` when package-lock.json changes). Everything listens on 127.0.0.1 and is
# stopped at the end; a time limit ends the run if anything hangs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$(pwd)
BIN=${SITECARD_BIN:-target/debug/sitecard}
case "$BIN" in /*) ;; *) BIN="$REPO/$BIN" ;; esac
HERE=scripts/partner-docs
DOCS=docs/partners
start=$(date +%s)

python3 "$HERE/snippets.py"

[ -x "$BIN" ] || { echo "partner-docs: no server binary at $BIN (make build)" >&2; exit 1; }

VENV="$HERE/.venv"
if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$HERE/requirements.txt" "$VENV/.requirements.installed"; then
  echo "partner-docs: installing Python packages into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
  cp "$HERE/requirements.txt" "$VENV/.requirements.installed"
fi
if [ ! -x "$DOCS/node_modules/.bin/tsx" ] || ! cmp -s "$DOCS/package-lock.json" "$DOCS/node_modules/.lock-installed"; then
  echo "partner-docs: npm ci in $DOCS"
  (cd "$DOCS" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null && cp package-lock.json node_modules/.lock-installed)
fi

RUN=$(mktemp -d "${TMPDIR:-/tmp}/sitecard-partner-docs-XXXXXX")
# Whatever happens to the driver, nothing it started outlives it (each child leads its own process group).
reap() {
  if [ -f "$RUN/pids" ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -qaE "sitecard|quickstart" "/proc/$pid/cmdline" 2>/dev/null; then kill -9 -- "-$pid" 2>/dev/null || true; fi
    done <"$RUN/pids"
  fi
}
trap reap EXIT

# The Python client, generated from the checked-in document as a partner would (ruff, from the venv, formats it).
mkdir -p "$RUN/pyclient"
if ! PATH="$REPO/$VENV/bin:$PATH" "$VENV/bin/openapi-python-client" generate --path openapi/openapi.json --meta none \
  --output-path "$RUN/pyclient/sitecard_client" >"$RUN/generate-python.log" 2>&1; then
  cat "$RUN/generate-python.log" >&2
  echo "partner-docs: openapi-python-client could not generate a client from openapi/openapi.json" >&2
  exit 1
fi
skipped=$(grep -c '^WARNING parsing' "$RUN/generate-python.log" || true)
echo "partner-docs: Python client generated ($skipped operations with warnings; see below when the run fails)"

# The TypeScript types, and the quickstart type-checked against them.
mkdir -p "$RUN/ts"
cp "$DOCS/quickstart.ts" "$DOCS/tsconfig.json" "$RUN/ts/"
ln -s "$REPO/$DOCS/node_modules" "$RUN/ts/node_modules"
"$DOCS/node_modules/.bin/openapi-typescript" openapi/openapi.json --output "$RUN/ts/sitecard-api.d.ts" >"$RUN/generate-ts.log" 2>&1 ||
  { cat "$RUN/generate-ts.log" >&2; echo "partner-docs: openapi-typescript failed" >&2; exit 1; }
(cd "$RUN/ts" && node_modules/.bin/tsc -p tsconfig.json) ||
  { echo "partner-docs: docs/partners/quickstart.ts does not type-check against the types generated from openapi/openapi.json" >&2; exit 1; }
echo "partner-docs: TypeScript types generated; quickstart.ts type-checks"

rc=0
export PYTHONDONTWRITEBYTECODE=1
timeout --signal=TERM --kill-after=20 240 "$VENV/bin/python" "$HERE/driver.py" --bin "$BIN" --work "$RUN" --docs "$REPO/$DOCS" \
  --pyclient "$RUN/pyclient" --ts-dir "$RUN/ts" --tsx "$REPO/$DOCS/node_modules/.bin/tsx" || rc=$?
reap
if [ "$rc" -eq 0 ]; then
  rm -rf "$RUN"
  echo "partner-docs: passed in $(($(date +%s) - start)) s"
else
  grep -A2 '^WARNING' "$RUN/generate-python.log" | grep -v '^--$' | sed 's/^/  openapi-python-client| /' >&2 || true
  echo "partner-docs: FAILED (exit $rc) after $(($(date +%s) - start)) s; generated clients and server files kept in $RUN" >&2
fi
exit "$rc"
