"""Shared pieces of the checks."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import statistics
import time

from lib.api import Api
from lib.server import DEV_KEY_HEX, Database, Server


def fresh_server(tag: str, kind: str = "sqlite", env: dict | None = None) -> Server:
    return Server(Database(kind, tag), tag, env).start()


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64u_decode(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def jwt_parts(token: str) -> tuple[dict, dict]:
    h, p, _ = token.split(".")
    return json.loads(b64u_decode(h)), json.loads(b64u_decode(p))


def jwt_encode(header: dict, claims: dict, sign) -> str:
    signing_input = f"{b64u(json.dumps(header, separators=(',', ':')).encode())}.{b64u(json.dumps(claims, separators=(',', ':')).encode())}"
    return f"{signing_input}.{b64u(sign(signing_input.encode())) if sign else ''}"


def hs256(secret: bytes):
    return lambda data: hmac.new(secret, data, hashlib.sha256).digest()


def data_cipher_key() -> bytes:
    """The AES-256-GCM key the server derives from SITECARD_DATA_KEY (crates/app/src/crypto.rs)."""
    return hmac.new(bytes.fromhex(DEV_KEY_HEX), b"sitecard/aes-256-gcm/v1", hashlib.sha256).digest()


def decrypt_at_rest(stored: str) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    raw = base64.b64decode(stored)
    return AESGCM(data_cipher_key()).decrypt(raw[:12], raw[12:], None).decode()


def server_signing_key(server: Server):
    """The server's current Ed25519 signing key, read from the database as an attacker with a database dump
    and the data key would: only used to mint tokens that are *validly signed* but expired or mis-addressed."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    kid, enc = server.db.query("SELECT kid, private_key_enc FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC")[0]
    seed = b64u_decode(decrypt_at_rest(enc))
    return kid, Ed25519PrivateKey.from_private_bytes(seed)


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def median(xs):
    return statistics.median(xs) if xs else 0.0


def same_problem(a, b) -> bool:
    """Two problem+json answers are the same apart from per-request values."""
    return a.status_code == b.status_code and a.headers.get("content-type") == b.headers.get("content-type") and a.text == b.text


def wait_until(pred, timeout: float, interval: float = 0.2, what: str = "condition"):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = pred()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what} (last: {last!r})")


__all__ = ["Api", "fresh_server", "b64u", "b64u_decode", "jwt_parts", "jwt_encode", "hs256", "server_signing_key",
           "decrypt_at_rest", "timed", "median", "same_problem", "wait_until"]
