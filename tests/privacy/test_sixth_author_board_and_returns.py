"""The sixth author's last misses, as habits: a room named beside a tracking board, a return told of a patient by
name, a day of what happened to someone said by its participle; each beside a look-alike."""

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


def test_a_room_named_beside_a_tracking_board_is_a_patients():
    text = "A whiteboard photo went around the group chat with R. GALLANT and Bay 4 visible. Deleted."
    assert found(text, "room") == ["Bay 4"]


def test_a_room_for_a_meeting_is_not_a_patients():
    assert found("The board meeting is in Room 4 at noon.", "room") == []


def test_a_return_told_of_a_patient_by_name_is_dated():
    text = (
        "Léo, 9 ans, a commencé une thérapie. Léo est retourné à l'école le mardi 24 novembre, dans une autre classe."
    )
    assert "mardi 24 novembre" in found(text, "date")


def test_a_day_of_what_happened_to_someone_said_by_its_participle_is_dated():
    text = "Retour de voyage : Inès Morel, revenue du Sénégal le 12/11, fièvre à 40 °C. Goutte épaisse positive."
    assert "12/11" in found(text, "date")


def test_rooms_on_a_whiteboard_without_anyone_on_it_are_the_units():
    assert found("New whiteboard in the staff room: Bay 1 to Bay 12 are now colour-coded.", "room") == []
