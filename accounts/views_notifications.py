"""Saving a person's notification choices (shown in the settings page's Notifications section)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import notifications
from accounts.forms_notifications import NotificationPreferencesForm


@login_required
@require_POST
def save_notification_preferences(request: HttpRequest) -> HttpResponse:
    form = NotificationPreferencesForm(request.POST, user=request.user)
    if form.is_valid():
        notifications.set_preferences(request.user, form.cleaned_data)
        messages.success(request, _("Your notification choices are saved."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else field
            for error in errors:
                messages.error(request, _("%(field)s: %(error)s") % {"field": label, "error": error})
    return redirect("settings")
