"""Rooms as the eighth and ninth authors write them: tracking boards, hallway spots, suites, beside look-alikes."""

import pytest

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


def test_a_tracking_boards_line_gives_the_patients_room_and_great_age():
    text = 'The whiteboard behind her read: "T4 – LEBLANC, R. – 93 – ?NSTEMI". I cropped it too late.'
    assert found(text, "room") == ["T4"]
    assert found(text, "age") == ["93"]


def test_an_operating_room_time_on_a_board_is_not_a_room():
    assert found('Whiteboard in the back: "Bed 5 – CORMIER, A. – NPO – OR 0730".', "room") == ["Bed 5"]


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ('GALLANT, P. in Hall 4 was "pending consult" for 16 hours.', "Hall 4"),
        ("Thank you for caring for my mom, Rita Arsenault, in Palliative Suite 2 last month.", "Suite 2"),
        ("Décès au petit matin, chambre 3-08, le fils endormi dans le fauteuil.", "chambre 3-08"),
        ("Sage-femme de garde : « Mme L., G2P1, salle 3, 6 cm ».", "salle 3"),
    ],
)
def test_a_hallway_spot_a_suite_a_room_with_a_son_or_a_labour_room_is_the_patients(text, room):
    assert room in found(text, "room")


@pytest.mark.parametrize(
    "text",
    [
        "Our office is at Suite 300, 123 Main Street, Moncton.",
        "The conference is in Hall 7 of the convention centre; she will speak at noon.",
        "Book a quiet room (we use the Rotary Family Room on 8 North) and invite the nurse, he said.",
    ],
)
def test_an_office_suite_a_conference_hall_or_a_ward_named_for_a_room_is_not(text):
    assert found(text, "room") == []
