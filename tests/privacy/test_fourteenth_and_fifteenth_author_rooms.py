"""Rooms where a patient stays, as the fourteenth and fifteenth authors told them: a cot in an evacuation centre, a
ferry's cabin, a delivery room named after twins' birth, a room of a care unit, and a room copied with a patient's
identifiers from a note's header or a whiteboard."""

import pytest

from tests.privacy.helpers import flagged


def rooms(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "room"]


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("Evacuees tonight: Mr. Dorsey, 88, from the arena shelter, cot 17, came in with no inhaler.", "cot 17"),
        ("On a installé Maryse dans la cabine 12, avec une infirmière en vacances.", "cabine 12"),
        ("Ferry crossing, a woman at 35 weeks in labour, settled in cabin 8 with the purser.", "cabin 8"),
        ("Jumeaux nés ce matin en salle 6 de la maternité, 2,4 kg et 2,2 kg.", "salle 6"),
        ("Merci aux sages-femmes de la salle 2 pour ce bel accouchement.", "salle 2"),
        ("Ce matin, Mamie Lou a soufflé ses bougies en salle 3 de l'UHCD.", "salle 3"),
        ('Slide 4 shows the header: "TREMBLAY, Guy, DOB 1950-02-01, Room 6E-14". Skip it.', "Room 6E-14"),
        ('The whiteboard says "LEBLANC, M. – 38+2 – Rm 309 – IOL day 1".', "Rm 309"),
    ],
)
def test_a_place_where_a_patient_stays_is_a_room(text, room):
    assert any(room in found for found in rooms(text)), rooms(text)


@pytest.mark.parametrize(
    "text",
    [
        # A meeting room, even after an organization's initials.
        "M&M rounds this Thursday, Victoria Hospital PA, Conference Room B.",
        "Réunion du service en salle 4 jeudi à midi.",
        # A unit's team, not a patient's room.
        "Happy birthday to her from the whole Unit 4B team.",
        "He gave the nurses on Unit 4B a bag of berries on his way out.",
        # A cabin no one is told to stay in.
        "The ferry has 40 cabins; book cabin 12 early if you travel in July.",
    ],
)
def test_a_meeting_room_a_units_team_or_a_cabin_for_booking_is_not(text):
    assert rooms(text) == []
