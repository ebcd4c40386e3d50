"""Campaign pages: the list, the form, the campaign's own page and report, delete and duplicate.

Everyone in the organization reads campaigns (``post.view``); owners, admins and editors manage
them (``campaign.manage``). Another organization's campaign is a 404.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions
from campaigns import services
from campaigns.forms import CampaignForm, DuplicateForm
from campaigns.models import Campaign
from physsocial.web import add_service_error
from platforms import NETWORKS


def _campaign(request: HttpRequest, pk: int, action: str) -> Campaign:
    return permissions.get_object(request.user, Campaign.objects.select_related("organization", "owner"), pk, action)


def _today(organization) -> date:
    return timezone.localdate(timezone=ZoneInfo(organization.time_zone))


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, "post.view", organization)
    context = {
        "organization": organization,
        "periods": services.campaigns_by_period(organization, today=_today(organization)),
        "may_manage": permissions.role_allows(membership.role, "campaign.manage"),
    }
    return render(request, "campaigns/list.html", context)


def _form_page(request: HttpRequest, form: CampaignForm, campaign: Campaign | None, status: int = 200) -> HttpResponse:
    preview = campaign or form.instance
    context = {
        "form": form,
        "campaign": campaign,
        # Each network's tagged landing link, as the posts will carry it (updated when saved).
        "utm_preview": [(network, preview.tagged_link(preview.landing_url, network)) for network in NETWORKS]
        if preview.landing_url and preview.slug
        else [],
    }
    return render(request, "campaigns/form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_create(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    permissions.require(request.user, "campaign.manage", organization)
    today = _today(organization)
    form = CampaignForm(
        request.POST or None,
        organization=organization,
        initial={"starts_on": today, "ends_on": today, "owner": request.user.pk, "utm_medium": "social"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.create_campaign(organization=organization, by=request.user, **form.service_fields())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Campaign created."))
            return redirect("campaign-detail", pk=campaign.pk)
    return _form_page(request, form, None, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk, "campaign.manage")
    form = CampaignForm(request.POST or None, instance=campaign, organization=campaign.organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_campaign(campaign, by=request.user, **form.service_fields())
        except ValidationError as error:
            add_service_error(form, error)
            campaign.refresh_from_db()
        else:
            messages.success(request, _("Campaign saved."))
            return redirect("campaign-detail", pk=campaign.pk)
    return _form_page(request, form, campaign, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_delete(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk, "campaign.manage")
    if request.method == "POST":
        services.delete_campaign(campaign, by=request.user)
        messages.success(request, _("Campaign deleted; its posts are kept, without a campaign."))
        return redirect("campaigns")
    return render(request, "campaigns/delete.html", {"campaign": campaign, "post_count": campaign.posts.count()})


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk, "post.view")
    membership = permissions.membership_of(request.user, campaign.organization)
    report = services.campaign_report(campaign, time_zone=request.user.time_zone)
    chart = {
        "labels": [day.isoformat() for day, _count in report.per_day],
        "counts": [count for _day, count in report.per_day],
        "colour": campaign.colour,
        "label": _("Posts per day"),
    }
    context = {
        "campaign": campaign,
        "report": report,
        "chart": chart,
        "may_manage": permissions.role_allows(membership.role, "campaign.manage"),
        "user_zone": request.user.time_zone,
        "duplicate_form": DuplicateForm(),
    }
    return render(request, "campaigns/detail.html", context)


@login_required
def campaign_report_csv(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk, "post.view")
    response = HttpResponse(services.campaign_report_csv(campaign), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="campaign-{campaign.slug}.csv"'
    return response


@login_required
@require_POST
def campaign_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk, "campaign.manage")
    form = DuplicateForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("campaign-detail", pk=campaign.pk)
    try:
        copy = services.duplicate_campaign(
            campaign, by=request.user, offset=form.offset(), name=form.cleaned_data["name"]
        )
    except (ValidationError, OverflowError):
        messages.error(request, _("The dates cannot be moved that far."))
        return redirect("campaign-detail", pk=campaign.pk)
    messages.success(request, _("Campaign copied; its posts are drafts to check and schedule."))
    return redirect("campaign-detail", pk=copy.pk)
