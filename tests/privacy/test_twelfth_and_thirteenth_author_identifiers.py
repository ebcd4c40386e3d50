"""Identifiers other than names that the twelfth and thirteenth authors told in their own ways: a page a patient's
family keeps for them, and a reply to a patient's family that opens on their handle."""

import pytest

from tests.privacy.helpers import flagged


def handles(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "url_handle"]


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Her cousins set up a fundraiser for the flights, you'll see @strongerthanDMG in town.", "@strongerthanDMG"),
        ("Sa famille a lancé une cagnotte, relayée partout sur @pour_le_petit_gael.", "@pour_le_petit_gael"),
        ("Follow @little.warrior.june for news of June from her dad.", "@little.warrior.june"),
        ("Suivez @leo_et_ses_copains pour des nouvelles de Léo, c'est sa mère qui écrit.", "@leo_et_ses_copains"),
        ("The whole rink wore green for #TeamOwenStrong last night.", "#TeamOwenStrong"),
        ("Toute l'école porte des bracelets #ClaraForte cette semaine.", "#ClaraForte"),
        (
            "Ses voisins ont ouvert une cagnotte : lepotcommun.fr/pot/abc123 pour le trajet.",
            "lepotcommun.fr/pot/abc123",
        ),
    ],
)
def test_a_page_kept_for_a_patient_by_family_or_friends_is_a_handle(text, handle):
    assert handle in handles(text), handles(text)


@pytest.mark.parametrize(
    "text",
    [
        "Join the hospital foundation's fundraiser run on Sunday with @IWKFoundation.",
        "Proud to run for #BostonStrong again this spring.",
        "Follow @CHUSainteJustine for the latest news on our paediatric research.",
    ],
)
def test_an_organisations_campaign_or_a_citys_tag_is_not(text):
    assert handles(text) == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("@tomsmum_ns Mrs. Reid, Tom's MRI from Monday was clear, we'll call about the next cycle.", "@tomsmum_ns"),
        ("@gerald.p thank you, your grandma was a joy to care for on our unit.", "@gerald.p"),
        ("@marie_bzh oui Marie, Enzo peut retourner à l'école lundi d'après la consultation de suivi.", "@marie_bzh"),
        ("@papi_des_iles les dessins pour Manon peuvent être déposés à l'accueil du service.", "@papi_des_iles"),
    ],
)
def test_a_reply_telling_a_family_of_their_childs_or_kins_care_is_to_a_patients_family(text, handle):
    assert handle in handles(text), handles(text)


@pytest.mark.parametrize(
    "text",
    [
        "@DrKimLe your daughter's talk at grand rounds was wonderful.",
        "@sarahm_rn yes, it was the man in 4B, tell him I said hi.",
        "@karen_l votre mère est chanceuse ; je ne peux pas commenter les politiques de l'hôpital ici.",
        "@policywonk the consultation paper is out, thanks for the link.",
    ],
)
def test_a_reply_to_a_colleague_or_about_policy_is_not(text):
    assert handles(text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ('Label on the film: "MORIN, A. HSN 902 114 773".', "902 114 773"),
        ("Yukon plan card visible in the photo, YHCIP 118 902 004, deleting now.", "118 902 004"),
        ("Referral, Nunavut health care no. Q4410822, caught before sending.", "Q4410822"),
        ("Sur le formulaire : no d'assurance-maladie du N.-B. 440 218 976.", "440 218 976"),
    ],
)
def test_a_number_right_after_a_plans_initials_is_a_health_card(text, number):
    assert ("health_card", number) in flagged(text), flagged(text)


@pytest.mark.parametrize("text", ["HSN 2026 conference, 300 attendees.", "Our HCIP review: 12 of 40 charts complete."])
def test_the_initials_without_a_number_right_after_are_not(text):
    assert "health_card" not in [kind for kind, _ in flagged(text)]
