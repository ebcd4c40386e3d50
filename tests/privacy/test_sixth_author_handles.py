"""The sixth author's habits with handles, in other words, each beside a look-alike that stays clean."""

import pytest

from tests.privacy.helpers import categories, flagged


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        # Condolences to a relative of one's own patient.
        ("@JaneR_art so sorry for the loss of your father. He was my patient for twenty years.", "@JaneR_art"),
        # A relative answered with « tu », about the care of « ta mère »; a dotted handle whole.
        (
            "@luc.b.rimouski, je ne peux pas discuter du dossier de ta mère ici, appelle la clinique.",
            "@luc.b.rimouski",
        ),
    ],
)
def test_a_relative_of_ones_patient_addressed_by_handle_is_flagged(text, handle):
    assert ("url_handle", handle) in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "@jo_k so sorry for the loss of your mother. She taught me to skate.",
        "@marie.l.qc je ne peux pas discuter de ta recette ici, mais bravo !",
    ],
)
def test_a_handle_addressed_without_a_patient_of_ones_own_is_not_flagged(text):
    assert "url_handle" not in categories(text)
