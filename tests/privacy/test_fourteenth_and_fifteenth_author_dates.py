"""Days as the fourteenth and fifteenth authors told them of one person's care: a day of the month alone to someone
about their own care, a weekday and an ordinal with someone, an hour then « le 21 », the day of a visit, a day then a
birth weight."""

import pytest

from tests.privacy.helpers import flagged


def dates(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "date"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Hi Dave! Your shoulder scope is booked on the 14th, please stop the aspirin a week before.", "14th"),
        ("@kim_and_bean so glad the retrieval went smoothly on the 9th! Fingers crossed.", "9th"),
        ("On Friday the 13th a man was brought in from the ferry terminal with chest pain.", "Friday the 13th"),
        ("Le petit Nathan est né à 3 h 15 le 4, 3,2 kg, après une longue nuit.", "le 4"),
        ("Merci pour le message, on en reparle au rendez-vous du 14/01.", "14/01"),
        ("@claire.maman contente que tout aille bien ! On se voit le 3 mars pour la visite.", "3 mars"),
        ("Baby boy Feb 2, 7 lb 4 oz, and big sister already holding him.", "Feb 2"),
    ],
)
def test_a_day_told_short_of_someones_care_is_a_date(text, day):
    assert any(day in found for found in dates(text)), dates(text)


@pytest.mark.parametrize(
    "text",
    [
        # An event's day, an ordinal that is no day, a notice's day.
        "Registration for the ultrasound workshop closes on the 15th.",
        "She was the 4th patient I saw on the 3rd floor that night.",
        "Les inscriptions à la conférence ferment à 17 h le 12.",
        "Our clinic reopens on the 4th after the holidays.",
    ],
)
def test_an_events_day_a_floor_or_a_notices_day_is_not(text):
    assert dates(text) == []
