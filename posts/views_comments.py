"""A post's internal comments: the thread, the comment box and the @mention autocomplete.

Thin views: the post through ``accounts.permissions`` (an outsider gets 404), one
``posts.comments`` call. The comment box posts with htmx and gets the thread back; without
JavaScript it is a plain form, answered with a redirect (or the page again, with the error).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts import permissions
from accounts.models import User
from physsocial.web import add_service_error, is_htmx
from posts import comments
from posts.comments import ThreadEntry
from posts.forms_comments import CommentForm
from posts.models import Post

POSTS = Post.objects.select_related("organization", "author").prefetch_related("targets__account")


@dataclass
class Thread:
    """What ``posts/_comments.html`` shows: the entries, and the box for those who may write."""

    post: Post
    entries: list[ThreadEntry]
    may_comment: bool
    form: CommentForm = field(default_factory=CommentForm)
    added: bool = False


def thread_for(user: User, post: Post, *, form: CommentForm | None = None, added: bool = False) -> Thread:
    """The thread of ``post`` as ``user`` sees it (for the post's pages that include it)."""
    return Thread(
        post=post,
        entries=comments.thread_of(post),
        may_comment=permissions.can(user, "post.comment", post.organization),
        form=form or CommentForm(),
        added=added,
    )


def _back(request: HttpRequest) -> str:
    """The page the comment box was on, if it is one of ours."""
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return back
    return ""


def _page(request: HttpRequest, post: Post, thread: Thread, *, status: int = 200) -> HttpResponse:
    context = {
        "post": post,
        "thread": thread,
        "may_edit": permissions.can(request.user, "post.draft", post.organization),
    }
    return render(request, "posts/comments.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def comments_page(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the post's comments. POST: add one (viewers get 403: they read, they do not write)."""
    post = permissions.get_object(request.user, POSTS, pk, "post.view")
    if request.method == "GET":
        return _page(request, post, thread_for(request.user, post))
    form = CommentForm(request.POST)
    form.is_valid()
    try:
        comment = comments.add_comment(post, by=request.user, body=form.cleaned_data.get("body", ""))
    except ValidationError as error:
        add_service_error(form, error)
        thread = thread_for(request.user, post, form=form)
        if is_htmx(request):
            # 200, not 400: htmx swaps only successful answers, and the box must show the error.
            return render(request, "posts/_comments.html", {"thread": thread})
        return _page(request, post, thread, status=400)
    if is_htmx(request):
        return render(request, "posts/_comments.html", {"thread": thread_for(request.user, post, added=True)})
    messages.success(request, _("Comment added."))
    return redirect(f"{_back(request) or reverse('post-comments', args=[post.pk])}#comment-{comment.pk}")


@login_required
@require_GET
def mention_suggestions(request: HttpRequest, pk: int) -> JsonResponse:
    """The autocomplete's members: ``?q=`` part of a name or address; what to insert for each."""
    post = permissions.get_object(request.user, Post.objects.select_related("organization"), pk, "post.view")
    members = comments.mention_suggestions(post.organization, request.GET.get("q", ""), exclude=request.user)
    return JsonResponse(
        {"members": [{"name": str(member), "email": member.email, "mention": f"@{member.email}"} for member in members]}
    )
