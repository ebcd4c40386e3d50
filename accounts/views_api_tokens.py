"""Settings → API tokens: a person creates and revokes their own tokens.

The key is shown once, on the page that answers the creation, and never
again: only its digest is stored. That page is rendered directly (not a
redirect) and marked not to be cached, so the key never sits in the session,
a message cookie or the browser's cache.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.api_auth import create_api_token, revoke_api_token
from accounts.forms_organizations import Form
from accounts.models import ApiToken, Organization
from physsocial.web import add_service_error


class ApiTokenForm(Form):
    name = forms.CharField(
        max_length=100,
        required=False,
        label=_("Name"),
        help_text=_('What the token is for, e.g. "Publishing script", so you know which to revoke later.'),
    )
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        label=_("Organization"),
        empty_label=None,
        help_text=_("The token acts only in this organization, with your role there."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user).order_by("name")


def _page(request: HttpRequest, *, form: ApiTokenForm, new_key: str = "", new_token=None, status: int = 200):
    tokens = ApiToken.objects.for_user(request.user).select_related("organization")
    context = {"form": form, "tokens": tokens, "new_key": new_key, "new_token": new_token}
    response = render(request, "api_tokens/list.html", context, status=status)
    add_never_cache_headers(response)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        active = getattr(request, "organization", None)
        return _page(request, form=ApiTokenForm(user=request.user, initial={"organization": active}))
    form = ApiTokenForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            token, key = create_api_token(
                user=request.user, organization=form.cleaned_data["organization"], name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            fresh = ApiTokenForm(user=request.user, initial={"organization": token.organization})
            return _page(request, form=fresh, new_key=key, new_token=token)
    return _page(request, form=form, status=400)


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # Only one's own tokens: anyone else's answers 404, as if it did not exist.
    token = get_object_or_404(ApiToken.objects.for_user(request.user), pk=pk)
    if revoke_api_token(token, by=request.user):
        messages.success(
            request,
            _("Revoked “%(name)s” (%(prefix)s…). Scripts using it now get 401.")
            % {"name": token.name, "prefix": token.prefix},
        )
    return redirect("api-tokens")
