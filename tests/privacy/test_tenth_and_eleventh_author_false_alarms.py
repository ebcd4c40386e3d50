"""False alarms the tenth and eleventh authors' posts showed, each written as the habit behind it with a veto in
principle (privacy.public_roles) and a look-alike patient beside it who is still flagged. The sentences are our own
words, not the corpora's, in both languages."""

import json
from pathlib import Path

from privacy.text import scan

from .helpers import flagged

CORPUS = Path(__file__).resolve().parents[1] / "data" / "privacy"


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


# People named with their job or working role are at work, not in care.


def test_a_person_named_with_a_trade_or_a_working_role_before_the_name_is_at_work():
    assert names("Thanks to everyone at the clinic, especially our MOA Jessamyn, who runs the place.") == []
    assert names("Our practice partner, Josée, covered my clinic all week so I could go to the conference.") == []
    assert (
        names("I've watched the bakery owner next door, Mrs. Tremblay, bring day-old bread every Friday for the line.")
        == []
    )
    assert (
        names("Nous accueillons une nouvelle infirmière en pratique avancée, Mme Lucie Perrin, pour les diabétiques.")
        == []
    )


def test_a_person_named_with_a_working_role_after_the_name_is_at_work():
    assert names("Ce n'est pas une patiente sur la photo : c'est Noémie, notre chauffeuse, qui fait la sieste.") == []
    assert names("Au programme : Mme Karima Saïdi, pair-aidante du CAARUD d'Épinal, sur l'aller-vers.") == []
    assert names("Mention spéciale à Jean-Marc Dorval, pair aidant, qui a animé un atelier de théâtre à l'unité.") == []


def test_a_person_at_work_who_is_also_the_case_is_still_flagged():
    assert names("The corner store owner, Mr. Okafor, 82, was admitted overnight with a GI bleed.") == ["Mr. Okafor"]
    assert "Kévin" in names("Kévin, notre chauffeur, 91 ans, a été hospitalisé hier pour une pneumonie.")
    assert names("Notre patiente Sabrina Lavoie, paire aidante, a fait une surdose hier soir.") == ["Sabrina Lavoie"]
    assert names("His wife, Josée, a receptionist, stayed by his bed all night after the stroke.") == ["Josée"]
    assert names("The index case was a line cook, Tomás Reyes, who worked four shifts while jaundiced.") != []


# Towns and places named the way places are written.


def test_a_town_after_a_place_and_its_qualifiers_is_a_town_wherever_it_comes_back():
    assert names("Tournée à la clinique de pédiatrie du sport de Charlesbourg, 100 rue Principale, Québec.") == []
    assert names("Soirée au stade de Gerland, puis retour au CHRU de Nancy pour la garde, et à Nancy il pleut.") == []
    assert names("This week's assessment, for the Supreme Court in Truro: a 52-year-old woman, charged.") == []


def test_a_place_closed_or_opened_by_a_place_noun_is_no_one():
    assert names("A retired crab fisher from Bay Roberts, 89, admitted in March.") == []
    assert names("We met a retired fisher from Cape Harbour, 88, who told us about the ice.") == []


def test_a_town_before_its_province_and_postal_code_is_a_town_wherever_it_comes_back():
    post = "Public talk, Room 4 of the Kingston Coliseum Arena, 377 Bath Road, Kingston, ON K7L 3T1. See you in Kingston!"
    assert names(post) == []


def test_a_hyphenated_name_after_a_street_corner_a_park_or_a_school_of_a_town_is_a_place():
    assert names("Il vit chez sa mère, coin Pierre-de-Coubertin, et il joue au parc Pierre-de-Coubertin.") == []
    assert names("Elle joue au basket à la polyvalente de L'Ancienne-Lorette depuis son retour.") == []


def test_the_town_a_titled_person_comes_from_is_not_a_second_name():
    assert names("Je suis allée voir M. Perrin de Gérardmer, 97 ans, qui m'a montré ses ruches.") == ["M. Perrin"]


def test_a_patient_who_shares_a_towns_name_is_still_flagged():
    assert names("Nancy, 84 ans, a été transférée au CHRU de Nancy hier soir.") == ["Nancy"]
    assert "Courcy" in names("Mme Anne de Courcy, 94 ans, est venue avec sa fille pour sa vaccination.")


# Things given a name, and a drug taken.


def test_a_name_given_to_a_mannequin_a_cast_or_a_doll_is_the_things_wherever_it_comes_back():
    assert names("If you want the scenario (no patient data, it's a mannequin named Agatha), e-mail the sim centre.") == []
    assert names('Her splint itched "like ants," so we gave it a name: Hector. Hector the splint comes off soon.') == []
    assert names("Sa poupée, on l'a appelée Rosie. Rosie a eu un plâtre elle aussi.") == []


def test_a_patient_named_like_a_thing_is_still_flagged():
    assert "Gertrude" in names("A patient named Gertrude, 93, came in with sepsis last night.")


def test_a_brand_of_drug_taken_is_no_name():
    assert names("Il dort au refuge depuis septembre et il ne prend plus son Abilify. Vous pouvez le rappeler ?") == []
    assert names("Depuis sa sortie, il ne prend plus son fils Mathis à l'école, dit sa femme.") == ["Mathis"]


# The figures of both parts, pinned here (tests/privacy/test_corpus.py belongs to another helper).


def _clean_posts_flagged(name: str) -> tuple[int, int]:
    with (CORPUS / name).open(encoding="utf-8") as source:
        posts = [json.loads(line) for line in source if line.strip()]
    clean = [post for post in posts if not post["labels"]]
    flagged_posts = [post for post in clean if scan({"body": post["text"]}, language=post["language"])]
    return len(flagged_posts), len(clean)
