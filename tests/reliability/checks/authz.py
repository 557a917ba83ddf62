"""Authorization matrix generated from the OpenAPI document: every path+method x every role x another
tenant's ids. Only the owner succeeds; the others get 401/403/404 (or a 4xx validation answer) and no
personal data. Every operation in the document needs a rule below: a new route without one fails the check."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lib import world as W
from lib.api import WORKER, Api, Result, SECRETS, portrait_png, uid
from lib.registry import check
from lib.server import REPO

from .common import fresh_server

OPENAPI = REPO / "openapi" / "openapi.json"
CALLERS = ["anonymous", "worker", "other_worker", "admin", "other_admin", "verifier", "partner"]
ACCOUNTS = ["worker", "other_worker", "admin", "other_admin", "verifier"]
DENIAL = (401, 403, 404)
DENIAL_CODES = {"unauthenticated", "forbidden", "not_found", "session_ended", "invalid_token"}
METHODS = ("get", "put", "post", "delete", "patch")


@dataclass
class Rule:
    """Who may call an operation, on which resource, with which body.

    kind: `owner` (only `allowed` succeed), `self` (every account acts on its own data; partner and anonymous
    are refused), `public` (everyone gets the same answer), `dev` (development-mode only route).
    """

    kind: str
    allowed: tuple = ()
    params: dict = field(default_factory=dict)
    body: Callable | dict | None = None
    ok_errors: tuple = ()  # error statuses that still prove the caller got past authorization (state rules)
    phase: int = 1
    content: str = "json"
    query: str = ""
    public_status: tuple = ()
    headers: Callable | None = None


def _version(api: Api, token: str, path: str) -> int:
    return api.get(path, token).json()["version"]


def rules(ids: dict, api: Api, tok: dict) -> dict[str, Rule]:
    new_phone = "+46709990000"
    SECRETS.add("phone", new_phone)
    return {
        # --- public and anonymous-by-design --------------------------------------------------------------
        "GET /.well-known/jwks.json": Rule("public", public_status=(200,)),
        "GET /healthz": Rule("public", public_status=(200,)),
        "GET /readyz": Rule("public", public_status=(200,)),
        "GET /metrics": Rule("owner", ()),  # operators only (no operator in this world); scrapers use SITECARD_METRICS_LISTEN
        "GET /api/v1/audit-chain": Rule("owner", ()),  # operators only (no operator in this world)
        "GET /api/v1/card-check/{card_number}": Rule("public", params={"card_number": "cardA1"}, public_status=(200,)),
        "GET /api/v1/accounts/registration-tokens/{token}": Rule("public", params={"token": "no-such-token"}, public_status=(410,)),
        "GET /api/v1/dev/outbox": Rule("dev", query="?to=nobody%40example.com", public_status=(200,)),
        "POST /api/v1/accounts": Rule("public", body={"registration_token": "not-a-real-token", "password": "bricks and mortar 42", "phone": new_phone}, public_status=(410,)),
        "POST /api/v1/accounts/verify-phone": Rule("public", body={"challenge_id": uid(), "code": "123456"}, public_status=(401, 410)),
        "POST /api/v1/auth/login": Rule("public", body={"email": "nobody@example.com", "password": "wrong-password-1"}, public_status=(401,)),
        "POST /api/v1/auth/login/resend": Rule("public", body={"challenge_id": uid()}, public_status=(410,)),
        "POST /api/v1/auth/login/verify": Rule("public", body={"challenge_id": uid(), "code": "123456"}, public_status=(410,)),
        "POST /api/v1/auth/password-reset": Rule("public", body={"email": "nobody@example.com"}, public_status=(202,)),
        "POST /api/v1/auth/password-reset/confirm": Rule("public", body={"token": "bogus", "new_password": "bricks and mortar 42"}, public_status=(410,)),
        "POST /api/v1/auth/password-reset/verify": Rule("public", body={"challenge_id": uid(), "code": "123456"}, public_status=(410,)),
        "POST /api/v1/auth/refresh": Rule("public", body={"refresh_token": "bogus"}, public_status=(401,)),
        "POST /api/v1/oauth/token": Rule("public", content="form", body={"grant_type": "client_credentials", "client_id": "demo-partner", "client_secret": "wrong"}, public_status=(401,)),
        # --- the caller's own account ---------------------------------------------------------------------
        "GET /api/v1/auth/sessions": Rule("self"),
        "POST /api/v1/auth/totp": Rule("self"),
        "POST /api/v1/auth/totp/confirm": Rule("self", body={"code": "000000"}, ok_errors=(401, 409)),
        "DELETE /api/v1/auth/totp": Rule("self", body={"code": "000000"}, ok_errors=(401, 409)),
        "GET /api/v1/me": Rule("self"),
        "PATCH /api/v1/me": Rule("self", body={"language": "en"}),
        "POST /api/v1/me/authenticator-offer/decline": Rule("self", body={}),
        "GET /api/v1/me/card-orders": Rule("self"),
        "GET /api/v1/me/cards": Rule("self"),
        "PATCH /api/v1/me/contact": Rule("self", body={"city": "Stockholm"}),
        "POST /api/v1/me/password": Rule("self", body={"current_password": "not-the-password", "new_password": "x"}, ok_errors=(401,)),
        "POST /api/v1/me/phone": Rule("self", body={"phone": new_phone}),
        "POST /api/v1/me/phone/verify": Rule("self", body={"challenge_id": uid(), "code": "123456"}, ok_errors=(401, 410)),
        "DELETE /api/v1/auth/sessions": Rule("self", phase=10),
        "POST /api/v1/auth/logout": Rule("self", phase=11),
        "DELETE /api/v1/auth/sessions/{id}": Rule("owner", ("worker",), {"id": "sessionA2"}, phase=9),
        # --- the worker's own orders and cards ------------------------------------------------------------
        "GET /api/v1/me/card-orders/{id}": Rule("owner", ("worker",), {"id": "oA1"}),
        "POST /api/v1/me/card-orders/{id}/accept": Rule("owner", ("worker",), {"id": "oA3"},
                                                          body=lambda: {"version": _version(api, tok["worker"], f"/api/v1/me/card-orders/{ids['oA3']}")}, phase=2),
        "POST /api/v1/me/card-orders/{id}/reject": Rule("owner", ("worker",), {"id": "oA2"}, body={"reason": "not my employer"}, phase=5),
        "POST /api/v1/me/cards/{id}/activate": Rule("owner", ("worker",), {"id": "cA1"}, body=lambda: {"card_number": ids["cardA1"]}, phase=2),
        "POST /api/v1/me/cards/{id}/pin": Rule("owner", ("worker",), {"id": "cA1"}, body=lambda: {"card_number": ids["cardA1"]}, phase=3),
        "GET /api/v1/me/cards/{id}/credential": Rule("owner", ("worker",), {"id": "cA1"}, ok_errors=(409,), phase=3),
        "POST /api/v1/me/cards/{id}/report-lost": Rule("owner", ("worker",), {"id": "cA1"}, body={}, phase=6),
        "GET /api/v1/card-orders/{id}/photo": Rule("owner", ("worker", "admin", "verifier", "partner"), {"id": "oA1"}),
        # --- company administration (tenant A) --------------------------------------------------------------
        "GET /api/v1/companies/{company_id}/card-orders": Rule("owner", ("admin",), {"company_id": "cidA"}),
        "POST /api/v1/companies/{company_id}/card-orders": Rule("owner", ("admin",), {"company_id": "cidA"},
                                                                 body=lambda: W.order_body(f"new-{uid()[:8]}@example.com", "Per", "Olsson", "1991-01-01")),
        "GET /api/v1/companies/{company_id}/card-orders/{id}": Rule("owner", ("admin",), {"company_id": "cidA", "id": "oA1"}),
        "PATCH /api/v1/companies/{company_id}/card-orders/{id}": Rule(
            "owner", ("admin",), {"company_id": "cidA", "id": "oA2"},
            body=lambda: {"version": _version(api, tok["admin"], f"/api/v1/companies/{ids['cidA']}/card-orders/{ids['oA2']}"), "surname": "Kowalski"}, phase=4),
        "POST /api/v1/companies/{company_id}/card-orders/{id}/cancel": Rule("owner", ("admin",), {"company_id": "cidA", "id": "oA4"}, body={}, phase=2),
        "PUT /api/v1/companies/{company_id}/card-orders/{id}/photo": Rule("owner", ("admin",), {"company_id": "cidA", "id": "oA2"}, content="png", phase=2),
        "GET /api/v1/companies/{company_id}/cards": Rule("owner", ("admin",), {"company_id": "cidA"}),
        "GET /api/v1/companies/{company_id}/cards/{id}": Rule("owner", ("admin",), {"company_id": "cidA", "id": "cA1"}),
        "POST /api/v1/companies/{company_id}/cards/{id}/block": Rule("owner", ("admin",), {"company_id": "cidA", "id": "cA1"}, body={"reason": "matrix"}, phase=4),
        "POST /api/v1/companies/{company_id}/cards/{id}/unblock": Rule("owner", ("admin",), {"company_id": "cidA", "id": "cA1"}, body={"reason": "matrix"}, phase=5),
        "POST /api/v1/companies/{company_id}/cards/{id}/renew": Rule("owner", ("admin",), {"company_id": "cidA", "id": "cA1"}, phase=6,
                                                                 ok_errors=(409,)),
        "POST /api/v1/companies/{company_id}/cards/{id}/terminate": Rule("owner", ("admin",), {"company_id": "cidA", "id": "cA1"}, body={"reason": "left"}, phase=7),
        "POST /api/v1/companies/{company_id}/card-orders/batch": Rule("owner", ("admin",), {"company_id": "cidA"}, body={}, ok_errors=(415,)),
        # --- company self-service and operators (no operator in this world: operator-only routes refuse all) --
        "GET /api/v1/companies": Rule("owner", ("admin", "other_admin")),
        "GET /api/v1/companies/{company_id}": Rule("owner", ("admin",), {"company_id": "cidA"}),
        "GET /api/v1/companies/{company_id}/admins": Rule("owner", ("admin",), {"company_id": "cidA"}),
        "POST /api/v1/companies/{company_id}/admins": Rule("owner", ("admin",), {"company_id": "cidA"},
                                                           body=lambda: {"email": f"deputy-{uid()[:8]}@example.com"}),
        # The admin removing themselves, the company's only admin: past authorization, refused by the rule.
        "DELETE /api/v1/companies/{company_id}/admins/{account_id}": Rule("owner", ("admin",), {"company_id": "cidA", "account_id": "adminA"},
                                                                          ok_errors=(409,)),
        "POST /api/v1/companies": Rule("owner", (), body={"name": "Matrix AB", "org_number": "556677-8899", "admin_email": "m@example.com"}),
        "GET /api/v1/staff": Rule("owner", ()),
        "POST /api/v1/staff": Rule("owner", (), body={"email": "staff@example.com", "role": "verifier"}),
        "DELETE /api/v1/staff/{account_id}/roles/{role}": Rule("owner", (), {"account_id": uid(), "role": "verifier"}),
        "GET /api/v1/partner-clients": Rule("owner", ()),
        "POST /api/v1/partner-clients": Rule("owner", (), body={"client_id": "matrix-print", "name": "Matrix"}),
        "PATCH /api/v1/partner-clients/{client_id}": Rule("owner", (), {"client_id": "demo-partner"}, body={"name": "Taken over"}),
        "POST /api/v1/partner-clients/{client_id}/rotate-secret": Rule("owner", (), {"client_id": "demo-partner"}),
        "GET /api/v1/outbox": Rule("owner", ()),
        "POST /api/v1/outbox/{id}/retry": Rule("owner", (), {"id": uid()}),
        "GET /api/v1/audit-events": Rule("owner", ()),
        "GET /api/v1/card-status-changes": Rule("owner", ("partner",)),
        "POST /api/v1/dev/clock": Rule("dev", body={"days": 0}, public_status=(200,)),
        # --- verifiers -------------------------------------------------------------------------------------
        "POST /api/v1/identity-verifications": Rule("owner", ("verifier",), body=lambda: {
            "document_type": "passport", "document_number": W.random_doc(), "issuing_country": "SWE", "document_expiry": "2031-01-01",
            "given_names": "Eva", "surname": "Lind", "date_of_birth": "1985-01-01", "nationality": "SWE", "email": f"iv-{uid()[:8]}@example.com"}),
        "GET /api/v1/identity-verifications": Rule("owner", ("verifier",), query="?email=nobody%40example.com"),
        "GET /api/v1/identity-verifications/{id}": Rule("owner", ("verifier",), {"id": "ivB"}),
        "GET /api/v1/identity-verifications/{id}/cards": Rule("owner", ("verifier",), {"id": "ivB"}),
        "POST /api/v1/identity-verifications/{id}/reset-second-factor": Rule("owner", ("verifier",), {"id": "ivB"},
                                                                              body={"new_phone": new_phone, "document_number": "WRONG123"}, ok_errors=(422,)),
        "POST /api/v1/identity-verifications/{id}/right-to-work": Rule("owner", ("verifier",), {"id": "ivB"}, ok_errors=(422,), body={
            "document_type": "residence_permit", "document_number": "UT1234567", "issuing_country": "SWE", "valid_until": "2030-01-01"}),
        "POST /api/v1/cards/{id}/activate-in-person": Rule("owner", ("verifier",), {"id": "cB2"},
                                                            body=lambda: {"document_number": ids["docB"], "card_number": ids["cardB2"]}, phase=8),
        # --- the production partner ------------------------------------------------------------------------
        "GET /api/v1/partner/photo-reviews": Rule("owner", ("partner",)),
        "POST /api/v1/partner/photo-reviews/{order_id}": Rule("owner", ("partner",), {"order_id": "oA2"}, body={"decision": "approved"}, phase=3),
        "GET /api/v1/partner/production-orders": Rule("owner", ("partner",)),
        "POST /api/v1/partner/production-orders/{id}/events": Rule("owner", ("partner",), {"id": "oA3"},
                                                                   body=lambda: {"type": "accepted", "occurred_at": W.now_iso()},
                                                                   headers=lambda: {"Idempotency-Key": uid()}, phase=3),
    }


# Personal data of each tenant: it must never appear in an answer to someone from the other tenant, nor in
# any refusal.
def pii(ids: dict) -> dict[str, list[str]]:
    return {
        "A": ["Kowalski", "Jan Piotr", "worker@demo.test", "+46700000003", "EA1234567", ids["cardA1"], "Storgatan",
              ids["oA1"], ids["oA3"], ids["cA1"]],
        "B": ["Lindqvist", "Anna-Maria", W.OTHER_WORKER[0], W.OTHER_WORKER[1], ids["docB"], ids["cardB1"], "Lillgatan", W.OTHER_ADMIN[0],
              W.OTHER_ADMIN[1], ids["oB1"], ids["cB1"]],
    }


TENANT = {"worker": "A", "admin": "A", "other_worker": "B", "other_admin": "B"}
PERSON_DATA = ["Kowalski", "Jan Piotr", "worker@demo.test", "+46700000003", "EA1234567", "Lindqvist", "Anna-Maria", "Storgatan", "Lillgatan"]


def build_world(srv) -> tuple[W.World, dict, dict]:
    w = W.build(srv)
    api = w.api
    p = w.partner
    ids = {"cidA": w.cid, "cidB": w.other_cid, "ivB": w.verification_b, "docB": w.worker_doc_b,
           "adminA": api.get("/api/v1/me", w.admin["access_token"]).json()["id"]}
    tok = {"worker": w.worker["access_token"], "admin": w.admin["access_token"], "verifier": w.verifier["access_token"],
           "partner": p, "other_worker": w.other_worker["access_token"], "other_admin": w.other_admin["access_token"]}
    # Tenant A: the seeded order through production to a delivered card.
    W.complete_contact(api, tok["worker"])
    oa1 = W.my_orders(api, tok["worker"])[0]["id"]
    W.accept(api, tok["worker"], oa1)
    ids.update(oA1=oa1, cardA1="GH0000000001")
    W.produce_and_deliver(api, p, oa1, ids["cardA1"])
    ids["cA1"] = W.card_of(api, tok["worker"], ids["cardA1"])["id"]
    person = ("Jan Piotr", "Kowalski", "1990-04-12")
    mk = lambda: W.order_body(WORKER[0], *person)  # noqa: E731
    ids["oA2"] = api.post(f"/api/v1/companies/{w.cid}/card-orders", mk(), tok["admin"]).json()["id"]  # awaiting_photo
    ids["oA3"] = W.create_ready_order(api, tok["admin"], w.cid, mk(), p)["id"]  # awaiting_cardholder
    ids["oA4"] = api.post(f"/api/v1/companies/{w.cid}/card-orders", mk(), tok["admin"]).json()["id"]  # awaiting_photo
    # A second session of worker A (the one DELETE /auth/sessions/{id} revokes).
    second = api.login(*WORKER)
    ids["sessionA2"] = next(s["id"] for s in api.get("/api/v1/auth/sessions", second["access_token"]).json() if s.get("current"))
    # Tenant B: an order of Other AB for worker B, produced into a card.
    b_body = W.order_body(W.OTHER_WORKER[0], "Anna-Maria", "Lindqvist", "1988-02-29", phone=W.OTHER_WORKER[1])
    b_body["delivery"].update(address_line1="Lillgatan 5", recipient="Other AB site")
    ob1 = W.create_ready_order(api, tok["other_admin"], w.other_cid, b_body, p)["id"]
    res = api.patch("/api/v1/me/contact", {"address_line1": "Lillgatan 5", "postal_code": "222 33", "city": "Malmö", "country": "SE"}, tok["other_worker"])
    assert res.status_code == 200, res.text
    W.accept(api, tok["other_worker"], ob1)
    ids.update(oB1=ob1, cardB1="GH0000000002")
    W.produce_and_deliver(api, p, ob1, ids["cardB1"])
    ids["cB1"] = W.card_of(api, tok["other_worker"], ids["cardB1"])["id"]
    # A second card of worker B, for the verifier's in-person activation.
    ob2 = W.create_ready_order(api, tok["other_admin"], w.other_cid, b_body, p)["id"]
    W.accept(api, tok["other_worker"], ob2)
    ids["cardB2"] = "GH0000000003"
    W.produce_and_deliver(api, p, ob2, ids["cardB2"])
    ids["cB2"] = W.card_of(api, tok["other_worker"], ids["cardB2"])["id"]
    SECRETS.add("document number", ids["docB"])
    return w, ids, tok


CROSS = {"oA1": "oB1", "oA2": "oB1", "oA3": "oB1", "oA4": "oB1", "cA1": "cB1", "cardA1": "cardB1"}


def operations_security() -> dict[str, bool]:
    doc = json.loads(Path(OPENAPI).read_text())
    return {f"{m.upper()} {p}": bool(o.get("security", doc.get("security"))) for p, ops in doc["paths"].items() for m, o in ops.items()
            if m in METHODS}


def operations() -> list[str]:
    doc = json.loads(Path(OPENAPI).read_text())
    return [f"{m.upper()} {p}" for p, ops in doc["paths"].items() for m in ops if m in METHODS]


@check("authz.matrix", "Authorization matrix from the OpenAPI document: every operation x 7 callers x another tenant's ids",
       budget=(150, 400))
def matrix(ctx) -> Result:
    r = Result()
    ops = operations()
    srv = fresh_server("authz")
    try:
        w, ids, tok = build_world(srv)
        api = w.api
        table = rules(ids, api, tok)
        missing = [op for op in ops if op not in table]
        stale = [op for op in table if op not in ops]
        r.counts["operations in the document"] = len(ops)
        failures: list[str] = []
        if missing:
            failures.append(f"operations without an authorization rule (add one in checks/authz.py): {missing}")
        if stale:
            failures.append(f"rules for operations that are no longer in the document: {stale}")
        tenant_pii = pii(ids)
        png = portrait_png()

        def call(op: str, rule: Rule, caller: str, override: dict | None = None):
            method, path = op.split(" ", 1)
            params = dict(rule.params, **(override or {}))
            for name, sym in params.items():
                path = path.replace("{" + name + "}", ids.get(sym, sym))
            path += rule.query
            headers = rule.headers() if rule.headers else {}
            token = tok.get(caller)
            body = rule.body() if callable(rule.body) else rule.body
            if rule.content == "png":
                return api.request(method, path, token, data=png, headers=dict(headers, **{"Content-Type": "image/png"}))
            if rule.content == "form":
                return api.request(method, path, token, data=body, headers=headers)
            return api.request(method, path, token, json_body=body, headers=headers)

        def problem_code(res) -> str:
            try:
                return res.json().get("code", "") if res.headers.get("content-type", "").startswith("application/problem+json") else ""
            except ValueError:
                return ""

        def leak_check(op, caller, res, people_only=False):
            text = res.text
            if caller in TENANT:
                other = "B" if TENANT[caller] == "A" else "A"
                for item in tenant_pii[other]:
                    if item and item in text:
                        failures.append(f"{op} as {caller}: {res.status_code} answer contains the other tenant's {item!r}")
            if res.status_code in DENIAL or people_only:
                for item in (PERSON_DATA if people_only else PERSON_DATA + tenant_pii["A"] + tenant_pii["B"]):
                    if item and item in text:
                        failures.append(f"{op} as {caller}: {res.status_code} {'public answer' if people_only else 'refusal'} contains {item!r}")

        # Operations without a rule are still probed (random ids, every caller): no 5xx, anonymous refused when the
        # document says the operation needs credentials, no personal data in the answers. They fail the check anyway.
        secured = operations_security()
        for op in missing:
            method, path = op.split(" ", 1)
            import re as _re
            concrete = _re.sub(r"\{card_number\}", "AB0000000000", _re.sub(r"\{[a-z_]+\}", uid(), path))
            for caller in CALLERS:
                res = api.request(method, concrete, tok.get(caller), json_body={} if method in ("POST", "PUT", "PATCH") else None)
                r.add("probes of operations without a rule")
                if res.status_code >= 500:
                    failures.append(f"{op} (no rule) as {caller}: {res.status_code}")
                if caller == "anonymous" and secured.get(op) and res.status_code != 401:
                    failures.append(f"{op} (no rule) needs credentials per the document but answered {res.status_code} to anonymous")
                leak_check(op, caller, res)

        ordered = sorted(((rule.phase, op) for op, rule in table.items() if op in ops))
        for _, op in ordered:
            rule = table[op]
            r.add("rules exercised")
            if rule.kind in ("public", "dev"):
                for caller in CALLERS:
                    res = call(op, rule, caller)
                    r.add("calls")
                    if res.status_code not in rule.public_status:
                        failures.append(f"{op} as {caller}: {res.status_code} (public route, expected {rule.public_status}) {res.text[:150]}")
                    if rule.kind == "public":
                        leak_check(op, caller, res, people_only=True)
                continue
            allowed = ACCOUNTS if rule.kind == "self" else list(rule.allowed)
            denied = [c for c in CALLERS if c not in allowed]
            # Refusals first, so that a missing check would show up as a changed resource the owner then trips on.
            for caller in denied:
                res = call(op, rule, caller)
                r.add("calls")
                r.add("refusals checked")
                code = problem_code(res)
                if caller == "anonymous" and res.status_code != 401:
                    failures.append(f"{op} as anonymous: {res.status_code}, expected 401 {res.text[:150]}")
                elif res.status_code in DENIAL:
                    r.add(f"refused {res.status_code}")
                elif res.status_code in (400, 422) and code not in ("",):
                    r.add("refused with a validation answer")
                    r.note(f"{op} as {caller}: {res.status_code} {code} (validation before authorization)")
                else:
                    failures.append(f"{op} as {caller}: {res.status_code}, expected 401/403/404 {res.text[:200]}")
                if res.status_code >= 400 and not res.headers.get("content-type", "").startswith("application/problem+json"):
                    failures.append(f"{op} as {caller}: {res.status_code} is not problem+json")
                leak_check(op, caller, res)
            # Cross-tenant: tenant B's admin with its own company id and tenant A's resource; tenant A's admin with
            # tenant B's resource; B's worker on A's resources is already a refused caller above.
            if "company_id" in rule.params:
                probes = [("other_admin", {"company_id": "cidB"})]
                cross = {k: CROSS[v] for k, v in rule.params.items() if v in CROSS}
                if cross:
                    probes.append(("admin", cross))
                for caller, override in probes:
                    if not any(k != "company_id" for k in rule.params) and caller == "other_admin":
                        continue  # a list of B's own company: that is B's own data
                    res = call(op, rule, caller, override)
                    r.add("calls")
                    r.add("cross-tenant id probes")
                    if res.status_code not in DENIAL:
                        failures.append(f"{op} as {caller} with {override}: {res.status_code}, expected 403/404 {res.text[:200]}")
                    leak_check(op, caller, res)
            for caller in allowed:
                res = call(op, rule, caller)
                r.add("calls")
                code = problem_code(res)
                if res.status_code < 400:
                    r.add("owner calls succeeded")
                elif res.status_code in rule.ok_errors and code not in DENIAL_CODES:
                    r.add("owner calls reached a state or validation rule")
                else:
                    failures.append(f"{op} as {caller} (allowed): {res.status_code} {res.text[:200]}")
                leak_check(op, caller, res)
        r.counts["callers"] = len(CALLERS)
        r.counts["failures"] = len(failures)
        for f in failures[:40]:
            print(f"    MATRIX: {f}", flush=True)
        assert not failures, f"{len(failures)} authorization matrix failures (first: {failures[0]})"
    finally:
        srv.stop()
    return r
