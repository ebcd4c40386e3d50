"""Pages of the share kits: the kit editor and adoption figures (association staff), the kits
and adopting a suggestion (members). The rules are in ``campaigns.kits``."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import permissions
from campaigns import kits
from campaigns.forms_kits import AdoptForm, SuggestionForm
from campaigns.models import Adoption, Suggestion
from posts import services as post_services


def _show_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _managed_suggestion(request: HttpRequest, campaign_pk: int, pk: int) -> Suggestion:
    campaign = kits.managed_campaign(request.user, campaign_pk)
    return permissions.get_object(
        request.user,
        campaign.suggestions.select_related("campaign__organization"),
        pk,
        kits.MANAGE_ACTION,
        org_field="campaign__organization",
    )


@login_required
@require_http_methods(["GET", "POST"])
def kit(request: HttpRequest, pk: int) -> HttpResponse:
    """The campaign's suggested posts, in order, and a form to add one."""
    campaign = kits.managed_campaign(request.user, pk)
    form = SuggestionForm(request.POST or None, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            suggestion = kits.create_suggestion(campaign, by=request.user, data=form.as_input())
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("“%(title)s” is in the kit.") % {"title": suggestion.title})
            return redirect("campaign-kit", pk=campaign.pk)
    suggestions = campaign.suggestions.prefetch_related("media").order_by("position", "pk")
    context = {
        "campaign": campaign,
        "suggestions": [(suggestion, kits.describe_window(suggestion)) for suggestion in suggestions],
        "form": form,
    }
    return render(request, "campaigns/kits/kit.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def suggestion_edit(request: HttpRequest, campaign_pk: int, pk: int) -> HttpResponse:
    suggestion = _managed_suggestion(request, campaign_pk, pk)
    campaign = suggestion.campaign
    form = SuggestionForm(request.POST or None, campaign=campaign, initial=SuggestionForm.initial_for(suggestion))
    if request.method == "POST" and form.is_valid():
        try:
            kits.update_suggestion(suggestion, by=request.user, data=form.as_input())
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("Suggested post saved."))
            return redirect("campaign-kit", pk=campaign.pk)
    context = {"campaign": campaign, "suggestion": suggestion, "form": form}
    return render(request, "campaigns/kits/suggestion_edit.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def suggestion_delete(request: HttpRequest, campaign_pk: int, pk: int) -> HttpResponse:
    suggestion = _managed_suggestion(request, campaign_pk, pk)
    kits.delete_suggestion(suggestion, by=request.user)
    messages.success(request, _("“%(title)s” was removed from the kit.") % {"title": suggestion.title})
    return redirect("campaign-kit", pk=campaign_pk)


@login_required
@require_POST
def suggestion_move(request: HttpRequest, campaign_pk: int, pk: int) -> HttpResponse:
    suggestion = _managed_suggestion(request, campaign_pk, pk)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    kits.move_suggestion(suggestion, direction=direction, by=request.user)
    return redirect(f"{reverse('campaign-kit', args=[campaign_pk])}#suggestion-{suggestion.pk}")


@login_required
@require_safe
def adoption(request: HttpRequest, pk: int) -> HttpResponse:
    """What the association learns: per suggestion, who adopted it and where it went out."""
    campaign = kits.managed_campaign(request.user, pk)
    figures = kits.adoption_figures(campaign)
    context = {"campaign": campaign, "figures": figures, "chart": kits.chart_config(figures)}
    return render(request, "campaigns/kits/adoption.html", context)


@login_required
@require_safe
def share_kits(request: HttpRequest) -> HttpResponse:
    """The running and upcoming campaigns of the member's associations, with their suggestions."""
    campaigns = list(kits.kit_campaigns(request.user))
    suggestions = [suggestion for campaign in campaigns for suggestion in campaign.suggestions.all()]
    for suggestion in suggestions:
        suggestion.window_words = kits.describe_window(suggestion)
    adopted = set(
        Adoption.objects.filter(member=request.user, suggestion__in=suggestions).values_list("suggestion_id", flat=True)
    )
    context = {"campaigns": campaigns, "adopted": adopted}
    return render(request, "campaigns/kits/share_kits.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def adopt(request: HttpRequest, pk: int) -> HttpResponse:
    """Adopt a suggestion: a draft in the chosen organization, opened in the composer at the time
    picked inside the window. Adopting it again asks to confirm first."""
    suggestion = kits.suggestion_for_member(request.user, pk)
    organizations = list(kits.adoption_organizations(request.user))
    form = AdoptForm(
        request.POST or None,
        organizations=organizations,
        initial={
            "organization": organizations[0].pk if organizations else None,
            "anonymous": kits.last_anonymity_choice(request.user),
        },
    )
    previous = kits.previous_adoption(request.user, suggestion)
    confirm_again = False
    if request.method == "POST" and organizations and form.is_valid():
        data = form.cleaned_data
        organization = next(org for org in organizations if org.pk == data["organization"])
        try:
            adopted = kits.adopt_suggestion(
                suggestion,
                member=request.user,
                organization=organization,
                when=data["timing"],
                anonymous=data["anonymous"],
                again=data["again"],
            )
        except kits.AlreadyAdopted as error:
            confirm_again = True
            form = AdoptForm({**request.POST.dict(), "again": "on"}, organizations=organizations)
            form.is_valid()
            form.add_error(None, error.messages)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(
                request,
                _("Your draft is ready in %(org)s, set for %(when)s. Check it, then schedule it.")
                % {
                    "org": organization.name,
                    "when": post_services.describe_time(adopted.at, time_zone=request.user.time_zone),
                },
            )
            edit = reverse("post-edit", args=[adopted.post.pk])
            return redirect(f"{edit}?{urlencode({'at': adopted.at.isoformat()})}")
    context = {
        "suggestion": suggestion,
        "window": kits.describe_window(suggestion),
        "form": form,
        "organizations": organizations,
        "previous": previous,
        "confirm_again": confirm_again,
    }
    return render(request, "campaigns/kits/adopt.html", context, status=400 if form.errors else 200)
