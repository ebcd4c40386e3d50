from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import pytest


def _serve(handler: type[BaseHTTPRequestHandler]):
    """Run ``handler`` on a free local port for one test; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def captive_portal():
    """A proxy that answers every request with 200 and its own HTML page, as hotel Wi-Fi does."""

    class Portal(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's naming
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b"<html><body>Welcome! Accept the terms to browse.</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    yield from _serve(Portal)


@pytest.fixture
def broken_answers():
    """A server whose answers break off in the middle of a chunked body."""

    class Broken(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 - http.server's naming
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b'20\r\n{"items": [')  # promises 32 bytes, sends 11, then a bad chunk size
            self.wfile.write(b"\r\nzz\r\n")
            self.wfile.flush()
            self.close_connection = True

        def log_message(self, *args):
            pass

    yield from _serve(Broken)


@pytest.fixture
def empty_answers():
    """A server that accepts every POST with 200 and an empty JSON object, naming nothing."""

    class Empty(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's naming
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    yield from _serve(Empty)
