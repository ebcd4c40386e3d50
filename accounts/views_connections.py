"""The Accounts page: connect, reconnect and disconnect social accounts.

Thin views over ``accounts.connections``: permissions first (an outsider
gets 404, a member without the role 403), one service call, a message and
a redirect. Errors from the networks come back as plain messages on the
Accounts page, never as an error page.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import connections, permissions
from accounts.forms_connections import ChooseAccountsForm
from accounts.models import ConnectedAccount, Organization
from accounts.models.connected import Network

#: Where an administrator learns to register an app with a network.
REGISTERING_APPS_URL = (
    getattr(settings, "DOCUMENTATION_URL", "https://github.com/physsocial/physsocial/blob/main/README.md")
    + "#registering-network-apps"
)


def _network(network: str, *, flows_only: bool = False) -> str:
    allowed = set(connections.FLOW_OF_NETWORK.values()) if flows_only else set(Network.values)
    if network not in allowed:
        raise Http404(_("No such network."))
    return network


def _error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    for message in error.messages:
        messages.error(request, message)
    return redirect("connections")


@login_required
@require_GET
def accounts_page(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, "account.view", organization)
    accounts = ConnectedAccount.objects.for_organization(organization).shown().select_related("connected_by")
    # ?status=needs_reconnect: the home page's "needs reconnecting" list in full.
    status = request.GET.get("status", "")
    if status == ConnectedAccount.Status.NEEDS_RECONNECT:
        accounts = accounts.needing_reconnect(timezone.now())
    accounts = list(accounts)
    context = {
        "organization": organization,
        "accounts": accounts,
        "only_needing_reconnect": status == ConnectedAccount.Status.NEEDS_RECONNECT,
        "unknown_status": status[:40] if status and status != ConnectedAccount.Status.NEEDS_RECONNECT else "",
        "needing_reconnect": [a for a in accounts if a.needs_reconnect],
        "options": connections.network_options(),
        "may_connect": permissions.role_allows(membership.role, "account.connect"),
        "may_disconnect": permissions.role_allows(membership.role, "account.disconnect"),
        "registering_apps_url": REGISTERING_APPS_URL,
    }
    return render(request, "connections/accounts.html", context)


@login_required
@require_POST
def start(request: HttpRequest, network: str) -> HttpResponse:
    network = _network(network)
    organization = permissions.active_organization(request)
    permissions.require(request.user, "account.connect", organization)
    try:
        url = connections.start_connect(network, session=request.session, organization=organization)
    except ValidationError as e:
        return _error(request, e)
    return redirect(url)


@login_required
@require_GET
def callback(request: HttpRequest, network: str) -> HttpResponse:
    network = _network(network, flows_only=True)
    try:
        outcome = connections.complete_connect(
            network, session=request.session, params=request.GET.dict(), user=request.user
        )
    except ValidationError as e:
        return _error(request, e)
    if outcome.needs_choice:
        return redirect("connection-choose", network=network)
    _say_connected(request, outcome.accounts, outcome.organization)
    return redirect("connections")


def _say_connected(request: HttpRequest, accounts: list[ConnectedAccount], organization: Organization) -> None:
    names = ", ".join(f"{a.get_network_display()} {a.display_handle or a.display_name}" for a in accounts)
    if organization == request.organization:
        messages.success(request, _("Connected %(names)s.") % {"names": names})
    else:
        messages.success(
            request, _("Connected %(names)s to %(organization)s.") % {"names": names, "organization": organization.name}
        )


@login_required
@require_http_methods(["GET", "POST"])
def choose(request: HttpRequest, network: str) -> HttpResponse:
    network = _network(network, flows_only=True)
    try:
        organization, choices = connections.pending_choices(network, session=request.session, user=request.user)
    except ValidationError as e:
        return _error(request, e)
    if request.method == "POST" and "cancel" in request.POST:
        connections.cancel_choice(request.session)
        messages.info(request, _("Nothing was connected."))
        return redirect("connections")
    form = ChooseAccountsForm(
        request.POST if request.method == "POST" else None,
        choices=choices,
        initial={"accounts": [c.key for c in choices]},
    )
    if form.is_valid():
        try:
            accounts = connections.connect_chosen_identities(
                network, session=request.session, keys=form.cleaned_data["accounts"], user=request.user
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            _say_connected(request, accounts, organization)
            return redirect("connections")
    selected = set(form["accounts"].value() or [])
    context = {
        "network": network,
        "network_label": connections.network_label(network),
        "organization": organization,
        "form": form,
        "choices": [(c, c.key in selected) for c in choices],
    }
    return render(request, "connections/choose.html", context, status=400 if form.is_bound else 200)


def revocation_message(done: str, revocation: connections.Revocation) -> str:
    """``done``, why the network did not end PhysSocial's access, and a link to where the person can."""
    if not revocation.apps_settings_url:
        return format_html("{} {}", done, revocation.problem)
    return format_html(
        '{} {} {} <a href="{}" rel="noopener noreferrer" target="_blank">{}</a>',
        done,
        revocation.problem,
        revocation.what_to_do,
        revocation.apps_settings_url,
        _("Open the %(network)s settings") % {"network": connections.network_label(revocation.network)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def disconnect(request: HttpRequest, pk: int) -> HttpResponse:
    account = permissions.get_object(request.user, ConnectedAccount.objects.shown(), pk, "account.disconnect")
    if request.method == "POST":
        revocation = connections.disconnect_account(account, by=request.user)
        done = _("Disconnected %(network)s %(name)s.") % {
            "network": account.get_network_display(),
            "name": account.display_name,
        }
        if revocation.is_revoked:
            messages.success(request, done)
        else:
            messages.warning(request, revocation_message(done, revocation))
        return redirect("connections")
    return render(request, "connections/disconnect.html", {"account": account})
