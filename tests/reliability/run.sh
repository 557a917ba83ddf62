#!/usr/bin/env bash
# The reliability and security battery's single entry point.
#
#   tests/reliability/run.sh [quick|long] [CHECK-NAME-FILTER ...]
#
# quick: part of `make test` (a few minutes); long: `make test-long` (under 20 minutes).
# Installs its Python packages into tests/reliability/.venv on first use (or when requirements.txt changes),
# then runs battery.py against target/debug/sitecard (SITECARD_BIN overrides). Everything it starts listens on
# 127.0.0.1 only and is stopped at the end; a hard time limit ends the run if anything hangs.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MODE=${1:-quick}
shift || true
case "$MODE" in
  quick) LIMIT=420 ;;
  long) LIMIT=1200 ;;
  *) echo "usage: $0 [quick|long] [check ...]" >&2; exit 2 ;;
esac
VENV="$HERE/.venv"
if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$HERE/requirements.txt" "$VENV/.requirements.installed"; then
  echo "reliability: installing Python packages into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
  cp "$HERE/requirements.txt" "$VENV/.requirements.installed"
fi
export PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sitecard-rel-XXXXXX")
export SITECARD_REL_RUN_DIR="$RUN_DIR"
# Whatever happens to the battery, no server it started outlives it (their pids are in $RUN_DIR/pids).
reap() {
  if [ -f "$RUN_DIR/pids" ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -qa "sitecard" "/proc/$pid/cmdline" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    done < "$RUN_DIR/pids"
  fi
}
trap reap EXIT
rc=0
timeout --signal=TERM --kill-after=30 "$LIMIT" "$VENV/bin/python" "$HERE/battery.py" --mode "$MODE" "$@" || rc=$?
reap
if [ "$rc" -eq 0 ]; then
  rm -rf "$RUN_DIR"
else
  echo "reliability: logs, databases and schemathesis reports kept in $RUN_DIR"
fi
exit "$rc"
