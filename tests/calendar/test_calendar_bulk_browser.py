"""The calendar's "Select several" mode in a real Chromium under our Content-Security-Policy:
two items selected by click (pressed, checked, counted), rescheduled by a day through the Bulk
page's confirmation, and shown a day later when the calendar comes back."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from tests.browser_support import BROWSER_TEST, signed_in_page
from tests.calendar.browsing import next_monday, settled
from tests.calendar.conftest import TORONTO, place

pytestmark = BROWSER_TEST


def test_two_items_selected_on_the_calendar_move_a_day_later_after_the_confirmation(live_server, alice, org, x_account):
    monday = next_monday()
    flu = place(x_account, at=datetime.combine(monday, time(10, 0), TORONTO), author=alice, text="Flu shots")
    hours = place(
        x_account, at=datetime.combine(monday + timedelta(days=1), time(11, 0), TORONTO), author=alice, text="New hours"
    )
    with signed_in_page(live_server, alice, org, viewport={"width": 1400, "height": 1000}) as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"/calendar/?date={monday.isoformat()}")
        page.locator(".calendar-item", has_text="Flu shots").first.wait_for()
        settled(page)

        page.get_by_role("button", name="Select several").click()
        assert page.get_by_role("button", name="Select several").get_attribute("aria-pressed") == "true"
        page.locator(".calendar-item", has_text="Flu shots").first.click()
        # The keyboard selects too: Enter on the focused item.
        page.locator(".calendar-item", has_text="New hours").first.focus()
        page.keyboard.press("Enter")

        page.locator("#calendar-selected", has_text="2 posts selected.").wait_for()
        pressed = page.get_by_role("button", name="Flu shots", pressed=True)
        assert pressed.count() == 1
        assert page.locator(".calendar-item.is-selected").count() == 2
        assert page.url.endswith(f"/calendar/?date={monday.isoformat()}")  # nothing opened

        page.locator("#calendar-bulk-form").get_by_role("button", name="Continue").click()
        assert "this changes 2 posts." in page.locator("#bulk-count").inner_text()
        page.get_by_role("button", name="Yes, do it").click()

        page.locator(".messages", has_text="2 posts changed.").wait_for()
        assert "/calendar/" in page.url
        settled(page)
        tuesday, wednesday = (monday + timedelta(days=n) for n in (1, 2))
        page.locator(f'[data-date="{tuesday.isoformat()}"] .calendar-item', has_text="Flu shots").wait_for()
        page.locator(f'[data-date="{wednesday.isoformat()}"] .calendar-item', has_text="New hours").wait_for()
        assert errors == []
    flu.refresh_from_db()
    hours.refresh_from_db()
    assert flu.scheduled_at == datetime.combine(tuesday, time(10, 0), TORONTO)
    assert hours.scheduled_at == datetime.combine(wednesday, time(11, 0), TORONTO)
