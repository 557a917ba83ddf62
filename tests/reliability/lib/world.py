"""Builds the people and tenants the scenarios need on a freshly seeded server.

Tenant A is the seeded "Demo Bygg AB" (admin@demo.test, worker@demo.test with a verified passport and one
order awaiting approval). Tenant B is "Other AB", created with the CLI, whose first admin finishes the emailed
invitation; worker B is verified in person, registers from the emailed link and proves the phone.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from .api import ADMIN, CONTACT, SECRETS, VERIFIER, WORKER, Api, order_body, portrait_png, uid
from .server import Server

OTHER_ADMIN = ("other@example.com", "+46702220000", "site office 2026")
OTHER_WORKER = ("other.worker@example.com", "+46703330000", "bricks and mortar 42")
OTHER_WORKER_PERSON = ("Anna-Maria", "Lindqvist", "1988-02-29", "DEU")


@dataclass
class World:
    server: Server
    api: Api
    worker: dict = field(default_factory=dict)
    admin: dict = field(default_factory=dict)
    verifier: dict = field(default_factory=dict)
    partner: str = ""
    other_admin: dict = field(default_factory=dict)
    other_worker: dict = field(default_factory=dict)
    cid: str = ""
    other_cid: str = ""
    worker_doc_b: str = ""
    verification_b: str = ""


def register_account(api: Api, email: str, phone: str, password: str) -> None:
    """Finishes an emailed registration or invitation link: password, phone, SMS code."""
    SECRETS.add("password", password)
    SECRETS.add("phone", phone)
    token = api.last_link_token(email)
    res = api.post("/api/v1/accounts", {"registration_token": token, "password": password, "phone": phone})
    assert res.status_code == 201, f"create account {email}: {res.status_code} {res.text}"
    ch = res.json()["challenge_id"]
    code = api.last_code(phone)
    res = api.post("/api/v1/accounts/verify-phone", {"challenge_id": ch, "code": code})
    assert res.status_code == 200, f"verify phone {email}: {res.status_code} {res.text}"


def record_passport(api: Api, verifier_token: str, email: str, given: str, surname: str, dob: str, nat: str, doc: str) -> dict:
    SECRETS.add("document number", doc)
    res = api.post(
        "/api/v1/identity-verifications",
        {"document_type": "passport", "document_number": doc, "issuing_country": nat, "document_expiry": "2031-01-31",
         "given_names": given, "surname": surname, "date_of_birth": dob, "nationality": nat, "email": email},
        verifier_token,
    )
    assert res.status_code == 201, f"verification: {res.status_code} {res.text}"
    return res.json()


def random_doc() -> str:
    return "C" + "".join(random.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(8))


def build(server: Server, api: Api | None = None, other_tenant: bool = True) -> World:
    api = api or Api(server.url)
    w = World(server=server, api=api)
    w.worker = api.login(*WORKER)
    w.admin = api.login(*ADMIN)
    w.verifier = api.login(*VERIFIER)
    w.partner = api.partner_token()
    w.cid = api.get("/api/v1/me", w.admin["access_token"]).json()["companies"][0]["id"]
    if other_tenant:
        server.cli("admin", "create-company", "--name", "Other AB", "--org-number", "556000-0019", "--admin-email", OTHER_ADMIN[0])
        register_account(api, OTHER_ADMIN[0], OTHER_ADMIN[1], OTHER_ADMIN[2])
        w.other_admin = api.login(OTHER_ADMIN[0], OTHER_ADMIN[1], OTHER_ADMIN[2])
        w.other_cid = api.get("/api/v1/me", w.other_admin["access_token"]).json()["companies"][0]["id"]
        w.worker_doc_b = random_doc()
        rec = record_passport(api, w.verifier["access_token"], OTHER_WORKER[0], *OTHER_WORKER_PERSON, w.worker_doc_b)
        w.verification_b = rec["id"]
        register_account(api, OTHER_WORKER[0], OTHER_WORKER[1], OTHER_WORKER[2])
        w.other_worker = api.login(OTHER_WORKER[0], OTHER_WORKER[1], OTHER_WORKER[2])
    return w


def complete_contact(api: Api, token: str) -> None:
    res = api.patch("/api/v1/me/contact", CONTACT, token)
    assert res.status_code == 200, f"contact: {res.status_code} {res.text}"


def my_orders(api: Api, token: str) -> list[dict]:
    res = api.get("/api/v1/me/card-orders", token)
    assert res.status_code == 200, res.text
    return res.json()


def accept(api: Api, token: str, oid: str) -> dict:
    o = api.get(f"/api/v1/me/card-orders/{oid}", token).json()
    res = api.post(f"/api/v1/me/card-orders/{oid}/accept", {"version": o["version"]}, token)
    assert res.status_code == 200, f"accept {oid}: {res.status_code} {res.text}"
    return res.json()


def create_ready_order(api: Api, admin_token: str, cid: str, body: dict, partner_token: str) -> dict:
    """An order through the photo step: created, portrait uploaded, approved by the partner."""
    res = api.post(f"/api/v1/companies/{cid}/card-orders", body, admin_token)
    assert res.status_code == 201, f"order: {res.status_code} {res.text}"
    oid = res.json()["id"]
    upload_photo(api, admin_token, cid, oid)
    res = api.post(f"/api/v1/partner/photo-reviews/{oid}", {"decision": "approved"}, partner_token)
    assert res.status_code == 200, f"photo review: {res.status_code} {res.text}"
    return res.json()


_PNG = None


def upload_photo(api: Api, admin_token: str, cid: str, oid: str, expect: int = 200):
    global _PNG
    if _PNG is None:
        _PNG = portrait_png()
    res = api.request("PUT", f"/api/v1/companies/{cid}/card-orders/{oid}/photo", admin_token, data=_PNG,
                      headers={"Content-Type": "image/png"})
    assert res.status_code == expect, f"photo: {res.status_code} {res.text}"
    return res


def partner_event(api: Api, token: str, oid: str, body: dict, key: str | None = None):
    headers = {"Idempotency-Key": key or uid()}
    return api.post(f"/api/v1/partner/production-orders/{oid}/events", body, token, headers=headers)


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def produce_and_deliver(api: Api, partner: str, oid: str, number: str) -> None:
    for i, ev in enumerate([
        {"type": "accepted", "occurred_at": now_iso()},
        {"type": "produced", "card_number": number, "occurred_at": now_iso()},
        {"type": "shipped", "tracking_number": "PN123SE", "occurred_at": now_iso()},
        {"type": "delivered", "occurred_at": now_iso()},
    ]):
        res = partner_event(api, partner, oid, ev, f"{oid}-{i}")
        assert res.status_code == 200, f"event {ev['type']}: {res.status_code} {res.text}"


def card_of(api: Api, token: str, number: str) -> dict:
    cards = api.get("/api/v1/me/cards", token).json()
    for c in cards:
        # The full number is shown only once the card is active; before that its last four digits.
        if c.get("card_number", c["card_number_last4"]) in (number, number[-4:]):
            return c
    raise AssertionError(f"card {number} not among {cards}")


__all__ = ["World", "build", "register_account", "record_passport", "complete_contact", "my_orders", "accept",
           "create_ready_order", "upload_photo", "partner_event", "produce_and_deliver", "card_of", "order_body",
           "OTHER_ADMIN", "OTHER_WORKER", "OTHER_WORKER_PERSON", "uid", "random_doc"]
