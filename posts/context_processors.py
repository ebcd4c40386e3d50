"""Template context for the navigation: how many posts wait for review."""

from __future__ import annotations

from django.http import HttpRequest

from posts import review


def review_waiting(request: HttpRequest) -> dict:
    """``review_waiting_count``: called by the template only where it is shown (one COUNT query)."""
    organization = getattr(request, "organization", None)
    if organization is None:
        return {"review_waiting_count": 0}
    return {"review_waiting_count": lambda: review.count_waiting(organization)}
