#!/usr/bin/env python3
"""Sitecard reliability and security battery: black-box checks against the real `sitecard` binary.

    battery.py [--mode quick|long] [--list] [CHECK ...]

Each check starts its own servers on fresh databases (SQLite files, PostgreSQL databases named
`sitecard_rel_*`), drives them over HTTP on 127.0.0.1 only, and stops them. Results (counts of requests,
inputs and faults per check) are printed and written as JSON to tests/reliability/.results/<mode>.json.
The last line is `reliability: N passed, N failed, N skipped`.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from lib import registry  # noqa: E402
from lib.api import STATS  # noqa: E402
from lib.server import BIN, RUN_DIR, cleanup, drop_stale_pg_databases, pg_available  # noqa: E402

import checks  # noqa: E402,F401  (registers the checks)


class CheckTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise CheckTimeout("check exceeded its time budget")


def _term(signum, frame):
    raise SystemExit(f"terminated by signal {signum}")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["quick", "long"], default="quick")
    p.add_argument("--list", action="store_true")
    p.add_argument("names", nargs="*")
    args = p.parse_args()

    selected = [c for c in registry.CHECKS if args.mode in c.modes and (not args.names or any(n in c.name for n in args.names))]
    if args.list:
        for c in registry.CHECKS:
            print(f"{c.name:40s} {','.join(c.modes):12s} {c.title}")
        return 0
    if not BIN.exists():
        print(f"!!! {BIN} does not exist: build the server first (make build)", flush=True)
        return 2
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGTERM, _term)
    ctx = registry.Context(mode=args.mode, pg=pg_available())
    if not ctx.pg:
        print("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")
        print("!!! PostgreSQL is not reachable at 127.0.0.1:5432: the PostgreSQL variants are SKIPPED")
        print("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")
    else:
        drop_stale_pg_databases()
    print(f"reliability battery ({args.mode}): {len(selected)} checks; binary {BIN}; run dir {RUN_DIR}", flush=True)
    results = []
    started = time.time()
    try:
        for c in selected:
            t0 = time.time()
            print(f"\n--- {c.name}: {c.title}", flush=True)
            STATS.reset()
            outcome, detail, res = "passed", "", None
            signal.alarm(int(c.budget(args.mode)))
            try:
                if c.needs_pg and not ctx.pg:
                    outcome, detail = "skipped", "PostgreSQL not reachable"
                else:
                    res = c.fn(ctx)
            except registry.Skip as e:
                outcome, detail = "skipped", str(e)
            except (AssertionError, CheckTimeout, Exception) as e:  # noqa: B014
                outcome = "failed"
                detail = f"{type(e).__name__}: {e}"
                traceback.print_exc()
            finally:
                signal.alarm(0)
                try:
                    c.cleanup_fn and c.cleanup_fn(ctx)
                except Exception as e:  # noqa: BLE001
                    print(f"    cleanup of {c.name} failed: {e}", flush=True)
            n_req, by_status, server_errors = STATS.reset()
            if outcome == "passed" and server_errors and not c.allows_5xx:
                outcome, detail = "failed", f"{len(server_errors)} unexpected 5xx: {server_errors[:5]}"
            known = [k for k in ctx.known_bugs if k["check"] == c.name]
            if outcome == "passed" and any(k["status"] == "xpass" for k in known):
                outcome = "failed"
                detail = "a KNOWN BUG no longer reproduces: remove its mark: " + "; ".join(k["id"] for k in known if k["status"] == "xpass")
            secs = time.time() - t0
            entry = {
                "name": c.name, "title": c.title, "outcome": outcome, "detail": detail, "seconds": round(secs, 1),
                "http_requests": n_req, "statuses": by_status, "counts": res.counts if res else {},
                "notes": res.notes if res else [], "known_bugs": known,
            }
            results.append(entry)
            mark = {"passed": "PASS", "failed": "FAIL", "skipped": "SKIP"}[outcome]
            print(f"{mark} {c.name} ({secs:.1f} s, {n_req} requests) {detail}", flush=True)
            if res:
                print(f"    counts: {json.dumps(res.counts, ensure_ascii=False)}", flush=True)
                for n in res.notes:
                    print(f"    note: {n}", flush=True)
            for k in known:
                print(f"    KNOWN BUG [{k['status']}] {k['id']}: {k['description']}", flush=True)
    finally:
        signal.alarm(0)
        cleanup()
        registry.final_cleanup(ctx)
    out_dir = HERE / ".results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"{args.mode}.json").write_text(json.dumps(
        {"mode": args.mode, "seconds": round(time.time() - started, 1), "postgres": ctx.pg, "checks": results}, indent=1, ensure_ascii=False))
    md = [f"| check | result | seconds | HTTP requests (battery client) | counts |", "|---|---|---|---|---|"]
    for r in results:
        counts = "; ".join(f"{k}: {v}" for k, v in r["counts"].items() if not isinstance(v, dict))
        bugs = "".join(f" KNOWN BUG `{k['id']}` ({k['status']})." for k in r["known_bugs"])
        md.append(f"| `{r['name']}` | {r['outcome']}{bugs} | {r['seconds']} | {r['http_requests']} | {counts} |")
    (out_dir / f"{args.mode}.md").write_text("\n".join(md) + "\n")
    passed = sum(r["outcome"] == "passed" for r in results)
    failed = sum(r["outcome"] == "failed" for r in results)
    skipped = sum(r["outcome"] == "skipped" for r in results)
    xfail = sum(1 for r in results for k in r["known_bugs"] if k["status"] == "xfail")
    print(f"\nreliability battery ({args.mode}) took {time.time() - started:.0f} s; results in {out_dir / (args.mode + '.json')}")
    for r in results:
        if r["outcome"] == "failed":
            print(f"  FAILED {r['name']}: {r['detail'][:400]}")
    if xfail:
        print(f"  {xfail} KNOWN BUG(s) reproduced and marked expected (see above; fix them in the server)")
    print(f"reliability: {passed} passed, {failed} failed, {skipped} skipped", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
