import http.server
import json
import socket
import threading

import pytest
import requests

from platforms.http import TimeoutSession, json_body, may_have_arrived


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_refused_connection_proves_nothing_arrived():
    with pytest.raises(requests.ConnectionError) as caught:
        requests.post(f"http://127.0.0.1:{_closed_port()}/2/tweets", timeout=5)
    assert may_have_arrived(caught.value) is False


def test_a_refused_proxy_connection_proves_nothing_arrived():
    proxy = f"http://127.0.0.1:{_closed_port()}"
    with pytest.raises(requests.exceptions.ProxyError) as caught:
        requests.post("http://api.example.test/2/tweets", proxies={"http": proxy}, timeout=5)
    assert may_have_arrived(caught.value) is False


def test_a_read_timeout_may_have_arrived():
    assert may_have_arrived(requests.ReadTimeout("read timed out")) is True


def test_a_body_that_is_not_a_json_object_reads_as_empty():
    response = requests.Response()
    response._content = b"<html>Bad gateway</html>"
    assert json_body(response) == {}
    response._content = b"[1, 2]"
    assert json_body(response) == {}
    response._content = b'{"title": "Too Many Requests"}'
    assert json_body(response) == {"title": "Too Many Requests"}


def _environment_for(url: str) -> dict:
    return TimeoutSession(5).merge_environment_settings(url, {}, None, None, None)


def test_a_proxy_set_in_the_environment_is_used_and_a_change_to_it_is_seen(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "localhost")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy-one.example:3128")
    assert _environment_for("https://api.x.com/2/tweets")["proxies"]["https"] == "http://proxy-one.example:3128"
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy-two.example:3128")
    assert _environment_for("https://api.x.com/2/tweets")["proxies"]["https"] == "http://proxy-two.example:3128"
    assert "https" not in _environment_for("https://localhost/2/tweets")["proxies"]


def test_a_ca_bundle_set_in_the_environment_is_used(monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/clinic-proxy.pem")
    assert _environment_for("https://graph.facebook.com/")["verify"] == "/etc/ssl/clinic-proxy.pem"
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    assert _environment_for("https://graph.facebook.com/")["verify"] is True


def test_a_refused_proxy_from_the_environment_proves_nothing_arrived(monkeypatch):
    monkeypatch.delenv("http_proxy", raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{_closed_port()}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with pytest.raises(requests.exceptions.ProxyError) as caught:
        TimeoutSession(5).post("http://api.example.test/2/tweets")
    assert may_have_arrived(caught.value) is False


class _EchoHandler(http.server.BaseHTTPRequestHandler):
    """Answers every request with the headers it received, as JSON, and sets a cookie."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps(
            {
                "authorization": self.headers.get("Authorization"),
                "cookie": self.headers.get("Cookie"),
                "path": self.path,
                "user_agent": self.headers.get("User-Agent"),
                "accept_encoding": self.headers.get("Accept-Encoding"),
            }
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Set-Cookie", "visit=1; Path=/")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def echo_url():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _EchoHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/2/tweets"
    server.shutdown()
    server.server_close()


def test_a_password_in_netrc_never_replaces_the_token_a_request_carries(echo_url, tmp_path, monkeypatch):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login clinic password secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    session = TimeoutSession(5)
    answer = session.post(echo_url, json={"text": "hello"}, headers={"Authorization": "Bearer the-token"})
    assert answer.json()["authorization"] == "Bearer the-token"
    # Without a token of its own, a request gets the netrc login, as requests gives it.
    fresh = TimeoutSession(5)  # the first session holds the answer's cookie now: another path
    assert fresh.post(echo_url, json={"text": "hello"}).json()["authorization"].startswith("Basic ")


def test_a_cookie_a_network_sets_goes_back_with_the_next_request(echo_url):
    session = TimeoutSession(5)
    assert session.post(echo_url, json={}).json()["cookie"] is None
    assert session.post(echo_url, json={}).json()["cookie"] == "visit=1"


def test_the_request_s_headers_and_parameters_are_merged_with_the_session_s_as_requests_merges_them(echo_url):
    session = TimeoutSession(5)
    session.headers["User-Agent"] = "PhysSocial"
    session.params = {"from_session": "1"}

    answer = session.post(
        echo_url, json={}, params={"expansions": "author_id"}, headers={"Accept-Encoding": None, "X-Extra": "2"}
    ).json()

    assert answer["user_agent"] == "PhysSocial"  # the session's, kept
    assert answer["accept_encoding"] in (None, "identity")  # set to None by the request: left out
    assert answer["path"] == "/2/tweets?from_session=1&expansions=author_id"
    assert TimeoutSession(5).post(echo_url, json={}).json()["path"] == "/2/tweets"  # no query string at all
