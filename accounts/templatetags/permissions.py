"""Templates ask the same policy as views: ``{% load permissions %}``.

``{% can "post.schedule" org as allowed %}{% if allowed %}…{% endif %}``
(``org`` may be left out to mean the active organization), or the filter
``{% if active_role|role_can:"org.edit" %}`` when the role is at hand.
"""

from __future__ import annotations

from django import template

from accounts import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, action: str, org=None) -> bool:
    request = context.get("request")
    if request is None:
        return False
    membership = getattr(request, "membership", None)
    if org is None:
        org = getattr(request, "organization", None)
    # The middleware already knows the role in the active organization: no query for it.
    if membership is not None and org is not None and membership.organization_id == getattr(org, "pk", org):
        return permissions.role_allows(membership.role, action)
    return permissions.can(request.user, action, org)


@register.filter
def role_can(role: str | None, action: str) -> bool:
    return permissions.role_allows(role, action)
