"""The sixth author's habits with dates and ages, in other words, each beside a look-alike that stays clean."""

import pytest

from tests.privacy.helpers import categories, flagged


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # French says a person by a noun and their age, and tells the case in the present.
        (
            "Un randonneur de 52 ans se présente à l'urgence de Gap le jeudi 12 mars avec une cheville enflée.",
            "jeudi 12 mars",
        ),
        ("Une patiente de 31 ans consulte le 4 février pour des palpitations depuis deux semaines.", "4 février"),
        # An irregular past tells the day happened: "found", "lay", "left".
        (
            "Mr. Aubrey has had two falls; the last on October 3, when he lay in the hallway until dawn.",
            "October 3",
        ),
    ],
)
def test_a_day_told_of_someone_described_or_in_the_past_is_a_date_of_care(text, date):
    assert ("date", date) in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # A thing's length, not a person's age.
        "Un programme de 10 ans lancé le 3 mars par la clinique de Gap a réduit les chutes.",
        # A day given with its hour and nobody near: when something is held.
        "Reminder: our Nurses in Oncology dinner is March 12, 7 p.m., at the Harbour Room.",
        "Rappel : le souper de l'équipe de chirurgie est le 12 mars, 18 h, à la salle Champlain.",
    ],
)
def test_a_things_length_or_a_gatherings_day_and_hour_is_not_a_date_of_care(text):
    assert "date" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # A group said with its unit before "and over".
        "Au Canada, 1 personne sur 4 âgée de 90 ans et plus vit seule. Préparons nos services.",
        "One in three people aged 90 years and over lives in long-term care in our province.",
    ],
)
def test_an_age_group_said_with_its_unit_is_no_ones_age(text):
    assert "age" not in categories(text)


def test_one_person_aged_ninety_is_still_an_age():
    assert "age" in categories("Mme Roy, âgée de 93 ans, est rentrée chez elle hier après sa fracture.")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # When someone was seen may stand between them and their age; a double surname is one name.
        ("Lovely visit with Mrs. Ida Brann-Keller this morning, 95 and still gardening.", "95"),
        # A retired trade describes a patient, it is no colleague's retirement.
        ("Saw a cheerful retired bus driver last week, 92, from the north shore.", "92"),
        # An age reached, said by the one who reached it.
        ("He told me he didn't get to 93 by listening to doctors.", "93"),
    ],
)
def test_a_great_age_apposed_after_a_time_or_reached_is_an_age(text, age):
    assert ("age", age) in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sats got to 94 on room air after the nebs.",
        "Ilyas told me he plans to make it to 100 out of spite.",
        "We met at the conference this morning, 92 nurses in the room.",
        "Our receptionist Marg retired last week. She was 92 and still sharp.",
    ],
)
def test_a_reading_a_hope_a_count_or_a_colleague_is_not_a_patients_age(text):
    assert "age" not in categories(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Un cas qui m'a marquée, avec l'accord de la patiente. Mme Roy, 71 ans, consulte pour une lésion perlée "
            "de la joue. Biopsie le 12 octobre, confirmé. Exérèse faite, elle va bien.",
            "12 octobre",
        ),
        ("Mrs. Lee, 64, had a lump for months, shared with her permission. Surgery on March 4, uneventful.", "March 4"),
    ],
)
def test_a_sentence_opening_on_an_act_of_care_and_its_day_in_someones_story_is_a_date_of_care(text, date):
    assert ("date", date) in flagged(text)


def test_an_act_of_care_and_its_day_in_a_notice_is_not_a_date_of_care():
    text = "Our clinic's news, shared with permission. Biopsy clinic on March 4 will be held in Room 2 for everyone."
    assert "date" not in categories(text)
