"""The review page and the reviewer's three answers (approve, request changes, reject).

Thin views: the active organization's posts through ``accounts.permissions``,
one ``posts.review`` call, a message, and back to the page the reviewer came from.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import permissions
from posts import privacy, privacy_decisions, review, services
from posts.forms_review import ApproveForm, RejectForm, RequestChangesForm
from posts.models import Post


@login_required
@require_GET
def review_page(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    permissions.require(request.user, "post.view", organization)
    may_decide = permissions.approval_checker(request.user, organization)
    now = timezone.now()
    items = [
        {
            "post": post,
            "may_decide": may_decide(post.author_id),
            "has_passed": review.asks_for_a_passed_time(post.in_review, now=now),
            # What the privacy guard finds, with the "not a patient" marks and releases given.
            "privacy": privacy_decisions.findings_of(post),
            # What it read in the images, with the boxes, as the composer shows it.
            "images": privacy.saved_image_checks(post),
        }
        for post in review.posts_waiting(organization)
    ]
    context = {
        "organization": organization,
        "items": items,
        "approve_form": ApproveForm(),
        "changes_form": RequestChangesForm(),
        "reject_form": RejectForm(),
    }
    return render(request, "posts/review.html", context)


def _decide(request: HttpRequest, pk: int, form: Form, act, success: str) -> HttpResponse:
    post = permissions.get_object(request.user, Post.objects.select_related("organization", "author"), pk, "post.view")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = ""
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    else:
        try:
            act(post, form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, success)
    return redirect(back or "review")


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    def act(post: Post, data: dict) -> None:
        local = data.get("scheduled_at")
        at = services.local_to_aware(local, time_zone=request.user.time_zone) if local else None
        review.approve_post(post, by=request.user, at=at)

    return _decide(request, pk, ApproveForm(request.POST), act, _("Approved: the post is scheduled."))


@login_required
@require_POST
def request_changes(request: HttpRequest, pk: int) -> HttpResponse:
    def act(post: Post, data: dict) -> None:
        review.request_changes(post, by=request.user, comment=data["comment"])

    form = RequestChangesForm(request.POST)
    return _decide(request, pk, form, act, _("Sent back to its author as a draft, with your comment."))


@login_required
@require_POST
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    def act(post: Post, data: dict) -> None:
        review.reject_post(post, by=request.user, reason=data["reason"])

    return _decide(request, pk, RejectForm(request.POST), act, _("Rejected: the post will not go out."))
