"""What the association sees of adoptions: counts, networks and public links; names unless
withheld; never a member's post itself."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.api_auth import create_api_token
from accounts.models import ConnectedAccount, Membership, Organization, Role, User
from campaigns import kits
from campaigns.models import Adoption
from posts.models import Post, PostTarget, TargetState
from tests.api.conftest import client_with
from tests.factories import MembershipFactory
from tests.fixtures import make_person


def publish(target: PostTarget, url: str) -> None:
    PostTarget.objects.filter(pk=target.pk).update(
        state=TargetState.PUBLISHED, published_at=timezone.now(), external_url=url
    )


def test_figures_count_adoptions_schedules_publications_and_networks(
    staff_client, association, campaign, suggestion, dana, danas_org
):
    erin = make_person("erin@example.org", "Dr. Erin Evans")
    MembershipFactory(organization=association, user=erin, role=Role.CONTRIBUTOR)
    adopted = kits.adopt_suggestion(suggestion, member=dana, organization=danas_org, schedule="at")
    linkedin, _x = adopted.post.targets.order_by("account__network")
    publish(linkedin, "https://www.linkedin.com/feed/update/urn:li:share:1")
    kits.adopt_suggestion(suggestion, member=erin, organization=_personal(erin), anonymous=True)

    [entry] = kits.adoption_figures(campaign).suggestions

    assert (entry.adopted, entry.scheduled, entry.published) == (2, 1, 1)
    assert dict(entry.networks) == {"LinkedIn": 1}
    names = sorted(row.name for row in entry.adopters)
    assert names == ["", "Dr. Dana Diaz"]
    page = staff_client.get(reverse("campaign-adoption", args=[campaign.pk])).content.decode()
    assert "Dr. Dana Diaz" in page and "Erin" not in page
    assert "A member (without their name)" in page
    assert 'href="https://www.linkedin.com/feed/update/urn:li:share:1"' in page
    assert "adoption-chart-config" in page
    # Nothing of the member's post itself: not her text, not her hashtags.
    assert "Flu shots are here" not in page


def _personal(user):
    org = Organization.objects.get(kind=Organization.Kind.PERSONAL, memberships__user=user)
    ConnectedAccount.objects.get_or_create(
        organization=org, network="twitter", external_id=f"x-{user.pk}", defaults={"kind": "x_user"}
    )
    return org


def test_the_associations_staff_cannot_open_a_members_post(
    staff_client, alice, association, suggestion, dana, danas_org
):
    post = kits.adopt_suggestion(suggestion, member=dana, organization=danas_org).post

    assert staff_client.get(reverse("post-edit", args=[post.pk])).status_code == 404
    assert staff_client.get(reverse("post-comments", args=[post.pk])).status_code == 404
    api = client_with(create_api_token(user=alice, organization=association, name="script")[1])
    assert api.get(f"/api/v1/posts/{post.pk}/").status_code == 404
    assert api.patch(f"/api/v1/posts/{post.pk}/", {"text": "changed"}, format="json").status_code == 404
    listed = api.get("/api/v1/posts/").json()
    assert post.pk not in [item["id"] for item in listed["results"]]


def test_the_figures_take_the_same_queries_for_a_thousand_members(staff_client, association, campaign, suggestion):
    def page_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(reverse("campaign-adoption", args=[campaign.pk])).status_code == 200
        return len(queries)

    _bulk_adoptions(association, suggestion, count=3)
    few = page_queries()
    _bulk_adoptions(association, suggestion, count=997, start=3)
    assert Adoption.objects.count() == 1000
    assert page_queries() == few
    [entry] = kits.adoption_figures(campaign).suggestions
    assert (entry.adopted, entry.published) == (1000, 500)


def _bulk_adoptions(association, suggestion, *, count: int, start: int = 0) -> None:
    numbers = range(start, start + count)
    users = User.objects.bulk_create(User(email=f"member{n}@example.org", display_name=f"Dr. {n}") for n in numbers)
    orgs = Organization.objects.bulk_create(
        Organization(name=f"Dr. {n}", slug=f"member-{n}", kind=Organization.Kind.PERSONAL) for n in numbers
    )
    Membership.objects.bulk_create(
        [Membership(organization=association, user=user, role=Role.VIEWER) for user in users]
        + [Membership(organization=org, user=user, role=Role.OWNER) for user, org in zip(users, orgs, strict=True)]
    )
    accounts = ConnectedAccount.objects.bulk_create(
        ConnectedAccount(organization=org, network="linkedin", kind="linkedin_member", external_id=f"li-{org.slug}")
        for org in orgs
    )
    posts = Post.objects.bulk_create(
        Post(organization=org, author=user, text="Mine") for user, org in zip(users, orgs, strict=True)
    )
    PostTarget.objects.bulk_create(
        PostTarget(
            post=post,
            account=account,
            state=TargetState.PUBLISHED if n % 2 == 0 else TargetState.SCHEDULED,
            external_url=f"https://www.linkedin.com/feed/update/{n}",
        )
        for n, post, account in zip(numbers, posts, accounts, strict=True)
    )
    Adoption.objects.bulk_create(
        Adoption(suggestion=suggestion, post=post, member=user, organization=org, anonymous=n % 3 == 0)
        for n, post, user, org in zip(numbers, posts, users, orgs, strict=True)
    )


def test_a_member_who_adopted_twice_counts_once(campaign, suggestion, dana, danas_org):
    kits.adopt_suggestion(suggestion, member=dana, organization=danas_org)
    kits.adopt_suggestion(suggestion, member=dana, organization=danas_org, again=True)

    [entry] = kits.adoption_figures(campaign).suggestions

    assert entry.adopted == 1 and len(entry.adopters) == 2
    assert entry.scheduled == 0  # drafts, not scheduled yet
