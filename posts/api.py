"""REST API for posts: create, list, read, edit, delete and validate, through ``posts.services``.

The API parses, calls the same service as the composer, and serializes: the
rules on text, media, accounts, roles and schedules are the composer's. When
some targets cannot be scheduled the answer is a 400 that lists each
account's problems::

    {"problems": {"12": [{"code": "text_too_long", "message": "X: 312 of 280 characters", "field": "text"}]},
     "detail": ["X: 312 of 280 characters"]}

``/api/v1/posts/`` and ``/api/v1/posts/{id}/`` serve several methods each, so
those views pick the permission per method; each method keeps its own
serializers and service call.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import permissions
from accounts.api import OrganizationAPIView
from physsocial.api_input import IdField, JSONParser, SentencesField, StrictSerializer, page_of
from posts import privacy, services
from posts.models import Post, PostTarget, TargetState
from posts.serializers import (
    AccountCheckSerializer,
    AwareDateTimeField,
    PostSerializer,
    ProblemSerializer,
    ScheduleSerializer,
)
from privacy.text import Category

NOT_FOUND = OpenApiResponse(description="No such post in the token's organization.")
FORBIDDEN = OpenApiResponse(description="Your role in the organization does not allow this.")


class PrivacyDecisionSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The release's or the mark's id.")
    by = serializers.CharField(help_text="Who decided.")
    reason = serializers.CharField(help_text="Why, in their words.")
    at = serializers.DateTimeField(help_text="When.")

    class Meta:
        ref_name = "PrivacyDecision"


class PrivacyFindingSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=[(c.value, c.value) for c in Category], help_text="What was found.")
    severity = serializers.ChoiceField(
        choices=[("warn", "warn"), ("block", "block")],
        help_text="The organization's policy for this category: `block` stops scheduling, `warn` does not.",
    )
    excerpt = serializers.CharField(help_text="The text found, as written.")
    start = serializers.IntegerField(help_text="Offset of the excerpt in the field's text, in characters.")
    end = serializers.IntegerField(help_text="Offset just past the excerpt.")
    field = serializers.CharField(
        help_text=(
            "Where: `text`, `text:<network>` (tailored text), `thread:<n>` (an X thread part), `title:youtube`, "
            "`tags:youtube`, `link`, `alt:<media id>`, `media:<media id>` (text read in an image)."
        )
    )
    reason = serializers.CharField(help_text="Why it was flagged, in plain words.")
    dismissed = PrivacyDecisionSerializer(
        required=False,
        allow_null=True,
        help_text='Marked "not a patient" on this post (it no longer warns or blocks), or null.',
    )
    released = PrivacyDecisionSerializer(
        required=False,
        allow_null=True,
        help_text="Released by an owner or admin on this post (it no longer blocks), or null.",
    )

    class Meta:
        ref_name = "PrivacyFinding"


class ImageReadingSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The media id.")
    state = serializers.ChoiceField(
        choices=[("pending", "pending"), ("read", "read"), ("not_read", "not_read")],
        help_text=(
            "`pending`: still being read (a few seconds after upload; scheduling waits for it); `read`; "
            "`not_read`: the image could not be read (`not_read_reason`), so its text was not checked."
        ),
    )
    text = serializers.CharField(help_text="The text read in the image, line by line; its findings are in `privacy`.")
    lines = serializers.ListField(
        child=serializers.DictField(),
        help_text="Each line read: {text, left, top, width, height, confidence}, in the image's pixels.",
    )
    faces = serializers.IntegerField(help_text="How many faces were found.")
    faces_checked = serializers.BooleanField(help_text="False when the face detector could not run.")
    face_consent_required = serializers.BooleanField(
        help_text="A face was found and consent is not confirmed (`face_consents`): scheduling is refused."
    )
    not_read_reason = serializers.CharField(help_text="Why the image was not read, in plain words.")

    class Meta:
        ref_name = "ImageReading"


ProblemsSerializer = inline_serializer(
    name="PostProblems",
    fields={
        "privacy": PrivacyFindingSerializer(
            many=True, required=False, help_text="What the organization's privacy policy blocks."
        ),
        "problems": serializers.DictField(
            child=ProblemSerializer(many=True),
            required=False,
            help_text="Per account id: why it cannot be scheduled.",
        ),
        "detail": SentencesField(required=False),
    },
)
INVALID = OpenApiResponse(
    ProblemsSerializer,
    description=(
        "Some accounts cannot take this post (`problems`, per account id), the post holds what the "
        "organization's privacy policy blocks (`privacy`, when scheduling), or the body is invalid "
        "(DRF's field errors, e.g. `scheduled_at` without an offset)."
    ),
    examples=[
        OpenApiExample(
            "A post too long for X",
            value={
                "problems": {"12": [{"code": "text_too_long", "message": "X: 312 of 280 characters", "field": "text"}]},
                "detail": ["X: 312 of 280 characters"],
            },
        )
    ],
)


def problems_body(error: services.PostProblems) -> dict[str, Any]:
    return {
        "problems": {
            str(account_id): ProblemSerializer(check.problems, many=True).data
            for account_id, check in error.results.items()
            if check.problems
        },
        "detail": error.messages,
    }


def posts_of(organization) -> QuerySet[Post]:
    targets = PostTarget.objects.select_related("account").order_by("pk")
    return (
        Post.objects.filter(organization=organization)
        .select_related("author", "organization")
        .prefetch_related(Prefetch("targets", queryset=targets), "attachments")
    )


class PostsAPIView(OrganizationAPIView):
    # Overrides are nested objects, which forms cannot express: posts are JSON only.
    parser_classes = [JSONParser]
    #: HTTP method → the permission action it needs.
    actions: dict[str, str] = {}

    @property
    def permission_action(self) -> str:
        """The permission action of this request's method ("" for OPTIONS)."""
        method = self.request.method or ""
        return self.actions.get("GET" if method == "HEAD" else method, "")

    def get_permissions(self):
        return [permissions.allows(self.permission_action)()] if self.permission_action else super().get_permissions()

    def handle_exception(self, exc: Exception):
        if isinstance(exc, privacy.PrivacyBlocked):
            body = {"privacy": [finding.as_dict() for finding in exc.findings], "detail": exc.messages}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, services.PostProblems):
            return Response(problems_body(exc), status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def answer(self, post: Post, *, status_code: int = status.HTTP_200_OK) -> Response:
        fresh = posts_of(self.get_organization()).get(pk=post.pk)
        return Response(PostSerializer(fresh).data, status=status_code)


class PostPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


class PostListCreateApi(PostsAPIView):
    """The organization's posts."""

    actions = {"GET": "post.view", "POST": "post.draft"}

    class FilterSerializer(StrictSerializer):
        unknown_field_message = gettext_lazy("This is not a filter of the posts list.")

        def to_internal_value(self, data: Any) -> dict[str, Any]:
            # "?to=" is a mistake, not "no filter": DRF would quietly skip it.
            empty = sorted(name for name in data if name in self.fields and data.get(name) == "")
            if empty:
                raise serializers.ValidationError({name: [_("Give a value, or leave it out.")] for name in empty})
            return super().to_internal_value(data)

        def get_fields(self) -> dict[str, serializers.Field]:
            # "from" is a Python keyword, so the fields are listed here rather than as attributes.
            return {
                "state": serializers.ChoiceField(choices=TargetState.choices, required=False),
                "account": IdField(required=False, from_text=True),
                "author": IdField(required=False, from_text=True),
                "campaign": IdField(required=False, from_text=True),
                "from": AwareDateTimeField(required=False),
                "to": AwareDateTimeField(required=False),
                # Read by the paginator; listed so that they are checked, and not refused as unknown.
                "page": IdField(required=False, from_text=True),
                "page_size": serializers.IntegerField(
                    required=False, min_value=1, max_value=PostPagination.max_page_size
                ),
            }

    class CreateInputSerializer(ScheduleSerializer):
        class Meta:
            ref_name = "PostCreate"

    OutputSerializer = PostSerializer

    @extend_schema(
        operation_id="posts_list",
        summary="List posts",
        description=(
            "Newest first. The filters look at the targets: `state` (a target in that state), `account` "
            "(a target for that account id), `from` and `to` (a target scheduled in [from, to), ISO-8601 with offset: "
            "the calendar's range). Conditions apply to the same target. `author`: posts written by that user id."
        ),
        parameters=[
            OpenApiParameter("state", str, enum=TargetState.values),
            OpenApiParameter("account", OpenApiTypes.INT64, description="Connected account id."),
            OpenApiParameter("author", OpenApiTypes.INT64, description="User id of the post's author."),
            OpenApiParameter("campaign", OpenApiTypes.INT64, description="Campaign id: that campaign's posts."),
            OpenApiParameter("from", OpenApiTypes.DATETIME, description="ISO-8601 with offset; inclusive."),
            OpenApiParameter("to", OpenApiTypes.DATETIME, description="ISO-8601 with offset; exclusive."),
            OpenApiParameter("page", OpenApiTypes.INT64),
            OpenApiParameter("page_size", int, description=f"At most {PostPagination.max_page_size}."),
        ],
        responses={
            200: page_of("PostPage", PostSerializer(many=True)),
            400: OpenApiResponse(description="A filter is invalid."),
        },
        tags=["posts"],
    )
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        wanted = filters.validated_data
        target_conditions = {
            lookup: wanted[name]
            for name, lookup in (
                ("state", "targets__state"),
                ("account", "targets__account_id"),
                ("from", "targets__scheduled_at__gte"),
                ("to", "targets__scheduled_at__lt"),
            )
            if name in wanted
        }
        posts = posts_of(self.get_organization())
        if "author" in wanted:
            posts = posts.filter(author_id=wanted["author"])
        if "campaign" in wanted:
            posts = posts.filter(campaign_id=wanted["campaign"])
        if target_conditions:
            # One filter() call, so every condition applies to the same target.
            matching = Post.objects.filter(organization=self.get_organization(), **target_conditions)
            posts = posts.filter(pk__in=matching.values("pk"))
        paginator = PostPagination()
        page = paginator.paginate_queryset(posts.order_by("-created_at", "-pk"), request, view=self)
        return paginator.get_paginated_response(self.OutputSerializer(page, many=True).data)

    @extend_schema(
        operation_id="posts_create",
        summary="Create a post",
        description=(
            "One target per account in `accounts`. Say when: `scheduled_at` (a time with its offset, or null to "
            'publish now), `"queue": true` (each account\'s next free slot) or `"draft": true` (save only). '
            "If any account cannot take the post, nothing is saved and the answer lists each account's problems, "
            "unless `schedule_valid_only` is true: then those accounts stay drafts and the others are scheduled. "
            "A contributor's post goes to review (`in_review`) instead of being scheduled."
        ),
        request=CreateInputSerializer,
        responses={201: OutputSerializer, 400: INVALID, 403: FORBIDDEN},
        examples=[
            OpenApiExample(
                "Two networks, tomorrow morning",
                request_only=True,
                value={
                    "text": "Flu shots are in. Walk in Monday to Friday, 9 to 5. #CDNHealth",
                    "accounts": [12, 14],
                    "media": [31],
                    "scheduled_at": "2026-03-09T09:30:00-04:00",
                    "overrides": {
                        "14": {"text": "Flu shots are in at our clinic.", "options": {"visibility": "PUBLIC"}}
                    },
                },
            )
        ],
        tags=["posts"],
    )
    def post(self, request: Request) -> Response:
        data = self.CreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        body = data.validated_data
        schedule, scheduled_at = data.schedule(body, required=True)
        post = services.create_post(
            organization=self.get_organization(),
            author=request.user,
            text=body["text"],
            link=body["link"],
            media_ids=body["media"],
            account_ids=body["accounts"],
            overrides=body["overrides"],
            schedule=schedule,
            scheduled_at=scheduled_at,
            schedule_valid_only=body["schedule_valid_only"],
            campaign_id=body.get("campaign"),
            face_consents=body["face_consents"],
        )
        return self.answer(post, status_code=status.HTTP_201_CREATED)


class PostDetailApi(PostsAPIView):
    """One post and its targets."""

    actions = {"GET": "post.view", "PATCH": "post.draft", "DELETE": "post.draft"}

    class UpdateInputSerializer(ScheduleSerializer):
        class Meta:
            ref_name = "PostUpdate"

    OutputSerializer = PostSerializer

    def get_post(self, pk: int) -> Post:
        return self.get_object(Post.objects.select_related("organization"), pk, self.permission_action)

    @extend_schema(
        operation_id="posts_retrieve",
        summary="Read a post",
        responses={200: OutputSerializer, 404: NOT_FOUND},
        tags=["posts"],
    )
    def get(self, request: Request, pk: int) -> Response:
        return self.answer(self.get_post(pk))

    @extend_schema(
        operation_id="posts_partial_update",
        summary="Edit a post",
        description=(
            "Fields left out stay as they are; `overrides`, when given, replaces every account's tailoring. "
            "Targets can change until they start publishing. Scheduled targets that change are checked again "
            "and stay scheduled (a contributor's go back to review). Giving `draft`, `queue` or `scheduled_at` "
            "re-schedules every editable target, as on create."
        ),
        request=UpdateInputSerializer,
        responses={200: OutputSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["posts"],
    )
    def patch(self, request: Request, pk: int) -> Response:
        post = self.get_post(pk)
        data = self.UpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        body = data.validated_data
        schedule, scheduled_at = data.schedule(body, required=False)
        post = services.update_post(
            post,
            by=request.user,
            text=body.get("text"),
            link=body.get("link"),
            media_ids=body.get("media"),
            account_ids=body.get("accounts"),
            overrides=body.get("overrides"),
            schedule=schedule,
            scheduled_at=scheduled_at,
            schedule_valid_only=body.get("schedule_valid_only", False),
            campaign_id=body["campaign"] if "campaign" in body else services.UNCHANGED,
            face_consents=body.get("face_consents"),
        )
        return self.answer(post)

    @extend_schema(
        operation_id="posts_destroy",
        summary="Delete a post",
        description=(
            "Only a post none of whose targets is scheduled or has reached a network; contributors may delete "
            "only their own."
        ),
        responses={
            204: None,
            400: OpenApiResponse(description="Scheduled, publishing or published: says which networks."),
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        tags=["posts"],
    )
    def delete(self, request: Request, pk: int) -> Response:
        services.delete_draft(self.get_post(pk), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PostValidateApi(PostsAPIView):
    """Check a post against every chosen network without saving it."""

    actions = {"POST": "post.draft"}
    # Counting text with every network's rules costs more than a read, and saves nothing to pace it.
    throttle_scope = "api_validation"

    class InputSerializer(ScheduleSerializer):
        post = IdField(
            required=False,
            help_text=(
                'The saved post this body edits: its privacy releases and "not a patient" marks apply, and '
                "each `privacy` item says whether it is `dismissed` or `released`."
            ),
        )

        class Meta:
            ref_name = "PostValidate"

    class OutputSerializer(serializers.Serializer):
        is_valid = serializers.BooleanField(
            help_text="True when every account can take the post and the privacy policy blocks none of it."
        )
        accounts = serializers.DictField(child=AccountCheckSerializer(), help_text="Per account id.")
        privacy = PrivacyFindingSerializer(
            many=True, help_text="What could identify a patient, or is a professional risk; empty when clean."
        )
        images = ImageReadingSerializer(many=True, help_text="What was read in each image of `media`.")

        class Meta:
            ref_name = "PostValidation"

    @extend_schema(
        operation_id="posts_validate",
        summary="Validate a post without saving it",
        description=(
            "The same body as creating a post. Answers each account's counters and problems, counted with each "
            "network's rules (X's weighted count, LinkedIn's 3,000, Instagram's 30 hashtags...). Problems with the "
            "content come back here with 200; a body that is not a post at all (an account of another organization, "
            "an unknown option, a time without offset) is a 400. `privacy` lists what could identify a patient (and "
            "professional risks), each with the organization's severity: a `block` finding stops scheduling. The "
            "text read in each image counts too (field `media:<id>`); `images` says what was read in each, and "
            "whether it is still being read or shows a face whose consent must be confirmed (`face_consents`)."
        ),
        request=InputSerializer,
        responses={
            200: OutputSerializer,
            400: OpenApiResponse(description="The body is not a post."),
            403: FORBIDDEN,
        },
        tags=["posts"],
    )
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        body = data.validated_data
        data.schedule(body, required=False)  # refuses contradictions; times are checked on create
        content = {
            "text": body["text"],
            "link": body["link"],
            "media_ids": body["media"],
            "account_ids": body["accounts"],
            "overrides": body["overrides"],
            "campaign_id": body.get("campaign"),
        }
        organization = self.get_organization()
        post = self.get_object(Post.objects, body["post"], "post.draft") if body.get("post") else None
        results, findings = services.check_post(organization=organization, post=post, **content)
        images = services.check_images(
            organization=organization, media_ids=body["media"], face_consents=body["face_consents"], post=post
        )
        answer = {
            "is_valid": all(not r["problems"] for r in results.values())
            and not any(f.blocks for f in findings)
            and not any(image.pending or image.needs_consent for image in images),
            "accounts": results,
            "privacy": [{**finding.as_dict(), **finding.decisions_dict()} for finding in findings],
            "images": [image.as_dict() for image in images],
        }
        return Response(self.OutputSerializer(answer).data)
