"""``POST /api/v1/posts/import/``: import posts from a CSV file, or only check it (``dry_run``).

The same service as the import page (``campaigns.importing``): every row is checked with the
composer's rules first; the good ones become posts unless ``dry_run`` is "true". A file that
cannot be read at all is a plain 400; a row's problems come back on the row, with its line.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import permissions
from accounts.api import OrganizationAPIView
from campaigns import importing
from physsocial.api_input import IdField, StrictSerializer, TextField


@extend_schema_field({"type": "string", "pattern": "^(true|false)$", "default": "false"})
class TrueOrFalseField(serializers.CharField):
    """ "true" or "false" as a form field sends them (the JSON API's FlagField wants JSON booleans)."""

    default_error_messages = {"invalid_choice": gettext_lazy('Give "true" or "false".')}

    def __init__(self, **kwargs):
        super().__init__(required=False, default=False, **kwargs)

    def to_internal_value(self, data) -> bool:
        if data not in ("true", "false"):
            self.fail("invalid_choice")
        return data == "true"


class RowErrorSerializer(serializers.Serializer):
    column = serializers.CharField(help_text='The column at fault ("text", "scheduled_at", "date", …); "" for the row.')
    message = serializers.CharField(help_text="What is wrong, in plain words.")

    class Meta:
        ref_name = "ImportRowError"


class ImportRowSerializer(serializers.Serializer):
    line = serializers.IntegerField(help_text="The line of the file the row starts on (the header is line 1).")
    status = serializers.ChoiceField(
        choices=[(s, s) for s in (importing.OK, importing.ERROR, importing.DUPLICATE)],
        help_text="`ok`: imported (or would be, in a dry run); `error`: refused; "
        "`duplicate`: repeats an earlier row of the file, or was imported before.",
    )
    errors = RowErrorSerializer(many=True)
    notes = serializers.ListField(
        child=serializers.CharField(), help_text="What to know, e.g. a time read as the first of two."
    )
    post = serializers.IntegerField(allow_null=True, help_text="The post's id: created now, or by the earlier import.")

    class Meta:
        ref_name = "ImportRow"


class ImportResultSerializer(serializers.Serializer):
    created = serializers.IntegerField(help_text="Posts created by this request (0 in a dry run).")
    rows = ImportRowSerializer(many=True)

    class Meta:
        ref_name = "ImportResult"


class PostImportApi(OrganizationAPIView):
    """Import posts from a CSV file."""

    permission_classes = [permissions.allows("post.draft")]
    parser_classes = [MultiPartParser, FormParser]
    throttle_scope = "api_upload"

    class InputSerializer(StrictSerializer):
        file = serializers.FileField(
            help_text="The CSV file: UTF-8 (with or without a byte order mark), commas or semicolons."
        )
        layout = serializers.ChoiceField(
            choices=[(layout, layout) for layout in importing.LAYOUTS],
            help_text="`hootsuite`: Hootsuite's bulk composer file as is (no header: date and time, message, link). "
            "`physsocial`: a header row naming `scheduled_at`, `accounts`, `text`, `link`, `media`, `alt_text`, "
            "`campaign` and `x_text`, `facebook_text`, `linkedin_text`, `instagram_text`, `youtube_text`.",
        )
        date_format = serializers.ChoiceField(
            choices=[(f, f) for f in importing.DATE_FORMATS],
            required=False,
            default=importing.MONTH_FIRST,
            help_text="How Hootsuite's dates are written (24-hour, in the organization's time zone).",
        )
        accounts = serializers.ListField(
            child=IdField(from_text=True),
            required=False,
            default=list,
            max_length=100,
            help_text="Connected account ids every Hootsuite row goes to (repeat the field); for our layout, "
            "the accounts of rows whose `accounts` cell is empty.",
        )
        campaign = TextField(
            required=False, allow_blank=True, default="", max_length=120, help_text="A campaign's short name or name."
        )
        as_drafts = TrueOrFalseField(
            help_text="`true`: save the posts as drafts instead of scheduling them.",
        )
        dry_run = TrueOrFalseField(
            help_text="`true`: check every row and save nothing.",
        )

        class Meta:
            ref_name = "PostImport"

    @extend_schema(
        operation_id="posts_import",
        summary="Import posts from a CSV file",
        description=(
            "Checks every row with the composer's rules (each network's limits, media, the privacy guard, times "
            "not past) and then creates a post per good row, scheduled as the composer schedules them (a "
            "contributor's go to review), or as drafts. A row imported before is a `duplicate` and creates "
            "nothing, so sending the same file twice is safe. No row limit below 10,000."
        ),
        request={"multipart/form-data": InputSerializer},
        responses={
            200: ImportResultSerializer,
            400: OpenApiResponse(
                description="A file that cannot be read (not UTF-8, no rows, unknown columns, broken quotes), or "
                "options that do not fit (unknown accounts or campaign).",
            ),
            403: OpenApiResponse(description="Your role in the organization does not allow this."),
        },
        examples=[
            OpenApiExample(
                "A dry run",
                response_only=True,
                value={
                    "created": 0,
                    "rows": [
                        {"line": 2, "status": "ok", "errors": [], "notes": [], "post": None},
                        {
                            "line": 3,
                            "status": "error",
                            "errors": [
                                {
                                    "column": "scheduled_at",
                                    "message": "That time has passed; pick a time in the future.",
                                }
                            ],
                            "notes": [],
                            "post": None,
                        },
                    ],
                },
            )
        ],
        tags=["posts"],
    )
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        options = importing.ImportOptions(
            layout=values["layout"],
            date_format=values["date_format"],
            account_ids=values["accounts"],
            campaign=values["campaign"],
            as_drafts=values["as_drafts"],
        )
        upload = values["file"]
        if upload.size > importing.MAX_FILE_BYTES:
            raise ValidationError({"file": importing.file_too_large_message()})
        plan = importing.import_posts(
            organization=self.get_organization(),
            by=request.user,
            data=upload.read(),
            options=options,
            dry_run=values["dry_run"],
        )
        result = {"created": plan.created, "rows": [row.as_dict() for row in plan.rows]}
        return Response(ImportResultSerializer(result).data, status=status.HTTP_200_OK)
