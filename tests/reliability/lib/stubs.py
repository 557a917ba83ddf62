"""A stub webhook receiver on 127.0.0.1: records every delivery and checks its signature."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class WebhookStub:
    def __init__(self, secret: str | None = None, delay: float = 0.0):
        self.secret = secret
        self.delay = delay
        self.lock = threading.Lock()
        self.deliveries: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                n = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(n).decode(errors="replace")
                sig = self.headers.get("sitecard-signature", "")
                rec = {"at": time.time(), "path": self.path, "body": body, "signature": sig, "signature_ok": stub.verify(sig, body)}
                try:
                    rec.update(json.loads(body))
                except ValueError:
                    rec["malformed"] = True
                if stub.delay:
                    rec["held"] = True
                    with stub.lock:
                        stub.deliveries.append(rec)
                    time.sleep(stub.delay)
                else:
                    with stub.lock:
                        stub.deliveries.append(rec)
                try:
                    self.send_response(200)
                    self.send_header("content-length", "0")
                    self.end_headers()
                except OSError:
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def verify(self, sig: str, body: str) -> bool | None:
        if not self.secret:
            return None
        try:
            parts = dict(p.split("=", 1) for p in sig.split(","))
            mac = hmac.new(self.secret.encode(), f"{parts['t']}.{body}".encode(), hashlib.sha256).hexdigest()
            return hmac.compare_digest(mac, parts["v1"])
        except (KeyError, ValueError):
            return False

    def snapshot(self) -> list[dict]:
        with self.lock:
            return list(self.deliveries)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def partner_with_webhook(server, client_id: str, url: str) -> tuple[str, str]:
    """Creates a partner client with a webhook URL through the CLI; returns (client_secret, webhook_secret)."""
    out = server.cli("admin", "create-partner-client", "--client-id", client_id, "--name", client_id, "--webhook-url", url)
    secret = webhook = None
    for line in out.splitlines():
        for token in line.split():
            if token.startswith("client_secret="):
                secret = token.split("=", 1)[1]
            if token.startswith("webhook_secret="):
                webhook = token.split("=", 1)[1]
    assert secret and webhook, f"create-partner-client printed no secrets: {out}"
    return secret, webhook
