"""Secrets: every server's stdout/stderr (and the CLI's stderr) from every check of this run, and every error
body the battery received, searched for every password, one-time code, token, link token, document number and
full phone number the battery used or saw."""

from __future__ import annotations

import re

from lib.api import SECRETS, STATS, Result
from lib.registry import check
from lib.server import log_files

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?")
WORD_SPLIT = re.compile(r"[\s\"',;:=&?/\\{}\[\]()<>|`]+")


def scan_text(text: str, secrets: dict[str, str]) -> list[tuple[str, str, str]]:
    """Returns (kind, secret, context) for every secret found in `text`."""
    found = []
    words = set(WORD_SPLIT.split(text))
    codes = [s for s, k in secrets.items() if k == "one-time code"]
    others = {s: k for s, k in secrets.items() if k != "one-time code"}
    for s, kind in others.items():
        variants = [s]
        if kind == "phone" and s.startswith("+"):
            variants.append(s[1:])
        for v in variants:
            hit = v in words or (len(v) <= 64 and v.lower() in text.lower() if kind == "document number" else v in text)
            if hit:
                i = text.find(v)
                found.append((kind, s, text[max(0, i - 120): i + len(v) + 60] if i >= 0 else "(as a word)"))
                break
    if codes:
        scrubbed = TIMESTAMP.sub(" ", UUID.sub(" ", text))
        pat = re.compile(r"(?<![0-9])(" + "|".join(re.escape(c) for c in codes) + r")(?![0-9])")
        for m in pat.finditer(scrubbed):
            found.append(("one-time code", m.group(1), scrubbed[max(0, m.start() - 120): m.end() + 60]))
    return found


@check("secrets.logs_and_error_bodies", "No password, code, token, document number or full phone number in any log or error body",
       budget=(120, 300))
def secrets_in_logs(ctx) -> Result:
    r = Result()
    secrets = SECRETS.snapshot()
    kinds: dict[str, int] = {}
    for k in secrets.values():
        kinds[k] = kinds.get(k, 0) + 1
    r.counts["secrets searched"] = len(secrets)
    for k, n in sorted(kinds.items()):
        r.counts[f"secrets: {k}"] = n
    leaks = []
    total_lines = 0
    request_lines = 0
    files = [f for f in log_files() if f.exists()]
    for f in files:
        text = f.read_text(errors="replace")
        total_lines += text.count("\n")
        request_lines += text.count('"request finished"')
        for kind, s, context in scan_text(text, secrets):
            leaks.append(f"{kind} in {f.name}: …{context}…")
    r.counts["log files"] = len(files)
    r.counts["log lines"] = total_lines
    r.counts["request log lines"] = request_lines
    assert request_lines > 0 or not files, "no request was logged: the log capture is broken"
    bodies = STATS.error_bodies
    r.counts["error bodies"] = len(bodies)
    for where, status, body in bodies:
        for kind, s, context in scan_text(body, secrets):
            # A body may echo what the caller itself sent in that request (e.g. a validation error naming the
            # field); forged tokens are the caller's own input, never a server secret.
            if kind == "forged token":
                continue
            leaks.append(f"{kind} in the {status} body of {where}: …{context[:200]}…")
    for leak in leaks[:30]:
        print(f"    LEAK: {leak}", flush=True)
    assert not leaks, f"{len(leaks)} secrets found in logs or error bodies (first: {leaks[0][:400]})"
    return r
