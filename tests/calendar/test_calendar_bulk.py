"""The calendar's "Select several" mode sends the selected posts to the Bulk page: what it sends
(the items' post ids, the actions, the calendar's own address to come back to) is accepted there,
confirmed with a count, and another organization's posts are refused in plain words."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.urls import reverse

from posts.models import Post
from tests.calendar.conftest import TORONTO, place

MARCH = {"start": "2027-03-01T00:00:00-05:00", "end": "2027-04-01T00:00:00-04:00", "timeZone": "America/Toronto"}
BACK = "/calendar/?date=2027-03-08"


def selected_on_calendar(client) -> list[int]:
    """The post ids the page's items carry, as calendar.js puts them in the form."""
    events = client.get(reverse("calendar-events"), MARCH).json()
    return sorted({event["extendedProps"]["post"] for event in events})


def test_the_calendar_page_offers_select_several_and_the_bulk_actions(alice_client):
    content = alice_client.get(reverse("calendar")).content.decode()
    assert 'id="calendar-select"' in content and "Select several" in content
    assert f'action="{reverse("posts-bulk")}"' in content
    assert 'value="reschedule"' in content and 'value="delete"' in content


def test_the_bulk_page_confirms_the_posts_the_calendar_sends_and_returns_to_the_calendar(
    alice_client, alice, x_account
):
    first = place(x_account, at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO), author=alice)
    second = place(x_account, at=datetime(2027, 3, 10, 9, 30, tzinfo=TORONTO), author=alice)
    posts = selected_on_calendar(alice_client)
    assert posts == sorted([first.post_id, second.post_id])
    chosen = {"posts": posts, "action": "reschedule", "amount": "1", "unit": "days", "next": BACK}

    confirm = alice_client.post(reverse("posts-bulk"), chosen)
    content = confirm.content.decode()
    assert "this changes 2 posts." in content
    assert f'value="{BACK}"' in content  # the confirmation goes back to the calendar's week

    done = alice_client.post(reverse("posts-bulk"), {**chosen, "confirmed": "true"})
    assert done.status_code == 302 and done.url == BACK
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.scheduled_at == datetime(2027, 3, 10, 9, 30, tzinfo=TORONTO)
    assert second.scheduled_at == datetime(2027, 3, 11, 9, 30, tzinfo=TORONTO)


def test_another_organizations_posts_are_refused_in_plain_words(
    alice_client, alice, x_account, charlie, charlies_account
):
    ours = place(x_account, at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO), author=alice)
    theirs = place(charlies_account, at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO), author=charlie)
    asked = {"posts": [ours.post_id, theirs.post_id], "action": "delete", "next": BACK, "confirmed": "true"}

    answer = alice_client.post(reverse("posts-bulk"), asked, follow=True)

    assert answer.redirect_chain[-1][0] == BACK
    assert "One of the selected posts is no longer here." in answer.content.decode()
    assert Post.objects.filter(pk__in=[ours.post_id, theirs.post_id]).count() == 2


def test_an_address_elsewhere_is_not_followed_after_the_bulk_action(alice_client, alice, x_account):
    target = place(x_account, at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO), author=alice)
    asked = {"posts": [target.post_id], "action": "reschedule", "amount": "1", "unit": "hours", "confirmed": "true"}
    for elsewhere in ("https://evil.example/", "//evil.example/"):
        done = alice_client.post(reverse("posts-bulk"), {**asked, "next": elsewhere})
        assert done.url == reverse("posts-bulk")
    target.refresh_from_db()
    assert target.scheduled_at == datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO) + timedelta(hours=2)
