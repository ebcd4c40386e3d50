"""What ``GET /api/v1/analytics/`` takes and answers; the figures come from ``analytics.reports``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from accounts.models.connected import Network
from analytics import reports
from analytics.forms import FIRST_DAY, LAST_DAY, check_range
from physsocial.api_input import IdField, StrictSerializer

DAY_MESSAGES = {"invalid": gettext_lazy("Give a day as YYYY-MM-DD, such as 2026-03-09.")}


class FilterSerializer(StrictSerializer):
    """The query string; days are the organization's, both ends included."""

    unknown_field_message = gettext_lazy("This is not a filter of the analytics.")

    def get_fields(self) -> dict[str, serializers.Field]:
        # "from" is a Python keyword, so the fields are listed here rather than as attributes.
        return {
            "from": serializers.DateField(required=False, input_formats=["iso-8601"], error_messages=DAY_MESSAGES),
            "to": serializers.DateField(required=False, input_formats=["iso-8601"], error_messages=DAY_MESSAGES),
            "account": IdField(required=False, from_text=True),
            "network": serializers.ChoiceField(
                choices=list(reports.NETWORK_METRICS),
                required=False,
                error_messages={
                    "invalid_choice": gettext_lazy("Choose one of: %s.") % ", ".join(reports.NETWORK_METRICS)
                },
            ),
            "campaign": IdField(required=False, from_text=True),
            "group_by": serializers.ChoiceField(
                choices=list(reports.GROUPINGS),
                required=False,
                default="day",
            ),
        }

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        # "?to=" is a mistake, not "no filter".
        empty = sorted(name for name in data if name in self.fields and data.get(name) == "")
        if empty:
            raise serializers.ValidationError({name: [_("Give a value, or leave it out.")] for name in empty})
        return super().to_internal_value(data)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        organization = self.context["organization"]
        for name in ("from", "to"):
            if name in data and not FIRST_DAY <= data[name] <= LAST_DAY:
                raise serializers.ValidationError({name: [_("Give a day between 1970 and 2999.")]})
        default_start, default_end = reports.default_range(organization)
        start, end = data.get("from"), data.get("to")
        if start is None:
            start = end - (default_end - default_start) if end else default_start
        if end is None:
            end = max(start, default_end)
        problem = check_range(start, end)
        if problem:
            raise serializers.ValidationError({"to": [problem]})
        data["from"], data["to"] = start, end
        account = data.get("account")
        if account is not None and not organization.connected_accounts.filter(pk=account).exists():
            raise serializers.ValidationError({"account": [_("Your organization has no account with this id.")]})
        campaign = data.get("campaign")
        if campaign is not None and not organization.campaigns.filter(pk=campaign).exists():
            raise serializers.ValidationError({"campaign": [_("Your organization has no campaign with this id.")]})
        return data

    def filters(self) -> reports.Filters:
        data = self.validated_data
        return reports.Filters(
            organization=self.context["organization"],
            start=data["from"],
            end=data["to"],
            account_id=data.get("account"),
            network=data.get("network"),
            campaign_id=data.get("campaign"),
        )


class FiguresSerializer(serializers.Serializer):
    published = serializers.IntegerField(help_text="Publications: a post sent to three accounts counts three.")
    posts = serializers.IntegerField(help_text="Distinct posts.")
    engagement = serializers.IntegerField(help_text="The interactions each network gives, summed (see `definition`).")
    reach = serializers.IntegerField(
        allow_null=True, help_text="Impressions or views, where the network gives them; null when none did."
    )
    with_reach = serializers.IntegerField(help_text="Publications whose network gave impressions or views.")

    class Meta:
        ref_name = "AnalyticsFigures"


class GroupSerializer(FiguresSerializer):
    key = serializers.CharField(
        help_text="The day (YYYY-MM-DD), network, account id or campaign id; empty for posts without a campaign."
    )
    label = serializers.CharField(help_text="The day, network, account or campaign as the page shows it.")

    class Meta:
        ref_name = "AnalyticsGroup"


class DefinitionSerializer(serializers.Serializer):
    network = serializers.ChoiceField(choices=Network.choices)
    label = serializers.CharField()
    engagement = serializers.ListField(child=serializers.CharField(), help_text="The metrics summed into engagement.")
    reach = serializers.CharField(allow_null=True, help_text="The metric counted as impressions or views.")

    class Meta:
        ref_name = "AnalyticsEngagementDefinition"


class ReportSerializer(serializers.Serializer):
    to = serializers.DateField(help_text="Last day (included).")
    time_zone = serializers.CharField(help_text="The organization's time zone, in which days are counted.")
    group_by = serializers.ChoiceField(choices=list(reports.GROUPINGS))
    totals = FiguresSerializer()
    groups = GroupSerializer(many=True)
    definition = DefinitionSerializer(many=True, help_text="Which metrics count as engagement and reach, per network.")

    class Meta:
        ref_name = "AnalyticsReport"

    def get_fields(self) -> dict[str, serializers.Field]:
        # "from" is a Python keyword, so it is added here rather than as an attribute.
        first = {"from": serializers.DateField(help_text="First day, in the organization's time zone.")}
        return {**first, **super().get_fields()}
