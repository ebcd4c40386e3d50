"""Forms of the media library: they check the shape of the input; ``posts.media`` decides the rest."""

from __future__ import annotations

from django import forms

from physsocial.input_rules import TextFormField
from posts.media.limits import ACCEPTED_TYPES

ALT_TEXT_HELP = (
    "Describe the image for people who use a screen reader: what it shows and why it matters, "
    "in a sentence or two. Sent to every network that accepts it."
)
# A hint for the browser's file picker only; the server reads the bytes.
ACCEPT = "image/jpeg,image/png,image/gif,image/webp,image/heic,image/heif,.heic,.heif,video/mp4,video/quicktime"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Photo or video",
        help_text=f"{ACCEPTED_TYPES}. The type is read from the file itself; location and camera "
        "details are removed before anything is stored.",
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    alt_text = TextFormField(
        label="Alt text (for images)",
        required=False,
        help_text=ALT_TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AltTextForm(forms.Form):
    alt_text = TextFormField(
        label="Alt text",
        required=False,
        help_text=ALT_TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
