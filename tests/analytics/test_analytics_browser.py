"""The Analytics page's charts draw in a real Chromium under our Content-Security-Policy."""

from datetime import UTC, datetime, timedelta

from analytics.models import FollowerCount
from tests.analytics.conftest import connect, publish
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST


def test_the_charts_draw_with_a_table_beside_them(live_server, alice, toronto_org):
    x, fb = connect(toronto_org, "twitter", "Clinic X"), connect(toronto_org, "facebook", "Clinic FB")
    start = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    for day in range(10):
        publish(x, start + timedelta(days=day), {"likes": day, "shares": 1, "comments": 0, "views": 100})
        publish(fb, start + timedelta(days=day), {"likes": 2 * day, "comments": 1, "shares": 0, "views": 50})
        FollowerCount.objects.create(
            account=x, day=start.date() + timedelta(days=day), followers=1000 + day, collected_at=start
        )
    errors: list[str] = []

    with signed_in_page(live_server, alice, toronto_org) as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{live_server.url}/analytics/?start=2026-03-01&end=2026-03-15")
        page.wait_for_load_state("networkidle")
        drawn = page.evaluate(
            "['chart-by-network', 'chart-by-account', 'chart-followers'].map("
            "id => window.Chart.getChart(document.getElementById(id)).data.datasets.length)"
        )
        rows = page.locator("#chart-by-network-heading ~ details table tbody tr").count()

    assert errors == []
    assert drawn == [2, 2, 1]
    assert rows == 15
