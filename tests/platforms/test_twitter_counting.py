"""X character counting agrees with twitter-text's own conformance suite (v3 configuration)."""

from pathlib import Path

import pytest
import yaml

from platforms import get_adapter
from platforms.base import Draft, NetworkConfig

SECTIONS = ("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")
RELATIVE = Path("shared") / "data" / "twitter-text" / "validate.yml"


def _suite_path() -> Path | None:
    for root in (Path(__file__).resolve().parents[3], Path("/work")):
        if (root / RELATIVE).is_file():
            return root / RELATIVE
    return None


def _cases() -> list:
    path = _suite_path()
    if path is None:
        return [pytest.param(None, id="validate.yml-missing")]
    tests = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]
    return [
        pytest.param(case, id=f"{section}: {case['description']}") for section in SECTIONS for case in tests[section]
    ]


@pytest.mark.parametrize("case", _cases())
def test_weighted_length_and_validity_match_twitter_text(case):
    if case is None:
        pytest.skip("twitter-text conformance data (shared/data/twitter-text/validate.yml) is not on this machine")
    adapter = get_adapter("twitter", NetworkConfig(api_url="https://api.x.com"))
    count = adapter.count_text(case["text"])
    assert count.used == case["expected"]["weightedLength"]
    # twitter-text's "valid": within 280 weighted characters, not empty, no characters X refuses.
    problems = adapter.validate(Draft(text=case["text"]))
    assert (problems == []) == case["expected"]["valid"], problems
