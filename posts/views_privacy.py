"""The privacy guard's decisions from a post's page: release it, ask for a release, mark a finding
"not a patient", undo a mark.

Thin views: the post through ``accounts.permissions`` (an outsider gets 404), one
``posts.privacy_decisions`` call, a message, and back to the post's page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from posts import privacy_decisions
from posts.models import FindingDismissal, Post


def _post(request: HttpRequest, pk: int) -> Post:
    return permissions.get_object(request.user, Post.objects.select_related("organization"), pk, "post.view")


def _back(post: Post) -> HttpResponse:
    return redirect("post-edit", post.pk)


def _act(request: HttpRequest, post: Post, act, success: str) -> HttpResponse:
    try:
        act()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return _back(post)


@login_required
@require_POST
def release(request: HttpRequest, pk: int) -> HttpResponse:
    post = _post(request, pk)
    return _act(
        request,
        post,
        lambda: privacy_decisions.release_post(post, by=request.user, reason=request.POST.get("reason", "")),
        _("Released: what the privacy policy blocked in this post may now go out. Schedule it when ready."),
    )


@login_required
@require_POST
def ask_release(request: HttpRequest, pk: int) -> HttpResponse:
    post = _post(request, pk)
    return _act(
        request,
        post,
        lambda: privacy_decisions.ask_for_release(post, by=request.user),
        _("The owners and admins were asked to release this post."),
    )


@login_required
@require_POST
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    post = _post(request, pk)
    return _act(
        request,
        post,
        lambda: privacy_decisions.dismiss_finding(
            post,
            by=request.user,
            field=request.POST.get("field", ""),
            category=request.POST.get("category", ""),
            excerpt=request.POST.get("excerpt", ""),
            reason=request.POST.get("reason", ""),
        ),
        _("Marked: this finding no longer warns or blocks for this post."),
    )


@login_required
@require_POST
def undo_dismissal(request: HttpRequest, pk: int, dismissal_id: int) -> HttpResponse:
    post = _post(request, pk)
    dismissal = permissions.get_object(
        request.user,
        FindingDismissal.objects.filter(post=post).select_related("post"),
        dismissal_id,
        "post.view",
        "post__organization",
    )
    return _act(
        request,
        post,
        lambda: privacy_decisions.undo_dismissal(dismissal, by=request.user),
        _("The mark is taken back: the finding warns or blocks again."),
    )
