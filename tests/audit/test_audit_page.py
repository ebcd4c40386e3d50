"""The organization's audit page: owners and admins read it, filter it and export it as CSV."""

import csv
import io
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import services as account_services
from accounts.models import Membership, Role
from audit.models import Action, AuditEvent
from audit.services import record
from tests.fixtures import signed_in_client


def test_a_settings_change_made_on_the_web_is_recorded_as_the_users(alice_client, alice, org):
    alice_client.post(
        reverse("organization-update", args=[org.slug]),
        {"name": "Alice's Family Clinic", "time_zone": org.time_zone, "late_window_minutes": org.late_window_minutes},
    )

    event = AuditEvent.objects.get(action=Action.SETTINGS_CHANGED)
    assert event.actor_id == alice.pk and event.via == "web" and event.token_id is None
    assert event.details["name"] == {"before": "Alice's Clinic", "after": "Alice's Family Clinic"}


def test_the_owner_sees_every_event_with_who_and_from_where(alice_client, alice, bob, org):
    account_services.change_role(Membership.objects.get(organization=org, user=bob), role=Role.ADMIN, by=alice)

    page = alice_client.get(reverse("audit")).content.decode()

    assert "Role changed" in page and "Alice Adams" in page and "bob@example.org" in page


def test_filters_narrow_the_page(alice_client, alice, bob, org):
    record(Action.SETTINGS_CHANGED, organization=org, by=alice, subject="renamed")
    record(Action.MEMBER_INVITED, organization=org, by=bob, subject="dana@example.org")
    AuditEvent.objects.create(
        organization=org,
        action=Action.MEMBER_LEFT,
        via="web",
        subject="old news",
        at=timezone.now() - timedelta(days=30),
    )

    by_bob = alice_client.get(reverse("audit"), {"actor": bob.pk}).content.decode()
    this_week = alice_client.get(reverse("audit"), {"start": (timezone.localdate() - timedelta(days=7)).isoformat()})

    assert "dana@example.org" in by_bob and "renamed" not in by_bob
    assert "old news" not in this_week.content.decode() and "renamed" in this_week.content.decode()


def test_bad_filters_are_explained_not_an_error(alice_client):
    answer = alice_client.get(reverse("audit"), {"post": "twelve", "start": "9999-12-31", "end": "2026-01-01"})

    assert answer.status_code == 200
    page = answer.content.decode()
    assert "Give a post&#x27;s number" in page and "between 1970 and 2999" in page


def test_the_csv_export_has_the_filtered_events(alice_client, alice, bob, org):
    record(Action.SETTINGS_CHANGED, organization=org, by=alice, subject="=HYPERLINK(1)")
    record(Action.MEMBER_INVITED, organization=org, by=bob, subject="dana@example.org")

    answer = alice_client.get(reverse("audit-export"), {"actor": alice.pk})

    assert answer["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode())))
    assert [row["action"] for row in rows] == ["org.settings_changed"]
    assert rows[0]["actor"] == "Alice Adams <alice@example.org>" and rows[0]["via"] == "system"
    assert rows[0]["subject"] == "'=HYPERLINK(1)"  # a spreadsheet shows it, never runs it


def test_an_editor_may_not_read_or_export_the_trail(bob_client):
    assert bob_client.get(reverse("audit")).status_code == 403
    assert bob_client.get(reverse("audit-export")).status_code == 403


def test_another_organizations_events_never_show(charlie_client, alice, org, charlies_org):
    record(Action.SETTINGS_CHANGED, organization=org, by=alice, subject="alice's secret")

    page = charlie_client.get(reverse("audit")).content.decode()
    export = charlie_client.get(reverse("audit-export")).content.decode()

    assert "alice's secret" not in page and "alice's secret" not in export


def test_a_deleted_users_events_keep_their_name(alice, bob, org):
    record(Action.MEMBER_INVITED, organization=org, by=bob, subject="dana@example.org")

    bob.delete()

    assert AuditEvent.objects.get().actor_name == "Bob Brown <bob@example.org>"


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get(reverse("audit")).status_code == 302


def test_an_admin_reads_the_trail_too(member, org):
    admin = member(Role.ADMIN)
    assert signed_in_client(Client(), admin, org).get(reverse("audit")).status_code == 200


def test_a_rescheduled_time_reads_in_the_readers_zone_not_as_stored(alice_client, alice, org):
    from datetime import UTC, datetime

    from audit.services import moved_times

    alice.time_zone = "America/Toronto"
    alice.save(update_fields=["time_zone"])
    was, now = datetime(2026, 12, 9, 15, 0, tzinfo=UTC), datetime(2026, 12, 10, 15, 0, tzinfo=UTC)
    record(Action.TARGET_RESCHEDULED, organization=org, by=alice, details=moved_times(was, now, False))

    page = alice_client.get(reverse("audit")).content.decode()

    assert "2026-12-09 10:00 EST" in page and "2026-12-10 10:00 EST" in page
    assert "2026-12-09T15:00:00+00:00" not in page
