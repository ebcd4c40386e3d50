"""Who is acting and through what, for the length of one request: the services record it.

The web middleware says "web" (or "api" under /api/) with the signed-in user; the API token
authentication adds the token. Outside a request (Celery tasks, the dispatcher, management
commands) nothing is set, and the trail says "system". A context variable, so each thread of a
thread-pool worker and each request has its own.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True)
class Acting:
    via: str
    user: Any = None  # a User (or Django's lazy request.user), or None
    token: Any = None  # an ApiToken, or None


_acting: ContextVar[Acting | None] = ContextVar("audit_acting", default=None)


def current() -> Acting | None:
    return _acting.get()


def set_api_token(user: Any, token: Any) -> None:
    """Called by the API token authentication: this request acts through ``token``."""
    _acting.set(Acting(via="api", user=user, token=token))


class AuditContextMiddleware:
    """Sets who acts for the request (after AuthenticationMiddleware), and forgets it afterwards."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        via = "api" if request.path.startswith("/api/") else "web"
        reset = _acting.set(Acting(via=via, user=getattr(request, "user", None)))
        try:
            return self.get_response(request)
        finally:
            _acting.reset(reset)
