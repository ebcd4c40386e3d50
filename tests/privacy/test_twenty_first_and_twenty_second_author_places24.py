"""Where a rural or northern patient is, as the twenty-first and twenty-second authors told it, each habit beside its
look-alike. Rural people give a farm's legal land location (any quarter, section-township-range and meridian) or its
rural municipality as an address; a crash is placed by a highway kilometre or a French PR marker; a hamlet numbers
its houses; mail goes to a box with the community's postal code; a farm is named with its family and its road; a
student lives in a residence's house and room; a card is signed with a name and a street. Each is one person's when
told with the person, the injury or the household, and nobody's as a clinic's land, a road-work notice, a housing
plan, a clinic's box, a market farm. The veto pass keeps an operating room told years later or with details changed
as a place of work, a mailbox and a truck's unit from being read as rooms, an organisation's move or opening hours
as its own address (a land location's numbers read as a date are the dates rules' to veto)."""

import pytest

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "His son says the bull pinned him against the gate on their quarter, SE 8-22-19 W2, just after supper.",
            "SE 8-22-19 W2",
        ),
        (
            "The calf puller slipped and hit her in the face; the family lives on NW 30-41-2 W5, off the grid road.",
            "NW 30-41-2 W5",
        ),
        (
            "Grandpa's place is SW 12-3-27 west of the 1st; he was trapped under the quad for an hour.",
            "SW 12-3-27 west of the 1st",
        ),
        ("Son père a été coincé sous le tracteur sur leur terre, NE 6-10-4 W4, en plein hiver.", "NE 6-10-4 W4"),
        (
            "Her husband gave the dispatcher the farm's municipality, RM of Beaver Creek No. 88, from memory.",
            "RM of Beaver Creek No. 88",
        ),
    ],
)
def test_a_farms_land_location_or_rural_municipality_told_with_someone_is_an_address(text, place):
    assert any(place in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our new health centre sits on SW 12-15-14 W3, right beside the rink; the ribbon cutting is at noon Friday.",
        "The RM of Beaver Creek No. 88 council voted to fund a second ambulance base. Good news for everyone.",
        "Le dépotoir de la municipalité est sur NE 6-10-4 W4 ; il est fermé le lundi.",
        "Score at the hospital hockey tournament: 4-3-1 for the nurses over three games. Rematch in March.",
    ],
)
def test_a_land_location_of_an_organisation_or_three_numbers_alone_are_no_ones(text):
    assert found(text, "address") == [], flagged(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A semi jackknifed at km 212 of the Yellowhead, Saturday at dawn. The driver was ejected; GCS 6.", "km 212"),
        ("She rolled her SUV at km 54 on Hwy 2 near Waskesiu last night; seat belt on, walked away.", "km 54"),
        ("Moose collision at mile 88 near Haines Junction, young man with a C2 fracture, flown south.", "mile 88"),
        (
            "Camionnette sortie de route au kilomètre 301 près de Hornepayne, le conducteur de 52 ans est stable.",
            "kilomètre 301",
        ),
        ("Cette nuit, collision sur la RN 31 au PR 9, près de Beauvais : le motard a été éjecté.", "PR 9"),
    ],
)
def test_a_road_marker_where_a_crash_happened_is_an_address(text, place):
    assert any(place in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Road work at km 12 of Hwy 16 until Friday: expect delays of 20 minutes and drive to the conditions.",
        "Three crashes at km 78 this winter. The curve needs a guardrail, not another sign.",
        "Le congrès des urgentistes fait une halte au PR 14 du rallye pour la démonstration de désincarcération.",
        "Travaux sur l'A25 au PR 22 jusqu'au 15 décembre : déviation par la RD 933.",
        "Our clinic is at km 3 of the Dempster, open Monday to Friday, walk-ins welcome.",
    ],
)
def test_a_road_marker_without_someones_crash_is_no_ones(text):
    assert found(text, "address") == [], flagged(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The whole household was screened: House 58, the green one behind the school, nine people in three rooms.",
            "House 58",
        ),
        ("Round one was the family in House 604, where the index case sleeps on the couch.", "House 604"),
        ("Please send the refill to Ms. Oolayou at Box 241, Arviat X0C 0E0; she has no phone.", "Box 241"),
        ("Mailing the results to her grandson at P.O. Box 17, Baker Lake X0C 0A0 this week.", "Box 17"),
        (
            "SAMU 80 : M. Dufour, ferme Lemaire, chemin de Saint-Riquier, chute de la grange lundi.",
            "ferme Lemaire, chemin de Saint-Riquier",
        ),
    ],
)
def test_a_numbered_house_a_mailbox_or_a_farm_on_its_road_is_an_address(text, place):
    assert any(place in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The new housing plan: House 58 to House 70 will be built next summer, if the sealift makes it.",
        "Forms go to the health centre, Box 100, Rankin Inlet X0C 0G0. Thanks for your patience!",
        "Le samedi, la ferme Lemaire, chemin de Saint-Riquier, vend ses paniers de légumes au marché.",
        "Binge-watched House over the holidays; season 8 episode 2 is still the best differential ever written.",
    ],
)
def test_a_house_a_box_or_a_farm_with_nobody_in_it_is_no_ones(text):
    assert found(text, "address") == [], flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mailing TB meds to Mr. Kownak at Box 311, Chesterfield Inlet X0C 0B0. Fingers crossed.",
        "Mr. D., unit 27 for Northern Haul, jackknifed his truck on the hill; the truck unit is a write-off.",
    ],
)
def test_a_mailbox_or_a_trucks_unit_is_not_a_room(text):
    assert found(text, "room") == [], flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "A malignant hyperthermia story, details changed: Riverside General, OR 4, a routine shoulder scope.",
        "Cas pour les internes : un bronchospasme sévère en salle 7 il y a quelques années (détails modifiés).",
    ],
)
def test_an_operating_room_told_years_later_or_with_details_changed_is_a_place_of_work(text):
    assert found(text, "room") == [], flagged(text)


def test_an_operating_room_with_the_patient_and_the_slot_stays_a_room():
    text = "Details changed for teaching, but: Mrs. Olsen, 93, for her hip in OR 6 at 08:15 tomorrow."
    assert any("OR 6" in excerpt for excerpt in found(text, "room")), flagged(text)


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("He lived in Place Vanier, Haro House, room 1204, with a shared washroom on the floor.", "room 1204"),
        ("Elle logeait à la résidence Les Estudines, bâtiment B, chambre 12, avec une cuisine commune.", "chambre 12"),
    ],
)
def test_a_room_in_a_residence_where_someone_lived_is_a_room(text, room):
    assert any(room in excerpt for excerpt in found(text, "room")), flagged(text)


def test_a_residence_without_someone_living_there_is_no_ones():
    text = "The residence halls reopen Monday; Haro House, room 1204 hosts the flu shot clinic from 9 to 3."
    assert found(text, "room") == [], flagged(text)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        (
            'A card on the ward: "Thanks for everything, from Martha Sidney, 22 Tagish Cres, Carcross."',
            "22 Tagish Cres",
        ),
        ("Un mot glissé sous la porte, signé Huguette Brassard, 7 rue des Érables, Kapuskasing.", "7 rue des Érables"),
    ],
)
def test_a_street_signed_after_a_persons_name_is_an_address(text, street):
    assert any(street in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Free flu shots from Public Health, 12 Main St, Whitehorse, Saturday 10–4, no appointment needed.",
        "Le centre de dépistage déménage au 22 avenue de la Gare, 80000 Amiens, à partir du 4 janvier.",
        "The needle exchange site on 5th Avenue has handed out 3,000 naloxone kits this year.",
        "Vaccines for everyone: Youth Hub, 455 Granville St., Saturday 10–4, no health card required.",
    ],
)
def test_an_organisations_address_said_as_where_it_moves_or_when_it_opens_is_its_own(text):
    assert found(text, "address") == [] and found(text, "postal_code") == [], flagged(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The rollover was on Township Rd 610 past the colony; the driver, 19, was ejected and flown to Saskatoon.",
            "Township Rd 610",
        ),
        ("Head-on at exit 93 near Napanee, Sunday night: the young driver was trapped for an hour.", "exit 93"),
        (
            "Collision à la hauteur de la sortie 174 de l'autoroute 40 : la conductrice de 27 ans a été désincarcérée.",
            "sortie 174",
        ),
    ],
)
def test_a_grid_road_or_an_exit_where_a_crash_happened_is_an_address(text, place):
    assert any(place in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our team went out to the Penner farm on Range Road 21 to teach grain bin safety to 40 kids.",
        "Grain bin safety day on NW 4-12-9 W2, Saturday 10 to 2: bring the kids, lunch provided by the 4-H club.",
        "Take exit 93 for the clinic; the new building opens Monday, parking at the back.",
        "Three crashes on Township Rd 610 this winter; the county finally put up a sign.",
    ],
)
def test_a_farm_day_a_way_to_the_clinic_or_a_count_of_crashes_is_no_ones(text):
    assert found(text, "address") == [], flagged(text)


@pytest.mark.parametrize(
    ("text", "street", "code"),
    [
        (
            "Un colis reçu ce matin, au dos : « Famille Le Bihan, 3 straed ar Vilin, 29990 Île-de-Sein ». Merci !",
            "3 straed ar Vilin",
            "29990",
        ),
        (
            'A parcel at the desk, return address "the Tulugak family, 40 Qamutiq Way, Puvirnituq X0M 1P0". Tears.',
            "40 Qamutiq Way",
            "X0M 1P0",
        ),
    ],
)
def test_a_familys_whole_postal_address_on_a_parcel_is_an_address_whatever_the_streets_word(text, street, code):
    assert any(street in excerpt for excerpt in found(text, "address")), flagged(text)
    assert code in found(text, "postal_code"), flagged(text)


def test_a_practice_named_family_gives_its_own_address():
    text = "Bienvenue à la Clinique Famille Santé, 12 rue Pasteur, 31000 Toulouse, ouverte dès lundi."
    assert found(text, "address") == [] and found(text, "postal_code") == [], flagged(text)


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("Soins intensifs, jour 5 pour Maëlys, 15 ans, box 7, après une chute de cheval ; elle sourit enfin.", "box 7"),
        ("Update from the PICU: Jayden, 6, bed 4, off the ventilator this morning and asking for pancakes.", "bed 4"),
    ],
)
def test_a_bed_or_box_said_after_a_patients_name_and_age_is_a_room(text, room):
    assert room in found(text, "room"), flagged(text)


def test_a_box_in_a_list_of_equipment_is_no_room():
    text = "Restock list for the unit: gloves, size 7, box 12 of the small ones; masks, 50, box 3."
    assert found(text, "room") == [], flagged(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Her son gave the farm's county, MD of Foothills No. 31, to dispatch; he was pinned under the bale.",
            "MD of Foothills No. 31",
        ),
        ("Truck rolled at mile marker 147 on the Alaska Highway, Nov 12, driver trapped two hours.", "mile marker 147"),
        ("Rollover at the 78 km mark of Hwy 11 last night; the driver, 22, was ejected.", "78 km mark"),
        (
            "The family lives in Building 1085, nine people, and the index case sleeps in the living room.",
            "Building 1085",
        ),
    ],
)
def test_a_county_a_marker_post_or_a_numbered_building_told_with_someone_is_an_address(text, place):
    assert any(place in excerpt for excerpt in found(text, "address")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The MD of Foothills No. 31 council approved a new fire hall. Great news for the volunteers.",
        "Building 2 of the hospital is closed for renovations; the family lounge moved to the third floor.",
        "New km markers every 2 km on Hwy 11 this summer, so 911 can find you faster.",
    ],
)
def test_a_countys_council_a_hospitals_building_or_markers_in_general_are_no_ones(text):
    assert found(text, "address") == [], flagged(text)
