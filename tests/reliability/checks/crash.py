"""Crash safety: concurrent accepts, cancels, new orders and partner events while the server is killed with
SIGKILL and restarted. Afterwards every request that got a 2xx is in the database, no order is in an impossible
state, the audit chain verifies, and every outbox message (mail, SMS, partner webhook) is delivered: webhooks
to a stub receiver at least once per order and status, with no delivery for a change that was never committed.
"""

from __future__ import annotations

import queue
import threading
import time
import uuid

import requests

from lib import world as W
from lib.api import ADMIN, SECRETS, WORKER, Api, Result
from lib.registry import check
from lib.server import Database, Server
from lib.stubs import WebhookStub, free_port, partner_with_webhook

from .common import wait_until

# (from, to) moves of the order life cycle (crates/domain/src/order_state.rs); `None` is the start.
ALLOWED = {
    None: {"awaiting_photo"},
    "awaiting_photo": {"awaiting_photo_review", "cancelled"},
    "awaiting_photo_review": {"awaiting_photo_review", "awaiting_cardholder", "photo_rejected", "cancelled"},
    "photo_rejected": {"awaiting_photo_review", "cancelled"},
    "awaiting_cardholder": {"awaiting_photo_review", "confirmed", "needs_correction", "awaiting_cardholder", "rejected", "cancelled"},
    "needs_correction": {"awaiting_photo_review", "awaiting_cardholder", "rejected", "cancelled"},
    "confirmed": {"cancelled", "in_production", "production_failed"},
    "in_production": {"in_production", "shipped", "production_failed"},
    "shipped": {"delivered"},
}
CARD_STATES = {"in_production", "shipped", "delivered"}
EVENT_STATUS = {"accepted": "in_production", "produced": "in_production", "shipped": "shipped", "delivered": "delivered"}


def norm_id(v) -> str:
    if isinstance(v, (bytes, bytearray)) and len(v) == 16:
        return str(uuid.UUID(bytes=bytes(v)))
    return str(v).strip().lower()


class Load:
    """Shared state of one crash run: acknowledged 2xx answers and anomalies."""

    def __init__(self, base: str):
        self.base = base
        self.lock = threading.Lock()
        self.acks: list[tuple] = []
        self.anomalies: list[str] = []
        self.requests = 0
        self.retries = 0

    def ack(self, *item) -> None:
        with self.lock:
            self.acks.append(item)

    def anomaly(self, text: str) -> None:
        with self.lock:
            self.anomalies.append(text)

    def send(self, api: Api, method: str, path: str, token: str, body=None, headers=None, deadline: float = 45):
        """Sends until the server answers (it may be down between a kill and its restart). 503 is retried too."""
        t_end = time.time() + deadline
        while True:
            try:
                with self.lock:
                    self.requests += 1
                res = api.request(method, path, token, json_body=body, headers=headers, timeout=15)
                if res.status_code != 503:
                    return res
            except (requests.ConnectionError, requests.Timeout):
                pass
            with self.lock:
                self.retries += 1
            if time.time() > t_end:
                raise AssertionError(f"{method} {path}: no answer for {deadline} s")
            time.sleep(0.2)


def run_crash(ctx, kind: str) -> Result:
    r = Result()
    port = free_port()
    db = Database(kind, f"crash-{kind}")
    srv = Server(db, f"crash-{kind}", env={"SITECARD_PORT": str(port), "SITECARD_DISPATCH_INTERVAL_MS": "100"})
    stub = WebhookStub()
    try:
        client_secret, webhook_secret = partner_with_webhook(srv, "crash-printer", stub.url)
        SECRETS.add("partner secret", client_secret)
        stub.secret = webhook_secret
        srv.start()
        api = Api(srv.url)
        worker = api.login(*WORKER)["access_token"]
        admin = api.login(*ADMIN)["access_token"]
        partner = api.partner_token()
        cid = api.get("/api/v1/me", admin).json()["companies"][0]["id"]
        W.complete_contact(api, worker)
        n = ctx.n(16, 60)
        person = W.order_body(WORKER[0], "Jan Piotr", "Kowalski", "1990-04-12")
        ready = [W.create_ready_order(api, admin, cid, person, partner)["id"] for _ in range(n)]
        to_cancel = ready[::4]
        to_accept = [o for o in ready if o not in to_cancel]
        duplicated = set(to_accept[::3])
        new_orders = ctx.n(6, 20)
        expected_acks = len(to_cancel) + len(to_accept) * 5 + new_orders
        kills_at = [int(expected_acks * f) for f in ((0.2, 0.55) if ctx.mode == "quick" else (0.1, 0.25, 0.4, 0.55, 0.7, 0.85))]
        load = Load(srv.url)
        q_accept: queue.Queue = queue.Queue()
        q_partner: queue.Queue = queue.Queue()
        for o in to_accept:
            q_accept.put(o)
        card_seq = iter(range(10**9))
        prefix = "CS" if kind == "sqlite" else "CP"

        def accept_worker():
            a = Api(srv.url)
            while True:
                try:
                    oid = q_accept.get_nowait()
                except queue.Empty:
                    return
                for _ in range(20):
                    cur = load.send(a, "GET", f"/api/v1/me/card-orders/{oid}", worker)
                    state = cur.json()
                    if state["status"] != "awaiting_cardholder":
                        break
                    body = {"version": state["version"]}
                    if oid in duplicated:
                        out: list = []
                        ts = [threading.Thread(target=lambda: out.append(load.send(Api(srv.url), "POST", f"/api/v1/me/card-orders/{oid}/accept", worker, body)))
                              for _ in range(2)]
                        [t.start() for t in ts]
                        [t.join() for t in ts]
                        wins = [x for x in out if x.status_code == 200]
                        if len(wins) > 1:
                            load.anomaly(f"two concurrent accepts of {oid} both succeeded")
                        results = out
                    else:
                        results = [load.send(a, "POST", f"/api/v1/me/card-orders/{oid}/accept", worker, body)]
                    for x in results:
                        if x.status_code == 200:
                            load.ack("accepted", oid)
                        elif x.status_code not in (409,):
                            load.anomaly(f"accept {oid}: {x.status_code} {x.text[:200]}")
                final = load.send(a, "GET", f"/api/v1/me/card-orders/{oid}", worker).json()["status"]
                if final == "confirmed":
                    q_partner.put(oid)
                else:
                    load.anomaly(f"order {oid} is {final} after accepting")

        def partner_worker(stop: threading.Event):
            a = Api(srv.url)
            while not (stop.is_set() and q_partner.empty()):
                try:
                    oid = q_partner.get(timeout=0.2)
                except queue.Empty:
                    continue
                number = f"{prefix}{next(card_seq):010d}"
                for i, ev in enumerate([{"type": "accepted"}, {"type": "produced", "card_number": number},
                                        {"type": "shipped", "tracking_number": "PN1SE"}, {"type": "delivered"}]):
                    ev["occurred_at"] = W.now_iso()
                    key = f"crash-{oid}-{i}"
                    res = load.send(a, "POST", f"/api/v1/partner/production-orders/{oid}/events", partner, ev, headers={"Idempotency-Key": key})
                    if res.status_code == 200:
                        load.ack("event", oid, ev["type"], number if ev["type"] == "produced" else None)
                    else:
                        load.anomaly(f"event {ev['type']} on {oid} with key {key}: {res.status_code} {res.text[:200]} "
                                     "(a retry with the same Idempotency-Key must replay, not fail)")
                        break

        def cancel_worker():
            a = Api(srv.url)
            for oid in to_cancel:
                res = load.send(a, "POST", f"/api/v1/companies/{cid}/card-orders/{oid}/cancel", admin, {})
                if res.status_code == 200:
                    load.ack("cancelled", oid)
                elif res.status_code != 409:
                    load.anomaly(f"cancel {oid}: {res.status_code} {res.text[:200]}")
            for i in range(new_orders):
                res = load.send(a, "POST", f"/api/v1/companies/{cid}/card-orders", admin,
                                W.order_body(f"crash-new-{i}-{uuid.uuid4().hex[:6]}@example.com", "Per", "Olsson", "1991-01-01"))
                if res.status_code == 201:
                    load.ack("created", res.json()["id"])
                else:
                    load.anomaly(f"create order: {res.status_code} {res.text[:200]}")

        kills = []

        def killer(stop: threading.Event):
            for threshold in kills_at:
                while len(load.acks) < threshold and not stop.is_set():
                    time.sleep(0.02)
                if stop.is_set():
                    return
                srv.kill9()
                kills.append(time.time())
                time.sleep(0.3)
                srv.start()

        stop_partner, stop_killer = threading.Event(), threading.Event()
        threads = [threading.Thread(target=accept_worker, daemon=True) for _ in range(3)]
        threads.append(threading.Thread(target=cancel_worker, daemon=True))
        partners = [threading.Thread(target=partner_worker, args=(stop_partner,), daemon=True) for _ in range(2)]
        kt = threading.Thread(target=killer, args=(stop_killer,), daemon=True)
        t0 = time.time()
        for t in threads + partners + [kt]:
            t.start()
        for t in threads:
            t.join(timeout=ctx.n(120, 400))
        stop_partner.set()
        for t in partners:
            t.join(timeout=120)
        stop_killer.set()
        kt.join(timeout=30)
        r.counts.update({"orders": n, "kills (SIGKILL)": len(kills), "requests": load.requests, "retries while down": load.retries,
                         "2xx acknowledged": len(load.acks), "load seconds": round(time.time() - t0, 1)})
        assert len(kills) == len(kills_at), f"only {len(kills)} of {len(kills_at)} kills happened (load too short?)"
        assert srv.alive(), "the server is not running after the load"
        # Outbox: every message delivered. Claims cut short by a kill come back when their 60 s lease ends.
        last_kill = kills[-1]

        def drained():
            return int(db.scalar("SELECT count(*) FROM outbox_messages WHERE status <> 'sent'") or 0) == 0

        t_wait = time.time()
        leased = int(db.scalar("SELECT count(*) FROM outbox_messages WHERE status = 'sending'") or 0)
        r.counts["outbox messages leased by a killed dispatcher"] = leased
        if leased and ctx.mode == "quick":
            # Quick variant: let the 60 s leases run out at once instead of waiting for them (the long variant waits).
            db.query("UPDATE outbox_messages SET next_attempt_at = '2000-01-01T00:00:00+00:00' WHERE status = 'sending'")
            r.note(f"{leased} leases of the killed dispatcher were fast-forwarded (quick variant)")
        wait_until(drained, timeout=max(10, last_kill + 80 - time.time()), interval=0.5, what="every outbox message to be sent")
        r.counts["seconds waiting for the outbox"] = round(time.time() - t_wait, 1)
        failures = list(load.anomalies)
        failures += check_database(db, load, stub, r)
        rc, out = srv.cli_rc("admin", "verify-audit-chain")
        if rc != 0:
            failures.append(f"audit chain does not verify: {out[-500:]}")
        r.counts["audit chain"] = "OK" if rc == 0 else "BROKEN"
        for f in failures[:30]:
            print(f"    CRASH[{kind}]: {f}", flush=True)
        assert not failures, f"{len(failures)} crash-safety violations on {kind} (first: {failures[0]})"
    finally:
        srv.kill9()
        stub.close()
    return r


def check_database(db: Database, load: Load, stub: WebhookStub, r: Result) -> list[str]:
    failures = []
    orders = {norm_id(i): s for i, s in db.query("SELECT id, status FROM card_orders")}
    events: dict[str, list[str]] = {}
    for oid, status in db.query("SELECT order_id, status FROM order_events ORDER BY at, id"):
        events.setdefault(norm_id(oid), []).append(status)
    cards: dict[str, list[str]] = {}
    for oid, number in db.query("SELECT order_id, card_number FROM cards"):
        cards.setdefault(norm_id(oid), []).append(number)
    # Every acknowledged 2xx is in the database.
    for item in load.acks:
        what, oid = item[0], item[1]
        hist = events.get(oid, [])
        if oid not in orders:
            failures.append(f"acknowledged {what} for order {oid}, which does not exist")
        elif what == "accepted" and "confirmed" not in hist:
            failures.append(f"accept of {oid} got 200 but the order never became confirmed: {hist}")
        elif what == "cancelled" and orders[oid] != "cancelled":
            failures.append(f"cancel of {oid} got 200 but the order is {orders[oid]}")
        elif what == "event":
            want = EVENT_STATUS[item[2]]
            if want not in hist:
                failures.append(f"partner event {item[2]} on {oid} got 200 but the history is {hist}")
            if item[2] == "produced" and item[3] not in cards.get(oid, []):
                failures.append(f"produced {item[3]} for {oid} got 200 but that card does not exist")
    r.counts["acknowledged 2xx found in the database"] = len(load.acks) - len(failures)
    # No impossible states.
    for oid, status in orders.items():
        hist = events.get(oid, [])
        prev = None
        for s in hist:
            if s not in ALLOWED.get(prev, set()):
                failures.append(f"order {oid}: impossible move {prev} -> {s} in {hist}")
                break
            prev = s
        if hist and hist[-1] != status:
            failures.append(f"order {oid} is {status} but its history ends with {hist[-1]}")
        if hist.count("confirmed") > 1 and "needs_correction" not in hist:
            failures.append(f"order {oid} was confirmed {hist.count('confirmed')} times: {hist}")
        c = cards.get(oid, [])
        if len(c) > 1:
            failures.append(f"order {oid} has {len(c)} cards: {c}")
        if c and status not in CARD_STATES:
            failures.append(f"order {oid} has card {c} but is {status} (cards exist only from in_production on)")
        if status in ("shipped", "delivered") and not c:
            failures.append(f"order {oid} is {status} without a card")
    numbers = [n for c in cards.values() for n in c]
    if len(numbers) != len(set(numbers)):
        failures.append("a card number was issued twice")
    r.counts["orders checked"] = len(orders)
    r.counts["cards checked"] = len(numbers)
    # Outbox: nothing dead; webhooks at least once per committed change and never for an uncommitted one.
    dead = db.scalar("SELECT count(*) FROM outbox_messages WHERE status = 'dead'")
    if int(dead or 0):
        failures.append(f"{dead} outbox messages are dead")
    r.counts["outbox messages"] = int(db.scalar("SELECT count(*) FROM outbox_messages") or 0)
    deliveries = stub.snapshot()
    got: dict[tuple, int] = {}
    for d in deliveries:
        if d.get("signature_ok") is False:
            failures.append(f"webhook with a bad signature: {d['signature']}")
        # Order events are accounted here (photo and card events ride the same outbox and signatures).
        if d.get("type", d.get("event")) not in ("order.confirmed", "order.cancelled"):
            continue
        got[(d.get("order_id"), d.get("status"))] = got.get((d.get("order_id"), d.get("status")), 0) + 1
    wanted = {(oid, s) for oid, hist in events.items() for s in hist if s in ("confirmed", "cancelled")}
    for key in wanted:
        if key not in got:
            failures.append(f"webhook {key[1]} for order {key[0]} was never delivered")
    for key in got:
        if key not in wanted:
            failures.append(f"webhook {key[1]} for order {key[0]} was delivered but that change is not in the database")
    dups = sum(n - 1 for n in got.values() if n > 1)
    r.counts["webhooks expected (order, status)"] = len(wanted)
    r.counts["webhook deliveries"] = len(deliveries)
    r.counts["duplicate webhook deliveries"] = dups
    if dups:
        r.note(f"{dups} webhook(s) delivered twice: at-least-once delivery (a kill between sending and marking sent)")
    return failures


@check("crash.kill9_sqlite", "kill -9 under concurrent accepts, cancels and partner events (SQLite)", budget=(150, 500))
def crash_sqlite(ctx) -> Result:
    return run_crash(ctx, "sqlite")


@check("crash.kill9_postgres", "kill -9 under concurrent accepts, cancels and partner events (PostgreSQL)", budget=(150, 500), needs_pg=True)
def crash_postgres(ctx) -> Result:
    return run_crash(ctx, "postgres")


def run_mid_send(ctx, kind: str) -> Result:
    """The webhook receiver holds the delivery; the server is killed while it waits; after the 60 s lease the
    message is delivered again: delivery is at-least-once, so receivers must be idempotent."""
    r = Result()
    port = free_port()
    db = Database(kind, f"midsend-{kind}")
    srv = Server(db, f"midsend-{kind}", env={"SITECARD_PORT": str(port), "SITECARD_DISPATCH_INTERVAL_MS": "100"})
    stub = WebhookStub(delay=4.0)
    try:
        client_secret, webhook_secret = partner_with_webhook(srv, "slow-printer", stub.url)
        SECRETS.add("partner secret", client_secret)
        stub.secret = webhook_secret
        srv.start()
        api = Api(srv.url)
        worker = api.login(*WORKER)["access_token"]
        W.complete_contact(api, worker)
        oid = W.my_orders(api, worker)[0]["id"]
        W.accept(api, worker, oid)
        wait_until(lambda: stub.snapshot(), timeout=20, interval=0.05, what="the webhook to reach the receiver")
        srv.kill9()
        killed = time.time()
        time.sleep(1)
        stub.delay = 0.0
        srv.start()
        wait_until(lambda: len([d for d in stub.snapshot() if d.get("order_id") == oid]) >= 2, timeout=90, interval=0.5,
                   what="the interrupted webhook to be delivered again")
        r.counts["seconds until redelivery"] = round(time.time() - killed, 1)
        wait_until(lambda: int(db.scalar("SELECT count(*) FROM outbox_messages WHERE status <> 'sent'") or 0) == 0, timeout=30,
                   what="the outbox to drain")
        got = [d for d in stub.snapshot() if d.get("order_id") == oid]
        r.counts["deliveries of the one webhook"] = len(got)
        assert all(d["status"] == "confirmed" and d["signature_ok"] for d in got), got
        r.note("a delivery interrupted by a crash is sent again after its 60 s lease: at-least-once")
    finally:
        srv.kill9()
        stub.close()
    return r


@check("crash.webhook_mid_send", "kill -9 while a webhook is being delivered: redelivered after the lease (at-least-once)",
       modes=("long",), budget=(200, 200))
def mid_send(ctx) -> Result:
    r = run_mid_send(ctx, "sqlite")
    if ctx.pg:
        r2 = run_mid_send(ctx, "postgres")
        r.counts.update({f"postgres: {k}": v for k, v in r2.counts.items()})
    return r
