"""X character counting agrees with twitter-text's own conformance suite (v3 configuration)."""

import pytest

from platforms import get_adapter
from platforms.base import Draft, NetworkConfig
from tests.ci_rules import TWITTER_TEXT_CONFORMANCE, twitter_text_conformance

SECTIONS = ("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")


def _cases() -> list:
    if not TWITTER_TEXT_CONFORMANCE.is_file():
        # One case that skips (and fails in CI) when it runs, rather than nothing collected.
        return [pytest.param(None, id="validate.yml-missing")]
    tests = twitter_text_conformance()
    return [
        pytest.param(case, id=f"{section}: {case['description']}") for section in SECTIONS for case in tests[section]
    ]


@pytest.mark.parametrize("case", _cases())
def test_weighted_length_and_validity_match_twitter_text(case):
    if case is None:
        twitter_text_conformance()
    adapter = get_adapter("twitter", NetworkConfig(api_url="https://api.x.com"))
    count = adapter.count_text(case["text"])
    assert count.used == case["expected"]["weightedLength"]
    # twitter-text's "valid": within 280 weighted characters, not empty, no characters X refuses.
    problems = adapter.validate(Draft(text=case["text"]))
    assert (problems == []) == case["expected"]["valid"], problems
