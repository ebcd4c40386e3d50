"""The failure centre in a real Chromium: tick two posts, retry them with one button, read the report."""

import pytest

from accounts.models import ConnectedAccount
from posts.models import FailureReason, PostTarget, TargetState
from tests.browser_support import BROWSER_TEST, signed_in_page
from tests.scheduler.test_dashboard import aim, connect

pytestmark = BROWSER_TEST

S = TargetState


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_ticking_two_posts_and_retrying_them_reports_each(live_server, alice, org, viewport):
    x = connect(org)
    missed = aim(x, state=S.FAILED, failure_reason=FailureReason.MISSED, error_message="Missed by 3 hours.")
    locked = aim(
        connect(org, "linkedin", status=ConnectedAccount.Status.NEEDS_RECONNECT),
        state=S.FAILED,
        failure_reason=FailureReason.AUTH,
    )
    untouched = aim(x, state=S.FAILED, failure_reason=FailureReason.TRANSIENT)

    with signed_in_page(live_server, alice, org, viewport=viewport) as page:
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto("/failures/")
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
        page.locator(f"#retry-{missed.pk}").check()
        page.locator(f"#retry-{locked.pk}").check()
        page.get_by_role("button", name="Retry the selected posts").click()
        page.wait_for_url("**/failures/")

        messages = page.locator(".messages").inner_text()
        assert "1 post was retried" in messages
        assert "Not retried, LinkedIn" in messages and "Reconnect the LinkedIn account" in messages
        assert errors == []
    states = dict(PostTarget.objects.values_list("pk", "state"))
    assert (states[missed.pk], states[locked.pk], states[untouched.pk]) == (S.SCHEDULED, S.FAILED, S.FAILED)
