"""Reviewing from the Calendar page in a real Chromium: an item in review opens a dialog with its
details and the reviewer's three answers; every other item still opens the post."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from posts.models import TargetState
from tests.browser_support import BROWSER_TEST, signed_in_page
from tests.calendar.browsing import next_monday, settled
from tests.calendar.conftest import TORONTO, place

pytestmark = BROWSER_TEST

WIDE = {"width": 1400, "height": 1000}


@pytest.fixture
def contributor(member):
    user = member(Role.CONTRIBUTOR)
    user.display_name = "Casey Contributor"
    user.save(update_fields=["display_name"])
    return user


def open_item(page, text: str):
    settled(page)
    item = page.locator(".calendar-item", has_text=text).first
    item.scroll_into_view_if_needed()
    item.click()
    return item


def test_a_reviewer_approves_a_post_from_the_calendar_for_the_time_asked(
    live_server, alice, org, x_account, contributor
):
    monday = next_monday()
    asked = datetime.combine(monday, time(10, 0), TORONTO)
    target = place(x_account, at=asked, author=contributor, state=TargetState.IN_REVIEW, text="Flu clinic Monday.")
    with signed_in_page(live_server, alice, org, viewport=WIDE) as page:
        page.goto(f"/calendar/?date={monday.isoformat()}")
        item = open_item(page, "Flu clinic")

        dialog = page.get_by_role("dialog", name="Waiting for your review")
        dialog.wait_for()
        assert item.get_attribute("aria-haspopup") == "dialog"
        assert "X · Clinic on X · In review: Flu clinic Monday." in dialog.inner_text()
        assert "Casey Contributor asks for" in dialog.inner_text() and "10:00" in dialog.inner_text()
        assert dialog.get_by_role("link", name="Open the post").get_attribute("href") == f"/targets/{target.pk}/"
        assert dialog.get_by_label("Another time (optional)").is_visible()

        dialog.get_by_role("button", name="Approve").click()

        page.locator(".messages", has_text="Approved: the post is scheduled.").wait_for()
        assert f"date={monday.isoformat()}" in page.url  # back on the same week
        page.locator(".calendar-item.state-scheduled", has_text="Flu clinic").wait_for()
    target.refresh_from_db()
    assert (target.state, target.scheduled_at, target.due_at) == (TargetState.SCHEDULED, asked, asked)


def test_a_reviewer_sends_a_post_back_from_the_calendar_with_a_comment(live_server, alice, org, x_account, contributor):
    monday = next_monday()
    target = place(
        x_account,
        at=datetime.combine(monday, time(11, 0), TORONTO),
        author=contributor,
        state=TargetState.IN_REVIEW,
        text="Flu clinic Monday.",
    )
    with signed_in_page(live_server, alice, org, viewport=WIDE) as page:
        page.goto(f"/calendar/?date={monday.isoformat()}")
        open_item(page, "Flu clinic")
        dialog = page.get_by_role("dialog", name="Waiting for your review")
        dialog.get_by_text("Request changes").click()
        dialog.get_by_label("What should change").fill("Add the clinic's opening hours.")
        dialog.get_by_role("button", name="Send back to the author").click()

        page.locator(".messages", has_text="Sent back to its author as a draft").wait_for()
    target.refresh_from_db()
    assert target.state == TargetState.DRAFT


def test_a_time_that_has_passed_must_be_replaced_in_the_dialog(live_server, alice, org, x_account, contributor):
    asked = (timezone.now() - timedelta(hours=3)).astimezone(TORONTO).replace(second=0, microsecond=0)
    target = place(x_account, at=asked, author=contributor, state=TargetState.IN_REVIEW, text="Flu clinic today.")
    new_time = (
        (timezone.now() + timedelta(days=2)).astimezone(TORONTO).replace(hour=9, minute=30, second=0, microsecond=0)
    )
    with signed_in_page(live_server, alice, org, viewport=WIDE) as page:
        page.goto(f"/calendar/?date={asked.date().isoformat()}")
        page.get_by_role("tab", name="Day view").click()
        open_item(page, "Flu clinic")
        dialog = page.get_by_role("dialog", name="Waiting for your review")

        field = dialog.get_by_label("The time asked for has passed: pick a new time")
        assert field.evaluate("input => input.required") is True
        field.fill(f"{new_time:%Y-%m-%dT%H:%M}")
        dialog.get_by_role("button", name="Approve").click()

        page.locator(".messages", has_text="Approved: the post is scheduled.").wait_for()
    target.refresh_from_db()
    assert (target.state, target.scheduled_at) == (TargetState.SCHEDULED, new_time)


def test_other_items_open_the_post_and_a_contributor_gets_no_dialog(live_server, alice, org, x_account, contributor):
    monday = next_monday()
    scheduled = place(x_account, at=datetime.combine(monday, time(9, 0), TORONTO), author=alice, text="Scheduled one.")
    waiting = place(
        x_account,
        at=datetime.combine(monday, time(13, 0), TORONTO),
        author=contributor,
        state=TargetState.IN_REVIEW,
        text="Waiting one.",
    )
    with signed_in_page(live_server, alice, org, viewport=WIDE) as page:
        page.goto(f"/calendar/?date={monday.isoformat()}")
        open_item(page, "Scheduled one")
        page.wait_for_url(f"**/targets/{scheduled.pk}/")
    with signed_in_page(live_server, contributor, org, viewport=WIDE) as page:
        page.goto(f"/calendar/?date={monday.isoformat()}")
        assert page.locator("#review-dialog").count() == 0
        open_item(page, "Waiting one")
        page.wait_for_url(f"**/targets/{waiting.pk}/")
