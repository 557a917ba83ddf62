"""Load and measurement: wrk runs, the in-turn probe, where the CPU went, and waiting for a quiet machine."""

from __future__ import annotations

import collections
import http.client
import json
import os
import resource
import statistics
import subprocess
import time
import urllib.parse
from pathlib import Path

from procs import LUA_DIR, NPROC, fail

# wrk settings: one load-generator thread leaves the most CPU to the server on a small machine; the
# connection counts are enough to keep 2 workers (and 2 argon2 permits) busy.
WRK_THREADS = 1
WRK_CONNS = 16
LOGIN_CONNS = 8
PACED_CONNS = 8
PACED_DELAY_MS = 20

QUIET = {"budget": 0.0, "waited": 0.0}
SETTLE: dict = {"fn": None}  # per database: marks what its outbox still holds as delivered (`data.settle_outbox`)


class CpuMeter:
    """Where the CPU went during a measurement: the server, the database, wrk, everything else."""

    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self, server_pid: int | tuple[int, ...] | None, db_name: str | tuple[str, ...] | None, extra_pids: tuple[int, ...] = (),
                 probe: bool = False):
        # Several servers and databases (the growth stages, measured at once) are summed.
        self.server_pids = server_pid if isinstance(server_pid, tuple) else (server_pid,) if server_pid else ()
        self.db_names = db_name if isinstance(db_name, tuple) else (db_name,) if db_name else ()
        self.extra_pids = extra_pids  # other load generators running beside the measured wrk
        self.probe = probe  # this process is the client (`probe_in_turn`): its CPU goes into the `wrk` column

    @staticmethod
    def _proc_cpu(pid: int) -> float:
        try:
            parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(parts[11]) + int(parts[12])) / CpuMeter.TICK
        except (OSError, IndexError, ValueError):
            return 0.0

    def _server_cpu(self) -> float:
        return sum(self._proc_cpu(p) for p in self.server_pids)

    def _db_cpu(self) -> float:
        if not self.db_names:
            return 0.0
        total = 0.0
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                cmd = Path(f"/proc/{d}/cmdline").read_bytes()
            except OSError:
                continue
            if cmd.startswith(b"postgres:") and any(n.encode() in cmd for n in self.db_names):
                total += self._proc_cpu(int(d))
        return total

    @staticmethod
    def machine() -> tuple[float, float]:
        v = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        return sum(v[:8]) / CpuMeter.TICK, (v[3] + v[4]) / CpuMeter.TICK

    def start(self):
        self.t0 = time.time()
        self.m0 = self.machine()
        self.s0 = self._server_cpu()
        self.d0 = self._db_cpu()
        self.c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.e0 = self._load_cpu()

    def _load_cpu(self) -> float:
        """The load generators that are not children waited for: `extra_pids`, and this process as the probe."""
        own = resource.getrusage(resource.RUSAGE_SELF) if self.probe else None
        return sum(self._proc_cpu(p) for p in self.extra_pids) + (own.ru_utime + own.ru_stime if own else 0.0)

    def stop(self) -> dict:
        # Backends that exited during the run are lost from the database figure (the pool keeps them open).
        m1 = self.machine()
        s1 = self._server_cpu()
        d1 = self._db_cpu()
        c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cap = max(1e-6, time.time() - self.t0) * NPROC
        busy = (m1[0] - self.m0[0]) - (m1[1] - self.m0[1])
        server = s1 - self.s0
        db = max(0.0, d1 - self.d0)
        wrk = (c1.ru_utime - self.c0.ru_utime) + (c1.ru_stime - self.c0.ru_stime)
        wrk += max(0.0, self._load_cpu() - self.e0)
        other = max(0.0, busy - server - db - wrk)
        # /proc/stat is sampled per tick and misses short bursts (many wake-ups); per-process times are exact.
        busy = max(busy, server + db + wrk)
        pct = lambda x: round(100 * x / cap)  # noqa: E731
        return {"busy": pct(busy), "server": pct(server), "db": pct(db), "wrk": pct(wrk), "other": pct(other)}


def cpu_text(c: dict | None) -> str:
    if not c:
        return ""
    return f"cpu {c['busy']}% (server {c['server']}, db {c['db']}, wrk {c['wrk']}, other {c['other']})"


def wait_quiet(max_wait: float = 10.0, threshold: float = 12.0) -> None:
    """Waits (bounded) until the machine is nearly idle before a measurement: other work on a 2-core machine moves
    the numbers more than anything we measure. The total wait is capped by QUIET["budget"]; rows measured while
    other work ran anyway are flagged in the report."""
    if QUIET["budget"] <= 0:
        return
    deadline = time.time() + min(max_wait, max(0.0, QUIET["budget"] - QUIET["waited"]))
    t0 = time.time()
    while True:
        a = CpuMeter.machine()
        time.sleep(0.25)
        b = CpuMeter.machine()
        busy = 100 * ((b[0] - a[0]) - (b[1] - a[1])) / max(1e-6, (b[0] - a[0]))
        if busy < threshold or time.time() >= deadline:
            break
    QUIET["waited"] += max(0.0, time.time() - t0 - 0.25)


def settle_and_wait() -> None:
    """Before a measurement: mark the outbox delivered, then wait for a quiet machine."""
    if SETTLE["fn"]:
        SETTLE["fn"]()
    wait_quiet()


def _before_measurement(meter: CpuMeter | None) -> None:
    # A measurement (not a warm-up, and not beside another load generator).
    if meter and not meter.extra_pids:
        settle_and_wait()


def wrk(url: str, script: str, duration: float, conns: int, env: dict | None = None, threads: int = WRK_THREADS,
        meter: CpuMeter | None = None) -> dict:
    """One wrk run. With a meter (a measurement, not a warm-up), first settles the outbox and waits for a quiet
    machine, and records where the CPU went."""
    threads = min(threads, conns)
    e = dict(os.environ)
    e.update({"BENCH_LUA_DIR": str(LUA_DIR), "BENCH_THREADS": str(threads)})
    e.update(env or {})
    cmd = ["wrk", "-t", str(threads), "-c", str(conns), "-d", f"{max(1, round(duration))}s", "--timeout", "10s",
           "-s", str(LUA_DIR / script), url]
    _before_measurement(meter)
    if meter:
        meter.start()
    r = subprocess.run(cmd, env=e, capture_output=True, text=True, timeout=duration + 60)
    cpu = meter.stop() if meter else None
    line = next((l for l in r.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
    if r.returncode != 0 or not line:
        fail(f"wrk failed ({r.returncode}): {' '.join(cmd)}\n{r.stdout}\n{r.stderr}")
    res = json.loads(line[len("BENCH_JSON "):])
    res["seconds"] = res["duration_us"] / 1e6
    res["cpu"] = cpu
    res["socket_errors"] = sum(res["errors"][k] for k in ("connect", "read", "write", "timeout"))
    return res


def probe_in_turn(targets: list[dict], duration: float, meter: CpuMeter | None) -> list[dict]:
    """Latency of several servers compared by one client in this process: one request in flight on the whole
    machine, sent to the targets in turn (A B C A B C …, each on its own keep-alive connection) for `duration`
    seconds, so a stall of the machine lands on every target and a p99 is a request's own time. A target is
    `{url, next: () -> (method, path, body, headers), ok: status -> bool}`; each result has the shape of a `wrk`
    run's, latencies in µs with their histogram."""
    conns = []
    for t in targets:
        u = urllib.parse.urlsplit(t["url"])
        conns.append(http.client.HTTPConnection(u.hostname, u.port, timeout=10))
    lat: list[list[int]] = [[] for _ in targets]
    statuses: list[collections.Counter] = [collections.Counter() for _ in targets]
    _before_measurement(meter)
    if meter:
        meter.start()
    clock = time.perf_counter_ns
    t0 = clock()
    end = t0 + int(duration * 1e9)
    try:
        while clock() < end:
            for i, t in enumerate(targets):
                method, path, body, headers = t["next"]()
                sent = clock()
                conns[i].request(method, path, body, headers)
                resp = conns[i].getresponse()
                resp.read()
                lat[i].append((clock() - sent) // 1000)
                statuses[i][resp.status] += 1
    except (OSError, http.client.HTTPException) as e:
        fail(f"probe: {e!r} from {t['url']}{path}")
    finally:
        for c in conns:
            c.close()
    seconds = (clock() - t0) / 1e9
    cpu = meter.stop() if meter else None
    results = []
    for t, samples, seen in zip(targets, lat, statuses):
        samples.sort()
        n = len(samples)
        ok = sum(count for status, count in seen.items() if t["ok"](status))
        pct = lambda q: samples[min(n - 1, int(n * q))] if n else 0  # noqa: E731
        results.append({"requests": n, "ops": ok, "duration_us": seconds * 1e6, "seconds": seconds, "cpu": cpu,
                        "errors": {"status": n - ok, "connect": 0, "read": 0, "write": 0, "timeout": 0}, "socket_errors": 0,
                        "statuses": {str(status): count for status, count in seen.items()}, "latency_us": {"p50": pct(0.5), "p99": pct(0.99)},
                        "histogram": sorted(collections.Counter(samples).items())})
    return results


# ------------------------------------------------------------------------------------------ figures of a run


def ms(us: float) -> float:
    return us / 1000.0


def measurement(res: dict, ok: int, total: int, latency: str = "latency_us") -> dict:
    """One run as a round's figures: `ok` successful operations out of `total`, latency from `latency`."""
    return {"res": res, "rate": ok / res["seconds"], "p50": ms(res[latency]["p50"]), "p99": ms(res[latency]["p99"]),
            "ok": ok, "total": total, "cpu": res["cpu"]}


def plain_measurement(res: dict) -> dict:
    """A plain.lua run: every answer but a non-2xx one counts."""
    return measurement(res, res["requests"] - res["errors"]["status"], res["requests"])


def from_ops(res: dict, latency: str = "latency_us", failed: int | None = None) -> dict:
    """A run of a script that counts its own operations (`ops`)."""
    return measurement(res, res["ops"], res["ops"] + failed if failed is not None else res["requests"], latency)


def rate_ratios(runs: list[dict], baseline: list[dict]) -> list[float]:
    """Round by round: a scenario's rate over its baseline's."""
    return [a["rate"] / b["rate"] if b["rate"] else 0.0 for a, b in zip(runs, baseline)]


def pooled_percentile(results: list[dict], pct: float) -> float:
    """A latency percentile (ms) of every request of several runs together, from their histograms
    (BENCH_HISTOGRAM=1): one short window's p99 is its slowest few requests."""
    counts: dict[int, int] = {}
    for res in results:
        for v, n in res.get("histogram") or []:
            counts[v] = counts.get(v, 0) + n
    total = sum(counts.values())
    if not total:
        return statistics.median(ms(r["latency_us"][f"p{pct:g}"]) for r in results)
    seen = 0
    for v in sorted(counts):
        seen += counts[v]
        if seen >= pct / 100 * total:
            return ms(v)
    return ms(max(counts))
