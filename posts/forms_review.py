"""The reviewer's three answers on the review page and the post page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from posts.services import LOCAL_INPUT_FORMAT


class ApproveForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label=gettext_lazy("Another time (optional)"),
        required=False,
        input_formats=[LOCAL_INPUT_FORMAT],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT_FORMAT),
        error_messages={"invalid": gettext_lazy("Pick the date and time with the calendar.")},
    )


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What should change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": gettext_lazy("Say what should change, so the author knows.")},
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why it is rejected"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": gettext_lazy("Give the reason, so the author knows.")},
    )
