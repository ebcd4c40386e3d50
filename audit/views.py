"""The organization's audit page and its CSV export: owners and admins only (``audit.view``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts import permissions
from audit import services
from audit.forms import AuditFilterForm

PAGE_SIZE = 100


def _filtered(request: HttpRequest):
    organization = permissions.active_organization(request)
    permissions.require(request.user, "audit.view", organization)
    form = AuditFilterForm(request.GET or None, organization=organization)
    valid = form.is_valid() if request.GET else True
    events = services.events_of(organization, **(form.filters() if request.GET and valid else {}))
    return organization, form, valid, events


@login_required
@require_GET
def audit_page(request: HttpRequest) -> HttpResponse:
    organization, form, valid, events = _filtered(request)
    page = Paginator(events if valid else events.none(), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"organization": organization, "form": form, "page": page, "query": query.urlencode()}
    return render(request, "audit/organization.html", context)


@login_required
@require_GET
def audit_export(request: HttpRequest) -> HttpResponse:
    organization, _form, valid, events = _filtered(request)
    if not valid:
        events = events.none()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-{organization.slug}-{stamp}.csv"'
    services.write_csv(events.iterator(), response)
    return response
