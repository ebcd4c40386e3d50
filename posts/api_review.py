"""REST API for approvals: approve, request changes, reject, through ``posts.review``.

Who may decide is the organization's rule (``accounts.permissions.require_approver``):
a member who may not answers 403, a post of another organization 404.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from physsocial.api_input import StrictSerializer, TextField
from posts import review
from posts.api import FORBIDDEN, NOT_FOUND, PostsAPIView
from posts.models import Post
from posts.serializers import AwareDateTimeField, PostSerializer

NOT_WAITING = OpenApiResponse(
    description="The post no longer waits for review, the time asked for has passed (give `scheduled_at`), "
    "or the body is invalid."
)
MAX_WORDS = review.MAX_COMMENT_LENGTH


class ReviewAPIView(PostsAPIView):
    # Every member may reach a post they can see; require_approver in the service decides the rest.
    actions = {"POST": "post.view"}

    def get_post(self, pk: int) -> Post:
        return self.get_object(Post.objects.select_related("organization", "author"), pk, "post.view")


class PostApproveApi(ReviewAPIView):
    """Approve a post waiting for review."""

    class InputSerializer(StrictSerializer):
        scheduled_at = AwareDateTimeField(
            required=False,
            allow_null=True,
            help_text=gettext_lazy("A new time, ISO-8601 with its offset; left out: the time the author asked for."),
        )

        class Meta:
            ref_name = "PostApprove"

    @extend_schema(
        operation_id="posts_approve",
        summary="Approve a post",
        description=(
            "Schedules every target waiting for review, for the time its author asked for, or `scheduled_at`. "
            "When the time asked for has passed, give `scheduled_at`."
        ),
        request=InputSerializer,
        responses={200: PostSerializer, 400: NOT_WAITING, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["posts"],
    )
    def post(self, request: Request, pk: int) -> Response:
        post = self.get_post(pk)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review.approve_post(post, by=request.user, at=data.validated_data.get("scheduled_at"))
        return self.answer(post)


class PostRequestChangesApi(ReviewAPIView):
    """Send a post waiting for review back to its author."""

    class InputSerializer(StrictSerializer):
        comment = TextField(max_length=MAX_WORDS, help_text=gettext_lazy("What the author should change."))

        class Meta:
            ref_name = "PostRequestChanges"

    @extend_schema(
        operation_id="posts_request_changes",
        summary="Request changes to a post",
        description="Its targets waiting for review go back to drafts; the author is notified with `comment`.",
        request=InputSerializer,
        responses={200: PostSerializer, 400: NOT_WAITING, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["posts"],
    )
    def post(self, request: Request, pk: int) -> Response:
        post = self.get_post(pk)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review.request_changes(post, by=request.user, comment=data.validated_data["comment"])
        return self.answer(post)


class PostRejectApi(ReviewAPIView):
    """Reject a post waiting for review."""

    class InputSerializer(StrictSerializer):
        reason = TextField(max_length=MAX_WORDS, help_text=gettext_lazy("Why the post is rejected."))

        class Meta:
            ref_name = "PostReject"

    @extend_schema(
        operation_id="posts_reject",
        summary="Reject a post",
        description="Its targets waiting for review are cancelled; the author is notified with `reason`.",
        request=InputSerializer,
        responses={200: PostSerializer, 400: NOT_WAITING, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["posts"],
    )
    def post(self, request: Request, pk: int) -> Response:
        post = self.get_post(pk)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review.reject_post(post, by=request.user, reason=data.validated_data["reason"])
        return self.answer(post)
