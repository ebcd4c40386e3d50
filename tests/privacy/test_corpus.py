"""The labelled corpus the bench measures: well formed, big enough, balanced, and the tuning part on target.

The held-out part is only checked for form here; its figures are read once, with bench/privacy.py --heldout.
"""

import json
import re
from pathlib import Path

import pytest

from privacy.base import IDENTIFIER_CATEGORIES, Category
from privacy.text import scan

CORPUS = Path(__file__).resolve().parents[1] / "data" / "privacy"
TUNE = ["tune_handwritten.jsonl", "tune_generated.jsonl", "tune_pageposts.jsonl"]
TUNE_LONG = ["tune_long.jsonl", "tune_long2.jsonl"]


def numbered(pattern: str) -> list[str]:
    """The corpus files a glob names, in their authors' order (tune_author2, tune_author3, … tune_author10)."""
    return [path.name for path in sorted(CORPUS.glob(pattern), key=lambda path: int(re.sub(r"\D", "", path.name)))]


# Read from the directory, not kept by hand: a new author's file is checked the moment it lands.
OTHER_AUTHORS = numbered("tune_author*.jsonl")
HELDOUT = numbered("heldout[0-9]*.jsonl")  # the sets still held out, measured once by bench/privacy.py --file


def load(*names: str) -> list[dict]:
    return [json.loads(line) for name in names for line in (CORPUS / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", [*TUNE, *TUNE_LONG, *OTHER_AUTHORS, "heldout.jsonl", *HELDOUT])
def test_every_label_names_a_category_and_the_exact_span_of_its_text(name):
    for post in load(name):
        assert post["language"] in {"en", "fr"}
        for label in post["labels"]:
            assert label["category"] in set(Category)
            assert post["text"][label["start"] : label["end"]] == label["text"]


def test_the_corpus_has_at_least_400_tuning_posts_in_both_languages_about_half_labelled():
    posts = load(*TUNE)
    assert len(posts) >= 400
    assert min(sum(p["language"] == language for p in posts) for language in ("en", "fr")) >= 150
    assert 0.35 <= sum(bool(p["labels"]) for p in posts) / len(posts) <= 0.65


def test_the_long_tuning_part_has_at_least_60_long_posts_in_both_languages_about_half_labelled():
    posts = load(*TUNE_LONG)
    assert len(posts) >= 60
    assert min(sum(p["language"] == language for p in posts) for language in ("en", "fr")) >= 30
    assert all(800 <= len(p["text"]) <= 3000 for p in posts)
    assert 0.35 <= sum(bool(p["labels"]) for p in posts) / len(posts) <= 0.65


# The second author wrote 148 posts; every other author 160.
@pytest.mark.parametrize(
    ("name", "at_least"),
    [(name, 120 if name == "tune_author2.jsonl" else 150) for name in [*OTHER_AUTHORS, *HELDOUT]],
)
def test_each_other_authors_part_mixes_languages_lengths_and_clean_posts(name, at_least):
    posts = load(name)
    assert len(posts) >= at_least
    assert sum(p["language"] == "en" for p in posts) == sum(p["language"] == "fr" for p in posts)
    # About a third long: the fifty-fourth held-out author wrote 47 of 160 (0.29).
    assert 0.25 <= sum(len(p["text"]) >= 600 for p in posts) / len(posts) <= 0.50
    assert all(len(p["text"]) <= 1500 for p in posts)
    with_identifier = sum(any(label["category"] in IDENTIFIER_CATEGORIES for label in p["labels"]) for p in posts)
    assert 0.35 <= with_identifier / len(posts) <= 0.65


def identifier_recall_and_false_alarms(posts: list[dict]) -> tuple[float, float]:
    labels = found = clean = clean_flagged = 0
    for post in posts:
        findings = scan({"body": post["text"]})
        if not post["labels"]:
            clean += 1
            clean_flagged += bool(findings)
        for label in post["labels"]:
            if label["category"] in IDENTIFIER_CATEGORIES:
                labels += 1
                found += any(
                    f.category == label["category"] and f.start < label["end"] and label["start"] < f.end
                    for f in findings
                )
    return found / labels, clean_flagged / clean


@pytest.mark.parametrize(
    "names",
    [
        TUNE,
        TUNE_LONG,
        ["tune_author2.jsonl"],
        ["tune_author3.jsonl"],
        ["tune_author4.jsonl"],
        ["tune_author5.jsonl"],
        ["tune_author10.jsonl"],
        ["tune_author14.jsonl"],
        ["tune_author15.jsonl"],
        ["tune_author16.jsonl"],
        ["tune_author17.jsonl"],
    ],
    ids=[
        "short",
        "long",
        "second author",
        "third author",
        "fourth author",
        "fifth author",
        "tenth author (0.951 with its jersey numbers, tenth session)",
        "fourteenth author",
        "fifteenth author",
        "sixteenth author",
        "seventeenth author",
    ],
)
def test_the_tuning_part_meets_the_targets_for_identifier_recall_and_false_alarms(names):
    recall, false_alarms = identifier_recall_and_false_alarms(load(*names))
    assert recall >= 0.95
    assert false_alarms <= 0.05


@pytest.mark.parametrize(
    "names",
    [TUNE, TUNE_LONG, ["tune_author2.jsonl"], ["tune_author3.jsonl"], ["tune_author4.jsonl"]],
    ids=["short", "long", "second author", "third author", "fourth author"],
)
def test_each_tuning_parts_names_are_found_and_no_clean_post_is_flagged_for_a_name(names):
    posts = load(*names)
    labels = [(post, label) for post in posts for label in post["labels"] if label["category"] == Category.NAME]
    found = 0
    for post, label in labels:
        findings = scan({"body": post["text"]})
        found += any(
            f.category == Category.NAME and f.start < label["end"] and label["start"] < f.end for f in findings
        )
    clean_flagged = [
        post["id"]
        for post in posts
        if not post["labels"] and any(f.category == Category.NAME for f in scan({"body": post["text"]}))
    ]
    assert found / len(labels) >= 0.95
    assert clean_flagged == []


# A guard against regressions in the categories other than names, stricter than the targets' test where a part
# is on target and the level reached where it is not. Still missed on the fifth author: two dates ("a defenceman…
# on Sat. Nov. 28", a vaccine "series" finished "on Dec 1", read as a published series). On the sixth (off target
# for names, read by test_sixth_author_names_figures.py): dates told without a person near ("Room OR 6, Nov 30."), a
# return to school told of a nickname, "the first week of October", « mars 2025 » and "<name> was 96". The seventh,
# eighth and ninth are off target for names (the names helpers pin theirs); their other identifiers are pinned here.
# Still missed on the eighth: months told without a verb of care near ("In September, Donnie, a 44-year-old…", "came in
# in August"), a holiday ("on Thanksgiving Monday"), « En septembre, un scan » after a sentence break and « depuis le 2
# février » of a haemodialysis; on the ninth: a day told in a teaching case or a reading club (« pour le club de
# lecture… admis le lundi 23 novembre », « Enseignement : … le 1er décembre à 2 h 15 »).
@pytest.mark.parametrize(
    ("name", "at_least"),
    [
        ("tune_author4.jsonl", 0.99),
        ("tune_author5.jsonl", 0.97),
        ("tune_author6.jsonl", 0.93),
        ("tune_author7.jsonl", 0.99),
        ("tune_author8.jsonl", 0.95),
        ("tune_author9.jsonl", 0.98),
    ],
    ids=[
        "fourth author",
        "fifth author (90 of 92)",
        "sixth author (83 of 89)",
        "seventh author (99 of 99)",
        "eighth author (98 of 103)",
        "ninth author (118 of 120)",
    ],
)
def test_an_authors_identifiers_other_than_names_are_found_and_raise_no_false_alarm(name, at_least):
    posts = load(name)
    labels = found = 0
    for post in posts:
        findings = [f for f in scan({"body": post["text"]}) if f.category != Category.NAME]
        if not post["labels"]:
            assert not findings, (post["id"], findings)
        for label in post["labels"]:
            if label["category"] in IDENTIFIER_CATEGORIES and label["category"] != Category.NAME:
                labels += 1
                found += any(
                    f.category == label["category"] and f.start < label["end"] and label["start"] < f.end
                    for f in findings
                )
    assert found / labels >= at_least


# The tenth and eleventh authors' identifiers other than names, at the level the seventh session reached (tenth: 109 of
# 126, eleventh: 130 of 138), now 111 and 134 (a pump's serial written after a colon a few words from its word; a postal
# code said to be a named woman's after a colon, ninth session's ids22), then 120 and 134 (the tenth session's ids23:
# the jersey numbers, once thought a habit of this author only, came back with the nineteenth author's hockey and rodeo
# posts and are read as the number a player wears). Still missed on the tenth: a bus stop's corner, two schools read by
# the public-role veto, a device serial written on a cast, a notice's "avant le 15 janvier" and a day in a holiday
# village's name; on the eleventh: a shelter named with no verb of sleeping (« lui c'est à la Maison du Père »), a birth
# on a highway, a phone booth at a station, a street on a postmark, a peer worker's street where he died (his hits
# dropped by the public-roles veto), a phone in an outreach note. Clean posts still flagged for an identifier, left to
# the false-alarm helper: a clinic's line and postal code (tenth), an event venue's address (eleventh); none other may
# appear. The places model retrained on forty-six authors (fourteenth session, threshold 0.6598 -> 0.6666) no longer
# adds the birth on a highway (« sur la route 117 près de Rivière-Rouge »): 133 on the eleventh.
@pytest.mark.parametrize(
    ("name", "at_least", "known_false_alarms"),
    [
        ("tune_author10.jsonl", 0.95, {"h11-088", "h11-110"}),
        ("tune_author11.jsonl", 0.96, {"h12-106"}),
    ],
    ids=["tenth author (120 of 126)", "eleventh author (133 of 138)"],
)
def test_the_tenth_and_eleventh_authors_identifiers_other_than_names_are_found(name, at_least, known_false_alarms):
    posts = load(name)
    labels = found = 0
    flagged_clean = set()
    for post in posts:
        findings = [
            f
            for f in scan({"body": post["text"]})
            if f.category in IDENTIFIER_CATEGORIES and f.category != Category.NAME
        ]
        if not post["labels"] and findings:
            flagged_clean.add(post["id"])
        for label in post["labels"]:
            if label["category"] in IDENTIFIER_CATEGORIES and label["category"] != Category.NAME:
                labels += 1
                found += any(
                    f.category == label["category"] and f.start < label["end"] and label["start"] < f.end
                    for f in findings
                )
    assert flagged_clean <= known_false_alarms
    assert found / labels >= at_least


# The twelfth and thirteenth authors' identifiers other than names, at the level the eighth session's ids20 reached
# (twelfth: 88 of 94, thirteenth: 110 of 118), now 91 of 94 and 113 of 118 (the ninth session's ids22: a plate after «
# immatriculé », a postal code in brackets after the town a child's cards go to, a PCA pump's number after « n° »).
# Still missed on the twelfth: a booking month ("booked for December"), a day on an OR schedule in a photo's alt text, a
# weekday of a fistula to come, a resuscitation bay (« box 12 »), « 97 ans » after a named man, a Breton street on a
# parcel; on the thirteenth: months told with no treatment in their sentence ("on our shared list since September", « va
# la couvrir à partir de janvier »), a lifespan's last day, a great-grandmother's age, a consultation's day in a
# sentence that speaks of the next appointment. Clean posts still flagged for an identifier, left to the false-alarm
# helper: a clinic's suite and a host's room, a colleague's death day and talks' titles with an age (twelfth), a ward's
# name, an institute's postal code, a colleague's death day (thirteenth); none other may appear.
@pytest.mark.parametrize(
    ("name", "at_least", "known_false_alarms"),
    [
        ("tune_author12.jsonl", 0.96, {"h13-022", "h13-024", "h13-101", "h13-104", "h13-157"}),
        ("tune_author13.jsonl", 0.95, {"h14-078", "h14-096", "h14-148"}),
    ],
    ids=["twelfth author (91 of 94)", "thirteenth author (113 of 118)"],
)
def test_the_twelfth_and_thirteenth_authors_identifiers_other_than_names_are_found(name, at_least, known_false_alarms):
    test_the_tenth_and_eleventh_authors_identifiers_other_than_names_are_found(name, at_least, known_false_alarms)


# The fourteenth and fifteenth authors' identifiers other than names, at the level the eighth session's ids21 reached
# (fourteenth: 96 of 98, fifteenth: 103 of 106); the ninth session's ids22 found the fourteenth's last two (a SIN
# written where a PHN should be, a CPAP's serial after its maker and model). Still missed on the fifteenth: « la nuit du
# samedi 11 juillet » of a story, "Canada Day" as the day of a rodeo injury, a child's school named "Chinook High".
# Clean posts still flagged for an identifier, left to the false-alarm helper: a clinic's move notice (fourteenth), a
# colleague's death day and a consult line's fax (fifteenth); none other may appear. Their names are pinned in
# test_fourteenth_and_fifteenth_author_names.py (0.989 and 1.000 at the merge).
@pytest.mark.parametrize(
    ("name", "at_least", "known_false_alarms"),
    [
        ("tune_author14.jsonl", 0.99, {"h15-083"}),
        ("tune_author15.jsonl", 0.97, {"h16-103", "h16-104"}),
    ],
    ids=["fourteenth author (98 of 98)", "fifteenth author (104 of 106)"],
)
def test_the_fourteenth_and_fifteenth_authors_identifiers_other_than_names_are_found(
    name, at_least, known_false_alarms
):
    test_the_tenth_and_eleventh_authors_identifiers_other_than_names_are_found(name, at_least, known_false_alarms)


# The sixteenth and seventeenth authors' identifiers other than names, at the level the ninth session's ids22 reached
# (sixteenth: 85 of 99, seventeenth: 86 of 94; 76 and 80 on main before). Found now: pathology and imaging accession
# numbers, a French passport, a SIN written instead of an OHIP number, a phone called from home and one called back, a
# mum's Instagram and a patient's TikTok, replies to a patient's relatives, a device's serial, a postal code closing a
# patient's French address. Still missed, left to the dates and places helpers: days of care or travel told without a
# verb of care near ("came in November 23", « Exérèse le 14 octobre »), a child's school or daycare, a hunter's camp, a
# resort or a pourvoirie's room, a street where a fall happened, plane seats (sixteenth); dialysis chairs and stations
# with their schedule, an address on a reserve, a street said of a person in a public notice (seventeenth). Neither
# flags a clean post for an identifier other than a name. Neither meets the targets for all identifiers on this branch
# (names and dates keep them under 0.95); the lead adds them to the targets' test if the merge brings them there.
@pytest.mark.parametrize(
    ("name", "at_least", "known_false_alarms"),
    [
        ("tune_author16.jsonl", 0.85, set()),
        ("tune_author17.jsonl", 0.91, set()),
    ],
    ids=["sixteenth author (85 of 99)", "seventeenth author (86 of 94)"],
)
def test_the_sixteenth_and_seventeenth_authors_identifiers_other_than_names_are_found(
    name, at_least, known_false_alarms
):
    test_the_tenth_and_eleventh_authors_identifiers_other_than_names_are_found(name, at_least, known_false_alarms)


# The eighteenth to twentieth authors' identifiers other than names, at the level the tenth session's ids23 reached
# (eighteenth: 121 of 128, nineteenth: 111 of 130, twentieth: 112 of 124; 119, 92 and 104 on main before). Found now:
# the number a player wears or a rider draws (jersey, bib, « dossard », "drew #14", « n° 88 des … M13 »), an ambulance's
# run number, a locker's code, a court's and a tribunal's file, a prescription's number, a Manitoba card after "MB
# health", a working boat's quoted name (read like a plate), accounts told by what their owner posts or by the care they
# tell of, a Belgian household's landline, a postal code after « M. …, du 1142, 3e Avenue »; and no longer flagged: a
# PMI's and a maison médicale's new lines, L&D's line, a practice's own postal code after « Notre adresse ». Still
# missed, left to the dates and places helpers: ski runs and chairlifts, schools, wharves, a patient's workplace ("line
# supervisor at the Stelco plant"), a daycare on its street, days told without a verb of care. Clean posts still flagged
# for an identifier other than a name, left to the dates helper: a centenarian's "92" in a list of statins (eighteenth),
# a closing day, a colleague's age at death twice (nineteenth). None meets the targets for all identifiers on this
# branch (names and places keep them under 0.95); the lead adds them to the targets' test if the merge brings them
# there.
@pytest.mark.parametrize(
    ("name", "at_least", "known_false_alarms"),
    [
        ("tune_author18.jsonl", 0.94, {"h19-003"}),
        ("tune_author19.jsonl", 0.85, {"h20-063", "h20-076", "h20-147"}),
        ("tune_author20.jsonl", 0.90, set()),
    ],
    ids=["eighteenth author (121 of 128)", "nineteenth author (111 of 130)", "twentieth author (112 of 124)"],
)
def test_the_eighteenth_to_twentieth_authors_identifiers_other_than_names_are_found(name, at_least, known_false_alarms):
    test_the_tenth_and_eleventh_authors_identifiers_other_than_names_are_found(name, at_least, known_false_alarms)
