#!/usr/bin/env bash
# `make lint-openapi`: Redocly CLI (pinned in this folder's package-lock.json) lints openapi/openapi.json with the
# rules of openapi/redocly.yaml. Any error, any warning, or any problem hidden by an ignore file
# fails: a rule may only be turned off in openapi/redocly.yaml, with the reason written beside it.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
cd "$HERE"
if [ ! -x node_modules/.bin/redocly ] || ! cmp -s package-lock.json node_modules/.lock-installed; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  cp package-lock.json node_modules/.lock-installed
fi
cd "$REPO"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
redocly=(scripts/openapi-lint/node_modules/.bin/redocly lint openapi/openapi.json --config openapi/redocly.yaml --max-problems 1000)
json=$(mktemp)
trap 'rm -f "$json"' EXIT
"${redocly[@]}" --format=json >"$json" 2>/dev/null || true
if ! totals=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; print(t["errors"], t["warnings"], t["ignored"])' "$json" 2>/dev/null); then
  echo "lint-openapi: Redocly CLI gave no report:" >&2
  "${redocly[@]}" >&2 || true
  exit 1
fi
read -r errors warnings ignored <<<"$totals"
if [ "$errors" != 0 ] || [ "$warnings" != 0 ] || [ "$ignored" != 0 ]; then
  # The human-readable report, without Redocly's Node-version banner.
  "${redocly[@]}" --format=stylish 2>&1 | grep -v '[║╔╚]' >&2 || true
  echo "lint-openapi: openapi/openapi.json has $errors errors, $warnings warnings and $ignored ignored problems under openapi/redocly.yaml;" >&2
  echo "  all must be 0 (fix the document's source in crates/api, then make openapi; or turn a rule off in openapi/redocly.yaml with a reason)" >&2
  exit 1
fi
echo "lint-openapi: openapi/openapi.json passes Redocly CLI $(scripts/openapi-lint/node_modules/.bin/redocly --version 2>/dev/null | head -1) (openapi/redocly.yaml): 0 errors, 0 warnings"
