"""The privacy guard's one-click fix in a real Chromium: the span found by the server is replaced in
its textarea, and the live check runs again. Skipped when Playwright or Chromium is not installed."""

import pytest

from accounts.models import ConnectedAccount
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST


@pytest.fixture
def x_account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="twitter-1", display_name="Clinic X"
    )


def fix_button(excerpt: str) -> str:
    return f"button[data-privacy-fix][data-excerpt='{excerpt}']"


def test_one_click_removes_what_identifies_the_patient_and_the_check_runs_again(live_server, alice, org, x_account):
    with signed_in_page(live_server, alice, org) as page:
        page.goto("/compose/")
        page.check(f'input[name="accounts"][value="{x_account.pk}"]')
        page.fill("#text", "👋 My patient Mrs. Jones, DOB March 3, 1931, is home.")
        page.click(fix_button("Mrs. Jones"))
        # The server's offsets count code points: the emoji before the name counts once.
        assert page.input_value("#text") == "👋 My patient, DOB March 3, 1931, is home."
        page.wait_for_selector(fix_button("Mrs. Jones"), state="detached")
        page.click(fix_button("March 3, 1931"))
        assert page.input_value("#text") == "👋 My patient, DOB, is home."
        page.wait_for_selector(".privacy-findings.blocks", state="detached")
