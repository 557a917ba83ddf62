"""The report's sections after the results table: Keycloak anchors, the login flood, growth, the SPA, Lighthouse.
Each takes `a` (append a line) and the scenarios.Bench that measured the run."""

from __future__ import annotations

import statistics

from bounds import LIGHTHOUSE, SHELL_MS, SPA_JS_KB
from load import LOGIN_CONNS, PACED_CONNS, PACED_DELAY_MS
from procs import NPROC


def keycloak(a, b) -> None:
    a("## Beside Keycloak's sizing anchors")
    a("")
    a("Keycloak's sizing guide plans one vCPU per 15 password logins/s and per 120 token refreshes/s. Sitecard per core "
      f"(measured rate ÷ {NPROC} cores, with the load generator and PostgreSQL on the same cores; a Sitecard login is "
      "password + SMS code, i.e. one argon2id verify plus two more requests):")
    a("")
    a("| per core | Keycloak anchor | Sitecard on SQLite | Sitecard on PostgreSQL |")
    a("|---|---|---|---|")
    for key, name, anchor in (("login", "password logins/s", 15), ("refresh", "token refreshes/s", 120)):
        vals = [b.keycloak.get(d, {}).get(key) for d in ("sqlite", "postgres")]
        cells = [f"{v:,.1f} ({v / anchor:.1f}× anchor)" if v is not None else "—" for v in vals]
        a(f"| {name} | {anchor} | {cells[0]} | {cells[1]} |")
    a("")
    if b.argon2:
        a("Raw argon2id (m = 19 MiB, t = 2, p = 1) verifies per second on all cores, measured next to each login scenario: "
          + ", ".join(f"{k} block {v:,.1f}/s" for k, v in b.argon2.items()) + ".")
        a("")


def flood(a, b) -> None:
    if not b.flood:
        return
    cfg = b.cfg
    a("## Read latency while a login flood saturates the CPU")
    a("")
    a(f"Authenticated reads paced at about {PACED_CONNS} × (1 / {PACED_DELAY_MS} ms) (wrk, {PACED_CONNS} connections with a "
      f"{PACED_DELAY_MS} ms pause before each request; closed loop, so a stall delays the next request rather than piling up), "
      f"in windows of {cfg['flood']} s: alone, then while another wrk floods the full sign-in on {LOGIN_CONNS * 2} connections "
      f"(started a second before the window and ending with it), alternating, {cfg['flood_pairs']} pairs per round. The result "
      "line's ratio is the median of all the pairs' own p99 ratios (its note also gives the ratio of all windows pooled); a "
      "round's line below pools its own windows. Paced reads on an otherwise idle machine meet idle cores, which are slow to "
      "wake, so the unloaded p50 is higher than on a busy core.")
    a("")
    a("| database | round | unloaded p50 / p99 | loaded p50 / p99 | p99 ratio | flood | CPU busy while loaded |")
    a("|---|---|---|---|---|---|---|")
    for d, rounds in b.flood.items():
        for i, f in enumerate(rounds, 1):
            a(f"| {d} | {i} | {f['quiet_p50']:.2f} / {f['quiet_p99']:.2f} ms | {f['loaded_p50']:.2f} / {f['loaded_p99']:.2f} ms | "
              f"{f['ratio']:.2f}× | {f['flood_rate']:,.1f} logins/s | {f['busy']:.0f}% |")
    a("")


def growth(a, b) -> None:
    if not b.growth_plans:
        return
    cfg = b.cfg
    a("## Growth (PostgreSQL)")
    a("")
    a("One database per stage, each a copy (`CREATE DATABASE … TEMPLATE`) of the previous stage plus more orders, seeded "
      "with SQL (`INSERT … SELECT … generate_series`, the secondary indexes dropped during the load and built again after it) "
      "copying the demo order: half in the demo company, half spread over 99 other companies, all statuses, UUIDv7-shaped "
      f"time-ordered ids, one status event each, {cfg['growth_pool']} of them awaiting the demo worker (each accept "
      "measurement takes orders no earlier one accepted; when they run out they are set back to `awaiting_cardholder`); "
      "`VACUUM ANALYZE` and `CHECKPOINT` after seeding; `synchronous_commit = off` on the stage databases, because the "
      "question is what the table size costs and a commit's WAL flush costs the same at every size. All stages are served at "
      "once, one server each, and measured in turn by one client in the bench process (one keep-alive connection per stage): "
      f"one request in flight on the whole machine, to 10k, 100k, 1M, 10k, … for {cfg['growth']} s per operation, in "
      f"{cfg['growth_rounds']} rounds (the operations A B C, then C B A, …), so a stall of this VM lands on every stage within "
      "milliseconds and a p99 is a request's own time. The probe's own round trip, measured against `hello`, is in every "
      "latency, the same on every stage (the lines' notes). The table shows the rounds' median throughput per stage (the "
      "probe's pace: the stages take turns) and the latency percentiles of their requests pooled; the CPU split of a growth "
      "line is that of all the stages together, with the probe in the `wrk` column. The list is "
      "`GET /api/v1/companies/{id}/card-orders?limit=20`, first page and pages after a random cursor (keyset `id < cursor`).")
    a("")
    a("| scenario | throughput | p50 | p99 |")
    a("|---|---|---|---|")
    for r in b.rows:
        if r.scenario.startswith("growth:") and "→" not in r.scenario:
            a(f"| {r.scenario[len('growth: '):]} | {r.throughput:,.1f} req/s | {r.p50_ms:.2f} ms | {r.p99_ms:.2f} ms |")
    a("")
    a("Indexes in the plans per stage:")
    a("")
    for size, used in sorted(b.growth_plans.items()):
        a(f"- {size:,} orders: " + "; ".join(f"{q}: {', '.join(v) or 'no index'}" for q, v in used.items()))
    a("")
    largest = max(b.growth_plans)
    a(f"`EXPLAIN (ANALYZE, BUFFERS)` at {largest:,} orders, of the statements the server sends (taken from PostgreSQL's "
      "statement log, with real values; the update is rolled back):")
    a("")
    for k, plan in b.explains.items():
        size, _, name = k.partition(":")
        if int(size) != largest:
            continue
        a(f"**{name}**")
        a("")
        a("```")
        a(plan)
        a("```")
        a("")


def spa(a, b) -> None:
    if b.spa:
        a("## SPA")
        a("")
        js = b.spa.get("js", {})
        a(f"Initial JavaScript (the scripts and module preloads in `frontend/dist/index.html`, gzip level 6): "
          f"**{b.spa.get('js_total', 0) / 1024:.1f} kB** (budget {SPA_JS_KB} kB): "
          + ", ".join(f"`{f}` {s / 1024:.1f} kB" for f, s in js.items()) + ".")
        a("")
        it = b.spa.get("interactive")
        if it:
            a(f"Login page interactive: Chromium {it.get('browser', '')} headless, a fresh browser context (cold cache) per load of "
              "`/sign-in` served by the release server; the time from starting the navigation until the password field is "
              f"visible and enabled: runs {', '.join(f'{x:.0f}' for x in it['runs_ms'])} ms "
              f"(median {statistics.median(it['runs_ms']):.0f} ms; DOMContentLoaded median {statistics.median(it['dcl_ms']):.0f} ms).")
            a("")
    lighthouse(a, b)


def lighthouse(a, b) -> None:
    lh = b.lighthouse
    if not lh.get("pages") and not lh.get("shell"):
        return
    t = LIGHTHOUSE
    a("## Lighthouse (mobile) and the slow-network shell")
    a("")
    if lh.get("pages"):
        a(f"Lighthouse {lh.get('version', '?')} (`scripts/bench/package.json`, run by `lighthouse.mjs` with the CLI's defaults) in "
          f"Debian's Chromium {lh.get('chrome', '?')} (`--headless=new --no-sandbox --disable-gpu`), default mobile form factor "
          "and simulated throttling (slow 4G, 4× CPU "
          "slowdown), categories performance, accessibility and best practices, against the server on a fresh SQLite "
          f"database with the demo data, serving `frontend/dist`; {lh.get('runs', 1)} run(s) per page, the figures of the run "
          "with the median Performance score. For every run of the signed-in page the browser's cookie jar gets the cookies "
          "of a fresh sign-in through the API (`client: \"web\"`). Targets: Performance ≥ "
          f"{t['performance']}, Accessibility {t['accessibility']}, Best Practices {t['best-practices']}, FCP ≤ "
          f"{t['fcp_ms'] / 1000:g} s, CLS ≤ {t['cls']:g}.")
        a("")
        a("| page | Performance (every run) | Accessibility | Best Practices | FCP | LCP | TBT | CLS | transferred | result |")
        a("|---|---|---|---|---|---|---|---|---|---|")
        for page, p in lh["pages"].items():
            m = p.get("median")
            if not m:
                a(f"| {page} | | | | | | | | | BROKEN: {p.get('error', '?')[:200]} |")
                continue
            perf = ", ".join(str(r["performance"]) for r in p["runs"])
            a(f"| {page} | **{m['performance']}** ({perf}) | {m['accessibility']} | {m['best-practices']} | "
              f"{m['fcp_ms'] / 1000:.2f} s | {m['lcp_ms'] / 1000:.2f} s | {m['tbt_ms']:.0f} ms | {m['cls']:.3f} | "
              f"{m['bytes'] / 1024:.0f} KiB | {'pass' if p.get('ok') else '**MISS**'} |")
        a("")
        failing = [f"{page}: {', '.join(p['failing'])}" for page, p in lh["pages"].items() if p.get("failing")]
        if failing:
            a("Audits that cost accessibility or best-practices points (median run): " + "; ".join(failing) + ".")
            a("")
    sh = lh.get("shell")
    if sh:
        a(f"Slow-network shell: `/sign-in` loaded cold in Chromium {sh.get('browser', '')} (playwright-core) with CDP "
          "`Network.emulateNetworkConditions` at 400 ms latency and 400 kbit/s down and up; the time from starting the "
          f"navigation until the page's `<h1>` is visible: runs {', '.join(f'{x:.0f}' for x in sh['runs_ms'])} ms (median "
          f"{statistics.median(sh['runs_ms']):.0f} ms, target ≤ {SHELL_MS / 1000:g} s), "
          f"{sh.get('kib', 0):.0f} KiB transferred.")
        a("")
