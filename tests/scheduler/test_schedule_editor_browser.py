"""The posting-schedule editor in a real Chromium: add rows with a button, and read errors clearly.

Playwright drives Debian's Chromium against pytest-django's live server. Skipped when
Playwright or Chromium is not installed.
"""

from datetime import time

import pytest

from scheduler.models import PostingSchedule
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST

ROWS = "document.querySelectorAll('.schedule-rows tbody tr').length"


@pytest.fixture
def page(live_server, alice, org):
    with signed_in_page(live_server, alice, org, viewport={"width": 1280, "height": 900}) as page:
        yield page


def test_add_a_time_gives_another_row_that_is_saved(page, org):
    page.goto("/queue/schedule/")
    assert page.evaluate(ROWS) == 1
    page.fill("#id_slots-0-local_time", "08:30")
    page.check("#id_slots-0-weekdays_0")

    page.click("text=Add a time")
    page.click("text=Add a time")

    assert page.evaluate(ROWS) == 3
    assert page.evaluate("document.activeElement.id") == "id_slots-2-local_time"
    assert page.locator("label[for=id_slots-2-local_time]").text_content() == "Time 3"
    page.fill("#id_slots-2-local_time", "12:15")
    page.check("#id_slots-2-weekdays_4")
    page.click("text=Save the schedule")
    page.wait_for_url("**/queue/")
    schedule = PostingSchedule.objects.get(organization=org, account=None)
    assert sorted(schedule.slots.values_list("weekday", "local_time")) == [(0, time(8, 30)), (4, time(12, 15))]


def test_a_rows_error_sits_below_its_time_without_covering_it(page, org):
    page.goto("/queue/schedule/")
    page.check("#id_slots-0-weekdays_1")
    page.click("text=Save the schedule")

    error = page.locator("#id_slots-0-local_time_error")
    error.wait_for()
    time_input = page.locator("#id_slots-0-local_time").bounding_box()
    message = error.bounding_box()
    assert message["y"] >= time_input["y"] + time_input["height"]
