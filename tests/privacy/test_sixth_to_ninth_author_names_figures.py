"""The sixth to ninth authors' names, pinned where the names rules and the retrained model brought them (the other
categories of those parts are pinned by the identifiers' own tests). Author 6: no clean post flagged for a name and
0.946 of its names found when pinned. Authors 7–9 after the sixth session's merge (the public-roles pass included):
no clean post flagged for a name, and 0.983, 0.952 and 0.959 of their names found."""

import pytest

from privacy.base import Category
from privacy.text import scan

from .test_corpus import load


def _names_figures(part: str) -> tuple[int, float]:
    labels = found = clean_flagged = 0
    for post in load(part):
        names = [f for f in scan({"body": post["text"]}) if f.category == Category.NAME]
        if not post["labels"]:
            clean_flagged += bool(names)
        for label in post["labels"]:
            if label["category"] == Category.NAME:
                labels += 1
                found += any(f.start < label["end"] and label["start"] < f.end for f in names)
    return clean_flagged, found / labels


@pytest.mark.parametrize(
    ("part", "most_clean_flagged", "least_recall"),
    [
        ("tune_author6.jsonl", 0, 0.94),
        ("tune_author7.jsonl", 0, 0.96),
        ("tune_author8.jsonl", 0, 0.94),
        ("tune_author9.jsonl", 0, 0.94),
    ],
)
def test_few_clean_posts_of_the_sixth_to_ninth_authors_are_flagged_for_a_name_and_most_names_are_found(
    part, most_clean_flagged, least_recall
):
    clean_flagged, recall = _names_figures(part)
    assert clean_flagged <= most_clean_flagged
    assert recall >= least_recall
