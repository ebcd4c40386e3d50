"""The client's address, for lock-outs and rate limits: REMOTE_ADDR, or X-Forwarded-For's entry our proxies wrote.

Run through manage.py, so TRUSTED_PROXY_COUNT goes through settings.py exactly as in production.
"""

import ast

from tests.physsocial.test_configuration import run_manage

PROXY = "10.0.0.2"
CLIENT = "203.0.113.10"


def client_addresses(*forwarded_for: str | None, **env: str) -> list[str]:
    """What ``client_address`` answers for requests from PROXY carrying each X-Forwarded-For (None: no header)."""
    requests = [{"REMOTE_ADDR": PROXY} | ({"HTTP_X_FORWARDED_FOR": f} if f is not None else {}) for f in forwarded_for]
    code = (
        "from django.test import RequestFactory; from accounts.throttling import client_address; "
        f"print([client_address(RequestFactory().get('/', **meta)) for meta in {requests!r}])"
    )
    result = run_manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def test_without_a_trusted_proxy_a_forwarded_for_header_is_ignored():
    assert client_addresses(CLIENT, f"192.0.2.1, {CLIENT}") == [PROXY, PROXY]


def test_behind_a_trusted_proxy_the_entry_it_wrote_is_the_client():
    # Entries before the one our proxy wrote are the client's word: forged, or its office proxy's.
    addresses = client_addresses(CLIENT, f"192.0.2.1, {CLIENT}", None, TRUSTED_PROXY_COUNT="1")

    assert addresses == [CLIENT, CLIENT, PROXY]


def test_behind_two_trusted_proxies_the_entry_the_outer_one_wrote_is_the_client():
    assert client_addresses(f"192.0.2.1, {CLIENT}, 10.0.0.1", TRUSTED_PROXY_COUNT="2") == [CLIENT]
