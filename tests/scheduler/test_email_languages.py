"""Each person reads PhysSocial's e-mails (and notifications) in their own language, whoever caused
them and whatever language the sender's page was in: a French reader gets French, an English one
English, in the same send. Without an account, an invitation speaks the inviter's language."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts import services as account_services
from accounts.models import Notification, Role
from posts import services as post_services
from posts.models import FailureReason, TargetState
from scheduler import services
from scheduler.digest import send_daily_digests
from tests.scheduler.test_dashboard import aim, connect

TWEETS = "POST /2/tweets"


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = "https://physsocial.example"


def speaks(user, language: str):
    user.language = language
    user.save(update_fields=["language"])
    return user


def mail_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def test_a_review_request_reaches_each_approver_in_their_language(org, alice, member):
    speaks(alice, "fr")
    admin = speaks(member(Role.ADMIN), "en")
    contributor = member(Role.CONTRIBUTOR)

    # The contributor's own page is in English; the owner still reads French.
    with translation.override("en"):
        post_services.create_post(
            organization=org,
            author=contributor,
            text="Flu shots are in.",
            account_ids=[connect(org).pk],
            schedule="at",
            scheduled_at=timezone.now() + timedelta(days=1),
        )

    [to_alice], [to_admin] = mail_to(alice), mail_to(admin)
    assert (
        to_alice.subject.startswith("PhysSocial\u00a0: ")
        and "vous demande de réviser une publication" in to_alice.subject
    )
    assert "Vous recevez ce message parce que vous êtes membre" in to_alice.body
    assert to_admin.subject.endswith("asks you to review a post")
    assert "You receive this because you are a member" in to_admin.body
    rows = Notification.objects.filter(kind=Notification.Kind.REVIEW_REQUESTED)
    assert rows.get(user=alice).title.endswith("vous demande de réviser une publication")
    assert rows.get(user=admin).title.endswith("asks you to review a post")


def test_a_failure_reaches_the_author_and_the_owner_each_in_their_language(target, simulator, alice, bob):
    speaks(alice, "fr")
    speaks(bob, "en")
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")

    services.publish_target(target.pk)

    [to_alice], [to_bob] = mail_to(alice), mail_to(bob)
    assert to_alice.subject.startswith("PhysSocial\u00a0: Votre publication sur X (")
    assert to_alice.subject.endswith("n’est pas partie")
    assert "Ouvrez la publication pour la relancer en un clic." in to_alice.body
    assert to_bob.subject.startswith("PhysSocial: Your post to X (")
    assert "Open the post to retry it with one click." in to_bob.body


def test_each_daily_digest_is_written_in_its_readers_language(org, alice, member):
    speaks(alice, "fr")
    admin = speaks(member(Role.ADMIN), "")  # no choice: the site's language
    aim(connect(org), state=TargetState.FAILED, failure_reason=FailureReason.TRANSIENT, text="Flu shots this week.")

    send_daily_digests(now=datetime(2026, 1, 15, 7, 0, tzinfo=ZoneInfo("America/Toronto")))

    [to_alice], [to_admin] = mail_to(alice), mail_to(admin)
    assert to_alice.subject.startswith("PhysSocial\u00a0: Votre résumé quotidien du ")
    assert to_alice.subject.lower().endswith("jeudi 15 janvier")
    assert '<html lang="fr">' in to_alice.alternatives[0][0]
    assert to_admin.subject == "PhysSocial: Your daily digest for Thursday 15 January"


def test_an_invitation_to_someone_without_an_account_speaks_the_inviters_language(org, alice):
    with translation.override("fr"):  # the inviter's page, in French
        account_services.invite_member(org, email="dana@example.org", role=Role.CONTRIBUTOR, by=alice)

    [message] = mail.outbox
    assert message.subject == "Alice Adams vous invite à vous joindre à Alice's Clinic dans PhysSocial"
    assert "Ouvrez ce lien pour accepter\u00a0:" in message.body


def test_an_invitation_to_someone_with_an_account_speaks_their_language(org, alice, charlie):
    speaks(charlie, "en")
    with translation.override("fr"):
        account_services.invite_member(org, email=charlie.email, role=Role.EDITOR, by=alice)

    [message] = mail.outbox
    assert message.subject == "Alice Adams invited you to join Alice's Clinic on PhysSocial"


def test_a_password_reset_speaks_the_persons_chosen_language_whatever_the_browser_asks(charlie):
    speaks(charlie, "fr")

    Client().post(reverse("password_reset"), {"email": charlie.email}, HTTP_ACCEPT_LANGUAGE="en")

    [message] = mail.outbox
    assert message.subject == "Réinitialisez votre mot de passe PhysSocial"
    assert "Quelqu’un, probablement vous, a demandé" in message.body
