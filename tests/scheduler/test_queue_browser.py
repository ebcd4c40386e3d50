"""The Queue page in a real Chromium: drag a post to a new place, and move one with a button, without reloading.

Playwright drives Debian's Chromium against pytest-django's live server. Skipped when
Playwright or Chromium is not installed.
"""

from datetime import time

import pytest

from accounts.models import ConnectedAccount
from posts.models import Post, PostTarget, TargetState
from scheduler.schedules import add_to_queue, create_schedule
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST

# Until physsocial/urls.py mounts the Queue pages, route through this module.


@pytest.fixture
def account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="42", display_name="Dr. Adams on X"
    )


@pytest.fixture
def queued(org, alice, bob, account):
    create_schedule(organization=org, slots=[(d, at) for d in range(7) for at in (time(8, 30), time(12, 15))], by=alice)
    targets = []
    for n in (1, 2, 3):
        post = Post.objects.create(organization=org, author=bob, text=f"Queued post number {n}")
        target = PostTarget.objects.create(post=post, account=account)
        add_to_queue(target, by=bob)
        targets.append(target.pk)
    return targets


@pytest.fixture
def page(live_server, bob, org):
    with signed_in_page(live_server, bob, org) as page:
        yield page


def order(account):
    rows = PostTarget.objects.filter(account=account, is_queued=True, state=TargetState.SCHEDULED)
    return list(rows.order_by("scheduled_at").values_list("pk", flat=True))


def shown_order(page):
    return [int(v) for v in page.eval_on_selector_all("#queue input[name=target]", "els => els.map(e => e.value)")]


def test_an_editor_drags_the_last_post_to_the_top(page, queued, account):
    first, second, third = queued
    page.goto(f"/queue/{account.pk}/")
    page.wait_for_function("() => window.Sortable && document.querySelector('[data-sortable-ready]')")
    handle = page.locator(f"li:has(input[name=target][value='{third}']) .queue-handle")
    top = page.locator(f"li:has(input[name=target][value='{first}'])")
    handle.drag_to(top, target_position={"x": 40, "y": 4})  # onto the top edge of the first post
    page.wait_for_selector("text=The new order is saved.")
    assert order(account) == [third, first, second]
    assert shown_order(page) == [third, first, second]


def test_move_up_updates_the_list_in_place(page, queued, account):
    first, second, third = queued
    page.goto(f"/queue/{account.pk}/")
    url = page.url
    page.click(f"li:has(input[name=target][value='{second}']) button:has-text('Move up')")
    page.wait_for_selector("text=Moved up.")
    assert page.url == url
    assert order(account) == [second, first, third]
    assert shown_order(page) == [second, first, third]
    # The list that came back is draggable too.
    page.wait_for_function("() => document.querySelector('#queue [data-sortable-ready]')")
