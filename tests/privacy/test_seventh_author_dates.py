"""Days as the seventh author tells them: named for the care, a return after it, a weekday before a day and month,
the hour before the day; each beside a look-alike."""

import pytest

from tests.privacy.helpers import flagged


def dates(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "date"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "She still sends our unit a card every April 14, the day of her bypass. Shared with consent.",
            "April 14",
        ),
        ("Chaque 3 mars, le jour de sa greffe, il m'envoie une photo de son potager.", "3 mars"),
    ],
)
def test_a_day_named_after_someones_care_is_theirs(text, day):
    assert day in dates(text)


def test_a_colleagues_day_named_after_a_retirement_is_not():
    assert dates("Our nurse Linda still celebrates every June 30, the day of her retirement.") == []


def test_a_named_patients_return_after_care_is_theirs():
    text = "Saturday clinic: Mateo Ruiz, 15, concussed in a game. He's back on the ice on January 9 if symptom-free."
    assert "January 9" in dates(text)


def test_a_colleague_back_from_leave_is_not():
    assert dates("Our colleague Dr. Lee, 45, ran the marathon. She's back in clinic on December 12.") == []


def test_a_weekday_before_a_day_and_month_makes_it_a_patients_date():
    assert dates("Opéré jeudi 19/11 d'une appendicite, M. Caron remarchait le lendemain.") == ["19/11"]


def test_a_weekday_before_a_clinics_closing_day_is_not():
    assert dates("La clinique sera fermée mardi 24/11 pour la formation.") == []


def test_a_day_and_month_of_what_happened_to_someone_is_theirs():
    text = "Retour de voyage : Anouk, mordue par un chien à Oaxaca le 2/11, n'avait pas fait son vaccin rage."
    assert "2/11" in dates(text)


def test_the_hour_may_open_the_sentence_before_the_day():
    text = "At 03:15 on Tuesday, October 6, a 24-year-old in labour arrived at our 8-bed hospital; the road had closed."
    assert "Tuesday, October 6" in dates(text)


def test_an_evenings_event_with_its_hour_first_is_not():
    assert dates("At 7 pm on Thursday, December 3, join us for our annual gala in the hospital atrium.") == []


def test_a_day_said_with_an_indefinite_article_is_a_kind_of_day_not_one_that_happened():
    text = "Bienvenue à Léa, née le 31 décembre à 23 h 58. Deux minutes de plus et c'était un 1er janvier !"
    assert dates(text) == ["31 décembre"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Six weeks since his cholecystectomy on Oct 3 and he is back at the rink.", "Oct 3"),
        ("Priya starts her third cycle of chemo Tuesday, Jan 5.", "Tuesday, Jan 5"),
        (
            "/ 2/ Il vit avec M. Roy, son frère. / 3/ Le 4 octobre, décompensation. Il refuse l'urgence.",
            "4 octobre",
        ),
    ],
)
def test_a_day_after_someones_operation_or_a_turn_for_the_worse_is_theirs(text, day):
    assert day in dates(text)
