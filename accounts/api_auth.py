"""API tokens: issuing and revoking them, and authenticating REST API requests with them.

A request sends ``Authorization: Token <key>``. It acts as the token's user,
in the token's organization only, with that user's *current* role there:

* no header, an unknown key, a revoked token, a deactivated user, a user who
  is no longer a member of the token's organization, or one who turned off the
  two-factor authentication the organization requires: 401;
* an object of any other organization (even one the user belongs to): 404;
* a member whose role does not allow the action: 403 (``accounts.permissions``).

This module must not import ``rest_framework.views``: DRF imports it while
building ``APIView`` (it is named in ``DEFAULT_AUTHENTICATION_CLASSES``), so
the base view the API builds on lives in ``accounts.api``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from accounts import permissions, two_factor
from accounts.models import ApiToken, Organization, User
from accounts.models.api_tokens import KEY_PREFIX, digest, new_key
from audit import context as audit_context

KEYWORD = "Token"
DEFAULT_NAME = "API token"

# --- services -------------------------------------------------------------------------------


def create_api_token(*, user: User, organization: Organization, name: str = "") -> tuple[ApiToken, str]:
    """Issue a token for ``user`` to act in ``organization``; returns the row and the key.

    The key is returned only here and is not stored: show it once. Raises
    ValidationError when the user is not an active member of the organization,
    when the organization requires two-factor authentication and the user has
    not set it up or (for a user from a request) this session did not enter a
    code, or when the name is too long. Each call issues a new token.
    """
    name = (name or "").strip() or DEFAULT_NAME
    max_length = ApiToken._meta.get_field("name").max_length
    if len(name) > max_length:
        raise ValidationError(
            {
                "name": _("Keep the name under %(max)s characters; this one has %(length)s.")
                % {"max": max_length, "length": len(name)}
            }
        )
    if permissions.membership_of(user, organization) is None:
        raise ValidationError(
            _("%(email)s is not a member of %(organization)s, so cannot have a token for it.")
            % {"email": user.email, "organization": organization.name}
        )
    if organization.requires_two_factor and not two_factor.has_two_factor(user):
        # Otherwise a token would be a way around the organization's rule.
        raise ValidationError(
            _(
                "%(organization)s requires two-factor authentication: %(email)s must set it up "
                "(Settings → Security) before creating a token for it."
            )
            % {"organization": organization.name, "email": user.email}
        )
    if not permissions.can(user, "token.create", organization):
        # A session that signed in with the password alone (the device was added
        # elsewhere) must not mint a key that outlives it.
        raise ValidationError(
            _(
                "%(organization)s requires two-factor authentication: enter a code from your "
                "authenticator app (Settings → Two-factor authentication) before creating a token for it."
            )
            % {"organization": organization.name}
        )
    key = new_key()
    token = ApiToken(user=user, organization=organization, name=name)
    token.set_key(key)
    token.save()
    return token, key


def revoke_api_token(token: ApiToken, *, by: User) -> bool:
    """Revoke ``token``: requests with its key get 401 from now on. Only its own user may.

    Raises PermissionDenied for anyone else; returns whether this call revoked it
    (False when it already was). Safe to repeat.
    """
    if token.user_id != by.pk:
        raise PermissionDenied(_("Only the person a token belongs to can revoke it."))
    return token.revoke()


# --- authentication ---------------------------------------------------------------------------


class ApiTokenAuthentication(BaseAuthentication):
    """``Authorization: Token <key>`` → (``user``, ``ApiToken``); ``request.auth.organization`` is where it acts."""

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None  # some other scheme, or none: unauthenticated, answered 401 by the permission check
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Send the header as 'Authorization: Token <key>', with no spaces."))
        try:
            key = parts[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("This token is not valid.")) from None
        user, token = self.authenticate_key(key)
        # Answers in the token owner's language, unless the request asks for one itself.
        if user.language and not request.META.get("HTTP_ACCEPT_LANGUAGE"):
            translation.activate(user.language)
            request._request.LANGUAGE_CODE = user.language
        return user, token

    def authenticate_key(self, key: str) -> tuple[User, ApiToken]:
        token = (
            ApiToken.objects.select_related("user", "organization").filter(key_hash=digest(key)).first()
            if key.startswith(KEY_PREFIX)
            else None
        )
        if token is None:
            raise exceptions.AuthenticationFailed(_("This token is not valid."))
        if token.is_revoked:
            raise exceptions.AuthenticationFailed(_("This token has been revoked."))
        # membership_of also refuses deactivated users.
        if permissions.membership_of(token.user, token.organization_id) is None:
            raise exceptions.AuthenticationFailed(
                _("This token's user is no longer a member of its organization, so the token no longer works.")
            )
        organization = token.organization
        if organization.requires_two_factor and not two_factor.has_two_factor(token.user):
            raise exceptions.AuthenticationFailed(
                _("%(organization)s requires two-factor authentication, and this token's user has not set it up.")
                % {"organization": organization.name}
            )
        token.touch()
        audit_context.set_api_token(token.user, token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer 401 (with this challenge) rather than 403 to an unauthenticated request.
        return KEYWORD


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.api_auth.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "`Token <key>`. Create a token in Settings → API tokens, or with "
                "`python manage.py create_api_token --email E --org SLUG`. "
                "A token acts for one organization with its user's role there."
            ),
        }
