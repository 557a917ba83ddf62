"""The scenarios on one database: bare framework, authenticated read, refresh, accept, login, flood, memory.
Growth (growth.py), the SPA (spa.py) and Lighthouse (lighthouse.py) add theirs to the same Bench."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from bounds import MEMORY, target
from data import Accounts, Db, OrderPool, PgDb, SqliteDb, reset_accept_pool, seed_pg, seed_sqlite, settle_outbox
from growth import Growth
from load import (LOGIN_CONNS, PACED_CONNS, PACED_DELAY_MS, QUIET, SETTLE, WRK_CONNS, WRK_THREADS, CpuMeter, from_ops,
                  plain_measurement, pooled_percentile, rate_ratios, settle_and_wait, wrk)
from procs import CHILDREN, CONTACT, LUA_DIR, NPROC, ROOT, WORKER, Api, Hello, Server, Session, fail, log, rss_kib, run_sitecard
from report import Row, check_broken


class Bench(Growth):
    def __init__(self, args, modes: dict):
        self.args = args
        self.mode = args.mode
        self.cfg = modes[args.mode]
        self.bin_dir = (ROOT / args.bin_dir).resolve()
        self.pg_url: str | None = None
        self.rows: list[Row] = []
        self.explains: dict[str, str] = {}
        self.growth_plans: dict[int, dict[str, list[str]]] = {}
        self.problems: list[str] = []
        self.memory: dict[str, dict] = {}
        self.spa: dict = {}
        self.lighthouse: dict = {}
        self.argon2: dict[str, float] = {}
        QUIET["budget"] = self.cfg["quiet_budget"]
        self.keycloak: dict[str, dict] = {}
        self.flood: dict[str, list[dict]] = {}
        self.previous: dict = {}      # the ratios of the report this run replaces (`report.previous_report`)
        self.unsteady: set[int] = set()  # rows whose ratio moved by more than 15% since then
        self.work = Path(tempfile.mkdtemp(prefix="sitecard-bench-"))
        self.started = time.time()

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        log(row.line())
        return row

    def _write(self, name: str, lines: list[str]) -> Path:
        p = self.work / f"{name}.txt"
        p.write_text("\n".join(lines) + "\n")
        return p

    def argon2_once(self) -> dict:
        """Raw argon2id verifies per second on all cores (`argon2_rate`, same parameters as the server)."""
        secs = self.cfg["argon2"]
        settle_and_wait()
        meter = CpuMeter(None, None)
        meter.start()
        r = subprocess.run([str(self.bin_dir / "argon2_rate"), str(secs)], capture_output=True, text=True, timeout=secs + 60)
        # argon2_rate is our child: its CPU is in the `wrk` share; anything in `other` competed with it.
        cpu = meter.stop()
        m = re.search(r"argon2id_verifies_per_second=([0-9.]+) threads=(\d+)", r.stdout)
        if r.returncode != 0 or not m:
            fail(f"argon2_rate failed: {r.stdout}{r.stderr}")
        return {"rate": float(m.group(1)), "cpu": cpu}

    def rounds(self, steps: list[tuple[str, "callable"]], n: int | None = None, between=None) -> dict[str, list[dict]]:
        """Runs every step once per round, forwards then backwards (A B C, C B A, A B C, …): a scenario and its
        baseline are measured seconds apart and in both orders, so the machine's drift cancels in their ratio.
        `between` runs before every round but the first (a fresh server process, say)."""
        n = n or self.cfg["rounds"]
        out: dict[str, list[dict]] = {name: [] for name, _ in steps}
        for r in range(n):
            if r and between:
                between(r)
            for name, fn in (steps if r % 2 == 0 else steps[::-1]):
                out[name].append(fn())
        return out

    def measure_plain(self, url: str, env: dict | None, meter: CpuMeter, conns: int = WRK_CONNS) -> dict:
        return plain_measurement(wrk(url, "plain.lua", self.cfg["throughput"], conns, env, meter=meter))

    def rounds_row(self, scenario: str, db: str, runs: list[dict], unit: str, baseline: str, ratios: list[float] | None,
                   target: str = "", ok=None, pooled: bool = False) -> Row:
        """One result line from per-round measurements: the median round's figures, the median of the per-round
        ratios, and every round's ratio beside it. `pooled`: p50 and p99 of all the rounds' requests together."""
        mid = sorted(runs, key=lambda r: r["rate"])[len(runs) // 2]
        if pooled:
            results = [r["res"] for r in runs]
            p50, p99 = pooled_percentile(results, 50), pooled_percentile(results, 99)
        else:
            p50, p99 = statistics.median(r["p50"] for r in runs), statistics.median(r["p99"] for r in runs)
        ratio = statistics.median(ratios) if ratios else None
        row = Row(scenario, db, statistics.median(r["rate"] for r in runs), unit, p50, p99, baseline, ratio, target, cpu=mid["cpu"])
        row.rounds = list(ratios or [])
        if ok is not None and ratio is not None:
            row.ok = ok(ratio)
        check_broken(row, sum(r["ok"] for r in runs), sum(r["total"] for r in runs), [r["res"] for r in runs])
        return row

    def target_row(self, key: str, scenario: str, db: str, runs: list[dict], unit: str, baseline: str, ratios: list[float]) -> Row:
        text, ok = target(key, db)
        return self.add(self.rounds_row(scenario, db, runs, unit, baseline, ratios, text, ok))

    # -- one database: every scenario against one server

    def run_db(self, db: Db) -> None:
        cfg = self.cfg
        log(f"[bench] --- {db.kind}: migrate, seed-demo, bench dataset ---")
        run_sitecard(self.bin_dir, db.url, "migrate")
        run_sitecard(self.bin_dir, db.url, "seed-demo")
        t0 = time.time()
        seed = seed_sqlite if isinstance(db, SqliteDb) else seed_pg
        seeded = seed(db, cfg["accounts"], cfg["accept_pool"])
        log(f"[bench] seeded {seeded['accounts']} login accounts and {len(seeded['pool_ids'])} orders to accept in {time.time() - t0:.1f}s")
        db_name = db.name if isinstance(db, PgDb) else None

        server = Server(self.bin_dir, db.url, self.work, f"server-{db.kind}")
        SETTLE["fn"] = lambda: settle_outbox(db, QUIET, cfg["settle"])
        # The bare baseline runs beside the server for the whole block (idle while the server is measured).
        hello = Hello(self.bin_dir, self.work)
        try:
            api = Api(server.url)
            time.sleep(1.0)
            idle = rss_kib(server.pid)
            accounts = Accounts(seeded["accounts"])

            # Set-up through the API, and proof that the SQL-seeded rows are readable.
            worker = Session(api, *WORKER)
            api.expect(200, "PATCH", "/api/v1/me/contact", CONTACT, worker.token())
            first = api.expect(200, "GET", f"/api/v1/me/card-orders/{seeded['pool_ids'][0]}", token=worker.token())
            if first["status"] != "awaiting_cardholder" or first["version"] != 1:
                fail(f"seeded order not as expected: {first}")
            n, _ = accounts.take(1)
            Session(api, f"bench-{n}@bench.test", f"+4673{n:07d}")
            meter = lambda: CpuMeter(server.pid, db_name)  # noqa: E731
            read_path = f"/api/v1/me/card-orders/{seeded['demo_order']}"
            read_env = lambda: {"BENCH_PATH": read_path, "BENCH_TOKEN": worker.token()}  # noqa: E731

            def refresh_once() -> dict:
                # Fresh sessions each round: the previous round's refresh tokens are spent.
                start, count = accounts.take(cfg["refresh_sessions"] + WRK_THREADS)
                tokens = [api.login(f"bench-{start + i}@bench.test", f"+4673{start + i:07d}")["refresh_token"] for i in range(count)]
                tok_file = self._write(f"refresh-{db.kind}", tokens)
                res = wrk(server.url, "refresh.lua", cfg["throughput"], min(WRK_CONNS, len(tokens) - WRK_THREADS),
                          {"BENCH_TOKENS": str(tok_file)}, meter=meter())
                return from_ops(res)

            pool = OrderPool(seeded["pool_ids"], lambda: reset_accept_pool(db, seeded["demo_order"]))

            def accept_once() -> dict:
                # Every round accepts orders no earlier round touched (a fresh slice of the pool).
                ids = self._write(f"accept-{db.kind}", pool.take(cfg["accept_per_round"]))
                res = wrk(server.url, "accept.lua", cfg["throughput"], WRK_CONNS, {"BENCH_IDS": str(ids), "BENCH_TOKEN": worker.token()},
                          meter=meter())
                return from_ops(res)

            def warm_up() -> None:
                # The read runs the whole middleware stack too, so it warms `/healthz`'s path as well.
                if cfg["warmup"]:
                    wrk(server.url + read_path, "plain.lua", cfg["warmup"], WRK_CONNS, read_env())

            def fresh_processes(r: int) -> None:
                # Every round runs on new server and `hello` processes: how fast one process turns out to be
                # differs between processes by more than between rounds.
                nonlocal server, hello
                self.collect_problems(server, f"{db.kind} (round {r})")
                server.stop()
                hello.stop()
                server = Server(self.bin_dir, db.url, self.work, f"server-{db.kind}-{r + 1}")
                hello = Hello(self.bin_dir, self.work)
                api.base = server.url
                warm_up()

            # Bare framework, authenticated read, refresh, accept, in rounds beside `hello`.
            warm_up()
            got = self.rounds([
                ("hello", lambda: self.measure_plain(hello.url + "/healthz", None, CpuMeter(hello.proc.pid, None))),
                ("healthz", lambda: self.measure_plain(server.url + "/healthz", None, meter())),
                ("read", lambda: self.measure_plain(server.url + read_path, read_env(), meter())),
                ("refresh", refresh_once),
                ("accept", accept_once),
            ], between=fresh_processes)
            base, hello_rps = got["hello"], statistics.median(r["rate"] for r in got["hello"])
            per = lambda name, against: rate_ratios(got[name], got[against])  # noqa: E731
            hello_p99 = statistics.median(r["p99"] for r in base)
            text, ok = target("bare framework", db.kind)
            row = self.rounds_row("bare framework GET /healthz", db.kind, got["healthz"], "req/s",
                                  f"hello {hello_rps:,.0f} req/s (p99 {hello_p99:.2f} ms)", per("healthz", "hello"), text, ok)
            # CPU time per answer (the process's own CPU over the answers it gave): what the middleware costs.
            us = lambda runs: statistics.median(r["cpu"]["server"] / 100 * NPROC * 1e6 / r["rate"] for r in runs if r["cpu"] and r["rate"])  # noqa: E731
            row.notes.append(f"process CPU per answer: Sitecard {us(got['healthz']):.1f} µs, hello {us(base):.1f} µs")
            self.add(row)
            if isinstance(db, SqliteDb):
                self.quiet_log_diagnostic(db, hello)
            vs_hello = f"hello {hello_rps:,.0f} req/s"
            read_row = self.target_row("authenticated read", "authenticated read GET /me/card-orders/{id}", db.kind, got["read"], "req/s",
                                       vs_hello, per("read", "hello"))
            self.session_cache_diagnostic(db, server, read_path, read_env, meter)
            refresh_row = self.target_row("token refresh", "token refresh with rotation", db.kind, got["refresh"], "req/s", vs_hello,
                                          per("refresh", "hello"))
            self.keycloak.setdefault(db.kind, {})["refresh"] = refresh_row.throughput / NPROC
            self.target_row("accept", "accept (write path)", db.kind, got["accept"], "req/s",
                            f"authenticated read {read_row.throughput:,.0f} req/s", per("accept", "read"))

            # Full login, in rounds beside the raw argon2id rate.
            last_argon = [100.0]

            def argon2_once() -> dict:
                r = self.argon2_once()
                last_argon[0] = r["rate"]
                return r

            def login_once() -> dict:
                # Enough accounts for the rate the hashes allow (each account gets at most 5 SMS codes an hour).
                start, count = accounts.take(int(last_argon[0] * cfg["login"] * 1.5) + 50)
                env = {"BENCH_ACCOUNT_START": str(start), "BENCH_ACCOUNT_COUNT": str(count)}
                res = wrk(server.url, "login.lua", cfg["login"], LOGIN_CONNS, env, meter=meter())
                failed = sum(v for k, v in res["statuses"].items() if not re.search(r":2\d\d$", k))
                return from_ops(res, "op_latency_us", failed)

            got = self.rounds([("argon2", argon2_once), ("login", login_once)])
            argon = statistics.median(r["rate"] for r in got["argon2"])
            self.argon2[db.kind] = argon
            row = self.target_row("full login", "full login (password + SMS code)", db.kind, got["login"], "logins/s",
                                  f"argon2id {argon:,.1f} verifies/s on {NPROC} cores", rate_ratios(got["login"], got["argon2"]))
            self.keycloak[db.kind]["login"] = row.throughput / NPROC

            self.flood_scenario(db, server, accounts, read_path, worker, argon, meter)

            mem = rss_kib(server.pid)
            self.memory[db.kind] = {"idle": idle["VmRSS"], "peak": mem["VmHWM"], "after": mem["VmRSS"]}
            row = Row("memory (RSS)", db.kind, target=f"idle ≤ {MEMORY['idle_mib']} MiB, peak ≤ {MEMORY['peak_mib']} MiB")
            row.notes.append(f"idle {idle['VmRSS'] / 1024:.1f} MiB, peak (VmHWM after the last round, the sign-ins and the flood) "
                             f"{mem['VmHWM'] / 1024:.1f} MiB, now {mem['VmRSS'] / 1024:.1f} MiB")
            row.ok = idle["VmRSS"] <= MEMORY["idle_mib"] * 1024 and mem["VmHWM"] <= MEMORY["peak_mib"] * 1024
            self.add(row)

            self.collect_problems(server, db.kind)
        finally:
            SETTLE["fn"] = None
            hello.stop()
            server.stop()

    def diagnostic(self, db: Db, scenario: str, env: dict, path: str, headers: dict | None,
                   baseline: tuple[str, str, "callable"]) -> None:
        """No target: `path` on a second server started with `env`, in rounds beside `baseline` (its name in the
        report, its URL, its CPU meter): what one setting costs or gives."""
        name, url, base_meter = baseline
        other = Server(self.bin_dir, db.url, self.work, f"server-{db.kind}-{'-'.join(env).lower()}", env)
        try:
            if self.cfg["warmup"]:
                wrk(other.url + path, "plain.lua", self.cfg["warmup"], WRK_CONNS, headers)
            got = self.rounds([
                ("base", lambda: self.measure_plain(url + path, headers, base_meter())),
                ("other", lambda: self.measure_plain(other.url + path, headers, CpuMeter(other.pid, None))),
            ], 3)
        finally:
            other.stop()
        rate = statistics.median(r["rate"] for r in got["base"])
        self.add(self.rounds_row(scenario, db.kind, got["other"], "req/s", f"{name} {rate:,.0f} req/s", rate_ratios(got["other"], got["base"])))

    def quiet_log_diagnostic(self, db: Db, hello: Hello) -> None:
        """`/healthz` with the request log off, beside `hello`: what logging costs."""
        self.diagnostic(db, "bare framework GET /healthz, SITECARD_LOG=warn (diagnostic)", {"SITECARD_LOG": "warn"}, "/healthz", None,
                        ("hello", hello.url, lambda: CpuMeter(hello.proc.pid, None)))

    def session_cache_diagnostic(self, db: Db, server: Server, read_path: str, read_env, meter) -> None:
        """The authenticated read on a server that reads every session from the database, beside the same read
        with the cache: what the session cache gives."""
        self.diagnostic(db, "authenticated read, SITECARD_SESSION_CACHE=off (diagnostic)", {"SITECARD_SESSION_CACHE": "off"}, read_path,
                        read_env(), ("the read with the cache", server.url, meter))

    # -- read latency while a login flood saturates the CPU

    def _flood_pair(self, db: Db, server: Server, accounts: Accounts, read_path: str, env: dict, argon: float, meter) -> dict:
        """One window pair: the paced reads alone, then the same reads while another wrk floods the sign-in."""
        cfg = self.cfg
        quiet = wrk(server.url + read_path, "plain.lua", cfg["flood"], PACED_CONNS, env, meter=meter())
        # The flood starts a second before the loaded window (its hashes queue up) and ends with it.
        flood_secs = cfg["flood"] + 1
        start, count = accounts.take(int(argon * flood_secs * 1.5) + 50)
        fenv = dict(os.environ, BENCH_LUA_DIR=str(LUA_DIR), BENCH_THREADS="1", BENCH_ACCOUNT_START=str(start), BENCH_ACCOUNT_COUNT=str(count))
        settle_and_wait()
        flood = subprocess.Popen(["wrk", "-t", "1", "-c", str(LOGIN_CONNS * 2), "-d", f"{flood_secs}s", "--timeout", "20s",
                                  "-s", str(LUA_DIR / "login.lua"), server.url], env=fenv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        CHILDREN.append(flood)
        try:
            time.sleep(1)
            loaded = wrk(server.url + read_path, "plain.lua", cfg["flood"], PACED_CONNS, env,
                         meter=CpuMeter(server.pid, db.name if isinstance(db, PgDb) else None, (flood.pid,)))
            out, err = flood.communicate(timeout=flood_secs + 60)
        finally:
            if flood.poll() is None:
                flood.kill()
            CHILDREN.remove(flood)
        fline = next((l for l in out.splitlines() if l.startswith("BENCH_JSON ")), None)
        fres = json.loads(fline[len("BENCH_JSON "):]) if fline else {"ops": 0, "duration_us": 1, "statuses": {}}
        return {"quiet": quiet, "loaded": loaded, "flood_rate": fres["ops"] / (fres["duration_us"] / 1e6),
                "flood_error": "" if fres["ops"] else (fline or err[-500:])}

    def flood_scenario(self, db: Db, server: Server, accounts: Accounts, read_path: str, worker: Session, argon: float, meter) -> None:
        """Short windows of paced reads, alone and during a login flood, alternating (`flood_pairs` pairs per round,
        `flood_rounds` rounds). The ratio is the median of the pairs' own p99 ratios: the unloaded tail itself drifts
        within minutes, so the two sides are measured seconds apart, many times, and a stall in one window moves one
        pair's ratio, not the result. The latencies shown pool every window."""
        cfg = self.cfg
        env = {"BENCH_PATH": read_path, "BENCH_TOKEN": worker.token(), "BENCH_DELAY_MS": str(PACED_DELAY_MS), "BENCH_HISTOGRAM": "1"}
        rounds = []
        for _ in range(cfg["flood_rounds"]):
            pairs = [self._flood_pair(db, server, accounts, read_path, env, argon, meter) for _ in range(cfg["flood_pairs"])]
            quiet, loaded = [p["quiet"] for p in pairs], [p["loaded"] for p in pairs]
            q99, l99 = pooled_percentile(quiet, 99), pooled_percentile(loaded, 99)
            rounds.append({"pairs": pairs, "quiet_p50": pooled_percentile(quiet, 50), "quiet_p99": q99,
                           "loaded_p50": pooled_percentile(loaded, 50), "loaded_p99": l99, "ratio": l99 / q99 if q99 else 0.0,
                           "flood_rate": statistics.median(p["flood_rate"] for p in pairs),
                           "busy": statistics.median((p["loaded"]["cpu"] or {}).get("busy", 0) for p in pairs)})
        pairs = [p for r in rounds for p in r["pairs"]]
        quiet, loaded = [p["quiet"] for p in pairs], [p["loaded"] for p in pairs]
        q50, q99 = pooled_percentile(quiet, 50), pooled_percentile(quiet, 99)
        pair_p99 = [(pooled_percentile([p["quiet"]], 99), pooled_percentile([p["loaded"]], 99)) for p in pairs]
        pair_ratios = [lo / qu if qu else 0.0 for qu, lo in pair_p99]
        text, ok = target("read latency", db.kind)
        row = self.rounds_row("read latency under a login flood", db.kind, [plain_measurement(p["loaded"]) for p in pairs], "req/s (paced)",
                              f"unloaded p50 {q50:.2f} ms p99 {q99:.2f} ms", pair_ratios, text, ok, pooled=True)
        row.notes.append(f"p99 of all windows pooled: {pooled_percentile(loaded, 99) / q99 if q99 else 0:.2f}× unloaded")
        row.notes.append(f"flood {statistics.median(p['flood_rate'] for p in pairs):,.1f} logins/s on {LOGIN_CONNS * 2} connections; "
                         f"p99 of {sum(r['requests'] for r in loaded):,} loaded and {sum(r['requests'] for r in quiet):,} unloaded reads")
        for p in pairs:
            if p["flood_error"]:
                row.broken = (row.broken + "; " if row.broken else "") + f"the login flood completed no sign-ins: {p['flood_error']}"
        self.flood[db.kind] = rounds
        self.add(row)

    def collect_problems(self, server: Server, label: str) -> None:
        """5xx (and 4xx) answers by route, from the server's own metrics, and ERROR/WARN log lines."""
        try:
            with urllib.request.urlopen(server.metrics_url, timeout=10) as r:
                text = r.read().decode()
            for line in text.splitlines():
                m = re.match(r'(?:sitecard_)?http_requests_total\{(.*)\} (\d+)', line)
                if m and re.search(r'status="[45]\d\d"', m.group(1)):
                    labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
                    self.problems.append(f"{label}: {labels.get('status')} answers on {labels.get('method')} {labels.get('route')}: {m.group(2)}")
        except Exception as e:  # noqa: BLE001
            self.problems.append(f"{label}: /metrics unreadable: {e}")
        if any(" 409 answers on POST /api/v1/auth/login" in p for p in self.problems if p.startswith(label + ":")):
            self.problems.append(f"{label}: 409s on sign-in are `conflict` answers, i.e. a unique violation (once a race on "
                                 "audit_events.seq: scripts/bench/README.md, history)")
        for p in server.log_problems()[:15]:
            self.problems.append(f"{label}: log: {p[:400]}")
