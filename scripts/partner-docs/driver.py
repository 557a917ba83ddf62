"""Runs docs/partners.md's quickstarts against a real Sitecard server (see scripts/partner-docs-test.sh).

Everything goes through the clients generated from openapi/openapi.json: the company admin's and the worker's
side (orders, the photo upload, the worker's acceptance) with the generated Python client, the partner's side by
running docs/partners/quickstart.py and docs/partners/quickstart.ts. Two partner clients, one a language, each
have a webhook URL pointing at that language's receiver (the quickstart's `receive` mode), so each verifies real
deliveries with its own webhook secret; then the receivers are sent stale, forged and repeated deliveries.

What happens, in order:
 1. migrate, seed-demo, two partner clients (docs-py, docs-ts) with webhook URLs; both receivers start; serve
 2. four orders for the seeded worker, each with a portrait uploaded by the company admin (generated client):
    C1 and C2 are approved by the demo partner and accepted by the worker (-> confirmed, webhooks go out),
    R1 and R2 wait for photo review
 3. pagination and the queues, seen through the quickstart's own helpers
 4. quickstart.py: token, reviews R1, produces C1 (accepted, produced, shipped, delivered, and a replay);
    quickstart.ts: the same for R2 and C2; the admin then sees the orders where they should be
 5. each receiver has verified and printed the real `order.confirmed` deliveries for C1 and C2 (envelope `id`,
    `type`, `created_at`, `data` and the legacy flat fields)
 6. each receiver accepts a fresh signed event once, ignores its repetition, and refuses a stale (> 300 s),
    future, forged, tampered or unsigned one
 7. errors (`invalid_client`, `invalid_state`) and the rate limit (429 + Retry-After) as the docs describe them
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from datetime import date, datetime
from pathlib import Path

T0 = time.monotonic()


def say(msg: str) -> None:
    print(f"partner-docs [{time.monotonic() - T0:5.1f}s] {msg}", flush=True)


class Failure(Exception):
    pass


def check(cond, msg: str) -> None:
    if not cond:
        raise Failure(msg)


# --- processes ----------------------------------------------------------------------------------------------


class Proc:
    """A child process in its own process group whose stdout and stderr lines are collected."""

    def __init__(self, name: str, args: list[str], env: dict, cwd: str | None, pids: Path):
        self.name = name
        self.out: list[str] = []
        self.err: list[str] = []
        self.lock = threading.Lock()
        self.p = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                  text=True, start_new_session=True)
        with open(pids, "a") as f:
            f.write(f"{self.p.pid}\n")
        for stream, sink in ((self.p.stdout, self.out), (self.p.stderr, self.err)):
            threading.Thread(target=self._pump, args=(stream, sink), daemon=True).start()

    def _pump(self, stream, sink) -> None:
        for line in stream:
            with self.lock:
                sink.append(line.rstrip("\n"))

    def lines(self, which: str = "out") -> list[str]:
        with self.lock:
            return list(self.out if which == "out" else self.err)

    def wait_for(self, pattern: str, timeout: float) -> re.Match:
        deadline = time.time() + timeout
        rx = re.compile(pattern)
        while time.time() < deadline:
            for line in self.lines("out") + self.lines("err"):
                m = rx.search(line)
                if m:
                    return m
            if self.p.poll() is not None:
                break
            time.sleep(0.05)
        raise Failure(f"{self.name}: no line matching {pattern!r} within {timeout:.0f} s (exit {self.p.poll()}); output:\n"
                      + self.tail())

    def tail(self, n: int = 30) -> str:
        return "\n".join([f"  out| {x}" for x in self.lines("out")[-n:]] + [f"  err| {x}" for x in self.lines("err")[-n:]])

    def stop(self) -> None:
        if self.p.poll() is None:
            try:
                os.killpg(self.p.pid, signal.SIGTERM)
                self.p.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# --- the portrait -------------------------------------------------------------------------------------------


def portrait_jpeg() -> bytes:
    """A 600x800 portrait (the smallest the server takes): a face-like oval on a gradient, made with Pillow."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 800))
    draw = ImageDraw.Draw(img)
    for y in range(800):
        draw.line([(0, y), (599, y)], fill=(90 + y // 8, 120, 170))
    draw.ellipse([180, 160, 420, 480], fill=(224, 182, 150))
    draw.rectangle([120, 520, 480, 800], fill=(40, 60, 90))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


# --- the test -----------------------------------------------------------------------------------------------


class Run:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work)
        self.pids = self.work / "pids"
        self.docs = Path(args.docs)
        self.procs: list[Proc] = []
        self.dir = Path(tempfile.mkdtemp(prefix="server-", dir=self.work))
        (self.dir / "static").mkdir()
        (self.dir / "static" / "index.html").write_text("<!doctype html><title>partner docs</title>")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DATABASE_URL": f"sqlite://{self.dir}/sitecard.db",
            "SITECARD_DEV": "1",
            "SITECARD_OBJECT_STORE": str(self.dir / "objects"),
            "SITECARD_STATIC_DIR": str(self.dir / "static"),
            "SITECARD_PUBLIC_URL": "http://sitecard.test",
            "SITECARD_HOST": "127.0.0.1",
            "SITECARD_PORT": "0",
            "SITECARD_WORKERS": "2",
            "SITECARD_DISPATCH_INTERVAL_MS": "200",
            "SITECARD_TRUST_PROXY": "1",
            "SITECARD_LOG": "info,sqlx=warn,sea_orm=warn",
        }
        self.server: Proc | None = None

    # processes
    def cli(self, *args: str) -> str:
        out = subprocess.run([self.args.bin, *args], env=dict(self.env, SITECARD_LOG="warn"), capture_output=True, text=True, timeout=120)
        check(out.returncode == 0, f"sitecard {' '.join(args)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
        return out.stdout

    def partner_client(self, client_id: str, url: str) -> tuple[str, str]:
        out = self.cli("admin", "create-partner-client", "--client-id", client_id, "--name", client_id, "--webhook-url", url)
        found = dict(re.findall(r"^(client_secret|webhook_secret)=(\S+)", out, re.M))
        check(len(found) == 2, f"create-partner-client printed no secrets:\n{out}")
        return found["client_secret"], found["webhook_secret"]

    def start(self, name: str, args: list[str], env: dict | None = None, cwd: str | None = None) -> Proc:
        p = Proc(name, args, env or dict(os.environ), cwd, self.pids)
        self.procs.append(p)
        return p

    def stop_all(self) -> None:
        for p in reversed(self.procs):
            p.stop()

    def py_env(self, extra: dict) -> dict:
        return dict(os.environ, PYTHONPATH=self.args.pyclient, PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1", **extra)

    # the flow
    def main(self) -> None:
        sys.path[:0] = [self.args.pyclient, str(self.docs)]
        import quickstart as qs  # docs/partners/quickstart.py, with the generated client beside it
        from sitecard_client import AuthenticatedClient, Client
        from sitecard_client.api.cardholder import accept_order, show_my_order
        from sitecard_client.api.company import create_order, show_order
        from sitecard_client.api.auth import login, verify
        from sitecard_client.api.dev import dev_outbox
        from sitecard_client.api.me import get_me, update_contact
        from sitecard_client.api.partner import photo_reviews, production_orders, review_photo
        from sitecard_client.models import (AcceptOrder, CreateOrder, DeliveryInput, LoginRequest, PhotoDecision, PhotoDecisionValue,
                                            UpdateContact, VerifyRequest)
        from sitecard_client.types import File

        try:
            from sitecard_client.api.company import upload_photo
        except ImportError:
            raise Failure(
                "the generated Python client has no company.upload_photo: openapi-python-client generates binary request "
                "bodies only for `application/octet-stream`, and openapi/openapi.json lists only image/jpeg and image/png for "
                "PUT /api/v1/companies/{company_id}/card-orders/{id}/photo. List application/octet-stream there too "
                "(and accept it in the server) so partners' and customers' generated clients can upload portraits."
            ) from None

        # 1. server, partner clients, receivers
        say("migrate, seed-demo, partner clients docs-py and docs-ts with webhook receivers")
        self.cli("migrate")
        self.cli("seed-demo")
        ports = {"py": free_port(), "ts": free_port()}
        secrets_ = {lang: self.partner_client(f"docs-{lang}", f"http://127.0.0.1:{ports[lang]}/webhooks") for lang in ports}
        receivers = {
            "py": self.start("python receiver", [sys.executable, str(self.docs / "quickstart.py"), "receive", str(ports["py"])],
                             self.py_env({"SITECARD_WEBHOOK_SECRET": secrets_["py"][1]})),
            "ts": self.start("typescript receiver", [self.args.tsx, "quickstart.ts", "receive", str(ports["ts"])],
                             dict(os.environ, SITECARD_WEBHOOK_SECRET=secrets_["ts"][1]), cwd=self.args.ts_dir),
        }
        for r in receivers.values():
            r.wait_for(r"listening on http://127\.0\.0\.1:\d+/", 30)
        self.server = self.start("server", [self.args.bin, "serve"], self.env)
        port = self.server.wait_for(r"sitecard listening on http://127\.0\.0\.1:(\d+)", 60).group(1)
        base = f"http://127.0.0.1:{port}"
        say(f"server at {base}")

        # 2. the company admin's and the worker's side, through the generated client
        anon = Client(base_url=base, timeout=30)

        def sign_in_person(email: str, phone: str) -> AuthenticatedClient:
            started = qs.call(login, client=anon, body=LoginRequest(email=email, password="demo-password-1")).parsed
            msgs = qs.call(dev_outbox, client=anon, to=phone).parsed
            code = next((m.code for m in msgs if isinstance(m.code, str)), None)
            check(code, f"no SMS code for {phone} in the dev outbox")
            tokens = qs.call(verify, client=anon, body=VerifyRequest(challenge_id=started.challenge_id, code=code)).parsed
            return AuthenticatedClient(base_url=base, token=tokens.access_token, timeout=30)

        admin = sign_in_person("admin@demo.test", "+46700000001")
        worker = sign_in_person("worker@demo.test", "+46700000003")
        cid = qs.call(get_me, client=admin).parsed.companies[0].id
        qs.call(update_contact, client=worker,
                body=UpdateContact(address_line1="Storgatan 1", postal_code="111 22", city="Stockholm", country="SE"))
        jpeg = portrait_jpeg()

        def order_with_photo(label: str) -> str:
            order = qs.call(create_order, cid, client=admin, body=CreateOrder(
                given_names="Jan Piotr", surname="Kowalski", date_of_birth=date(1990, 4, 12), nationality="POL",
                email="worker@demo.test", phone="+46700000003",
                delivery=DeliveryInput(recipient=f"Site office {label}", address_line1="Byggvägen 1", postal_code="111 22",
                                       city="Stockholm", country="SE"),
            )).parsed
            uploaded = upload_photo.sync_detailed(cid, order.id, client=admin,
                                                  body=File(payload=io.BytesIO(jpeg), file_name="portrait.jpg", mime_type="image/jpeg"))
            check(uploaded.status_code == 200,
                  f"photo upload of order {label} with the generated client: {uploaded.status_code} {uploaded.content[:300]!r} "
                  "(the generated client sends Content-Type: application/octet-stream; the server must accept it)")
            check(uploaded.parsed.status.value == "awaiting_photo_review", f"after upload: {uploaded.parsed.status}")
            return str(order.id)

        demo_partner = qs.sign_in(base, "demo-partner", "demo-partner-secret")
        confirmed = []
        for label in ("C1", "C2"):
            oid = order_with_photo(label)
            qs.call(review_photo, oid, client=demo_partner, body=PhotoDecision(decision=PhotoDecisionValue.APPROVED))
            version = qs.call(show_my_order, oid, client=worker).parsed.version
            accepted = qs.call(accept_order, oid, client=worker, body=AcceptOrder(version=version)).parsed
            check(accepted.status.value == "confirmed", f"worker's acceptance of {label}: {accepted.status}")
            confirmed.append(oid)
        waiting = [order_with_photo(label) for label in ("R1", "R2")]
        names = dict(zip(confirmed + waiting, ["C1", "C2", "R1", "R2"]))
        say(f"orders: C1 {confirmed[0]}, C2 {confirmed[1]} confirmed; R1 {waiting[0]}, R2 {waiting[1]} await photo review")

        # 3. pagination and the queues, through the quickstart's helpers
        reviews = [str(o.id) for o in qs.all_pages(photo_reviews, demo_partner, page_size=1)]
        check(reviews == waiting, f"photo-review queue walked 1 a page: {reviews}, expected R1, R2 {waiting}")
        page = qs.call(photo_reviews, client=demo_partner, limit=100).parsed
        check(not page.next_cursor, f"a last page carries next_cursor {page.next_cursor!r}")
        queue = [str(o.id) for o in qs.all_pages(production_orders, demo_partner, status="confirmed")]
        check(queue == confirmed, f"production queue: {queue}, expected C1, C2 {confirmed}")

        # 4. the quickstarts
        def run_quickstart(lang: str, args: list[str], env: dict, cwd: str | None) -> dict:
            say(f"quickstart ({lang})")
            out = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
            print("\n".join(f"    {lang}| {line}" for line in (out.stdout + out.stderr).splitlines()), flush=True)
            check(out.returncode == 0, f"quickstart ({lang}) exited {out.returncode}")
            last = json.loads(out.stdout.strip().splitlines()[-1])
            return last["summary"]

        settings = {"SITECARD_URL": base}
        results = {
            "py": run_quickstart("py", [sys.executable, str(self.docs / "quickstart.py")],
                                 self.py_env(dict(settings, SITECARD_CLIENT_ID="docs-py", SITECARD_CLIENT_SECRET=secrets_["py"][0])), None),
            "ts": run_quickstart("ts", [self.args.tsx, "quickstart.ts"],
                                 dict(os.environ, **settings, SITECARD_CLIENT_ID="docs-ts", SITECARD_CLIENT_SECRET=secrets_["ts"][0]),
                                 self.args.ts_dir),
        }
        for i, lang in enumerate(("py", "ts")):
            r = results[lang]
            check(r.get("reviewed") == waiting[i], f"quickstart ({lang}) reviewed {r.get('reviewed')}, expected R{i + 1} {waiting[i]}")
            check(r.get("produced") == confirmed[i], f"quickstart ({lang}) produced {r.get('produced')}, expected C{i + 1} {confirmed[i]}")
            check(r.get("replayed") is True, f"quickstart ({lang}): the repeated `delivered` event was not answered with Idempotent-Replayed: true")
            seen = qs.call(show_order, cid, waiting[i], client=admin).parsed
            check(seen.status.value == "awaiting_cardholder", f"R{i + 1} after the {lang} review: {seen.status}")
            made = qs.call(show_order, cid, confirmed[i], client=admin).parsed
            check(made.status.value == "delivered", f"C{i + 1} after the {lang} production: {made.status}")
            check(made.card_number == r["card_number"], f"C{i + 1} card number {made.card_number!r}, the {lang} quickstart made {r['card_number']}")
        say("both quickstarts: photo reviewed, order produced, shipped and delivered, replay answered from the first result")

        # 5. real deliveries, verified by each language's receiver
        def events(lang: str) -> list[dict]:
            found = []
            for line in receivers[lang].lines("out"):
                if line.startswith("{"):
                    try:
                        found.append(json.loads(line))
                    except ValueError:
                        pass
            return found

        def order_of(event: dict):
            data = event.get("data") if isinstance(event.get("data"), dict) else {}
            return event.get("order_id") or data.get("order_id") or (data.get("order") or {}).get("id")

        deadline = time.time() + 20
        missing: dict[str, list[str]] = {}
        while time.time() < deadline:
            missing = {lang: [names[o] for o in confirmed if not any(e.get("type") == "order.confirmed" and order_of(e) == o for e in events(lang))]
                       for lang in receivers}
            if not any(missing.values()):
                break
            time.sleep(0.3)
        for lang, absent in missing.items():
            check(not absent, f"the {lang} receiver handled no verified `order.confirmed` event (with envelope `id` and `type`) for "
                              f"{', '.join(absent)} within 20 s of the quickstarts. Its notes (one line a delivery):\n{receivers[lang].tail()}\n"
                              "`400 not an event` means the signature was right but the payload has no `id` (the envelope "
                              "`{id, type, created_at, data, ...}`); `401` means the signature or its timestamp was refused.")
        for lang in receivers:
            for e in events(lang):
                if e.get("type") != "order.confirmed":
                    continue
                for key in ("id", "type", "created_at", "data", "event", "order_id", "status", "occurred_at"):
                    check(key in e, f"{lang} receiver: delivered event lacks `{key}`: {e}")
                uuid.UUID(e["id"])
                datetime.fromisoformat(e["created_at"].replace("Z", "+00:00"))
                check(isinstance(e["data"], dict), f"`data` is not an object: {e}")
                check(e["event"] == e["type"] and e["status"] == "confirmed", f"legacy fields disagree with the envelope: {e}")
            ids = [e["id"] for e in events(lang)]
            check(len(ids) == len(set(ids)), f"{lang} receiver handled an event id twice: {ids}")
        say("both receivers verified the server's signed order.confirmed deliveries for C1 and C2")
        photo_events = {lang: sorted({e.get("type") for e in events(lang)} - {"order.confirmed"}) for lang in receivers}
        say(f"other event types received (not required here): {photo_events}")

        # 6. forged, stale and repeated deliveries
        import httpx

        for lang, receiver in receivers.items():
            url = f"http://127.0.0.1:{ports[lang]}/webhooks"
            secret = secrets_[lang][1]

            def post(body: bytes, header: str | None) -> int:
                headers = {"Content-Type": "application/json"}
                if header is not None:
                    headers["Sitecard-Signature"] = header
                return httpx.post(url, content=body, headers=headers, timeout=10).status_code

            def sign(body: bytes, t: int, key: str = secret) -> str:
                return f"t={t},v1={hmac.new(key.encode(), f'{t}.'.encode() + body, hashlib.sha256).hexdigest()}"

            def event(kind: str = "card.blocked") -> bytes:
                now = datetime.now().astimezone().isoformat()
                return json.dumps({"id": str(uuid.uuid4()), "type": kind, "created_at": now, "data": {"card_number": "AB1234567890"},
                                   "event": kind, "occurred_at": now}).encode()

            def handled(body: bytes) -> int:
                eid = json.loads(body)["id"]
                return sum(1 for e in events(lang) if e.get("id") == eid)

            now = int(time.time())
            fresh = event()
            cases = [
                ("a fresh signed event", fresh, sign(fresh, now), 204, 1),
                ("the same event again (a retry)", fresh, sign(fresh, now + 1), 204, 1),
            ]
            for label, body, header, expected in [
                ("signed 270 s ago (inside the tolerance)", event(), "near", 204),
                ("signed 330 s ago (stale)", event(), "stale", 401),
                ("signed 330 s ahead", event(), "future", 401),
                ("signed with another secret", event(), "forged", 401),
                ("a body changed after signing", event(), "tampered", 401),
                ("no signature", event(), None, 401),
                ("a malformed signature", event(), "junk", 401),
            ]:
                # Clear of the 300 s boundary by more than a slow run can drift between signing and checking.
                now = int(time.time())
                if header == "near":
                    header = sign(body, now - 270)
                elif header == "stale":
                    header = sign(body, now - 330)
                elif header == "future":
                    header = sign(body, now + 330)
                elif header == "forged":
                    header = sign(body, now, key=secret[::-1])
                elif header == "tampered":
                    header = sign(body.replace(b"card.blocked", b"card.unblocked", 1), now)
                elif header == "junk":
                    header = "v1=00,t=abc"
                cases.append((label, body, header, expected, 1 if expected < 300 else 0))
            for label, body, header, expected, times in cases:
                status = post(body, header)
                time.sleep(0.05)
                check(status == expected, f"{lang} receiver, {label}: answered {status}, expected {expected}\n{receiver.tail()}")
                check(handled(body) == times, f"{lang} receiver, {label}: handled {handled(body)} times, expected {times}")
        say("both receivers: fresh event handled once, retry deduplicated, stale/future/forged/tampered/unsigned refused")

        # 7. errors and rate limits as the docs describe them
        try:
            qs.sign_in(base, "docs-py", "not-the-secret")
            raise Failure("a wrong client secret got a token")
        except qs.SitecardError as e:
            check((e.status, e.code) == (401, "invalid_client"), f"wrong client secret: {e.status} {e.code}")
        partner = qs.sign_in(base, "docs-py", secrets_["py"][0])
        from sitecard_client.models import ProductionEvent, ProductionEventType

        try:
            qs.send_event(partner, confirmed[0], ProductionEvent(type_=ProductionEventType.ACCEPTED, occurred_at=qs.now()), str(uuid.uuid4()))
            raise Failure("`accepted` on a delivered order was taken")
        except qs.SitecardError as e:
            check((e.status, e.code) == (409, "invalid_state"), f"`accepted` on a delivered order: {e.status} {e.code}")
        limited = None
        with httpx.Client(base_url=base, timeout=10) as h:
            for _ in range(80):
                res = h.post("/api/v1/oauth/token", data={"grant_type": "client_credentials", "client_id": "docs-py", "client_secret": "x"},
                             headers={"X-Forwarded-For": "198.51.100.7"})
                if res.status_code == 429:
                    limited = res
                    break
        check(limited is not None, "80 token requests a minute from one address were never answered 429")
        check(limited.headers.get("content-type", "").startswith("application/problem+json"), f"429 content type {limited.headers}")
        check(limited.json().get("code") == "too_many_attempts", f"429 body {limited.text}")
        check(limited.headers.get("retry-after", "").isdigit() and int(limited.headers["retry-after"]) > 0,
              f"429 without a Retry-After in seconds: {limited.headers}")
        say("errors: invalid_client 401, invalid_state 409; rate limit: 429 too_many_attempts with Retry-After")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", required=True, help="run directory (pids, server files)")
    ap.add_argument("--docs", required=True, help="docs/partners")
    ap.add_argument("--pyclient", required=True, help="the folder holding the generated package sitecard_client")
    ap.add_argument("--ts-dir", required=True, help="quickstart.ts beside the generated sitecard-api.d.ts and node_modules")
    ap.add_argument("--tsx", required=True)
    args = ap.parse_args()
    run = Run(args)
    try:
        run.main()
        say("all partner-docs checks passed")
        return 0
    except Exception as e:
        if isinstance(e, Failure):
            print(f"\npartner-docs: FAILED: {e}", file=sys.stderr, flush=True)
        else:
            traceback.print_exc()
            print(f"\npartner-docs: FAILED: {type(e).__name__}: {e} (a KeyError or TypeError inside sitecard_client means an "
                  "answer does not match openapi/openapi.json)", file=sys.stderr, flush=True)
        if run.server is not None:
            print(f"server log tail:\n{run.server.tail(15)}", file=sys.stderr)
        return 1
    finally:
        run.stop_all()


if __name__ == "__main__":
    sys.exit(main())
