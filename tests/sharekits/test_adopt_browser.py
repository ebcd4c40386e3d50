"""Adopting a suggested post in a real Chromium: from the member's kits to the composer, then scheduled."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from campaigns.models import Adoption
from posts.models import TargetState
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST


def test_a_member_adopts_a_suggested_post_and_schedules_it_from_the_composer(live_server, dana, danas_org, suggestion):
    with signed_in_page(live_server, dana, danas_org) as page:
        page.goto("/share-kits/")
        kit = page.locator(f"#kit-suggestion-{suggestion.pk}")
        assert "Get your flu shot" in kit.inner_text()
        kit.get_by_role("button", name="Adopt").click()

        page.get_by_role("heading", name="Adopt “Get your flu shot”").wait_for()
        page.get_by_label("Count me without my name").check()
        page.get_by_role("button", name="Make my draft").click()

        page.get_by_role("heading", name="Edit post").wait_for()
        assert "Your draft is ready" in page.get_by_role("status").first.inner_text()
        assert "#FluSeason #GetVaccinated" in page.locator("textarea[name=text]").input_value()
        suggested = page.locator("#scheduled_local").input_value()
        assert suggested
        page.get_by_role("button", name="Schedule", exact=True).click()
        page.get_by_role("heading", name="Posts").wait_for()

    adoption = Adoption.objects.select_related("post").get(member=dana)
    assert adoption.anonymous and adoption.organization == danas_org
    targets = list(adoption.post.targets.all())
    assert {target.state for target in targets} == {TargetState.SCHEDULED}
    zone = ZoneInfo(dana.time_zone)
    assert {f"{target.scheduled_at.astimezone(zone):%Y-%m-%dT%H:%M}" for target in targets} == {suggested}
