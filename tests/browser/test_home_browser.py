"""The home page with something in every section, in a real Chromium, on a laptop and on a phone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import ConnectedAccount, Role
from posts.models import FailureReason, PostTarget, TargetState
from tests.browser_support import BROWSER_TEST, signed_in_page
from tests.scheduler.test_dashboard import aim, connect, local_noon

pytestmark = BROWSER_TEST

S = TargetState
LONG_WORDS = "https://example.org/" + "a-very-long-path-" * 12


@pytest.fixture
def busy_clinic(org, member):
    """A clinic with a full week, failures of each kind, a post in review, drafts and an account to reconnect."""
    contributor = member(Role.CONTRIBUTOR)
    x, linkedin = connect(org, "twitter"), connect(org, "linkedin")
    expired = connect(org, "facebook", status=ConnectedAccount.Status.NEEDS_RECONNECT, last_error=LONG_WORDS)
    for day in range(7):
        for minute in range(day):
            aim(x if minute % 2 else linkedin, state=S.SCHEDULED, at=local_noon(day) + timedelta(minutes=minute))
    retry = aim(x, state=S.FAILED, failure_reason=FailureReason.TRANSIENT, error_message="X answered 503.")
    aim(linkedin, state=S.FAILED, failure_reason=FailureReason.REJECTED, error_message=LONG_WORDS)
    aim(expired, state=S.FAILED, failure_reason=FailureReason.AUTH, error_message="Facebook ended our access.")
    aim(x, state=S.NEEDS_ATTENTION, failure_reason=FailureReason.UNKNOWN_OUTCOME)
    aim(x, state=S.IN_REVIEW, author=contributor, text="Please approve: new hours.")
    aim(linkedin, state=S.DRAFT, text=LONG_WORDS)
    connect(org, "linkedin", token_expires_at=timezone.now() + timedelta(days=2))
    return retry


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_every_section_shows_and_fits_the_screen(busy_clinic, live_server, alice, org, viewport):
    with signed_in_page(live_server, alice, org, viewport=viewport) as page:
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))

        page.goto("/")
        page.wait_for_load_state("networkidle")

        for section in ("week", "attention", "reconnect", "review", "drafts"):
            assert page.locator(f"#dashboard-{section}").is_visible(), section
        assert page.locator(".week-day").count() == 7
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert page.locator("h1").count() == 1
        assert errors == []


def test_retry_from_the_home_page_sends_the_post_again(busy_clinic, live_server, alice, org):
    with signed_in_page(live_server, alice, org) as page:
        page.goto("/")
        page.locator(f"#attention-{busy_clinic.pk}").get_by_role("button", name="Retry now").click()

        page.wait_for_url(f"**/targets/{busy_clinic.pk}/")
        assert "The post will go out in a few seconds." in page.content()
    assert PostTarget.objects.get(pk=busy_clinic.pk).state == S.SCHEDULED
