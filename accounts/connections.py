"""Services for connected accounts: connect, reconnect, refresh, disconnect.

Every way an account arrives (the OAuth flow on the Accounts page, the
``connect_account`` and ``connect_sandbox_accounts`` commands) ends in
:func:`_store_identity`, so "reconnecting updates the same row and never
drops a refresh token" holds whichever door was used. The network is only
reached through ``platforms`` adapters.

Errors meant for a person are ``ValidationError`` with a sentence a
physician understands; the network's own failures stay ``PlatformError``
subclasses. No message, log line or exception here carries a token.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import time
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import platforms
from accounts import crypto, permissions
from accounts.models import ConnectedAccount, Notification, Organization, User
from accounts.models.connected import Network
from accounts.notifications import notify, organization_admins
from audit import services as audit
from audit.models import Action
from physsocial.networks import network_label
from platforms.base import (
    Adapter,
    AuthExpired,
    Credentials,
    Identity,
    NetworkConfig,
    PlatformError,
    RateLimited,
    Rejected,
    Tokens,
    Transient,
)

logger = logging.getLogger(__name__)

#: Which network an identity of each kind is published through.
NETWORK_OF_KIND: dict[str, str] = {
    ConnectedAccount.Kind.X_USER: Network.TWITTER,
    ConnectedAccount.Kind.FACEBOOK_PAGE: Network.FACEBOOK,
    ConnectedAccount.Kind.INSTAGRAM_BUSINESS: Network.INSTAGRAM,
    ConnectedAccount.Kind.LINKEDIN_MEMBER: Network.LINKEDIN,
    ConnectedAccount.Kind.LINKEDIN_ORGANIZATION: Network.LINKEDIN,
    ConnectedAccount.Kind.YOUTUBE_CHANNEL: Network.YOUTUBE,
}

#: The OAuth flow that connects each network. Instagram business accounts are
#: reached through Facebook Login: the page picker offers each page's account.
FLOW_OF_NETWORK: dict[str, str] = {
    Network.TWITTER: Network.TWITTER,
    Network.FACEBOOK: Network.FACEBOOK,
    Network.INSTAGRAM: Network.FACEBOOK,
    Network.LINKEDIN: Network.LINKEDIN,
    Network.YOUTUBE: Network.YOUTUBE,
}

#: Flows whose identities are always offered on the picker, even when there is only one:
#: a Facebook login can manage pages the physician does not want PhysSocial to post as.
ALWAYS_CHOOSE = frozenset({Network.FACEBOOK})

#: How long a started connection may take before its state is forgotten.
PENDING_LIFETIME = timedelta(minutes=30)
MAX_PENDING = 5

#: Refresh tokens this long before they expire (the beat task runs more often than this).
REFRESH_MARGIN = timedelta(minutes=15)

_SESSION_PENDING = "connections.pending"
_SESSION_CHOICE = "connections.choice"

# Denied-consent answers, as each network spells them.
_CANCELLED_ERRORS = frozenset({"access_denied", "user_denied", "user_cancelled_login", "user_cancelled_authorize"})


# --- networks and adapters ------------------------------------------------------------------


def network_config(network: str) -> NetworkConfig:
    return NetworkConfig.from_settings(settings.PLATFORMS[network], timeout_s=settings.PLATFORM_TIMEOUT_S)


def adapter_for(network: str) -> Adapter:
    """The adapter for ``network``, configured from ``settings.PLATFORMS``."""
    if network not in settings.PLATFORMS:
        raise ValueError(f"Unknown network {network!r}.")
    return platforms.get_adapter(network, network_config(network))


def is_network_configured(network: str) -> bool:
    """Whether the app's client id and secret for ``network`` are set (a network can run without them)."""
    return network in settings.PLATFORMS and network_config(network).is_configured


def is_sandbox_network(network: str) -> bool:
    """Whether ``network`` points at the platform simulator (which only listens on loopback)."""
    host = urlsplit(settings.PLATFORMS[network].get("api_url", "")).hostname or ""
    return host in ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class NetworkOption:
    """One row of connect buttons on the Accounts page."""

    network: str
    label: str
    is_configured: bool
    through: str = ""  # "Facebook" for Instagram


def network_options() -> list[NetworkOption]:
    return [
        NetworkOption(
            network=network.value,
            label=network.label,
            is_configured=is_network_configured(FLOW_OF_NETWORK[network]),
            through=network_label(FLOW_OF_NETWORK[network]) if FLOW_OF_NETWORK[network] != network else "",
        )
        for network in Network
    ]


def _flow_networks(flow: str) -> list[str]:
    """The networks one consent serves: Facebook Login gives pages and their Instagram accounts."""
    return [network for network, of in FLOW_OF_NETWORK.items() if of == flow]


def _consent_adapter(flow: str) -> Adapter:
    """The adapter whose consent page covers every network of the flow.

    Facebook Login must ask for the Instagram permissions too, or the picker
    could not offer the pages' Instagram accounts: the Instagram adapter asks
    for the page permissions and Instagram's.
    """
    return adapter_for(Network.INSTAGRAM if flow == Network.FACEBOOK else flow)


def _flow_identities(flow: str, tokens: Tokens) -> list[Identity]:
    """What one login may post as, across the networks of its flow, each identity once.

    The flow's own network must answer (its errors are raised); another network
    of the flow that refuses (an Instagram permission the person declined on
    the consent page) only adds nothing.
    """
    identities: dict[tuple[str, str], Identity] = {}
    for network in _flow_networks(flow):
        try:
            found = adapter_for(network).identities(tokens)
        except Rejected:
            if network == flow:
                raise
            logger.info("no %s identities for this %s login", network, flow)
            continue
        for identity in found:
            if identity.kind in NETWORK_OF_KIND:
                identities.setdefault((identity.kind, identity.external_id), identity)
    return list(identities.values())


def callback_url(network: str) -> str:
    """The redirect URI registered with the network: fixed, from PUBLIC_BASE_URL, not from the request."""
    return settings.PUBLIC_BASE_URL + reverse("connection-callback", args=[network])


def consent_origins() -> list[str]:
    """The origins of the configured networks' consent pages, where Connect's answer redirects.

    Connect is a form whose answer redirects to the network, and browsers check every redirect
    of a form's submission against the page's Content-Security-Policy form-action, so these
    origins must be listed there (physsocial/content_security.py). Asks each adapter for its
    consent URL rather than guessing which setting holds it; nothing leaves the server.
    """
    # Every page asks; building the adapters' URLs took about a millisecond. The settings are
    # the cache key because tests and the simulator change them while the process runs.
    return list(_consent_origins(json.dumps(settings.PLATFORMS, sort_keys=True, default=str)))


@functools.lru_cache(maxsize=16)
def _consent_origins(_platforms: str) -> tuple[str, ...]:
    origins = set()
    for flow in sorted(set(FLOW_OF_NETWORK.values())):
        if is_network_configured(flow):
            consent = urlsplit(_consent_adapter(flow).authorization_request(redirect_uri=callback_url(flow)).url)
            origins.add(f"{consent.scheme}://{consent.netloc}")
    return tuple(sorted(origins))


# --- the OAuth flow -------------------------------------------------------------------------


def start_connect(network: str, *, session: SessionBase, organization: Organization) -> str:
    """Begin connecting ``network`` for ``organization``; returns the URL of the network's consent page.

    The state and PKCE verifier wait in the session for :func:`complete_connect`.
    Several connections can be under way at once (one per browser tab).
    Raises ValidationError when the network is not configured.
    """
    flow = FLOW_OF_NETWORK[network]
    if not is_network_configured(flow):
        raise ValidationError(
            _(
                "%(network)s is not configured on this PhysSocial yet: an administrator must register "
                "an app with the network first."
            )
            % {"network": network_label(network)}
        )
    request = _consent_adapter(flow).authorization_request(redirect_uri=callback_url(flow))
    now = timezone.now()
    pending = {
        state: entry
        for state, entry in session.get(_SESSION_PENDING, {}).items()
        if datetime.fromisoformat(entry["started_at"]) > now - PENDING_LIFETIME
    }
    # Keep only the newest few: a session is not a place to pile up abandoned attempts.
    for state in sorted(pending, key=lambda s: pending[s]["started_at"])[: max(0, len(pending) - MAX_PENDING + 1)]:
        del pending[state]
    pending[request.state] = {
        "network": flow,
        "organization_id": organization.pk,
        "verifier": crypto.encrypt_token(request.verifier),
        "started_at": now.isoformat(),
    }
    session[_SESSION_PENDING] = pending
    return request.url


@dataclass
class ConnectOutcome:
    """What a finished OAuth flow did: accounts connected, or identities waiting on the picker."""

    organization: Organization
    accounts: list[ConnectedAccount] = field(default_factory=list)
    needs_choice: bool = False


def _take_pending(session: SessionBase, state: str) -> dict[str, Any] | None:
    pending = dict(session.get(_SESSION_PENDING, {}))
    entry = pending.pop(state, None) if state else None
    session[_SESSION_PENDING] = pending
    if entry and datetime.fromisoformat(entry["started_at"]) <= timezone.now() - PENDING_LIFETIME:
        return None
    return entry


def _message_for(exc: PlatformError, label: str) -> str:
    match exc:
        case AuthExpired():
            return f"{label} did not accept the sign-in (it may have expired or been used already). Please try again."
        case RateLimited():
            at = timezone.localtime(exc.retry_at).strftime("%H:%M")
            return f"{label} is limiting requests right now. Please try again after {at}."
        case Transient():
            return f"{label} could not be reached. Please try again in a few minutes."
        case _:
            return f"{label} refused the connection: {exc.message}"


def complete_connect(
    network: str,
    *,
    session: SessionBase,
    params: Mapping[str, str],
    user: User,
) -> ConnectOutcome:
    """Finish the OAuth flow the network redirected back to us with ``params`` (its query string).

    Checks ``state`` against the session (single use), turns a denied consent
    or an error into a ValidationError with a plain message, exchanges the
    code, and asks the network who the token belongs to. One identity is
    connected at once; several (or any Facebook login) wait in the session for
    :func:`connect_chosen_identities`. Accounts go to the organization that was
    active when the flow started, if ``user`` may still connect accounts there
    (Http404/PermissionDenied otherwise). Not idempotent: a code works once.
    """
    label = network_label(network)
    entry = _take_pending(session, params.get("state", ""))
    if entry is None or entry["network"] != network:
        raise ValidationError(
            _(
                "This %(label)s connection expired or was started in another browser. Nothing was "
                "connected; please start again from the Accounts page."
            )
            % {"label": label}
        )
    organization = Organization.objects.filter(pk=entry["organization_id"]).first()
    # The role may have changed while the person was on the network's consent page.
    permissions.require(user, "account.connect", organization)
    error = params.get("error", "")
    if error:
        if error in _CANCELLED_ERRORS or params.get("error_reason") == "user_denied":
            raise ValidationError(
                _("You cancelled the connection to %(label)s; nothing was connected.") % {"label": label}
            )
        # Never echo error_description: anyone can put words in a link to our callback.
        code = re.sub(r"[^a-z0-9_]", "", error.lower())[:60]
        raise ValidationError(
            _("%(label)s did not connect the account (it answered “%(code)s”). Please try again.")
            % {"label": label, "code": code}
        )
    code = params.get("code", "")
    if not code:
        raise ValidationError(_("%(label)s sent no authorization code. Please try again.") % {"label": label})

    try:
        tokens = adapter_for(network).exchange_code(
            code, redirect_uri=callback_url(network), verifier=crypto.decrypt_token(entry["verifier"])
        )
        identities = _flow_identities(network, tokens)
    except PlatformError as exc:
        logger.warning("connect %s for organization %s failed: %s", network, organization.pk, type(exc).__name__)
        raise ValidationError(_message_for(exc, label)) from None
    if not identities:
        raise ValidationError(_nothing_to_connect(network))

    if len(identities) > 1 or network in ALWAYS_CHOOSE:
        _remember_choice(session, network=network, organization=organization, tokens=tokens, identities=identities)
        return ConnectOutcome(organization=organization, needs_choice=True)
    account = _store_identity(organization=organization, identity=identities[0], tokens=tokens, by=user)
    return ConnectOutcome(organization=organization, accounts=[account])


def _nothing_to_connect(network: str) -> str:
    if network == Network.FACEBOOK:
        return (
            "This Facebook login manages no pages that PhysSocial can post to. "
            "Create a page, or ask its admin to give you full control, then connect again."
        )
    return f"{network_label(network)} did not tell us which account this is, so nothing was connected."


# --- the picker (Facebook pages and their Instagram accounts, LinkedIn pages) ------------------


@dataclass(frozen=True)
class Choice:
    """An identity offered on the picker (no tokens: those stay encrypted in the session)."""

    key: str  # "<network>:<external id>"
    network: str
    kind: str
    name: str
    handle: str
    avatar_url: str
    parent_key: str = ""  # the Facebook page an Instagram account belongs to
    is_connected: bool = False

    @property
    def kind_label(self) -> str:
        return ConnectedAccount.Kind(self.kind).label


def _identity_key(identity: Identity) -> str:
    return f"{NETWORK_OF_KIND[identity.kind]}:{identity.external_id}"


def _remember_choice(
    session: SessionBase, *, network: str, organization: Organization, tokens: Tokens, identities: list[Identity]
) -> None:
    # Page tokens are as secret as any: they go into the session encrypted, like into the table.
    session[_SESSION_CHOICE] = {
        "network": network,
        "organization_id": organization.pk,
        "created_at": timezone.now().isoformat(),
        "tokens": crypto.encrypt_token(_tokens_to_json(tokens)),
        "identities": [
            {
                "external_id": i.external_id,
                "kind": i.kind,
                "name": i.name,
                "handle": i.handle,
                "avatar_url": i.avatar_url,
                "extra": dict(i.extra),
                "access_token": crypto.encrypt_token(i.access_token),
            }
            for i in identities
        ],
    }


def _pending_choice(session: SessionBase, network: str) -> dict[str, Any] | None:
    choice = session.get(_SESSION_CHOICE)
    if not choice or choice["network"] != network:
        return None
    if datetime.fromisoformat(choice["created_at"]) <= timezone.now() - PENDING_LIFETIME:
        return None
    return choice


def _choice_identities(choice: dict[str, Any]) -> list[Identity]:
    return [
        Identity(
            external_id=i["external_id"],
            kind=i["kind"],
            name=i["name"],
            handle=i["handle"],
            avatar_url=i["avatar_url"],
            extra=i["extra"],
            access_token=crypto.decrypt_token(i["access_token"]),
        )
        for i in choice["identities"]
    ]


def pending_choices(network: str, *, session: SessionBase, user: User) -> tuple[Organization, list[Choice]]:
    """The organization and identities waiting on the picker for ``user`` to choose from.

    Raises ValidationError if none are waiting, Http404/PermissionDenied if
    ``user`` may no longer connect accounts in that organization.
    """
    choice = _pending_choice(session, network)
    if choice is None:
        raise ValidationError(
            _("There is no %(network)s connection waiting for a choice. Please start again from the Accounts page.")
            % {"network": network_label(network)}
        )
    organization = Organization.objects.filter(pk=choice["organization_id"]).first()
    permissions.require(user, "account.connect", organization)
    connected = set(
        ConnectedAccount.objects.for_organization(organization)
        .active()
        .values_list("network", "external_id")
        .iterator()
    )
    choices = []
    for i in choice["identities"]:
        item_network = NETWORK_OF_KIND[i["kind"]]
        # An Instagram business account is reached through its Facebook page.
        page_id = i["extra"].get("page_id", "") if i["kind"] == ConnectedAccount.Kind.INSTAGRAM_BUSINESS else ""
        choices.append(
            Choice(
                key=f"{item_network}:{i['external_id']}",
                network=item_network,
                kind=i["kind"],
                name=i["name"],
                handle=i["handle"],
                avatar_url=i["avatar_url"],
                parent_key=f"facebook:{page_id}" if page_id else "",
                is_connected=(item_network, i["external_id"]) in connected,
            )
        )
    return organization, choices


def connect_chosen_identities(
    network: str, *, session: SessionBase, keys: Iterable[str], user: User
) -> list[ConnectedAccount]:
    """Connect the identities the person ticked on the picker (``Choice.key`` values).

    Keys that the network did not offer are ignored, so a forged form cannot
    connect anything the login does not manage. Raises ValidationError when
    nothing waits or nothing was chosen. Clears the pending choice.
    """
    choice = _pending_choice(session, network)
    if choice is None:
        raise ValidationError(
            _("This %(network)s connection expired. Nothing was connected; please start again.")
            % {"network": network_label(network)}
        )
    wanted = set(keys)
    chosen = [i for i in _choice_identities(choice) if _identity_key(i) in wanted]
    if not chosen:
        raise ValidationError(_("Choose at least one account to connect."))
    organization = Organization.objects.filter(pk=choice["organization_id"]).first()
    permissions.require(user, "account.connect", organization)
    tokens = _tokens_from_json(crypto.decrypt_token(choice["tokens"]))
    accounts = [_store_identity(organization=organization, identity=i, tokens=tokens, by=user) for i in chosen]
    session.pop(_SESSION_CHOICE, None)
    return accounts


def cancel_choice(session: SessionBase) -> None:
    session.pop(_SESSION_CHOICE, None)


def _tokens_to_json(tokens: Tokens) -> str:
    return json.dumps(
        {
            "access_token": tokens.access_token,
            "refresh_token": tokens.refresh_token,
            "expires_at": tokens.expires_at.isoformat() if tokens.expires_at else None,
            "refresh_expires_at": tokens.refresh_expires_at.isoformat() if tokens.refresh_expires_at else None,
            "scopes": list(tokens.scopes),
        }
    )


def _tokens_from_json(data: str) -> Tokens:
    values = json.loads(data)
    return Tokens(
        access_token=values["access_token"],
        refresh_token=values["refresh_token"],
        expires_at=datetime.fromisoformat(values["expires_at"]) if values["expires_at"] else None,
        refresh_expires_at=datetime.fromisoformat(values["refresh_expires_at"])
        if values["refresh_expires_at"]
        else None,
        scopes=tuple(values["scopes"]),
    )


# --- storing what the network said -------------------------------------------------------------


def _store_identity(
    *, organization: Organization, identity: Identity, tokens: Tokens, by: User | None
) -> ConnectedAccount:
    """Create or update the account for ``identity``, keyed by (organization, network, external id).

    A page identity (Facebook page, its Instagram account) carries its own page
    token, which does not expire; every other identity posts with the grant's
    tokens. A network that sends no refresh token on reconnect (most do not)
    leaves the stored one in place. Safe to run twice.
    """
    network = NETWORK_OF_KIND[identity.kind]
    if identity.access_token:
        access_token, refresh_token, expires_at, refresh_expires_at = identity.access_token, "", None, None
    else:
        access_token, refresh_token = tokens.access_token, tokens.refresh_token
        expires_at, refresh_expires_at = tokens.expires_at, tokens.refresh_expires_at
    for attempt in range(2):
        try:
            with transaction.atomic():
                account = (
                    ConnectedAccount.objects.select_for_update()
                    .filter(organization=organization, network=network, external_id=identity.external_id)
                    .first()
                )
                created = account is None
                if created:
                    account = ConnectedAccount(
                        organization=organization, network=network, external_id=identity.external_id
                    )
                account.kind = identity.kind
                account.display_name = identity.name[:200] or identity.handle[:200] or identity.external_id
                account.handle = identity.handle[:200]
                account.avatar_url = identity.avatar_url[:1000]
                if tokens.scopes:  # tokens pasted into connect_account come without their scopes
                    account.scopes = list(tokens.scopes)
                account.extra = {**account.extra, **identity.extra}
                account.status = ConnectedAccount.Status.ACTIVE
                account.last_error = ""
                account.access_token = access_token
                account.token_expires_at = expires_at
                if refresh_token:
                    account.refresh_token = refresh_token
                    account.refresh_token_expires_at = refresh_expires_at
                account.connected_by = by
                account.connected_at = timezone.now()
                account.refreshing_until = None  # a refresh of the old grant still in flight must not store over this
                account.save()
            break
        except IntegrityError:
            # Someone connected the same account a moment ago (two tabs): update their row instead.
            if attempt:
                raise
    audit.record_account(Action.ACCOUNT_CONNECTED if created else Action.ACCOUNT_RECONNECTED, account, by=by)
    logger.info(
        "%s %s account %s for organization %s",
        "connected" if created else "reconnected",
        network,
        account.pk,
        organization.pk,
    )
    return account


def connect_with_tokens(
    *,
    organization: Organization,
    network: str,
    access_token: str,
    refresh_token: str = "",
    page_id: str = "",
    by: User | None = None,
) -> ConnectedAccount:
    """Connect the account ``access_token`` belongs to, as the network says (names are never typed in).

    For Facebook and Instagram the token is a user token and ``page_id`` picks
    the page (or the page whose Instagram account, or the Instagram account
    itself); for LinkedIn ``page_id`` picks an organization page instead of
    the member. Raises AuthExpired for a token the network refuses, other
    PlatformErrors as they come, and ValidationError when the token cannot post
    as ``page_id`` or several pages need a choice. Safe to run twice.
    """
    if network not in Network.values:
        raise ValidationError(
            _("Unknown network “%(network)s”; choose one of %(networks)s.")
            % {"network": network, "networks": ", ".join(Network.values)}
        )
    tokens = Tokens(access_token=access_token, refresh_token=refresh_token)
    identities = [i for i in adapter_for(network).identities(tokens) if NETWORK_OF_KIND.get(i.kind) == network]
    label = network_label(network)
    if page_id:
        matches = [i for i in identities if page_id in (i.external_id, i.external_id.rsplit(":", 1)[-1])]
        if not matches and network == Network.INSTAGRAM:
            matches = [i for i in identities if i.extra.get("page_id") == page_id]
        if not matches:
            offered = ", ".join(f"{i.external_id} ({i.name})" for i in identities) or "none"
            raise ValidationError(
                _("This token cannot post to %(label)s as %(page_id)s. It can post as: %(offered)s.")
                % {"label": label, "page_id": page_id, "offered": offered}
            )
        identity = matches[0]
    else:
        if network == Network.LINKEDIN:
            identities = [i for i in identities if i.kind == ConnectedAccount.Kind.LINKEDIN_MEMBER] or identities
        if not identities:
            raise ValidationError(_("%(label)s says this token cannot post as any account.") % {"label": label})
        if len(identities) > 1:
            offered = ", ".join(f"{i.external_id} ({i.name})" for i in identities)
            raise ValidationError(
                _("This token can post to %(label)s as several accounts; choose one with --page: %(offered)s.")
                % {"label": label, "offered": offered}
            )
        identity = identities[0]
    return _store_identity(organization=organization, identity=identity, tokens=tokens, by=by)


# --- using and refreshing tokens ---------------------------------------------------------------


def credentials_for(account: ConnectedAccount) -> Credentials:
    """What an adapter needs to act as ``account`` (decrypted here, in memory only)."""
    return Credentials(
        external_id=account.external_id,
        access_token=account.access_token,
        refresh_token=account.refresh_token,
        kind=account.kind,
        handle=account.handle,
        extra={k: str(v) for k, v in account.extra.items()},
    )


def accounts_to_refresh(*, now: datetime | None = None) -> list[int]:
    """Ids of active accounts whose access token expires within REFRESH_MARGIN and can be refreshed."""
    now = now or timezone.now()
    return list(
        ConnectedAccount.objects.active()
        .expiring_before(now + REFRESH_MARGIN)
        .exclude(refresh_token_encrypted="")
        .order_by("token_expires_at")
        .values_list("pk", flat=True)
    )


def refresh_claim_duration() -> timedelta:
    return timedelta(seconds=settings.TOKEN_REFRESH_CLAIM_S)


def refresh_account_tokens(
    account: ConnectedAccount,
    *,
    expiring_before: datetime | None = None,
    rejected_access_token: str = "",
) -> ConnectedAccount:
    """Refresh ``account``'s tokens and store them; returns the updated account.

    X rotates refresh tokens, so two workers refreshing at once would both
    spend the old one and the loser's account would be dead. One worker
    claims the refresh (``ConnectedAccount.claim_refresh``, a conditional
    update) and nothing is locked while the token request is out: a slow
    network no longer holds a row lock that publishing and the Accounts page
    wait on. A worker that finds the refresh claimed waits for it to finish
    (at most twice ``PLATFORM_TIMEOUT_S``) and returns what it stored,
    or raises Transient when it is still running; a crashed worker's claim
    lapses after ``TOKEN_REFRESH_CLAIM_S``.

    Safe to run twice: nothing is refreshed when the stored access token is
    no longer the one in ``account`` or ``rejected_access_token`` (someone
    refreshed or reconnected meanwhile), or no longer expires before
    ``expiring_before``.

    On AuthExpired the account becomes ``needs_reconnect``, ``last_error``
    says why, its organization's owners and admins get an e-mail, and the
    error is raised again. Other PlatformErrors are recorded in ``last_error``
    and raised; the account stays active for the next attempt.
    """
    seen_access_token = account.access_token
    current, claimed_until = _claim_refresh(account, seen_access_token)
    if claimed_until is None:
        return current
    try:
        return _refresh_claimed(
            current,
            claimed_until,
            seen_access_token=seen_access_token,
            expiring_before=expiring_before,
            rejected_access_token=rejected_access_token,
        )
    finally:
        current.release_refresh(claimed_until)  # a no-op once the outcome was stored


#: How often a worker that found the refresh claimed looks whether it is done.
REFRESH_POLL = timedelta(milliseconds=200)


def _claim_refresh(account: ConnectedAccount, seen_access_token: str) -> tuple[ConnectedAccount, datetime | None]:
    """Claim the refresh, or wait for the worker that has it; the row as stored, and the claim's end.

    No claim (None) means there is nothing left to do: the account is no longer
    active, or another worker stored new tokens while we waited.
    """
    # A token request takes at most a connect and a read time-out.
    deadline = time.monotonic() + 2 * settings.PLATFORM_TIMEOUT_S
    while True:
        claimed_until = account.claim_refresh(now=timezone.now(), claim_for=refresh_claim_duration())
        current = ConnectedAccount.objects.select_related("organization").get(pk=account.pk)
        if claimed_until is not None:
            return current, claimed_until
        if not current.is_active or current.access_token != seen_access_token:
            return current, None
        if time.monotonic() >= deadline:
            raise Transient(
                f"{current.get_network_display()}: another worker is still renewing this account's access; "
                "trying again shortly."
            )
        time.sleep(REFRESH_POLL.total_seconds())


def _refresh_claimed(
    claimed: ConnectedAccount,
    claimed_until: datetime,
    *,
    seen_access_token: str,
    expiring_before: datetime | None,
    rejected_access_token: str,
) -> ConnectedAccount:
    """Ask the network for new tokens and store the outcome, holding the claim but no lock."""
    if not claimed.is_active or claimed.access_token != seen_access_token:
        return claimed
    if expiring_before is not None and not (
        claimed.token_expires_at is not None and claimed.token_expires_at < expiring_before
    ):
        return claimed
    if rejected_access_token and claimed.access_token != rejected_access_token:
        return claimed
    ours = ConnectedAccount.objects.filter(
        pk=claimed.pk, refreshing_until=claimed_until, status=ConnectedAccount.Status.ACTIVE
    )
    failure: PlatformError | None = None
    if not claimed.has_refresh_token:
        # Page tokens and LinkedIn grants without programmatic refresh: only a person can renew them.
        failure = AuthExpired(f"{claimed.get_network_display()} gave no refresh token for this account.")
    else:
        current = Tokens(
            access_token=claimed.access_token,
            refresh_token=claimed.refresh_token,
            expires_at=claimed.token_expires_at,
            refresh_expires_at=claimed.refresh_token_expires_at,
            scopes=tuple(claimed.scopes),
        )
        try:
            fresh = adapter_for(claimed.network).refresh(current)
        except PlatformError as exc:
            failure = exc
    now = timezone.now()
    if failure is None:
        claimed.access_token = fresh.access_token
        changes: dict[str, Any] = {
            "access_token_encrypted": claimed.access_token_encrypted,
            "token_expires_at": fresh.expires_at,
            "last_error": "",
            "last_refreshed_at": now,
            "refreshing_until": None,
            "updated_at": now,
        }
        # Most networks send no new refresh token; X sends one and the old one is spent.
        if fresh.refresh_token:
            claimed.refresh_token = fresh.refresh_token
            changes["refresh_token_encrypted"] = claimed.refresh_token_encrypted
            changes["refresh_token_expires_at"] = fresh.refresh_expires_at
        if fresh.scopes:
            changes["scopes"] = list(fresh.scopes)
        # Only fields the refresh owns, and only while the claim is ours: a reconnect or a
        # disconnect that happened meanwhile wins over tokens from the older grant.
        if ours.update(**changes):
            logger.info("refreshed tokens of %s account %s", claimed.network, claimed.pk)
        else:
            logger.warning("tokens of %s account %s changed while refreshing; kept those", claimed.network, claimed.pk)
        return ConnectedAccount.objects.select_related("organization").get(pk=claimed.pk)
    newly_broken = False
    if isinstance(failure, AuthExpired):
        newly_broken = bool(
            ours.update(
                status=ConnectedAccount.Status.NEEDS_RECONNECT,
                last_error=_reconnect_reason(claimed, failure),
                refreshing_until=None,
                updated_at=now,
            )
        )
    else:
        ours.update(
            last_error=_message_for(failure, claimed.get_network_display()), refreshing_until=None, updated_at=now
        )
    logger.warning("refreshing %s account %s failed: %s", claimed.network, claimed.pk, type(failure).__name__)
    if newly_broken:
        claimed.refresh_from_db()
        notify_needs_reconnect(claimed)
    raise failure


def _reconnect_reason(account: ConnectedAccount, exc: PlatformError) -> str:
    label = account.get_network_display()
    detail = f" ({label} said: {exc.message})" if exc.message else ""
    return f"{label} no longer accepts PhysSocial's access to this account{detail}. Reconnect it to keep publishing."


def mark_needs_reconnect(account: ConnectedAccount, *, reason: str) -> bool:
    """Turn an active account to ``needs_reconnect`` and tell its owners; False if it was not active.

    For the publishing engine, when a network refuses a token that was just
    refreshed. A conditional update, so two workers cannot both send the e-mail.
    """
    changed = ConnectedAccount.objects.filter(pk=account.pk, status=ConnectedAccount.Status.ACTIVE).update(
        status=ConnectedAccount.Status.NEEDS_RECONNECT, last_error=reason, updated_at=timezone.now()
    )
    if changed:
        account.refresh_from_db()
        notify_needs_reconnect(account)
    return bool(changed)


def notify_needs_reconnect(account: ConnectedAccount) -> None:
    """Tell the owners and admins of the account's organization, in the app and by e-mail,
    that it needs reconnecting."""
    admins = list(organization_admins(account.organization))
    if not admins:
        return
    context = {
        "account": account,
        "organization": account.organization,
        "accounts_url": settings.PUBLIC_BASE_URL + reverse("connections"),
    }

    # Functions: rendered in each admin's language (accounts/notifications.py).
    def subject() -> str:
        return render_to_string("connections/email/needs_reconnect_subject.txt", context).strip()

    notify(
        admins,
        organization=account.organization,
        title=subject,
        body=lambda: (
            account.last_error or _("PhysSocial can no longer publish to this account until it is reconnected.")
        ),
        link=reverse("connections"),
        kind=Notification.Kind.NEEDS_RECONNECT,
        # The e-mail says more than the row: what to do, and the Accounts page's full address.
        email_subject=subject,
        email_body=lambda: render_to_string("connections/email/needs_reconnect.txt", context),
    )


#: The audit trail: one record per disconnect and per organization deletion, with who did it.
audit_logger = logging.getLogger("physsocial.audit")

#: Networks whose accounts share one Facebook login: removing the app there ends all of them.
_FACEBOOK_LOGIN_NETWORKS = (Network.FACEBOOK, Network.INSTAGRAM)


@dataclass(frozen=True)
class Revocation:
    """What asking the network to end PhysSocial's access to one account came to.

    ``is_revoked`` is true when the network confirmed it (or said the tokens
    were already dead, or there were none). Otherwise ``problem`` says why in
    plain words and ``apps_settings_url`` is where the person removes
    PhysSocial's access themselves.
    """

    account_id: int
    network: str
    account_name: str
    is_revoked: bool
    problem: str = ""
    apps_settings_url: str = ""

    @property
    def what_to_do(self) -> str:
        """What the person should do at the network when the revocation did not happen ("" when it did)."""
        if self.is_revoked or not self.apps_settings_url:
            return ""
        return _(
            "PhysSocial has deleted its copy of the tokens. To be sure it can no longer act as %(account)s, "
            "remove PhysSocial from the apps connected to your %(network)s account."
        ) % {"account": self.account_name, "network": network_label(self.network)}

    @property
    def advice(self) -> str:
        """The problem and what to do, with the address, as plain text (logs, e-mails)."""
        if self.is_revoked:
            return ""
        return " ".join(part for part in (self.problem, self.what_to_do, self.apps_settings_url) if part)


def _others_sharing_login(account: ConnectedAccount, *, excluding: Collection[int]) -> int:
    """How many other connected accounts (any organization) use the Facebook login ``account`` came from."""
    user_id = (account.extra or {}).get("user_id")
    if account.network not in _FACEBOOK_LOGIN_NETWORKS or not user_id:
        return 0
    return (
        ConnectedAccount.objects.shown()
        .filter(network__in=_FACEBOOK_LOGIN_NETWORKS, extra__user_id=user_id)
        .exclude(pk__in=[account.pk, *excluding])
        .count()
    )


def revoke_account_tokens(account: ConnectedAccount, *, going_too: Collection[int] = ()) -> Revocation:
    """Ask the network to end PhysSocial's access to ``account``; never raises for the network's sake.

    A Facebook login that still serves other connected accounts (other than
    those in ``going_too``, which are being removed as well) is left in place, because
    removing the app there would stop them all. Failures come back as a
    Revocation with a plain ``problem``: the caller disconnects anyway. Safe to
    run twice. Makes a network request, so call it outside a transaction.
    """
    label = network_label(account.network)
    name = f"{label} {account.display_handle or account.display_name}"
    adapter_class = platforms.adapter_class(account.network)
    done = Revocation(account.pk, account.network, name, is_revoked=True)
    if not (account.access_token_encrypted or account.refresh_token_encrypted):
        return done  # disconnected already: nothing left to revoke

    def failed(problem: str) -> Revocation:
        return Revocation(
            account.pk, account.network, name, False, problem, getattr(adapter_class, "apps_settings_url", "")
        )

    sharing = _others_sharing_login(account, excluding=going_too)
    if sharing > 0:
        return Revocation(
            account.pk,
            account.network,
            name,
            False,
            ngettext(
                "%(network)s access was left in place because %(count)d other account connected with the same "
                "Facebook login still uses it.",
                "%(network)s access was left in place because %(count)d other accounts connected with the same "
                "Facebook login still use it.",
                sharing,
            )
            % {"network": label, "count": sharing},
        )
    try:
        adapter_for(account.network).revoke(credentials_for(account))
    except NotImplementedError:
        return failed(_("%(network)s offers no way for PhysSocial to end its access.") % {"network": label})
    except AuthExpired:
        return done  # the network already refuses these tokens: nothing is left to revoke
    except PlatformError as exc:
        logger.warning("revoking %s account %s failed: %s", account.network, account.pk, type(exc).__name__)
        match exc:
            case Transient() | RateLimited():
                problem = _("%(network)s could not be reached to end PhysSocial's access.") % {"network": label}
            case _:
                problem = _("%(network)s did not end PhysSocial's access (it said: %(message)s).") % {
                    "network": label,
                    "message": exc.message,
                }
        return failed(problem)
    return done


def disconnect_account(account: ConnectedAccount, *, by: User) -> Revocation:
    """Revoke the account's tokens at the network, then forget them and mark it disconnected.

    The posts' history stays. A revocation that fails (network down, an
    error) does not stop the disconnect: the Revocation returned says what
    the person should do at the network. Safe to run twice. Reconnecting the
    same account later reuses the row.
    """
    revocation = revoke_account_tokens(account)
    with transaction.atomic():
        locked = ConnectedAccount.objects.select_for_update().get(pk=account.pk)
        locked.status = ConnectedAccount.Status.DISCONNECTED
        locked.access_token_encrypted = ""
        locked.refresh_token_encrypted = ""
        locked.token_expires_at = None
        locked.refresh_token_expires_at = None
        locked.last_error = ""
        locked.save()
    audit.record_account(Action.ACCOUNT_DISCONNECTED, locked, by=by, details={"revoked": revocation.is_revoked})
    audit_logger.info(
        "account disconnected",
        extra={
            "event": "account.disconnect",
            "account_id": locked.pk,
            "network": locked.network,
            "organization_id": locked.organization_id,
            "user_id": by.pk,
            "revoked_at_network": revocation.is_revoked,
        },
    )
    return revocation
