"""Rooms, prescription and chart numbers and relatives' mailboxes as the tenth and eleventh authors write them, each
beside a look-alike."""

import pytest

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("Shoutout to Maya in bed 4 who beat me at Go Fish during rounds today.", "bed 4"),
        ("Her mom still keeps the little hat from incubator 9 in a frame.", "incubator 9"),
        ("He slept at the mission last night, he's on top bunk 22.", "top bunk 22"),
        ("Mme Lavoie, 88 ans, toujours sur la chaise 7 de l'hémodialyse les mardis.", "chaise 7"),
        ("Il attend son audience depuis 30 jours au secteur B, cellule 4 de la prison.", "secteur B, cellule 4"),
        ("Petite fête dans la salle 2 de l'unité des soins intensifs pour Élodie, qui sort demain.", "salle 2"),
    ],
)
def test_where_a_named_or_described_patient_lies_sits_or_sleeps_is_their_room(text, room):
    assert any(room in excerpt for excerpt in found(text, "room")), found(text, "room")


def test_a_room_on_a_board_beside_a_printed_name_is_that_patients():
    text = 'The board read "MACNEIL R — Resus 3 — chest pain — 03:10". Someone photographed it.'
    assert "Resus 3" in found(text, "room")


@pytest.mark.parametrize(
    "text",
    [
        "Grand rounds in room 3 of the unit tomorrow: bring your questions.",
        "The new incubator 2000 series arrived on the unit today, thanks to the foundation.",
    ],
)
def test_a_meeting_room_or_a_products_model_is_no_ones_room(text):
    assert found(text, "room") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The pharmacy label said J. PARSONS, Rx 6620418, and it was in the photo.", "6620418"),
        ("Son dossier au CHU, dossier 4 772 019, était sur l'écran.", "4 772 019"),
        ("Dossier de M. Riel, numéro CHR-0091234, oublié sur le comptoir.", "CHR-0091234"),
    ],
)
def test_a_prescription_or_chart_number_is_a_record_number(text, number):
    assert any(number in excerpt for excerpt in found(text, "record_number")), found(text, "record_number")


def test_a_birth_date_printed_after_a_code_is_not_a_record_number():
    text = "Sur l'étiquette du dossier : DDN 1934-06-21. Floutée avant publication."
    assert found(text, "record_number") == []


def test_a_relatives_mailbox_at_a_personal_providers_demo_domain_is_theirs():
    text = "Email from Jordan's dad, rick.p77@gmail-demo.com, asking about his carries."
    assert found(text, "email") == ["rick.p77@gmail-demo.com"]


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Back on the court after her ACL, and her dad @hoops.papa.yyz cheered every basket.", "@hoops.papa.yyz"),
        (
            "To the mom who just messaged me from @twins_and_chaos about Leo's ankle: please call the clinic.",
            "@twins_and_chaos",
        ),
        (
            "@rory_nfld no, I can't tell you if your grandma's meds are right over Twitter. Ask her pharmacist.",
            "@rory_nfld",
        ),
        (
            "@lea.vosges88 ta mamie a bien reçu sa nouvelle ordonnance, elle passe à la pharmacie demain.",
            "@lea.vosges88",
        ),
        (
            "@papa_rugby_31 Pour Hugo, non, pas de glace sur une brûlure : eau tiède 20 minutes, puis consultez.",
            "@papa_rugby_31",
        ),
        ("@parent_du_nord Je comprends, mais je ne peux pas discuter du dossier d'un enfant ici.", "@parent_du_nord"),
    ],
)
def test_a_relatives_handle_said_with_the_relative_or_replied_to_about_their_familys_care_is_flagged(text, handle):
    assert handle in found(text, "url_handle")


@pytest.mark.parametrize(
    "text",
    [
        "@sportsmed_conf thanks for having me, the slides on ACL prevention are on our website.",
        "@coach_dan for your team's warm-up, FIFA 11+ is free online and takes 15 minutes.",
    ],
)
def test_a_reply_to_a_colleague_or_a_coach_about_no_ones_care_is_not_flagged(text):
    assert found(text, "url_handle") == []


def test_a_number_said_to_be_a_relatives_is_theirs_whatever_follows_it():
    text = "His mom asked me to share her number for other parents who want to talk: 604-555-0177."
    assert found(text, "phone") == ["604-555-0177"]


def test_the_postal_code_closing_a_patients_french_address_is_a_postal_code_too():
    text = "Sa mère m'a laissé l'adresse pour renvoyer son sac : 8 rue des Acacias, 31400 Toulouse."
    assert found(text, "postal_code") == ["31400"]


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("Plate NB FRD 219 — the car he sleeps in behind the rink. Outreach, please check on him.", "NB FRD 219"),
        ("La plaque QC 4KL 882 de la voiture où elle dort, derrière l'aréna.", "QC 4KL 882"),
    ],
)
def test_a_plate_said_to_be_one_is_a_plate(text, plate):
    assert plate in found(text, "plate")


def test_a_plate_of_food_or_a_growth_plate_is_no_plate():
    assert found("Growth plate fracture in a 12-year-old: plate 2 of our teaching series.", "plate") == []
