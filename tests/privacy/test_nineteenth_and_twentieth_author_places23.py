"""Where a patient is, as the eighteenth to twentieth authors told it, each habit beside its look-alike: a ski run, a
chairlift or a lift tower where someone was hurt (not a run's grooming report); a child's school named with the
child, a possessive ("his school, …") or a relative ("your son Ethan"), not a school hosting a class; a wharf where a
fisherman's boat is moored (not a ferry's wharf); a patient's workplace, the branch told by its street or town (not
the writer's own hospital); a whole postal address told of a titled person (not a clinic's); a care home's room with
the home and the town, a birthing room by its name, a unit's room by its zero-padded number."""

import pytest

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Snowboarder, 15, caught an edge on the Wolverine run off the Teepee Town chair. Wrist fracture.",
            "Wolverine run",
        ),
        (
            "Ski patrol found him under tower 12 of the Eagle chair, face down in the snow, at 15:20 on Saturday.",
            "Eagle chair",
        ),
        (
            "A skier, 14, was carried off the Larch chair, under tower 4, with a tib-fib fracture.",
            "Larch chair, under tower 4",
        ),
        (
            "Un garçon de 12 ans, percuté sur la piste noire Tetras, sous le télésiège des Grandes Rousses, hier.",
            "piste noire Tetras",
        ),
        ("Chute d'une ado de 13 ans sur la piste verte Renard aux Saisies, casque fendu.", "piste verte Renard"),
        ("A 17-year-old snowboarder went into a tree beside the Wawa chair at Sunshine, GCS 13.", "Wawa chair"),
        (
            "Un skieur de 40 ans retrouvé inconscient au pied du télésiège du Grand Fond, aux Menuires.",
            "télésiège du Grand Fond",
        ),
    ],
)
def test_a_ski_run_or_chairlift_where_someone_was_hurt_is_an_address(text, place):
    assert any(place in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Wolverine run off the Teepee Town chair is groomed today, go enjoy it before lunch.",
        "La piste bleue Lanchettes est ouverte jusqu'à 16 h 30 ce week-end, bonne glisse à tous !",
        "He hit a home run in the ninth and then pulled a hamstring rounding first. Stretch, people.",
        "Great day: the Goat's Eye chair had no line and the Angel Express was fast. No injuries on patrol!",
        "Our ER sees a spike in injuries every spring break. The Lookout run is beautiful, but wear a helmet.",
        "My niece started university this fall, and we spent the long weekend driving the Cabot Trail.",
        "Three laparotomies overnight. Rural ORs run on the people nobody puts on posters; he found every instrument.",
    ],
)
def test_a_run_told_without_a_mishap_is_everyones(text):
    assert not found(text, "address"), flagged(text)


@pytest.mark.parametrize(
    ("text", "school"),
    [
        (
            "Her school, Our Lady of Mercy Catholic Academy in Okotoks, wants a note before she plays again.",
            "Our Lady of Mercy Catholic Academy",
        ),
        (
            "Yes, your daughter Maya can go back to Banded Peak School on Monday, no recess until we recheck.",
            "Banded Peak School",
        ),
        ("Asthma follow-up: Noah Beardy, Sisler High, grade 10, inhaler technique reviewed.", "Sisler High"),
        ("One was Ava Kowalski, age 8, from Meadowlark School. Trampolines again.", "Meadowlark School"),
        ("Au collège Jean-Moulin de Albertville, une élève, Chloé, a fait un malaise en sport.", "collège Jean-Moulin"),
        (
            "Léo et Manon vont à la garderie Les Petits Castors, rue Principale. Quelle joie de les revoir.",
            "Les Petits Castors",
        ),
    ],
)
def test_a_childs_school_named_with_the_child_is_an_address(text, school):
    assert any(school in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our Lady of Mercy Catholic Academy hosted our helmet talk for the grade 4 classes. Great questions!",
        "Back from Cumming School of Medicine's open house, where a grade 9 class asked about careers.",
        "My son Noah goes to Banded Peak School and loves it.",
    ],
)
def test_a_school_told_as_a_venue_or_the_writers_childs_is_not(text):
    assert not found(text, "address"), flagged(text)


@pytest.mark.parametrize(
    ("text", "wharf"),
    [
        (
            "Il s'inquiétait de son homardier, amarré au quai de Grande-Rivière, pendant sa thrombolyse.",
            "quai de Grande-Rivière",
        ),
        (
            "Quai de l'Anse-à-Beaufils, début mai. Un pêcheur arrive avec la main prise dans le treuil.",
            "Quai de l'Anse-à-Beaufils",
        ),
        (
            "His lobster boat is tied up at the Government Wharf in North Rustico and he won't leave it for the MRI.",
            "Government Wharf",
        ),
    ],
)
def test_a_wharf_where_a_fishermans_boat_is_moored_is_an_address(text, wharf):
    assert any(wharf in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le traversier part du quai de Souris à 8 h tous les jours de l'été.",
        "Beautiful sunset from the Government Wharf in North Rustico tonight. Off call!",
        "Nos pêcheurs amarrent leurs bateaux au quai de Cap-aux-Meules dès avril : bonne saison à tous !",
    ],
)
def test_a_wharf_told_for_its_ferry_or_its_view_is_everyones(text):
    assert not found(text, "address"), flagged(text)


@pytest.mark.parametrize(
    ("text", "work"),
    [
        (
            "New referral: Mr. Tom Reyes, works as a forklift operator at the Dofasco plant on Gage Ave, back pain.",
            "Dofasco plant on Gage Ave",
        ),
        (
            "Admitted after his employer (he's a cook at The Black Bull on Queen) called the crisis line.",
            "The Black Bull on Queen",
        ),
        (
            "Croisé un ancien patient, il travaille comme caissier au Carrefour de Mérignac. Content pour lui.",
            "Carrefour de Mérignac",
        ),
        (
            "Julien, 37 ans, magasinier au Leroy Merlin de Portet, suivi pour une lombalgie chronique.",
            "Leroy Merlin de Portet",
        ),
        ("Son employeur, la mairie de Talence, a appelé deux fois pour son retour.", "mairie de Talence"),
        (
            "Mrs. Okafor, 52, is a cashier at the Walmart in Timmins and can't take time off for the biopsy.",
            "Walmart in Timmins",
        ),
        (
            "Mme Tremblay, préposée chez Jean Coutu de Chicoutimi, ne peut pas rester debout 8 h.",
            "Jean Coutu de Chicoutimi",
        ),
    ],
)
def test_a_patients_workplace_told_by_its_street_or_town_is_an_address(text, work):
    assert any(work in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "I work as a hospitalist at the General Hospital on Main Street, and I love my team.",
        "Je travaille au CHU de Toulouse depuis dix ans, et je ne changerais pour rien au monde.",
        "The cook at Tim Hortons was very kind to our team at 3 am.",
        "Mon fils travaille comme serveur au Café de Paris de Lyon cet été, il adore ça.",
        "Merci à Lise Gagnon, préposée au CHSLD de Rouyn depuis 30 ans, qui connaît chaque résident par son prénom.",
    ],
)
def test_the_writers_own_workplace_or_a_chain_without_a_branch_is_not(text):
    assert not found(text, "address"), flagged(text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Adresse de Mme Ruiz à corriger : 8 allée des Tilleuls, 31500 Toulouse, pas Balma.", "8 allée des Tilleuls"),
        ("Visite à domicile : M. Gilles Roy, du 215, 7e Avenue, J9P 1S2, refuse encore l'aide.", "215, 7e Avenue"),
    ],
)
def test_a_whole_postal_address_told_of_a_titled_person_is_an_address(text, address):
    assert any(address in excerpt for excerpt in found(text, "address")), flagged(text)


def test_a_clinics_postal_address_is_not():
    text = "Nouvelle adresse de la clinique : 8 allée des Tilleuls, 31500 Toulouse, à partir du 4 janvier."
    assert not found(text, "address"), flagged(text)


def test_a_care_homes_room_with_the_home_and_town_is_her_address():
    text = 'Original note: "Mr. Ernest Doucet, 88, of Room 112, Harbourview Lodge, Glace Bay, admitted with delirium."'
    assert any("Room 112, Harbourview Lodge, Glace Bay" in excerpt for excerpt in found(text, "address"))


@pytest.mark.parametrize(
    ("text", "room"),
    [
        (
            "Patiente de la maison de naissance, Mme Leduc, chambre Iris, accouchement dans l'eau cette nuit.",
            "chambre Iris",
        ),
        (
            "Thank you for the letters about your mother and her last weeks in Cedar 04. The staff loved her.",
            "Cedar 04",
        ),
    ],
)
def test_a_named_room_or_a_units_zero_padded_room_is_a_room(text, room):
    assert any(room in excerpt for excerpt in found(text, "room")), flagged(text)
