"""What a run needs from its machine, and how CI refuses to pass without it.

A test that lacks a tool or data skips with one of MISSING_TOOL_REASONS. On a developer's machine
that is a skip; with PHYSSOCIAL_REQUIRE_TOOLS set (CI) it is a failure, so a green CI proves the
browser, node, gettext, X's conformance cases and PostgreSQL-only tests actually ran.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

MISSING_TOOL_REASONS = (
    "Chromium is not installed",
    "node is not installed",
    "conformance file is not on this machine",
    "needs PostgreSQL",
    "GNU gettext is not installed",
)

# Shared material lives beside the repository, never inside it: ../shared from the repository root.
REPOSITORY = Path(__file__).resolve().parents[1]
SHARED_DIR = REPOSITORY.parent / "shared"
TWITTER_TEXT_CONFORMANCE = SHARED_DIR / "data" / "twitter-text" / "validate.yml"


def twitter_text_conformance() -> dict:
    """X's official counting cases (Apache-2.0), read from ../shared where they are kept."""
    if not TWITTER_TEXT_CONFORMANCE.is_file():
        pytest.skip(f"the twitter-text conformance file is not on this machine ({TWITTER_TEXT_CONFORMANCE})")
    return yaml.safe_load(TWITTER_TEXT_CONFORMANCE.read_text(encoding="utf-8"))["tests"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With PHYSSOCIAL_REQUIRE_TOOLS set (CI), a test skipped for a missing tool fails instead."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("PHYSSOCIAL_REQUIRE_TOOLS"):
        reason = str(report.longrepr)
        if any(missing in reason for missing in MISSING_TOOL_REASONS):
            report.outcome = "failed"
            report.longrepr = f"CI requires this tool, but: {reason}"
