"""REST API for the privacy guard's decisions: release a blocked post, mark a finding "not a patient",
undo the mark; through ``posts.privacy_decisions``.

A post of another organization is a 404; a role that may not decide, a 403. The pre-publish
checklist is the composer's: the API does not ask for it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from physsocial.api_input import StrictSerializer, TextField
from posts import privacy_decisions
from posts.api import FORBIDDEN, NOT_FOUND, PostsAPIView
from posts.models import FindingDismissal, Post, PrivacyRelease
from privacy.text import Category

MAX_REASON = privacy_decisions.MAX_REASON_LENGTH


class CoveredFindingSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="Where, as in the validate answer's `privacy` items.")
    category = serializers.CharField(help_text="What was found.")
    excerpt = serializers.CharField(help_text="The text found, as written.")

    class Meta:
        ref_name = "PrivacyCoveredFinding"


class ReleaseSerializer(serializers.ModelSerializer):
    released_by = serializers.StringRelatedField(help_text="The owner or admin who released it.")
    findings = CoveredFindingSerializer(many=True, help_text="The blocking findings it covers; a new one blocks.")

    class Meta:
        model = PrivacyRelease
        fields = ["id", "post", "released_by", "reason", "findings", "created_at"]
        ref_name = "PrivacyRelease"


class DismissalSerializer(serializers.ModelSerializer):
    marked_by = serializers.StringRelatedField(help_text="Who marked it.")

    class Meta:
        model = FindingDismissal
        fields = ["id", "post", "field", "category", "excerpt", "reason", "marked_by", "created_at"]
        ref_name = "FindingDismissal"


class PostPrivacyAPIView(PostsAPIView):
    # Every member reaches a post they can see; the service checks the role for the decision.
    actions = {"POST": "post.view", "DELETE": "post.view"}

    def get_post(self, pk: int) -> Post:
        return self.get_object(Post.objects.select_related("organization"), pk, "post.view")


class PostReleaseApi(PostPrivacyAPIView):
    """Release a post the privacy policy blocks."""

    class InputSerializer(StrictSerializer):
        reason = TextField(
            max_length=MAX_REASON,
            allow_blank=True,
            help_text=gettext_lazy("Why this post may go out despite what it holds; required."),
        )

        class Meta:
            ref_name = "PrivacyReleaseInput"

    @extend_schema(
        operation_id="posts_privacy_release",
        summary="Release a post the privacy policy blocks",
        description=(
            "Owners and admins only. Covers the blocking findings the post holds now (listed in `findings`): "
            "scheduling, approval and publishing then let them pass. A finding added later blocks again. "
            "Audited with the reason and the findings."
        ),
        request=InputSerializer,
        responses={
            201: ReleaseSerializer,
            400: OpenApiResponse(description="An empty reason, or nothing in the post is blocked."),
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        examples=[OpenApiExample("A release", value={"reason": "Mrs. Jones gave written consent on 1 December."})],
        tags=["posts"],
    )
    def post(self, request: Request, pk: int) -> Response:
        post = self.get_post(pk)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        release = privacy_decisions.release_post(post, by=request.user, reason=data.validated_data.get("reason", ""))
        return Response(ReleaseSerializer(release).data, status=status.HTTP_201_CREATED)


class PostDismissalsApi(PostPrivacyAPIView):
    """Mark one finding of a post "not a patient"."""

    class InputSerializer(StrictSerializer):
        field = TextField(max_length=80, help_text=gettext_lazy("The finding's `field`, as the validate API gives it."))
        category = serializers.ChoiceField(
            choices=[(c.value, c.value) for c in Category], help_text=gettext_lazy("The finding's `category`.")
        )
        excerpt = TextField(max_length=500, help_text=gettext_lazy("The finding's `excerpt`."))
        reason = TextField(
            max_length=MAX_REASON,
            allow_blank=True,
            help_text=gettext_lazy("Why this is not a patient (or not an identifier); required."),
        )

        class Meta:
            ref_name = "FindingDismissalInput"

    @extend_schema(
        operation_id="posts_privacy_dismiss",
        summary='Mark a finding "not a patient"',
        description=(
            "Whoever may edit the post. The finding (same field kind, category and excerpt) no longer warns or "
            "blocks for this post; the text is unchanged. Audited."
        ),
        request=InputSerializer,
        responses={
            201: DismissalSerializer,
            400: OpenApiResponse(description="An empty reason, a finding the post does not hold, or marked already."),
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        tags=["posts"],
    )
    def post(self, request: Request, pk: int) -> Response:
        post = self.get_post(pk)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        body = data.validated_data
        dismissal = privacy_decisions.dismiss_finding(
            post,
            by=request.user,
            field=body["field"],
            category=body["category"],
            excerpt=body["excerpt"],
            reason=body.get("reason", ""),
        )
        return Response(DismissalSerializer(dismissal).data, status=status.HTTP_201_CREATED)


class PostDismissalApi(PostPrivacyAPIView):
    """Undo a "not a patient" mark."""

    @extend_schema(
        operation_id="posts_privacy_undismiss",
        summary='Undo a "not a patient" mark',
        description="The one who marked it, an owner or an admin. The finding warns or blocks again. Audited.",
        request=None,
        responses={204: None, 403: FORBIDDEN, 404: OpenApiResponse(description="No such post or mark.")},
        tags=["posts"],
    )
    def delete(self, request: Request, pk: int, dismissal_id: int) -> Response:
        post = self.get_post(pk)
        marks = FindingDismissal.objects.filter(post=post).select_related("post")
        dismissal = self.get_object(marks, dismissal_id, "post.view", "post__organization")
        privacy_decisions.undo_dismissal(dismissal, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
