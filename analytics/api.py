"""REST API: ``GET /api/v1/analytics/``, the Analytics page's figures (``analytics.reports``)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import permissions
from accounts.api import OrganizationAPIView
from analytics import reports
from analytics.serializers import FilterSerializer, ReportSerializer


class AnalyticsApi(OrganizationAPIView):
    """The token's organization's figures, totalled and grouped."""

    permission_classes = [permissions.allows("analytics.view")]

    @extend_schema(
        operation_id="analytics_report",
        summary="Figures of published posts",
        description=(
            "The figures the Analytics page shows, summed over the organization's posts published from `from` "
            "to `to` (days in the organization's time zone, both included; the last 30 days by default, at most "
            f"{reports.MAX_DAYS} days), and grouped by `group_by`: every day of the range, or each network, "
            "account or campaign (most engagement first). Engagement is the interactions each network gives, "
            "summed; impressions or views are counted only where the network gives them. `definition` lists "
            "which metrics those are for each network."
        ),
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE, description="First day, YYYY-MM-DD; included."),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Last day, YYYY-MM-DD; included."),
            OpenApiParameter("account", OpenApiTypes.INT64, description="Only this connected account's posts."),
            OpenApiParameter("network", str, enum=list(reports.NETWORK_METRICS)),
            OpenApiParameter("campaign", OpenApiTypes.INT64, description="Only this campaign's posts."),
            OpenApiParameter("group_by", str, enum=list(reports.GROUPINGS), default="day"),
        ],
        responses={
            200: ReportSerializer,
            400: OpenApiResponse(description="A filter is invalid."),
            403: OpenApiResponse(description="Your role does not allow this."),
        },
        tags=["analytics"],
    )
    def get(self, request: Request) -> Response:
        organization = self.get_organization()
        wanted = FilterSerializer(data=request.query_params, context={"organization": organization})
        wanted.is_valid(raise_exception=True)
        filters = wanted.filters()
        group_by = wanted.validated_data["group_by"]
        answer = {
            "from": filters.start,
            "to": filters.end,
            "time_zone": organization.time_zone,
            "group_by": group_by,
            "totals": reports.totals(filters),
            "groups": reports.grouped(filters, by=group_by),
            "definition": reports.engagement_definition(),
        }
        return Response(ReportSerializer(answer).data)
