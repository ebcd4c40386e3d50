"""Dates, rooms, numbers, handles and warnings as a fourth author wrote them. Each rule names a habit of writing,
not a post: it stands beside the look-alike it must leave alone, in English and in French."""

import pytest

from tests.privacy.helpers import categories, flagged

# Dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Shared with permission 🧵 / 1. Saturday Nov 28 around 2 am, a pickup pulls up to our ambulance bay.",
            "Nov 28",
        ),
        (
            "Birth story, with the parents' blessing / 1/ Then on 2026-11-17 at 4:12 am, she arrived in labour.",
            "2026-11-17",
        ),
        (
            "Racontée avec l'accord de la famille / 1. Le 28 novembre, vers 7 h, appel pour un chasseur blessé.",
            "28 novembre",
        ),
        ("Avec l'accord des parents 🧵 / 1. Le 17/11/2026 à 4 h, une patiente accouche dans le camion.", "17/11/2026"),
        ("With the family's permission. March 3, at 3 a.m., a man walks into our ER holding his chest.", "March 3"),
    ],
)
def test_the_day_and_hour_a_story_told_with_consent_opens_on_is_a_date_of_care(text, date):
    assert any(category == "date" and date in excerpt for category, excerpt in flagged(text))


def test_a_day_and_hour_given_by_a_notice_or_mid_sentence_is_not():
    assert "date" not in categories("Patients: our clinic will be closed on December 24 at noon. Happy holidays!")
    assert "date" not in categories(
        "Avec l'accord de nos patients, nous lançons un groupe de marche : le 12 janvier à 10 h, rendez-vous au parc."
    )
    assert "date" not in categories(
        "Pour nos patients diabétiques. Le 12 janvier à 10 h, atelier sur les pieds à la salle communautaire."
    )
    assert "date" not in categories("Our patient advisory council meets on March 3 at 6 pm in the library.")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Il est mort paisiblement le mardi 24 novembre, la fenêtre ouverte sur la mer.", "mardi 24 novembre"),
        ("She passed away peacefully on October 2, with the window open to the garden.", "October 2"),
        (
            "Mr. D.K., a retired machinist from Hamilton, was diagnosed with pancreatic cancer on October 3, 2016.",
            "October 3, 2016",
        ),
    ],
)
def test_the_day_someone_died_or_was_diagnosed_is_a_date_even_beside_an_open_window_or_a_retired_trade(text, date):
    assert ("date", date) in flagged(text)


def test_a_colleagues_death_or_retirement_day_is_not_a_patients():
    assert "date" not in categories("Our colleague Dr. Anne Roy died on June 3 after a long illness. We miss her.")
    assert "date" not in categories("Our nurse Linda Park retired on June 30 after 32 years.")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("So glad the knee went well. See you both at his 6-week check on January 12. 😊", "January 12"),
        ("Contente que l'opération se soit bien passée. On se voit pour son contrôle le 12 janvier.", "12 janvier"),
        ("Her biopsy is booked for March 4, fingers crossed.", "March 4"),
    ],
)
def test_one_persons_appointment_to_come_is_a_date_of_care(text, date):
    assert ("date", date) in flagged(text)


def test_a_public_notice_of_appointments_is_not():
    assert "date" not in categories("Book your flu shot appointment before November 15 at the front desk.")
    assert "date" not in categories("Dr. Li has her follow-up clinic on March 3, so book early.")


def test_a_birthday_told_by_the_age_turned_is_a_date_of_birth_and_a_clinics_is_not():
    assert ("date", "Dec 9") in flagged("Dropped off a card for our homebound patient. He's turning 100 on Dec 9. 🎉")
    assert ("date", "3 mars") in flagged("Ma patiente fêtera ses 95 ans le 3 mars, et elle veut danser.")
    assert "date" not in categories("Our clinic turns 10 on March 3: cake in the lobby!")


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Noah, 4, was diagnosed with acute lymphoblastic leukemia in October and has been here since.", "October"),
        ("Mrs. Chen was admitted in March 2024 and still asks for the same nurse.", "March 2024"),
        ("Mme Roy a été hospitalisée en mars 2024 pour une pneumonie.", "mars 2024"),
        ("Il est décédé début janvier, entouré des siens.", "janvier"),
    ],
)
def test_a_month_without_a_day_tied_to_one_persons_care_is_a_date_as_the_labelling_rule_says(text, month):
    """The corpus README: a date is labelled when it is more precise than the year and tied to birth or care."""
    assert ("date", month) in flagged(text)


def test_a_month_of_a_wards_or_a_courses_is_not_a_date():
    assert "date" not in categories("We admitted 40 patients in March, a record for our small unit.")
    assert "date" not in categories("We did it together, exactly as we'd practised in our course in October.")
    assert "date" not in categories("Nous avons admis 120 patients en janvier, un record pour l'unité.")
    assert "date" not in categories("Flu admissions usually peak in January; get your shot now.")


# Rooms


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("She left her hearing aids in our ER cubicle C-14 on Sunday. Please call the unit clerk.", "cubicle C-14"),
        ("@sarahm_rn yes, it was Mr. Osei in 4B-12. Tell him I said hi.", "4B-12"),
        ("Discharged her home today after 61 days. She hugged every nurse on 7 West on the way out.", "7 West"),
        ("Maxime rentre chez lui après 47 jours. Toute l'équipe du 4e Nord lui a fait une haie d'honneur.", "4e Nord"),
        ("Notre petit « Ti-Loup » a soufflé ses bougies dans la chambre 7 ce matin.", "chambre 7"),
        ("He finally went home from 3 East after six weeks.", "3 East"),
    ],
)
def test_a_ward_bay_or_room_code_tied_to_one_person_is_a_room(text, room):
    assert ("room", room) in flagged(text)


def test_staff_on_their_ward_and_a_street_are_not_rooms():
    assert "room" not in categories("Shout-out to the night nurses on 6 West, especially Marcus and Tiana!")
    assert "room" not in categories("Merci aux infirmières du 5e Nord, sans qui rien ne fonctionnerait.")
    assert "room" not in categories("Kudos to our unit clerk Janet for 30 years of keeping 7 West running!")
    assert "room" not in categories("She moved her practice to 7 West Street last spring.")
