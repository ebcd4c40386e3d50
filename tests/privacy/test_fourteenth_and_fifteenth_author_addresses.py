"""Places where a patient lives or stays, as the fourteenth and fifteenth authors told them: a numbered street after a
titled person or "his address", read off an envelope, a campground's site, a guest house's room, a home « du chemin
… », tents on a street."""

import pytest

from tests.privacy.helpers import flagged


def of_kind(kind: str, text: str) -> list[str]:
    return [excerpt for found, excerpt in flagged(text) if found == kind]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Shelter update: Mrs. Ida Crane from 42 Maple Crescent, Vernon, V1T 2B3, has her oxygen now.",
            "42 Maple Crescent",
        ),
        ("Sur la plainte figurait son adresse au 8 traverse du Moulin, 13012 Marseille.", "8 traverse du Moulin"),
        ("The return address on the envelope was 9 Harbour View Rd, Pictou, so I wrote back.", "9 Harbour View Rd"),
        ("Enceinte de 32 semaines, en vacances au Camping du Lac-Vert, site 17, elle a perdu les eaux.", "site 17"),
        (
            "Pregnant at 31 weeks, she was staying at site 12 at the Sandy Point Campground when the bleeding began.",
            "site 12",
        ),
        ("Séjour à l'auberge Le Vieux Quai, chambre 6 pour Mme Roy en attendant son induction.", "chambre 6"),
        ("Il voulait rentrer dans sa maison du rang Saint-Paul avant l'hiver.", "rang Saint-Paul"),
        ("The dog belongs to Sammy from the tents on Wharf Street.", "Wharf Street"),
    ],
)
def test_a_place_where_a_patient_lives_or_stays_is_an_address(text, address):
    assert any(address in found for found in of_kind("address", text)), of_kind("address", text)


def test_the_postal_code_that_closes_a_persons_street_is_theirs():
    text = "Shelter update: Mrs. Ida Crane from 42 Maple Crescent, Vernon, V1T 2B3, has her oxygen now."
    assert "V1T 2B3" in of_kind("postal_code", text)


@pytest.mark.parametrize(
    "text",
    [
        # An organization's street, a campground or an inn with no one's spot in it.
        "Our clinic moved to 42 Maple Crescent, Vernon, in January.",
        "The Sandy Point Campground opens its 80 sites on May 15.",
        "Le congrès aura lieu à l'hôtel Le Germain, salle Cartier, le 4 mai.",
    ],
)
def test_an_organizations_street_or_a_public_place_is_not(text):
    assert of_kind("address", text) == []
