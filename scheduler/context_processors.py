"""Template context for the navigation: how many posts of the active organization did not go out."""

from __future__ import annotations

from django.http import HttpRequest

from posts.models import PostTarget


def failures(request: HttpRequest) -> dict:
    """``failed_targets``: a lazy queryset, so only a page that shows the count pays its one COUNT.
    Everyone who may see the organization's posts sees it (every role may)."""
    organization = getattr(request, "organization", None)
    if organization is None:
        return {"failed_targets": PostTarget.objects.none()}
    return {"failed_targets": PostTarget.objects.for_organization(organization).did_not_go_out()}
