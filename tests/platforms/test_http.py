import socket

import pytest
import requests

from platforms.http import json_body, may_have_arrived


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
