"""The team workflow, walked end to end in a real Chromium by two people at once (issue 12's
"done means"): a contributor drafts a post in the composer and sends it for approval, the owner is
notified, approves it from the review page, drags it to another day in the week view and to another
in the month view (its time of day kept), both find their notifications (the owner the request,
the contributor the approval and each move), and the audit page shows every step. Each person has
a browser context (a session) of their own."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from accounts.models import Role
from posts.models import PostTarget, TargetState
from posts.services import describe_time
from tests.browser_support import BROWSER_TEST, signed_in_pages
from tests.calendar.browsing import drag, drag_to_day, next_monday, show_month
from tests.calendar.conftest import TORONTO

pytestmark = BROWSER_TEST


def columns(row_text: str) -> list[str]:
    """An audit row's cells: when, who, from where, what, post, details."""
    return row_text.split("\t")


def shown(moment: datetime) -> str:
    """A moment as the audit page shows it to the owner, in her zone (Toronto)."""
    return moment.astimezone(TORONTO).strftime("%Y-%m-%d %H:%M %Z")


TEXT = "Flu shots are in at the clinic: walk in Monday to Friday, nine to five."


def test_a_contributors_post_is_reviewed_approved_moved_twice_and_audited(live_server, alice, org, x_account, member):
    casey = member(Role.CONTRIBUTOR)
    casey.display_name = "Casey Contributor"
    casey.save(update_fields=["display_name"])
    monday = next_monday()
    tuesday, wednesday, friday = (monday + timedelta(days=n) for n in (1, 2, 4))
    asked = datetime.combine(tuesday, time(10, 0), TORONTO)

    with signed_in_pages(live_server, (casey, org), (alice, org), viewport={"width": 1400, "height": 1000}) as pages:
        contributor, owner = pages

        # Casey writes the post for next Tuesday at 10:00 and asks for it to be scheduled.
        contributor.goto("/compose/")
        contributor.check(f'input[name="accounts"][value="{x_account.pk}"]')
        contributor.fill("#text", TEXT)
        contributor.fill("#scheduled_local", f"{tuesday.isoformat()}T10:00")
        # The composer keeps the draft as she types (3 seconds after the last key): waiting for it
        # keeps her press from meeting the autosave halfway.
        contributor.locator("#autosave-status", has_text="Draft saved").wait_for()
        contributor.locator(f"#check-{x_account.pk} .ready").wait_for()
        contributor.get_by_role("button", name="Ask to schedule").click()
        contributor.wait_for_url("**/posts/")
        contributor.locator(".messages", has_text="Sent for approval: X.").wait_for()
        target = PostTarget.objects.get(post__author=casey)
        assert (target.state, target.scheduled_at) == (TargetState.IN_REVIEW, asked)

        # Alice is told, and approves it from the review page for the time Casey asked.
        owner.goto("/notifications/")
        owner.locator(".notifications li", has_text="Casey Contributor asks you to review a post").wait_for()
        owner.goto("/review/")
        owner.locator(f"#post-{target.post_id}").get_by_role("button", name="Approve").click()
        owner.locator(".messages", has_text="Approved: the post is scheduled.").wait_for()
        target.refresh_from_db()
        assert (target.state, target.scheduled_at) == (TargetState.SCHEDULED, asked)

        # In the week view she drags it from Tuesday to Wednesday, at the same height: still 10:00.
        owner.goto(f"/calendar/?date={monday.isoformat()}")
        item = owner.locator(".calendar-item", has_text="Flu shots are in")
        item.wait_for()
        drag_to_day(owner, item, owner.locator(f'[role="gridcell"][data-date="{wednesday.isoformat()}"]').first)
        on_wednesday = datetime.combine(wednesday, time(10, 0), TORONTO)
        owner.locator(
            "#calendar-status", has_text=f"moved to {describe_time(on_wednesday, time_zone=org.time_zone)}"
        ).wait_for()

        # In the month view, onto Friday: only the day changes.
        show_month(owner)
        friday_cell = owner.locator(f'[role="gridcell"][data-date="{friday.isoformat()}"]').first
        drag(owner, owner.locator(".calendar-item", has_text="Flu shots are in"), friday_cell)
        on_friday = datetime.combine(friday, time(10, 0), TORONTO)
        owner.locator(
            "#calendar-status", has_text=f"moved to {describe_time(on_friday, time_zone=org.time_zone)}"
        ).wait_for()
        target.refresh_from_db()
        assert (target.state, target.scheduled_at, target.due_at) == (TargetState.SCHEDULED, on_friday, on_friday)

        # Casey hears that it was approved, and of each move, in her own time zone.
        contributor.goto("/notifications/")
        contributor.locator(".notifications li", has_text="Your post was approved").wait_for()
        for when in (on_wednesday, on_friday):
            moved = f"Alice Adams moved it on X to {describe_time(when, time_zone=casey.time_zone)}."
            contributor.locator(".notifications li", has_text=moved).wait_for()

        # The audit trail holds every step, newest first.
        owner.goto("/audit/")
        rows = owner.locator(".audit-events tbody tr")
        rows.first.wait_for()
        rows = [columns(row) for row in rows.all_inner_texts()]
    steps = [(row[1].split(" <")[0], row[3].split(" · ")[0]) for row in rows]
    assert steps == [
        ("Alice Adams", "Rescheduled"),
        ("Alice Adams", "Rescheduled"),
        ("Alice Adams", "Approved"),
        ("Casey Contributor", "Post edited"),  # sent for approval
        ("Casey Contributor", "Post created"),  # the draft, kept as she typed
    ], steps
    # Each move says from when to when.
    assert f"{shown(on_wednesday)} → {shown(on_friday)}" in rows[0][5]
    assert f"{shown(asked)} → {shown(on_wednesday)}" in rows[1][5]
