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


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Mr. Pike from Carbonear, the one who knitted us mittens: he passed on Tuesday at 93.", "Tuesday"),
        ("La fille de M. Royer a appelé : son père ne répond plus depuis jeudi.", "jeudi"),
        ("M. Caron, suivi en clinique externe depuis février, a repris le travail.", "février"),
        ("Inès, 14 ans, que je revoyais après son opération de mai, remarche sans béquilles.", "mai"),
        ("RIP Dwayne. Overdosed October 2 in the motel on Route 1. He made me laugh.", "October 2"),
    ],
)
def test_a_weekday_or_a_month_told_of_what_happened_to_a_patient_is_a_date(text, day):
    assert day in dates(text)


def test_a_day_on_a_label_or_a_board_beside_a_patients_name_is_a_date():
    text = "Le tableau affiche « Ch. 2 LAFLEUR R. – sortie prévue 09/12 » et « Ch. 3 NADEAU P. – IM 2 déc. »."
    assert {"09/12", "2 déc."} <= set(dates(text))


@pytest.mark.parametrize(
    "text",
    [
        "Triste nouvelle : la Dre Hélène Roy, pionnière de la médecine rurale, est décédée dimanche à 88 ans.",
        "The paramedics have been vaccinating in people's homes since October, thanks to Dr. Rowe's office.",
        "Our clinic has been open on Saturdays since March.",
    ],
)
def test_a_colleagues_death_or_a_services_month_is_not_a_patients_date(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Her son called: \"Mum's 97 and she's hiding her pills in the sugar tin again.\"", "97"),
        ("Mr. Joe Paul from Eskasoni, 92 last week, finally agreed to the hearing aids.", "92"),
    ],
)
def test_a_great_age_said_of_someone_without_years_is_an_age(text, age):
    assert ("age", age) in flagged(text)


def test_a_great_number_after_a_possessive_of_a_thing_is_no_ones_age():
    assert [kind for kind, _ in flagged("The unit's 95 beds were full, and the ER's 90 chairs too.")] == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Merci à Inès et sa maman, qui m'ont appelé 4 fois depuis l'opération de son genou du 12/10.", "12/10"),
        ("March 3. Four years since Tyler's overdose in the bus shelter. He's a dad now.", "March 3"),
        ("Appel de la maman, Sonia, à 3 h du matin, le mardi 8 décembre : « ça pousse ».", "mardi 8 décembre"),
    ],
)
def test_a_day_in_figures_after_an_article_a_day_standing_before_its_story_and_a_night_call_are_dates(text, day):
    assert day in dates(text)


def test_a_score_in_figures_is_not_a_date():
    assert dates("Sa douleur est passée de 8/10 à 3/10 depuis l'opération, et il a eu 9/10 en maths.") == []
