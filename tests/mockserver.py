"""A loopback web server that plays any number of sites, for end-to-end tests.

Run as ``python tests/mockserver.py ROUTES.json [--log FILE]``; it prints its base URL on
stdout and serves until killed. It is also an HTTP proxy (absolute-URI requests and CONNECT
tunnels with a throwaway self-signed certificate), so spiders fetch their real
``https://fakta.com/...`` URLs through ``http_proxy``/``https_proxy`` and every byte still
stays on 127.0.0.1.

ROUTES.json maps ``host/path[?query]`` to ``{"file": PATH | "body": TEXT, "status": 200,
"headers": {...}, "delay": SECONDS, "hold": PATH, "reset": true}`` (``hold``: answer once
PATH exists, so a test decides when a page arrives), or to ``{"sequence": [route, ...]}`` for a
different answer on each request (the last one repeats). A missing route is a 404.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import socket
import ssl
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


def _self_signed(directory: Path) -> tuple[str, str]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "warta-test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=7))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)


def _wait_for(gate: Path, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not gate.exists() and time.monotonic() < deadline:
        time.sleep(0.05)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: dict = {}
    log_path: str | None = None
    tls: ssl.SSLContext | None = None
    lock = threading.Lock()
    counts: dict[str, int] = {}
    tunnel_host: str | None = None

    def log_message(self, *args) -> None:  # quiet
        pass

    def _record(self, url: str, status: int) -> None:
        if self.log_path:
            with self.lock, open(self.log_path, "a", encoding="utf-8") as log:
                log.write(f"{status} {url}\n")

    def do_CONNECT(self) -> None:
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        conn = self.tls.wrap_socket(self.connection, server_side=True)
        self.connection = conn
        self.rfile = conn.makefile("rb")
        self.wfile = conn.makefile("wb")
        self.tunnel_host = self.path.split(":")[0]
        self.close_connection = False
        try:
            while not self.close_connection:
                self.handle_one_request()
        except (OSError, ssl.SSLError):
            pass
        self.close_connection = True

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        if self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            host, scheme = parts.hostname or "", parts.scheme
        else:
            parts = urlsplit(self.path)
            host = self.tunnel_host or (self.headers.get("Host") or "").split(":")[0]
            scheme = "https" if self.tunnel_host else "http"
        key = host + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        route = self.routes.get(key)
        if route is not None and "sequence" in route:  # a different answer on each request
            with self.lock:
                served = self.counts[key] = self.counts.get(key, 0) + 1
            steps = route["sequence"]
            route = steps[min(served, len(steps)) - 1]
        url = f"{scheme}://{key}"
        if route is None:
            body, status, headers = b"not found", 404, {"Content-Type": "text/plain"}
        else:
            if route.get("hold"):
                _wait_for(Path(route["hold"]))
            if route.get("delay"):
                time.sleep(float(route["delay"]))
            if route.get("reset"):
                self._record(url, 0)
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                )
                self.connection.close()
                self.close_connection = True
                return
            body = Path(route["file"]).read_bytes() if "file" in route else route.get("body", "").encode()
            status = int(route.get("status", 200))
            headers = {"Content-Type": "text/html; charset=utf-8", **route.get("headers", {})}
        self._record(url, status)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self.wfile.flush()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("routes")
    parser.add_argument("--log")
    args = parser.parse_args()
    Handler.routes = json.loads(Path(args.routes).read_text("utf-8"))
    Handler.log_path = args.log
    with tempfile.TemporaryDirectory() as tmp:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*_self_signed(Path(tmp)))
        Handler.tls = context
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
