"""The Analytics page, its CSV export, and "use the best times as my posting schedule".

Thin views over ``analytics.reports`` (the figures) and ``analytics.best_times``; everyone in
the organization sees the figures (``analytics.view``), owners and admins may change the
posting schedule from them (``schedule.manage``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts import permissions
from analytics import best_times, reports
from analytics.forms import AnalyticsFilterForm
from scheduler import schedules
from scheduler.models import ScheduleSlot

VIEW = "analytics.view"

#: Line colours of the charts, in order; the tables beside them carry the same figures.
#: How many accounts the page lists in "By account" and "Follower growth"; the CSV has them all.
PAGE_ACCOUNTS = 10

PALETTE = ["#2f6f8f", "#c0504d", "#4f8a3c", "#8064a2", "#d68a1c", "#3c9caa", "#7f7f7f", "#b5487a", "#5b5b9e"]


def _form(request: HttpRequest, organization) -> AnalyticsFilterForm:
    data = request.GET.copy()
    if not data.get("start") and not data.get("end"):
        start, end = reports.default_range(organization)
        data["start"], data["end"] = start.isoformat(), end.isoformat()
    return AnalyticsFilterForm(data, organization=organization)


def _chart(chart_id: str, series: reports.Series, *, y_label: str, from_zero: bool = True) -> dict:
    return {
        "id": chart_id,
        "yLabel": y_label,
        "fromZero": from_zero,
        "labels": series.labels,
        "datasets": [
            {"label": line["label"], "data": line["data"], "colour": PALETTE[n % len(PALETTE)]}
            for n, line in enumerate(series.lines)
        ],
    }


def _chart_table(series: reports.Series) -> SafeString:
    """The chart's table body, every row written here rather than by a template loop, which cost
    more than the figures for a year of weeks."""
    # Labels are ISO days and every value an int or None (not counted yet): nothing else goes in.
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{escape(row["label"])}</th>'
            + "".join("<td>—</td>" if v is None else f"<td>{int(v)}</td>" for v in row["values"])
            + "</tr>"
            for row in series.rows()
        )
    )


def _heat_rows(best: best_times.BestTimes) -> list[tuple[str, SafeString]]:
    """The heat map's rows: the weekday and its 24 cells, written here for the same reason."""
    suggested = format_html('<span class="visually-hidden"> {}</span>', _("(suggested)"))

    def cell(hour: best_times.Hour) -> str:
        # Escaped above or numbers: nothing else goes in.
        classes = f"heat-{hour.level}" + (" heat-suggested" if hour.suggested else "")
        if not hour.posts:
            return f'<td class="{classes}"></td>'
        return f'<td class="{classes}">{hour.per_post:.0f}{suggested if hour.suggested else ""}</td>'

    return [(row[0].weekday_name, mark_safe("".join(cell(h) for h in row))) for row in best.grid]


@login_required
@require_GET
def analytics_page(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, VIEW, organization)
    form = _form(request, organization)
    context = {
        "organization": organization,
        "form": form,
        "definition": reports.engagement_definition(),
        "may_manage_schedule": permissions.role_allows(membership.role, schedules.MANAGE_ACTION),
    }
    if not form.is_valid():
        return render(request, "analytics/page.html", context, status=400)
    filters = form.filters()
    figures = reports.report(filters)
    best = best_times.best_times(organization, account_id=filters.account_id, network=filters.network)
    context.update(
        {
            "report": figures,
            "best": best,
            "heat_rows": _heat_rows(best),
            "network_table": _chart_table(figures.network_chart),
            "account_table": _chart_table(figures.account_chart),
            "accounts_shown": figures.by_account[:PAGE_ACCOUNTS],
            "accounts_more": max(len(figures.by_account) - PAGE_ACCOUNTS, 0),
            "followers_shown": figures.followers[:PAGE_ACCOUNTS],
            "followers_more": max(len(figures.followers) - PAGE_ACCOUNTS, 0),
            "page_accounts": PAGE_ACCOUNTS,
            "export_url": f"{reverse('analytics-export')}?{form.data.urlencode()}",
            "query": form.data.urlencode(),
            "follower_table": _chart_table(figures.follower_chart),
            "charts": {
                "charts": [
                    _chart("chart-by-network", figures.network_chart, y_label=_("Engagement")),
                    _chart("chart-by-account", figures.account_chart, y_label=_("Engagement")),
                    # Followers from zero would draw flat lines: a gain of 40 on 1,000.
                    _chart("chart-followers", figures.follower_chart, y_label=_("Followers"), from_zero=False),
                ],
            },
            "min_posts": best_times.MIN_POSTS,
            "hours": range(24),
        }
    )
    return render(request, "analytics/page.html", context)


@login_required
@require_GET
def analytics_export(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    permissions.require(request.user, VIEW, organization)
    form = _form(request, organization)
    if not form.is_valid():
        problems = [str(message) for errors in form.errors.values() for message in errors]
        return HttpResponse("\n".join(problems) + "\n", status=400, content_type="text/plain; charset=utf-8")
    filters = form.filters()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"analytics-{organization.slug}-{filters.start:%Y%m%d}-{filters.end:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    reports.write_csv(reports.report(filters), response)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def use_best_times(request: HttpRequest) -> HttpResponse:
    """GET: the suggested times beside the current schedule, to confirm; POST: replace it."""
    organization = permissions.active_organization(request)
    permissions.require(request.user, schedules.MANAGE_ACTION, organization)
    if request.method == "POST":
        try:
            best_times.use_as_posting_schedule(organization, by=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return redirect("analytics")
        messages.success(request, _("Your posting schedule now uses the best times to post."))
        return redirect("queue")
    schedule = schedules.default_schedule(organization)
    suggested = best_times.best_times(organization)
    names = dict(ScheduleSlot.Weekday.choices)
    context = {
        "organization": organization,
        "schedule": schedule,
        "current": schedules.describe_slots(schedule) if schedule else [],
        "enough": suggested.enough,
        "suggested": [(names[day], at) for day, at in suggested.slots],
        "measured_posts": suggested.measured_posts,
    }
    return render(request, "analytics/use_best_times.html", context)
