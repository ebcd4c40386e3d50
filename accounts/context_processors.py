"""Template context about the organizations of the signed-in person."""

from __future__ import annotations

from django.http import HttpRequest

from accounts.models import Membership, Notification


def organizations(request: HttpRequest) -> dict:
    """For the switcher and the navigation.

    ``user_memberships``: the user's memberships (each with ``.organization``
    and ``.role``), personal first; a lazy queryset, so pages that do not
    show the switcher cost no query. ``active_organization``,
    ``active_membership`` and ``active_role`` describe the one in use.
    """
    membership = getattr(request, "membership", None)
    user = getattr(request, "user", None)
    return {
        "user_memberships": Membership.objects.for_user(user) if user is not None else Membership.objects.none(),
        "active_organization": getattr(request, "organization", None),
        "active_membership": membership,
        "active_role": membership.role if membership else None,
        # Lazy like the memberships: one COUNT, only on pages that show it.
        "unread_notifications": (
            Notification.objects.filter(user=user).unread()
            if user is not None and user.is_authenticated
            else Notification.objects.none()
        ),
    }
