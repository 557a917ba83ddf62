"""Result lines, ratios and the BENCHMARKS.md report."""

from __future__ import annotations

import datetime as dt
import platform
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import sections
from bounds import MEMORY, bound
from data import psql
from load import LOGIN_CONNS, QUIET, WRK_CONNS, WRK_THREADS, cpu_text
from procs import NPROC, ROOT, Server, log


@dataclass
class Row:
    scenario: str
    db: str
    throughput: float | None = None
    unit: str = "req/s"
    p50_ms: float | None = None
    p99_ms: float | None = None
    baseline: str = ""
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None
    broken: str = ""       # the harness could not measure: no successful operation at all
    errors: str = ""       # more than 1% of the operations failed (a server problem, reported, not fatal)
    notes: list[str] = field(default_factory=list)
    cpu: dict | None = None
    rounds: list[float] = field(default_factory=list)  # the ratio of every round; `ratio` is their median

    def contended(self) -> bool:
        return bool(self.cpu) and self.cpu.get("other", 0) > 10

    def line(self) -> str:
        parts = [f"[bench] {self.scenario} ({self.db}):"]
        if self.throughput is not None:
            parts.append(f"{self.throughput:,.1f} {self.unit}")
        if self.p50_ms is not None:
            parts.append(f"p50 {self.p50_ms:.2f} ms p99 {self.p99_ms:.2f} ms")
        if self.baseline:
            parts.append(f"| vs {self.baseline}")
        if self.ratio is not None:
            parts.append(f"| ratio {fmt_ratio(self.ratio)}")
            if len(self.rounds) > 1:
                parts.append(f"(rounds {' '.join(fmt_ratio(x) for x in self.rounds)})")
        if self.target:
            parts.append(f"| target {self.target} {'PASS' if self.ok else 'MISS' if self.ok is False else ''}".rstrip())
        if self.broken:
            parts.append(f"| BROKEN: {self.broken}")
        if self.errors:
            parts.append(f"| ERRORS: {self.errors}")
        if self.cpu:
            parts.append(f"| {cpu_text(self.cpu)}")
        if self.contended():
            parts.append(f"| CONTENDED: other work used {self.cpu['other']}% of the machine")
        for n in self.notes:
            parts.append(f"| {n}")
        return " ".join(parts)


def fmt_ratio(r: float) -> str:
    """Three significant digits (`#` keeps trailing zeros: 0.09996 prints as 0.100): the run-to-run comparison
    reads these back, and with two, rounding alone moved a ratio near 0.11 by up to 9%."""
    s = f"{r:#.3g}"
    return s.rstrip(".") if "e" not in s else f"{r:.2g}"


def ratio_cell(r: Row) -> str:
    """The median ratio and, when measured in rounds, their range: `0.71× (0.69–0.73)`."""
    if r.ratio is None:
        return ""
    if len(r.rounds) > 1:
        return f"{fmt_ratio(r.ratio)}× ({fmt_ratio(min(r.rounds))}–{fmt_ratio(max(r.rounds))})"
    return f"{fmt_ratio(r.ratio)}×"


def check_broken(row: Row, ok_count: int, total: int, results: dict | list[dict] | None = None) -> None:
    bad = total - ok_count
    if ok_count <= 0:
        row.broken = f"no successful operations ({total} attempted)"
    elif total and bad / total > 0.01:
        row.errors = f"{bad} of {total} failed"
    for res in (results if isinstance(results, list) else [results] if results else []):
        if res.get("socket_errors"):
            row.notes.append(f"socket errors {res['errors']}")
        if res.get("statuses"):
            non_ok = {k: v for k, v in res["statuses"].items() if not re.search(r"(^|:)2\d\d$", k)}
            if non_ok:
                row.notes.append(f"non-2xx {non_ok}")
        if res.get("notes"):
            row.notes.append(f"script notes {res['notes']}")


def previous_report(path: Path) -> dict:
    """The ratios of the report this run replaces (same table format), to show how far they moved."""
    if not path.exists():
        return {}
    text = path.read_text()
    out: dict = {"ratios": {}}
    m = re.search(r"Written by `make bench` on ([0-9-]+ [0-9:]+) UTC", text)
    out["when"] = m.group(1) if m else "?"
    m = re.search(r"source tree at ([0-9a-f]+)", text)
    out["commit"] = m.group(1) if m else "?"
    section = text.split("## Results", 1)[-1].split("\n## ", 1)[0]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 9 and cells[0] not in ("scenario", "---"):
            m = re.match(r"([0-9.]+)×", cells[6])
            if m:
                out["ratios"][(cells[0], cells[1])] = float(m.group(1))
    return out


def machine_info(bin_dir: Path, pg_url: str | None) -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((l.split(":", 1)[1].strip() for l in cpuinfo.splitlines() if l.startswith("model name")), platform.processor() or "?")
    mhz = next((l.split(":", 1)[1].strip() for l in cpuinfo.splitlines() if l.startswith("cpu MHz")), "?")
    mem_kib = next(int(l.split()[1]) for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
    wrk_v = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0:1]
    pg_v = ""
    if pg_url:
        try:
            pg_v = psql(f"{pg_url}/postgres", "SHOW server_version")
        except SystemExit:
            pg_v = "?"
    binary = bin_dir / "sitecard"
    built = dt.datetime.fromtimestamp(binary.stat().st_mtime, dt.timezone.utc)
    git = lambda *a: subprocess.run(["git", *a], capture_output=True, text=True, cwd=ROOT).stdout.strip()  # noqa: E731
    # The report this run rewrites is not a change to what is measured.
    head = git("rev-parse", "--short", "HEAD")
    dirty = bool(git("status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)BENCHMARKS.md"))
    build = (f"`{binary.relative_to(ROOT) if binary.is_relative_to(ROOT) else binary}` built {built:%Y-%m-%d %H:%M} UTC; "
             f"source tree at {head or '?'}{' with uncommitted changes' if dirty else ''}")
    # Stale: a file the binary is built from changed after it was linked (what cargo itself checks).
    sources = [ROOT / f for f in git("ls-files", "crates", "migrations", "Cargo.toml", "Cargo.lock", ".cargo").splitlines()]
    newest = max((f.stat().st_mtime for f in sources if f.exists()), default=0.0)
    if binary.stat().st_mtime < newest:
        build += " (**the binary is older than its sources**: `make bench` without BENCH_SKIP_BUILD rebuilds it)"
    return {"build": build, "nproc": NPROC, "cpu": model, "mhz": mhz, "ram_gib": mem_kib / 1024 / 1024, "kernel": platform.release(),
            "wrk": wrk_v[0] if wrk_v else "?", "postgres": pg_v, "loadavg": Path("/proc/loadavg").read_text().split()[:3]}


def write_report(b, path: Path, machine: dict) -> None:
    """BENCHMARKS.md from a finished run (`b`: the scenarios.Bench that measured it)."""
    cfg = b.cfg
    now = dt.datetime.now(dt.timezone.utc)
    L: list[str] = []
    a = L.append
    a("# Sitecard benchmarks")
    a("")
    a(f"Written by `make bench` on {now:%Y-%m-%d %H:%M} UTC in {(time.time() - b.started) / 60:.1f} minutes "
      "(`scripts/bench/run.py`; rerun to refresh). Ratios are measured against baselines run side by side in the same "
      "run on the same machine, so they travel between machines better than the absolute numbers.")
    a("")
    a("## Machine")
    a("")
    a(f"- {machine['nproc']} × {machine['cpu']} ({machine['mhz']} MHz), {machine['ram_gib']:.1f} GiB RAM, Linux {machine['kernel']}")
    a(f"- PostgreSQL {machine['postgres'] or '(not reachable)'} on 127.0.0.1 (the server connects without TLS, `sslmode=disable`: "
      f"a database on the same host needs none), SQLite {Server.engines.get('sqlite', '?')} (built into the server; a file in a "
      f"temp dir); {machine['wrk']}")
    a(f"- load average before the run: {' '.join(machine['loadavg'])}")
    a(f"- {machine['build']}")
    a(f"- server: release build, `SITECARD_WORKERS={NPROC}`, default pool sizes and log level (info, JSON to a file), "
      "`SITECARD_TRUST_PROXY=1` (the scripts send a random `X-Forwarded-For` per request so per-IP throttles see many clients)")
    a(f"- load: wrk with {WRK_THREADS} thread and {WRK_CONNS} connections ({LOGIN_CONNS} for sign-ins), "
      f"{cfg['throughput']} s per measurement ({cfg['login']} s per sign-in measurement), each new server process first warmed "
      f"up with {cfg['warmup']} s of authenticated reads; the load generator, the server and PostgreSQL share the {NPROC} cores. "
      "The `cpu` column splits the machine's CPU time during each measurement (% of all cores: server, database backends, wrk, "
      "anything else).")
    a(f"- interleaved rounds: `hello`, `/healthz`, the authenticated read, refresh and accept are measured {cfg['rounds']} times "
      "each, in the order A B C D E, then E D C B A, and so on, each round on fresh server and `hello` processes (the login "
      f"likewise beside the raw argon2id rate, the growth stages in {cfg['growth_rounds']} rounds, the login flood in "
      f"{cfg['flood_rounds']} rounds of {cfg['flood_pairs']} short window pairs). A throughput ratio is the median of the rounds' "
      "ratios, shown with their range; throughput is the rounds' median. A p99 ratio (flood, growth) is the median of the "
      "rounds' (the flood's window pairs') own p99 ratios, so a moment's stall of this shared VM moves one round, not the "
      "result; the latencies on those lines pool all the rounds' requests.")
    contended = [r for r in b.rows if r.contended()]
    a(f"- before each measurement the run waits (at most 10 s, {cfg['quiet_budget']} s in all; {QUIET['waited']:.0f} s used) "
      "for the machine to be nearly idle, and marks what earlier measurements queued in the outbox (SMS codes, emails) "
      "and the dispatcher has not yet handled as delivered, which is all the dev sink's delivery does, so that no scenario "
      "pays for another's messages; "
      + (f"**{len(contended)} measurement(s) still ran while other work used more than 10% of the machine (marked ⚠): "
         "their numbers and ratios are not trustworthy**" if contended else "no measurement was disturbed by other work (other < 10%)"))
    a("")
    a("## Results")
    a("")
    a("| scenario | database | throughput | p50 | p99 | measured against | ratio | target | result |")
    a("|---|---|---|---|---|---|---|---|---|")
    for r in b.rows:
        if r.scenario.startswith("growth:") and "→" not in r.scenario:
            continue
        thr = f"{r.throughput:,.1f} {r.unit}" if r.throughput is not None else ""
        p50 = f"{r.p50_ms:.2f} ms" if r.p50_ms is not None else ""
        p99 = f"{r.p99_ms:.2f} ms" if r.p99_ms is not None else ""
        res = "BROKEN" if r.broken else ("pass" if r.ok else "**MISS**" if r.ok is False else "")
        if r.errors:
            res += f" (errors: {r.errors})"
        if r.contended():
            res += f" ⚠ other load {r.cpu['other']}%"
        base = r.notes[0] if r.notes and not r.baseline else r.baseline
        a(f"| {r.scenario} | {r.db} | {thr} | {p50} | {p99} | {base} | {ratio_cell(r)} | {r.target} | {res} |")
    a("")
    a("CPU split per measurement (% of the machine):")
    a("")
    a("| scenario | database | busy | server | database | wrk | other |")
    a("|---|---|---|---|---|---|---|")
    for r in b.rows:
        if r.cpu:
            c = r.cpu
            a(f"| {r.scenario} | {r.db} | {c['busy']}% | {c['server']}% | {c['db']}% | {c['wrk']}% | {c['other']}% |")
    a("")
    notes = [(r, n) for r in b.rows for n in r.notes[(0 if r.baseline else 1):]]
    if notes:
        a("Notes on individual lines:")
        a("")
        for r, n in notes:
            a(f"- {r.scenario} ({r.db}): {n}")
        a("")

    sections.keycloak(a, b)
    sections.flood(a, b)
    sections.growth(a, b)
    if b.memory:
        a("## Memory")
        a("")
        a("`/proc/<pid>/status` of the server: VmRSS one second after the first process started (idle), VmHWM (peak) of the "
          "process that ran the last throughput round and then the sign-ins and the login flood (the argon2id buffers are "
          "the largest allocation).")
        a("")
        a("| database | idle RSS | peak RSS | RSS at the end | target |")
        a("|---|---|---|---|---|")
        for d, m in b.memory.items():
            a(f"| {d} | {m['idle'] / 1024:.1f} MiB | {m['peak'] / 1024:.1f} MiB | {m['after'] / 1024:.1f} MiB | "
              f"idle ≤ {MEMORY['idle_mib']} MiB, peak ≤ {MEMORY['peak_mib']} MiB |")
        a("")
    sections.spa(a, b)
    write_comparison(a, b)

    write_bounds(a, b)
    if b.problems:
        a("## Server behaviour seen during the run")
        a("")
        for p in b.problems:
            a(f"- {p}")
        a("")
    path.write_text("\n".join(L))
    log(f"[bench] wrote {path}")


def write_bounds(a, b) -> None:
    """Every missed target (or broken, failing or moved line), then one paragraph per cause: what bounds those
    lines today, from the profiles in scripts/bench/README.md."""
    listed = [r for r in b.rows if r.ok is False or r.broken or r.errors or id(r) in b.unsteady]
    a("## Targets missed (or ratios that moved), and what bounds them")
    a("")
    if not listed:
        a("None in this run.")
        a("")
        return
    causes: dict[str, list[str]] = {}
    for r in listed:
        what = ("broken: " + r.broken) if r.broken else (f"{fmt_ratio(r.ratio)}× vs {r.target}" if r.ratio is not None else f"target {r.target}")
        if r.ok is False:
            what = "**MISS** " + what
        if r.errors:
            what += f"; errors: {r.errors}"
        if id(r) in b.unsteady:
            what += "; moved by more than 15% since the previous report"
        a(f"- {r.scenario} ({r.db}): {what}")
        if r.ok is False or r.broken:
            causes.setdefault(bound(r.scenario, r.db), []).append(f"{r.scenario} ({r.db})")
    a("")
    for text, rows in causes.items():
        if text:
            a(f"**{'; '.join(rows)}.** {text}")
            a("")


def write_comparison(a, b) -> None:
    """Ratios of this run beside those of the report it replaced: rerunning `make bench` is the reproducibility
    check (±15%)."""
    prev = b.previous
    pairs = [(r, prev.get("ratios", {}).get((r.scenario, r.db))) for r in b.rows if r.ratio is not None]
    pairs = [(r, p) for r, p in pairs if p]
    a("## Compared with the previous report")
    a("")
    if not pairs:
        a("No earlier report with comparable lines was found: run `make bench` again to see how far the ratios move.")
        a("")
        return
    b.unsteady = {id(r) for r, p in pairs if abs(r.ratio / p - 1) > 0.15}
    a(f"The report this run replaced was written on {prev.get('when', '?')} UTC from source tree {prev.get('commit', '?')}. "
      f"**{len(pairs) - len(b.unsteady)} of {len(pairs)} ratios are within ±15% of it.** Ratios from a different source tree also move "
      "with the code; compare runs of the same binary for the measurement's own noise.")
    a("")
    a("| scenario | database | previous | this run | change |")
    a("|---|---|---|---|---|")
    for r, p in pairs:
        ch = r.ratio / p - 1
        mark = "" if abs(ch) <= 0.15 else " ⚠"
        a(f"| {r.scenario} | {r.db} | {fmt_ratio(p)}× | {fmt_ratio(r.ratio)}× | {ch:+.0%}{mark} |")
    a("")
