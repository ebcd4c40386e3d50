"""What the campaigns API reads and answers; rules live in ``campaigns.services``."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator, URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from campaigns import services
from campaigns.models import Campaign, hex_colour
from physsocial.api_input import IdField, StrictSerializer, TextField
from posts.serializers import UtcDateTimeField


class CampaignSerializer(serializers.ModelSerializer):
    owner = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True, help_text="User id of its owner.")
    hashtags = serializers.ListField(child=serializers.CharField(), help_text="Without their #.")
    landing_url = serializers.CharField(read_only=True, help_text="A web address, or empty.")
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()

    class Meta:
        model = Campaign
        fields = [
            "id",
            *services.EDITABLE,
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
        ref_name = "Campaign"


class CampaignInputSerializer(StrictSerializer):
    """A campaign's fields as the create (all that are required) and edit (any) endpoints take them."""

    unknown_field_message = gettext_lazy("This field is not part of a campaign.")

    name = TextField(max_length=120)
    slug = TextField(
        max_length=80,
        required=False,
        allow_blank=True,
        validators=[RegexValidator(r"^[-a-zA-Z0-9_]*$", gettext_lazy("Use letters, digits, - and _ only."))],
        help_text="Used in links and as utm_campaign; empty or left out: made from the name.",
    )
    description = TextField(required=False, allow_blank=True, max_length=10000)
    starts_on = serializers.DateField(help_text="YYYY-MM-DD")
    ends_on = serializers.DateField(help_text="YYYY-MM-DD, on or after starts_on.")
    colour = TextField(
        required=False,
        validators=[hex_colour],
        help_text='On the calendar, e.g. "#2f6f8f".',
    )
    hashtags = serializers.ListField(
        child=TextField(max_length=140), required=False, max_length=60, help_text="With or without their #."
    )
    landing_url = TextField(required=False, allow_blank=True, max_length=2000, help_text="https://…")
    utm_medium = TextField(required=False, max_length=100, help_text='Default "social".')
    utm_campaign = TextField(
        required=False, allow_blank=True, max_length=100, help_text="Empty: the campaign's short name."
    )
    owner = IdField(required=False, allow_null=True, help_text="User id of a member of the organization.")

    def validate_landing_url(self, value: str) -> str:
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except Exception:
                raise serializers.ValidationError(
                    _("The link must be a web address starting with https:// or http://.")
                ) from None
        return value

    def service_fields(self, data: dict[str, Any], *, organization) -> dict[str, Any]:
        """The validated fields as ``campaigns.services`` takes them (the owner as a member)."""
        fields = dict(data)
        if "owner" in fields and fields["owner"] is not None:
            owner = organization.memberships.filter(user_id=fields["owner"]).select_related("user").first()
            if owner is None:
                raise serializers.ValidationError({"owner": [_("The owner must be a member of the organization.")]})
            fields["owner"] = owner.user
        return fields
