"""A day told of a patient's care, birth, overdose, death or anniversary is a date in every format (the tenth and
eleventh authors' habit); an event's day, a notice's and a colleague's death are not."""

import pytest

from tests.privacy.helpers import flagged


def dates(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "date"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Overdosed March 12 in his truck. He taught me to fish.", "March 12"),
        ("Back on the ice after his Feb 3 wrist fracture. Proud of him.", "Feb 3"),
        ("She got her cast off and pins out Jan 9. Cartwheels next.", "Jan 9"),
        ("We finally got him onto weekly carries on August 4.", "August 4"),
        ("Ten years ago today, on May 2, 2016, she called me from a pay phone.", "May 2, 2016"),
        ("Léa est revenue au basket, trois mois après sa fracture de la cheville du 9 septembre.", "9 septembre"),
        ("Arthroscopie le 14 mars avec l'équipe d'ortho, et elle remarche déjà.", "14 mars"),
    ],
)
def test_a_day_told_of_what_happened_to_a_patient_is_a_date(text, day):
    assert day in dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Starting January 4, the sports injury clinic moves to the new building on Portage.",
        "Hommage à la Dre Anne Roy, psychiatre, décédée le 3 mai à 80 ans. Elle a fondé notre clinique.",
        "Join us on March 12 for a workshop on overdose response. Register on the website.",
        "Our webinar on wrist fractures in young athletes is on Feb 3 at 7 pm.",
    ],
)
def test_a_notice_an_event_or_a_colleagues_death_gives_no_patients_date(text):
    assert dates(text) == []
