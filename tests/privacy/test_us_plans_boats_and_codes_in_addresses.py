"""US plans' member numbers, Ontario's driver's licence, a postal code inside an address, a boat by its name: what the
thirty-second to forty-sixth authors let slip and the guard missed or read as another kind of number."""

import pytest

from privacy.base import Category, Hit, Text
from privacy.identifiers import ids25_postal_codes_out_of_addresses
from tests.privacy.helpers import flagged


def of_kind(kind: str, text: str, language: str | None = None) -> list[str]:
    return [excerpt for found, excerpt in flagged(text, language=language) if found == kind]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Her MaineCare ID is M10482937. I know it by heart now.", "M10482937"),
        ("Mrs. Paula Lopes came in with her MassHealth card, 100298374651, taped to her phone case.", "100298374651"),
        ("His Blue Cross member ID XJH884127303 was photographed on her phone.", "XJH884127303"),
        (
            "One mother read her son's Medicaid number out loud in a full waiting room, VT 0038-61472, and three "
            "people wrote it down.",
            "VT 0038-61472",
        ),
        ("She keeps her Medicaid card in her walker basket, CIN KX48215R, in case.", "KX48215R"),
        ("Lesson from Moncton: the patient's NB Medicare card, 871 204 553, was taped to his phone.", "871 204 553"),
        # Medicare's beneficiary identifier by its shape alone.
        ("Her son copied the MBI 4TK7-WN2-XG61 on the bag so nobody loses it.", "4TK7-WN2-XG61"),
        ("He arrived with his card 3QF7-HN2-WD58 zipped in his vest.", "3QF7-HN2-WD58"),
        # A territory's card by its name.
        ("Her husband brought her Yukon card, 004 162 937, and his own.", "004 162 937"),
        ("His Nunavut card number, 112 874 531, is on the lab slip.", "112 874 531"),
    ],
)
def test_a_us_plans_or_a_territorys_member_number_is_a_health_card(text, number):
    assert number in of_kind("health_card", text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Our clinic takes Medicaid and Medicare. Call the insurance line at 1-800-555-0199 for help, open since 2019.",
        "Medicare Part D enrolment closes December 7; 12,400 members in our county still have to choose a plan.",
        "Policy number changes for clinics: the 2026-2027 fee schedule is online.",
    ],
)
def test_a_plans_name_beside_a_phone_line_a_count_or_a_year_flags_no_health_card(text):
    assert of_kind("health_card", text, "en") == []


def test_ontarios_drivers_licence_is_a_record_number_by_its_shape():
    text = "The case write-up listed the patient as a truck driver, Ontario licence M4128-30275-51205, near the marina."
    assert of_kind("record_number", text, "en") == ["M4128-30275-51205"]


def carved(text: str, language: str, address: str) -> list[tuple[str, str]]:
    """What an address hit over ``address`` becomes once its postal code is carved out."""
    start = text.index(address)
    hits = ids25_postal_codes_out_of_addresses(
        Text(text, language), [Hit(Category.ADDRESS, start, start + len(address), "language_model")]
    )
    return sorted((str(hit.category), text[hit.start : hit.end]) for hit in hits)


@pytest.mark.parametrize(
    ("text", "language", "address", "after"),
    [
        (
            "We sorted it out at the kitchen table of the farmhouse on Peabody Hill Road in Brownington, 05860, with "
            "Tyler taking notes.",
            "en",
            "the farmhouse on Peabody Hill Road in Brownington, 05860",
            [
                ("address", "the farmhouse on Peabody Hill Road in Brownington, 05860"),
                ("postal_code", "05860"),
            ],
        ),
        # A code and a town are the code alone: a town alone locates no one.
        (
            "Avec l'adresse de la famille, 12 rue du Fontenoy, 59100 Roubaix.",
            "fr",
            "59100 Roubaix",
            [("postal_code", "59100")],
        ),
        (
            "Her mailing address, Box 41, Mankota, SK S0H 2W0, was on the front.",
            "en",
            "Box 41, Mankota, SK S0H 2W0",
            [("address", "Box 41, Mankota, SK S0H 2W0"), ("postal_code", "S0H 2W0")],
        ),
        # A street's number is not a code before a town, nor after the flat's number.
        (
            "Sa résidence d'hiver, 1820 Ocean Drive, Pompano Beach.",
            "fr",
            "1820 Ocean Drive",
            [("address", "1820 Ocean Drive")],
        ),
        (
            "L'adresse de mon client, appartement 3, 10480 avenue Pelletier, était dans le fichier.",
            "fr",
            "appartement 3, 10480 avenue Pelletier",
            [("address", "appartement 3, 10480 avenue Pelletier")],
        ),
    ],
)
def test_a_postal_code_inside_an_address_is_reported_as_a_postal_code_too(text, language, address, after):
    assert carved(text, language, address) == after


def test_a_zip_plus_four_is_a_postal_code():
    text = "A student put a patient's full ZIP+4, 02119-3807, beside her diagnosis and her first name."
    assert of_kind("postal_code", text, "en") == ["02119-3807"]


@pytest.mark.with_tagger
def test_the_models_postal_code_must_have_a_postal_codes_form():
    text = (
        "On a trouvé la feuille de suivi d'un bébé avec l'adresse de la famille, 12 rue du Fontenoy, appartement 3B, "
        "59100 Roubaix. Une voisine l'a rapportée."
    )
    assert of_kind("postal_code", text, "fr") == ["59100"]
    assert "59100 Roubaix" not in of_kind("address", text, "fr")


@pytest.mark.parametrize(
    ("text", "language", "boat"),
    [
        (
            "Lobsterman, 44, gout flare. His boat, the Lady Marlene, needed him at the wharf by Monday.",
            "en",
            "Lady Marlene",
        ),
        (
            "His dad drove him in, still in his boots, with the boat's name on his hoodie: Miss Madison II.",
            "en",
            "Miss Madison II",
        ),
        (
            "Réjean, 66 ans, pêcheur de crabe, fait un infarctus en mer le 14 novembre, à bord du Marie-Soleil II.",
            "fr",
            "Marie-Soleil II",
        ),
        (
            "Sa mère, 60 ans, a traversé le fleuve : la pirogue s'appelle « Mi Lobi Yu », écrit en blanc.",
            "fr",
            "Mi Lobi Yu",
        ),
    ],
)
def test_a_patients_boat_by_its_name_is_reported_like_a_plate(text, language, boat):
    assert boat in [excerpt.strip("«» ") for excerpt in of_kind("plate", text, language)]


@pytest.mark.parametrize(
    "text",
    [
        "We took the ferry to Fogo Island for the conference; Dr. Ryan and I read on board the MV Veteran.",
        "The Bluenose II sails from Lunenburg this summer: come aboard the Bluenose II for our fundraiser.",
    ],
)
def test_a_boat_with_no_one_beside_it_is_not_a_patients(text):
    assert of_kind("plate", text, "en") == []
