"""REST API for a post's internal comments: ``GET``/``POST /api/v1/posts/{id}/comments/``.

Every member reads them; those whose role allows ``post.comment`` add them (a viewer gets
403); another organization's post answers 404. Mentions are "@" and a member's e-mail
address, as on the web (``posts.comments``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from physsocial.api_input import IdField, StrictSerializer, TextField, page_of
from posts import comments
from posts.api import FORBIDDEN, NOT_FOUND, PostsAPIView
from posts.models import Post, PostComment


class CommentPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


class MemberSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="get_full_name")
    email = serializers.EmailField()

    class Meta:
        ref_name = "CommentMember"


class CommentSerializer(serializers.ModelSerializer):
    author = MemberSerializer()
    mentions = MemberSerializer(source="mentioned", many=True, help_text="The members the body mentions.")

    class Meta:
        model = PostComment
        fields = ["id", "body", "author", "mentions", "created_at"]
        ref_name = "PostComment"


class PostCommentsApi(PostsAPIView):
    """A post's internal comments: never published, seen by its organization's members."""

    actions = {"GET": "post.view", "POST": "post.comment"}

    class FilterSerializer(StrictSerializer):
        unknown_field_message = gettext_lazy("This is not a parameter of the comments list.")
        page = IdField(required=False, from_text=True)
        page_size = serializers.IntegerField(required=False, min_value=1, max_value=CommentPagination.max_page_size)

    class InputSerializer(StrictSerializer):
        body = TextField(
            max_length=comments.MAX_LENGTH,
            help_text=gettext_lazy("The comment. A mention is @ and a member's e-mail address: @bob@clinic.example."),
        )

        class Meta:
            ref_name = "PostCommentCreate"

    def get_post(self, pk: int) -> Post:
        return self.get_object(Post.objects.select_related("organization"), pk, "post.view")

    @extend_schema(
        operation_id="posts_comments_list",
        summary="List a post's comments",
        description="Oldest first, as the thread reads.",
        parameters=[
            OpenApiParameter("page", OpenApiTypes.INT64),
            OpenApiParameter("page_size", int, description=f"At most {CommentPagination.max_page_size}."),
        ],
        responses={
            200: page_of("PostCommentPage", CommentSerializer(many=True)),
            400: OpenApiResponse(description="A parameter is invalid."),
            404: NOT_FOUND,
        },
        tags=["posts"],
    )
    def get(self, request: Request, pk: int) -> Response:
        post = self.get_post(pk)
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        paginator = CommentPagination()
        page = paginator.paginate_queryset(comments.comments_of(post), request, view=self)
        return paginator.get_paginated_response(CommentSerializer(page, many=True).data)

    @extend_schema(
        operation_id="posts_comments_create",
        summary="Comment on a post",
        description=(
            "Adds an internal comment (never published). Each active member of the organization the body "
            "mentions (`@` and their e-mail address) is notified once; the author is not."
        ),
        request=InputSerializer,
        responses={
            201: CommentSerializer,
            400: OpenApiResponse(
                description="The comment is empty, too long or holds a character that cannot be kept."
            ),
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        examples=[
            OpenApiExample(
                "A question for a colleague",
                request_only=True,
                value={"body": "@bob@clinic.example can you check the dosage in the second line?"},
            )
        ],
        tags=["posts"],
    )
    def post(self, request: Request, pk: int) -> Response:
        post = self.get_post(pk)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment = comments.add_comment(post, by=request.user, body=data.validated_data["body"])
        fresh = comments.comments_of(post).get(pk=comment.pk)
        return Response(CommentSerializer(fresh).data, status=status.HTTP_201_CREATED)
