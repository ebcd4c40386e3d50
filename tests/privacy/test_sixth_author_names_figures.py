"""The sixth author's names, pinned where the names rules and the retrained model brought them (the other
categories of that part are pinned by the identifiers' own tests): no clean post flagged for a name, and most of
its names found (0.946 when pinned)."""

from privacy.base import Category
from privacy.text import scan

from .test_corpus import load


def test_no_clean_post_of_the_sixth_author_is_flagged_for_a_name_and_94_percent_of_its_names_are_found():
    labels = found = clean_flagged = 0
    for post in load("tune_author6.jsonl"):
        names = [f for f in scan({"body": post["text"]}) if f.category == Category.NAME]
        if not post["labels"]:
            clean_flagged += bool(names)
        for label in post["labels"]:
            if label["category"] == Category.NAME:
                labels += 1
                found += any(f.start < label["end"] and label["start"] < f.end for f in names)
    assert clean_flagged == 0
    assert found / labels >= 0.94
