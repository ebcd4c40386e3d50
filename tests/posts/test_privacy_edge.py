"""The privacy guard in the composer and the organization's settings: findings while typing, with a
one-click fix; Schedule refused for what the policy blocks; drafts always kept; the policy per category."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount
from accounts.privacy_policy import policy_blocking
from audit.models import Action, AuditEvent
from posts import privacy
from posts.models import Post, TargetState
from privacy.text import REASONS, Category
from tests.fixtures import signed_in_client

PATIENT_POST = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."
CLEAN_POST = "Flu shots are in. Walk in Monday to Friday, 9 to 5. #CDNHealth"


@pytest.fixture(autouse=True)
def composer_settings(media_settings):
    return media_settings


@pytest.fixture
def x_account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="twitter-1", display_name="Clinic X"
    )


def compose(text, account, **extra):
    return {"text": text, "link": "", "accounts": [account.pk], **extra}


def schedule_tomorrow(text, account):
    local = (timezone.now() + timedelta(days=1)).astimezone(timezone.get_current_timezone())
    return compose(text, account, action="at", scheduled_local=local.strftime("%Y-%m-%dT%H:%M"))


def allow_names_and_dates(org):
    org.privacy_policy = policy_blocking(c for c in org.privacy_blocked_categories if c not in ("name", "date"))
    org.save()


# --- while typing --------------------------------------------------------------------------------


def test_the_live_check_shows_each_finding_with_why_and_a_one_click_fix(alice_client, x_account):
    response = alice_client.post(reverse("compose-validate"), compose(PATIENT_POST, x_account))
    content = response.content.decode()
    assert "This post may identify a patient: it cannot be scheduled as it is" in content
    assert "<mark>Mrs. Jones</mark>" in content
    assert "A name with a courtesy title reads as a patient" in content
    fix = re.search(r"<button[^>]*data-privacy-fix[^>]*>", content).group(0)
    assert 'data-input="text"' in fix and 'data-start="11"' in fix and 'data-end="21"' in fix
    assert 'data-excerpt="Mrs. Jones"' in fix and 'data-replacement=""' in fix
    assert "data-msg-stale=" in content  # the fix's fallback message, translated in the template


def test_a_clean_post_shows_no_privacy_section(alice_client, x_account):
    content = alice_client.post(reverse("compose-validate"), compose(CLEAN_POST, x_account)).content.decode()
    assert "privacy-findings" not in content


def test_a_tailored_text_is_fixed_in_its_own_field(alice_client, x_account):
    data = compose(CLEAN_POST, x_account, **{f"t-{x_account.pk}": "Thinking of my patient Mrs. Jones today."})
    content = alice_client.post(reverse("compose-validate"), data).content.decode()
    assert f'data-input="t-{x_account.pk}"' in content


def test_what_the_organization_only_warns_about_is_shown_as_a_warning(alice_client, org, x_account):
    allow_names_and_dates(org)
    content = alice_client.post(reverse("compose-validate"), compose(PATIENT_POST, x_account)).content.decode()
    assert "Worth a second look before it goes out" in content
    assert "Blocks scheduling" not in content


# --- scheduling from the composer ------------------------------------------------------------------


def test_schedule_is_refused_for_a_post_naming_a_patient_and_the_text_is_kept(alice_client, x_account):
    response = alice_client.post(reverse("compose"), schedule_tomorrow(PATIENT_POST, x_account))
    assert response.status_code == 400
    content = response.content.decode()
    assert "This post may identify a patient, so it cannot be scheduled" in content
    assert "“Mrs. Jones” (a patient&#x27;s name)" in content
    assert "data-privacy-fix" in content
    assert f"{PATIENT_POST}</textarea>" in content
    assert not Post.objects.exists()


def test_the_same_post_may_be_saved_as_a_draft(alice_client, x_account):
    response = alice_client.post(reverse("compose"), compose(PATIENT_POST, x_account, action="draft"))
    assert response.status_code == 302
    assert Post.objects.get().targets.get().state == TargetState.DRAFT


def test_schedule_goes_ahead_when_the_organization_only_warns(alice_client, org, x_account):
    allow_names_and_dates(org)
    response = alice_client.post(reverse("compose"), schedule_tomorrow(PATIENT_POST, x_account))
    assert response.status_code == 302
    assert Post.objects.get().targets.get().state == TargetState.SCHEDULED


def test_a_clean_post_is_scheduled(alice_client, x_account):
    response = alice_client.post(reverse("compose"), schedule_tomorrow(CLEAN_POST, x_account))
    assert response.status_code == 302
    assert Post.objects.get().targets.get().state == TargetState.SCHEDULED


# --- the organization's policy ------------------------------------------------------------------------


def settings_form(org, **extra):
    return {"name": org.name, "time_zone": org.time_zone, "late_window_minutes": "120", **extra}


def test_identifiers_block_and_professional_risks_warn_by_default(org):
    assert org.privacy_severity(Category.NAME) == "block"
    assert org.privacy_severity(Category.HEALTH_CARD) == "block"
    assert org.privacy_severity(Category.ENCOUNTER) == "warn"
    assert org.privacy_severity(Category.MEDICAL_ADVICE) == "warn"


def test_the_settings_page_shows_the_policy_with_identifiers_ticked(alice_client, org):
    content = alice_client.get(reverse("organization-detail", args=[org.slug])).content.decode()
    assert "Privacy guard: refuse to schedule a post that holds" in content
    assert re.search(r'<input type="checkbox" name="privacy_blocked" value="name"[^>]*checked', content)
    assert not re.search(r'<input type="checkbox" name="privacy_blocked" value="encounter"[^>]*checked', content)


def test_an_owner_sets_a_category_to_warn_and_the_change_is_audited(alice_client, org):
    blocked = [c for c in org.privacy_blocked_categories if c != "date"] + ["encounter"]
    response = alice_client.post(
        reverse("organization-update", args=[org.slug]),
        settings_form(org, privacy_policy_shown="True", privacy_blocked=blocked),
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.privacy_policy == {"date": "warn", "encounter": "block"}
    assert (org.privacy_severity("date"), org.privacy_severity("encounter")) == ("warn", "block")
    event = AuditEvent.objects.get(action=Action.SETTINGS_CHANGED)
    assert event.details["privacy_policy"]["after"] == {"date": "warn", "encounter": "block"}


def test_a_settings_form_without_the_policy_leaves_it_as_it_is(alice_client, org):
    org.privacy_policy = {"date": "warn"}
    org.save()
    response = alice_client.post(reverse("organization-update", args=[org.slug]), settings_form(org))
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.privacy_policy == {"date": "warn"}


def test_an_editor_cannot_change_the_policy(org, bob):
    client = signed_in_client(Client(), bob, org)
    response = client.post(
        reverse("organization-update", args=[org.slug]), settings_form(org, privacy_policy_shown="True")
    )
    assert response.status_code in (403, 404)
    org.refresh_from_db()
    assert org.privacy_policy == {}


# --- the edge's own pieces ------------------------------------------------------------------------------


def test_every_reason_of_the_core_is_marked_for_translation():
    assert set(privacy.REASON_MSGIDS) == set(REASONS.values())


def test_every_text_of_a_post_is_a_named_field(x_account):
    class Asset:
        pk, alt_text = 31, "Mrs. Jones at her discharge"

    texts = privacy.post_texts(
        text="Base",
        link="https://example.org/a",
        media=[Asset()],
        tailored=[(x_account, "For X", {"thread": ["Two", "Three"]})],
    )
    assert texts.fields == {
        "text": "Base",
        "text:twitter": "For X",
        "thread:2": "Two",
        "thread:3": "Three",
        "link": "https://example.org/a",
        "alt:31": "Mrs. Jones at her discharge",
    }
    assert texts.inputs == {"text": "text", "text:twitter": f"t-{x_account.pk}", "link": "link"}
