"""Authentication attacks: brute force (one IP, many IPs), code guessing, enumeration, forged JWTs, refresh
reuse, link reuse, CSRF/CORS, hostile JSON and slow clients."""

from __future__ import annotations

import concurrent.futures as cf
import json
import socket
import threading
import time

from lib.api import ADMIN, DEMO_PASSWORD, SECRETS, VERIFIER, WORKER, Api, Result, check_problem, uid
from lib.registry import check
from lib import world as W

from .common import (b64u, b64u_decode, fresh_server, hs256, jwt_encode, jwt_parts, median, same_problem,
                     server_signing_key, timed)

LOGIN = "/api/v1/auth/login"


def _login_body(email, password="not-the-password-1"):
    return {"email": email, "password": password}


def _retry_after(res) -> int:
    ra = res.headers.get("retry-after")
    assert ra is not None and ra.isdigit() and 0 < int(ra) <= 3600, f"429 without a sane Retry-After: {ra!r}"
    return int(ra)


@check("auth.password_bruteforce_one_ip", "Password brute force from one IP: 429 + Retry-After after 30 failures")
def password_one_ip(ctx) -> Result:
    r = Result()
    srv = fresh_server("bf-one-ip")
    try:
        api = Api(srv.url)
        limit = 30
        for i in range(limit):
            res = api.post(LOGIN, _login_body(f"ghost{i}@example.com"))
            check_problem(res, 401, "invalid_credentials")
            r.add("wrong passwords answered 401")
        res = api.post(LOGIN, _login_body("ghost-last@example.com"))
        check_problem(res, 429, "too_many_attempts")
        r.add("retry_after_seconds", _retry_after(res))
        # The address is locked for every account, even with the right password.
        res = api.post(LOGIN, _login_body(WORKER[0], DEMO_PASSWORD))
        check_problem(res, 429, "too_many_attempts")
        r.add("right password from the locked IP refused")
        extra = ctx.n(5, 40)
        for _ in range(extra):
            check_problem(api.post(LOGIN, _login_body(WORKER[0])), 429, "too_many_attempts")
            r.add("further attempts refused 429")
        # Another address is not affected.
        other = Api(srv.url)
        res = other.post(LOGIN, _login_body(WORKER[0], DEMO_PASSWORD))
        assert res.status_code == 200, f"another IP was locked out too: {res.status_code} {res.text}"
        r.add("other IP still logs in")
    finally:
        srv.stop()
    return r


@check("auth.password_bruteforce_many_ips", "Password brute force from many IPs: the per-account lockout holds")
def password_many_ips(ctx) -> Result:
    r = Result()
    srv = fresh_server("bf-many-ips")
    try:
        answers = {}
        for email in (WORKER[0], "ghost@example.com"):
            for i in range(10):
                res = Api(srv.url).post(LOGIN, _login_body(email, f"guess-{i}-{uid()[:8]}"))
                check_problem(res, 401, "invalid_credentials")
                r.add("wrong passwords from distinct IPs")
            res = Api(srv.url).post(LOGIN, _login_body(email, DEMO_PASSWORD))
            check_problem(res, 429, "too_many_attempts")
            _retry_after(res)
            answers[email] = res.json()
            r.add("11th attempt from a new IP refused 429")
            for _ in range(ctx.n(5, 30)):
                check_problem(Api(srv.url).post(LOGIN, _login_body(email, DEMO_PASSWORD)), 429, "too_many_attempts")
                r.add("more attempts from more new IPs refused")
        strip = lambda d: {k: v for k, v in d.items() if k != "retry_after"}  # noqa: E731  (seconds left differ by the clock)
        assert strip(answers[WORKER[0]]) == strip(answers["ghost@example.com"]), f"lockout answers differ: {answers}"
        r.note("the lockout answer for a known and an unknown email is identical")
        res = Api(srv.url).post(LOGIN, _login_body(ADMIN[0], DEMO_PASSWORD))
        assert res.status_code == 200, f"an unrelated account was locked: {res.status_code}"
        r.add("unrelated account unaffected")
        # The lockout ends with its window (simulated by moving the window start back 15 minutes).
        srv.db.query("UPDATE rate_limits SET window_start = window_start - 901")
        res = Api(srv.url).post(LOGIN, _login_body(WORKER[0], DEMO_PASSWORD))
        assert res.status_code == 200, f"the lockout did not end with its window: {res.status_code} {res.text}"
        r.add("login works again after the window")
    finally:
        srv.stop()
    return r


def _extra_accounts(api: Api, n: int) -> list[tuple[str, str]]:
    """`n` more verified accounts (email, phone), so a per-IP limit can be reached without any one account's run of
    wrong codes locking it first."""
    verifier = api.login(*VERIFIER)["access_token"]
    out = []
    for i in range(n):
        email, phone = f"bf-{uid()[:8]}@example.com", f"+467012{i:05d}"
        W.record_passport(api, verifier, email, "Bruno", "Force", "1990-01-01", "SWE", W.random_doc())
        W.register_account(api, email, phone, DEMO_PASSWORD)
        out.append((email, phone))
    return out


def _wrong_codes(api: Api, who, n: int, r: Result, expect=(401, "invalid_code")) -> str:
    """Starts a sign-in for `who` and sends `n` wrong codes; returns the challenge id."""
    res = api.post(LOGIN, _login_body(who[0], DEMO_PASSWORD))
    assert res.status_code == 200, f"login {who[0]}: {res.status_code} {res.text}"
    cid = res.json()["challenge_id"]
    code = api.last_code(who[1])
    bad = f"{(int(code) + 1) % 1000000:06d}"
    for _ in range(n):
        check_problem(api.post("/api/v1/auth/login/verify", {"challenge_id": cid, "code": bad}), *expect)
        r.add("wrong codes")
    return cid


@check("auth.code_bruteforce", "One-time code brute force: challenge dies after 5 wrong codes; 10 in a row per account across "
       "challenges and IPs; 50 wrong codes per IP; 5 SMS per account")
def code_bruteforce(ctx) -> Result:
    r = Result()
    srv = fresh_server("code-bf")
    try:
        api = Api(srv.url)  # every request from one IP
        ch = api.post(LOGIN, _login_body(WORKER[0], DEMO_PASSWORD)).json()["challenge_id"]
        right = api.last_code(WORKER[1])
        wrong = "000000" if right != "000000" else "111111"
        for _ in range(5):
            check_problem(api.post("/api/v1/auth/login/verify", {"challenge_id": ch, "code": wrong}), 401, "invalid_code")
            r.add("wrong codes")
        check_problem(api.post("/api/v1/auth/login/verify", {"challenge_id": ch, "code": right}), 410, "challenge_expired")
        r.add("right code after 5 wrong refused (challenge dead)")
        # A run of wrong codes per account, across challenges and IPs: a right password opens a new challenge
        # every time, so without it guessing would be bounded only by SMS sends (or not at all with an app).
        setup = Api(srv.url)
        extra = _extra_accounts(setup, 8)
        victim = extra.pop()
        for _ in range(2):
            _wrong_codes(Api(srv.url), victim, 5, r)
        cid = _wrong_codes(Api(srv.url), victim, 0, r)
        res = Api(srv.url).post("/api/v1/auth/login/verify", {"challenge_id": cid, "code": setup.last_code(victim[1])})
        check_problem(res, 429, "too_many_attempts")
        _retry_after(res)
        r.add("right code after 10 wrong in a row from other IPs refused 429")
        told = [m for m in setup.outbox(victim[0]) if "paused" in (m.get("subject") or "")]
        assert len(told) == 1, f"the worker was told {len(told)} times of the lock"
        # 50 wrong codes per IP across challenges: 9 more challenges x 5 wrong codes from the same IP, each
        # account below its own run's limit.
        for who in [ADMIN, VERIFIER] + extra:
            _wrong_codes(api, who, 5, r)
        res = api.post(LOGIN, _login_body(WORKER[0], DEMO_PASSWORD))
        assert res.status_code == 200, f"2nd worker login: {res.status_code} {res.text}"
        cid = res.json()["challenge_id"]
        code = api.last_code(WORKER[1])
        check_problem(api.post("/api/v1/auth/login/verify", {"challenge_id": cid, "code": code}), 429, "too_many_attempts")
        r.add("right code from the IP with 50 wrong codes refused 429")
        other = Api(srv.url)
        res = other.post("/api/v1/auth/login/verify", {"challenge_id": cid, "code": code})
        assert res.status_code == 200, f"the same code from another IP: {res.status_code} {res.text}"
        SECRETS.add("access token", res.json().get("access_token"))
        r.add("the per-IP limit does not block other IPs")
        # SMS bombing: the 6th SMS to one account within an hour is refused (admin had 1, 4 more pass).
        for _ in range(4):
            res = other.post(LOGIN, _login_body(ADMIN[0], DEMO_PASSWORD))
            assert res.status_code == 200, f"admin login: {res.status_code}"
        res = other.post(LOGIN, _login_body(ADMIN[0], DEMO_PASSWORD))
        check_problem(res, 429, "too_many_attempts")
        _retry_after(res)
        r.add("6th SMS in an hour refused")
        sms = [m for m in api.outbox(ADMIN[1]) if m.get("code")]
        assert len(sms) == 5, f"{len(sms)} SMS codes were sent to the admin, expected 5"
        r.note(f"{r.counts['wrong codes']} wrong codes sent; guessing odds per account 10 in 10^6 per hour")
    finally:
        srv.stop()
    return r


@check("auth.parallel_limits", "Attempt limits under parallel guesses: codes and passwords are counted before they are judged (card numbers: tests/api/security.rs)")
def parallel_limits(ctx) -> Result:
    r = Result()
    srv = fresh_server("parallel-limits")
    try:
        api = Api(srv.url)
        n = ctx.n(20, 60)

        def at_once(calls):
            with cf.ThreadPoolExecutor(max_workers=len(calls)) as pool:
                return list(pool.map(lambda f: f(), calls))

        def codes(answers):
            return [(a.status_code, (a.json() or {}).get("code")) for a in answers]

        ch = api.post(LOGIN, _login_body(WORKER[0], DEMO_PASSWORD)).json()["challenge_id"]
        bad = f"{(int(api.last_code(WORKER[1])) + 1) % 1000000:06d}"
        got = codes(at_once([lambda: Api(srv.url).post("/api/v1/auth/login/verify", {"challenge_id": ch, "code": bad})] * n))
        judged = sum(1 for c in got if c == (401, "invalid_code"))
        assert judged <= 5, f"{judged} of {n} parallel wrong codes were judged (limit 5): {got}"
        assert all(c in [(401, "invalid_code"), (410, "challenge_expired"), (429, "too_many_attempts")] for c in got), got
        r.add("parallel wrong codes judged", judged)
        email = f"nobody-{uid()[:8]}@example.com"
        got = codes(at_once([lambda: Api(srv.url).post(LOGIN, _login_body(email))] * (n + 5)))
        judged = sum(1 for c in got if c == (401, "invalid_credentials"))
        assert judged <= 10, f"{judged} of {n + 5} parallel wrong passwords were judged (limit 10): {got}"
        assert all(c in [(401, "invalid_credentials"), (429, "too_many_attempts")] for c in got), got
        r.add("parallel wrong passwords judged", judged)
        r.note(f"{n} parallel wrong codes on one challenge, {n + 5} parallel wrong passwords for one address, each from its own IP")
    finally:
        srv.stop()
    return r


@check("auth.idempotency_replay", "Idempotency-Key never replays tokens, codes or PINs, and not after the session ended")
def idempotency_replay(ctx) -> Result:
    r = Result()
    srv = fresh_server("idem-replay")
    try:
        api = Api(srv.url)
        res = api.post(LOGIN, _login_body(WORKER[0], DEMO_PASSWORD))
        ch = res.json()["challenge_id"]
        body = {"challenge_id": ch, "code": api.last_code(WORKER[1])}
        first = api.post("/api/v1/auth/login/verify", body, headers={"Idempotency-Key": "steal-me"})
        assert first.status_code == 200, first.text
        t = first.json()
        SECRETS.add("access token", t["access_token"])
        SECRETS.add("refresh token", t["refresh_token"])
        again = Api(srv.url).post("/api/v1/auth/login/verify", body, headers={"Idempotency-Key": "steal-me"})
        assert "access_token" not in again.text and again.headers.get("Idempotent-Replayed") is None, again.text
        check_problem(again, 410, "challenge_expired")
        r.add("keyed sign-in not replayed")
        ref = {"refresh_token": t["refresh_token"]}
        assert api.post("/api/v1/auth/refresh", ref, headers={"Idempotency-Key": "r1"}).status_code == 200
        check_problem(Api(srv.url).post("/api/v1/auth/refresh", ref, headers={"Idempotency-Key": "r1"}), 401, "invalid_refresh_token")
        r.add("keyed refresh not replayed (reuse detected instead)")
        worker = api.login(*WORKER)["access_token"]
        patch = lambda tok: api.request("PATCH", "/api/v1/me/contact", tok, {"city": "Lund"}, headers={"Idempotency-Key": "c1"})
        assert patch(worker).status_code == 200
        assert patch(worker).headers.get("Idempotent-Replayed") == "true", "a keyed retry of the same caller replays"
        assert api.post("/api/v1/auth/logout", None, worker).status_code == 204
        after = patch(worker)
        assert after.status_code == 401 and after.headers.get("Idempotent-Replayed") is None, f"after logout: {after.status_code}"
        r.add("replay after logout refused")
    finally:
        srv.stop()
    return r


@check("auth.forwarded_for_spoof", "A client cannot choose its throttled IP with X-Forwarded-For behind a trusted proxy")
def forwarded_for_spoof(ctx) -> Result:
    r = Result()
    srv = fresh_server("xff-spoof")
    try:
        real = "10.250.0.1"
        api = Api(srv.url, ip=None)
        refused = 0
        for i in range(65):
            # What an appending proxy forwards: whatever the client wrote, then the address it saw.
            res = api.get("/api/v1/card-check/AB1234567890", headers={"X-Forwarded-For": f"10.99.{i // 250}.{i % 250}, {real}"})
            refused += res.status_code == 429
        assert refused >= 5, f"only {refused} of 65 checks refused: the spoofed leftmost address chose the client"
        r.add("spoofed checks refused", refused)
        assert Api(srv.url).get("/api/v1/card-check/AB1234567890").status_code == 200, "another client is not blocked"
    finally:
        srv.stop()
    return r


@check("auth.enumeration", "Account enumeration by status, body and timing")
def enumeration(ctx) -> Result:
    r = Result()
    srv = fresh_server("enum")
    try:
        a = Api(srv.url).post(LOGIN, _login_body(WORKER[0], "wrong-password-123"))
        b = Api(srv.url).post(LOGIN, _login_body("nobody@example.com", "wrong-password-123"))
        assert same_problem(a, b), f"known vs unknown email differ: {a.status_code} {a.text} / {b.status_code} {b.text}"
        r.add("login answers compared")
        a = Api(srv.url).post("/api/v1/auth/password-reset", {"email": ADMIN[0]})
        b = Api(srv.url).post("/api/v1/auth/password-reset", {"email": "nobody@example.com"})
        assert (a.status_code, a.text) == (b.status_code, b.text) and a.status_code == 202, f"password reset differs: {a.text} / {b.text}"
        r.add("password-reset answers compared")
        # Timing: medians over N tries each, alternating, each from a fresh IP, spread over the 3 seeded
        # accounts (10 failures per email are allowed in 15 minutes).
        per_account = ctx.n(5, 9)
        known_t, unknown_t = [], []
        accounts = [WORKER[0], ADMIN[0], VERIFIER[0]]
        Api(srv.url).post(LOGIN, _login_body("warmup@example.com"))
        for i in range(per_account):
            for email in accounts:
                res, t = timed(lambda: Api(srv.url).post(LOGIN, _login_body(email, f"wrong-{uid()[:6]}")))
                assert res.status_code == 401, res.text
                known_t.append(t)
                res, t = timed(lambda: Api(srv.url).post(LOGIN, _login_body(f"nobody-{uid()[:8]}@example.com", f"wrong-{uid()[:6]}")))
                assert res.status_code == 401, res.text
                unknown_t.append(t)
        mk, mu = median(known_t), median(unknown_t)
        r.counts.update({"timing samples known": len(known_t), "timing samples unknown": len(unknown_t),
                         "median known ms": round(mk * 1000, 1), "median unknown ms": round(mu * 1000, 1)})
        bound = max(0.05, 0.5 * max(mk, mu))
        assert abs(mk - mu) <= bound, f"login timing reveals accounts: median known {mk * 1000:.1f} ms vs unknown {mu * 1000:.1f} ms"
        r.note(f"timing medians differ by {abs(mk - mu) * 1000:.1f} ms (bound {bound * 1000:.0f} ms)")
    finally:
        srv.stop()
    return r


@check("auth.jwt_forgery", "Forged access tokens: alg none, HS256 key confusion, wrong/unknown kid, tampered, expired, wrong aud/iss/typ")
def jwt_forgery(ctx) -> Result:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    r = Result()
    srv = fresh_server("jwt")
    try:
        api = Api(srv.url)
        t = api.login(*WORKER)["access_token"]
        admin_me = api.get("/api/v1/me", api.login(*ADMIN)["access_token"]).json()
        header, claims = jwt_parts(t)
        jwks = api.get("/.well-known/jwks.json").json()
        key = next(k for k in jwks["keys"] if k.get("kid") == header.get("kid"))
        x = key["x"]
        pub_raw = b64u_decode(x)
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        pub = Ed25519PublicKey.from_public_bytes(pub_raw)
        pem = pub.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        der = pub.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        escalated = dict(claims, roles=["cardholder", "verifier", "company_admin", "operator"])
        as_admin = dict(claims, sub=admin_me["id"])
        h, p, s = t.split(".")
        rogue = Ed25519PrivateKey.generate()
        kid = header.get("kid")
        forged: list[tuple[str, str]] = []
        for alg in ("none", "None", "NONE", "nOnE"):
            forged.append((f"alg {alg}", jwt_encode({"alg": alg, "typ": "JWT", "kid": kid}, escalated, None)))
            forged.append((f"alg {alg} keeping the signature", jwt_encode({"alg": alg, "typ": "JWT"}, escalated, None) + s))
        for name, secret in (("x", x.encode()), ("raw public key", pub_raw), ("PEM", pem), ("DER", der), ("empty", b"")):
            for alg in ("HS256",):
                forged.append((f"{alg} keyed with the JWKS {name}", jwt_encode({"alg": alg, "typ": "JWT", "kid": kid}, escalated, hs256(secret))))
        import hashlib
        import hmac as _hmac
        forged.append(("HS512 keyed with x", jwt_encode({"alg": "HS512", "kid": kid}, escalated,
                                                       lambda d: _hmac.new(x.encode(), d, hashlib.sha512).digest())))
        forged.append(("tampered roles, original signature", f"{h}.{b64u(json.dumps(escalated).encode())}.{s}"))
        forged.append(("tampered sub, original signature", f"{h}.{b64u(json.dumps(as_admin).encode())}.{s}"))
        forged.append(("EdDSA rogue key, real kid", jwt_encode({"alg": "EdDSA", "typ": "JWT", "kid": kid}, escalated, rogue.sign)))
        forged.append(("EdDSA rogue key, unknown kid", jwt_encode({"alg": "EdDSA", "typ": "JWT", "kid": "rogue"}, escalated, rogue.sign)))
        forged.append(("EdDSA rogue key, no kid", jwt_encode({"alg": "EdDSA", "typ": "JWT"}, escalated, rogue.sign)))
        forged.append(("embedded jwk header", jwt_encode({"alg": "EdDSA", "kid": kid, "jwk": {"kty": "OKP", "crv": "Ed25519",
                       "x": b64u(rogue.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))}}, escalated, rogue.sign)))
        forged.append(("jku header", jwt_encode({"alg": "EdDSA", "kid": kid, "jku": "http://127.0.0.1:1/jwks.json"}, escalated, rogue.sign)))
        forged.append(("kid path traversal", jwt_encode({"alg": "EdDSA", "kid": "../../../../dev/null"}, escalated, rogue.sign)))
        forged.append(("kid SQL injection", jwt_encode({"alg": "EdDSA", "kid": "x' OR '1'='1"}, escalated, rogue.sign)))
        forged.append(("signature stripped", f"{h}.{p}."))
        forged.append(("two segments", f"{h}.{p}"))
        forged.append(("garbage", "abc.def.ghi"))
        forged.append(("empty", ""))
        forged.append(("8 KB of junk", "a" * 8192))
        # Validly signed with the server's own key (read from the database with the data key), but wrong.
        real_kid, real_key = server_signing_key(srv)
        now = int(time.time())
        ok_header = {"alg": "EdDSA", "typ": "JWT", "kid": real_kid}
        control = jwt_encode(ok_header, claims, real_key.sign)
        res = api.get("/api/v1/me", control)
        assert res.status_code == 200, f"control token (re-signed with the real key) refused: {res.status_code} {res.text}"
        r.add("control token accepted")
        signed_wrong = [
            ("expired", dict(claims, exp=now - 60)),
            ("expired long ago", dict(claims, exp=now - 86400 * 365, iat=now - 86400 * 366)),
            ("without exp", {k: v for k, v in claims.items() if k != "exp"}),
            ("wrong audience", dict(claims, aud="someone-else")),
            ("wrong issuer", dict(claims, iss="https://evil.example")),
            ("partner typ on a user route", dict(claims, typ="partner")),
            ("unknown session", dict(claims, sid=uid()) if "sid" in claims else dict(claims, sub=uid())),
        ]
        for name, c in signed_wrong:
            forged.append((f"real key, {name}", jwt_encode(ok_header, c, real_key.sign)))
        for name, token in forged:
            SECRETS.add("forged token", token)
            # A validly signed partner token on a user route may be 403 (typed token); every forgery is 401.
            ok = (401, 403) if "partner typ" in name else (401,)
            for path in ("/api/v1/me", "/api/v1/me/card-orders"):
                res = api.get(path, token) if token else api.request("GET", path, headers={"Authorization": "Bearer "})
                assert res.status_code in ok, f"forged token '{name}' on {path}: {res.status_code} {res.text[:300]}"
                check_problem(res, ok)
                r.add("forged tokens refused 401")
            # A forged token with partner claims must not open partner routes either.
            res = api.get("/api/v1/partner/production-orders", token) if token else None
            if res is not None:
                assert res.status_code in (401, 403), f"forged token '{name}' on a partner route: {res.status_code}"
                r.add("forged tokens refused on partner routes")
        r.counts["forged token kinds"] = len(forged)
        # A user token is no partner token and a partner token is no user token.
        ptoken = api.partner_token()
        assert api.get("/api/v1/partner/production-orders", t).status_code == 403
        assert api.get("/api/v1/me", ptoken).status_code in (401, 403)
        r.add("token types kept apart", 2)
        # A token of a session that logged out is refused.
        assert api.post("/api/v1/auth/logout", None, t).status_code == 204
        check_problem(api.get("/api/v1/me", t), 401)
        r.add("token after logout refused")
    finally:
        srv.stop()
    return r


@check("auth.refresh_reuse", "Refresh-token rotation: reuse revokes the family; concurrent reuse has at most one winner")
def refresh_reuse(ctx) -> Result:
    r = Result()
    srv = fresh_server("refresh")
    try:
        api = Api(srv.url)
        t = api.login(*WORKER)
        res = api.post("/api/v1/auth/refresh", {"refresh_token": t["refresh_token"]})
        assert res.status_code == 200, res.text
        t2 = res.json()
        SECRETS.add("refresh token", t2["refresh_token"])
        SECRETS.add("access token", t2["access_token"])
        assert api.get("/api/v1/me", t2["access_token"]).status_code == 200
        check_problem(api.post("/api/v1/auth/refresh", {"refresh_token": t["refresh_token"]}), 401, "invalid_refresh_token")
        r.add("spent token refused")
        check_problem(api.post("/api/v1/auth/refresh", {"refresh_token": t2["refresh_token"]}), 401, "invalid_refresh_token")
        r.add("newest token of the family revoked")
        check_problem(api.get("/api/v1/me", t2["access_token"]), 401)
        r.add("access token of the family revoked")
        # Concurrent use of one refresh token: at most one new pair.
        rounds = ctx.n(3, 8)
        who_cycle = [ADMIN, VERIFIER, WORKER]
        for i in range(rounds):
            t = api.login(*who_cycle[i % 3])
            with cf.ThreadPoolExecutor(8) as ex:
                results = list(ex.map(lambda _i: Api(srv.url).post("/api/v1/auth/refresh", {"refresh_token": t["refresh_token"]}), range(8)))
            wins = [x for x in results if x.status_code == 200]
            for x in wins:
                SECRETS.add("refresh token", x.json().get("refresh_token"))
                SECRETS.add("access token", x.json().get("access_token"))
            odd = [x for x in results if x.status_code not in (200, 401)]
            assert not odd, f"concurrent refreshes answered {[x.status_code for x in results]}: {odd[0].text[:300]}"
            assert len(wins) <= 1, f"{len(wins)} concurrent refreshes with one token succeeded"
            # The losers presented a spent token: that is reuse, so the whole family ends.
            for x in wins:
                res = api.post("/api/v1/auth/refresh", {"refresh_token": x.json()["refresh_token"]})
                assert res.status_code == 401, f"a token from a family that saw reuse still refreshes: {res.status_code}"
            r.add("concurrent refresh races")
            r.add("concurrent refresh requests", 8)
        for bogus in ("nonsense", "", "a" * 5000, t["access_token"]):
            res = api.post("/api/v1/auth/refresh", {"refresh_token": bogus})
            assert res.status_code in (400, 401, 413, 422), f"bogus refresh token: {res.status_code}"
            r.add("bogus refresh tokens refused")
    finally:
        srv.stop()
    return r


@check("auth.link_reuse", "Registration and password-reset links work once (also under a concurrent double submit)")
def link_reuse(ctx) -> Result:
    r = Result()
    srv = fresh_server("links")
    try:
        api = Api(srv.url)
        v = api.login(*VERIFIER)["access_token"]
        W.record_passport(api, v, "once@example.com", "Ola", "Nordmann", "1979-05-17", "NOR", W.random_doc())
        token = api.last_link_token("once@example.com")
        phones = [f"+4670111223{i}" for i in range(4)]
        for ph in phones:
            SECRETS.add("phone", ph)
        body = {"registration_token": token, "password": "bricks and mortar 42", "phone": phones[0]}
        # Four concurrent registrations from one link (each may get a challenge: the link is spent only when a
        # phone is proven), then the four phone proofs at once: exactly one account activation.
        with cf.ThreadPoolExecutor(4) as ex:
            created = list(ex.map(lambda ph: Api(srv.url).post("/api/v1/accounts", dict(body, phone=ph)), phones))
        assert all(x.status_code in (201, 409, 410) for x in created), [(x.status_code, x.text[:200]) for x in created]
        proofs = [(x.json()["challenge_id"], api.last_code(ph)) for x, ph in zip(created, phones) if x.status_code == 201]
        with cf.ThreadPoolExecutor(4) as ex:
            verified = list(ex.map(lambda pc: Api(srv.url).post("/api/v1/accounts/verify-phone", {"challenge_id": pc[0], "code": pc[1]}), proofs))
        codes = sorted(x.status_code for x in verified)
        assert codes.count(200) == 1, f"one registration link activated {codes.count(200)} times: {codes} {[x.text[:200] for x in verified]}"
        assert all(c in (200, 409, 410) for c in codes), codes
        r.add("concurrent registrations with one link", len(phones))
        r.add("concurrent phone proofs, one winner", len(proofs))
        check_problem(api.post("/api/v1/accounts", body), 410, "registration_token_invalid")
        r.add("reused registration link refused")
        for bogus in ("made-up", token[:-1] + ("A" if token[-1] != "A" else "B"), "", "x" * 4000):
            res = api.post("/api/v1/accounts", dict(body, registration_token=bogus))
            assert res.status_code in (400, 410, 413, 422), f"bogus registration token: {res.status_code} {res.text}"
            r.add("bogus registration tokens refused")
        # Password reset link.
        assert api.post("/api/v1/auth/password-reset", {"email": WORKER[0]}).status_code == 202
        reset = api.last_link_token(WORKER[0])
        new_pw = "a brand new passphrase 7"
        SECRETS.add("password", new_pw)
        # Two confirmations of one link (the link is spent only when the SMS code is proven), then both codes
        # at once: exactly one password change; afterwards the link is dead.
        with cf.ThreadPoolExecutor(2) as ex:
            confirms = list(ex.map(lambda _i: Api(srv.url).post("/api/v1/auth/password-reset/confirm", {"token": reset, "new_password": new_pw}), range(2)))
        assert all(x.status_code in (200, 409, 410, 429) for x in confirms), [(x.status_code, x.text[:200]) for x in confirms]
        challenges = [x.json()["challenge_id"] for x in confirms if x.status_code == 200]
        assert challenges, [x.text for x in confirms]
        msgs = [m["code"] for m in api.outbox(WORKER[1]) if m.get("code")][: len(challenges)]
        # Newest first: the codes belong to the challenges in reverse order of creation; try both pairings.
        attempts = [(c, code) for c in challenges for code in msgs]
        with cf.ThreadPoolExecutor(len(attempts)) as ex:
            verified = list(ex.map(lambda cc: Api(srv.url).post("/api/v1/auth/password-reset/verify", {"challenge_id": cc[0], "code": cc[1]}), attempts))
        wins = [x for x in verified if x.status_code == 200]
        assert len(wins) == 1, f"one reset link changed the password {len(wins)} times: {[x.status_code for x in verified]}"
        assert all(x.status_code in (200, 401, 409, 410) for x in verified), [(x.status_code, x.text[:200]) for x in verified]
        r.add("concurrent reset proofs, one winner", len(attempts))
        check_problem(api.post("/api/v1/auth/password-reset/confirm", {"token": reset, "new_password": new_pw}), 410, "reset_token_invalid")
        r.add("reused reset link refused")
        check_problem(api.post("/api/v1/auth/password-reset/confirm", {"token": "bogus", "new_password": new_pw}), 410, "reset_token_invalid")
        r.add("bogus reset link refused")
    finally:
        srv.stop()
    return r


@check("auth.csrf_cors", "CSRF on the cookie route (refresh) and CORS for foreign origins")
def csrf_cors(ctx) -> Result:
    r = Result()
    srv = fresh_server("csrf", env={"SITECARD_CORS_ORIGINS": "https://app.example"})
    try:
        api = Api(srv.url)
        t = api.login(*WORKER, client="web")
        res = t["_response"]
        cookie = res.headers.get("set-cookie", "")
        for attr in ("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth"):
            assert attr in cookie, f"refresh cookie lacks {attr}: {cookie}"
        assert "refresh_token" not in t, "web clients must not get the refresh token in the body"
        pair = cookie.split(";")[0]
        SECRETS.add("refresh cookie", pair.split("=", 1)[1])
        # Cookie only, no CSRF header: refused.
        res = api.post("/api/v1/auth/refresh", {}, headers={"Cookie": pair})
        check_problem(res, 401, "invalid_refresh_token")
        r.add("refresh with the cookie but without X-Sitecard-Client refused")
        res = api.post("/api/v1/auth/refresh", {}, headers={"Cookie": pair, "X-Sitecard-Client": "mobile"})
        check_problem(res, 401)
        r.add("refresh with a wrong X-Sitecard-Client refused")
        # Form post (what a cross-site form can send without preflight): refused.
        res = api.request("POST", "/api/v1/auth/refresh", headers={"Cookie": pair, "Content-Type": "application/x-www-form-urlencoded",
                                                                     "Origin": "https://evil.example"}, data="x=1")
        assert res.status_code in (400, 401, 403, 415), f"cross-site form refresh: {res.status_code} {res.text}"
        r.add("cross-site form refresh refused")
        # The cookie is no credential for API routes.
        check_problem(api.get("/api/v1/me", headers={"Cookie": pair}), 401)
        check_problem(api.post("/api/v1/auth/logout", None, headers={"Cookie": pair}), 401)
        r.add("cookie alone does not authenticate API routes", 2)
        # CORS: a foreign origin gets no grant, preflight or not.
        for method, path in (("POST", "/api/v1/auth/refresh"), ("GET", "/api/v1/me"), ("POST", "/api/v1/auth/login")):
            pre = api.request("OPTIONS", path, headers={"Origin": "https://evil.example", "Access-Control-Request-Method": method,
                                                        "Access-Control-Request-Headers": "content-type,x-sitecard-client,authorization"})
            assert pre.status_code < 500, pre.status_code
            acao = pre.headers.get("access-control-allow-origin")
            assert acao not in ("https://evil.example", "*"), f"preflight from evil origin granted: {acao}"
            r.add("foreign-origin preflights not granted")
            res = api.request(method, path, headers={"Origin": "https://evil.example"}, json_body={} if method == "POST" else None)
            acao = res.headers.get("access-control-allow-origin")
            assert acao not in ("https://evil.example", "*"), f"{method} {path} from evil origin granted: {acao}"
            r.add("foreign-origin requests not granted")
            # The request's own Host is no proof of origin: whoever sends the request chooses it.
            spoof = api.request("OPTIONS", path, headers={"Origin": "http://evil.example", "Host": "evil.example",
                                                         "Access-Control-Request-Method": method})
            assert spoof.headers.get("access-control-allow-origin") in (None, ""), "an origin matching the Host header was granted"
            r.add("Host-matching origins not granted")
            for near in ("https://app.example.evil.example", "https://evilapp.example", "null", "http://app.example"):
                res = api.request("OPTIONS", path, headers={"Origin": near, "Access-Control-Request-Method": method})
                assert res.headers.get("access-control-allow-origin") in (None, ""), f"look-alike origin {near} granted"
                r.add("look-alike origins not granted")
        pre = api.request("OPTIONS", "/api/v1/auth/login", headers={"Origin": "https://app.example", "Access-Control-Request-Method": "POST",
                                                                     "Access-Control-Request-Headers": "content-type"})
        assert pre.headers.get("access-control-allow-origin") == "https://app.example", f"configured origin not granted: {dict(pre.headers)}"
        r.add("configured origin granted (control)")
        # With the header, the cookie refresh works (control), and it rotates the cookie.
        res = api.post("/api/v1/auth/refresh", {}, headers={"Cookie": pair, "X-Sitecard-Client": "web"})
        assert res.status_code == 200, res.text
        SECRETS.add("access token", res.json().get("access_token"))
        new_cookie = res.headers.get("set-cookie", "").split(";")[0]
        SECRETS.add("refresh cookie", new_cookie.split("=", 1)[-1])
        assert new_cookie and new_cookie != pair
        r.add("cookie refresh with the header works (control)")
    finally:
        srv.stop()
    return r


def _is_json_object(body: bytes) -> bool:
    """Valid JSON with an object at the top (PATCH /me/contact has only optional fields and ignores unknown ones)."""
    try:
        return isinstance(json.loads(body), dict)
    except RecursionError:
        return body[:1] == b"{"
    except ValueError:
        # serde skips unknown members without validating them (e.g. invalid UTF-8 inside an ignored string)
        return body[:1] == b"{" and body.rstrip()[-1:] == b"}"


def _deep(n: int, kind: str) -> bytes:
    if kind == "array":
        return b"[" * n + b"]" * n
    if kind == "object":
        return b'{"a":' * n + b"1" + b"}" * n
    return (b'{"a":[' * n) + b"1" + (b"]}" * n)


@check("auth.hostile_json", "Oversized, deeply nested and malformed bodies: 4xx problem+json, never 5xx")
def hostile_json(ctx) -> Result:
    r = Result()
    srv = fresh_server("hostile-json")
    try:
        api = Api(srv.url)
        w = api.login(*WORKER)["access_token"]
        a = api.login(*ADMIN)["access_token"]
        p = api.partner_token()
        cid = api.get("/api/v1/me", a).json()["companies"][0]["id"]
        oid = api.get("/api/v1/me/card-orders", w).json()[0]["id"]
        targets = [
            ("POST", LOGIN, None),
            ("POST", "/api/v1/accounts", None),
            ("POST", "/api/v1/auth/refresh", None),
            ("PATCH", "/api/v1/me/contact", w),
            ("POST", f"/api/v1/me/card-orders/{oid}/accept", w),
            ("POST", f"/api/v1/companies/{cid}/card-orders", a),
            ("POST", f"/api/v1/partner/production-orders/{oid}/events", p),
        ]
        big = 12 * 1024 * 1024
        payloads = [
            ("100 KB string", json.dumps({"email": "a" * 100_000, "password": "x"}).encode(), "application/json"),
            ("1 MB body", json.dumps({"x": "b" * 1_000_000}).encode(), "application/json"),
            ("12 MB body", b'{"x":"' + b"c" * big + b'"}', "application/json"),
            ("array depth 10000", _deep(10_000, "array"), "application/json"),
            ("object depth 10000", _deep(10_000, "object"), "application/json"),
            ("mixed depth 5000", _deep(5_000, "mixed"), "application/json"),
            ("array depth 200000", _deep(200_000, "array"), "application/json"),
            ("50000 keys", json.dumps({f"k{i}": i for i in range(50_000)}).encode(), "application/json"),
            ("huge number", b'{"version": 1e400, "email": 123456789012345678901234567890}', "application/json"),
            ("invalid UTF-8", b'{"email": "\xff\xfe\xfd", "password": "\xc3\x28"}', "application/json"),
            ("lone surrogate", b'{"email": "\\ud800", "password": "\\udfff"}', "application/json"),
            ("NUL bytes", b'{"email": "a\\u0000b@example.com", "password": "x\\u0000y"}', "application/json"),
            ("duplicate keys", b'{"email": "a@example.com", "email": "b@example.com", "password": "x", "version": 1, "version": 2}', "application/json"),
            ("truncated", b'{"email": "a@example.com", "pass', "application/json"),
            ("trailing garbage", b'{"email": "a@example.com"} xyz', "application/json"),
            ("empty", b"", "application/json"),
            ("null", b"null", "application/json"),
            ("string", b'"hello"', "application/json"),
            ("BOM", b'\xef\xbb\xbf{"email": "a@example.com", "password": "x"}', "application/json"),
            ("wrong types", b'{"email": ["a"], "password": {"x": 1}, "version": "one", "type": 5, "occurred_at": false}', "application/json"),
            ("text/plain", b'{"email": "a@example.com", "password": "x"}', "text/plain"),
            ("no content type", b'{"email": "a@example.com", "password": "x"}', None),
            ("form", b"email=a%40example.com&password=x", "application/x-www-form-urlencoded"),
            ("xml", b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;</x>", "application/xml"),
            ("json with charset latin1", b'{"email": "\xe9@example.com", "password": "x"}', "application/json; charset=latin1"),
        ]
        if ctx.mode == "long":
            payloads += [
                ("array depth 1000000", _deep(1_000_000, "array"), "application/json"),
                ("64 MB body", b'{"x":"' + b"d" * (64 * 1024 * 1024) + b'"}', "application/json"),
                ("1 MB of spaces", b" " * 1_000_000 + b"{}", "application/json"),
                ("100000 element array", json.dumps(list(range(100_000))).encode(), "application/json"),
            ]
        for method, path, token in targets:
            for name, body, ct in payloads:
                headers = {"Content-Type": ct} if ct else {}
                try:
                    res = api.request(method, path, token, data=body, headers=headers, timeout=30)
                except Exception as e:  # a reset while a big body is still being sent is a refusal too
                    if len(body) >= 1_000_000:
                        r.add("connection closed on an oversized body")
                        continue
                    raise AssertionError(f"{name} to {method} {path}: {type(e).__name__}: {e}")
                assert res.status_code < 500, f"{name} to {method} {path}: {res.status_code} {res.text[:300]}"
                lenient = name in ("duplicate keys", "BOM", "json with charset latin1", "no content type")
                if res.status_code < 400 and not lenient and method == "PATCH" and _is_json_object(body):
                    # Valid JSON whose only (deep) member is an unknown field: ignored by an all-optional PATCH.
                    r.add("deep unknown field ignored by PATCH (200)")
                    lenient = True
                assert 400 <= res.status_code < 500 or lenient, f"{name} to {method} {path} was accepted: {res.status_code} {res.text[:200]}"
                if res.status_code >= 400:
                    ct_res = res.headers.get("content-type", "")
                    assert ct_res.startswith("application/problem+json"), f"{name} to {method} {path}: {res.status_code} with {ct_res!r}: {res.text[:200]}"
                r.add(f"status {res.status_code}")
                r.add("hostile bodies sent")
        # Chunked upload without Content-Length, larger than any limit.
        def gen():
            for _ in range(64):
                yield b"e" * (256 * 1024)
        try:
            res = api.request("POST", LOGIN, data=gen(), headers={"Content-Type": "application/json"})
            assert res.status_code in (400, 413), f"chunked 16 MB: {res.status_code}"
            r.add("chunked oversized body refused")
        except Exception:
            r.add("chunked oversized body: connection closed")
        assert api.get("/healthz").status_code == 200
        rss = srv.rss_kb()
        r.counts["server RSS after (MB)"] = rss // 1024
        assert rss < 600 * 1024, f"server memory grew to {rss // 1024} MB"
        res = api.get("/api/v1/me", w)
        assert res.status_code == 200, "the server still serves normal requests"
        r.counts["payload kinds"] = len(payloads)
        r.counts["endpoints"] = len(targets)
    finally:
        srv.stop()
    return r


def _slow_sender(host: str, port: int, payload: bytes, interval: float, out: dict, key, stop: threading.Event, max_time: float):
    """Sends `payload` a byte at a time; records how long until the server closed the connection."""
    t0 = time.time()
    s = socket.create_connection((host, port), timeout=5)
    s.settimeout(0.05)
    closed_by = None
    try:
        i = 0
        while time.time() - t0 < max_time and not stop.is_set():
            if i < len(payload):
                try:
                    s.send(payload[i:i + 1])
                except OSError:
                    closed_by = "send failed"
                    break
                i += 1
            try:
                data = s.recv(4096)
                if data == b"":
                    closed_by = "eof"
                    break
                out.setdefault(f"{key}-data", b"")
                out[f"{key}-data"] += data
                if b"HTTP/1.1 408" in out[f"{key}-data"] or b"HTTP/1.1 4" in out[f"{key}-data"]:
                    closed_by = "4xx answer"
            except socket.timeout:
                pass
            except OSError:
                closed_by = "reset"
                break
            time.sleep(interval)
    finally:
        s.close()
    out[key] = (time.time() - t0, closed_by)


def _idle_socket(host: str, port: int, out: dict, key, max_time: float):
    """Connects and sends nothing; records when the server gave up on the connection."""
    t0 = time.time()
    s = socket.create_connection((host, port), timeout=max_time)
    how = None
    try:
        data = s.recv(1024)
        how = "eof" if data == b"" else data[:30].decode(errors="replace")
    except socket.timeout:
        how = None
    except OSError:
        how = "reset"
    finally:
        s.close()
    out[key] = (time.time() - t0, how)


@check("auth.slowloris", "Slow clients (headers or body a byte at a time, idle sockets) are cut off; others are served meanwhile",
       budget=(90, 300))
def slowloris(ctx) -> Result:
    r = Result()
    srv = fresh_server("slowloris")
    try:
        api = Api(srv.url)
        host, port = "127.0.0.1", srv.port
        head = (f"POST {LOGIN} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                f"X-Padding: {'p' * 200}\r\nContent-Length: 60\r\n\r\n").encode()
        body_head = f"POST {LOGIN} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n".encode()
        n_header = ctx.n(20, 150)
        out: dict = {}
        stop = threading.Event()
        threads = []
        max_time = 40.0
        for i in range(n_header):
            threads.append(threading.Thread(target=_slow_sender, args=(host, port, head, 0.5, out, ("hdr", i), stop, max_time), daemon=True))
        # Slow body: complete headers at once, then the body a byte every 0.5 s.
        n_body = ctx.n(3, 20)
        for i in range(n_body):
            threads.append(threading.Thread(target=_slow_sender, args=(host, port, body_head + b" " * 2000, 0.0 if False else 0.5, out, ("body", i), stop, max_time), daemon=True))
        # Idle: connect and send nothing.
        n_idle = ctx.n(5, 50)
        for i in range(n_idle):
            threads.append(threading.Thread(target=_idle_socket, args=(host, port, out, ("idle", i), max_time), daemon=True))
        for t in threads:
            t.start()
        # Meanwhile others are served.
        lat = []
        t_end = time.time() + 16
        while time.time() < t_end:
            res, t = timed(lambda: api.get("/healthz", timeout=5))
            assert res.status_code == 200
            lat.append(t)
            time.sleep(0.5)
        res, t_login = timed(lambda: Api(srv.url).post(LOGIN, {"email": "x@example.com", "password": "wrong-password-1"}))
        assert res.status_code == 401
        r.counts["healthz during attack: max ms"] = round(max(lat) * 1000)
        r.counts["login during attack ms"] = round(t_login * 1000)
        assert max(lat) < 3.0, f"the server stalled for {max(lat):.1f} s under slow clients"
        r.add("healthz probes during the attack", len(lat))
        for t in threads:
            t.join(timeout=max_time + 5)
        stop.set()
        hdr_times = [out[("hdr", i)] for i in range(n_header) if ("hdr", i) in out]
        body_times = [out[("body", i)] for i in range(n_body) if ("body", i) in out]
        idle_closed = [out[("idle", i)] for i in range(n_idle) if ("idle", i) in out]
        assert len(hdr_times) == n_header and len(body_times) == n_body and len(idle_closed) == n_idle, "a slow client thread did not finish"
        r.counts.update({"slow-header connections": n_header, "slow-body connections": n_body, "idle connections": n_idle})
        r.counts["slow-header: max seconds open"] = round(max(t for t, _ in hdr_times), 1)
        r.counts["slow-body: max seconds open"] = round(max(t for t, _ in body_times), 1)
        r.counts["idle: max seconds open"] = round(max(t for t, _ in idle_closed), 1)
        bad_hdr = [(round(t, 1), c) for t, c in hdr_times if c is None or t > 16]
        assert not bad_hdr, f"slow-header connections not cut within 16 s: {bad_hdr[:5]}"
        bad_idle = [(round(t, 1), d) for t, d in idle_closed if t > 16 or d is None]
        assert not bad_idle, f"idle connections not closed within 16 s: {bad_idle[:5]}"
        bad_body = [(round(t, 1), c) for t, c in body_times if c is None or t > 20]
        assert not bad_body, f"slow-body connections not cut within 20 s: {bad_body[:5]}"
        assert api.get("/healthz").status_code == 200
    finally:
        srv.stop()
    return r


@check("auth.oauth_client_library", "A standard OAuth client library (Authlib) gets partner tokens and recognises refusals (RFC 6749)")
def oauth_client_library(ctx) -> Result:
    from authlib.integrations.requests_client import OAuth2Session
    from authlib.integrations.base_client.errors import OAuthError

    r = Result()
    srv = fresh_server("oauth-lib")
    try:
        url = srv.url + "/api/v1/oauth/token"
        for method in ("client_secret_post", "client_secret_basic"):
            good = OAuth2Session("demo-partner", "demo-partner-secret", token_endpoint_auth_method=method)
            token = good.fetch_token(url, grant_type="client_credentials")
            SECRETS.add("partner token", token["access_token"])
            assert token["token_type"] == "Bearer" and token["expires_in"] > 0, token
            res = Api(srv.url).get("/api/v1/partner/production-orders", token["access_token"])
            assert res.status_code == 200, f"the library's token is refused: {res.status_code}"
            r.add(f"token with {method}")
            bad = OAuth2Session("demo-partner", "wrong-secret", token_endpoint_auth_method=method)
            try:
                bad.fetch_token(url, grant_type="client_credentials")
                raise AssertionError(f"a wrong secret ({method}) did not raise")
            except OAuthError as e:
                assert e.error == "invalid_client", f"{method}: error {e.error!r}"
            r.add("wrong secret raised invalid_client")
        try:
            OAuth2Session("demo-partner", "demo-partner-secret").fetch_token(url, grant_type="password", username="u", password="p")
            raise AssertionError("grant_type=password did not raise")
        except OAuthError as e:
            assert e.error == "unsupported_grant_type", f"error {e.error!r}"
        r.add("unsupported grant raised")
        r.note("Authlib " + __import__("authlib").__version__)
    finally:
        srv.stop()
    return r
