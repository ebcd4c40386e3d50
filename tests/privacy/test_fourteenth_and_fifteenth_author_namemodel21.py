"""The dates model trained on fifteen authors reads what is said beside a date (namemodel21): a day of the month said
alone in French (« le 21 »), a visit booked with the reader, a baby born and weighed; and it leaves a meeting, a gala
and a clinic held at a street address to the public.

Its sentences are written here, in words of their own, not taken from the corpora it was trained on.
"""

from privacy import date_model
from privacy.base import Text


def model_dates(value: str, language: str = "en") -> list[str]:
    text = Text(value, language)
    return [value[hit.start : hit.end] for hit in date_model.dates(text)]


def test_a_day_of_the_month_said_alone_after_a_birth_time_is_the_babys_birth_day():
    assert model_dates("Maëlle, 31 ans, a accouché à 22 h 05 le 14, 3,100 kg.", "fr") == ["14"]
    assert model_dates("Le petit Éloi est né à 3 h 15 le 9, 3,420 kg, après une longue nuit.", "fr") == ["9"]


def test_a_day_of_the_month_said_alone_for_a_meeting_or_a_gala_is_no_patients():
    assert model_dates("Réunion du comité le 14, à 19 h, salle B.", "fr") == []
    assert model_dates("Le gala de la fondation aura lieu le 14, à 19 h.", "fr") == []


def test_a_visit_booked_with_the_reader_is_a_date_of_care_and_a_gala_with_the_reader_is_not():
    assert model_dates("On se voit le 4 février pour la visite.", "fr") == ["4 février"]
    assert model_dates("On se voit le 4 février au gala de la fondation, billets en ligne.", "fr") == []


def test_a_baby_born_and_weighed_is_someone_even_unnamed_and_a_baby_shower_is_not():
    assert model_dates("Baby boy Oct 12, 7 lb 2 oz, and mom is doing great.") == ["Oct 12"]
    assert model_dates("Baby shower for our unit clerk on Oct 12, bring a card.") == []


def test_a_clinic_held_at_a_street_address_is_an_event_in_either_language():
    assert model_dates("Flu clinic at 12 King Street on Tuesday, November 3.") == []
    assert model_dates("Cliniques de vaccination au 45, rue Principale, le jeudi 5 novembre.", "fr") == []
    assert model_dates("Mr. Dube fell at home on November 3 and came in by ambulance.") == ["November 3"]
