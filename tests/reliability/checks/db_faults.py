"""Database faults: PostgreSQL is restarted (and then stopped for a while) under load. While it is down
/readyz answers 503 problem+json and requests fail fast with 503 problem+json (no 500, no text, no hang beyond
~10 s); when it is back the server recovers by itself, without a restart.

It runs on a PostgreSQL cluster of its own (pg_createcluster on a free port, dropped at the end), so stopping it
disturbs no other test; without pg_createcluster it falls back to the machine's `main` cluster, which is
started again in a `finally` and in the battery's final cleanup whatever happens."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

import requests

from lib.api import ADMIN, WORKER, Api, Result, fresh_ip
from lib.registry import Skip, check, on_final_cleanup
from lib.server import Database, Server, pg_available, psql
from lib.stubs import free_port

from .common import wait_until


def _version() -> str:
    versions = sorted(p.name for p in Path("/etc/postgresql").iterdir()) if Path("/etc/postgresql").exists() else []
    if not versions:
        raise AssertionError("no PostgreSQL installation under /etc/postgresql (postgresql-common)")
    return versions[-1]


def _pid_alive(pid: str) -> bool:
    return pid.isdigit() and Path(f"/proc/{pid}").exists()


class Cluster:
    """A PostgreSQL cluster of its own (pg_createcluster), so that stopping it disturbs nobody else; when one
    cannot be created, the machine's `main` cluster is used (and always started again)."""

    def __init__(self, allow_main: bool):
        self.version = _version()
        self.own = False
        self.name = "main"
        self.port = 5432
        for line in subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout.splitlines():
            parts = line.split()
            # Clusters of earlier runs that were killed before their cleanup (the name carries the run's pid).
            if len(parts) > 1 and parts[1].startswith("sitecard_rel_") and not _pid_alive(parts[1].rsplit("_", 1)[-1]):
                subprocess.run(["pg_dropcluster", "--stop", parts[0], parts[1]], capture_output=True, timeout=120)
        port = free_port()
        name = f"sitecard_rel_{os.getpid()}"
        out = subprocess.run(["pg_createcluster", self.version, name, "--port", str(port), "--", "--auth=trust"],
                             capture_output=True, text=True, timeout=180)
        if out.returncode == 0:
            self.own, self.name, self.port = True, name, port
            _clusters.append(self)
            started = self.ctl("start")
            assert started.returncode == 0, f"cannot start the private cluster: {started.stderr}"
        elif not allow_main:
            raise Skip(f"pg_createcluster failed ({out.stderr.strip()[:200]}); the quick variant does not stop the shared "
                       "main cluster (make test-long does)")
        else:
            print(f"    pg_createcluster failed ({out.stderr.strip()[:200]}); using the main cluster", flush=True)
        self.url = f"postgres://postgres@127.0.0.1:{self.port}"
        wait_until(self.available, timeout=60, interval=0.3, what="PostgreSQL to accept connections")

    def ctl(self, action: str, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", self.version, self.name, action, *extra],
                              capture_output=True, text=True, timeout=120)

    def available(self) -> bool:
        return subprocess.run(["psql", f"{self.url}/postgres", "-Atc", "select 1"], capture_output=True, timeout=10).returncode == 0

    def ensure_running(self) -> None:
        if not self.available():
            self.ctl("start")
            for _ in range(120):
                if self.available():
                    return
                time.sleep(0.5)

    def drop(self) -> None:
        if self in _clusters:
            _clusters.remove(self)
        if self.own:
            subprocess.run(["pg_dropcluster", "--stop", self.version, self.name], capture_output=True, timeout=120)
            self.own = False
        else:
            self.ensure_running()


_clusters: list[Cluster] = []


@on_final_cleanup
def _restore_pg(ctx) -> None:
    for c in list(_clusters):
        c.drop()
    if ctx.pg and not pg_available():
        print("!!! the main PostgreSQL cluster was left down: starting it again", flush=True)
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", _version(), "main", "start"], capture_output=True, timeout=120)


class Prober:
    """Requests in a loop from two threads; every answer is classified."""

    def __init__(self, base: str, worker: str):
        self.base = base
        self.worker = worker
        self.lock = threading.Lock()
        self.log: list[tuple] = []  # (t, phase, what, status, content-type, seconds, error)
        self.phase = "before"
        self.stop = threading.Event()

    def run(self, kinds):
        a = Api(self.base)
        i = 0
        while not self.stop.is_set():
            kind = kinds[i % len(kinds)]
            i += 1
            t0 = time.time()
            phase = self.phase
            try:
                if kind == "readyz":
                    res = a.get("/readyz", timeout=30)
                elif kind == "me":
                    res = a.get("/api/v1/me", self.worker, timeout=30)
                elif kind == "login":
                    res = a.post("/api/v1/auth/login", {"email": f"x{i}@example.com", "password": "wrong-password-1"}, ip=fresh_ip(), timeout=30)
                else:
                    res = a.get("/api/v1/card-check/AB0000000000", ip=fresh_ip(), timeout=30)
                rec = (t0, phase, kind, res.status_code, res.headers.get("content-type", ""), time.time() - t0, "")
            except requests.RequestException as e:
                rec = (t0, phase, kind, None, "", time.time() - t0, type(e).__name__)
            with self.lock:
                self.log.append(rec)
            time.sleep(0.1)


@check("dbfault.postgres_restart", "PostgreSQL restarted and stopped under load: 503 problem+json, no hang, recovery by itself",
       budget=(120, 240), needs_pg=True, allows_5xx=True)
def postgres_restart(ctx) -> Result:
    r = Result()
    cluster = Cluster(allow_main=ctx.mode == "long")
    r.counts["cluster"] = "private (pg_createcluster)" if cluster.own else "main"
    failures: list[str] = []
    srv = None
    try:
        psql(f"{cluster.url}/postgres", "CREATE DATABASE sitecard_rel_fault")
        db = Database("postgres", "dbfault", url=f"{cluster.url}/sitecard_rel_fault")
        srv = Server(db, "dbfault", env={"SITECARD_DB_POOL_SIZE": "4"})
        srv.start()
        api = Api(srv.url)
        worker = api.login(*WORKER)["access_token"]
        p = Prober(srv.url, worker)
        threads = [threading.Thread(target=p.run, args=(k,), daemon=True) for k in (["readyz"], ["me", "readyz"], ["login", "check"], ["check", "me"])]
        for t in threads:
            t.start()
        time.sleep(2)
        # 1. A plain restart (what an operator or a failover does).
        p.phase = "restart"
        out = cluster.ctl("restart", "-m", "fast")
        assert out.returncode == 0, f"pg_ctlcluster restart failed: {out.stderr}"
        r.add("PostgreSQL restarts")
        p.phase = "after restart"
        time.sleep(4)
        # 2. Down for a while.
        p.phase = "down"
        out = cluster.ctl("stop", "-m", "fast")
        assert out.returncode == 0, f"pg_ctlcluster stop failed: {out.stderr}"
        down_at = time.time()
        time.sleep(ctx.n(8, 15))
        p.phase = "starting"
        out = cluster.ctl("start")
        assert out.returncode == 0, f"pg_ctlcluster start failed: {out.stderr}"
        up_at = time.time()
        r.counts["seconds down"] = round(up_at - down_at, 1)
        r.add("PostgreSQL stops")
        p.phase = "recovering"

        def ready():
            try:
                return requests.get(srv.url + "/readyz", timeout=10).status_code == 200
            except requests.RequestException:
                return False

        wait_until(ready, timeout=60, interval=0.5, what="/readyz to be green again without a server restart")
        r.counts["seconds until ready after PostgreSQL is back"] = round(time.time() - up_at, 1)
        p.phase = "recovered"
        time.sleep(3)
        p.stop.set()
        for t in threads:
            t.join(timeout=40)
        assert srv.alive(), "the server died while the database was away"
        assert srv.starts == 1, "the server was restarted"
        # Normal service after recovery: a full login and an authenticated read.
        t2 = Api(srv.url).login(*ADMIN)
        assert Api(srv.url).get("/api/v1/me", t2["access_token"]).status_code == 200
        r.add("full login after recovery")

        log = p.log
        r.counts["probe requests"] = len(log)
        down = [x for x in log if x[1] == "down"]
        ready_503 = [x for x in down if x[2] == "readyz" and x[3] == 503]
        r.counts["requests while down"] = len(down)
        r.counts["readyz 503 while down"] = len(ready_503)
        if not ready_503:
            failures.append(f"/readyz never answered 503 while PostgreSQL was down: {[x[2:6] for x in down if x[2] == 'readyz'][:5]}")
        for t0, phase, kind, status, ct, secs, err in log:
            if err:
                failures.append(f"{phase}: {kind} failed without an answer after {secs:.1f} s ({err})")
            elif status is not None and status >= 500:
                if status != 503:
                    failures.append(f"{phase}: {kind} answered {status} (expected 503 while the database is away)")
                elif not ct.startswith("application/problem+json"):
                    failures.append(f"{phase}: {kind} answered 503 with {ct!r}, not problem+json")
            if secs > 11:
                failures.append(f"{phase}: {kind} took {secs:.1f} s (a hang; requests must fail within ~10 s)")
            if phase == "recovered" and status is not None and status >= 500:
                failures.append(f"after recovery {kind} still answered {status}")
        statuses: dict = {}
        for x in log:
            statuses[f"{x[1]} {x[2]} {x[3]}"] = statuses.get(f"{x[1]} {x[2]} {x[3]}", 0) + 1
        r.counts["answers by phase"] = statuses
        r.counts["slowest answer while down (s)"] = round(max((x[5] for x in down), default=0), 1)
        for f in sorted(set(failures))[:30]:
            print(f"    DBFAULT: {f}", flush=True)
        if failures:
            for t0, phase, kind, status, ct, secs, err in log:
                if phase not in ("before", "recovered"):
                    print(f"      probe +{t0 - log[0][0]:6.1f}s {phase:14s} {kind:7s} {status} {secs:5.2f}s {err}", flush=True)
        assert not failures, f"{len(set(failures))} database-fault violations (first: {sorted(set(failures))[0]})"
    finally:
        if srv:
            srv.kill9()
        cluster.drop()
    return r
