"""The suite refuses to pass in CI without the tools and data its important tests need."""

import subprocess

import pytest

from tests.ci_rules import REPOSITORY, TWITTER_TEXT_CONFORMANCE

SKIPS_FOR_WANT_OF_THE_CONFORMANCE_FILE = """
from tests import ci_rules

def test_counting(monkeypatch):
    monkeypatch.setattr(ci_rules, "TWITTER_TEXT_CONFORMANCE", ci_rules.SHARED_DIR / "absent.yml")
    ci_rules.twitter_text_conformance()
"""

SKIPS_FOR_WANT_OF_POSTGRESQL = """
import pytest

def test_row_locks():
    pytest.skip("needs PostgreSQL: row locks")
"""


@pytest.fixture
def inner_suite(pytester):
    def run(source: str, *, in_ci: bool):
        pytester.makepyfile(test_inner=source)
        if in_ci:
            pytester._monkeypatch.setenv("PHYSSOCIAL_REQUIRE_TOOLS", "1")
        else:
            pytester._monkeypatch.delenv("PHYSSOCIAL_REQUIRE_TOOLS", raising=False)
        return pytester.runpytest_inprocess("-p", "tests.ci_rules", "-p", "no:django", "-p", "no:cacheprovider")

    return run


def test_x_conformance_cases_are_read_from_shared_beside_the_repository():
    assert TWITTER_TEXT_CONFORMANCE == REPOSITORY.parent / "shared" / "data" / "twitter-text" / "validate.yml"


def test_a_missing_conformance_file_skips_on_a_developers_machine(inner_suite):
    inner_suite(SKIPS_FOR_WANT_OF_THE_CONFORMANCE_FILE, in_ci=False).assert_outcomes(skipped=1)


def test_a_missing_conformance_file_fails_the_run_in_ci(inner_suite):
    inner_suite(SKIPS_FOR_WANT_OF_THE_CONFORMANCE_FILE, in_ci=True).assert_outcomes(failed=1)


def test_a_postgresql_only_test_cannot_skip_in_ci(inner_suite):
    inner_suite(SKIPS_FOR_WANT_OF_POSTGRESQL, in_ci=True).assert_outcomes(failed=1)


def test_no_path_of_one_machine_is_in_the_repository():
    # Spelt in two halves so this file does not match itself.
    patterns = ["/wo" + "rk/", "/ho" + "me/[a-z]+/"]
    found = subprocess.run(
        ["git", "grep", "-nE", "|".join(patterns), "--", "."], cwd=REPOSITORY, capture_output=True, text=True
    )
    if found.returncode not in (0, 1):
        pytest.skip("not a git checkout")
    assert found.stdout == ""
