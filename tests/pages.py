"""Every page of the app by URL name: who sees it, and its address in a world with content on every page.

The Content-Security-Policy tests (tests/physsocial/test_content_security_policy.py and
tests/browser/test_csp_browser.py) visit each of these. Every URL name the app has is
either a page here or in NOT_PAGES with the reason, so a new page cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from io import BytesIO

from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from PIL import Image

from accounts.models import ConnectedAccount, Membership, Organization, Role, User
from campaigns.models import Adoption, Campaign, Suggestion
from posts import services
from posts.media.ingest import ingest_upload
from posts.models import HashtagSet, MediaAsset, Post, PostTarget
from scheduler.schedules import add_to_queue, create_schedule
from tests.factories import InvitationFactory

# An https picture on a network's CDN, as the networks give them: the policy must let it load.
AVATAR_URL = "https://pbs.twimg.com/profile_images/csp_check_normal.png"


@dataclass
class World:
    owner: User
    organization: Organization
    account: ConnectedAccount
    post: Post
    target: PostTarget
    hashtag_set: HashtagSet
    photo: MediaAsset
    invitation_token: str
    campaign: Campaign


def build_world(*, owner: User, organization: Organization) -> World:
    """Content on every page of ``organization``: accounts, a photo, a queued post, an invitation.

    Needs MEDIA_ROOT and MEDIA_CACHE_DIR pointed at a temporary directory.
    """
    account = ConnectedAccount.objects.create(
        organization=organization,
        network="twitter",
        kind="x_user",
        external_id="x-1",
        display_name="Clinic on X",
        avatar_url=AVATAR_URL,
    )
    ConnectedAccount.objects.create(
        organization=organization,
        network="linkedin",
        kind="linkedin_member",
        external_id="li-1",
        display_name="Clinic on LinkedIn",
    )
    buffer = BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 200)).save(buffer, format="JPEG")
    photo = ingest_upload(
        organization=organization,
        uploaded_by=owner,
        uploaded_file=SimpleUploadedFile("waiting-room.jpg", buffer.getvalue(), content_type="image/jpeg"),
        alt_text="Our waiting room.",
    )
    hashtag_set = services.seed_demo_hashtag_sets(organization)
    create_schedule(organization=organization, slots=[(day, time(9, 0)) for day in range(7)], by=owner)
    campaign = Campaign.objects.create(
        organization=organization,
        name="Flu season",
        slug="flu-season",
        starts_on=date(2026, 10, 1),
        ends_on=date(2026, 11, 30),
        hashtags=["FluSeason"],
        landing_url="https://clinic.example/flu",
        owner=owner,
    )
    post = Post.objects.create(
        organization=organization, author=owner, text="Flu shots are in this week.", campaign=campaign
    )
    target = PostTarget.objects.create(post=post, account=account)
    add_to_queue(target, by=owner)
    invitation = InvitationFactory(organization=organization, invited_by=owner)
    return World(
        owner=owner,
        organization=organization,
        account=account,
        post=post,
        target=target,
        hashtag_set=hashtag_set,
        photo=photo,
        invitation_token=invitation.token,
        campaign=campaign,
    )


@dataclass(frozen=True)
class Page:
    #: "member" (the owner of the world's organization), "anonymous" or "staff" (a superuser).
    who: str
    args: Callable[[World], list] = lambda world: []


def _share_kit(world: World) -> Suggestion:
    """An association the world's owner runs, with a campaign, one suggestion and one adoption
    (the world's post), so the kit, the members' kits and the figures (with its chart) have content."""
    association, created = Organization.objects.get_or_create(
        slug="csp-association", defaults={"name": "CSP Association", "kind": Organization.Kind.ASSOCIATION}
    )
    if created:
        Membership.objects.create(organization=association, user=world.owner, role=Role.OWNER)
    today = timezone.localdate()
    campaign, _ = Campaign.objects.get_or_create(
        organization=association,
        slug="csp-campaign",
        defaults={"name": "CSP campaign", "starts_on": today, "ends_on": today + timedelta(days=30)},
    )
    suggestion, _ = Suggestion.objects.get_or_create(
        campaign=campaign, title="Share this", defaults={"text": "Flu shots are in.", "window_weekdays": [1]}
    )
    Adoption.objects.get_or_create(
        post=world.post, defaults={"suggestion": suggestion, "member": world.owner, "organization": world.organization}
    )
    return suggestion


def _no_args_with_share_kit(world: World) -> list:
    _share_kit(world)
    return []


def _reset_link(world: World) -> list:
    return [urlsafe_base64_encode(force_bytes(world.owner.pk)), default_token_generator.make_token(world.owner)]


PAGES: dict[str, Page] = {
    "home": Page("member"),
    "compose": Page("member"),
    "post-edit": Page("member", lambda w: [w.post.pk]),
    "post-comments": Page("member", lambda w: [w.post.pk]),
    "posts": Page("member"),
    "posts-import": Page("member"),
    "posts-bulk": Page("member"),
    "hashtag-sets": Page("member"),
    "hashtag-set-edit": Page("member", lambda w: [w.hashtag_set.pk]),
    "media-library": Page("member"),
    "calendar": Page("member"),
    "campaigns": Page("member"),
    "campaign-create": Page("member"),
    "campaign-detail": Page("member", lambda w: [w.campaign.pk]),
    "campaign-edit": Page("member", lambda w: [w.campaign.pk]),
    "campaign-delete": Page("member", lambda w: [w.campaign.pk]),
    "queue": Page("member"),
    "queue-account": Page("member", lambda w: [w.account.pk]),
    "queue-schedule-default": Page("member"),
    "queue-schedule-account": Page("member", lambda w: [w.account.pk]),
    "target-detail": Page("member", lambda w: [w.target.pk]),
    "notifications": Page("member"),
    "review": Page("member"),
    "failures": Page("member"),
    "connections": Page("member"),
    "connected-accounts": Page("member"),
    "connection-disconnect": Page("member", lambda w: [w.account.pk]),
    "organization-list": Page("member"),
    "organization-create": Page("member"),
    "organization": Page("member"),
    "organization-detail": Page("member", lambda w: [w.organization.slug]),
    "organization-delete": Page("member", lambda w: [w.organization.slug]),
    "settings": Page("member"),
    "api-tokens": Page("member"),
    "password_change": Page("member"),
    "two-factor": Page("member"),
    "two-factor-setup": Page("member"),
    "two-factor-disable": Page("member"),
    "api-docs": Page("member"),
    "login": Page("anonymous"),
    "signup": Page("anonymous"),
    "password_reset": Page("anonymous"),
    "password_reset_done": Page("anonymous"),
    "password_reset_confirm": Page("anonymous", _reset_link),
    "password_reset_complete": Page("anonymous"),
    "invitation-accept": Page("anonymous", lambda w: [w.invitation_token]),
    "admin-login": Page("anonymous"),
    "admin:index": Page("staff"),
    "admin:accounts_user_changelist": Page("staff"),
    "admin:accounts_user_change": Page("staff", lambda w: [w.owner.pk]),
    "admin:accounts_organization_add": Page("staff"),
    "audit": Page("member"),
    "share-kits": Page("member", lambda w: _no_args_with_share_kit(w)),
    "share-kit-adopt": Page("member", lambda w: [_share_kit(w).pk]),
    "campaign-kit": Page("member", lambda w: [_share_kit(w).campaign_id]),
    "suggestion-edit": Page("member", lambda w: [_share_kit(w).campaign_id, _share_kit(w).pk]),
    "campaign-adoption": Page("member", lambda w: [_share_kit(w).campaign_id]),
    "analytics": Page("member"),
    "analytics-use-best-times": Page("member"),
}


def page_path(name: str, world: World) -> str:
    return reverse(name, args=PAGES[name].args(world))


# URL names that are no page of their own, and why.
NOT_PAGES: dict[str, str] = {
    "healthz": "plain text for load balancers",
    "javascript-catalog": "the JavaScript's translations (tests/physsocial/test_javascript_translations.py)",
    "api-schema": "the OpenAPI document (YAML)",
    "logout": "POST only",
    "login-code": "only during a login with two-factor (tests/accounts/test_two_factor*.py)",
    "two-factor-backup-codes": "only with two-factor on, in a verified session (tests/accounts/test_backup_codes.py)",
    "connection-start": "POST only; the connect flow test presses it",
    "connection-callback": "the network's redirect back; the connect flow test follows it",
    "connection-choose": "after a consent with several pages; the connect flow test reaches it",
    "compose-validate": "htmx partial of the composer",
    "compose-autosave": "htmx partial of the composer",
    "post-comment-members": "the @mention autocomplete's JSON (tests/posts/test_comments_web.py)",
    "media-file": "a file",
    "media-thumbnail": "a picture",
    "media-signed": "a file for networks",
    "calendar-events": "the calendar's JSON (tests/scheduler/test_calendar_range.py)",
    "calendar-slots": "the calendar's JSON (tests/scheduler/test_calendar_range.py)",
    "calendar-feed": "an iCalendar file (tests/scheduler/test_calendar_feed.py)",
    "audit-export": "a CSV file (tests/audit/test_audit_page.py)",
    "campaign-report": "a CSV file (tests/campaigns/test_campaign_pages.py)",
    "posts-export": "a CSV file (tests/imports/test_import_pages.py)",
    "posts-import-template": "a CSV file (tests/imports/test_import_pages.py)",
    "analytics-export": "a CSV file (tests/analytics/test_page.py)",
}
# Every other name is a POST-only action or a JSON API endpoint, which the prefixes below cover.
NOT_PAGE_PREFIXES = ("api-",)
POST_ONLY = {
    # The header's language switcher (Django's set_language).
    "set_language",
    "api-token-revoke",
    "calendar-feed-revoke",
    "calendar-move",
    "campaign-duplicate",
    "failures-retry",
    "hashtag-set-delete",
    "invitation-create",
    "invitation-revoke",
    "media-alt-text",
    "media-delete",
    "media-upload",
    "member-remove",
    "member-role",
    "notification-preferences",
    "notification-read",
    "notifications-read-all",
    "organization-leave",
    "organization-switch",
    "organization-update",
    "post-approve",
    "post-delete",
    "post-duplicate",
    "posts-import-confirm",
    "post-reject",
    "post-request-changes",
    "suggestion-delete",
    "suggestion-move",
    "post-privacy-release",
    "post-privacy-ask-release",
    "post-privacy-dismiss",
    "post-privacy-undo-dismissal",
    "queue-move",
    "queue-pause",
    "queue-publish-next",
    "queue-reorder",
    "queue-resume",
    "queue-schedule-remove",
    "target-cancel",
    "target-confirm-published",
    "target-retry",
}


def url_names() -> set[str]:
    """Every named URL of the app (the admin's own pages aside: PAGES samples them)."""
    names: set[str] = set()

    def walk(patterns, namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":
                    walk(pattern.url_patterns, namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(pattern.name)

    walk(get_resolver().url_patterns)
    return names
