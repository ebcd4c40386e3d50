"""``/api/v1/campaigns/``: list, create, read, edit and delete the token organization's campaigns.

Everyone in the organization reads them (``post.view``); owners, admins and editors change them
(``campaign.manage``). Another organization's campaign is a 404. The services check the rest.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import permissions
from accounts.api import OrganizationAPIView
from campaigns import services
from campaigns.models import Campaign
from campaigns.serializers import CampaignInputSerializer, CampaignSerializer
from physsocial.api_input import IdField, JSONParser, StrictSerializer, page_of

NOT_FOUND = OpenApiResponse(description="No such campaign in the token's organization.")
FORBIDDEN = OpenApiResponse(description="Your role in the organization does not allow this.")
INVALID = OpenApiResponse(description="A field is invalid, e.g. an end before the start; each is named.")


class CampaignPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class CampaignsAPIView(OrganizationAPIView):
    parser_classes = [JSONParser]
    actions: dict[str, str] = {}

    def get_permissions(self):
        method = self.request.method or ""
        action = self.actions.get("GET" if method == "HEAD" else method, "")
        return [permissions.allows(action)()] if action else super().get_permissions()


class CampaignListCreateApi(CampaignsAPIView):
    """The organization's campaigns."""

    actions = {"GET": "post.view", "POST": "campaign.manage"}

    class FilterSerializer(StrictSerializer):
        unknown_field_message = gettext_lazy("This is not a filter of the campaigns list.")
        page = IdField(required=False, from_text=True)
        page_size = serializers.IntegerField(required=False, min_value=1, max_value=CampaignPagination.max_page_size)

    class CreateInputSerializer(CampaignInputSerializer):
        class Meta:
            ref_name = "CampaignCreate"

    @extend_schema(
        operation_id="campaigns_list",
        summary="List campaigns",
        description="Latest start first.",
        parameters=[
            OpenApiParameter("page", OpenApiTypes.INT64),
            OpenApiParameter("page_size", int, description=f"At most {CampaignPagination.max_page_size}."),
        ],
        responses={200: page_of("CampaignPage", CampaignSerializer(many=True)), 400: INVALID},
        tags=["campaigns"],
    )
    def get(self, request: Request) -> Response:
        self.FilterSerializer(data=request.query_params).is_valid(raise_exception=True)
        campaigns = Campaign.objects.of(self.get_organization()).order_by("-starts_on", "name", "pk")
        paginator = CampaignPagination()
        page = paginator.paginate_queryset(campaigns, request, view=self)
        return paginator.get_paginated_response(CampaignSerializer(page, many=True).data)

    @extend_schema(
        operation_id="campaigns_create",
        summary="Create a campaign",
        description=(
            "A campaign's posts (the posts API's `campaign` field) link with `utm_source` (the network), "
            "`utm_medium` and `utm_campaign` added. An empty `slug` is made from the name."
        ),
        request=CreateInputSerializer,
        responses={201: CampaignSerializer, 400: INVALID, 403: FORBIDDEN},
        examples=[
            OpenApiExample(
                "Flu season",
                request_only=True,
                value={
                    "name": "Flu season 2026",
                    "starts_on": "2026-10-01",
                    "ends_on": "2026-11-30",
                    "hashtags": ["FluSeason", "GetVaccinated"],
                    "landing_url": "https://clinic.example/flu",
                },
            )
        ],
        tags=["campaigns"],
    )
    def post(self, request: Request) -> Response:
        data = self.CreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organization = self.get_organization()
        fields = data.service_fields(data.validated_data, organization=organization)
        fields.setdefault("owner", request.user)
        campaign = services.create_campaign(organization=organization, by=request.user, **fields)
        return Response(CampaignSerializer(campaign).data, status=status.HTTP_201_CREATED)


class CampaignDetailApi(CampaignsAPIView):
    """One campaign."""

    actions = {"GET": "post.view", "PATCH": "campaign.manage", "DELETE": "campaign.manage"}

    class UpdateInputSerializer(CampaignInputSerializer):
        class Meta:
            ref_name = "CampaignUpdate"

    def get_campaign(self, pk: int) -> Campaign:
        action = self.actions.get("GET" if self.request.method == "HEAD" else self.request.method, "post.view")
        return self.get_object(Campaign.objects.select_related("organization"), pk, action)

    @extend_schema(
        operation_id="campaigns_retrieve",
        summary="Read a campaign",
        responses={200: CampaignSerializer, 404: NOT_FOUND},
        tags=["campaigns"],
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(CampaignSerializer(self.get_campaign(pk)).data)

    @extend_schema(
        operation_id="campaigns_partial_update",
        summary="Edit a campaign",
        description="Fields left out stay as they are.",
        request=UpdateInputSerializer,
        responses={200: CampaignSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["campaigns"],
    )
    def patch(self, request: Request, pk: int) -> Response:
        campaign = self.get_campaign(pk)
        data = self.UpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = data.service_fields(data.validated_data, organization=campaign.organization)
        campaign = services.update_campaign(campaign, by=request.user, **fields)
        return Response(CampaignSerializer(campaign).data)

    @extend_schema(
        operation_id="campaigns_destroy",
        summary="Delete a campaign",
        description="Its posts are kept, without a campaign.",
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["campaigns"],
    )
    def delete(self, request: Request, pk: int) -> Response:
        services.delete_campaign(self.get_campaign(pk), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
