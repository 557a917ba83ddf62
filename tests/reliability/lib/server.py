"""Start, stop, kill and inspect real `sitecard` servers for the black-box battery.

Every server writes its stdout and stderr to a log file under the run directory; the files are kept for the
secrets scan. Every server and PostgreSQL database created here is registered so `cleanup()` (called from a
`finally` in battery.py and from an atexit hook) ends the processes and drops the databases.
"""

from __future__ import annotations

import atexit
import os
import re
import signal
import sqlite3
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
BIN = Path(os.environ.get("SITECARD_BIN", REPO / "target" / "debug" / "sitecard"))
PG_URL = os.environ.get("SITECARD_REL_PG_URL", "postgres://postgres@127.0.0.1:5432")
DEV_KEY_HEX = b"sitecard-dev-key-not-for-real-da".hex()
RUN_DIR = Path(os.environ.get("SITECARD_REL_RUN_DIR") or tempfile.mkdtemp(prefix="sitecard-rel-"))
LOG_DIR = RUN_DIR / "logs"
LOG_DIR.mkdir(parents=True, exist_ok=True)

_servers: list["Server"] = []
_databases: list[str] = []
_log_files: list[Path] = []


def log_files() -> list[Path]:
    return list(_log_files)


def pg_available() -> bool:
    try:
        return subprocess.run(["psql", f"{PG_URL}/postgres", "-Atc", "select 1"], capture_output=True, timeout=10).returncode == 0
    except Exception:
        return False


def psql(db_url: str, sql: str, timeout: float = 30) -> list[list[str]]:
    out = subprocess.run(
        ["psql", db_url, "-v", "ON_ERROR_STOP=1", "-At", "-F", "\x1f", "-c", sql], capture_output=True, text=True, timeout=timeout
    )
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()}")
    return [line.split("\x1f") for line in out.stdout.splitlines() if line != ""]


def create_pg_database(tag: str) -> str:
    name = f"sitecard_rel_{re.sub('[^a-z0-9_]', '_', tag.lower())}_{uuid.uuid4().hex[:8]}"
    psql(f"{PG_URL}/postgres", f"CREATE DATABASE {name}")
    _databases.append(name)
    return f"{PG_URL}/{name}"


def drop_pg_databases() -> None:
    for name in list(_databases):
        try:
            psql(f"{PG_URL}/postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", timeout=30)
            _databases.remove(name)
        except Exception:
            pass


def drop_stale_pg_databases() -> None:
    """Databases left by an earlier run that was killed before its cleanup. Without FORCE: a database that a
    concurrently running battery is still connected to stays."""
    try:
        for (name,) in psql(f"{PG_URL}/postgres", "select datname from pg_database where datname like 'sitecard_rel_%'"):
            try:
                psql(f"{PG_URL}/postgres", f"DROP DATABASE IF EXISTS {name}")
            except RuntimeError:
                pass
    except Exception:
        pass


class Database:
    """A fresh database for one scenario: a SQLite file or a PostgreSQL database."""

    def __init__(self, kind: str, tag: str, url: str | None = None):
        self.kind = kind
        self.dir = Path(tempfile.mkdtemp(prefix=f"{tag}-", dir=RUN_DIR))
        if url:
            self.url = url
        elif kind == "sqlite":
            self.url = f"sqlite://{self.dir}/sitecard.db"
        elif kind == "postgres":
            self.url = create_pg_database(tag)
        else:
            raise ValueError(kind)
        self.objects = self.dir / "objects"
        self.static = self.dir / "static"
        (self.static / "assets").mkdir(parents=True, exist_ok=True)
        (self.static / "index.html").write_text("<!doctype html><title>Sitecard reliability SPA</title><div id=root></div>")

    def query(self, sql: str) -> list[list]:
        if self.kind == "sqlite":
            con = sqlite3.connect(f"{self.dir}/sitecard.db", timeout=30)
            try:
                rows = [list(r) for r in con.execute(sql).fetchall()]
                con.commit()
                return rows
            finally:
                con.close()
        return psql(self.url, sql)

    def scalar(self, sql: str):
        rows = self.query(sql)
        return rows[0][0] if rows else None


def base_env(db: Database, extra: dict | None = None) -> dict:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DATABASE_URL": db.url,
        "SITECARD_DEV": "1",
        "SITECARD_DATA_KEY": DEV_KEY_HEX,
        "SITECARD_OBJECT_STORE": str(db.objects),
        "SITECARD_STATIC_DIR": str(db.static),
        "SITECARD_PUBLIC_URL": "http://sitecard.test",
        "SITECARD_HOST": "127.0.0.1",
        "SITECARD_PORT": "0",
        "SITECARD_WORKERS": "2",
        "SITECARD_DB_POOL_SIZE": "5",
        "SITECARD_DISPATCH_INTERVAL_MS": "200",
        "SITECARD_TRUST_PROXY": "1",
        "SITECARD_LOG": "debug,sqlx=warn,sea_orm=warn,actix_server=info,hyper=warn,h2=warn,reqwest=warn",
    }
    env.update(extra or {})
    return env


def _run_binary(args: list[str], env: dict, tag: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Runs a one-shot `sitecard` command; retries when the binary is being rebuilt under us."""
    for attempt in range(4):
        try:
            out = subprocess.run([str(BIN), *args], env=env, capture_output=True, text=True, timeout=timeout)
        except (FileNotFoundError, PermissionError, OSError) as e:
            if attempt == 3:
                raise
            print(f"    [{tag}] {BIN} not runnable ({e}); waiting 30 s (rebuild?)", flush=True)
            time.sleep(30)
            continue
        log = LOG_DIR / f"cli-{tag}-{uuid.uuid4().hex[:6]}.log"
        log.write_text(out.stderr)
        _log_files.append(log)
        if out.returncode in (126, 127) and attempt < 3:
            time.sleep(30)
            continue
        return out
    raise RuntimeError("unreachable")


class Server:
    """One `sitecard serve` process on a random port; can be killed and restarted on the same database."""

    def __init__(self, db: Database, name: str, env: dict | None = None, seed: bool = True):
        self.db = db
        self.name = name
        self.env = base_env(db, env)
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None
        self.starts = 0
        self.log_path = LOG_DIR / f"server-{name}.log"
        _log_files.append(self.log_path)
        _servers.append(self)
        if seed:
            self.cli("seed-demo")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str, check: bool = True) -> str:
        env = dict(self.env, SITECARD_LOG="warn")
        out = _run_binary(list(args), env, self.name)
        if check and out.returncode != 0:
            raise RuntimeError(f"sitecard {' '.join(args)} failed ({out.returncode}): {out.stdout}\n{out.stderr}")
        return out.stdout if check else out.stdout + "\n" + out.stderr + f"\nexit={out.returncode}"

    def cli_rc(self, *args: str) -> tuple[int, str]:
        out = _run_binary(list(args), dict(self.env, SITECARD_LOG="warn"), self.name)
        return out.returncode, out.stdout + out.stderr

    def start(self, timeout: float = 60) -> "Server":
        for attempt in range(4):
            if self._try_start(timeout):
                return self
            print(f"    [{self.name}] server did not start (attempt {attempt + 1}); waiting 30 s", flush=True)
            time.sleep(30)
        raise RuntimeError(f"server {self.name} did not start; log tail:\n{self.log_tail()}")

    def _try_start(self, timeout: float) -> bool:
        self.starts += 1
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        logf = open(self.log_path, "ab")
        logf.write(f"\n=== start #{self.starts} ===\n".encode())
        logf.flush()
        try:
            self.proc = subprocess.Popen(
                [str(BIN), "serve"], env=self.env, stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
            )
        except OSError:
            logf.close()
            return False
        logf.close()
        with open(RUN_DIR / "pids", "a") as f:
            f.write(f"{self.proc.pid}\n")
        deadline = time.time() + timeout
        pat = re.compile(r"sitecard listening on http://127\.0\.0\.1:(\d+)")
        while time.time() < deadline:
            with open(self.log_path, "rb") as f:
                f.seek(offset)
                m = pat.search(f.read().decode(errors="replace"))
            if m:
                self.port = int(m.group(1))
                return True
            if self.proc.poll() is not None:
                return False
            time.sleep(0.05)
        self.kill9()
        return False

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill9(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()

    def restart(self) -> "Server":
        self.kill9()
        return self.start()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_tail(self, n: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-n:])

    def rss_kb(self) -> int:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except Exception:
            pass
        return 0


def cleanup() -> None:
    for s in list(_servers):
        try:
            s.kill9()
        except Exception:
            pass
    drop_pg_databases()


atexit.register(cleanup)
