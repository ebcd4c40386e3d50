"""Every page is sent with our Content-Security-Policy: no inline script or style, nothing from elsewhere.

The browser test (tests/browser/test_csp_browser.py) shows the pages still work under it;
this one needs no browser, so SQLite runs catch a page that lost its header or a loosened policy.
"""

import dataclasses

import pytest
from django.test import Client

from accounts import connections
from platforms import NETWORKS
from tests.conftest import simulator_config
from tests.fixtures import signed_in_client
from tests.pages import NOT_PAGE_PREFIXES, NOT_PAGES, PAGES, POST_ONLY, build_world, page_path, url_names
from tests.physsocial.test_configuration import run_manage

EXPECTED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data: https:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, *rest in parts for value in [rest[0] if rest else ""]}


@pytest.fixture
def world(settings, tmp_path, alice, org):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    return build_world(owner=alice, organization=org)


@pytest.fixture
def clients(world, alice, org):
    alice.is_staff = alice.is_superuser = True
    alice.save(update_fields=["is_staff", "is_superuser"])
    member = signed_in_client(Client(), alice, org)
    return {"member": member, "staff": member, "anonymous": Client()}


def test_every_url_name_is_a_page_checked_here_or_says_why_not():
    unaccounted = {
        name
        for name in url_names()
        if name not in PAGES
        and name not in NOT_PAGES
        and name not in POST_ONLY
        and not name.startswith(NOT_PAGE_PREFIXES)
    }
    assert unaccounted == set()


def test_every_page_is_sent_with_the_strict_policy(world, clients):
    statuses, policies = {}, {}
    for name, page in PAGES.items():
        response = clients[page.who].get(page_path(name, world), follow=True)
        statuses[name] = response.status_code
        found = directives(response.get("Content-Security-Policy", ""))
        policies[name] = {key: found.get(key) for key in EXPECTED}

    assert {name: status for name, status in statuses.items() if status != 200} == {}
    assert {name: policy for name, policy in policies.items() if policy != EXPECTED} == {}


def test_the_api_answers_a_browser_in_json_not_with_pages_that_need_inline_styles(alice_client):
    response = alice_client.get("/api/v1/posts/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"


def test_the_policy_allows_no_inline_script_style_or_eval(client):
    header = client.get("/login/")["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "unsafe-hashes" not in header


def test_connect_may_send_the_browser_on_to_the_configured_networks_consent_pages(settings, client, simulator):
    settings.PLATFORMS = {n: dataclasses.asdict(simulator_config(simulator.base_url, n)) for n in NETWORKS}

    form_action = directives(client.get("/login/")["Content-Security-Policy"])["form-action"]

    assert form_action == f"'self' {simulator.base_url}"
    assert connections.consent_origins() == [simulator.base_url]


def test_account_pictures_may_come_from_the_simulator_when_the_networks_are_pointed_at_it(settings, client, simulator):
    settings.PLATFORMS = {n: dataclasses.asdict(simulator_config(simulator.base_url, n)) for n in NETWORKS}

    img_src = directives(client.get("/login/")["Content-Security-Policy"])["img-src"]

    assert img_src == f"'self' data: https: {simulator.base_url}"


def test_the_real_networks_need_no_picture_host_beyond_https(settings, client):
    settings.PLATFORMS = {
        network: {**values, "client_id": "id", "client_secret": "secret"}
        for network, values in settings.PLATFORMS.items()
    }

    assert directives(client.get("/login/")["Content-Security-Policy"])["img-src"] == EXPECTED["img-src"]


def test_without_configured_networks_forms_may_only_post_here(settings, client):
    for network in settings.PLATFORMS:
        settings.PLATFORMS[network] = {**settings.PLATFORMS[network], "client_id": ""}

    assert directives(client.get("/login/")["Content-Security-Policy"])["form-action"] == "'self'"


def test_the_real_networks_consent_pages_are_allowed_once_configured(settings, client):
    settings.PLATFORMS = {
        network: {**values, "client_id": "id", "client_secret": "secret"}
        for network, values in settings.PLATFORMS.items()
    }

    form_action = directives(client.get("/login/")["Content-Security-Policy"])["form-action"].split()

    assert form_action == [
        "'self'",
        "https://accounts.google.com",
        "https://www.facebook.com",
        "https://www.linkedin.com",
        "https://x.com",
    ]


def test_report_only_mode_reports_without_blocking():
    # A subprocess: the policy is read from the environment when settings load.
    show_headers = (
        "from django.test import Client; response = Client().get('/login/'); "
        "print(response.get('Content-Security-Policy')); print(response['Content-Security-Policy-Report-Only'])"
    )
    result = run_manage(
        "shell", "-c", show_headers, CSP_REPORT_ONLY="true", CSP_REPORT_URI="https://csp.example.org/report"
    )

    assert result.returncode == 0, result.stderr
    enforced, reported = result.stdout.strip().splitlines()[-2:]
    assert enforced == "None"
    assert directives(reported)["script-src"] == "'self'"
    assert directives(reported)["report-uri"] == "https://csp.example.org/report"
