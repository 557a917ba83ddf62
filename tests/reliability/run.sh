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
  quick) LIMIT=330 ;;
  long) LIMIT=1260 ;;
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
exec timeout --signal=TERM --kill-after=30 "$LIMIT" "$VENV/bin/python" "$HERE/battery.py" --mode "$MODE" "$@"
