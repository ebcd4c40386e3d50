"""The sandbox in a real Chromium: account pictures and "View on X" come from the simulator,
so pages load without the internet and a published post opens on the simulator's timeline.

Playwright drives Debian's Chromium against pytest-django's live server. Skipped when
Playwright or Chromium is not installed.
"""

import pytest
from django.utils import timezone

from accounts import connections
from posts.models import Post, PostTarget, TargetState
from scheduler import services
from simulator.networks import twitter as x_sim
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST


@pytest.fixture
def published(networks_at_simulator, simulator, org, alice):
    """A post published to a sandbox X account, with X's website set to the simulator, as `make run` does."""
    networks_at_simulator.PLATFORMS["twitter"]["www_url"] = f"{simulator.base_url}/twitter"
    user = x_sim.new_account(simulator, username="dr_ada", name="Dr. Ada")
    account = connections.connect_with_tokens(
        organization=org,
        network="twitter",
        access_token=user["access_token"],
        refresh_token=user["refresh_token"],
        by=alice,
    )
    post = Post.objects.create(organization=org, author=alice, text="Flu shots this Saturday")
    now = timezone.now()
    target = PostTarget.objects.create(
        post=post, account=account, state=TargetState.SCHEDULED, scheduled_at=now, due_at=now
    )
    services.publish_target(target.pk)
    target.refresh_from_db()
    return target


@pytest.fixture
def page(live_server, alice, org):
    with signed_in_page(live_server, alice, org) as page:
        page.console_errors = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        yield page


def test_account_pictures_load_from_the_simulator(page, published, simulator):
    page.goto("/accounts/")

    picture = page.locator("img.avatar").first
    picture.wait_for()
    page.wait_for_function("() => document.querySelector('img.avatar').complete")
    assert picture.get_attribute("src").startswith(f"{simulator.base_url}/_sim/avatars/twitter/")
    assert page.evaluate("() => document.querySelector('img.avatar').naturalWidth") > 0
    assert page.console_errors == []


def test_view_on_x_opens_the_post_on_the_simulators_timeline(page, published, simulator):
    page.goto("/posts/")

    link = page.locator("a", has_text="View on X")
    assert link.get_attribute("href") == f"{simulator.base_url}/twitter/dr_ada/status/{published.external_id}"
    page.goto(link.get_attribute("href"))

    post = page.locator(f"#post-{published.external_id}")
    assert "Flu shots this Saturday" in post.text_content()
    assert page.url.startswith(f"{simulator.base_url}/_sim/timeline/twitter")
    assert page.console_errors == []
