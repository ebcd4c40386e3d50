"""Contempt aimed at the person answered, in whatever words, is heat (the fourteenth and fifteenth authors wrote it
without any insult the older list knew); words about misinformation in general are aimed at no one."""

import pytest

from tests.privacy.helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "No, I won't debate statins in my replies. Take your nonsense somewhere else.",
        "@skeptic_dad You obviously never read a single trial before posting that.",
        "You have no clue how a birthing unit works. Sit down.",
        "Come work one night shift in our ER before you tweet that. You have no idea.",
        "Read the guideline before you comment, please.",
        "Maybe read something once before you tell nurses how to do their job.",
        "Arrêtez de répandre vos bêtises sur ma page, des enfants en paient le prix.",
        "Allez raconter vos salades ailleurs, ici on parle de science.",
        "Avant de balancer des âneries pareilles, renseignez-vous un minimum.",
        "Je vous laisse expliquer ça aux parents du petit qui a eu la rougeole.",
        "Venez faire une garde de nuit avec moi. Vous n'avez aucune idée.",
        "Gardez vos leçons pour votre salon, ici on soigne.",
        "Vous devriez avoir honte de traiter nos patients de cette façon.",
    ],
)
def test_contempt_for_what_the_person_answered_says_or_knows_is_heat(text):
    assert "heated" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ignore the nonsense you see online about vaccines in pregnancy and ask your midwife.",
        "Les bêtises qui circulent sur les vaccins pendant la grossesse ont la vie dure.",
        "Read the study before the headline: the effect is small but real.",
        "Please sit down with your family doctor to review your medications once a year.",
        "He asked me to sit down. Then he asked how many summers he had left.",
        "Before you get up from the exam table: sit down, even for ninety seconds, if you feel dizzy.",
        "You have no idea how much your messages meant to our team this week.",
        "Je vous laisse découvrir le programme du congrès en lien.",
    ],
)
def test_words_about_misinformation_in_general_are_not_heat(text):
    assert "heated" not in categories(text)
