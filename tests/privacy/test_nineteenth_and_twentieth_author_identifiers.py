"""Numbers that name one person outside a hospital's file, as the nineteenth and twentieth authors wrote them: the
number a player wears or a rider draws, an ambulance's run, a locker's code, a court's file, a prescription's number,
a province's card by its initials. Each beside a look-alike that names no one."""

import pytest

from tests.privacy.helpers import flagged


def of_kind(kind: str, text: str) -> list[str]:
    return [excerpt for found, excerpt in flagged(text) if found == kind]


def any_of_kind(kind: str, text: str, number: str) -> bool:
    return any(number in excerpt for excerpt in of_kind(kind, text))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Sat: Mason Kowalchuk, #19 on the Red Deer Rebels U15 AAA, blocked a shot with his shin.", "#19"),
        ("Her daughter, a winger, jersey #8, was boarded in the third period and never lost consciousness.", "#8"),
        ("Our patient, Liam, #31, the goalie of the Brandon Wheat Kings U13, took a puck to the throat.", "#31"),
        ("Jace, 19, tie-down roper, drew #22 for the Saturday slack at the Calgary rodeo.", "#22"),
        ("A barrel racer, Shayla Cardinal, draw 5 in the second go-round, came off at the third barrel.", "draw 5"),
        ("Dimanche, la petite Léa Bouchard, n° 12 des Draveurs M11, a reçu un coup de bâton.", "n° 12"),
        ("Le jeune défenseur portait le maillot n° 4 quand il est tombé contre la bande.", "n° 4"),
        ("Ski patrol brought in bib 203 from the U16 giant slalom: knee, probably an ACL.", "203"),
        ("Le dossard 61 du géant U12 de Courchevel : fracture du poignet, plâtrée à la station.", "61"),
        ("Back on the ice this week: Noah (#11, Lethbridge Hurricanes U17), cleared after his concussion.", "#11"),
        ("Pour ta pilier Inès (n° 3, M15 de Colomiers) : pas de mêlée avant deux semaines.", "n° 3"),
        ("The team signed a jersey with her number 23 on it for her last day on the ward.", "23"),
        ("Samedi, tournoi pee-wee à Rimouski : Félix, le n° 91 de l'Océanic M13, a pris une mise en échec.", "n° 91"),
        ("Vendredi soir, la gardienne des Citadelles M15 AAA, numéro 35, a reçu une rondelle à la gorge.", "35"),
    ],
)
def test_the_number_a_player_wears_or_a_rider_draws_is_a_record_number(text, number):
    assert any_of_kind("record_number", text, number)


@pytest.mark.parametrize(
    "text",
    [
        "Concussion is the #1 reason our U18 players miss games.",
        "Tip #3 for hockey parents: sharpen skates, not tempers.",
        "Draw 5 mL of blood for the team physicals before the game.",
        "La prévention des commotions, n° 1 des priorités de notre ligue.",
        "We drew 40 people to the hockey clinic in Airdrie.",
        "Hockey Canada ranks it #2 on the list of injuries for U15.",
        "Bib pickup opens Friday at the arena: bib 1 to 500 before noon.",
        "The league's top concern (#1, by far) is concussion.",
        "Our team's hotline: call his number 555 anytime.",
        "Hockey tip, #4 of 10: mouthguards for every player.",
        "Call our team's clinic: we see players #1 to #30 on Tuesday.",
        "Thread #3 on hockey concussions for the U15 coaches, please share.",
        "Le n° 1 des blessures chez les M13 reste l'entorse de la cheville.",
    ],
)
def test_a_rank_a_tip_a_blood_draw_and_a_range_of_bibs_are_not_worn_numbers(text):
    assert of_kind("record_number", text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Still thinking about EMS run #2026-118207: a toddler, a button battery, a long night.", "2026-118207"),
        ("Air ambulance run STARS-26-0441 out of Grande Prairie: a teen, a quad, a helmet that saved him.", "26-0441"),
        ("Évacuation par hélicoptère, intervention n° 2026-08-1177, pour une randonneuse de 62 ans.", "2026-08-1177"),
        ("Le numéro d'intervention 26-04127 du SMUR est resté sur la feuille de transmission.", "26-04127"),
        ("Paramedic run sheet PCR 26-118440 left in the hallway with her name on it.", "26-118440"),
    ],
)
def test_an_ambulance_run_number_is_a_record_number(text, number):
    assert any_of_kind("record_number", text, number)


@pytest.mark.parametrize(
    "text",
    [
        "I ran a 10 km run on 2026-11-04 for the ambulance foundation.",
        "Run 2 of the ambulance simulation went better than run 1.",
        "Our paramedic course run 2026-2027 is full.",
        "The Lifeflight team did 412 runs this year, up 12%.",
    ],
)
def test_a_jog_a_trial_run_and_a_course_year_are_not_run_numbers(text):
    assert of_kind("record_number", text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Locker combination for Mr. Dube's clothes is 12-34-08, ask the charge nurse.", "12-34-08"),
        ("The locker code for bed 6's valuables: 5590. Please don't post this anywhere.", "5590"),
        ("Le code du cadenas de M. Poirier est 7314, ses affaires sont au vestiaire.", "7314"),
        ("Casier n° 42 du vestiaire des infirmières : le sac de Mme Landry y est toujours.", "42"),
    ],
)
def test_a_lockers_code_or_number_is_a_record_number(text, number):
    assert any_of_kind("record_number", text, number)


@pytest.mark.parametrize(
    "text",
    [
        "The locker room is at the end of the hall; 40 new lockers were installed.",
        "Nos casiers sont neufs : 120 places pour le personnel.",
    ],
)
def test_a_locker_room_and_a_count_of_lockers_are_not_codes(text):
    assert of_kind("record_number", text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Dossier TAQ-SAS-2027-01122 : l'audience de M. Fortin est reportée.", "TAQ-SAS-2027-01122"),
        ("Le JLD a rendu sa décision, dossier RG 26/02217, pour Mme Bertin.", "26/02217"),
        ("Court file no. FS-26-00412 is set for a hearing on her custody next week.", "FS-26-00412"),
        ("Le dossier du tribunal, TAQ-SAS-2027-00915, concerne ma patiente.", "TAQ-SAS-2027-00915"),
        ("Ordonnance no RX 4402917, à renouveler pour M. Gagné à la pharmacie du village.", "4402917"),
        ("Sa pharmacie a l'ordonnance no 0091-44120 pour la clozapine.", "0091-44120"),
        ("Prescription no. 7719204 was sent to the wrong pharmacy for my patient.", "7719204"),
    ],
)
def test_a_court_file_and_a_prescription_number_are_record_numbers(text, number):
    assert any_of_kind("record_number", text, number)


@pytest.mark.parametrize(
    "text",
    [
        "The case study 2026-11 is on the blog.",
        "Voir le dossier COVID-19 de notre site.",
        "Prescription #2 of our series: deprescribing benzos.",
        "Our PCR 2026 results are in: 40 positive swabs this week.",
        "Le dossier ISO 9001-2015 de la clinique est à jour.",
    ],
)
def test_a_series_a_topic_and_a_years_case_study_are_not_file_numbers(text):
    assert of_kind("record_number", text) == []


def test_a_health_number_after_a_provinces_initials_is_a_health_card():
    assert of_kind("health_card", "Peds ER: a toddler, SK health 712 048 336, in with croup at 3 a.m.") == [
        "712 048 336"
    ]
    assert of_kind("health_card", "MB health spent 109 million on it in 2025.") == []


@pytest.mark.parametrize(
    ("text", "boat"),
    [
        (
            "Il s'inquiétait surtout pour son bateau, le « Gabrielle-Marie », resté au quai de L'Anse-à-Beaufils.",
            "Gabrielle",
        ),
        ("Le homardier « Père Aurèle » est rentré avec le matelot blessé à la main.", "Père Aurèle"),
        ("Le « Cap-Noir III », caseyeur de Grande-Rivière, a ramené son capitaine en hypothermie.", "Cap-Noir III"),
        ('His lobster boat, the "Lady Jocelyne", was tied up at the wharf when he collapsed.', "Lady Jocelyne"),
    ],
)
def test_a_working_boats_name_in_quotes_names_its_skipper_like_a_plate(text, boat):
    assert any_of_kind("plate", text, boat)


@pytest.mark.parametrize(
    "text",
    [
        "Le traversier « Madeleine » a été annulé à cause du vent, pas d'évacuation possible.",
        'We toured the tall ship "Bluenose II" with the residents on Saturday.',
        'Read the boat safety guide "Cold Water Boot Camp" before the season.',
    ],
)
def test_a_ferry_a_tall_ship_and_a_guides_title_are_not_plates(text):
    assert of_kind("plate", text) == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("He drives for a courier in Oshawa and posts his drawings on Instagram as @ink.by.dev, his diagnosis is new.",
         "@ink.by.dev"),
        ("Homme de 34 ans, Instagram @jo_le_cycliste, qui publie ses rechutes chaque semaine.", "@jo_le_cycliste"),
        ("Le compte TikTok @papa_de_lina raconte la greffe de sa fille, jour après jour.", "@papa_de_lina"),
        ("The TikTok account @liams.fight documents his chemo week by week.", "@liams.fight"),
    ],
)  # fmt: skip
def test_an_account_told_by_what_its_owner_posts_or_by_the_care_it_tells_is_a_persons_handle(text, handle):
    assert handle in of_kind("url_handle", text)


@pytest.mark.parametrize(
    "text",
    [
        "Our clinic posts its hours on Instagram as @clinique.granby, follow us!",
        "Le compte Instagram @chu_grenoble raconte les coulisses de notre service.",
        "The Instagram page @stollery_kids shares our unit's news.",
        "Dr. Amira Haddad posts her sketches on Instagram as @dr.amira.draws, go follow our colleague!",
        "Dre Lemieux partage ses aquarelles sur Instagram sous le nom @aquarelles.de.sophie, allez voir!",
    ],
)
def test_a_clinics_a_hospitals_or_a_colleagues_own_account_is_not_a_patients_handle(text):
    assert of_kind("url_handle", text) == []


def test_a_belgian_households_landline_is_its_phone_and_a_practices_new_lines_are_not():
    home = "Sa fille nous ouvre avec le téléphone fixe de la maison à la main, 02 555 41 07, et s'excuse du désordre."
    assert of_kind("phone", home) == ["02 555 41 07"]
    mobile = "La fille de Mme Peeters a laissé son numéro, 0475 12 34 56, pour qu'on la rappelle."
    assert of_kind("phone", mobile) == ["0475 12 34 56"]
    practice = "Maison médicale de Namur : nouvelle ligne pour les visites, 081 22 33 44. Fax inchangé : 081 22 33 45."
    assert of_kind("phone", practice) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nouveau numéro de la PMI de Bron : 04 72 55 01 20, fax 04 72 55 01 21.",
        "That number was a patient's husband's, sorry. Please call L&D at 902-555-0199 instead.",
        "Notre adresse : 14, rue Principale, Amos (Québec) J9T 2K9. Apportez la liste de vos médicaments.",
        "Transport ambulancier, intervention n° 2026-11-0412 : la fiche est au dossier.",
    ],
)
def test_a_services_own_line_its_own_postal_code_and_a_run_number_are_not_a_persons_phone_or_code(text):
    assert of_kind("phone", text) == [] and of_kind("postal_code", text) == []
