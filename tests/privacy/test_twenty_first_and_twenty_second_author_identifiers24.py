"""Identifiers other than names, dates and places, as the twenty-first and twenty-second authors wrote them: a code
named by the word before it (a chart, a tag, a licence, a card, a flight, a cluster, a requisition, an insurer's
member number), a registration of a sled, a truck or a boat, a number someone still carries, a name on a dating app, a
family's or a patient's handle in a reply, the contacts a relative gives as their own and a personal line. Rural,
northern and public-health physicians write them without the cue words the older rules knew; the rule is for the
class (a code after the word naming what it is, told beside a person), each beside what a careful colleague writes
that is no one's: a conference flight, a trial's or a standard's number, a dose, a model, a clinic's new address."""

import pytest

from tests.privacy.helpers import flagged


def of_kind(kind: str, text: str) -> list[str]:
    return [excerpt for found, excerpt in flagged(text) if found == kind]


def any_of_kind(kind: str, text: str, number: str) -> bool:
    return any(number in excerpt or excerpt in number for excerpt in of_kind(kind, text))


@pytest.mark.parametrize(
    ("kind", "text", "code"),
    [
        ("record_number", "Ms. Ootoova, 41, her old pre-op chart NU-OR-55120 said grade 3 view.", "NU-OR-55120"),
        ("record_number", "The trapper, 58, had his hunting licence 61-2207-88 in his pocket.", "61-2207-88"),
        ("record_number", "A boy, 12, lost his fishing card 440918273 at the lake; his father found it.", "440918273"),
        ("record_number", "The bear tag on his pack read tag 0092114 and he was still talking.", "0092114"),
        ("record_number", "Lab requisition no. QX-12-554019 for Mr. Fraser never reached the lab.", "QX-12-554019"),
        ("record_number", "Her isolate falls in cluster NT-0912 with two earlier cases, and she knows it.", "NT-0912"),
        ("record_number", "A man, 74, with a STEMI went south on flight XQ 881 on the 3rd.", "XQ 881"),
        ("record_number", "Mme Perrin, 80 ans, évacuée par le vol TRX-ML 4410 du 2 décembre.", "TRX-ML 4410"),
        (
            "record_number",
            "M. Vuilloud, 66 ans, assurance Caisse Alpine 27 118 904, à Sion.",
            "27 118 904",
        ),
        (
            "record_number",
            "Sa réquisition de labo n° MTP-22-410987 est restée au secrétariat.",
            "22-410987",
        ),
        ("record_number", "Le chasseur, 45 ans, avait son permis de chasse 77310028 dans la poche.", "77310028"),
        ("national_id", "His gun licence said 30028841.0002 and it was in the truck.", "30028841.0002"),
        ("national_id", "M. Dion, 19 ans, a laissé son permis de conduire D4412-20938-10512 au poste.", "D4412-20938"),
    ],
)
def test_a_code_after_the_word_naming_it_beside_a_person_is_theirs(kind, text, code):
    assert any_of_kind(kind, text, code)


@pytest.mark.parametrize(
    "text",
    [
        "My flight AC 8551 to the family medicine conference in Banff is delayed again.",
        "Notre vol AF 7410 pour le congrès de la SFAR part à 7 h.",
        "The trial is registered as NCT 04512345; enrolment closes in March.",
        "Insurance covers 48 000 000 people in France, says the report.",
        "Our clinic cluster saw 12 cases this month, down from 20.",
        "Tag 2024 was our best year for the food drive.",
        "Le dossier ISO 9001-2015 de la clinique a été renouvelé.",
        "Lot 2026-1182 of the flu vaccine arrived; card 3 of the protocol explains storage.",
        "Flight 6 of the drone trial carried 40 mL of blood to Rankin Inlet.",
        "La carte 12 du guide de l'IADE montre le circuit du bloc.",
    ],
)
def test_a_meetings_flight_a_trials_number_a_count_and_a_lot_are_no_ones(text):
    assert [kind for kind, _ in flagged(text) if kind in ("record_number", "national_id")] == []


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("The quad's registration, MB QK-3310, was on the police report with her name.", "QK-3310"),
        ("Quad rollover. Registration AB RV 44120 on the tow slip; the rider was 19.", "RV 44120"),
        ("Le VTT WQR 5512 M de Réal Boucher est resté dans le fossé.", "WQR 5512 M"),
        ("Son chalutier, immatriculé 208814, est rentré au quai hier soir.", "208814"),
        ("Le pêcheur, dont le bateau K-30917 est au quai, doit revenir.", "K-30917"),
        ("Gord's logging truck NT 4KD-118 rolled near Fort Providence; he is sore but fine.", "4KD-118"),
        ("Whoever drives the grey pickup ON 88120 outside the dialysis unit: her ride is ready.", "88120"),
        ("Mr. B., truck unit 3307 for a freight company, rolled on the Alaska Highway.", "3307"),
    ],
)
def test_a_vehicles_registration_after_its_word_its_vehicle_or_its_province_is_a_plate(text, plate):
    assert any_of_kind("plate", text, plate)


@pytest.mark.parametrize(
    "text",
    [
        "The Ski-Doo MXZ 600 model is the one most of our patients ride.",
        "Registration for the ATV safety course opens on 2026 and costs nothing.",
        "The snowmobile club of QC 2025 report counts 3 deaths.",
        "Our truck drove 1200 km this week for the mobile clinic.",
        "Le bateau de la Garde côtière a transporté 14 personnes.",
        "Registration for the rural ER conference: 306-555-0100.",
    ],
)
def test_a_model_a_course_a_count_and_a_booking_line_are_not_plates(text):
    assert of_kind("plate", text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("An elder, 88, still recites her number from the sanatorium years: K4-2210.", "K4-2210"),
        ("Her late father's disc number came before his name in her story: W3-117.", "W3-117"),
    ],
)
def test_a_number_a_person_still_carries_is_theirs(text, code):
    assert any_of_kind("record_number", text, code)


def test_a_rank_or_a_phone_after_her_number_is_not_a_carried_code():
    assert of_kind("record_number", "Her number one worry: ICU beds.") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ('His Tinder profile "Loon_Lake77" was how the partner was found.', "Loon_Lake77"),
        ("If your Scruff name is prairie.wolf21, please call public health.", "prairie.wolf21"),
        ("Son pseudo max_du_vieux_13 sur l'appli nous a permis de joindre un partenaire.", "max_du_vieux_13"),
        ("@jen.b.ranch so glad your mom is home! The stitches come out Friday.", "@jen.b.ranch"),
        ("@gary_w_hauling you're not resting, your wife says. Doctor's orders: no lifting.", "@gary_w_hauling"),
        ("@famille_dubuis_sion merci, on transmet vos mots à l'équipe de l'unité.", "@famille_dubuis_sion"),
        ("La story a tagué le compte @lea.m77 de sa sœur, avec la chambre visible.", "@lea.m77"),
    ],
)
def test_a_dating_app_name_a_reply_about_care_and_a_relatives_account_are_handles(text, handle):
    assert any_of_kind("url_handle", text, handle)


@pytest.mark.parametrize(
    "text",
    [
        "Our clinic's Instagram profile is now public: follow for vaccine clinic dates.",
        "@PrairieHealthMD glad you're home from the conference! Great talk on rest.",
        "@famille_medecine_qc merci pour le relais, l'équipe est ravie.",
        "Ce pseudo-savant de TikTok raconte n'importe quoi sur la PrEP.",
        "Username and password for the EMR training are in your inbox.",
    ],
)
def test_a_clinics_page_a_colleagues_reply_and_a_pseudo_scientist_are_not_handles(text):
    assert of_kind("url_handle", text) == []


@pytest.mark.parametrize(
    ("kind", "text", "contact"),
    [
        ("email", "I'm his daughter; you can reach me at k.lemay@northcoop.example.ca any time.", "k.lemay@"),
        ("phone", "I'm his daughter; you can reach me at 807-555-0166 after work.", "807-555-0166"),
        ("phone", "Je suis la fille de votre patient. Vous pouvez me joindre au 418-555-0171.", "418-555-0171"),
        ("email", "An e-mail from a patient's wife at work: r.paquette@sawmill.example.ca, about his pills.", "r.paq"),
        ("phone", "She left it on my personal voicemail: 306-555-0178. Not the clinic's.", "306-555-0178"),
        ("phone", "Il m'a appelé sur mon cellulaire personnel : 819-555-0143, un dimanche.", "819-555-0143"),
    ],
)
def test_the_contacts_a_relative_gives_as_theirs_and_a_personal_line_are_a_persons(kind, text, contact):
    assert any_of_kind(kind, text, contact)


@pytest.mark.parametrize(
    "text",
    [
        "Le centre de santé sexuelle déménage au 12 rue Neuve, 34000 Montpellier. Tél. 04 67 55 01 44.",
        "Nous sommes au 4 avenue du Port, 13002 Marseille, téléphone 04 91 55 01 22, du lundi au vendredi.",
        "Our clinic moves to 12 Main Street on Monday; phone 306-555-0102 for bookings.",
        "I'm the clinic's manager; reach me at office@clinic.example.ca for scheduling.",
    ],
)
def test_an_organisation_announcing_its_place_publishes_its_own_line(text):
    assert [kind for kind, _ in flagged(text) if kind in ("phone", "email")] == []


def test_a_move_then_a_relatives_number_is_still_the_relatives():
    text = "We are at 14 Bay Road now with my mom; call my brother at 709-555-0190."
    assert any_of_kind("phone", text, "709-555-0190")


@pytest.mark.parametrize(
    ("kind", "text", "code"),
    [
        ("plate", "Her key ring held a licence plate tag ZKRT 771 and a library card.", "ZKRT 771"),
        ("device_serial", "Found: a walker, tag SN Q4-118273, in the lobby; it belongs to a patient.", "Q4-118273"),
    ],
)
def test_a_tag_that_says_plate_or_serial_stays_a_plate_or_a_serial(kind, text, code):
    assert any_of_kind(kind, text, code)
    assert of_kind("record_number", text) == []


def test_a_pseudo_said_in_passing_is_no_handle():
    assert of_kind("url_handle", "Il m'écrit sous un pseudo bien sûr, et il insiste.") == []


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("plate", "A logging truck rolled on the ON 401 near Kingston; the driver, 52, is fine."),
        ("url_handle", "@nurse_jo you're right, the rest of the team agrees with you."),
        ("email", "A message from a patient's daughter: please write to info@ruralclinic.example.ca."),
        ("record_number", "Son assurance rembourse 48 000 000 d'euros par an, dit sa fille."),
    ],
)
def test_a_road_a_colleagues_reply_a_role_mailbox_and_a_sum_are_not_identifiers(kind, text):
    assert of_kind(kind, text) == []


@pytest.mark.parametrize(
    ("kind", "text", "code"),
    [
        ("record_number", "The mill worker, 44, asked me to put his WCB claim 4471209 on the note.", "4471209"),
        ("record_number", "Mme Gagnon, 51 ans, m'a dicté son numéro de réclamation CNESST 120448731.", "120448731"),
        ("record_number", "Her student ID 300118274 was still clipped to her jacket in the ER.", "300118274"),
        ("national_id", "His status card 0871220401 was the only ID he had on him.", "0871220401"),
        ("national_id", "Sa fille, 24 ans, avait son titre de séjour n° 7501234567 dans son sac.", "7501234567"),
    ],
)
def test_a_claim_a_student_number_and_a_states_papers_beside_a_person_are_theirs(kind, text, code):
    assert any_of_kind(kind, text, code)


@pytest.mark.parametrize(
    "text",
    [
        "WCB claims rose 12 percent in 2025; 44100 claims were filed in the province.",
        "Student ID cards for the residents are ready at the front desk.",
        "Status card holders can get the vaccine free at 12 clinics this week.",
    ],
)
def test_counts_of_claims_and_cards_are_no_ones(text):
    assert [kind for kind, _ in flagged(text) if kind in ("record_number", "national_id")] == []


@pytest.mark.parametrize(
    ("kind", "text", "code"),
    [
        ("record_number", "Mme Tremblay, 88 ans, membre de la mutuelle SSQ 44 118 209, a appelé.", "44 118 209"),
        ("phone", "Vous pouvez me joindre au 06 39 98 22 41, je suis la sœur de la patiente.", "06 39 98 22 41"),
    ],
)
def test_an_insurers_initials_before_the_groups_and_a_relative_who_says_who_they_are_after(kind, text, code):
    assert any_of_kind(kind, text, code)
