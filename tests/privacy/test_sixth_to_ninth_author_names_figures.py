"""The seventh, eighth and ninth authors' names, pinned where the names rules brought them (the other categories of
those parts are pinned by the identifiers' own tests). When pinned: author 7, no clean post flagged for a name and
0.975 of its names found; author 8, 3 of 62 clean posts flagged (a public figure's death in the news, a clerk
showing patients a kiosk, a programme's abbreviation) and 0.952 found; author 9, 2 of 61 (an Elder opening a
congress, a volunteer named beside a doctor) and 0.943 found."""

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
    [("tune_author7.jsonl", 0, 0.96), ("tune_author8.jsonl", 3, 0.94), ("tune_author9.jsonl", 2, 0.94)],
)
def test_few_clean_posts_of_the_seventh_to_ninth_authors_are_flagged_for_a_name_and_most_names_are_found(
    part, most_clean_flagged, least_recall
):
    clean_flagged, recall = _names_figures(part)
    assert clean_flagged <= most_clean_flagged
    assert recall >= least_recall
