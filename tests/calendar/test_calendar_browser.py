"""The Calendar page in a real Chromium under our Content-Security-Policy: it shows the posts, and
dragging one in the week view moves it (tests/browser_support.py fails on any policy violation)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from posts.models import TargetState
from tests.browser_support import BROWSER_TEST, signed_in_page
from tests.calendar.browsing import drag, next_monday, settled
from tests.calendar.conftest import TORONTO, place

pytestmark = BROWSER_TEST


def test_dragging_a_post_in_the_week_view_moves_it_a_day_later(live_server, alice, org, x_account):
    monday = next_monday()
    target = place(x_account, at=datetime.combine(monday, time(10, 0), TORONTO), author=alice)
    with signed_in_page(live_server, alice, org, viewport={"width": 1400, "height": 1000}) as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"/calendar/?date={monday.isoformat()}")
        item = page.locator(".calendar-item", has_text="Flu shots").first
        item.wait_for()
        assert "Clinic on X" in item.inner_text()
        assert "Scheduled" in item.inner_text()

        tuesday = (monday + timedelta(days=1)).isoformat()
        settled(page)
        item.scroll_into_view_if_needed()  # the mouse works in the viewport: a taller menu pushes 10:00 below it
        start = item.bounding_box()
        column = page.locator(f'[role="gridcell"][data-date="{tuesday}"]')
        column_box = column.first.bounding_box()
        page.mouse.move(start["x"] + start["width"] / 2, start["y"] + 4)
        page.mouse.down()
        page.mouse.move(start["x"] + start["width"] / 2 + 20, start["y"] + 10, steps=5)
        page.mouse.move(column_box["x"] + column_box["width"] / 2, start["y"] + 4, steps=15)
        page.mouse.up()
        page.locator("#calendar-status", has_text="moved to").wait_for()

        assert errors == []
    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED
    assert target.scheduled_at == datetime.combine(monday + timedelta(days=1), time(10, 0), TORONTO)
    assert target.due_at == target.scheduled_at


def test_dragging_a_queued_post_across_daylight_saving_in_the_month_view_keeps_its_time(
    live_server, alice, org, x_account
):
    # Wednesday, March 10, 2027, 10:00 EST; the clocks go forward on Sunday the 14th.
    target = place(x_account, at=datetime(2027, 3, 10, 10, 0, tzinfo=TORONTO), author=alice, is_queued=True)
    with signed_in_page(live_server, alice, org, viewport={"width": 1400, "height": 1800}) as page:
        page.goto("/calendar/?date=2027-03-10")
        page.get_by_role("tab", name="Month view").click()
        cell = page.locator('[role="gridcell"][data-date="2027-03-15"]').first
        cell.wait_for()  # the week view has no March 15: the month view is drawn
        item = page.locator(".calendar-item", has_text="Flu shots").first
        item.wait_for()

        drag(page, item, cell)

        status = page.locator("#calendar-status", has_text="moved to")
        status.wait_for()
        assert "It left the queue and now goes out at this fixed time." in status.inner_text()
    target.refresh_from_db()
    assert target.scheduled_at == datetime(2027, 3, 15, 10, 0, tzinfo=TORONTO)  # 10:00 EDT, 14:00 UTC
    assert target.is_queued is False


def test_clicking_a_free_slot_opens_the_composer_at_the_slots_time(live_server, alice, org, x_account):
    from scheduler.schedules import create_schedule

    create_schedule(organization=org, slots=[(0, time(8, 45))], by=alice)  # Mondays at 08:45
    monday = next_monday()
    with signed_in_page(live_server, alice, org, viewport={"width": 1400, "height": 1000}) as page:
        page.goto(f"/calendar/?date={monday.isoformat()}")
        slot = page.locator(".free-slot").first
        slot.wait_for()
        settled(page)
        slot.scroll_into_view_if_needed()  # the mouse works in the viewport: the bars above push 08:45 down
        box = slot.bounding_box()
        # Near the bottom of the slot: the composer must still open at 08:45, not at the half hour clicked.
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 3)
        page.wait_for_url("**/compose/**")

        assert page.locator("#scheduled_local").input_value() == f"{monday.isoformat()}T08:45"


def test_the_zone_toggle_shows_the_same_post_at_the_users_own_time(live_server, alice, org, x_account):
    alice.time_zone = "Europe/Paris"
    alice.save(update_fields=["time_zone"])
    monday = next_monday()
    place(x_account, at=datetime.combine(monday, time(10, 0), TORONTO), author=alice)
    with signed_in_page(live_server, alice, org, viewport={"width": 1400, "height": 1000}) as page:
        page.goto(f"/calendar/?date={monday.isoformat()}")
        item = page.locator(".calendar-item", has_text="Flu shots").first
        item.wait_for()
        assert "10:00" in item.inner_text()

        page.get_by_label("Mine (Europe/Paris)").check()

        page.locator(".calendar-item", has_text="16:00").wait_for()
