"""The sixth author's habits with rooms, in other words, each beside a look-alike that stays clean."""

import pytest

from tests.privacy.helpers import categories, flagged


@pytest.mark.parametrize(
    ("text", "room"),
    [
        # A bare chair in a sentence about the treatment given in it, with someone in it.
        ("Mrs. Obi, 88, has had her chemo in chair 7 every second Thursday since spring.", "chair 7"),
        ("He comes for hemodialysis three times a week and always asks to sit in chair 3.", "chair 3"),
        # Someone admitted or moved to a room, as boards write operating and birthing rooms.
        ("G2P1 at 38 weeks, admitted to LDR 4 in early labour, delivered within the hour.", "LDR 4"),
        ("Transferred to PACU 2 after the repair, awake and joking with the nurses.", "PACU 2"),
        ("Il a été transféré en chambre 12 hier soir, avec sa fille à ses côtés.", "chambre 12"),
    ],
)
def test_a_room_or_chair_someone_is_treated_or_admitted_in_is_theirs(text, room):
    assert ("room", room) in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our board chair 2 years ago said the dialysis budget would hold.",
        "Infusion centre news: chair 4 is broken and the new one arrives Monday.",
        "Booked for a follow-up in 4 or 6 weeks, whichever comes first.",
    ],
)
def test_a_chair_or_number_with_nobody_in_it_is_not_a_room(text):
    assert "room" not in categories(text)
