"""The Analytics page's filters: a plain GET form, each field optional, each refused in plain words."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from accounts.models import ConnectedAccount, Organization
from accounts.models.connected import Network
from analytics import reports
from campaigns.models import Campaign

# Beyond these a day is a typo, and the day after 9999-12-31 does not exist.
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2999, 12, 31)


def check_range(start: date, end: date) -> str:
    """What is wrong with a range of days, in words, or "" when nothing is (shared with the API)."""
    if not (FIRST_DAY <= start <= LAST_DAY and FIRST_DAY <= end <= LAST_DAY):
        return str(_("Give days between 1970 and 2999."))
    if end < start:
        return str(_("The last day comes before the first; swap them."))
    if (end - start).days + 1 > reports.MAX_DAYS:
        return str(_("Choose at most %(days)d days at a time.") % {"days": reports.MAX_DAYS})
    return ""


class PlainSelect(forms.Select):
    """A select whose options are written here rather than by Django's template per option (and
    per attribute): the account filter lists every account, hundreds in a big organization, and
    those templates cost more CPU than the page's figures."""

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> SafeString:
        chosen = set(self.format_value(value))
        # Escaped one by one and joined: ``format_html`` per option cost as much again.
        options = "".join(
            f'<option value="{conditional_escape(key)}"{" selected" if str(key) in chosen else ""}>'
            f"{conditional_escape(label)}</option>"
            for key, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), mark_safe(options)
        )


class PlainDateInput(forms.DateInput):
    """A day field written here, for the same reason: one line, not a template."""

    input_type = "date"

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> SafeString:
        shown = self.format_value(value)
        value_attr = format_html(' value="{}"', shown) if shown is not None else ""
        return format_html(
            '<input type="date" name="{}"{}{}>', name, value_attr, flatatt(self.build_attrs(self.attrs, attrs))
        )


class AnalyticsFilterForm(forms.Form):
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=PlainDateInput(format="%Y-%m-%d"),
        error_messages={"invalid": _("Give a day such as 2026-03-09.")},
    )
    end = forms.DateField(
        label=_("To (inclusive)"),
        required=False,
        widget=PlainDateInput(format="%Y-%m-%d"),
        error_messages={"invalid": _("Give a day such as 2026-03-31.")},
    )
    account = forms.TypedChoiceField(
        label=_("Account"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=PlainSelect,
        error_messages={"invalid_choice": _("Choose one of the organization's accounts.")},
    )
    network = forms.ChoiceField(
        label=_("Network"),
        required=False,
        widget=PlainSelect,
        error_messages={"invalid_choice": _("Choose one of the networks listed.")},
    )
    campaign = forms.TypedChoiceField(
        label=_("Campaign"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=PlainSelect,
        error_messages={"invalid_choice": _("Choose one of the organization's campaigns.")},
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization
        accounts = ConnectedAccount.objects.for_organization(organization).values_list("pk", "display_name", "network")
        labels = {network: str(label) for network, label in Network.choices}
        self.fields["account"].choices = [("", _("All accounts"))] + [
            (str(pk), f"{name} ({labels.get(network, network)})") for pk, name, network in accounts
        ]
        self.fields["network"].choices = [("", _("All networks"))] + [
            (network, labels.get(network, network)) for network in reports.NETWORK_METRICS
        ]
        campaigns = Campaign.objects.filter(organization=organization).order_by("-starts_on", "name")
        self.fields["campaign"].choices = [("", _("All posts"))] + [
            (str(pk), name) for pk, name in campaigns.values_list("pk", "name")
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "start" not in data or "end" not in data:
            return data  # a malformed day: its own message says so
        default_start, default_end = reports.default_range(self.organization)
        start, end = data["start"], data["end"]
        if any(day is not None and not FIRST_DAY <= day <= LAST_DAY for day in (start, end)):
            raise forms.ValidationError(_("Give days between 1970 and 2999."))
        # A range open at one end runs 30 days from the other, or up to today.
        if start is None:
            start = end - (default_end - default_start) if end else default_start
        if end is None:
            end = max(start, default_end)
        problem = check_range(start, end)
        if problem:
            raise forms.ValidationError(problem)
        data["start"], data["end"] = start, end
        return data

    def filters(self) -> reports.Filters:
        """The valid filters as ``analytics.reports`` takes them (call after ``is_valid``)."""
        data = self.cleaned_data
        return reports.Filters(
            organization=self.organization,
            start=data["start"],
            end=data["end"],
            account_id=data.get("account"),
            network=data.get("network") or None,
            campaign_id=data.get("campaign"),
        )
