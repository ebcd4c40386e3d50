"""Small helpers every app's views and forms share."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """Whether htmx sent the request, so the view answers with a partial instead of the page."""
    return request.headers.get("HX-Request") == "true"


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Attach a service's ValidationError to ``form``: keyed errors to their field when the form has it,
    everything else to the form as a whole."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
