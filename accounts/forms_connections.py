"""The picker form: which of the pages (and Instagram accounts) a login manages to connect."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.connections import Choice


class ChooseAccountsForm(forms.Form):
    accounts = forms.MultipleChoiceField(
        label=_("Accounts to connect"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one account to connect."},
    )

    def __init__(self, *args, choices: list[Choice], **kwargs):
        super().__init__(*args, **kwargs)
        # Only what the network offered can be chosen; a forged key fails validation.
        self.fields["accounts"].choices = [(c.key, f"{c.name} ({c.kind_label})") for c in choices]
