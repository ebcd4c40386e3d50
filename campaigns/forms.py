"""The campaign form: what a person types; ``campaigns.services`` checks and saves it."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, User
from campaigns import services
from campaigns.models import Campaign
from physsocial import input_rules


class CampaignForm(forms.ModelForm):
    hashtags = forms.CharField(
        label=_("Hashtags"),
        required=False,
        help_text=_("Separate them with spaces or commas: #FluSeason #GetVaccinated"),
    )
    landing_url = forms.URLField(
        label=_("Landing link"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text=_("Where a post without its own link points; tagged for each network."),
    )

    class Meta:
        model = Campaign
        fields = list(services.EDITABLE)
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "colour": forms.TextInput(attrs={"type": "color"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"slug": _("Used in links and as utm_campaign. Leave empty to make it from the name.")}

    def __init__(self, *args, organization: Organization, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["utm_medium"].required = False
        self.fields["owner"].queryset = User.objects.filter(memberships__organization=organization).order_by(
            "display_name"
        )
        if self.instance.pk:
            self.initial["hashtags"] = " ".join(f"#{tag}" for tag in self.instance.hashtags)

    def clean(self) -> dict:
        data = super().clean()
        for name, value in data.items():
            if isinstance(value, str):
                try:
                    input_rules.check_text(value, field=str(self.fields[name].label))
                except forms.ValidationError as error:
                    self.add_error(name, error)
        if not data.get("utm_medium"):
            data["utm_medium"] = "social"
        return data

    def _post_clean(self) -> None:
        # The service checks the row (dates, unique short name): not the ModelForm.
        pass

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class DuplicateForm(forms.Form):
    name = forms.CharField(label=_("Name of the copy"), max_length=120, required=False)
    offset_days = forms.IntegerField(
        label=_("Move the dates by (days)"),
        initial=365,
        min_value=-3650,
        max_value=3650,
        help_text=_("365 runs it again a year later; posts are copied as drafts, their times moved as much."),
    )

    def offset(self) -> timedelta:
        return timedelta(days=self.cleaned_data["offset_days"])
