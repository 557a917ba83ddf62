#!/usr/bin/env python3
"""`make bench` / `make bench-smoke`: Sitecard measured against baselines run side by side on this machine.

    scripts/bench/run.py --mode full  --bin-dir target/release --out BENCHMARKS.md
    scripts/bench/run.py --mode smoke --bin-dir target/debug

Everything runs on 127.0.0.1 with bounded durations: the server (`sitecard serve`) on SQLite and on PostgreSQL
(a fresh `sitecard_bench_*` database, dropped at the end), the bare actix-web `hello` binary and the `argon2_rate`
probe from crates/bench, `wrk` (installed from Debian's packages when missing) with the Lua scripts in
scripts/bench/lua, and, last, the SPA in Debian's Chromium: its size, its login page, Lighthouse (mobile) and the
page shell on a slow network. Each scenario prints one line of its own; the full mode writes BENCHMARKS.md.
`smoke` runs every scenario for about a second: it checks that the harness still works, not the numbers, and
exits non-zero when a scenario produced no successful operations (mostly-failing ones are reported).

Python 3.11 standard library only; the modules beside this file:

    procs.py      servers, processes, the HTTP API client, installing the tools
    data.py       the SQLite and PostgreSQL databases and their bench data
    load.py       wrk, the in-turn probe, the CPU split, waiting for a quiet machine
    scenarios.py  the measurements on one database (growth.py: PostgreSQL growth stages)
    spa.py        the SPA's size and login page; lighthouse.py: Lighthouse and the slow-network shell
    report.py     result lines, ratios and BENCHMARKS.md (sections.py: its later sections)
    bounds.py     the targets, and what bounds each scenario today

See scripts/bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import time

from data import PgDb, SqliteDb, drop_leftover_pg, pg_reachable
from lighthouse import PUBLIC_PAGES, SIGNED_IN_PAGE, npm_installed, run_lighthouse
from load import QUIET
from procs import ROOT, cleanup_children, fail, install_tools, log, on_signal
from report import machine_info, previous_report, write_report
from scenarios import Bench
from spa import run_spa

# Durations (seconds) and sizes per mode. The full mode must stay well under 20 minutes including the release
# build; the smoke mode under 2 minutes with debug binaries. A scenario and its baseline are measured in `rounds`
# (A B, B A, A B, ...; `growth_rounds` for the growth stages, `flood_rounds` for the login flood): a ratio is the
# median of the rounds' ratios (for p99: each round's, or window pair's, own p99 ratio).
MODES = {
    "full": dict(
        warmup=1, throughput=2, rounds=5, login=4, argon2=2, flood=2, flood_rounds=3, flood_pairs=3, growth=4, growth_rounds=5, spa_runs=5,
        accounts=8000, accept_pool=40000, accept_per_round=8000, quiet_budget=150, settle=30,
        growth_sizes=[10_000, 100_000, 1_000_000], growth_pool=7000, growth_accept_per_round=3000, refresh_sessions=16,
        lighthouse_pages=PUBLIC_PAGES + [SIGNED_IN_PAGE], lighthouse_runs=3, shell_runs=3,
    ),
    "smoke": dict(
        warmup=0, throughput=1, rounds=1, login=2, argon2=1, flood=1, flood_rounds=1, flood_pairs=1, growth=1, growth_rounds=1, spa_runs=1,
        accounts=200, accept_pool=2000, accept_per_round=1000, quiet_budget=0, settle=5,
        growth_sizes=[1_000, 2_000, 4_000], growth_pool=400, growth_accept_per_round=200, refresh_sessions=4,
        # Smoke: does Lighthouse run and yield numbers? The signed-in page takes every step a public one does, and the
        # sign-in (about 30 s with the slow-network shell; a missed target is reported, never fatal).
        lighthouse_pages=[SIGNED_IN_PAGE], lighthouse_runs=1, shell_runs=1,
    ),
}
PARTS = ("sqlite", "postgres", "growth", "spa", "lighthouse")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=sorted(MODES), default="full")
    ap.add_argument("--bin-dir", default="target/release")
    ap.add_argument("--out", default=None, help="write the report here (full mode: BENCHMARKS.md)")
    ap.add_argument("--pg-url", default=os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432"))
    ap.add_argument("--only", default="", help=f"comma-separated subset: {','.join(PARTS)} (for development)")
    ap.add_argument("--install-tools", action="store_true",
                    help="only install what the run needs (wrk, chromium; Lighthouse with `npm ci` in scripts/bench) and exit")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    if only - set(PARTS):
        ap.error(f"--only: unknown part(s) {', '.join(sorted(only - set(PARTS)))}")
    want = lambda s: not only or s in only  # noqa: E731
    browser = want("spa") or want("lighthouse")
    if args.install_tools:
        install_tools(browser, want_npm=want("lighthouse"))
        return 0

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    b = Bench(args, MODES)
    for exe in ("sitecard", "hello", "argon2_rate"):
        if not (b.bin_dir / exe).exists():
            fail(f"{b.bin_dir / exe} is missing (build it: cargo build{' --release' if 'release' in args.bin_dir else ''} -p sitecard-server -p sitecard-bench)")
    # Lighthouse's npm packages are installed by `make bench` (--install-tools) or here, once, when missing.
    install_tools(browser, want_npm=want("lighthouse") and not npm_installed())
    b.pg_url = args.pg_url.rstrip("/") if pg_reachable(args.pg_url) else None
    machine = machine_info(b.bin_dir, b.pg_url)
    log(f"[bench] {args.mode}: {machine['nproc']} × {machine['cpu']}, {machine['ram_gib']:.1f} GiB, binaries in {b.bin_dir}, "
        f"load average {' '.join(machine['loadavg'])}")
    try:
        if want("sqlite"):
            b.run_db(SqliteDb(b.work))
        if b.pg_url:
            drop_leftover_pg(b.pg_url)
            if want("postgres"):
                pg = PgDb(b.pg_url, f"sitecard_bench_main_{os.getpid()}")
                try:
                    b.run_db(pg)
                finally:
                    pg.drop()
            if want("growth"):
                b.run_growth(b.pg_url)
        else:
            log("!!! PostgreSQL is not reachable at " + args.pg_url + ": the PostgreSQL and growth scenarios are SKIPPED")
            b.problems.append("PostgreSQL was not reachable: PostgreSQL and growth scenarios skipped")
        if want("spa"):
            log("[bench] --- SPA ---")
            run_spa(b)
        # Lighthouse is CPU-heavy: after every wrk measurement, never beside one.
        if want("lighthouse"):
            log("[bench] --- Lighthouse (mobile) and the slow-network shell ---")
            run_lighthouse(b)
    finally:
        cleanup_children()
        if os.environ.get("BENCH_KEEP_WORKDIR"):
            log(f"[bench] work dir kept: {b.work}")
        else:
            shutil.rmtree(b.work, ignore_errors=True)

    if args.out:
        b.previous = previous_report(ROOT / args.out)
        write_report(b, ROOT / args.out, machine)
    broken = [r for r in b.rows if r.broken]
    misses = [r for r in b.rows if r.ok is False]
    log(f"[bench] {len(b.rows)} scenario lines, {len(misses)} target(s) missed, {len(broken)} broken, "
        f"{(time.time() - b.started):.0f}s (of which {QUIET['waited']:.0f}s waiting for a quiet machine, "
        f"{QUIET.get('settled', 0.0):.0f}s marking the outbox delivered)")
    for p in b.problems:
        log(f"[bench] server: {p}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
