#!/usr/bin/env python3
"""Lighthouse (mobile) on the SPA's public pages and a signed-in page, and the page shell on a slow network.

Lighthouse 12 (pinned in scripts/bench/package.json, `npm ci` there; run by lighthouse.mjs) with Debian's Chromium,
its default mobile form factor and simulated throttling (slow 4G, 4× CPU slowdown), against `sitecard serve` on a
fresh SQLite database with the demo data and the built SPA. The signed-in page gets the cookies of a fresh web
sign-in in the browser's cookie jar for every run. Part of `make bench` (after the wrk measurements: Lighthouse is CPU-heavy);
by itself, against the binaries in --bin-dir:

    python3 scripts/bench/lighthouse.py --bin-dir target/debug --runs 1 [--pages /sign-in,/orders]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from bounds import LIGHTHOUSE, SHELL_MS
from procs import BENCH_DIR, ROOT, WORKER, Api, cleanup_children, find_chromium, log
from report import Row
from spa import DIST, node_json, spa_server

NPM_PACKAGES = ("lighthouse", "chrome-launcher", "puppeteer-core", "playwright-core")  # scripts/bench/package.json
CATEGORIES = ("performance", "accessibility", "best-practices")
PUBLIC_PAGES = ["/", "/sign-in", "/check", "/forgot-password"]
SIGNED_IN_PAGE = "/orders"  # the worker's orders (frontend/src/app/router.tsx: `orders`, cardholders)
SHELL_PAGE = "/sign-in"


def npm_installed() -> bool:
    return all((BENCH_DIR / "node_modules" / p / "package.json").exists() for p in NPM_PACKAGES)


def target_text() -> str:
    t = LIGHTHOUSE
    return (f"Performance ≥ {t['performance']}, Accessibility {t['accessibility']}, Best Practices {t['best-practices']}, "
            f"FCP ≤ {t['fcp_ms'] / 1000:g} s, CLS ≤ {t['cls']:g}")


def meets(m: dict) -> bool:
    t = LIGHTHOUSE
    return (m["performance"] >= t["performance"] and m["accessibility"] >= t["accessibility"]
            and m["best-practices"] >= t["best-practices"] and m["fcp_ms"] <= t["fcp_ms"] and m["cls"] <= t["cls"])


def web_cookies(api: Api) -> list[dict]:
    """A fresh sign-in of the demo worker as the SPA does it (`client: "web"`): the cookies its answer sets (the
    refresh token, HttpOnly, Path /api/v1/auth, and the session hint, Path /). A refresh token is single-use, so
    every load of the signed-in page gets its own."""
    headers: dict = {}
    api.login(*WORKER, client="web", headers=headers)
    cookies = []
    for line in headers.get("set-cookie", []):
        first, *attrs = [p.strip() for p in line.split(";")]
        name, _, value = first.partition("=")
        flags = {k.lower(): v for k, _, v in (a.partition("=") for a in attrs)}
        cookies.append({"name": name, "value": value, "path": flags.get("path", "/"), "httpOnly": "httponly" in flags})
    if not any(c["name"] == "sitecard_refresh" and c["value"] for c in cookies):
        raise RuntimeError(f"the web sign-in set no sitecard_refresh cookie (Set-Cookie: {headers.get('set-cookie')})")
    return cookies


def parse(lhr: dict) -> dict:
    """Scores (0-100), FCP, LCP, TBT (ms), CLS, bytes transferred, and the weighted audits that lost points."""
    if lhr.get("runtimeError", {}).get("code"):
        raise RuntimeError(f"{lhr['runtimeError']['code']}: {lhr['runtimeError'].get('message', '')[:300]}")
    cats, audits = lhr["categories"], lhr["audits"]
    out: dict = {}
    for k in CATEGORIES:
        if cats[k]["score"] is None:
            raise RuntimeError(f"no {k} score")
        out[k] = round(cats[k]["score"] * 100)
    for key, audit in (("fcp_ms", "first-contentful-paint"), ("lcp_ms", "largest-contentful-paint"), ("tbt_ms", "total-blocking-time"),
                       ("cls", "cumulative-layout-shift"), ("bytes", "total-byte-weight")):
        v = audits.get(audit, {}).get("numericValue")
        if v is None:
            raise RuntimeError(f"no {audit}: {audits.get(audit, {}).get('errorMessage', '')}")
        out[key] = v
    out["failing"] = sorted({ref["id"] for k in CATEGORIES[1:] for ref in cats[k]["auditRefs"]
                             if ref.get("weight") and (audits.get(ref["id"], {}).get("score") is not None)
                             and audits[ref["id"]]["score"] < 1})
    out["final_path"] = urllib.parse.urlsplit(lhr.get("finalDisplayedUrl") or lhr.get("finalUrl") or "").path
    out["version"] = lhr.get("lighthouseVersion", "?")
    ua = lhr.get("environment", {}).get("hostUserAgent", "")
    out["chrome"] = next((p.split("/", 1)[1] for p in ua.split() if p.startswith(("HeadlessChrome/", "Chrome/"))), "?")
    return out


# Lighthouse's own failures to record a trace in headless Chromium (now and then on this VM, on any page): the run
# is repeated in a fresh browser, at most twice; anything else fails the page.
TRACE_FAILURES = ("NO_NAVSTART", "NO_FCP", "recording the trace")


def lighthouse_once(url: str, out: Path, chromium: str, cookies_for_run) -> dict:
    """One run of lighthouse.mjs (Lighthouse's Node API with the CLI's defaults), its LHR parsed. `cookies_for_run`
    gives each attempt its cookies (a fresh sign-in: a refresh token is single-use)."""
    for attempt in range(3):
        cookies = cookies_for_run()
        cmd = [shutil.which("node") or "node", str(BENCH_DIR / "lighthouse.mjs"), url, str(out)] + ([json.dumps(cookies)] if cookies else [])
        r = subprocess.run(cmd, env=dict(os.environ, CHROME_PATH=chromium), capture_output=True, text=True, timeout=300, cwd=out.parent)
        output = (r.stdout + r.stderr)[-600:]
        if r.returncode == 0 and out.exists():
            try:
                res = parse(json.loads(out.read_text()))
                res["retries"] = attempt
                return res
            except RuntimeError as e:  # the report came back with a runtime error (NO_NAVSTART, …) instead of scores
                output = str(e)
        if attempt == 2 or not any(f in output for f in TRACE_FAILURES):
            raise RuntimeError(f"lighthouse.mjs exited {r.returncode}: {output}")
        log(f"[bench] lighthouse {url}: trace not recorded, run again in a fresh browser")
    raise AssertionError("unreachable")


def page_row(b, page: str, label: str, runs: list[dict], error: str) -> None:
    row = Row(f"Lighthouse mobile {label}", "—", target=target_text())
    entry: dict = {"runs": runs}
    if error or not runs:
        row.broken = error or "no run"
        entry["error"] = row.broken
    else:
        m = sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]  # the run with the median Performance score
        entry.update(median=m, ok=meets(m), failing=m["failing"])
        row.ok = entry["ok"]
        every = f" (Performance of the runs: {', '.join(str(r['performance']) for r in runs)})" if len(runs) > 1 else ""
        row.notes.append(f"Performance {m['performance']} / Accessibility {m['accessibility']} / Best Practices {m['best-practices']}, "
                         f"FCP {m['fcp_ms'] / 1000:.2f} s, LCP {m['lcp_ms'] / 1000:.2f} s, CLS {m['cls']:.3f}, "
                         f"{m['bytes'] / 1024:.0f} KiB{every}")
        if m["failing"]:
            row.notes.append(f"audits losing points: {', '.join(m['failing'])}")
    b.lighthouse.setdefault("pages", {})[label] = entry
    b.add(row)


def shell_row(b, url: str, chromium: str) -> None:
    row = Row(f"SPA shell {SHELL_PAGE} at 400 kbit/s, 400 ms latency (cold)", "—", target=f"≤ {SHELL_MS / 1000:g} s")
    res, err = node_json("shell.mjs", [url + SHELL_PAGE, str(b.cfg["shell_runs"]), chromium], 60 + 40 * b.cfg["shell_runs"])
    if not res:
        row.broken = err
        b.add(row)
        return
    med = statistics.median(res["runs_ms"])
    res["kib"] = statistics.median(res["bytes"]) / 1024
    b.lighthouse["shell"] = res
    row.p50_ms, row.p99_ms = med, max(res["runs_ms"])
    row.notes.append(f"median {med:.0f} ms, worst {max(res['runs_ms']):.0f} ms over {len(res['runs_ms'])} cold loads until the <h1> "
                     f"is visible, {res['kib']:.0f} KiB transferred by then")
    row.ok = med <= SHELL_MS
    b.add(row)


def run_lighthouse(b, pages: list[str] | None = None) -> None:
    """One Row per page (the median-Performance run of `lighthouse_runs`), then the slow-network shell."""
    chromium = find_chromium()
    missing = [what for what, ok in (("frontend/dist (make frontend-build)", (DIST / "index.html").exists()),
                                     ("node", shutil.which("node")), ("chromium", chromium),
                                     ("scripts/bench/node_modules (npm ci in scripts/bench)", npm_installed())) if not ok]
    if missing:
        b.add(Row("Lighthouse mobile", "—", broken=f"missing: {', '.join(missing)}"))
        return
    pages = pages or b.cfg["lighthouse_pages"]
    runs = b.cfg["lighthouse_runs"]
    b.lighthouse["runs"] = runs
    server = spa_server(b, "lighthouse")
    try:
        api = Api(server.url)
        for page in pages:
            signed_in = page == SIGNED_IN_PAGE
            label = f"{page} (signed in)" if signed_in else page
            results, error = [], ""
            t0 = time.time()
            for i in range(runs):
                try:
                    res = lighthouse_once(server.url + page, b.work / "lighthouse" / f"{page.strip('/') or 'home'}-{i}.json", chromium,
                                          lambda: web_cookies(api) if signed_in else None)
                except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError, KeyError) as e:
                    error = f"run {i + 1}: {e}"
                    break
                except SystemExit as e:  # `fail` during the sign-in (a signal's exit has an int code: passed on)
                    if not isinstance(e.code, str):
                        raise
                    error = f"run {i + 1}: {e.code}"
                    break
                if res["final_path"] != page:
                    error = f"run {i + 1} ended on {res['final_path']!r}, not {page}" + (" (not signed in)" if signed_in else "")
                    break
                results.append(res)
            if results:
                b.lighthouse.update(version=results[0]["version"], chrome=results[0]["chrome"])
            log(f"[bench] lighthouse {label}: {len(results)} run(s) in {time.time() - t0:.0f}s")
            page_row(b, page, label, results, error)
        if b.cfg["shell_runs"]:
            shell_row(b, server.url, chromium)
    finally:
        server.stop()


class _Alone:
    """What run_lighthouse needs of a scenarios.Bench, for running this module by itself."""

    def __init__(self, bin_dir: Path, runs: int):
        self.bin_dir = bin_dir
        self.work = Path(tempfile.mkdtemp(prefix="sitecard-lighthouse-"))
        self.cfg = {"lighthouse_runs": runs, "shell_runs": runs, "lighthouse_pages": PUBLIC_PAGES + [SIGNED_IN_PAGE]}
        self.rows: list[Row] = []
        self.lighthouse: dict = {}

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        log(row.line())
        return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin-dir", default="target/release")
    ap.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (and slow-network shell loads)")
    ap.add_argument("--pages", default="", help="comma-separated pages (default: the public pages and /orders signed in)")
    args = ap.parse_args()
    b = _Alone((ROOT / args.bin_dir).resolve(), args.runs)
    try:
        run_lighthouse(b, [p for p in args.pages.split(",") if p] or None)
    finally:
        cleanup_children()
        shutil.rmtree(b.work, ignore_errors=True)
    return 1 if any(r.broken for r in b.rows) else 0


if __name__ == "__main__":
    sys.exit(main())
