"""Warnings as the seventh author writes them: harm wished on critics, advice that bypasses the doctor, a medicine named
by its ending, an affiliate link in other words; each beside a look-alike."""

import pytest

from tests.privacy.helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "To whoever shared my address: you are a coward behind a cartoon avatar.",
        "To the troll in my mentions: I hope your phone dies mid-rant.",
        "Frankly, the people applauding the ER closures should be the first ones refused at triage.",
        "Les gens qui applaudissent la fermeture des urgences mériteraient d'être refusés au triage.",
    ],
)
def test_cowardice_thrown_or_harm_wished_on_critics_is_heated(text):
    assert "heated" in categories(text)


def test_courage_asked_of_colleagues_is_not():
    assert "heated" not in categories("Ne soyez pas lâches avec la prévention : on lâche rien.")


@pytest.mark.parametrize(
    "text",
    [
        "To everyone who messaged me about night sweats, you should just ask your doctor for 10 mg paroxetine tonight.",
        "À la personne qui m'a écrit : dans votre cas, prenez de la ciprofloxacine, sans repasser par votre médecin.",
        "@papa_de_2 vu ce que vous décrivez, donnez-lui de la céphalexine qui vous reste.",
    ],
)
def test_advice_that_names_a_medicine_or_bypasses_the_doctor_is_medical_advice(text):
    assert "medical_advice" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Never stop your metoprolol without talking to your doctor.",
        "Ask your pharmacist about shingles vaccines; they can give it on the spot.",
        "Metoprolol and ramipril after an MI: the evidence, in a thread for students.",
    ],
)
def test_a_caution_or_teaching_about_medicines_is_not(text):
    assert "medical_advice" not in categories(text)


def test_an_affiliate_link_in_other_words_is_a_commercial_interest():
    text = "Ce qui marche pour mes patients, les barres ProtéoMax ; avec mon lien partenaire, livraison gratuite."
    assert "commercial_interest" in categories(text)


def test_a_foundations_link_in_bio_with_free_shipping_is_not():
    text = "The link is in my bio; free shipping on the hospital foundation's calendars goes to the NICU."
    assert "commercial_interest" not in categories(text)
