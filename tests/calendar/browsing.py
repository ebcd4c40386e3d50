"""Driving the Calendar page in a browser, shared by the calendar's browser tests and the team
workflow walk (tests/browser/test_team_workflow_walk.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone

from tests.calendar.conftest import TORONTO


def next_monday() -> date:
    today = timezone.now().astimezone(TORONTO).date()
    return today + timedelta(days=7 - today.weekday())


def settled(page) -> None:
    """Wait until the calendar has drawn the fetched range: FullCalendar draws its items again
    when a range arrives, and an item found before that is detached under the mouse."""
    page.locator('#calendar[aria-busy="false"]').wait_for(state="attached")


def drag(page, item, cell) -> None:
    """Press on ``item``, move in small steps (as a hand does) onto ``cell``, release."""
    settled(page)
    item.scroll_into_view_if_needed()
    start, box = item.bounding_box(), cell.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(start["x"] + start["width"] / 2 + 15, start["y"] + start["height"] / 2 + 5, steps=5)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=15)
    page.mouse.up()


def drag_to_day(page, item, day_column) -> None:
    """In the week view, drag ``item`` sideways onto ``day_column`` at the height it started from,
    so it keeps its time of day."""
    settled(page)
    item.scroll_into_view_if_needed()
    start, box = item.bounding_box(), day_column.bounding_box()
    x, y = start["x"] + start["width"] / 2, start["y"] + 4
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 20, y + 6, steps=5)
    page.mouse.move(box["x"] + box["width"] / 2, y, steps=15)
    page.mouse.up()


def _is_month_range(response) -> bool:
    parts = urlsplit(response.url)
    if not parts.path.endswith("/calendar/events/"):
        return False
    query = parse_qs(parts.query)
    start, end = (datetime.fromisoformat(query[name][0]) for name in ("start", "end"))
    return end - start > timedelta(days=7)


def show_month(page) -> None:
    """Switch to the month view and wait until its range is drawn. The month's fetch must be seen
    to start: right after the click, aria-busy may still say "false" from the week's fetch."""
    with page.expect_response(_is_month_range):
        page.get_by_role("tab", name="Month view").click()
    settled(page)
