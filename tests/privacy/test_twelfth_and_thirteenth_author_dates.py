"""A day told right after an act of care or a transfer done to someone is theirs (the twelfth and thirteenth authors'
habit: "Medevac from … on Nov 26", « opéré le 2 décembre »); a service's, an event's or a score's is not."""

import pytest

from tests.privacy.helpers import flagged


def dates(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "date"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Medevac out of Rankin Inlet on Oct 14 with a boy in DKA, the crew was superb.", "Oct 14"),
        ("Airlifted from Fort Chipewyan 10/21 at dawn: the kid is skiing again.", "10/21"),
        ("Her biopsy from March 3 came back benign and she hugged the whole clinic.", "March 3"),
        ("Évacuée de Mayotte le 12 octobre, elle a retrouvé sa classe ce matin.", "12 octobre"),
        ("La prise de sang du 04/10/2026 de Romane est enfin normale.", "04/10/2026"),
        ("Notre petit voisin de chambre a eu 9 ans le 3 mars, avec un gâteau du service.", "3 mars"),
    ],
)
def test_a_day_told_right_after_an_act_of_care_is_a_date(text, day):
    assert day in dates(text), dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our new MRI opens on Dec 3 — come see it.",
        "CT 3/4 of the time is enough, says the new guideline.",
        "Scan day for our new protocol on Nov 24: the team trained all morning.",
        "Journée de formation sur la prise de sang le 12 mars au CHU, inscription en ligne.",
    ],
)
def test_a_services_or_an_events_day_or_a_score_is_not(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("I keep thinking of what he told me in March, when we stopped his chemo.", "March"),
        ("She has been on the shared list since October for her maintenance treatment.", "October"),
        ("Elle termine sa radiothérapie au mois de février, et elle veut déjà retourner à l'école.", "février"),
        ("Je l'ai connue en mai, quand elle avait refusé le traitement.", "mai"),
    ],
)
def test_a_month_told_of_someones_treatment_is_a_date(text, month):
    assert month in dates(text), dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our unit changed its chemo protocol in March after the audit.",
        "In October we treated 140 patients with the new protocol.",
        "Ma mère a fini son traitement en juin, merci à tous pour vos messages.",
    ],
)
def test_a_units_month_or_the_authors_familys_is_not(text):
    assert dates(text) == []
