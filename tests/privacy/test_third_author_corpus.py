"""The level reached on the third author's part for every category but names (names are measured on their own
while their rules are reworked): pinned so it does not slip back, until the whole part meets the targets."""

from privacy.base import IDENTIFIER_CATEGORIES, WARNING_CATEGORIES, Category
from privacy.text import scan
from tests.privacy.test_corpus import load

NOT_NAMES = (IDENTIFIER_CATEGORIES | WARNING_CATEGORIES) - {Category.NAME}


def test_on_the_third_authors_part_every_category_but_names_finds_96_percent_and_flags_no_clean_post():
    labels = found = clean_flagged = 0
    for post in load("tune_author3.jsonl"):
        findings = [f for f in scan({"body": post["text"]}) if f.category in NOT_NAMES]
        clean_flagged += not post["labels"] and bool(findings)
        for label in post["labels"]:
            if label["category"] in NOT_NAMES:
                labels += 1
                found += any(
                    f.category == label["category"] and f.start < label["end"] and label["start"] < f.end
                    for f in findings
                )
    assert found / labels >= 0.96
    assert clean_flagged == 0
