"""Where a patient sleeps, lives, died or was found is an address, in any form it is told (the tenth and eleventh
authors' habit); an event's venue, a programme's van or a clinic's own site is not."""

import pytest

from tests.privacy.helpers import flagged


def addresses(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "address"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("She sleeps at Kempt Road shelter most nights now.", "Kempt Road shelter"),
        ("He has been in the Hope of Dawn shelter on Almon all week. Bring socks.", "Hope of Dawn shelter on Almon"),
        ("Two years since her overdose at the Windsor Street encampment.", "Windsor Street encampment"),
        ("Overdosed Tuesday in the Agricola Street rooming house. We miss him.", "Agricola Street rooming house"),
        ("Note to self: Rick = tent behind the Legion Hall on Prince St, wants a start.", "Legion Hall on Prince St"),
        ("I sat on a curb on Quinpool Road with his sister until the ambulance came.", "Quinpool Road"),
    ],
)
def test_a_place_told_as_where_someone_sleeps_or_died_is_an_address(text, place):
    assert any(place in found or found in place for found in addresses(text)), addresses(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Depuis sa sortie, il dort au refuge du Phare, pavillon Nord, et ne prend plus son traitement.", "refuge"),
        ("Elle vit seule au 3e étage du bâtiment D de la cité des Oliviers, sans ascenseur.", "bâtiment D"),
        ("La famille Benali, bâtiment 4 de la cité Les Rosiers, a encore la gale.", "bâtiment 4"),
        ("Il est mort le 4 mai, au 2e étage du 8120 rue Lacordaire, seul.", "8120 rue Lacordaire"),
        ("L'adresse de ma cliente, appartement 12, 4510 avenue Papineau, était sur la photo.", "appartement 12"),
        ("Elle a repris une place au foyer Saint-Roch, 2e étage, lit 3.", "foyer Saint-Roch"),
    ],
)
def test_a_place_told_in_french_as_where_someone_sleeps_lives_or_died_is_an_address(text, place):
    assert any(place in found for found in addresses(text)), addresses(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are collecting socks for the Kempt Road shelter this month: donations at the front desk.",
        "Shout-out to the team from the Harbourside van, 300 kits handed out in November.",
        "Our outreach site on Gottingen opens at 9 tomorrow.",
        "Journée de formation au refuge du Phare le 12 mars, inscription obligatoire.",
        "The unit has 32 beds and a new family room.",
        "She lives in Dartmouth and drives to work every day.",
    ],
)
def test_a_drive_a_programme_a_clinics_site_or_a_town_is_not_anyones_address(text):
    assert addresses(text) == []


@pytest.mark.parametrize(
    ("text", "school"),
    [
        (
            "Cast signing for Mateo, who broke his wrist on the slide at Maple Grove Elementary last week.",
            "Maple Grove",
        ),
        ("Nora, #11 on the Westview Secondary soccer team, is back after her ACL repair.", "Westview Secondary"),
        ("Lucie de la polyvalente de Charlesbourg est de retour au hockey après sa commotion.", "polyvalente"),
        ("Il veut montrer ses points de suture à toute la classe de l'école des Castors.", "école des Castors"),
    ],
)
def test_a_child_patients_school_named_is_an_address(text, school):
    assert any(school in found for found in addresses(text)), addresses(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sports physicals for high school athletes: Saturday 9–1, gym at Riverside High School. $20.",
        "I gave a talk on concussions to the Grade 6 class at Maple Grove Elementary. Great questions!",
        "Félicitations au Dr Roy pour sa certification du Collège royal, après une fracture du poignet en ski!",
    ],
)
def test_a_school_where_an_event_is_held_or_a_college_is_not_an_address(text):
    assert addresses(text) == []
