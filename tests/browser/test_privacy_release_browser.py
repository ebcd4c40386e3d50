"""The privacy guard's release, end to end in a real Chromium (issue 13's "done means"): a post naming
a patient with a date of birth is flagged while typing, scheduling it is refused under the default
policy, an admin releases it with a reason, it schedules, and the audit page shows the release.
Skipped when Playwright or Chromium is not installed."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from accounts.models import ConnectedAccount, Role
from posts.models import Post, TargetState
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST

PATIENT_POST = "Proud of my patient Mrs. Jones, born 12 March 1950, walking again after her hip surgery."


@pytest.fixture
def x_account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="twitter-1", display_name="Clinic X"
    )


def test_an_admin_releases_a_post_naming_a_patient_and_it_schedules_with_the_release_audited(
    live_server, org, member, x_account
):
    admin = member(Role.ADMIN)
    tomorrow = (timezone.now() + timedelta(days=1)).astimezone(ZoneInfo(admin.time_zone))
    with signed_in_page(live_server, admin, org) as page:
        page.goto("/compose/")
        page.check(f'input[name="accounts"][value="{x_account.pk}"]')
        page.fill("#text", PATIENT_POST)
        page.wait_for_selector(".privacy-findings.blocks mark:text('Mrs. Jones')")
        page.wait_for_selector(".privacy-findings.blocks mark:text('12 March 1950')")

        page.fill("#scheduled_local", tomorrow.strftime("%Y-%m-%dT%H:%M"))
        page.click('button[name="action"][value="at"]')
        page.wait_for_selector(".form-errors:has-text('it cannot be scheduled')")
        assert not Post.objects.filter(targets__state=TargetState.SCHEDULED).exists()

        page.fill("#privacy-release-reason", "Mrs. Jones gave written consent to share her story.")
        page.click('button[name="action"][value="at:release"]')
        page.wait_for_url("**/posts/")
        post = Post.objects.get()
        assert list(post.targets.values_list("state", flat=True)) == [TargetState.SCHEDULED]

        page.goto("/audit/")
        row = page.locator("tr", has_text="Mrs. Jones gave written consent to share her story.")
        assert row.count() == 1
        assert "Released despite the privacy guard" in row.inner_text()
