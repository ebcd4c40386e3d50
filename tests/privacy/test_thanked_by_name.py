"""Someone thanked or congratulated by first name for what is no care is not a patient; a patient thanked is."""

from privacy.base import Category
from privacy.text import scan


def names(text: str) -> list[str]:
    return [finding.excerpt for finding in scan({"body": text}, language=None) if finding.category == Category.NAME]


def test_a_friend_congratulated_on_a_marathon_is_not_a_patient():
    assert names("Congratulations, Julie! Your first marathon is done.") == []


def test_a_colleague_thanked_with_her_family_for_a_barbecue_is_not_a_patient():
    assert names("Thanks Kim and her family for hosting our unit's barbecue.") == []


def test_a_child_thanked_for_a_card_after_his_operation_is_a_patient():
    text = "Thank you Sione and his mom for the hand-drawn card. Three months since his appendectomy on Sept 2."
    assert names(text) == ["Sione"]


def test_a_patient_thanked_about_her_appointment_is_a_patient():
    assert "Ginette" in names("Merci Ginette pour ton message. Oui, ton rendez-vous de mardi est maintenu.")


def test_a_pastor_brought_in_by_ambulance_is_a_patient_and_a_pastor_preaching_is_not():
    assert names("Pastor Dwayne Ellis was brought in by ambulance after a crash on Route 11.") != []
    assert names("Pastor Dwayne Ellis opened our health fair with a prayer.") == []


def test_a_patient_retiring_from_the_legion_is_a_patient_and_a_nurse_retiring_is_not():
    assert (
        names("Happy retirement to Bob Smith, our longest-serving patient on dialysis, 30 years at the Legion.") != []
    )
    assert names("Happy retirement to Linda Boucher, 30 years on 4 North and the kindest charge nurse.") == []


def test_people_listed_with_their_towns_are_an_encounter_and_a_wards_portrait_is_not():
    listed = (
        "This morning in our ER, a teacher from Bathurst who wants to know if the exams were graded, "
        "a fisherman from Lamèque who asks about the catch, and a nurse from Moncton."
    )
    portrait = (
        "Ce soir, dans le service, il y a une ancienne institutrice qui corrige les panneaux, "
        "un ancien vigneron qui demande des nouvelles des vendanges, une dame qui a été championne de bridge."
    )
    found = {finding.category for finding in scan({"body": listed}, language=None)}
    assert Category.ENCOUNTER in found
    assert Category.ENCOUNTER not in {finding.category for finding in scan({"body": portrait}, language=None)}


def test_a_named_patients_great_age_said_after_where_he_is_from_is_an_age():
    text = "Mr. Ernest Savoie from Saint-Louis-de-Kent was 99 and a half when he got COVID on November 3."
    assert "99" in [f.excerpt for f in scan({"body": text}, language=None) if f.category == Category.AGE]
