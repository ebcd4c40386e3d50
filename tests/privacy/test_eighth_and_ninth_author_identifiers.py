"""Numbers, handles and mailboxes as the eighth and ninth authors write them, each beside a look-alike."""

import pytest

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


def test_a_sin_named_in_the_sentence_before_is_still_a_sin():
    text = "Never post your SIN to 'verify' anything. Someone just did (046 454 286), I hid it."
    assert found(text, "national_id") == ["046 454 286"]


def test_a_health_card_number_after_a_colon_a_few_words_on_is_a_card():
    text = "Dans le classeur, sa carte d'assurance-maladie du N.-B. agrafée sur la couverture : 718 204 339. Effacée."
    assert found(text, "health_card") == ["718 204 339"]


def test_a_relatives_phone_left_at_the_clinic_is_theirs():
    text = "La fille de Mme Comeau a oublié son cellulaire à la clinique, c'est le 506-555-0144 qui sonne sans arrêt."
    assert found(text, "phone") == ["506-555-0144"]


def test_a_line_to_register_on_is_the_organizations():
    text = "Dr. Leblanc joins us in January! She's taking over the Shediac panel. Call 506-555-0123 to register."
    assert found(text, "phone") == []


def test_platelets_are_not_a_plate():
    assert found("Bloods: platelets 88, AST 210, LDH 640. HELLP.", "plate") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        (
            "Whoever found the TikTok account of our patient's grandson, @nate.draws.trucks, please stop.",
            "@nate.draws.trucks",
        ),
        ("Sa petite-fille, @mia.peint.fort sur Instagram, a tout raconté.", "@mia.peint.fort"),
        ("@nana_joyce_w thanks for the news about your husband, so glad he's driving to bingo again.", "@nana_joyce_w"),
    ],
)
def test_a_patients_relatives_account_said_in_other_words_is_flagged(text, handle):
    assert handle in found(text, "url_handle")


def test_my_own_daughters_account_is_not():
    assert found("Ma fille, @lea.dessine, a fait l'affiche du congrès.", "url_handle") == []


def test_a_patients_old_mailbox_sent_by_his_wife_is_his():
    text = "We got the card from Mr. Olsen's wife; she included his old walt.olsen.1944@example.com in case."
    assert found(text, "email") == ["walt.olsen.1944@example.com"]
