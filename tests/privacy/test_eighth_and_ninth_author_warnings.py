"""Warnings as the eighth and ninth authors write them, each beside a look-alike."""

import pytest

from tests.privacy.helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "To the guy calling our porters lazy on the town page: they worked through the blizzard. Say it to my face.",
        "@truth_seeker88 You're quoting a retracted paper. Blocking you now, I have actual patients to see.",
        "Stop messaging my residents or I'll publish your real name and employer.",
        "@sansmasque59 Votre « immunité naturelle » a rempli la réa ce mois-ci. Allez donc le leur expliquer.",
        "Aux donneurs de leçons qui n'ont jamais fait une nuit aux urgences : taisez-vous.",
    ],
)
def test_daring_dismissing_or_threatening_a_critic_is_heated(text):
    assert "heated" in categories(text)


def test_telling_people_to_follow_the_unit_is_not():
    assert "heated" not in categories("Follow our unit's page for the new visiting hours; we post them every Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "If you're caring for a parent on hospice at home, just double the dose if they seem uncomfortable.",
        "To anyone refused opioids: ask your pharmacist for codeine over the counter, take two every 4 hours.",
        "Aux familles : si votre proche est constipé, arrêtez la morphine deux jours, pas besoin d'appeler le médecin.",
        "Pour l'insomnie de vos parents, donnez-leur un demi-comprimé de zopiclone avec une tisane.",
        "Doris, stop the metformin the morning of your CT and restart 48 h after, like we said.",
        "Madame, d'après votre message, arrêtez le Coversyl et prenez deux Doliprane.",
    ],
)
def test_a_dose_changed_or_a_medicine_named_for_someone_is_medical_advice(text):
    assert "medical_advice" in categories(text)


def test_a_named_colleague_asked_to_stop_a_meeting_is_not():
    assert "medical_advice" not in categories("Karen, stop the meeting at noon, the residents have clinic.")


@pytest.mark.parametrize(
    "text",
    [
        "This evening a teenage boy collapsed at the Rideau Centre food court; a nurse did CPR until EMS came.",
        "At Union Station this morning an older woman in a red coat had a seizure on the platform.",
        "Ce midi au marché des Lices, un vieux monsieur s'est effondré devant l'étal du fromager.",
    ],
)
def test_a_recent_collapse_at_a_named_place_is_an_encounter(text):
    assert "encounter" in categories(text)


def test_a_talk_at_a_named_place_is_not_an_encounter():
    assert "encounter" not in categories(
        "This evening a young doctor spoke at the Rideau Centre conference on burnout."
    )


def test_a_country_in_a_description_places_no_one():
    text = "Ce soir, dans le service, il y a une dame qui a été championne de France de bridge. Elle gagne encore."
    assert "encounter" not in categories(text)
