"""Every page still works in a real Chromium under our Content-Security-Policy.

tests/browser_support.py fails any browser test whose pages violate the policy (an init
script, which the policy does not cover, listens for ``securitypolicyviolation``). Here we
visit every page of tests/pages.py as the person it is for, with no script error, console
error or failed request either, and use the parts that need JavaScript: the composer's
live count and preview, the queue's drag handle, and the Connect button, whose answer
redirects to the network (which form-action must allow).
"""

import base64
import dataclasses

import pytest

from accounts.models import ConnectedAccount
from platforms import NETWORKS
from tests.browser_support import BROWSER_TEST, browser_page, signed_in_page
from tests.conftest import simulator_config
from tests.pages import PAGES, build_world, page_path

pytestmark = BROWSER_TEST

# The smallest PNG: what the avatar's CDN answers, since these machines are offline.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


@pytest.fixture
def world(settings, tmp_path, alice, org):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    alice.is_staff = alice.is_superuser = True
    alice.save(update_fields=["is_staff", "is_superuser"])
    return build_world(owner=alice, organization=org)


def watch(page) -> list[str]:
    """Everything that went wrong on the page besides policy violations: script errors, errors, failed loads."""
    problems: list[str] = []
    # Swagger UI's bundle is 1.5 MB, slow to serve from the test server on a busy machine.
    page.set_default_navigation_timeout(60_000)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
    # Avatars on the networks' CDNs (AVATAR_URL, the simulator's), offline here: Chromium
    # checks the policy before a request reaches this route.
    page.route("https://**/*", lambda route: route.fulfill(status=200, content_type="image/png", body=PIXEL))
    return problems


def visit_all(page, world, who: str) -> dict[str, list[str]]:
    problems = watch(page)
    found = {}
    for name, spec in PAGES.items():
        if spec.who != who:
            continue
        problems.clear()
        page.csp_violations.clear()
        response = page.goto(page_path(name, world))
        page.wait_for_load_state("networkidle")
        seen = list(page.csp_violations) + list(problems)
        if response.status != 200:
            seen.append(f"status {response.status}")
        found[name] = seen
        page.csp_violations.clear()
    return {name: seen for name, seen in found.items() if seen}


def test_every_member_and_staff_page_works_under_the_policy(world, live_server, alice, org):
    with signed_in_page(live_server, alice, org) as page:
        assert visit_all(page, world, "member") == {}
        assert visit_all(page, world, "staff") == {}


def test_every_public_page_works_under_the_policy(world, live_server):
    with browser_page(live_server) as page:
        assert visit_all(page, world, "anonymous") == {}


def test_the_api_docs_load_the_schema_under_the_policy(world, live_server, alice, org):
    with signed_in_page(live_server, alice, org) as page:
        problems = watch(page)
        page.goto("/api/docs/")
        # Swagger UI's start-up script is a file of its own; it fetched and drew the schema.
        page.wait_for_selector("text=PhysSocial API")
        page.wait_for_selector(".opblock-tag")
        assert problems == []


def test_the_composer_counts_and_checks_as_you_type(world, live_server, alice, org):
    account = world.account
    with signed_in_page(live_server, alice, org) as page:
        problems = watch(page)
        page.goto("/compose/")
        page.check(f'input[name="accounts"][value="{account.pk}"]')
        page.fill("#text", "Flu shots are in")
        counter = f'output[data-counter="text"][data-account="{account.pk}"]'
        # composer.js counts at once, in the browser ...
        page.wait_for_function(
            f"() => document.querySelector('{counter}')?.dataset.source === 'browser'"
            f" && document.querySelector('{counter}').textContent.trim() === '16'"
        )
        # ... and htmx brings the server's check of the same text.
        page.wait_for_function(
            f"() => document.querySelector('{counter}')?.dataset.source === 'server'"
            f" && document.querySelector('{counter}').textContent.trim() === '16'"
        )
        assert "Flu shots are in" in page.text_content(f"#check-{account.pk} .preview")
        assert problems == []


def test_the_queue_is_draggable_under_the_policy(world, live_server, alice, org):
    with signed_in_page(live_server, alice, org) as page:
        problems = watch(page)
        page.goto(f"/queue/{world.account.pk}/")
        page.wait_for_function("() => window.Sortable && document.querySelector('[data-sortable-ready]')")
        assert page.locator(".queue-handle").count() == 1
        assert problems == []


@pytest.fixture
def networks(settings, simulator, live_server):
    """Every network pointed at the simulator, which sends the browser back to the live server."""
    settings.PUBLIC_BASE_URL = live_server.url
    settings.PLATFORMS = {n: dataclasses.asdict(simulator_config(simulator.base_url, n)) for n in NETWORKS}
    return settings


@pytest.mark.parametrize("network", ["twitter", "facebook"])
def test_connect_goes_to_the_network_and_back_under_the_policy(networks, world, live_server, alice, org, network):
    before = ConnectedAccount.objects.filter(network=network).count()
    with signed_in_page(live_server, alice, org) as page:
        problems = watch(page)
        page.goto("/accounts/")
        # A form whose answer redirects to the network: form-action must allow the consent page.
        page.click(f"#connect-{network} button[type=submit]")
        if network == "facebook":
            # Facebook Login manages several pages: pick one, on our page.
            page.wait_for_url("**/accounts/facebook/choose/**")  # Facebook adds "#_=_"
            page.locator("input[name=accounts]").first.check()
            page.click("button:has-text('Connect the chosen accounts')")
        page.wait_for_selector(".message-success")
        assert page.url.split("#")[0] == f"{live_server.url}/accounts/"
        assert problems == []
    assert ConnectedAccount.objects.filter(network=network).count() > before


def test_a_page_with_an_inline_script_would_fail_these_tests(world, live_server):
    """The check itself: an inline script on a page of ours is refused and reported."""
    with pytest.raises(AssertionError, match="script-src-elem refused inline on"):
        with browser_page(live_server) as page:
            page.goto("/login/")
            page.evaluate(
                "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
                " document.body.append(s); }"
            )
            page.wait_for_timeout(200)
            assert page.evaluate("() => window.ran") is None
