"""The Queue page: each account's upcoming slots and queued posts, and its weekly schedule.

Thin views over ``scheduler.schedules``: fetch through ``accounts.permissions`` (another
organization's account or post answers 404, a role that may not act 403), one service call,
then the ``queue_partial.html`` partial for htmx or a redirect with a message for a plain form post.
Everyone in the organization sees the queue; editors and up reorder it and send posts now;
owners and admins edit schedules and pause queues.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import permissions
from accounts.models import ConnectedAccount, Organization
from physsocial.web import add_service_error, is_htmx
from posts.models import PostTarget, TargetState
from scheduler import schedules
from scheduler.forms_queue import schedule_forms
from scheduler.models import PostingSchedule, ScheduleSlot

MANAGE, QUEUE, VIEW = schedules.MANAGE_ACTION, schedules.QUEUE_ACTION, schedules.VIEW_ACTION


def _account(request: HttpRequest, account_id: int, action: str) -> ConnectedAccount:
    accounts = ConnectedAccount.objects.select_related("organization")
    return permissions.get_object(request.user, accounts, account_id, action)


def _target(request: HttpRequest, target_id: int, action: str) -> PostTarget:
    targets = PostTarget.objects.select_related("account", "account__organization", "post")
    return permissions.get_object(request.user, targets, target_id, action, org_field="post__organization")


def _queue_context(request: HttpRequest, account: ConnectedAccount, *, error: str = "") -> dict:
    organization = account.organization
    role = permissions.role_of(request.user, organization)
    schedule = schedules.schedule_for(account)
    zone_name = schedule.time_zone if schedule else organization.time_zone
    entries = schedules.queue_entries(account, now=timezone.now(), schedule=schedule)
    movable = [e.target.pk for e in entries if e.is_movable]
    awaiting = list(schedules.awaiting_approval(account))
    may_decide = permissions.approval_checker(request.user, organization)
    in_review = [e.target for e in entries if e.target and e.target.state == TargetState.IN_REVIEW]
    return {
        "organization": organization,
        "account": account,
        "accounts": ConnectedAccount.objects.for_organization(organization).shown(),
        "schedule": schedule,
        "schedule_words": schedules.describe_slots(schedule) if schedule else [],
        "entries": entries,
        "awaiting": awaiting,
        # The posts waiting here that this person may approve, send back or reject.
        "reviewable": {target.post_id for target in [*awaiting, *in_review] if may_decide(target.post.author_id)},
        # No "Move up" on the first post, no "Move down" on the last.
        "first_movable": movable[0] if movable else None,
        "last_movable": movable[-1] if movable else None,
        "zone_name": zone_name,
        "user_zone_name": request.user.time_zone if request.user.time_zone != zone_name else "",
        "may_queue": permissions.role_allows(role, QUEUE),
        "may_manage": permissions.role_allows(role, MANAGE),
        "error": error,
    }


def _queue_response(
    request: HttpRequest, account: ConnectedAccount, *, done: str = "", error: str = ""
) -> HttpResponse:
    """After an action: the refreshed queue for htmx, else a redirect carrying the message."""
    if is_htmx(request):
        context = _queue_context(request, account, error=error)
        context["done"] = done
        return render(request, "scheduler/queue_partial.html", context)
    if error:
        messages.error(request, error)
    elif done:
        messages.success(request, done)
    return redirect("queue-account", account_id=account.pk)


@login_required
@require_GET
def queue_page(request: HttpRequest) -> HttpResponse:
    """The active organization's first account's queue, or a page saying there is none yet."""
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, VIEW, organization)
    first = ConnectedAccount.objects.for_organization(organization).shown().first()
    if first is not None:
        return redirect("queue-account", account_id=first.pk)
    context = {
        "organization": organization,
        "schedule": schedules.default_schedule(organization),
        "may_manage": permissions.role_allows(membership.role, MANAGE),
    }
    return render(request, "scheduler/queue_empty.html", context)


@login_required
@require_GET
def account_queue(request: HttpRequest, account_id: int) -> HttpResponse:
    account = _account(request, account_id, VIEW)
    context = _queue_context(request, account)
    template = "scheduler/queue_partial.html" if is_htmx(request) else "scheduler/queue.html"
    return render(request, template, context)


@login_required
@require_POST
def reorder(request: HttpRequest, account_id: int) -> HttpResponse:
    account = _account(request, account_id, QUEUE)
    try:
        schedules.reorder_queue(account, target_ids=request.POST.getlist("target"), by=request.user)
    except ValidationError as e:
        return _queue_response(request, account, error=" ".join(e.messages))
    return _queue_response(request, account, done="The new order is saved.")


@login_required
@require_POST
def move(request: HttpRequest, target_id: int, direction: str) -> HttpResponse:
    if direction not in ("up", "down"):
        raise Http404(gettext("No such direction."))
    target = _target(request, target_id, QUEUE)
    try:
        schedules.move_in_queue(target, direction=direction, by=request.user)
    except ValidationError as e:
        return _queue_response(request, target.account, error=" ".join(e.messages))
    return _queue_response(request, target.account, done=f"Moved {direction}.")


@login_required
@require_POST
def publish_next(request: HttpRequest, target_id: int) -> HttpResponse:
    target = _target(request, target_id, QUEUE)
    try:
        schedules.publish_next(target, by=request.user)
    except ValidationError as e:
        return _queue_response(request, target.account, error=" ".join(e.messages))
    return _queue_response(request, target.account, done="It goes out now; its slot is free again.")


def _schedule_or_404(account: ConnectedAccount) -> PostingSchedule:
    schedule = schedules.schedule_for(account)
    if schedule is None:
        raise Http404(gettext("This account has no posting schedule."))
    return schedule


@login_required
@require_POST
def pause(request: HttpRequest, account_id: int) -> HttpResponse:
    account = _account(request, account_id, MANAGE)
    schedules.pause_queue(_schedule_or_404(account), by=request.user)
    return _queue_response(request, account, done="The queue is paused: nothing in it goes out until you resume it.")


@login_required
@require_POST
def resume(request: HttpRequest, account_id: int) -> HttpResponse:
    account = _account(request, account_id, MANAGE)
    schedules.resume_queue(_schedule_or_404(account), by=request.user)
    return _queue_response(request, account, done="The queue is running again.")


# The schedule editor ---------------------------------------------------------------------------------------------


def _editor(
    request: HttpRequest,
    *,
    organization: Organization,
    schedule: PostingSchedule | None,
    shown: PostingSchedule | None,
    account: ConnectedAccount | None,
) -> HttpResponse:
    """Show or save the editor for ``schedule`` (None: create it), starting from ``shown``'s times."""
    data = request.POST if request.method == "POST" else None
    form, rows = schedule_forms(data, schedule=shown, time_zone=organization.time_zone)
    if data is not None and form.is_valid() and rows.is_valid():
        try:
            if schedule is None:
                schedules.create_schedule(
                    organization=organization,
                    account=account,
                    time_zone=form.cleaned_data["time_zone"],
                    slots=rows.slots(),
                    by=request.user,
                )
            else:
                schedules.update_schedule(
                    schedule, time_zone=form.cleaned_data["time_zone"], slots=rows.slots(), by=request.user
                )
        except ValidationError as e:
            add_service_error(form, e)
        else:
            messages.success(request, gettext("The posting schedule is saved."))
            return redirect("queue-account", account_id=account.pk) if account else redirect("queue")
    context = {
        "organization": organization,
        "account": account,
        "schedule": schedule,
        "default": schedules.default_schedule(organization) if account else None,
        "form": form,
        "rows": rows,
        "user_zone_name": request.user.time_zone,
        "weekdays": ScheduleSlot.Weekday.choices,
    }
    return render(request, "scheduler/schedule_edit.html", context, status=400 if data is not None else 200)


@login_required
@require_http_methods(["GET", "POST"])
def edit_default_schedule(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    permissions.require(request.user, MANAGE, organization)
    schedule = schedules.default_schedule(organization)
    return _editor(request, organization=organization, schedule=schedule, shown=schedule, account=None)


@login_required
@require_http_methods(["GET", "POST"])
def edit_account_schedule(request: HttpRequest, account_id: int) -> HttpResponse:
    account = _account(request, account_id, MANAGE)
    own = PostingSchedule.objects.filter(account=account).first()
    # A first schedule of its own starts from the organization's times, the usual starting point.
    shown = own or schedules.default_schedule(account.organization)
    return _editor(request, organization=account.organization, schedule=own, shown=shown, account=account)


@login_required
@require_POST
def remove_account_schedule(request: HttpRequest, account_id: int) -> HttpResponse:
    account = _account(request, account_id, MANAGE)
    own = PostingSchedule.objects.filter(account=account).first()
    if own is not None:
        schedules.remove_schedule(own, by=request.user)
    messages.success(
        request,
        gettext("%(display_name)s follows the organization's schedule again.") % {"display_name": account.display_name},
    )
    return redirect("queue-account", account_id=account.pk)
