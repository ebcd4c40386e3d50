"""Pages of bulk import, export and bulk actions.

Import: upload → preview (every row checked, nothing saved; the file waits in the cache under a
random key for an hour) → import the good rows. Export: a CSV file of a date range's or a
campaign's posts. Bulk actions: select posts, choose what to do, confirm the count, see what each
post did.
"""

from __future__ import annotations

import csv
import secrets
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import permissions
from campaigns import bulk, exporting, importing
from campaigns.forms_import import BulkForm, ImportForm
from campaigns.models import Campaign
from physsocial.web import add_service_error
from posts.models import PostTarget, TargetState

PREVIEW_SECONDS = 3600
#: What the preview page lists before "and N more": a 5,000-row file's errors still show.
PREVIEW_ROWS_SHOWN = 5000


def _cache_key(request: HttpRequest, token: str) -> str:
    return f"posts-import:{request.user.pk}:{token}"


def _plan_context(plan: importing.ImportPlan) -> dict:
    return {
        "plan": plan,
        "rows": plan.rows[:PREVIEW_ROWS_SHOWN],
        "ok": plan.count(importing.OK),
        "errors": plan.count(importing.ERROR),
        "duplicates": plan.count(importing.DUPLICATE),
    }


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    permissions.require(request.user, "post.draft", organization)
    form = ImportForm(request.POST or None, request.FILES or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        options = form.options()
        try:
            if upload.size > importing.MAX_FILE_BYTES:
                raise ValidationError({"file": importing.file_too_large_message()})
            data = upload.read()
            plan = importing.plan_import(organization=organization, by=request.user, data=data, options=options)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            token = secrets.token_urlsafe(16)
            cache.set(
                _cache_key(request, token),
                {"organization": organization.pk, "data": data, "options": options},
                PREVIEW_SECONDS,
            )
            return render(
                request,
                "campaigns/import/preview.html",
                {"organization": organization, "token": token, **_plan_context(plan)},
            )
    return render(
        request,
        "campaigns/import/upload.html",
        {
            "organization": organization,
            "form": form,
            "columns": importing.COLUMNS,
            "max_rows": importing.MAX_ROWS,
        },
    )


@login_required
@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    token = request.POST.get("token", "")
    stored = cache.get(_cache_key(request, token)) if token.isascii() and len(token) < 64 else None
    if stored is None or stored["organization"] != organization.pk:
        messages.error(request, _("This preview has expired; upload the file again."))
        return redirect("posts-import")
    plan = importing.import_posts(
        organization=organization, by=request.user, data=stored["data"], options=stored["options"]
    )
    cache.delete(_cache_key(request, token))
    return render(request, "campaigns/import/result.html", {"organization": organization, **_plan_context(plan)})


TEMPLATES = {
    importing.PHYSSOCIAL: (
        "physsocial-import-template.csv",
        [
            importing.COLUMNS,
            (
                "2027-03-02 09:30",
                "yourhandle;12",
                "Flu shots are in. Walk in Monday to Friday, 9 to 5.",
                "https://example.org/flu",
                "",
                "",
                "",
                "",
                "",
                "Flu shots are in at our clinic, for every age. Walk in Monday to Friday, 9 to 5.",
                "",
                "",
            ),
            (
                "2027-03-03T12:00-05:00",
                "yourhandle",
                "Our new hours start next week.\nMonday to Friday, 8 to 6.",
                "",
                "waiting-room.jpg",
                "Our waiting room, with the new signs.",
                "",
                "",
                "",
                "",
                "",
                "",
            ),
        ],
    ),
    importing.HOOTSUITE: (
        "hootsuite-bulk-composer-template.csv",
        [
            ("03/02/2027 09:30", "Flu shots are in. Walk in Monday to Friday, 9 to 5.", "https://example.org/flu"),
            ("03/03/2027 12:00", "Our new hours start next week.", ""),
        ],
    ),
}


@login_required
@require_GET
def import_template(request: HttpRequest, layout: str) -> HttpResponse:
    if layout not in TEMPLATES:
        raise Http404
    name, rows = TEMPLATES[layout]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerows(rows)
    return response


def _local_day(value: str, zone: ZoneInfo, *, name: str) -> datetime | None:
    if not value:
        return None
    day = parse_date(value) if len(value) <= 10 else None
    if day is None:
        raise ValidationError(
            _("“%(value)s” is not a date as 2026-12-31 (%(name)s).") % {"value": value[:20], "name": name}
        )
    return datetime.combine(day, time(0), tzinfo=zone)


def _export_filters(request: HttpRequest, organization) -> dict:
    zone = ZoneInfo(organization.time_zone)
    starts = _local_day(request.GET.get("from", ""), zone, name="from")
    ends = _local_day(request.GET.get("to", ""), zone, name="to")
    campaign = None
    if request.GET.get("campaign"):
        campaign = importing.campaign_named(organization, request.GET["campaign"])
        if campaign is None and request.GET["campaign"].isdigit():
            campaign = Campaign.objects.of(organization).filter(pk=int(request.GET["campaign"])).first()
        if campaign is None:
            raise ValidationError(_("No campaign here is called “%(name)s”.") % {"name": request.GET["campaign"][:80]})
    # "to" is the last day exported, whole.
    return {"starts": starts, "ends": ends + timedelta(days=1) if ends else None, "campaign": campaign}


@login_required
@require_GET
def export_posts(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    permissions.require(request.user, "post.view", organization)
    try:
        filters = _export_filters(request, organization)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400, content_type="text/plain; charset=utf-8")
    posts = exporting.posts_to_export(organization, **filters)
    response = StreamingHttpResponse(
        exporting.export_csv(posts.iterator(chunk_size=500), organization=organization),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{organization.slug}-posts.csv"'
    return response


# --- bulk actions ---------------------------------------------------------------------------


SELECTABLE = [TargetState.DRAFT, TargetState.IN_REVIEW, TargetState.SCHEDULED]


@login_required
@require_http_methods(["GET", "POST"])
def bulk_page(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, "post.draft", organization)
    if request.method == "POST":
        return _bulk_post(request, organization)
    try:
        filters = _export_filters(request, organization)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        filters = {"starts": None, "ends": None, "campaign": None}
    posts = exporting.posts_to_export(organization, **filters).filter(
        pk__in=PostTarget.objects.filter(state__in=SELECTABLE).values("post_id")
    )
    page = Paginator(posts, 100).get_page(request.GET.get("page"))
    export_query = urlencode({key: request.GET[key] for key in ("from", "to", "campaign") if request.GET.get(key)})
    return render(
        request,
        "campaigns/import/bulk.html",
        {
            "organization": organization,
            "page": page,
            "form": BulkForm(organization=organization, post_ids=[]),
            "campaigns": Campaign.objects.of(organization),
            "filters": {key: request.GET.get(key, "") for key in ("from", "to", "campaign")},
            "export_query": export_query,
            "may_cancel": permissions.role_allows(membership.role, "post.schedule"),
            "user_zone": request.user.time_zone,
        },
    )


def _back_to(request: HttpRequest) -> str:
    """Where the bulk flow returns: the page that sent the selection (the calendar sends its own
    address as ``next``), or the Bulk page."""
    back = request.POST.get("next", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back
    return reverse("posts-bulk")


def _bulk_post(request: HttpRequest, organization) -> HttpResponse:
    back = _back_to(request)
    asked = [int(pk) for pk in request.POST.getlist("posts") if pk.isdigit() and len(pk) < 19]
    posts = bulk.selected_posts(organization, asked)
    form = BulkForm(request.POST, organization=organization, post_ids=[post.pk for post in posts])
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    action = form.cleaned_data["action"]
    if not form.cleaned_data["confirmed"]:
        return render(
            request,
            "campaigns/import/bulk_confirm.html",
            {
                "organization": organization,
                "form": form,
                "posts": posts,
                "changing": bulk.plan_bulk(posts, action=action),
                "action_label": dict(form.fields["action"].choices)[action],
                "offset": form.offset,
                "unit_label": dict(form.fields["unit"].choices).get(form.cleaned_data["unit"] or "days"),
                "campaign": form.cleaned_data["campaign"],
                "back": back,
            },
        )
    try:
        result = bulk.run_bulk(
            posts,
            action=action,
            by=request.user,
            organization=organization,
            offset=form.offset,
            campaign=form.cleaned_data["campaign"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(back)
    if result.changed:
        messages.success(
            request,
            ngettext("%(count)s post changed.", "%(count)s posts changed.", len(result.changed))
            % {"count": len(result.changed)},
        )
    for post, reason in result.refused:
        messages.error(request, _("Not changed: “%(post)s”: %(reason)s") % {"post": str(post)[:60], "reason": reason})
    return redirect(back)
