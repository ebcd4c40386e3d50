"""Heated replies said without swear words, and medical advice put as a suggestion or about a third person."""

from tests.privacy.helpers import categories


def test_dismissing_someone_or_blaming_their_kind_is_heated():
    assert "heated" in categories("@anti_fluoride You have no idea what you're talking about.")
    assert "heated" in categories("Vous ne savez visiblement pas de quoi vous parlez.")
    assert "heated" in categories("People like you are the reason measles is back.")
    assert "heated" in categories("Ce sont des gens comme vous qui remplissent nos urgences.")
    assert "heated" in categories("Blocked, and good riddance.")
    assert "heated" in categories("On n'a pas de temps à perdre avec des ignorants.")


def test_thanking_people_like_you_is_not_heated():
    assert "heated" not in categories("People like you make blood drives work. Thank you!")
    assert "heated" not in categories("Merci à des gens comme vous, la banque de sang est pleine.")


def test_a_suggestion_of_a_dose_to_one_person_is_medical_advice():
    assert "medical_advice" in categories("Dans votre cas, je vous suggère d'ajouter 25 mg de trazodone au coucher.")
    assert "medical_advice" in categories("In your case I'd suggest you stop the melatonin tonight.")


def test_advice_about_a_third_persons_treatment_is_medical_advice():
    assert "medical_advice" in categories("You told a mom she should stop her son's inhaler.")
    assert "medical_advice" in categories("Vous avez dit à une mère qu'elle devrait arrêter la pompe de son fils.")
    assert "medical_advice" not in categories("He should take his time getting back to the gym.")
    assert "medical_advice" not in categories("He should stop his bike at the crosswalk, says our trauma surgeon.")


def test_a_service_offer_is_not_advice():
    assert "medical_advice" not in categories("Security can hold your keys if you need to run in.")
    assert "medical_advice" not in categories("Stop your engine while waiting in the drop-off loop.")


def test_discharge_advice_a_past_year_and_an_old_system_are_not_heated():
    assert "heated" not in categories("Après une commotion, retournez à vos activités graduellement.")
    assert "heated" not in categories("You can go back to your normal activities after 48 hours.")
    assert "heated" not in categories("Good riddance to 2020, welcome 2021!")
    assert "heated" not in categories("They have no idea what they are talking about when it comes to rural ERs.")
    assert "heated" in categories("Go back to your conspiracy videos.")


def test_a_suggestion_that_names_no_treatment_is_not_advice():
    assert "medical_advice" not in categories("I suggest you start with the CMPA module, it is short.")
    assert "medical_advice" not in categories("Je vous conseille de commencer par le guide de la SOGC.")
    assert "medical_advice" not in categories("I would recommend stopping by our booth at the fair.")
