"""Adopting a suggested post: a post of the member's own, at a time inside the suggested window."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from campaigns import kits
from campaigns.models import Adoption, Suggestion
from posts.models import ImageReading, MediaAsset, PostTarget, TargetState
from scheduler.schedules import create_schedule
from tests.sharekits.conftest import campaign_between

TORONTO = ZoneInfo("America/Toronto")


def test_the_draft_carries_the_kit_texts_hashtags_link_and_accounts(suggestion, dana, danas_org):
    adopted = kits.adopt_suggestion(suggestion, member=dana, organization=danas_org)

    post = adopted.post
    assert post.organization == danas_org and post.author == dana
    assert post.text == "Flu shots are here: book yours today.\n\n#FluSeason #GetVaccinated"
    assert post.link == "https://oma.example.org/flu/book"
    assert post.campaign is None  # the association's campaign pages list only its own posts
    targets = {target.account.network: target for target in post.targets.select_related("account")}
    assert set(targets) == {"twitter", "linkedin"}
    assert all(target.state == TargetState.DRAFT for target in targets.values())
    assert targets["linkedin"].text_override == (
        "Colleagues: flu shots protect our patients and us.\n\n#FluSeason #GetVaccinated"
    )
    assert targets["twitter"].text_override == ""
    assert Adoption.objects.get(post=post).member == dana


def test_the_media_are_copied_into_the_members_library(suggestion, poster, dana, danas_org):
    post = kits.adopt_suggestion(suggestion, member=dana, organization=danas_org).post

    [copy] = post.media.all()
    assert copy.pk != poster.pk and copy.organization == danas_org
    assert copy.alt_text == "A nurse giving a flu shot."
    assert copy.file.name != poster.file.name
    with copy.file.open("rb") as mine, poster.file.open("rb") as theirs:
        assert mine.read() == theirs.read()
    assert copy.sha256 == poster.sha256
    assert MediaAsset.objects.filter(organization=poster.organization).count() == 1


def test_what_the_privacy_guard_read_in_a_picture_comes_with_its_copy(suggestion, poster, dana, danas_org):
    post = kits.adopt_suggestion(suggestion, member=dana, organization=danas_org).post

    [copy] = post.media.all()
    theirs, mine = ImageReading.objects.get(asset=poster), ImageReading.objects.get(asset=copy)
    assert mine.pk != theirs.pk and mine.state == theirs.state == ImageReading.State.READ
    assert (mine.text, mine.faces, mine.engine) == (theirs.text, theirs.faces, theirs.engine)


def test_the_window_is_the_associations_local_time_across_a_clock_change(association, dana, danas_org):
    # Toronto moves its clocks forward on Sunday 8 March 2026; Paris only on the 29th.
    dana.time_zone = "Europe/Paris"
    dana.save()
    campaign = campaign_between(association, date(2026, 3, 1), date(2026, 3, 31))
    sunday_morning = Suggestion.objects.create(
        campaign=campaign,
        title="Sunday",
        text="Rest well.",
        window_weekdays=[6],
        window_starts_at=time(8, 0),
        window_ends_at=time(10, 0),
    )
    saturday = datetime(2026, 3, 7, 15, 0, tzinfo=UTC)

    adopted = kits.adopt_suggestion(sunday_morning, member=dana, organization=danas_org, now=saturday)

    assert adopted.at == datetime(2026, 3, 8, 12, 0, tzinfo=UTC)  # 08:00 EDT, no longer 13:00 UTC
    assert adopted.at.astimezone(TORONTO).strftime("%H:%M %Z") == "08:00 EDT"
    assert adopted.at.astimezone(ZoneInfo("Europe/Paris")).strftime("%H:%M") == "13:00"
    # And the Sunday before the change, the same window was an hour later in UTC.
    earlier = kits.next_window_time(sunday_morning, after=datetime(2026, 2, 28, 15, 0, tzinfo=UTC))
    assert earlier == datetime(2026, 3, 1, 13, 0, tzinfo=UTC)


def test_inside_an_open_window_the_time_is_now_rounded_up(association):
    campaign = campaign_between(association, date(2026, 3, 1), date(2026, 3, 31))
    evening = Suggestion.objects.create(
        campaign=campaign, title="Evening", text="Hi", window_starts_at=time(18, 0), window_ends_at=time(21, 0)
    )
    at_1902 = datetime(2026, 3, 10, 19, 2, tzinfo=TORONTO)
    assert kits.next_window_time(evening, after=at_1902) == datetime(2026, 3, 10, 19, 5, tzinfo=TORONTO)


def test_no_window_left_in_the_campaign_is_said_plainly(association):
    campaign = campaign_between(association, date(2026, 3, 1), date(2026, 3, 2))
    tuesdays = Suggestion.objects.create(campaign=campaign, title="Tue", text="Hi", window_weekdays=[1])
    with pytest.raises(kits.ValidationError, match="no suggested time left"):
        kits.next_window_time(tuesdays, after=datetime(2026, 2, 20, tzinfo=UTC))


def test_use_my_queue_takes_the_next_free_slot_inside_the_window(suggestion, dana, danas_org):
    suggestion.window_starts_at, suggestion.window_ends_at = time(8, 0), time(10, 0)
    suggestion.save()
    create_schedule(
        organization=danas_org, slots=[(day, at) for day in range(7) for at in (time(7), time(9), time(12))], by=dana
    )
    now = timezone.now()
    local_now = now.astimezone(TORONTO)
    day = local_now.date() if local_now.time() < time(9) else local_now.date() + timedelta(days=1)
    nine = datetime.combine(day, time(9), tzinfo=TORONTO)

    first = kits.adopt_suggestion(suggestion, member=dana, organization=danas_org, when="queue", schedule="at")
    second = kits.adopt_suggestion(
        suggestion, member=dana, organization=danas_org, when="queue", schedule="at", again=True
    )

    assert first.at == nine
    assert second.at == datetime.combine(day + timedelta(days=1), time(9), tzinfo=TORONTO)
    held = PostTarget.objects.filter(post=first.post)
    assert {(t.state, t.is_queued, t.scheduled_at) for t in held} == {(TargetState.SCHEDULED, True, nine)}


def test_use_my_queue_without_a_posting_schedule_says_so(suggestion, dana, danas_org):
    with pytest.raises(kits.ValidationError, match="no posting schedule"):
        kits.adopt_suggestion(suggestion, member=dana, organization=danas_org, when="queue")


def test_adopting_twice_warns_and_goes_on_only_when_confirmed(suggestion, dana, danas_org):
    kits.adopt_suggestion(suggestion, member=dana, organization=danas_org)

    with pytest.raises(kits.AlreadyAdopted, match="already adopted"):
        kits.adopt_suggestion(suggestion, member=dana, organization=danas_org)
    assert Adoption.objects.filter(member=dana).count() == 1

    kits.adopt_suggestion(suggestion, member=dana, organization=danas_org, again=True)
    assert Adoption.objects.filter(member=dana).count() == 2


def test_the_choice_to_be_counted_without_a_name_is_remembered(suggestion, campaign, dana, danas_org):
    assert kits.last_anonymity_choice(dana) is False
    kits.adopt_suggestion(suggestion, member=dana, organization=danas_org, anonymous=True)
    other = Suggestion.objects.create(campaign=campaign, title="Second", text="More.")

    adopted = kits.adopt_suggestion(other, member=dana, organization=danas_org)

    assert adopted.adoption.anonymous is True
    assert kits.last_anonymity_choice(dana) is True


def test_a_viewer_adopts_into_her_own_organization_not_the_association(suggestion, dana, association):
    with pytest.raises(PermissionDenied):
        kits.adopt_suggestion(suggestion, member=dana, organization=association)


def test_someone_outside_the_association_cannot_adopt(suggestion, charlie, charlies_org):
    with pytest.raises(Http404):
        kits.adopt_suggestion(suggestion, member=charlie, organization=charlies_org)


def test_a_campaign_that_is_over_cannot_be_adopted(suggestion, dana, danas_org):
    later = timezone.now() + timedelta(days=90)
    with pytest.raises(kits.ValidationError, match="over"):
        kits.adopt_suggestion(suggestion, member=dana, organization=danas_org, now=later)
