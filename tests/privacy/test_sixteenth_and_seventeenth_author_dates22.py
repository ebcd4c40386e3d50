"""Days and ages as the sixteenth and seventeenth authors told them of one person's care, each beside the look-alike
that must stay clean: an event's day, a clinic's hours, a colleague's retirement, a published series, the author's own
trip, a public health notice, a program's span, a wait on a list."""

import pytest

from tests.privacy.helpers import flagged


def dates(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "date"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # A patient described as retired is no colleague retiring.
        (
            "Mr. Okonkwo, the retired bus driver from Perth, came in March 12 with a bleeding lesion on his ear.",
            "March 12",
        ),
        # A vaccine's series of doses is no published series.
        ("Hadi finished the series on Feb 9, so his rabies shots are done before the trip.", "Feb 9"),
        # « M. » is a title as much as « Mme ».
        ("Cas clinique : M. Lefebvre, 58 ans, vu en consultation le 9 février pour une toux.", "9 février"),
        ("Cas clinique : M. Perrin admis aux soins intensifs le 22 janvier après une chute.", "22 janvier"),
        (
            "Enseignement : M. Yves Carré nous est arrivé le 3 février à 4 h 10, box 2, pour une douleur thoracique.",
            "3 février",
        ),
        # A lesion's removal opening a sentence of a case told about someone.
        (
            "Fil pour les externes 🧵 / Solène Marchal, 31 ans, consulte pour un grain de beauté qui change. / "
            "Exérèse le 9 mars au CHU. Anapath : mélanome in situ.",
            "9 mars",
        ),
        (
            "Teaching thread 🧵 / Ruth Abernathy, 67, noticed a pearly bump on her nose. / "
            "Excision on March 4 at the General. Pathology: basal cell carcinoma, margins clear.",
            "March 4",
        ),
    ],
)
def test_a_day_told_of_someones_care_is_a_date(text, day):
    assert any(day in found for found in dates(text)), dates(text)


@pytest.mark.parametrize(
    "text",
    [
        # A colleague's retirement, a series that is published, a minister's visit, a vaccination clinic's day.
        "Our nurse manager Linda retired on June 30 after 32 years, cake in the lounge.",
        "Watch the series on YouTube: the episode with our nurse aired on March 3.",
        "Colloque : M. le ministre sera présent le 14 mars à l'auditorium.",
        "La clinique de vaccination se tiendra le 3 mars au gymnase de l'école.",
        "Excision workshop for residents on March 4 at the General, register by the 1st.",
    ],
)
def test_an_events_day_a_colleagues_retirement_or_a_published_series_is_not(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # The day someone leaves on or comes back from a trip, at a travel clinic, whatever the tense.
        (
            "Pre-travel visit: Marcus, 29, flying to Lima on February 4 with his brother, wanted malaria pills.",
            "February 4",
        ),
        ("Consultation voyage : Mme Lebrun part le 4 février au Pérou, vol 432, avec sa fille.", "4 février"),
        # An exposure notice that names its source case dates where that person was.
        (
            "Measles exposure: the index case, Owen, was at the Centre Mall food court on March 3 between 2 and 4 pm.",
            "March 3",
        ),
        (
            "Exposition à la rougeole : le cas source, Jules, a pris le train de 7 h 10. Lieu : gare, le 2 mars.",
            "2 mars",
        ),
        # A life's span from its year of birth to the day it ended, in a farewell.
        ("Rest easy, little Ezra. 2019 – Dec 2, 2026. The bravest kid on our unit.", "Dec 2, 2026"),
        ("Repose en paix, petit Théo. 2019 – 3 déc. 2026. 🕊️", "3 déc. 2026"),
    ],
)
def test_a_trip_an_exposure_or_a_life_told_of_someone_is_dated(text, day):
    assert any(day in found for found in dates(text)), dates(text)


@pytest.mark.parametrize(
    "text",
    [
        # The author's own trip, a doctor's, an event coming back.
        "We are flying to Port-au-Prince on March 3 for our two-week surgical mission. Donations welcome!",
        "Notre équipe part le 12 mars au Bénin pour une mission humanitaire.",
        "Dr. Singh is heading to Accra on March 3, so the travel clinic is closed that week.",
        "Notre collègue Julie revient de congé de maternité le 3 mars, bon retour !",
        "Les Journées de médecine rurale reviennent les 23 et 24 avril 2027 au Centre culturel, salle Léopold-Gallant.",
        # A public health notice names nobody; sun exposure is no contagion.
        "Exposition à la rougeole : autobus 11, le 20 novembre entre 7 h et 9 h. Vérifiez votre carnet de vaccination.",
        "Measles exposure notice: Terminal 1 arrivals, March 3, 2 to 6 pm. Check your vaccination record.",
        # A program's span has no farewell.
        "Our community paramedic program, 2019 – March 31, 2026: 4,000 home visits. Thank you all.",
    ],
)
def test_the_authors_trip_a_public_notice_or_a_programs_span_is_not(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mme Aubry, 71 ans, attend depuis juin pour un naevus qui saigne. Inacceptable.",
        "Mr. Dunn, 64, has been waiting since March for a hip that hurts every night.",
    ],
)
def test_a_month_someone_has_waited_since_is_a_complaint_not_a_date(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "@maman.de.lou oui, Lou peut reprendre le sport d'après la consultation du 12/10/2026, on en reparle au "
            "prochain rendez-vous.",
            "12/10/2026",
        ),
        (
            "@jess_k yes, Mia can go back to swimming after her follow-up on March 3, see you at the next one.",
            "March 3",
        ),
    ],
)
def test_the_day_of_someones_visit_is_theirs_even_beside_the_next_one(text, day):
    assert any(day in found for found in dates(text)), dates(text)


def test_a_public_consultations_day_is_not_a_visit():
    assert dates("La consultation publique du 3 mars sur le plan régional de santé aura lieu à l'hôtel de ville.") == []


def ages(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "age"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # A grandparent as families call them, with a great age in apposition.
        ("Noah's great-grandma, 96, sewed a quilt for every baby in the nursery.", "96"),
        ("Sa mamie, 94 ans, est venue le voir tous les jours.", "94"),
        # A great age reached, however it is said.
        ("He told the nurse he didn't get to 93 by listening to doctors.", "93"),
    ],
)
def test_a_great_age_of_a_grandparent_or_one_reached_is_flagged(text, age):
    assert any(age in found for found in ages(text)), ages(text)


@pytest.mark.parametrize(
    "text",
    [
        # A hundred hoped for is no age anyone has.
        "« Docteur, est-ce que je vais fêter mes cent ans ? » m'a-t-elle demandé ce matin.",
        "Elle nous a dit qu'elle attendait ses cent ans pour refaire la randonnée.",
        "On ne sait pas si elle fera ses cent ans, mais elle y compte.",
        "His only goal is to live to 100 and see the Leafs win.",
    ],
)
def test_a_hundred_hoped_for_is_not_an_age(text):
    assert ages(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # Someone on vacation is where a patient was, not a clinic closed for the holidays.
        ("He was on vacation at the cottage when he fell off the dock on Saturday, July 11.", "July 11"),
    ],
)
def test_a_day_told_of_someone_on_vacation_is_a_date(text, day):
    assert any(day in found for found in dates(text)), dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our flu clinic runs on the 18th from 9 to 4 in the gym.",
        "La clinique sans rendez-vous est ouverte le 21 de 8 h à 16 h.",
        "Join us on the 18th at 7 pm for our webinar on frostbite.",
        "La clinique sera fermée pendant les vacances, du 24 décembre au 2 janvier.",
    ],
)
def test_a_clinics_hours_and_an_events_day_are_not(text):
    assert dates(text) == []
