"""The Queue page: see the upcoming slots, reorder, send now, pause, and edit the weekly schedule."""

import html
from datetime import time
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount, Role
from posts.models import Post, PostTarget, TargetState
from scheduler.models import PostingSchedule
from scheduler.schedules import add_to_queue, create_schedule, pause_queue, schedule_for, upcoming_slots
from tests.fixtures import signed_in_client

TORONTO = ZoneInfo("America/Toronto")
EVERY_DAY_0830_1215 = [(day, at) for day in range(7) for at in (time(8, 30), time(12, 15))]
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="42", display_name="Dr. Adams on X"
    )


@pytest.fixture
def default(org, alice):
    return create_schedule(organization=org, slots=EVERY_DAY_0830_1215, by=alice)


@pytest.fixture
def queued(org, default, account, bob):
    """Three posts queued for ``account`` by Bob, in order."""
    targets = []
    for n in (1, 2, 3):
        post = Post.objects.create(organization=org, author=bob, text=f"Queued post number {n}")
        target = PostTarget.objects.create(post=post, account=account)
        add_to_queue(target, by=bob)
        targets.append(target)
    return targets


@pytest.fixture
def viewer_client(member, org):
    return signed_in_client(Client(), member(Role.VIEWER), org)


@pytest.fixture
def admin_client(member, org):
    return signed_in_client(Client(), member(Role.ADMIN), org)


def text(response) -> str:
    """The page as a reader sees it: entities such as &#x27; turned back into characters."""
    return html.unescape(response.content.decode())


def order(account):
    return list(
        PostTarget.objects.filter(account=account, is_queued=True, state=TargetState.SCHEDULED)
        .order_by("scheduled_at")
        .values_list("pk", flat=True)
    )


# Seeing the queue ---------------------------------------------------------------------------------------------


def test_the_queue_link_opens_the_first_accounts_queue(alice_client, account):
    response = alice_client.get(reverse("queue"))
    assert response.status_code == 302 and response.url == reverse("queue-account", args=[account.pk])


def test_without_accounts_the_queue_page_says_how_to_start(alice_client, org):
    response = alice_client.get(reverse("queue"))
    assert response.status_code == 200
    assert "Alice's Clinic has no connected accounts yet" in text(response)
    assert reverse("queue-schedule-default") in text(response)


def test_the_queue_lists_upcoming_slots_with_their_posts_and_the_empty_ones(viewer_client, queued, account, default):
    response = viewer_client.get(reverse("queue-account", args=[account.pk]))
    assert response.status_code == 200
    page = text(response)
    positions = [page.index(f"Queued post number {n}") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert page.count("Empty slot") >= 7
    first = upcoming_slots(default, after=timezone.now(), count=1)[0].astimezone(TORONTO)
    assert f"{first:%H:%M} {first.tzname()}" in page
    assert "Monday to Sunday: 08:30, 12:15" in page
    assert "Follows Alice's Clinic's default schedule" in page


def test_the_queue_shows_times_in_your_own_zone_too_when_it_differs(alice, alice_client, queued, account, default):
    alice.time_zone = "Europe/Paris"
    alice.save()
    page = text(alice_client.get(reverse("queue-account", args=[account.pk])))
    assert "yours is Europe/Paris" in page
    first = upcoming_slots(default, after=timezone.now(), count=1)[0].astimezone(ZoneInfo("Europe/Paris"))
    assert f"{first:%H:%M} {first.tzname()} for you" in page


def test_a_viewer_sees_the_queue_without_the_controls(viewer_client, queued, account):
    page = text(viewer_client.get(reverse("queue-account", args=[account.pk])))
    assert "Queued post number 1" in page
    assert "Move up" not in page and "Publish now" not in page and "data-queue-sortable" not in page
    assert "Pause the queue" not in page and "Change the organization" not in page


def test_an_editor_gets_drag_and_the_buttons_but_not_pause(bob_client, queued, account):
    page = text(bob_client.get(reverse("queue-account", args=[account.pk])))
    assert "data-queue-sortable" in page and "sortablejs-1.15.7/Sortable.min.js" in page
    assert page.count(">Publish now<") == 3
    assert page.count(">Move up<") == 2 and page.count(">Move down<") == 2  # not past either end
    assert "Pause the queue" not in page


def test_an_admin_may_pause_and_edit_the_schedule(admin_client, queued, account):
    page = text(admin_client.get(reverse("queue-account", args=[account.pk])))
    assert "Pause the queue" in page
    assert reverse("queue-schedule-default") in page
    assert reverse("queue-schedule-account", args=[account.pk]) in page


def test_an_account_without_any_schedule_explains_there_is_no_queue(bob_client, account):
    page = text(bob_client.get(reverse("queue-account", args=[account.pk])))
    assert "has a posting schedule yet, so there is no queue" in page
    assert "An owner or admin can set one up." in page


def test_htmx_gets_only_the_queue_section(bob_client, queued, account):
    response = bob_client.get(reverse("queue-account", args=[account.pk]), **HTMX)
    assert text(response).lstrip().startswith('<section id="queue"')
    assert "<html" not in text(response)


# Reordering ---------------------------------------------------------------------------------------------------


def test_an_editor_reorders_by_drag_and_gets_the_new_list(bob_client, queued, account):
    first, second, third = (t.pk for t in queued)
    response = bob_client.post(reverse("queue-reorder", args=[account.pk]), {"target": [third, first, second]}, **HTMX)
    assert response.status_code == 200
    assert order(account) == [third, first, second]
    page = text(response)
    assert page.index("Queued post number 3") < page.index("Queued post number 1") < page.index("Queued post number 2")
    assert "The new order is saved." in page


def test_a_stale_reorder_says_so_and_changes_nothing(bob_client, queued, account):
    PostTarget.objects.filter(pk=queued[0].pk).update(state=TargetState.PUBLISHING)
    before = order(account)
    response = bob_client.post(
        reverse("queue-reorder", args=[account.pk]), {"target": [t.pk for t in reversed(queued)]}, **HTMX
    )
    assert response.status_code == 200
    assert "The queue changed while you were looking at it." in text(response)
    assert order(account) == before


def test_a_viewer_cannot_reorder(viewer_client, queued, account):
    before = order(account)
    response = viewer_client.post(reverse("queue-reorder", args=[account.pk]), {"target": [t.pk for t in queued][::-1]})
    assert response.status_code == 403
    assert order(account) == before


def test_move_down_works_without_javascript(bob_client, queued, account):
    first, second, third = (t.pk for t in queued)
    response = bob_client.post(reverse("queue-move", args=[first, "down"]))
    assert response.status_code == 302 and response.url == reverse("queue-account", args=[account.pk])
    assert order(account) == [second, first, third]
    assert "Moved down." in text(bob_client.get(response.url))


def test_move_up_with_htmx_returns_the_list(bob_client, queued, account):
    first, second, third = (t.pk for t in queued)
    response = bob_client.post(reverse("queue-move", args=[third, "up"]), **HTMX)
    assert response.status_code == 200 and "Moved up." in text(response)
    assert order(account) == [first, third, second]


def test_an_unknown_direction_is_not_found(bob_client, queued):
    assert bob_client.post(reverse("queue-move", args=[queued[0].pk, "sideways"])).status_code == 404


# Publish now, pause, resume -----------------------------------------------------------------------------------


def test_publish_now_makes_the_post_due_and_takes_it_out_of_the_queue(bob_client, queued, account):
    response = bob_client.post(reverse("queue-publish-next", args=[queued[1].pk]))
    assert response.status_code == 302
    target = PostTarget.objects.get(pk=queued[1].pk)
    assert not target.is_queued and target.due_at <= timezone.now()
    assert order(account) == [queued[0].pk, queued[2].pk]


def test_a_viewer_cannot_publish_now(viewer_client, queued):
    assert viewer_client.post(reverse("queue-publish-next", args=[queued[0].pk])).status_code == 403
    assert PostTarget.objects.get(pk=queued[0].pk).is_queued


def test_an_admin_pauses_and_resumes_the_queue(admin_client, queued, account, default):
    response = admin_client.post(reverse("queue-pause", args=[account.pk]), **HTMX)
    assert response.status_code == 200
    assert "This queue is paused." in text(response) and "Resume the queue" in text(response)
    assert "every account that follows it is paused" in text(response)
    default.refresh_from_db()
    assert default.is_paused
    response = admin_client.post(reverse("queue-resume", args=[account.pk]))
    assert response.status_code == 302
    default.refresh_from_db()
    assert not default.is_paused


def test_an_editor_cannot_pause(bob_client, queued, account, default):
    assert bob_client.post(reverse("queue-pause", args=[account.pk])).status_code == 403
    default.refresh_from_db()
    assert not default.is_paused


def test_a_paused_queue_says_so_to_everyone(viewer_client, queued, account, default, alice):
    pause_queue(default, by=alice)
    page = text(viewer_client.get(reverse("queue-account", args=[account.pk])))
    assert "This queue is paused." in page and "Resume the queue" not in page


# The schedule editor ------------------------------------------------------------------------------------------


def schedule_data(rows, time_zone="America/Toronto"):
    """Form data for the editor: ``rows`` is [(\"08:30\", [0, 1, 2]), …]."""
    data = {
        "time_zone": time_zone,
        "slots-TOTAL_FORMS": str(len(rows)),
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "100",
    }
    for i, (at, days) in enumerate(rows):
        data[f"slots-{i}-local_time"] = at
        data[f"slots-{i}-weekdays"] = [str(d) for d in days]
    return data


def test_the_editor_starts_in_the_organizations_time_zone(alice_client, org):
    org.time_zone = "America/Vancouver"
    org.save()
    page = text(alice_client.get(reverse("queue-schedule-default")))
    assert '<option value="America/Vancouver" selected>' in page
    assert "Your own time zone is America/Toronto; the times below are in America/Vancouver" in page


def test_an_owner_creates_the_default_schedule(alice_client, org):
    response = alice_client.post(
        reverse("queue-schedule-default"), schedule_data([("08:30", range(5)), ("12:15", range(5)), ("", [])])
    )
    assert response.status_code == 302
    schedule = PostingSchedule.objects.get(organization=org, account=None)
    assert sorted(schedule.slots.values_list("weekday", "local_time")) == sorted(
        (d, t) for d in range(5) for t in (time(8, 30), time(12, 15))
    )


def test_the_editor_shows_the_current_times_as_rows(alice_client, default):
    page = text(alice_client.get(reverse("queue-schedule-default")))
    assert 'value="08:30"' in page and 'value="12:15"' in page


def test_changing_the_default_moves_the_queue_to_the_new_times(alice_client, default, queued, account):
    response = alice_client.post(reverse("queue-schedule-default"), schedule_data([("17:00", range(7))]))
    assert response.status_code == 302
    local_times = {
        t.astimezone(TORONTO).strftime("%H:%M")
        for t in PostTarget.objects.filter(account=account).values_list("scheduled_at", flat=True)
    }
    assert local_times == {"17:00"}


def test_days_without_a_time_are_pointed_out(alice_client, org):
    response = alice_client.post(reverse("queue-schedule-default"), schedule_data([("", [0, 1])]))
    assert response.status_code == 400
    assert "Enter a time for the days you picked, such as 08:30." in text(response)
    assert not PostingSchedule.objects.exists()


def test_a_schedule_with_no_times_is_refused_in_plain_words(alice_client, org):
    response = alice_client.post(reverse("queue-schedule-default"), schedule_data([("09:00", [])]))
    assert response.status_code == 400
    assert "Choose at least one day and time." in text(response)


def test_an_admin_gives_an_account_its_own_schedule_starting_from_the_default(admin_client, default, account):
    page = text(admin_client.get(reverse("queue-schedule-account", args=[account.pk])))
    assert "follows Alice's Clinic's default schedule" in page and 'value="08:30"' in page
    response = admin_client.post(
        reverse("queue-schedule-account", args=[account.pk]), schedule_data([("07:00", [5, 6])], "Europe/Paris")
    )
    assert response.status_code == 302 and response.url == reverse("queue-account", args=[account.pk])
    own = schedule_for(account)
    assert own.account == account and own.time_zone == "Europe/Paris"
    page = text(admin_client.get(response.url))
    assert "Has a schedule of its own" in page and "Saturday and Sunday: 07:00" in page


def test_an_account_goes_back_to_the_default(admin_client, default, account, alice, org):
    create_schedule(organization=org, account=account, slots=[(0, time(7, 0))], by=alice)
    response = admin_client.post(reverse("queue-schedule-remove", args=[account.pk]))
    assert response.status_code == 302
    assert schedule_for(account) == default


@pytest.mark.parametrize("name", ["queue-schedule-default", "queue-schedule-account"])
def test_an_editor_cannot_open_the_schedule_editor(bob_client, account, name):
    url = reverse(name, args=[account.pk] if name.endswith("account") else [])
    assert bob_client.get(url).status_code == 403
    assert bob_client.post(url, schedule_data([("09:00", [0])])).status_code == 403
    assert not PostingSchedule.objects.exists()


# Another organization's accounts and posts answer 404 -------------------------------------------------------------


@pytest.fixture
def outsider_urls(queued, account):
    target = queued[0].pk
    return [
        ("get", reverse("queue-account", args=[account.pk])),
        ("post", reverse("queue-reorder", args=[account.pk])),
        ("post", reverse("queue-pause", args=[account.pk])),
        ("post", reverse("queue-resume", args=[account.pk])),
        ("get", reverse("queue-schedule-account", args=[account.pk])),
        ("post", reverse("queue-schedule-account", args=[account.pk])),
        ("post", reverse("queue-schedule-remove", args=[account.pk])),
        ("post", reverse("queue-move", args=[target, "up"])),
        ("post", reverse("queue-publish-next", args=[target])),
    ]


def test_an_outsider_gets_404_from_every_queue_view(charlie_client, outsider_urls, queued, account, default):
    before = order(account)
    for method, url in outsider_urls:
        data = {"target": [t.pk for t in queued][::-1]} if method == "post" else None
        response = getattr(charlie_client, method)(url, data)
        assert response.status_code == 404, url
    assert order(account) == before
    default.refresh_from_db()
    assert not default.is_paused and schedule_for(account) == default


def test_an_outsiders_own_pages_never_show_another_organizations_queue(charlie_client, queued, charlies_org):
    response = charlie_client.get(reverse("queue"))
    assert "Queued post number" not in text(response)


def test_signed_out_visitors_are_sent_to_log_in(client, account):
    response = client.get(reverse("queue-account", args=[account.pk]))
    assert response.status_code == 302 and "login" in response.url


def test_an_unknown_account_is_not_found(alice_client, org):
    assert alice_client.get(reverse("queue-account", args=[10**9])).status_code == 404


def test_the_due_time_is_shown_in_iso_form_for_machines(bob_client, queued, account):
    page = text(bob_client.get(reverse("queue-account", args=[account.pk])))
    at = PostTarget.objects.get(pk=queued[0].pk).scheduled_at
    assert f'datetime="{timezone.localtime(at).isoformat()}"' in page


def test_a_contributors_post_asking_for_the_queue_waits_for_approval_without_a_slot(
    viewer_client, queued, account, org, member
):
    contributor = member(Role.CONTRIBUTOR)
    post = Post.objects.create(organization=org, author=contributor, text="Please queue my vaccine reminder")
    PostTarget.objects.create(post=post, account=account, state=TargetState.IN_REVIEW, is_queued=True)
    page = text(viewer_client.get(reverse("queue-account", args=[account.pk])))
    assert "Waiting for approval" in page and "Please queue my vaccine reminder" in page
    assert order(account) == [t.pk for t in queued]


def test_an_account_needing_reconnection_is_flagged_on_its_queue(bob_client, queued, account):
    account.status = ConnectedAccount.Status.NEEDS_RECONNECT
    account.save()
    page = text(bob_client.get(reverse("queue-account", args=[account.pk])))
    assert "Dr. Adams on X needs reconnecting." in page
