"""The failure centre: what did not go out in the active organization, and retrying several at once.

Thin views: the policy decides who sees and who acts (viewers see, only those who may schedule
retry); ``scheduler.failures`` reads, ``services.retry_targets`` acts.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts import permissions
from accounts.models import ConnectedAccount
from posts.models import PostTarget
from scheduler import services
from scheduler.dashboard import fix_permissions
from scheduler.failures import failures_for
from scheduler.forms_failures import RetryTargetsForm


@login_required
@require_GET
def failure_centre(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, "post.view", organization)
    account = _chosen_account(request, organization)
    context = {"failures": failures_for(organization, account=account), "organization": organization}
    context["account"] = account
    context.update(fix_permissions(membership.role))
    return render(request, "scheduler/failures.html", context)


def _chosen_account(request: HttpRequest, organization) -> ConnectedAccount | None:
    """The account ``?account=`` names (a grouped failure notice leads here with it), or None
    for every account, with a message when it names none of this organization's."""
    wanted = request.GET.get("account", "")
    if not wanted:
        return None
    account = None
    if wanted.isdigit() and len(wanted) <= 18:
        account = ConnectedAccount.objects.filter(organization=organization, pk=int(wanted)).first()
    if account is None:
        messages.error(request, _("That account is not one of this organization's: here is every account's."))
    return account


@login_required
@require_POST
def retry_failures(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    permissions.require(request.user, "post.schedule", organization)
    form = RetryTargetsForm(request.POST)
    if not form.is_valid():
        for message in form.errors["target"]:
            messages.error(request, message)
        return redirect("failures")
    wanted = form.cleaned_data["target"]
    targets = permissions.visible_to(
        request.user,
        PostTarget.objects.for_organization(organization).filter(pk__in=wanted).select_related("account"),
        org_field="post__organization",
    ).order_by("pk")
    result = services.retry_targets(targets, by=request.user)
    _report(request, result, missing=len(wanted) - len(result.retried) - len(result.refused))
    return redirect("failures")


def _report(request: HttpRequest, result: services.BulkRetry, *, missing: int) -> None:
    """Say in plain words what was sent again and, one by one, what was not and why."""
    if result.retried:
        count = len(result.retried)
        messages.success(
            request,
            ngettext(
                "%(count)d post was retried: it will go out in a few seconds.",
                "%(count)d posts were retried: they will go out in a few seconds.",
                count,
            )
            % {"count": count},
        )
    for target, reason in result.refused:
        account = target.account
        words = {"network": account.get_network_display(), "account": account.display_name, "reason": reason}
        messages.error(request, _("Not retried, %(network)s · %(account)s: %(reason)s") % words)
    if missing:
        messages.error(
            request,
            ngettext(
                "%(count)d post you ticked is no longer here: it was deleted meanwhile.",
                "%(count)d posts you ticked are no longer here: they were deleted meanwhile.",
                missing,
            )
            % {"count": missing},
        )
