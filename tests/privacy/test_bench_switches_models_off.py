"""bench/privacy.py --without: a trained model is worth what the scan loses when its rule is left out."""

import importlib.util
from pathlib import Path

import pytest

from privacy import date_model, name_model, place_model
from privacy import text as privacy_text

BENCH = Path(__file__).resolve().parents[2] / "bench" / "privacy.py"


@pytest.fixture
def bench(monkeypatch):
    # The switch rewrites the scan's rules for the process: put them back after each test.
    monkeypatch.setattr(privacy_text, "RULES", privacy_text.RULES)
    spec = importlib.util.spec_from_file_location("bench_privacy", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("which", "left_out"),
    [
        ("names", name_model.RULES),
        ("dates", date_model.RULES),
        ("places", place_model.RULES),
        ("models", name_model.RULES + date_model.RULES + place_model.RULES),
    ],
)
def test_switching_a_model_off_leaves_out_its_rule_and_keeps_every_other(bench, which, left_out):
    before = privacy_text.RULES
    bench.switch_off(which)
    assert privacy_text.RULES == tuple(rule for rule in before if rule not in left_out)
    assert len(privacy_text.RULES) == len(before) - len(left_out)


def test_a_name_only_the_names_model_reads_is_not_found_with_it_switched_off(bench):
    post = {"body": "Sat with Wilbert Okonkwo-Vance this morning; his family brought the photos from the lake."}
    with_model = [f.reason_code for f in privacy_text.scan(post, language="en")]
    bench.switch_off("names")
    without_model = [f.reason_code for f in privacy_text.scan(post, language="en")]
    assert with_model == ["name_model"]
    assert without_model == []
