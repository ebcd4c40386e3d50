"""The failure centre's one form: the targets ticked for "Retry the selected posts"."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from scheduler.failures import SHOWN

#: Postgres' integer key: anything larger names no target.
MAX_ID = 2**31 - 1


class TargetIdsField(forms.Field):
    """Several target ids from ticked checkboxes (``name="target"``), each a bounded integer."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("Tick at least one post to retry."),
        "invalid": _("The posts ticked could not be read; reload the page and try again."),
        "too_many": _("Retry at most %(limit)s posts at once."),
    }

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        if not isinstance(value, list | tuple) or len(value) > SHOWN:
            raise ValidationError(self.error_messages["too_many"], code="too_many", params={"limit": SHOWN})
        try:
            ids = [int(item) for item in value]
        except (TypeError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if any(not 0 < pk <= MAX_ID for pk in ids):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return list(dict.fromkeys(ids))


class RetryTargetsForm(forms.Form):
    target = TargetIdsField()
