"""Medical advice on one reader's case, as the tenth author writes it, each beside a general caution."""

import pytest

from tests.privacy.helpers import flagged


@pytest.mark.parametrize(
    "text",
    [
        "If your child has growing pains, you can give ibuprofen 10 mg/kg at bedtime and skip the doctor visit.",
        "@runner_mom If her knees hurt after every practice, stop running for 3 weeks, no need to come in.",
        "Et si votre fils s'est cogné hier et vomit ce matin, donnez-lui un Doliprane et attendez demain.",
        "@papa_judo Pour la cheville de votre fille, mettez-lui une attelle et donnez-lui de l'Advil 3 fois par jour.",
    ],
)
def test_advice_on_one_readers_case_that_names_a_treatment_or_waives_the_visit_is_medical_advice(text):
    assert "medical_advice" in {kind for kind, _ in flagged(text)}


@pytest.mark.parametrize(
    "text",
    [
        "If your child hits their head and vomits more than once, go to the emergency department.",
        "Si votre enfant a plus de 40 de fièvre, consultez votre médecin ou appelez le 811.",
    ],
)
def test_a_general_caution_on_a_readers_case_is_not_medical_advice(text):
    assert "medical_advice" not in {kind for kind, _ in flagged(text)}
