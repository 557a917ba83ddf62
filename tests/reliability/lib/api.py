"""HTTP helpers for driving a running Sitecard server, and the registry of secrets the logs must not contain."""

from __future__ import annotations

import itertools
import json
import struct
import threading
import time
import uuid
import zlib
from dataclasses import dataclass, field
from urllib.parse import quote

import requests

DEMO_PASSWORD = "demo-password-1"
WORKER = ("worker@demo.test", "+46700000003")
ADMIN = ("admin@demo.test", "+46700000001")
VERIFIER = ("verifier@demo.test", "+46700000002")
PARTNER = ("demo-partner", "demo-partner-secret")
WORKER_DOC = "EA1234567"


class Secrets:
    """Everything that must never reach a log line or an error body."""

    def __init__(self):
        self._lock = threading.Lock()
        self.items: dict[str, str] = {}  # value -> kind

    def add(self, kind: str, value) -> None:
        if not value or not isinstance(value, str) or len(value) < 6:
            return
        with self._lock:
            self.items.setdefault(value, kind)

    def snapshot(self) -> dict[str, str]:
        with self._lock:
            return dict(self.items)


SECRETS = Secrets()
for _v, _k in [(DEMO_PASSWORD, "password"), (PARTNER[1], "partner secret"), (WORKER_DOC, "document number")]:
    SECRETS.add(_k, _v)
for _email, _phone in (WORKER, ADMIN, VERIFIER):
    SECRETS.add("phone", _phone)


class Stats:
    """Request counts per check, and every error body (scanned for secrets at the end)."""

    def __init__(self):
        self._lock = threading.Lock()
        self.requests = 0
        self.by_status: dict[int, int] = {}
        self.error_bodies: list[tuple[str, int, str]] = []
        self.server_errors: list[str] = []

    def record(self, method: str, url: str, res: requests.Response) -> None:
        with self._lock:
            self.requests += 1
            self.by_status[res.status_code] = self.by_status.get(res.status_code, 0) + 1
            if res.status_code >= 400:
                self.error_bodies.append((f"{method} {url}", res.status_code, res.text[:4000]))
            if res.status_code >= 500:
                self.server_errors.append(f"{method} {url} -> {res.status_code} {res.text[:300]}")

    def reset(self) -> tuple[int, dict, list]:
        with self._lock:
            out = (self.requests, dict(self.by_status), list(self.server_errors))
            self.requests = 0
            self.by_status = {}
            self.server_errors = []
            return out


STATS = Stats()
_ip_counter = itertools.count(1)


def fresh_ip() -> str:
    """A distinct client address (the servers run with SITECARD_TRUST_PROXY=1), so throttles of one scenario
    do not leak into the next."""
    n = next(_ip_counter)
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


class Api:
    """A client for one server. `ip` goes out as X-Forwarded-For (None: the real loopback address)."""

    def __init__(self, base: str, ip: str | None = "auto", timeout: float = 30):
        self.base = base.rstrip("/")
        self.ip = fresh_ip() if ip == "auto" else ip
        self.timeout = timeout
        self.s = requests.Session()

    def request(self, method: str, path: str, token: str | None = None, json_body=None, headers: dict | None = None,
                ip: str | None = "default", **kw) -> requests.Response:
        h = dict(headers or {})
        if token:
            h["Authorization"] = f"Bearer {token}"
        use_ip = self.ip if ip == "default" else ip
        if use_ip:
            h["X-Forwarded-For"] = use_ip
        url = path if path.startswith("http") else self.base + path
        kw.setdefault("timeout", self.timeout)
        if json_body is not None:
            kw["json"] = json_body
        res = self.s.request(method, url, headers=h, allow_redirects=False, **kw)
        STATS.record(method, path, res)
        return res

    def get(self, path, token=None, **kw):
        return self.request("GET", path, token, **kw)

    def post(self, path, body=None, token=None, **kw):
        return self.request("POST", path, token, json_body=body, **kw)

    def patch(self, path, body=None, token=None, **kw):
        return self.request("PATCH", path, token, json_body=body, **kw)

    def delete(self, path, body=None, token=None, **kw):
        return self.request("DELETE", path, token, json_body=body, **kw)

    # --- the dev outbox -------------------------------------------------------------------------------
    def outbox(self, to: str) -> list[dict]:
        res = self.get(f"/api/v1/dev/outbox?to={quote(to)}", ip=None)
        assert res.status_code == 200, f"outbox: {res.status_code} {res.text}"
        msgs = res.json()
        for m in msgs:
            SECRETS.add("one-time code", m.get("code"))
            if m.get("link") and "token=" in m["link"]:
                SECRETS.add("link token", m["link"].split("token=", 1)[1])
        return msgs

    def last_code(self, to: str, wait: float = 5) -> str:
        deadline = time.time() + wait
        while True:
            for m in self.outbox(to):
                if m.get("code"):
                    return m["code"]
            if time.time() > deadline:
                raise AssertionError(f"no code sent to {to}")
            time.sleep(0.1)

    def last_link_token(self, to: str) -> str:
        for m in self.outbox(to):
            if m.get("link") and "token=" in m["link"]:
                return m["link"].split("token=", 1)[1]
        raise AssertionError(f"no link sent to {to}")

    # --- authentication -------------------------------------------------------------------------------
    def login(self, email: str, phone: str, password: str = DEMO_PASSWORD, client: str | None = None) -> dict:
        SECRETS.add("password", password)
        SECRETS.add("phone", phone)
        res = self.post("/api/v1/auth/login", {"email": email, "password": password})
        assert res.status_code == 200, f"login {email}: {res.status_code} {res.text}"
        ch = res.json()
        code = self.wait_new_code(phone, ch["challenge_id"])
        body = {"challenge_id": ch["challenge_id"], "code": code}
        if client:
            body["client"] = client
        res = self.post("/api/v1/auth/login/verify", body)
        assert res.status_code == 200, f"verify {email}: {res.status_code} {res.text}"
        t = res.json()
        SECRETS.add("access token", t.get("access_token"))
        SECRETS.add("refresh token", t.get("refresh_token"))
        t["_response"] = res
        return t

    def wait_new_code(self, phone: str, challenge_id: str | None = None) -> str:
        # The newest SMS to the phone is the one for this challenge (the outbox is newest first).
        return self.last_code(phone)

    def partner_token(self, client_id: str = PARTNER[0], secret: str = PARTNER[1]) -> str:
        SECRETS.add("partner secret", secret)
        res = self.post_form("/api/v1/oauth/token", {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret})
        assert res.status_code == 200, f"partner token: {res.status_code} {res.text}"
        tok = res.json()["access_token"]
        SECRETS.add("partner token", tok)
        return tok

    def post_form(self, path: str, form: dict, **kw) -> requests.Response:
        return self.request("POST", path, data=form, **kw)


def check_problem(res: requests.Response, status: int | tuple, code: str | None = None) -> dict:
    statuses = status if isinstance(status, tuple) else (status,)
    assert res.status_code in statuses, f"expected {statuses} got {res.status_code}: {res.text[:500]}"
    ct = res.headers.get("content-type", "")
    assert ct.startswith("application/problem+json"), f"content-type {ct!r} for {res.status_code}: {res.text[:300]}"
    body = res.json()
    if code:
        assert body.get("code") == code, f"expected code {code}: {body}"
    assert body.get("status") == res.status_code and isinstance(body.get("title"), str), body
    return body


def portrait_png(width: int = 600, height: int = 800) -> bytes:
    """A plain portrait PNG (RGB gradient), built with the standard library."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        shade = 80 + (y * 120) // height
        rows.extend(bytes((shade, 100 + (y % 50), 160)) * width)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b"")


def order_body(email: str, given: str, surname: str, dob: str, phone: str = "+46700000003") -> dict:
    return {
        "given_names": given, "surname": surname, "date_of_birth": dob, "email": email, "phone": phone,
        "delivery": {"recipient": "Site office", "address_line1": "Byggvägen 1", "postal_code": "111 22", "city": "Stockholm", "country": "SE"},
    }


CONTACT = {"address_line1": "Storgatan 1", "postal_code": "111 22", "city": "Stockholm", "country": "SE"}


def uid() -> str:
    return str(uuid.uuid4())


@dataclass
class Result:
    """What a check reports: counts for SECURITY.md / RELIABILITY.md and notes."""

    counts: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def note(self, text: str) -> None:
        self.notes.append(text)


def dumps(v) -> str:
    return json.dumps(v, ensure_ascii=False)
