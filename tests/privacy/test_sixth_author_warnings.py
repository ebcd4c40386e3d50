"""The sixth author's habits that call for a warning, in other words, each beside a look-alike that stays clean."""

import pytest

from tests.privacy.helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        # Advice to whoever is on a medicine, put as a condition on the reader.
        "If you're on lisinopril and you feel dizzy, just stop it for a few days.",
        # A reader's child's symptom asked back, then what to give.
        "Your son has a cough? Give him Advil every 6 hours and skip the clinic.",
        "Votre enfant fait 39 de fièvre ? Alternez Tylenol et Advil toutes les 2 heures.",
    ],
)
def test_a_treatment_told_to_a_reader_on_their_condition_is_medical_advice(text):
    assert "medical_advice" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "If you're on call this weekend, take a nap when you can.",
        "Your kid has a fever? Never give Advil without asking your doctor.",
        "Your daughter has a science fair? Take her to the museum first.",
        # A relative clause names drugs, it tells no one to act.
        "Lesson: the fever is not the cause until you've ruled out everything you can stop.",
    ],
)
def test_a_condition_without_a_treatment_or_a_relative_clause_is_not_advice(text):
    assert "medical_advice" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # A street corner pins where a described patient was met today.
        "Naloxone save at the corner of King and Bay this morning: a guy in a green parka, down by the bus stop.",
        "Au coin de la rue Principale ce matin, un homme en chandail rouge s'est effondré devant la pharmacie.",
    ],
)
def test_a_described_patient_met_today_at_a_street_corner_is_a_recognisable_encounter(text):
    assert "encounter" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our new clinic opens at the corner of King and Bay this morning. Come say hi!",
        "In January 2019, at the corner of King and Bay, a man in a green parka taught me about naloxone.",
    ],
)
def test_a_corner_without_a_patient_met_recently_is_no_encounter(text):
    assert "encounter" not in categories(text)
