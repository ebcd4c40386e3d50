"""Forms of the share kits: a suggested post (association staff) and adopting one (members)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns import kits
from campaigns.models import Suggestion
from physsocial.input_rules import TextFormField
from physsocial.networks import network_label
from platforms.description import DESCRIPTIONS
from posts.models import MediaAsset


class MediaChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: MediaAsset) -> str:
        alt = obj.alt_text.strip() or _("no description yet")
        return f"{obj} ({alt})"


class SuggestionForm(forms.Form):
    """One suggested post: its texts, media, hashtags and window. Checked by ``kits``."""

    title = TextFormField(label=_("Title"), max_length=120, help_text=_("A short label members see in the list."))
    text = TextFormField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    link = TextFormField(label=_("Link"), required=False, max_length=2000)
    hashtags = TextFormField(
        label=_("Hashtags"), required=False, help_text=_("Added to the campaign's own, e.g. #FluSeason #GetVaccinated.")
    )
    window_weekdays = forms.TypedMultipleChoiceField(
        label=_("Suggested days"),
        coerce=int,
        required=False,
        choices=list(kits.WEEKDAY_NAMES.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None: any day of the campaign."),
    )
    window_starts_at = forms.TimeField(
        label=_("From"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    window_ends_at = forms.TimeField(
        label=_("Until"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    note_to_members = TextFormField(
        label=_("Note to members"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        organization = campaign.organization
        self.fields["window_starts_at"].help_text = _("In %(zone)s.") % {"zone": organization.time_zone}
        self.fields["window_ends_at"].help_text = _("In %(zone)s.") % {"zone": organization.time_zone}
        self.fields["media"] = MediaChoiceField(
            label=_("Media"),
            required=False,
            queryset=MediaAsset.objects.filter(organization=organization).order_by("-created_at"),
            widget=forms.CheckboxSelectMultiple,
            help_text=_("From %(org)s's library; pictures need their description.") % {"org": organization.name},
        )
        for network in DESCRIPTIONS:
            self.fields[f"text_{network}"] = TextFormField(
                label=_("Text for %(network)s") % {"network": network_label(network)},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Empty: the text above."),
            )

    @classmethod
    def initial_for(cls, suggestion: Suggestion) -> dict:
        initial = {
            "title": suggestion.title,
            "text": suggestion.text,
            "link": suggestion.link,
            "hashtags": " ".join(f"#{tag}" for tag in suggestion.hashtags),
            "window_weekdays": suggestion.window_weekdays,
            "window_starts_at": suggestion.window_starts_at,
            "window_ends_at": suggestion.window_ends_at,
            "note_to_members": suggestion.note_to_members,
            "media": [asset.pk for asset in suggestion.media.all()],
        }
        initial.update({f"text_{network}": text for network, text in suggestion.network_texts.items()})
        return initial

    def as_input(self) -> kits.SuggestionInput:
        data = self.cleaned_data
        return kits.SuggestionInput(
            title=data["title"],
            text=data["text"],
            network_texts={network: data.get(f"text_{network}", "") for network in DESCRIPTIONS},
            link=data["link"],
            media_ids=[asset.pk for asset in data["media"]],
            hashtags=data["hashtags"],
            window_weekdays=data["window_weekdays"],
            window_starts_at=data["window_starts_at"],
            window_ends_at=data["window_ends_at"],
            note_to_members=data["note_to_members"],
        )


class AdoptForm(forms.Form):
    """Where and when a member adopts a suggestion, and whether they are named."""

    organization = forms.TypedChoiceField(label=_("Post it in"), coerce=int)
    timing = forms.ChoiceField(
        label=_("When"),
        choices=[
            ("window", _("The next suggested time")),
            ("queue", _("Use my queue: my next free slot inside the suggested time")),
        ],
        initial="window",
        widget=forms.RadioSelect,
    )
    anonymous = forms.BooleanField(
        label=_("Count me without my name"),
        required=False,
        help_text=_("The association then sees that a member shared it, not who."),
    )
    again = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(org.pk, org.name) for org in organizations]
        if len(organizations) == 1:
            self.fields["organization"].widget = forms.HiddenInput()
