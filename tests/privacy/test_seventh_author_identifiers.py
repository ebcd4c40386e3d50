"""Numbers, handles, plates and postal codes as the seventh author writes them, each beside a look-alike."""

import pytest

from tests.privacy.helpers import flagged


def identifiers(text: str) -> list[tuple[str, str]]:
    return [(category, excerpt) for category, excerpt in flagged(text) if category != "name"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A possessive relative between the owner and the handle.
        ("Please stop posting about my patient. Her sister's handle @rk_sis_88 is not an invitation.", "@rk_sis_88"),
        # The account said to be one's patient right after it.
        ("Le compte qui filme son séjour en psy, @la_voisine_du_5e, c'est ma patiente. Merci.", "@la_voisine_du_5e"),
        ("@bmx_tomasz is one of my patients, so please stop tagging his X-rays.", "@bmx_tomasz"),
        # In a care story, the account the patient keeps, said by a pronoun.
        (
            "Je suis depuis trois ans un patient en CMP. Il a un vélo, un chien et un compte TikTok de recettes, "
            "@chef_du_palier, suivi par 3 000 personnes. Son traitement tient.",
            "@chef_du_palier",
        ),
        # A relative named by the patient's first name posted the account.
        (
            "Concussion season. Mila's dad posted her helmet photo on the club page with the tag @mila_gk07, so "
            "the whole rink knew before we did. She is my patient.",
            "@mila_gk07",
        ),
        # A reply to a relative about their relative's number.
        ("@route_66_dan your sister's health card number does not belong in a public comment.", "@route_66_dan"),
    ],
)
def test_a_handle_said_to_be_a_patients_or_their_relatives_is_flagged(text, expected):
    assert ("url_handle", expected) in identifiers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Follow our clinic at @lakeshore_fht, my patients love the recipes.",
        "Our new physio @kim_moves is a patient favourite.",
        "@drmartin votre frère a raison, le numéro de la ligne est sur le site.",
    ],
)
def test_a_clinics_or_colleagues_handle_is_not(text):
    assert not [pair for pair in identifiers(text) if pair[0] == "url_handle"]


def test_albertas_health_number_in_five_and_four_digits_is_a_card_after_a_word_for_number():
    assert ("health_card", "52013-0781") in identifiers("Le numéro albertain de votre mère, 52013-0781, est visible.")
    assert ("health_card", "52013-0781") in identifiers("Her Alberta health number 52013-0781 was in the photo.")
    assert ("postal_code", "52013") not in identifiers("Le numéro de votre mère, 52013-0781, est visible.")


def test_a_zip_plus_four_after_a_state_stays_a_postal_code():
    assert identifiers("Ship the records to Seattle, WA 98101-2345 please.") == [("postal_code", "98101-2345")]


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("The accession label was still visible in the corner of the slide: ACC 2026-551902.", "ACC 2026-551902"),
        ('His identity band read "LUCA M. DOB 03/05/2019 HSC-771204", a spare from the last admission.', "HSC-771204"),
        ("Sur le bracelet de la patiente, en gros : CHUS-00418822.", "CHUS-00418822"),
    ],
)
def test_a_code_printed_on_a_patients_label_or_band_is_a_record_number(text, record):
    assert ("record_number", record) in identifiers(text)
    assert not [pair for pair in identifiers(text) if pair[0] == "phone"]


@pytest.mark.parametrize(
    "text",
    [
        "Our lab label printer model is ZT 2301-4410, a workhorse.",
        "The vaccine label said LOT 2026-118834, expiry next June.",
    ],
)
def test_a_products_model_or_lot_on_a_label_is_not(text):
    assert identifiers(text) == []


def test_the_number_read_off_a_patients_label_is_theirs_even_in_a_clinics_notice():
    text = "A note from our front desk: we tried the number on the label, 807-555-0199, without luck."
    assert ("phone", "807-555-0199") in identifiers(text)


def test_a_line_open_day_and_night_is_a_service_not_a_person():
    assert identifiers("Écoute agriculteurs : 09 69 32 11 40, 24 h/24. Appelez, même pour rien.") == []
    assert identifiers("Farm stress line: 204-555-0177, 24/7, free and confidential.") == []


def test_a_mailbox_a_relative_messaged_from_is_theirs_whoever_received_it():
    text = "His wife messaged our clinic inbox from k.ostrowska.home@fastmail.ca to ask about visiting."
    assert ("email", "k.ostrowska.home@fastmail.ca") in identifiers(text)


def test_a_postal_code_read_off_a_referral_is_the_patients():
    text = "Postal code on a referral today, X0E 0T0, was the only thing tying her file to the right community."
    assert ("postal_code", "X0E 0T0") in identifiers(text)


def test_the_wrong_postal_code_said_to_be_wrong_is_no_ones():
    text = "Lettre retournée : mauvais code postal pour M. Roy, c'était H3K 1G6 et pas H3K 1G5. Trois semaines perdues."
    assert [pair for pair in identifiers(text) if pair[0] == "postal_code"] == [("postal_code", "H3K 1G6")]


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("He had a key ring with an Ontario licence plate tag BKRT 902 and a bus pass.", "BKRT 902"),
        ("To whoever is parked in the ambulance bay, AB 4KT-781: please move, now.", "AB 4KT-781"),
        ("La voiture garée devant l'entrée des urgences, QC 123-ABC, bloque les ambulances.", "QC 123-ABC"),
    ],
)
def test_a_plate_after_a_tag_or_a_badly_parked_car_is_flagged(text, plate):
    assert ("plate", plate) in identifiers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Parking is free in lot P3 after 6 pm; bring your N95 mask.",
        "Notre clinique déménage au 455, boulevard Saint-Joseph Est, Montréal H2J 1J8 (entrée par le stationnement).",
    ],
)
def test_a_parking_lot_or_a_clinics_postal_code_is_not_a_plate(text):
    assert not [pair for pair in identifiers(text) if pair[0] == "plate"]


def test_a_handle_a_named_childs_parent_posted_with_is_flagged_without_the_word_patient():
    text = (
        "Friday's clinic: a bantam goalie, 14, back in class too soon. Noa's dad posted her jersey photo on the "
        "club page with the tag @noa_gk_09, so the whole rink knew."
    )
    assert ("url_handle", "@noa_gk_09") in identifiers(text)


def test_the_account_of_someone_described_with_an_illness_is_theirs():
    text = "Je suis un homme depuis six ans. Il a un trouble bipolaire, un chien, et un compte TikTok, @roi_du_quai."
    assert ("url_handle", "@roi_du_quai") in identifiers(text)


def test_a_colleagues_account_recommended_is_not_flagged():
    text = "Ma collègue Sophie est géniale. Elle a un compte Instagram de vulgarisation, @dre.sophie, à suivre !"
    assert identifiers(text) == []


def test_a_relative_who_runs_an_account_three_words_from_her_is_still_hers():
    text = "Her grandson runs the TikTok @gramps.last.ride and posted the whole ICU stay. Please don't share it."
    assert ("url_handle", "@gramps.last.ride") in identifiers(text)


def test_a_plate_with_its_province_before_it_need_not_mix_letters_in_each_half():
    assert ("plate", "ON BXKR 771") in identifiers("Whoever parked the pickup at the ER doors, ON BXKR 771: move it.")
    assert identifiers("Parking: use lots A 12 or B 14 near door 3.") == []
