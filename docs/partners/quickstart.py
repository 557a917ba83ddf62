"""Sitecard partner quickstart in Python: the code that docs/partners.md shows, region by region.

    python quickstart.py              get a token, review the oldest photo, produce the oldest confirmed order
    python quickstart.py receive PORT serve a webhook receiver on 127.0.0.1:PORT (0: any free port)

Settings come from the environment: SITECARD_URL, SITECARD_CLIENT_ID, SITECARD_CLIENT_SECRET and
SITECARD_WEBHOOK_SECRET. The package `sitecard_client` is generated from Sitecard's OpenAPI document with
openapi-python-client (see docs/partners.md, "Regenerate your client"). `scripts/partner-docs-test.sh` runs this
file against a real server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sys
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# region imports
from sitecard_client import AuthenticatedClient, Client
from sitecard_client.api.cardholder import download_photo
from sitecard_client.api.partner import photo_reviews, production_event, production_orders, review_photo, token
from sitecard_client.models import (
    PhotoDecision,
    PhotoDecisionValue,
    Problem,
    ProductionEvent,
    ProductionEventType,
    TokenRequest,
)
from sitecard_client.types import UNSET

# endregion


# region errors
class SitecardError(Exception):
    """An answer other than 2xx: `code` is the problem's stable `code` (switch on it, never on `detail`)."""

    def __init__(self, status: int, code: str, detail: str | None = None):
        super().__init__(f"{status} {code}: {detail or ''}")
        self.status, self.code, self.detail = status, code, detail


def call(endpoint, *args, attempts: int = 3, **kwargs):
    """Calls a generated endpoint module (`endpoint.sync_detailed`) and returns the whole response.

    429 answers are retried after their `Retry-After` seconds; other errors raise SitecardError.
    """
    for attempt in range(attempts):
        response = endpoint.sync_detailed(*args, **kwargs)
        if response.status_code == 429 and attempt + 1 < attempts:
            time.sleep(int(response.headers.get("retry-after", "1")))
            continue
        if response.status_code >= 400:
            problem = response.parsed if isinstance(response.parsed, Problem) else None
            raise SitecardError(
                response.status_code,
                problem.code if problem else "unexpected_status",
                (problem.detail or None) if problem else response.content[:200].decode(errors="replace"),
            )
        return response
    raise AssertionError("unreachable")


# endregion


# region token
def sign_in(base_url: str, client_id: str, client_secret: str) -> AuthenticatedClient:
    """A client carrying a partner access token (valid `expires_in` seconds: 10 minutes; ask for a new one then)."""
    answer = call(
        token,
        client=Client(base_url=base_url),
        body=TokenRequest(grant_type="client_credentials", client_id=client_id, client_secret=client_secret),
    ).parsed
    return AuthenticatedClient(base_url=base_url, token=answer.access_token)


# endregion


# region pagination
def all_pages(endpoint, api: AuthenticatedClient, page_size: int = 100, **query):
    """Every item of a paged list: `limit` is 1..100, and `next_cursor` is absent on the last page."""
    cursor = UNSET
    while True:
        page = call(endpoint, client=api, limit=page_size, cursor=cursor, **query).parsed
        yield from page.items
        if not page.next_cursor:
            return
        cursor = page.next_cursor


# endregion


# region photo-review
def looks_like_a_portrait(jpeg: bytes) -> bool:
    """Stand-in for your own review (a person, sharp, no sunglasses, ...): here only "is it a JPEG?"."""
    return jpeg.startswith(b"\xff\xd8\xff")


def review_oldest_photo(api: AuthenticatedClient) -> str | None:
    """Looks at the oldest portrait waiting for review and approves or rejects it."""
    waiting = next(all_pages(photo_reviews, api, page_size=1), None)
    if waiting is None:
        return None
    photo = call(download_photo, waiting.id, client=api).content  # the JPEG bytes (`photo_url` of the order)
    if looks_like_a_portrait(photo):
        decision = PhotoDecision(decision=PhotoDecisionValue.APPROVED)
    else:
        decision = PhotoDecision(decision=PhotoDecisionValue.REJECTED, reason="The portrait is not a usable photo.")
    order = call(review_photo, waiting.id, client=api, body=decision).parsed
    print(f"photo of order {order.id}: {decision.decision.value}, order now {order.status.value}")
    return str(order.id)


# endregion


# region production-queue
def oldest_confirmed_order(api: AuthenticatedClient):
    """The production queue, oldest first: orders the cardholder confirmed, with holder and delivery data."""
    for order in all_pages(production_orders, api, status="confirmed"):
        holder, delivery = order.holder, order.delivery
        print(f"to produce: {order.id} {holder.given_names} {holder.surname}, to {delivery.recipient}, {delivery.city}")
        return order
    return None


# endregion


# region events
def now() -> datetime:
    return datetime.now(timezone.utc)


def send_event(api: AuthenticatedClient, order_id, event: ProductionEvent, key: str):
    """Reports one production step. Keep `key` with the step: sending the same step again with the same key
    (after a timeout, a crash, ...) answers the first result again, with `Idempotent-Replayed: true`."""
    return call(production_event, order_id, client=api, body=event, idempotency_key=key)


def produce(api: AuthenticatedClient, order) -> dict:
    card_number = f"PY{secrets.randbelow(10**10):010d}"  # two capital letters and ten digits, as printed
    steps = [
        ProductionEvent(type_=ProductionEventType.ACCEPTED, occurred_at=now()),
        ProductionEvent(type_=ProductionEventType.PRODUCED, card_number=card_number, occurred_at=now()),
        ProductionEvent(type_=ProductionEventType.SHIPPED, tracking_number="PN123456789SE", occurred_at=now()),
        ProductionEvent(type_=ProductionEventType.DELIVERED, occurred_at=now()),
    ]
    for step in steps:
        key = f"{order.id}:{step.type_.value}"  # one key per order and step
        answer = send_event(api, order.id, step, key).parsed
        print(f"order {order.id}: {step.type_.value} -> {answer.status.value}")
    # A retry of the last step (as after a lost answer): the same answer again, nothing happens twice.
    replay = send_event(api, order.id, steps[-1], f"{order.id}:{steps[-1].type_.value}")
    replayed = replay.headers.get("idempotent-replayed") == "true"
    print(f"order {order.id}: delivered again -> {replay.parsed.status.value}, replayed: {replayed}")
    return {"produced": str(order.id), "card_number": card_number, "replayed": replayed}


# endregion


# region webhook-verify
TOLERANCE_SECONDS = 300


def verify_signature(secret: str, header: str, raw_body: bytes, now_unix: float | None = None) -> bool:
    """`Sitecard-Signature: t=<unix>,v1=<hex>`: v1 is HMAC-SHA256, keyed with your webhook secret, of the bytes
    "<t>.<raw body>". Check it against the raw bytes you received, before parsing any JSON."""
    try:
        pairs = [part.strip().split("=", 1) for part in header.split(",")]
        timestamp = int(next(value for name, value in pairs if name == "t"))
        signatures = [value for name, value in pairs if name == "v1"]
    except (ValueError, StopIteration):
        return False
    if abs((time.time() if now_unix is None else now_unix) - timestamp) > TOLERANCE_SECONDS:
        return False  # too old (or from the future): a replayed or delayed request
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + raw_body, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, given) for given in signatures)


# endregion


# region webhook-receiver
def handle_event(event: dict) -> None:
    """Your work for one event: keep it short (answer within 10 s), queue anything slow."""
    print(json.dumps(event), flush=True)


class WebhookReceiver(BaseHTTPRequestHandler):
    secret = os.environ.get("SITECARD_WEBHOOK_SECRET", "")
    seen: set[str] = set()  # event ids already handled; keep them in your database

    def do_POST(self):  # noqa: N802 (http.server's name)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not verify_signature(self.secret, self.headers.get("Sitecard-Signature", ""), raw):
            return self.answer(401, "bad or stale signature")
        try:
            event = json.loads(raw)
            event_id = event["id"]
        except (ValueError, KeyError, TypeError):
            return self.answer(400, "not an event")
        if event_id in self.seen:
            return self.answer(204, f"duplicate {event_id}")  # a retry of an event already handled
        handle_event(event)
        self.seen.add(event_id)
        return self.answer(204, f"handled {event_id}")

    def answer(self, status: int, note: str) -> None:
        print(f"webhook: {status} {note}", file=sys.stderr, flush=True)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def serve_webhooks(port: int) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", port), WebhookReceiver)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


# endregion


# region main
def main() -> None:
    if sys.argv[1:2] == ["receive"]:
        return serve_webhooks(int(sys.argv[2]))
    api = sign_in(os.environ["SITECARD_URL"], os.environ["SITECARD_CLIENT_ID"], os.environ["SITECARD_CLIENT_SECRET"])
    summary = {"reviewed": review_oldest_photo(api)}
    order = oldest_confirmed_order(api)
    if order is not None:
        summary.update(produce(api, order))
    print(json.dumps({"summary": summary}), flush=True)


if __name__ == "__main__":
    main()
# endregion
