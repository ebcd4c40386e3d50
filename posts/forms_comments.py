"""The comment box under a post's thread."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from posts.comments import MAX_LENGTH


class CommentForm(forms.Form):
    # The service (posts.comments.clean_body) decides what a comment may hold; the form only carries it.
    body = forms.CharField(
        label=gettext_lazy("Add a comment"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_LENGTH}),
    )
