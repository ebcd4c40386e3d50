"""A product vouched for as the best or the only one, or everyone told to buy it, with its maker named, is a commercial
interest (the twelfth and thirteenth authors' habit); praise of people or care is not."""

import pytest

from tests.privacy.helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "Our dressings now come from Convatec only — best product on the shelf, I'd never use anything else.",
        "Every clinic should buy the Butterfly probe, trust me.",
        "La seule pommade qui marche vraiment, c'est la Cicalfate de chez Avène.",
        "Achetez-les tous chez Décathlon, je les conseille à tous mes patients qui courent.",
    ],
)
def test_a_product_vouched_as_the_one_to_buy_is_a_commercial_interest(text):
    assert "commercial_interest" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The best device for the job is a good nurse at the ICU.",
        "Le meilleur outil du marché, c'est une infirmière de plus.",
        "Disclosure: Medtronic paid my travel. Best product out there for us, I'd never use anything else.",
    ],
)
def test_praise_of_people_or_a_disclosed_interest_is_not(text):
    assert "commercial_interest" not in categories(text)
