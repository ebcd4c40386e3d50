"""Great ages and rooms as the seventh author writes them, each beside a look-alike."""

import pytest

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


def test_a_great_age_opening_a_sentence_said_to_anyone_is_the_patients():
    text = "Mrs. Okafor asked for a second jelly after her hip repair. At 96 you get all the jelly you want."
    assert found(text, "age") == ["96"]


def test_a_reading_opening_a_sentence_is_not_an_age():
    assert found("At 95 mmHg systolic you should not give more fluid.", "age") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Our oldest knee replacement this year: 97. Up with a walker on day 1.", "97"),
        ("La doyenne du service, 102 ans, a soufflé ses bougies ce matin.", "102"),
    ],
)
def test_the_age_of_ones_oldest_patient_is_flagged(text, age):
    assert age in " ".join(found(text, "age"))


def test_a_studys_oldest_participant_is_not():
    assert found("In our cohort the oldest participant was 101, the median 82.", "age") == []


def test_an_age_worked_out_from_a_birth_date_is_flagged():
    text = "He says he was born in March 1930, which would make him 96. He is warm and safe."
    assert found(text, "age") == ["96"]


def test_a_hashtag_is_a_topic_not_an_age():
    assert found("Great talk on healthy ageing today. #centenarian #geriatrics", "age") == []


def test_a_treatment_chair_after_a_first_name_is_that_patients():
    text = "Infusion shoutout to Marisol in chair 7, who knits hats for the whole unit every winter."
    assert found(text, "room") == ["chair 7"]


def test_a_broken_treatment_chair_is_equipment():
    assert found("Dialysis chair 12 is broken again, we need a new one.", "room") == []


def test_a_room_right_after_a_sentence_about_someone_named_with_their_age_is_theirs():
    text = "That moment when Nia, 5, tells you she's a brave tiger during her IV. Room 4C is now the tiger room."
    assert found(text, "room") == ["Room 4C"]


def test_a_room_after_a_units_news_is_not():
    assert found("Our new peds wing opened today. Room 4C is now the tiger room.", "room") == []


def test_a_box_said_with_its_care_unit_is_where_a_patient_lies():
    text = "Antivenin à Cayenne, box 3 de la réa. Sa femme a fait le trajet en pirogue."
    assert found(text, "room") == ["box 3"]


def test_a_box_of_a_care_unit_closed_for_works_is_equipment():
    assert found("Le box 3 de la réa est fermé pour travaux.", "room") == []


def test_a_residents_apartment_in_a_seniors_residence_is_their_room():
    text = "Une résidente, Mme Lucette Paré, appartement 2-08 d'une RPA de Victoriaville, se grattait depuis un mois."
    assert found(text, "room") == ["appartement 2-08"]


@pytest.mark.parametrize(
    "text",
    [
        "Tonight in our ER in Kenora a trucker in his early fifties came in grey and sweating after a crash on the 17.",
        "This morning at the arena in Moose Jaw a 47-year-old goalie collapsed on the ice; a nurse saved him.",
        "Cette nuit au SAU de Rodez, un randonneur allemand de 28 ans amené après une chute sur le Causse.",
        "Ce soir à l'urgence de Sept-Îles, une travailleuse de l'usine, la cinquantaine, brûlée à la main droite.",
    ],
)
def test_a_recent_encounter_with_a_person_by_trade_or_decade_of_life_and_place_is_a_warning(text):
    assert found(text, "encounter")


@pytest.mark.parametrize(
    "text",
    [
        "Today at the conference in Halifax a 52-year-old speaker gave a great talk on CPR.",
        "Research shows men in their sixties under-use CPR training; this afternoon we ran a class.",
    ],
)
def test_a_speaker_at_a_conference_or_a_statistic_by_decade_is_not_an_encounter(text):
    assert not found(text, "encounter")
