"""Heat without a swear word, as the fourteenth and fifteenth authors wrote it: sending a reader away, calling their
words nonsense, saying they know nothing, refusing their lecture, saying they are unfit."""

import pytest

from tests.privacy.helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "No, I won't argue about fluoride in my replies. Go bother someone else with your theories.",
        "Allez vendre vos cures miracles ailleurs, merci.",
        "Stop spreading your nonsense under a post about sick babies.",
        "Arrêtez de partager vos âneries sur les vaccins, vous mettez des enfants en danger.",
        "You have no clue what you're talking about, and it shows.",
        "You clearly didn't read the paper you're quoting.",
        "Avant de commenter, renseignez-vous un minimum sur la coqueluche.",
        "If that's your view, you should not be anywhere near a nursery.",
    ],
)
def test_telling_a_reader_off_without_a_swear_word_is_heated(text):
    assert "heated" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I didn't read a single chart without a coffee this week, and the night was still long.",
        "Bonne question ! Renseignez-vous auprès de votre pharmacien pour les horaires.",
        "Keep your newborn away from anyone with a cough, and get your whooping cough shot in pregnancy.",
    ],
)
def test_a_calm_answer_is_not(text):
    assert "heated" not in categories(text)
