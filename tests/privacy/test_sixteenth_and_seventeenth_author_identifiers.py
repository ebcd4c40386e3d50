"""Identifiers other than names that the sixteenth and seventeenth authors told in their own ways: imaging and
pathology specimens' numbers, a French passport, a SIN written where a card was expected, relatives' phones and
handles, a device's serial, a postal code closing a patient's address."""

import pytest

from tests.privacy.helpers import flagged


def of_kind(kind: str, text: str) -> list[str]:
    return [excerpt for found, excerpt in flagged(text) if found == kind]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Teaching case: a 3 cm renal mass on a staging CT. Accession KGH-CT-2025-004412.", "KGH-CT-2025-004412"),
        ("Look at the left hilum on this one. PACS ID OTT-PACS-55120987. Answer Friday.", "OTT-PACS-55120987"),
        ("Échographie hépatique d'un homme de 60 ans, PACS NTE-US-2025-10233, foie stéatosique.", "NTE-US-2025-10233"),
        ("Path report in the team chat by mistake: accession B25-33871, initials and all. Deleted.", "B25-33871"),
        ("Lame de la semaine, n° d'anapath 25P-004417 : carcinome épidermoïde bien différencié.", "25P-004417"),
        ("Specimen no. HSC-2025-88123 went to the wrong lab, with the requisition.", "HSC-2025-88123"),
    ],
)
def test_an_imaging_or_pathology_number_after_the_word_that_says_what_it_is_is_a_record_number(text, number):
    assert number in of_kind("record_number", text)


def test_a_report_header_quoting_a_specimen_number_beside_a_surname_in_capitals_is_a_record_number():
    text = "J'ai failli partager le compte rendu « 25B-117302, LE GALL Maïwenn, prélevée au CHU » en story."
    assert "25B-117302" in of_kind("record_number", text)


@pytest.mark.parametrize(
    "text",
    [
        "The SARS-CoV-2 genome was deposited in GenBank, accession MN908947, in January 2020.",
        "Our PACS migration finishes on 2026-11-30; accession numbers change format next week.",
        "Trial NCT04567890 closed. Study 2020-1234 got its ethics approval. Exam room 4 is free.",
        "Notre étude PROTECT-2024-01 a inclus 1500 patients. Histologie : carcinome basocellulaire.",
    ],
)
def test_a_sequence_a_trial_or_a_migration_date_is_no_patients_specimen(text):
    assert of_kind("record_number", text) == []


def test_a_year_then_a_serial_hung_on_a_code_is_not_read_as_a_phone():
    assert of_kind("phone", "Teaching case. Code RDH-CT-2026-118834 in the corner. Answer tomorrow.") == []
    assert of_kind("phone", "Case of the week, 2026-118834 on the viewer. Guess the diagnosis.") == []
    assert "613-555-0193" in of_kind("phone", "His daughter texted the unit from 613-555-0193 last night.")


@pytest.mark.parametrize(
    "text",
    [
        "Pour Mme Kerlo, qui part au Mali avec le passeport 21KL40913 oublié au cabinet : passez le chercher !",
        "Son passeport : 18AB55021, photographié avec le carnet de vaccination. Supprimé.",
    ],
)
def test_a_french_passports_two_digits_two_letters_five_digits_after_its_name_are_a_national_id(text):
    assert of_kind("national_id", text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Referral had his SIN instead of the OHIP number: 527 318 463. Shredded.", "527 318 463"),
        ("Someone wrote her SIN instead of her PHN: 253 157 549, so the booking office sent it back.", "253 157 549"),
        ("Le formulaire portait son NAS au lieu de son numéro d'assurance maladie : 527 318 463.", "527 318 463"),
    ],
)
def test_a_sin_written_where_a_health_card_was_expected_is_a_sin(text, number):
    assert number in of_kind("national_id", text)
    assert of_kind("health_card", text) == []


def test_a_health_card_said_as_one_stays_a_health_card():
    assert "527 318 463" in of_kind("health_card", "Her OHIP number: 527 318 463, on the referral.")
