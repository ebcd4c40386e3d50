"""REST API: the address of the caller's private iCalendar feed."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import permissions
from accounts.api import OrganizationAPIView
from scheduler import calendar


class CalendarFeedApi(OrganizationAPIView):
    """The token's person's private iCalendar address for the token's organization."""

    permission_classes = [permissions.allows("post.view")]

    class OutputSerializer(serializers.Serializer):
        url = serializers.URLField(
            help_text="Secret: anyone with it can read the calendar. Revoke it on the Settings page."
        )

        class Meta:
            ref_name = "CalendarFeed"

    @extend_schema(
        operation_id="calendar_feed",
        summary="The private calendar feed's address",
        description=(
            "An iCalendar (.ics) address that calendar programs (Outlook, Google Calendar, Apple Calendar) "
            "read without signing in: the organization's posts from 60 days ago to a year ahead, each with "
            "its network, account, state and first words. Made the first time it is asked for."
        ),
        responses={200: OutputSerializer, 403: OpenApiResponse(description="Your role does not allow this.")},
        tags=["calendar"],
    )
    def get(self, request: Request) -> Response:
        feed = calendar.feed_for(request.user, self.get_organization())
        return Response(self.OutputSerializer({"url": calendar.feed_url(feed)}).data)
