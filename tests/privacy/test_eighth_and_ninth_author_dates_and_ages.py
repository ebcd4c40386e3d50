"""Great ages and days as the eighth and ninth authors write them, each beside a look-alike."""

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


def test_a_titled_patient_described_in_apposition_then_aged_is_flagged():
    assert found("Mrs. K., a retired schoolteacher from Moncton, is 96 and sharp as a tack.", "age") == ["96"]


def test_the_age_a_patient_who_died_would_have_reached_is_flagged():
    assert found("Her family still sends the unit a cake every spring. She'd be 101 this year.", "age") == ["101"]


def test_the_authors_own_mothers_great_age_is_not_a_patients():
    assert found("My own dad turned 92 last week and still beats me at cribbage.", "age") == []


def test_the_readers_patient_in_general_is_no_ones_age():
    text = "Si vous ne connaissez pas l'histoire de votre patiente de 95 ans, vous soignez une pathologie."
    assert found(text, "age") == []


def test_a_birthday_aimed_for_dates_the_day():
    assert found("Gordon wants you to know he's aiming for 100 on April 2.", "date") == ["April 2"]


def test_rip_then_a_name_and_a_day_is_a_death_date():
    assert found("She made the best tourtière on the ward. RIP Huguette, Dec 3.", "date") == ["Dec 3"]
