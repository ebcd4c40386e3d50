"""REST API: ``GET /api/v1/audit/``, the organization's audit trail (owners and admins)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import permissions
from accounts.api import OrganizationAPIView
from audit import services
from audit.models import Action, AuditEvent, Via
from physsocial.api_input import IdField, StrictSerializer, TimeField, page_of


class AuditPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


class ActorSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, help_text="The user's id; null when the system acted.")
    name = serializers.CharField(help_text="The user's name and e-mail address when it happened, or “System”.")
    token = serializers.CharField(allow_null=True, help_text="The name of the API token used, if one was.")

    class Meta:
        ref_name = "AuditActor"


class TargetSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, help_text="The post's target (one network's copy), if any.")
    label = serializers.CharField(help_text="What was acted on: an account, a member, the first words of a post.")

    class Meta:
        ref_name = "AuditTarget"


class AuditEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    actor = serializers.SerializerMethodField()
    via = serializers.ChoiceField(choices=Via.choices)
    action = serializers.ChoiceField(choices=Action.choices)
    post = serializers.IntegerField(source="post_id", allow_null=True)
    target = serializers.SerializerMethodField()
    details = serializers.JSONField(help_text="What changed: a field's {before, after}, or the values involved.")

    class Meta:
        ref_name = "AuditEvent"

    @extend_schema_field(ActorSerializer)
    def get_actor(self, event: AuditEvent) -> dict[str, Any]:
        name = event.actor_name if event.actor_id is not None else event.actor_label
        return {"id": event.actor_id, "name": name, "token": event.token_name if event.token_id else None}

    @extend_schema_field(TargetSerializer)
    def get_target(self, event: AuditEvent) -> dict[str, Any]:
        return {"id": event.target_id, "label": event.subject}


class AuditListApi(OrganizationAPIView):
    """The token's organization's audit trail, newest first."""

    permission_classes = [permissions.allows("audit.view")]

    class FilterSerializer(StrictSerializer):
        unknown_field_message = gettext_lazy("This is not a filter of the audit trail.")

        def to_internal_value(self, data: Any) -> dict[str, Any]:
            # "?to=" is a mistake, not "no filter".
            empty = sorted(name for name in data if name in self.fields and data.get(name) == "")
            if empty:
                raise serializers.ValidationError({name: [_("Give a value, or leave it out.")] for name in empty})
            return super().to_internal_value(data)

        def get_fields(self) -> dict[str, serializers.Field]:
            # "from" is a Python keyword, so the fields are listed here rather than as attributes.
            return {
                "post": IdField(required=False, from_text=True),
                "actor": IdField(required=False, from_text=True),
                "action": serializers.ChoiceField(choices=Action.choices, required=False),
                "from": TimeField(required=False),
                "to": TimeField(required=False),
                "page": IdField(required=False, from_text=True),
                "page_size": serializers.IntegerField(
                    required=False, min_value=1, max_value=AuditPagination.max_page_size
                ),
            }

    @extend_schema(
        operation_id="audit_list",
        summary="List the audit trail",
        description=(
            "Every create, edit, move, state change, publish, failure, retry, cancellation and deletion of a "
            "post, every member and role change, account connection and settings change: when (`at`), who "
            "(`actor`: a user, with the API token they used, or the system), from where (`via`: web, api or "
            "system) and what. Newest first. Filters: `post` (a post id), `actor` (a user id), `action`, "
            "`from` (inclusive) and `to` (exclusive), ISO-8601 with offset. Owners and admins only."
        ),
        parameters=[
            OpenApiParameter("post", OpenApiTypes.INT64, description="Post id."),
            OpenApiParameter("actor", OpenApiTypes.INT64, description="User id of who acted."),
            OpenApiParameter("action", str, enum=Action.values),
            OpenApiParameter("from", OpenApiTypes.DATETIME, description="ISO-8601 with offset; inclusive."),
            OpenApiParameter("to", OpenApiTypes.DATETIME, description="ISO-8601 with offset; exclusive."),
            OpenApiParameter("page", OpenApiTypes.INT64),
            OpenApiParameter("page_size", int, description=f"At most {AuditPagination.max_page_size}."),
        ],
        responses={
            200: page_of("AuditEventPage", AuditEventSerializer(many=True)),
            400: OpenApiResponse(description="A filter is invalid."),
            403: OpenApiResponse(description="Your role does not allow this."),
        },
        tags=["audit"],
    )
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        wanted = filters.validated_data
        events = services.events_of(
            self.get_organization(),
            post_id=wanted.get("post"),
            actor_id=wanted.get("actor"),
            action=wanted.get("action"),
            since=wanted.get("from"),
            until=wanted.get("to"),
        )
        paginator = AuditPagination()
        page = paginator.paginate_queryset(events, request, view=self)
        return paginator.get_paginated_response(AuditEventSerializer(page, many=True).data)
