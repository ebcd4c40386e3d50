"""A notice when a post goes out: off by default, for the post's author once they choose it, and
free for every publish in an organization where nobody chose it."""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import services as account_services
from accounts.models import Channel, Notification, Organization
from accounts.notifications import link_in, set_preferences
from posts.models import TargetState
from scheduler import services
from tests.factories import InvitationFactory

PUBLISHED = Notification.Kind.PUBLISHED


def test_nobody_hears_of_a_published_post_by_default(target):
    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert not Notification.objects.filter(kind=PUBLISHED).exists() and mail.outbox == []


def test_the_author_who_chose_it_hears_that_the_post_went_out(target, bob):
    set_preferences(bob, {PUBLISHED: Channel.EMAIL})

    services.publish_target(target.pk)

    target.refresh_from_db()
    note = Notification.objects.get(kind=PUBLISHED)
    assert note.user == bob and note.organization == target.post.organization
    assert note.title.startswith("Your post to X (@doc_") and note.title.endswith(") was published")
    assert target.external_url in note.body
    assert note.link == link_in(note.organization, reverse("target-detail", args=[target.pk]))
    assert [m.to for m in mail.outbox] == [[bob.email]]


def test_in_the_app_only_the_author_gets_the_row_without_an_email(target, bob):
    set_preferences(bob, {PUBLISHED: Channel.APP})

    services.publish_target(target.pk)

    assert Notification.objects.filter(kind=PUBLISHED, user=bob).count() == 1 and mail.outbox == []


def test_only_the_author_hears_not_the_others_who_chose_it(target, alice):
    set_preferences(alice, {PUBLISHED: Channel.EMAIL})  # the owner; Bob wrote the post

    services.publish_target(target.pk)

    assert not Notification.objects.filter(kind=PUBLISHED).exists()


def test_a_publish_looks_up_no_preference_where_nobody_chose_the_notice(target):
    with CaptureQueriesContext(connection) as queries:
        services.publish_target(target.pk)

    assert not [q for q in queries.captured_queries if "notification" in q["sql"].lower()]


def test_the_organization_knows_whether_anyone_wants_the_notice(org, alice, bob):
    set_preferences(bob, {PUBLISHED: Channel.APP})
    org.refresh_from_db()
    assert org.publish_notices_wanted

    set_preferences(bob, {PUBLISHED: Channel.OFF})
    org.refresh_from_db()
    assert not org.publish_notices_wanted


def test_joining_an_organization_brings_ones_choice_along(org, charlie):
    set_preferences(charlie, {PUBLISHED: Channel.EMAIL})
    invitation = InvitationFactory(organization=org, email=charlie.email)

    account_services.accept_invitation(invitation, user=charlie)

    assert Organization.objects.get(pk=org.pk).publish_notices_wanted


def test_an_organization_founded_by_someone_who_wants_the_notice_knows_it(charlie):
    set_preferences(charlie, {PUBLISHED: Channel.EMAIL})

    organization = account_services.create_organization(name="Charlie's Practice", by=charlie)

    assert Organization.objects.get(pk=organization.pk).publish_notices_wanted
