"""REST API for the media library: upload, read, and describe images and videos.

Uploads go through ``posts.media.ingest.ingest_upload``, exactly as in the library
page: the type is decided by content, metadata is stripped, and refusals come
back as 400 with the same sentences.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import permissions
from accounts.api import OrganizationAPIView
from physsocial.api_input import StrictSerializer, TextField
from posts.media.ingest import ingest_upload
from posts.media.library import update_alt_text
from posts.media.limits import ACCEPTED_TYPES
from posts.models import MediaAsset
from posts.serializers import MediaAssetSerializer

NOT_FOUND = OpenApiResponse(description="No such media in the token's organization.")
FORBIDDEN = OpenApiResponse(description="Your role in the organization does not allow this.")


class MediaUploadApi(OrganizationAPIView):
    """Upload an image or video into the organization's media library."""

    permission_classes = [permissions.allows("post.draft")]
    parser_classes = [MultiPartParser, FormParser]
    # Each upload is stored and decoded (images re-encoded, videos probed): a tighter rate than reads.
    throttle_scope = "api_upload"

    class InputSerializer(StrictSerializer):
        file = serializers.FileField(
            help_text=f"{ACCEPTED_TYPES}. The type is read from the file's content, not its name."
        )
        alt_text = TextField(
            required=False,
            allow_blank=True,
            default="",
            trim_whitespace=False,
            help_text="What the image shows, for people who use screen readers.",
        )

        class Meta:
            ref_name = "MediaUpload"

    OutputSerializer = MediaAssetSerializer

    @extend_schema(
        operation_id="media_create",
        summary="Upload an image or video",
        description=(
            "Stores the file in the organization's media library after applying the EXIF orientation and "
            "stripping all metadata (GPS position, camera serial numbers, names). Use the returned `id` in a "
            "post's `media`. An organization may require alt text on every image before it is posted."
        ),
        request={"multipart/form-data": InputSerializer},
        responses={
            201: OutputSerializer,
            400: OpenApiResponse(description="Unsupported, empty, damaged or too large a file; alt text too long."),
            403: FORBIDDEN,
        },
        tags=["media"],
    )
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        asset = ingest_upload(
            organization=self.get_organization(),
            uploaded_by=request.user,
            uploaded_file=data.validated_data["file"],
            alt_text=data.validated_data["alt_text"],
        )
        return Response(self.OutputSerializer(asset).data, status=status.HTTP_201_CREATED)


class MediaDetailApi(OrganizationAPIView):
    """One item of the organization's media library."""

    OutputSerializer = MediaAssetSerializer

    class InputSerializer(StrictSerializer):
        alt_text = TextField(allow_blank=True, trim_whitespace=False)

        class Meta:
            ref_name = "MediaUpdate"

    @extend_schema(
        operation_id="media_retrieve",
        summary="Read a media item",
        description="Its kind, size in pixels, duration (videos) and alt text.",
        responses={200: OutputSerializer, 404: NOT_FOUND},
        tags=["media"],
    )
    def get(self, request: Request, pk: int) -> Response:
        asset = self.get_object(MediaAsset.objects.select_related("organization"), pk, "post.view")
        return Response(self.OutputSerializer(asset).data)

    @extend_schema(
        operation_id="media_partial_update",
        summary="Change a media item's alt text",
        description=(
            "Alt text is sent to every network that accepts it. Emptying it is refused where the "
            "organization requires alt text on every image."
        ),
        request=InputSerializer,
        responses={
            200: OutputSerializer,
            400: OpenApiResponse(description="Too long, or emptied where the organization requires alt text."),
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        tags=["media"],
    )
    def patch(self, request: Request, pk: int) -> Response:
        asset = self.get_object(MediaAsset.objects.select_related("organization"), pk, "post.draft")
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        asset = update_alt_text(asset, alt_text=data.validated_data["alt_text"], by=request.user)
        return Response(self.OutputSerializer(asset).data)
