"""The settings page's notification choices: one "how do you hear about it" per kind."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Channel, Notification, User
from accounts.models.notifications import CHOOSABLE_KINDS
from accounts.notifications import preferences_of

HELP_TEXTS = {
    Notification.Kind.PUBLISHED: _("Each of your posts, as it goes out. Off unless you turn it on."),
    Notification.Kind.DIGEST: _(
        "Owners and admins: tomorrow's posts, what waits for review and what failed, each morning at 07:00 "
        "in your time zone."
    ),
}


class NotificationPreferencesForm(forms.Form):
    """One choice per kind, starting from what ``user`` chose (or the defaults)."""

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = preferences_of(user)
        for kind in CHOOSABLE_KINDS:
            self.fields[kind] = forms.ChoiceField(
                label=Notification.Kind(kind).label,
                choices=Channel.choices,
                initial=chosen[kind],
                help_text=HELP_TEXTS.get(kind, ""),
                error_messages={"invalid_choice": _("Choose one of the offered ways to hear about this.")},
            )
