"""Rate limits: the API per token and per user, sign-up and password reset per client address.

Every limit is one of Django REST framework's cache-based throttles, counted in
the cache (Redis, so all web processes share the counts), with its rate in
``settings.RATE_LIMITS``; the pages use the same classes as the API. Failed
logins are django-axes' business (per account); ``LoginFailuresByAddress`` adds
the per-address limit axes cannot give its own number.

The client's address comes from ``client_address``, which asks django-axes, so
a lock-out and a rate limit always agree on who the client is.

This module must not import ``rest_framework.views``: DRF imports it while
building ``APIView`` (it is named in ``DEFAULT_THROTTLE_CLASSES``).
"""

from __future__ import annotations

import hashlib
import logging
import math
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ImproperlyConfigured
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext, ngettext
from redis.exceptions import RedisError
from rest_framework import exceptions, throttling

logger = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str:
    """The client's IP address: REMOTE_ADDR, or behind ``TRUSTED_PROXY_COUNT`` proxies, X-Forwarded-For's entry
    that the outermost one wrote. Resolved by django-axes (django-ipware, with the ``AXES_IPWARE_*`` settings)."""
    # Imported here: axes.helpers imports axes' models, and DRF may import this module before apps are ready.
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or "unknown"


class RateLimited(exceptions.Throttled):
    """The API's 429: a sentence in plain words; DRF sets ``Retry-After`` from ``wait``."""

    def __init__(self, wait: float | None):
        seconds = None if wait is None else math.ceil(wait)
        if seconds is None:
            detail = gettext("Too many requests: you are sending them faster than this server allows.")
        else:
            detail = ngettext(
                "Too many requests: you are sending them faster than this server allows. "
                "Please wait %(wait)d second and try again.",
                "Too many requests: you are sending them faster than this server allows. "
                "Please wait %(wait)d seconds and try again.",
                seconds,
            ) % {"wait": seconds}
        # Not Throttled.__init__, which would add DRF's own "Expected available in …" sentence.
        exceptions.APIException.__init__(self, detail)
        self.wait = seconds


class OurThrottle:
    """What every limit here shares.

    * The rate is read from ``settings.RATE_LIMITS`` when the throttle is made, not from the copy DRF
      binds to its classes when it is imported, so tests and settings overrides see the current rates.
    * A client without an account is known by ``client_address`` (DRF's own ``get_ident`` trusts
      X-Forwarded-For whatever the proxies).
    * When Redis cannot be reached the request is let through, with a warning in the log: a limit
      against abuse must not turn an outage of the cache into an outage of logging in and the API.
    """

    scope: str | None

    def get_rate(self) -> str | None:
        try:
            return settings.RATE_LIMITS[self.scope]
        except KeyError:
            raise ImproperlyConfigured(f"settings.RATE_LIMITS has no rate for {self.scope!r}.") from None

    def get_ident(self, request) -> str:
        return client_address(request)

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except RedisError as exc:
            logger.warning("rate limit %s not checked, the cache is unreachable: %s", self.scope, type(exc).__name__)
            return True

    def wait(self) -> float:
        # DRF answers None when a race let the history overflow; the whole window is then a safe answer.
        wait = super().wait()
        return self.duration if wait is None else wait


class TokenRateThrottle(OurThrottle, throttling.SimpleRateThrottle):
    """Requests per API token (``api_token``), so one runaway script cannot starve its user's others."""

    scope = "api_token"

    def get_cache_key(self, request, view) -> str | None:
        token = getattr(request, "auth", None)
        if token is None or not getattr(token, "pk", None):
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.pk}


class UserRateThrottle(OurThrottle, throttling.UserRateThrottle):
    """Requests per user, whatever the token (``api_user``): more tokens do not buy more requests."""

    scope = "api_user"


class ScopedRateThrottle(OurThrottle, throttling.ScopedRateThrottle):
    """Per user, for views that name a ``throttle_scope`` with a tighter rate (uploads, validation)."""


class AddressRateThrottle(OurThrottle, throttling.SimpleRateThrottle):
    """Requests per client address, for pages anyone can use without an account."""

    def __init__(self, scope: str):
        self.scope = scope
        super().__init__()

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}


class EmailRateThrottle(OurThrottle, throttling.SimpleRateThrottle):
    """Requests per e-mail address, e.g. password-reset e-mails one inbox may receive."""

    def __init__(self, scope: str, email: str):
        self.scope = scope
        self.email = email.strip().lower()
        super().__init__()

    def get_cache_key(self, request, view) -> str:
        # Hashed: cache keys must be plain ASCII without spaces, and Redis need not hold people's addresses.
        return self.cache_format % {"scope": self.scope, "ident": hashlib.sha256(self.email.encode()).hexdigest()}


def refused_for(request: HttpRequest, *limits: throttling.SimpleRateThrottle) -> float | None:
    """Counts this request against each limit in turn; the seconds to wait if one is spent, else None."""
    for limit in limits:
        if not limit.allow_request(request, None):
            return limit.wait()
    return None


def wait_in_words(wait_s: float) -> str:
    """``wait_s`` as people say it, in whole minutes rounded up: "14 minutes", "1 hour, 5 minutes"."""
    now = timezone.now()
    return timeuntil(now + timedelta(minutes=max(1, math.ceil(wait_s / 60))), now=now)


def with_retry_after(response: HttpResponse, wait_s: float) -> HttpResponse:
    response.status_code = 429
    response["Retry-After"] = str(math.ceil(wait_s))
    return response


class LoginFailuresByAddress(OurThrottle, throttling.SimpleRateThrottle):
    """Failed logins from one address, over every account: ``LOGIN_ADDRESS_FAILURE_LIMIT`` per cool-off period.

    django-axes locks an account after a few failures, from anywhere; this stops one address from guessing
    a few passwords of each of many accounts. Only failures count (``record``); ``is_spent`` only looks.
    """

    scope = "login_address"

    def get_rate(self) -> str | None:
        # DRF's rates know no "per 15 minutes": parse_rate gives the numbers; 0 turns the limit off.
        return "per cool-off" if settings.LOGIN_ADDRESS_FAILURE_LIMIT else None

    def parse_rate(self, rate: str | None) -> tuple[int | None, int | None]:
        if rate is None:
            return None, None
        return settings.LOGIN_ADDRESS_FAILURE_LIMIT, int(settings.AXES_COOLOFF_TIME.total_seconds())

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}

    def is_spent(self, request: HttpRequest) -> bool:
        if self.rate is None:
            return False
        self.key = self.get_cache_key(request, None)
        try:
            self.history = self.cache.get(self.key, [])
        except RedisError as exc:
            logger.warning("rate limit %s not checked, the cache is unreachable: %s", self.scope, type(exc).__name__)
            return False
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()
        return len(self.history) >= self.num_requests

    def record(self, request: HttpRequest) -> None:
        self.allow_request(request, None)


@receiver(user_login_failed)
def count_login_failure_by_address(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    if request is not None:
        LoginFailuresByAddress().record(request)
