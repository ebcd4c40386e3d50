"""The import page's upload form and the bulk actions' form."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization
from campaigns import bulk, importing
from campaigns.models import Campaign


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, with commas or semicolons."))
    layout = forms.ChoiceField(
        label=_("Layout"),
        choices=[
            (importing.PHYSSOCIAL, _("PhysSocial's (a header row names the columns)")),
            (importing.HOOTSUITE, _("Hootsuite's bulk composer file (date, message, link; no header)")),
        ],
        widget=forms.RadioSelect,
        initial=importing.PHYSSOCIAL,
    )
    date_format = forms.ChoiceField(
        label=_("Hootsuite's dates are written as"),
        choices=[
            (importing.MONTH_FIRST, _("MM/DD/YYYY HH:MM (month first)")),
            (importing.DAY_FIRST, _("DD/MM/YYYY HH:MM (day first)")),
        ],
        initial=importing.MONTH_FIRST,
        required=False,
    )
    accounts = forms.ModelMultipleChoiceField(
        label=_("Accounts"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Every row of Hootsuite's file goes to these; in our layout, the rows whose accounts cell is empty."
        ),
    )
    campaign = forms.ModelChoiceField(
        label=_("Campaign"),
        queryset=None,
        required=False,
        empty_label=_("None (or as each row says)"),
    )
    as_drafts = forms.BooleanField(label=_("Import as drafts instead of scheduling"), required=False)

    def __init__(self, *args, organization: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accounts"].queryset = importing.accounts_for_upload(organization)
        self.fields["accounts"].label_from_instance = lambda account: str(account)
        self.fields["campaign"].queryset = Campaign.objects.of(organization)

    def options(self) -> importing.ImportOptions:
        data = self.cleaned_data
        return importing.ImportOptions(
            layout=data["layout"],
            date_format=data["date_format"] or importing.MONTH_FIRST,
            account_ids=[account.pk for account in data["accounts"]],
            campaign=data["campaign"].slug if data["campaign"] else "",
            as_drafts=data["as_drafts"],
        )


UNITS = {"minutes": timedelta(minutes=1), "hours": timedelta(hours=1), "days": timedelta(days=1)}


class BulkForm(forms.Form):
    action = forms.ChoiceField(
        label=_("With the selected posts"),
        choices=[
            (bulk.RESCHEDULE, _("Move their times by")),
            (bulk.MOVE, _("Move to the campaign")),
            (bulk.CANCEL, _("Cancel them")),
            (bulk.DELETE, _("Delete them (drafts and scheduled posts only)")),
        ],
    )
    posts = forms.TypedMultipleChoiceField(coerce=int, choices=(), required=True, label=_("Posts"))
    amount = forms.IntegerField(
        label=_("By"), required=False, min_value=-3650, max_value=3650, help_text=_("Negative moves them earlier.")
    )
    unit = forms.ChoiceField(
        label=_("Unit"),
        choices=[("minutes", _("minutes")), ("hours", _("hours")), ("days", _("days"))],
        initial="days",
        required=False,
    )
    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=None, required=False, empty_label=_("No campaign"))
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organization: Organization, post_ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posts"].choices = [(pk, pk) for pk in post_ids]
        self.fields["posts"].error_messages["invalid_choice"] = _("One of the selected posts is no longer here.")
        self.fields["posts"].error_messages["required"] = _("Select at least one post.")
        self.fields["campaign"].queryset = Campaign.objects.of(organization)

    def clean(self):
        data = super().clean()
        if data.get("action") == bulk.RESCHEDULE and not data.get("amount"):
            self.add_error("amount", _("Say by how much to move the posts."))
        return data

    @property
    def offset(self) -> timedelta | None:
        amount = self.cleaned_data.get("amount")
        return amount * UNITS[self.cleaned_data.get("unit") or "days"] if amount else None
