"""Driving the Calendar page in a browser, shared by the calendar's browser tests and the team
workflow walk (tests/browser/test_team_workflow_walk.py)."""

from __future__ import annotations

from datetime import date, timedelta

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
