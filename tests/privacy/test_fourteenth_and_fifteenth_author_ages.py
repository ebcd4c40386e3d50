"""Great ages as the fourteenth and fifteenth authors told them: after a titled person, with what someone came in with,
as a caption's sentence of its own, of a friend of one's family, and of a patient described as retired."""

import pytest

from tests.privacy.helpers import flagged


def ages(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "age"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mr. Elmer Tait at 98 is the oldest man our team has ever put a pacemaker in.", "98"),
        ("Grandma Bea came to us at 95 with a broken wrist and left dancing.", "95"),
        ("Mme Irène est arrivée à 97 ans, avec une pneumonie, et repartie à pied.", "97"),
        ("Rounding on Pearl in bed 2. 102 yesterday. The cake was lemon.", "102"),
        ("Visite à Mme Aubin ce matin. 100 ans hier ! Les infirmières ont chanté.", "100"),
        ("My mother's neighbour, Elsie Dunn, 96, lives alone at the end of the road.", "96"),
        ("Ma tante de cœur, Mémé Rose, 95 ans, vit seule à Allauch.", "95"),
        ("The patient was a 93-year-old retired logger from Burns Lake.", "93"),
    ],
)
def test_a_great_age_told_short_or_of_someone_outside_ones_family_is_flagged(text, age):
    assert any(age in found for found in ages(text)), ages(text)


@pytest.mark.parametrize(
    "text",
    [
        # A reading, a count, one's own family, a colleague's retirement.
        "Sats at 94 with a non-rebreather, heart rate at 110.",
        "My grandmother, 96, still beats me at crib.",
        "90 today: the number of beds open on the unit this morning.",
    ],
)
def test_a_reading_a_count_or_ones_own_family_is_not(text):
    assert ages(text) == []
