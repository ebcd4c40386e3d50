"""Forms of the media library: they check the shape of the input; ``posts.media`` decides the rest."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from physsocial.input_rules import TextFormField
from posts.media.limits import ACCEPTED_TYPES

ALT_TEXT_HELP = _(
    "Describe the image for people who use a screen reader: what it shows and why it matters, "
    "in a sentence or two. Sent to every network that accepts it."
)
# A hint for the browser's file picker only; the server reads the bytes.
ACCEPT = "image/jpeg,image/png,image/gif,image/webp,image/heic,image/heif,.heic,.heif,video/mp4,video/quicktime"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Photo or video"),
        help_text=format_lazy(
            _(
                "{types}. The type is read from the file itself; location and camera details are removed "
                "before anything is stored."
            ),
            types=ACCEPTED_TYPES,
        ),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    alt_text = TextFormField(
        label=_("Alt text (for images)"),
        required=False,
        help_text=ALT_TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AltTextForm(forms.Form):
    alt_text = TextFormField(
        label=_("Alt text"),
        required=False,
        help_text=ALT_TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
