"""The SPA: initial JavaScript size and the login page's time to interactive in headless Chromium."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import statistics
import subprocess

from bounds import SPA_INTERACTIVE_MS, SPA_JS_KB
from procs import BENCH_DIR, ROOT, Server, find_chromium, run_sitecard
from report import Row

DIST = ROOT / "frontend" / "dist"


def spa_server(b, name: str) -> Server:
    """The server on a fresh SQLite database with the demo data, serving frontend/dist (idle: nothing else runs)."""
    work = b.work / name
    work.mkdir(exist_ok=True)
    url = f"sqlite://{work / 'spa.db'}"
    run_sitecard(b.bin_dir, url, "seed-demo")
    return Server(b.bin_dir, url, work, f"server-{name}")


def node_json(script: str, args: list[str], timeout: float) -> tuple[dict | None, str]:
    """Runs a bench .mjs with node; (its `BENCH_JSON` line decoded, or None; the output's tail for the report)."""
    node = shutil.which("node")
    if not node:
        return None, "node is missing"
    r = subprocess.run([node, str(BENCH_DIR / script), *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    line = next((l for l in r.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
    if r.returncode != 0 or not line:
        return None, f"{script} failed: {(r.stdout + r.stderr)[-800:]}"
    return json.loads(line[len("BENCH_JSON "):]), ""


def run_spa(b) -> None:
    index = DIST / "index.html"
    if not index.exists():
        b.add(Row("SPA", "—", broken="frontend/dist/index.html is missing (make frontend-build)"))
        return
    html = index.read_text()
    files = re.findall(r'<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="/([^"]+\.js)"', html)
    sizes = {f: len(gzip.compress((DIST / f).read_bytes(), compresslevel=6)) for f in files}
    total = sum(sizes.values())
    b.spa["js"] = sizes
    row = Row("SPA initial JS (gzipped)", "—", target=f"≤ {SPA_JS_KB} kB")
    row.notes.append(f"{total / 1024:.1f} kB in {len(files)} file(s): " + ", ".join(f"{f} {s / 1024:.1f} kB" for f, s in sizes.items()))
    row.ok = total <= SPA_JS_KB * 1024
    if not files:
        row.broken = "no scripts found in index.html"
    b.spa["js_total"] = total
    b.add(row)

    # Login page interactive: headless Chromium against the real server (SQLite, idle).
    chromium = find_chromium()
    if not shutil.which("node") or not chromium:
        b.add(Row("SPA login page interactive", "—", broken=f"node ({shutil.which('node')}) or chromium ({chromium}) missing"))
        return
    server = spa_server(b, "spa")
    try:
        res, err = node_json("spa.mjs", [server.url + "/sign-in", str(b.cfg["spa_runs"]), chromium], 180)
    finally:
        server.stop()
    row = Row("SPA login page interactive (headless Chromium)", "—", target=f"≤ {SPA_INTERACTIVE_MS / 1000:g} s")
    if not res:
        row.broken = err
        b.add(row)
        return
    b.spa["interactive"] = res
    med = statistics.median(res["runs_ms"])
    row.p50_ms, row.p99_ms = med, max(res["runs_ms"])
    row.notes.append(f"median {med:.0f} ms, worst {max(res['runs_ms']):.0f} ms over {len(res['runs_ms'])} cold-cache loads of /sign-in "
                     f"(DOMContentLoaded median {statistics.median(res['dcl_ms']):.0f} ms)")
    row.ok = med <= SPA_INTERACTIVE_MS
    b.add(row)
