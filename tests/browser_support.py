"""What every browser test shares: Debian's Chromium driven by Playwright, signed in.

Playwright's own browser download cannot run on our machines, so tests launch
the system Chromium; without it (or without Playwright) they skip with the
reason CI turns into a failure (see tests/conftest.py).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from accounts import services as account_services

try:
    from playwright import sync_api
except ImportError:
    sync_api = None

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Without the background-networking flags Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

#: Module-level ``pytestmark`` for a browser test file.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(CHROMIUM is None or sync_api is None, reason="Chromium is not installed"),
]


# Playwright's init scripts are exempt from the page's Content-Security-Policy, so this one sees
# every violation the page's own scripts, styles and markup cause, and reports it to the test.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || "an inline"} on ${event.documentURI}` +
      ` (${event.sourceFile || "the page"}:${event.lineNumber}) ${event.sample}`.trimEnd()
  );
});
"""


def _session_cookie(live_server, user, organization) -> dict:
    """A session cookie for ``user`` signed in and working in ``organization``."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[account_services.ACTIVE_ORGANIZATION_SESSION_KEY] = organization.pk
    session.save()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}


def _new_page(browser, live_server, *, viewport: dict | None, cookies: list[dict]):
    """A tab in a context of its own (its own cookies), recording Content-Security-Policy violations
    in ``page.csp_violations``."""
    context_options = {"base_url": live_server.url}
    if viewport:
        context_options["viewport"] = viewport
    context = browser.new_context(**context_options)
    if cookies:
        context.add_cookies(list(cookies))
    violations: list[str] = []
    context.expose_function("reportCspViolation", lambda violation: violations.append(violation))
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.csp_violations = violations
    # Chromium also says so on the console, even where the event cannot reach the test.
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(message.text),
    )
    page.set_default_timeout(15_000)
    return page


@contextmanager
def _browser() -> Iterator:
    # Playwright's sync API keeps an event loop in this thread; the test's own queries are still sync.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                browser.close()
                # Queries made while Playwright's loop runs in this thread get their own connections
                # (Django's connections are per context); left open, they stop PostgreSQL from
                # dropping the test database at the end of the run.
                connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@contextmanager
def browser_page(live_server, *, viewport: dict | None = None, cookies: list[dict] = ()) -> Iterator:
    """A Chromium tab on ``live_server`` that fails the test on any Content-Security-Policy violation.

    The violations seen so far are in ``page.csp_violations``; leaving the block with any
    left fails the test, so every browser test checks the policy on the pages it visits.
    """
    with _browser() as browser:
        page = _new_page(browser, live_server, viewport=viewport, cookies=list(cookies))
        yield page
        assert page.csp_violations == [], f"Content-Security-Policy violations: {page.csp_violations}"


@contextmanager
def signed_in_page(live_server, user, organization, *, viewport: dict | None = None) -> Iterator:
    """A Chromium tab on ``live_server``, signed in as ``user`` working in ``organization`` (see browser_page)."""
    with browser_page(
        live_server, viewport=viewport, cookies=[_session_cookie(live_server, user, organization)]
    ) as page:
        yield page


@contextmanager
def signed_in_pages(live_server, *people, viewport: dict | None = None) -> Iterator[list]:
    """One tab per ``(user, organization)`` in ``people``, each in a browser context of its own
    (separate sessions, as two people on two computers), checked as ``browser_page`` checks."""
    with _browser() as browser:
        pages = [
            _new_page(browser, live_server, viewport=viewport, cookies=[_session_cookie(live_server, user, org)])
            for user, org in people
        ]
        yield pages
        violations = [violation for page in pages for violation in page.csp_violations]
        assert violations == [], f"Content-Security-Policy violations: {violations}"
