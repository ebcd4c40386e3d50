"""The publish log of one target and the notifications page.

Thin views: permissions first (an outsider gets 404, a member without the
role 403), one service call, a message and a redirect back to the page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from accounts import notifications, permissions
from accounts.models import Notification
from audit.models import AuditEvent
from posts import review
from posts.models import PostTarget, TargetState
from posts.views_comments import thread_for
from scheduler import services

TARGETS = PostTarget.objects.select_related("post__organization", "post__author", "account")
ORG_FIELD = "post__organization"


def _target(request: HttpRequest, pk: int, action: str) -> PostTarget:
    return permissions.get_object(request.user, TARGETS, pk, action, org_field=ORG_FIELD)


@login_required
@require_GET
def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    target = _target(request, pk, "post.view")
    organization = target.post.organization
    context = {
        "target": target,
        "organization": organization,
        "attempts": target.attempts_log.all(),
        "media": [attachment.asset for attachment in target.post.attachments.select_related("asset")],
        "can_schedule": permissions.can(request.user, "post.schedule", organization),
        "can_retry": target.is_retryable,
        "needs_attention": target.state == TargetState.NEEDS_ATTENTION,
        "can_cancel": target.is_cancellable,
        "review": review.pending_decision(target.post, user=request.user)
        if target.state == TargetState.IN_REVIEW
        else None,
        "history": AuditEvent.objects.filter(organization=organization).for_post(target.post_id),
        "thread": thread_for(request.user, target.post),
    }
    return render(request, "scheduler/target_detail.html", context)


def _act(request: HttpRequest, pk: int, service, success: str) -> HttpResponse:
    target = _target(request, pk, "post.schedule")
    try:
        service(target, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    # Pressed in the failure centre: back to it, not to the post's page. Only an address of ours.
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        return redirect(back)
    return redirect("target-detail", pk=target.pk)


@login_required
@require_POST
def retry_target(request: HttpRequest, pk: int) -> HttpResponse:
    response = _act(request, pk, services.retry_target, gettext("The post will go out in a few seconds."))
    # Retried from the notifications page: that notification has done its job.
    notification = Notification.objects.filter(user=request.user, pk=request.POST.get("notification") or 0).first()
    if notification is not None:
        notifications.mark_read(notification)
    return response


@login_required
@require_POST
def confirm_published(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, services.confirm_published, gettext("Marked as published."))


@login_required
@require_POST
def cancel_target(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, services.cancel_target, gettext("Cancelled: this post will not go out to this account."))


@login_required
@require_GET
def notifications_page(request: HttpRequest) -> HttpResponse:
    rows = services.notifications_for(request.user)
    return render(request, "scheduler/notifications.html", {"notifications": rows})


@login_required
@require_POST
def mark_notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    # A person's own notifications only: someone else's is as unknown as a missing one.
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    notifications.mark_read(notification)
    if request.POST.get("next") == "link" and notification.link:
        return redirect(notification.link)
    return redirect("notifications")


@login_required
@require_POST
def mark_all_notifications_read(request: HttpRequest) -> HttpResponse:
    notifications.mark_all_read(request.user)
    return redirect("notifications")
