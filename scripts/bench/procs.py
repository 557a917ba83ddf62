"""Processes of a bench run: the server, the `hello` baseline, the tools it needs, and the HTTP API client."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(__file__).resolve().parent
LUA_DIR = BENCH_DIR / "lua"
PASSWORD = "demo-password-1"
WORKER = ("worker@demo.test", "+46700000003")
ADMIN = ("admin@demo.test", "+46700000001")
NPROC = os.cpu_count() or 1
CONTACT = {"address_line1": "Storgatan 1", "postal_code": "111 22", "city": "Stockholm", "country": "SE"}
STARTED = time.time()


def log(msg: str) -> None:
    if msg.startswith("[bench] ---"):
        msg += f" (at {time.time() - STARTED:.0f}s)"
    print(msg, flush=True)


def fail(msg: str) -> None:
    raise SystemExit(f"bench: {msg}")


# ----------------------------------------------------------------------------------------------- children

CHILDREN: list[subprocess.Popen] = []


def cleanup_children(*_args) -> None:
    for p in CHILDREN:
        if p.poll() is None:
            try:
                p.terminate()
                p.wait(timeout=10)
            except Exception:
                p.kill()
    CHILDREN.clear()


def on_signal(signum, _frame):
    cleanup_children()
    raise SystemExit(128 + signum)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_line(path: Path, pattern: str, proc: subprocess.Popen, timeout: float = 90) -> re.Match:
    deadline = time.time() + timeout
    rx = re.compile(pattern)
    while time.time() < deadline:
        text = path.read_text(errors="replace") if path.exists() else ""
        m = rx.search(text)
        if m:
            return m
        if proc.poll() is not None:
            fail(f"{proc.args[0]} exited ({proc.returncode}) before it listened:\n{text[-3000:]}")
        time.sleep(0.1)
    fail(f"{proc.args[0]} did not start within {timeout}s:\n{(path.read_text(errors='replace') if path.exists() else '')[-3000:]}")


def rss_kib(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        k, _, v = line.partition(":")
        if k in ("VmRSS", "VmHWM"):
            out[k] = int(v.split()[0])
    return out


def without_loopback_tls(database_url: str) -> str:
    """A PostgreSQL URL on this host gets `sslmode=disable` unless it sets a mode: Debian's PostgreSQL has
    `ssl = on`, and sqlx's default `prefer` would encrypt every loopback round trip (README: history)."""
    parts = urllib.parse.urlsplit(database_url)
    if parts.scheme not in ("postgres", "postgresql") or parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        return database_url
    if "sslmode" in urllib.parse.parse_qs(parts.query):
        return database_url
    return urllib.parse.urlunsplit(parts._replace(query="&".join(filter(None, [parts.query, "sslmode=disable"]))))


class Server:
    """`sitecard serve` on a free port with the built SPA, stdout (JSON logs) in a file."""

    engines: dict[str, str] = {}  # backend -> the engine version a server logged at start-up

    def __init__(self, bin_dir: Path, database_url: str, workdir: Path, name: str, extra_env: dict | None = None):
        self.log_path = workdir / f"{name}.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("SITECARD_") and k != "DATABASE_URL"}
        env.update(
            DATABASE_URL=without_loopback_tls(database_url),
            SITECARD_DEV="1",
            SITECARD_HOST="127.0.0.1",
            SITECARD_PORT="0",
            SITECARD_WORKERS=str(NPROC),
            SITECARD_TRUST_PROXY="1",
            SITECARD_STATIC_DIR=str(ROOT / "frontend" / "dist"),
            # /metrics needs an operator on the main address; the run reads it from the private one.
            SITECARD_METRICS_LISTEN="127.0.0.1:0",
        )
        env.update(extra_env or {})
        self.env = env
        with open(self.log_path, "wb") as out:
            self.proc = subprocess.Popen([str(bin_dir / "sitecard"), "serve"], env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        CHILDREN.append(self.proc)
        m = wait_for_line(self.log_path, r"sitecard listening on (http://[0-9.:]+)", self.proc)
        self.url = m.group(1)
        mm = re.search(r"sitecard metrics on (http://[0-9.:]+/metrics)", self.log_path.read_text(errors="replace"))
        self.metrics_url = mm.group(1) if mm else self.url + "/metrics"
        self.pid = self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc in CHILDREN:
            CHILDREN.remove(self.proc)
        with open(self.log_path, errors="replace") as f:
            for line in f:
                if '"message":"database"' in line:
                    with contextlib.suppress(json.JSONDecodeError):
                        rec = json.loads(line)
                        Server.engines[rec.get("backend", "?")] = rec.get("version", "?")
                    break

    def log_problems(self) -> list[str]:
        """ERROR- and WARN-level log lines (deduplicated by message), for the report to the developers."""
        seen: dict[str, int] = {}
        with open(self.log_path, errors="replace") as f:
            for line in f:
                if '"level":"ERROR"' in line or '"level":"WARN"' in line:
                    try:
                        rec = json.loads(line)
                        key = f'{rec.get("level")} {rec.get("message")} {rec.get("error", "")} {rec.get("route", "")}'.strip()
                    except json.JSONDecodeError:
                        key = line.strip()[:300]
                    seen[key] = seen.get(key, 0) + 1
        return [f"{n}× {k}" for k, n in sorted(seen.items(), key=lambda kv: -kv[1])]


class Hello:
    """The bare actix-web baseline: `hello PORT WORKERS`."""

    def __init__(self, bin_dir: Path, workdir: Path):
        port = free_port()
        self.log_path = workdir / "hello.log"
        with open(self.log_path, "wb") as out:
            self.proc = subprocess.Popen([str(bin_dir / "hello"), str(port), str(NPROC)], stdout=out, stderr=subprocess.STDOUT)
        CHILDREN.append(self.proc)
        wait_for_line(self.log_path, r"hello listening on", self.proc, timeout=30)
        self.url = f"http://127.0.0.1:{port}"
        # It prints before binding completes on some systems: wait until it answers.
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2).read()
                break
            except Exception:
                time.sleep(0.1)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)
        CHILDREN.remove(self.proc)


def run_sitecard(bin_dir: Path, database_url: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITECARD_")}
    env.update(DATABASE_URL=database_url, SITECARD_DEV="1", SITECARD_LOG="warn")
    r = subprocess.run([str(bin_dir / "sitecard"), *args], env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    if r.returncode != 0:
        fail(f"sitecard {' '.join(args)} failed:\n{r.stdout}\n{r.stderr}")
    return r.stdout


# -------------------------------------------------------------------------------------------------- HTTP


class Api:
    def __init__(self, base: str):
        self.base = base

    def call(self, method: str, path: str, body=None, token: str | None = None, ip: str = "10.250.0.1", headers: dict | None = None):
        """(status, decoded JSON body); with `headers` a dict, the answer's headers are added to it."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("content-type", "application/json")
        req.add_header("x-forwarded-for", ip)
        if token:
            req.add_header("authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                raw = r.read()
                if headers is not None:
                    headers["set-cookie"] = r.headers.get_all("set-cookie") or []
                return r.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, json.loads(raw)
            except Exception:
                return e.code, raw.decode(errors="replace")

    def expect(self, status: int, method: str, path: str, body=None, token=None, headers: dict | None = None):
        got, data = self.call(method, path, body, token, headers=headers)
        if got != status:
            fail(f"{method} {path}: expected {status}, got {got}: {data}")
        return data

    def login(self, email: str, phone: str, client: str | None = None, headers: dict | None = None) -> dict:
        """Password, the SMS code from the dev outbox, verify; `client="web"` gets the refresh token as a cookie."""
        ch = self.expect(200, "POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})
        msgs = self.expect(200, "GET", "/api/v1/dev/outbox?to=" + urllib.parse.quote(phone))
        code = next((m["code"] for m in msgs if m.get("code")), None)
        if not code:
            fail(f"no SMS code in the dev outbox for {phone}")
        body = {"challenge_id": ch["challenge_id"], "code": code} | ({"client": client} if client else {})
        return self.expect(200, "POST", "/api/v1/auth/login/verify", body, headers=headers)


class Session:
    """An account's tokens, renewed by refresh (no SMS) when the access token is about to expire."""

    def __init__(self, api: Api, email: str, phone: str):
        self.api = api
        t = api.login(email, phone)
        self.access, self.refresh, self.at = t["access_token"], t["refresh_token"], time.time()

    def token(self) -> str:
        if time.time() - self.at > 240:
            t = self.api.expect(200, "POST", "/api/v1/auth/refresh", {"refresh_token": self.refresh})
            self.access, self.refresh, self.at = t["access_token"], t["refresh_token"], time.time()
        return self.access


# ------------------------------------------------------------------------------------------------- tools


def find_chromium() -> str | None:
    return shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def install_tools(want_chromium: bool = True, want_npm: bool = False) -> None:
    """wrk, and Debian's chromium for the browser measurements, when missing (one `apt-get update`); with
    `want_npm`, the pinned Lighthouse and playwright-core in scripts/bench/node_modules (`npm ci`). `make bench`
    runs this beside the release build, so a fresh machine downloads while it compiles."""
    missing = [pkg for pkg, there in (("wrk", shutil.which("wrk")), ("chromium", find_chromium() or not want_chromium)) if not there]
    if missing:
        if os.geteuid() != 0:
            fail(f"missing: {', '.join(missing)}; install Debian's packages (apt-get install {' '.join(missing)})")
        log(f"[bench] installing {', '.join(missing)} from Debian's packages")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env, timeout=900, stdout=subprocess.DEVNULL)
    if want_npm:
        if not shutil.which("npm"):
            fail("npm is missing: Lighthouse needs Node.js 20 and npm")
        log("[bench] npm ci in scripts/bench (Lighthouse, playwright-core)")
        r = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH_DIR, capture_output=True, text=True, timeout=900)
        if r.returncode != 0:
            fail(f"npm ci in scripts/bench failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
