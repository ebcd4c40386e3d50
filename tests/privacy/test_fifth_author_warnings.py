"""The fifth author's advice and commercial habits, in other words, each beside a look-alike that stays clean."""

import pytest

from tests.privacy.helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "@dad_of_twins you should stop the cough syrup and give her 5 ml of ibuprofen every 8 hours, then see your GP.",
        "@papa_inquiet arrêtez l'amoxicilline et donnez-lui 10 mg/kg de paracétamol toutes les 6 h ; sinon, consultez.",
    ],
)
def test_a_reply_giving_a_dose_is_advice_even_when_it_ends_on_see_your_doctor(text):
    assert "medical_advice" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "@dad_of_twins talk to your GP before you give her 5 ml of anything; I can't advise you here.",
        "Never stop an antibiotic early without talking to your doctor, and never double a dose you missed.",
    ],
)
def test_a_caution_said_first_stays_a_caution(text):
    assert "medical_advice" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Been putting every toddler with dry skin on SoftShield barrier balm. Works wonders. Grab it on Amazon!",
        "J'utilise la crème Apaisia chez tous mes petits eczémateux, commandez-la sur Amazon sans attendre.",
    ],
)
def test_a_named_product_with_a_shop_to_buy_it_at_is_a_commercial_interest(text):
    assert "commercial_interest" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Night shift fuel: grab one at Tim Hortons on the way in, the ER coffee is a crime.",
        "Our free sunscreen samples are at the front desk this week; grab one on your way out.",
    ],
)
def test_a_shop_without_a_product_praised_is_not_commercial(text):
    assert "commercial_interest" not in categories(text)


@pytest.mark.parametrize(
    ("anonymous", "named"),
    [
        (
            "Yesterday in the ER I saw a 71-year-old woman from Timmins with a hip fracture. She sang hymns all night.",
            "Yesterday in the ER I saw a 71-year-old woman from Timmins with a hip fracture. Mrs. Dorothy Okonkwo sang "
            "hymns all night.",
        ),
        (
            "Cette semaine à l'urgence, j'ai soigné une femme de 70 ans de Lille. Elle était mon ancienne professeure.",
            "Cette semaine à l'urgence, j'ai soigné une femme de 70 ans de Lille. Mme Odette Lambert était mon "
            "ancienne professeure.",
        ),
    ],
)
def test_an_encounter_is_warned_about_unless_the_patient_is_named_in_full_beside_it(anonymous, named):
    # Named in full with a title, the patient is identified by the name, which is flagged (or missed) as a name.
    assert "encounter" in categories(anonymous)
    assert "encounter" not in categories(named)
