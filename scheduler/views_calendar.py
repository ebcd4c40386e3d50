"""The Calendar page, its JSON (one visible range, free slots, moving an item), and the iCalendar feed.

The page is FullCalendar (static/js/calendar.js) reading ``calendar-events`` and
``calendar-slots`` for each range it shows; a drop posts the new wall-clock time to
``calendar-move``. The feed is read by calendar programs, which cannot sign in: its secret
address is the key (``scheduler.calendar.feed_by_token``).
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts import permissions
from accounts.models import Organization
from physsocial.networks import network_label
from platforms import NETWORKS
from posts import services
from posts.models import PostTarget, TargetState
from scheduler import calendar
from scheduler.forms_calendar import CalendarRangeForm, MoveForm


def _errors(form) -> JsonResponse:
    detail = [message for errors in form.errors.values() for message in errors]
    return JsonResponse({"detail": detail}, status=400)


def _range_form(request: HttpRequest, organization: Organization) -> CalendarRangeForm:
    accounts, authors = calendar.accounts_and_authors(organization)
    return CalendarRangeForm(
        request.GET,
        account_ids=[account.pk for account in accounts],
        author_ids=[author.pk for author in authors],
        # Read only when filtering by campaign: a range without it stays at its count of queries.
        campaign_ids=list(organization.campaigns.values_list("pk", flat=True)) if "campaign" in request.GET else [],
    )


def _initial_date(value: str) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else None
    except ValueError:
        return None


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, "post.view", organization)
    accounts, authors = calendar.accounts_and_authors(organization)
    user_zone = request.user.time_zone
    own_zone = request.GET.get("zone") == "mine"
    # A reviewer gets the review dialog; which items open it, the range's JSON says (``review``).
    may_review = permissions.may_approve(request.user, organization, author_id=None)
    config = {
        "eventsUrl": reverse("calendar-events"),
        "slotsUrl": reverse("calendar-slots"),
        "moveUrl": reverse("calendar-move", args=[0]),
        "composeUrl": reverse("compose"),
        "organizationZone": organization.time_zone,
        "userZone": user_zone,
        "zone": user_zone if own_zone else organization.time_zone,
        # ?date=2026-03-09 opens the calendar on that day's week (a link from elsewhere, the browser test).
        "initialDate": _initial_date(request.GET.get("date", "")),
        "mayDraft": permissions.role_allows(membership.role, "post.draft"),
        "authors": {author.pk: author.get_full_name() for author in authors} if may_review else {},
        "text": {
            "askedFor": _("%(author)s asks for %(when)s."),
            "moveFailed": _("The post could not be moved."),
            "moving": _("Moving the post…"),
            "loadFailed": _("The calendar could not load its posts. Reload the page to try again."),
            "today": _("Today"),
            "month": _("Month"),
            "week": _("Week"),
            "day": _("Day"),
            "list": _("List"),
            # The "Select several" mode (its count is ngettext in calendar.js); the form posts to the
            # Bulk page (campaigns/views_import.py).
            "notSelectable": _("This post has gone out or is going out; it can no longer change."),
        },
    }
    context = {
        "organization": organization,
        "accounts": accounts,
        "authors": authors,
        "networks": [(network, network_label(network)) for network in NETWORKS],
        "campaigns": list(organization.campaigns.order_by("-starts_on", "name")),
        "states": [(state, TargetState(state).label) for state in calendar.SHOWN_STATES],
        "config": config,
        "may_review": may_review,
        # The dialog's forms are drawn once, for "post 0"; calendar.js points them at the item opened.
        "any_post": {"pk": 0},
        "own_zone": own_zone,
        "user_zone": user_zone,
        "same_zone": user_zone == organization.time_zone,
        "may_cancel": permissions.role_allows(membership.role, "post.schedule"),
    }
    return render(request, "scheduler/calendar.html", context)


@login_required
@require_GET
def calendar_events(request: HttpRequest) -> JsonResponse:
    """The items of one visible range, as FullCalendar's events."""
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, "post.view", organization)
    form = _range_form(request, organization)
    if not form.is_valid():
        return _errors(form)
    data = form.cleaned_data
    items = calendar.calendar_items(
        organization,
        start=data["start"],
        end=data["end"],
        filters=data["filters"],
        viewer=request.user,
        membership=membership,
    )
    detail_path = calendar.target_detail_path()
    return JsonResponse([calendar.as_event(item, detail_path=detail_path) for item in items], safe=False)


@login_required
@require_GET
def calendar_slots(request: HttpRequest) -> JsonResponse:
    """The posting schedules' free slots in one visible range, as background events."""
    organization = permissions.active_organization(request)
    permissions.require(request.user, "post.view", organization)
    form = _range_form(request, organization)
    if not form.is_valid():
        return _errors(form)
    data = form.cleaned_data
    slots = calendar.free_slots(organization, start=data["start"], end=data["end"], filters=data["filters"])
    return JsonResponse([slot.as_event() for slot in slots], safe=False)


@login_required
@require_POST
def calendar_move(request: HttpRequest, pk: int) -> JsonResponse:
    """Move one item to the wall-clock time it was dropped on, checked as the composer checks."""
    target = permissions.get_object(
        request.user,
        PostTarget.objects.select_related("post__organization", "account"),
        pk,
        "post.draft",
        org_field="post__organization",
    )
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _errors(form)
    zone = form.cleaned_data["time_zone"]
    try:
        at = services.local_to_aware(form.cleaned_data["start"], time_zone=zone)
        was_queued = services.reschedule_target(target, at=at, by=request.user)
    except ValidationError as error:
        return JsonResponse({"detail": error.messages}, status=400)
    except PermissionDenied as error:
        return JsonResponse({"detail": [str(error) or _("Your role does not allow this.")]}, status=403)
    target.refresh_from_db()
    when = services.describe_time(at, time_zone=zone)
    network = network_label(target.account.network)
    if was_queued:
        message = _("%(network)s: moved to %(when)s. It left the queue and now goes out at this fixed time.")
    elif target.state == TargetState.IN_REVIEW:
        message = _("%(network)s: now asks for %(when)s; it waits for approval.")
    elif target.state == TargetState.DRAFT:
        message = _("%(network)s: the draft is now planned for %(when)s.")
    else:
        message = _("%(network)s: moved to %(when)s.")
    item = calendar.calendar_items(
        target.post.organization,
        start=target.scheduled_at,
        end=target.scheduled_at + calendar.ITEM_LENGTH,
        filters=calendar.CalendarFilters(account_ids=frozenset([target.account_id])),
        viewer=request.user,
        membership=permissions.membership_of(request.user, target.post.organization_id),
    )
    event = next((calendar.as_event(i) for i in item if i.target_id == target.pk), None)
    return JsonResponse({"message": message % {"network": network, "when": when}, "event": event})


@never_cache
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private iCalendar feed: no sign-in, the secret address is the key."""
    feed = calendar.feed_by_token(token)
    if feed is None:
        raise Http404
    response = HttpResponse(calendar.render_feed(feed), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="physsocial.ics"'
    # The address is the secret: it must not travel on in a Referer from a link in an event.
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_POST
def calendar_feed_revoke(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    calendar.revoke_feed(request.user, organization)
    messages.success(request, _("Your calendar feed has a new address; the old one no longer works. Copy the new one."))
    return redirect(reverse("settings") + "#calendar-feed")
