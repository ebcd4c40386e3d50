"""A worker's employee or badge number, and the national numbers of Belgium (NISS) and Switzerland (AVS): each
names one person, as the eighteenth author's miners and care-home residents showed."""

import pytest

from tests.privacy.helpers import flagged


def of_kind(kind: str, text: str) -> list[str]:
    return [excerpt for found, excerpt in flagged(text) if found == kind]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("A driller from the night crew, employee TKM-30917, came in with crush injuries to his hand.", "TKM-30917"),
        ("His vest still had the tag number FOR-55128 on it when he reached the trauma bay.", "FOR-55128"),
        ("Her staff number 448120 was on the incident form that somebody photographed.", "448120"),
        ("Le cariste, matricule 0071245, est arrivé avec une plaie au bras gauche.", "0071245"),
        ("Son numéro d'employé, SCI-22810, figurait sur la déclaration d'accident du travail.", "SCI-22810"),
        ("La carte d'employé RTN-77014 de la serveuse était restée dans la poche de son manteau.", "RTN-77014"),
    ],
)
def test_a_workers_employee_or_badge_number_is_a_record_number(text, number):
    assert number in of_kind("record_number", text)


@pytest.mark.parametrize(
    "text",
    [
        "Our staff 2026-2027 roster is posted in the lounge; sign up for the holiday shifts.",
        "Badge 2026 collection: residents who finish the POCUS course get a pin.",
        "We now have 4,500 employees across the region and every one got a flu shot offer.",
        "Le tag #2026-11 de notre infolettre présente les nouveaux horaires de la clinique.",
    ],
)
def test_years_and_counts_beside_staff_words_are_not_record_numbers(text):
    assert of_kind("record_number", text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Sa mutuelle avait son numéro de registre national, 40.02.17-311.33, sur une fiche.", "40.02.17-311.33"),
        ("@fils_namur le NISS de votre père (52.11.03-127.79) ne doit pas figurer ici.", "52.11.03-127.79"),
        ("Le numéro AVS de votre mère, 756.9217.0457.21, n'a rien à faire dans un commentaire.", "756.9217.0457.21"),
    ],
)
def test_a_belgian_niss_or_a_swiss_avs_number_with_its_right_key_is_a_national_id(text, number):
    assert number in of_kind("national_id", text)


@pytest.mark.parametrize(
    "text",
    [
        # Wrong keys: a version, a reference or a price list, not a person's number.
        "Version 40.02.17-311.34 du protocole, en vigueur depuis lundi.",
        "Référence 756.9217.0457.24 du catalogue de la centrale d'achat.",
    ],
)
def test_the_same_shapes_with_a_wrong_key_are_not_national_ids(text):
    assert of_kind("national_id", text) == []


def test_a_phone_number_written_on_a_badge_stays_a_phone_number():
    text = "Her number is still on the sticky note on my ID badge: 250-555-0172. I need to shred that."
    assert of_kind("record_number", text) == []
