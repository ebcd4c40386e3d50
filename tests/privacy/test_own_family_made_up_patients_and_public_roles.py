"""Habits of writing that name no patient, read on four authors' sets measured once as held-out (heldout44–47): the
author's own family, a patient said to be made up or someone said to be none, people thanked for their work, public
and working roles, a trial's registry number, a number told as an average or of anyone of an age."""

import pytest

from privacy.base import Category, Text
from privacy.public_roles import fa26_vetoed
from tests.privacy.helpers import flagged, hit_on, kept_when_flagged


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Mon fils Antoine a eu son permis aujourd'hui. Je vais faire de la haute pression.", "Antoine", "fr"),
        ("Ma fille Juliette a réussi son examen de patrouilleuse de ski à Tremblant.", "Juliette", "fr"),
        ("Five years ago today my father, Lorne, sold the farm outside Gull Lake. I miss it.", "Lorne", "en"),
        ("8. My father, Gerald, taught me to fish at Lawrencetown Beach; I still think best there.", "Gerald", "en"),
    ],
)
def test_the_authors_own_family_named_after_my_is_no_patient(text, name, language):
    assert not kept_when_flagged(text, name, language=language)


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        # a relative's illness told
        ("A thread about my own dad. My father, Bill Hartley, was diagnosed with prostate cancer at 71.", "Bill", "en"),
        # the words of a patient's family, quoted
        ("Une carte : « Merci d'avoir soigné ma mère, Raymonde Chassagne, en chambre 17. » Merci.", "Raymonde", "fr"),
        ('"Kindly phone my wife, Marjorie, at 306-555-0112," said the farmer with a tib fracture.', "Marjorie", "en"),
    ],
)
def test_a_relative_named_after_my_is_kept_when_ill_or_when_a_patients_family_is_quoted(text, name, language):
    assert kept_when_flagged(text, name, language=language)


def test_a_patient_said_to_be_made_up_for_teaching_is_no_patient_but_one_whose_name_was_changed_still_is():
    made_up = 'I use a completely fictional patient, "John Doe, 70," and we go line by line through the summary.'
    assert not kept_when_flagged(made_up, "John Doe")
    renamed = "With his permission, name changed: Marcel Ouellet, 58, came back from the boat with a swollen knee."
    assert kept_when_flagged(renamed, "Marcel Ouellet")


def test_someone_the_post_says_is_no_patient_is_not_flagged_by_name_nor_by_age():
    text = "Aunt Bev (my actual aunt, not a patient) turns 96 on Sunday and still drives to church in Ashcroft."
    assert not kept_when_flagged(text, "Bev")
    assert not kept_when_flagged(text, "96", Category.AGE)


def test_someone_thanked_for_their_work_is_no_patient_but_the_one_whose_relative_is_thanked_may_be():
    thanked = "Merci à la Fondation, qui a financé la vidéo, et à Mme Ketly Noël pour la traduction."
    assert not kept_when_flagged(thanked, "Mme Ketly Noël", language="fr")
    mother = "Merci au fils de Mme Leclerc pour la photo sur Facebook, mais son bracelet était visible."
    assert kept_when_flagged(mother, "Mme Leclerc", language="fr")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Merci à l'association des anciens, et à M. Didier Roussel, délégué syndical, qui nous a ouvert les portes.",
         "M. Didier Roussel"),
        ("Je voudrais saluer ici Mme Sophie Larrieu, mandataire à Pau, qui répond à mes mails le dimanche soir.",
         "Mme Sophie Larrieu"),
        ("Le préfet des Bouches-du-Rhône, M. Christophe Mirail, a déclenché le niveau 3 du plan canicule.",
         "M. Christophe Mirail"),
    ],
)  # fmt: skip
def test_a_person_in_a_public_or_working_role_said_beside_the_name_is_no_patient(text, name):
    assert ("name", name) not in flagged(text, language="fr")


def test_a_trials_registry_number_is_no_ones_card():
    text = (
        "Trial news worth sharing: rapid up-titration has now been replicated in a US Medicaid population "
        "(NCT05501234, n=812). / Key findings: target doses within 6 weeks."
    )
    assert flagged(text, language="en") == []


def test_an_encounter_told_as_an_average_is_about_everyone():
    text = "Aujourd'hui, un patient victime d'un AVC à Lodève met en moyenne 95 minutes à rejoindre le CHU."
    assert not kept_when_flagged(text, text[:-1], Category.ENCOUNTER, language="fr")


def test_an_age_said_of_anyone_who_needs_more_care_is_a_general_truth_but_one_seen_today_is_not():
    general = "But the math is stubborn: a 92-year-old with heart failure needs about four times the visit time."
    assert ("age", "92-year-old") not in flagged(general, language="en")
    seen = "Today a 92-year-old with heart failure came in by ambulance from Virden."
    assert ("age", "92-year-old") in flagged(seen, language="en")


def test_someone_who_served_a_count_of_patients_is_staff():
    text = "Our front desk staff are the unsung heroes: Jasmine Ortiz alone helped over 300 patients renew."
    assert not kept_when_flagged(text, "Jasmine Ortiz")
    seen = "Jasmine Ortiz came in with chest pain after helping her neighbours renew their forms."
    assert kept_when_flagged(seen, "Jasmine Ortiz")


def test_the_one_answered_in_a_reply_is_the_one_the_author_speaks_to():
    text = "Je ne suis pas d'accord avec toi, Julien : les tisaneurs des marchés ne sont pas nos ennemis."
    assert not kept_when_flagged(text, "Julien", language="fr")


def test_the_day_a_thesis_was_defended_is_no_day_of_care_but_the_day_someone_was_admitted_is():
    defended = "Félicitations à l'interne Léa Fontanel pour sa thèse, soutenue le 2 juin au CHU de Bordeaux."
    assert not kept_when_flagged(defended, "2 juin", Category.DATE, language="fr")
    admitted = "Mme Roy, admise le 2 juin au CHU de Bordeaux, est rentrée chez elle."
    assert kept_when_flagged(admitted, "2 juin", Category.DATE, language="fr")


def test_a_team_lead_named_beside_the_role_is_a_colleague():
    text = "In this video I walk down Jameson with our ACT team lead, Marisol Fuentes, and talk about rooming houses."
    assert ("name", "Marisol Fuentes") not in flagged(text, language="en")


def test_a_churchs_address_for_a_funeral_is_a_public_places():
    text = (
        "A celebration of his life will be held on Saturday, December 12 at 11 am at St. Andrew's United Church, "
        "44 Townsend Street, Sydney. In lieu of flowers, the family asks for donations."
    )
    assert ("address", "44 Townsend Street") not in flagged(text, language="en")


def test_a_family_thanked_for_a_donation_is_no_patients_but_one_bringing_food_may_be():
    donation = "La famille Nguyen a fait un don généreux à notre néonatalogie."
    assert not kept_when_flagged(donation, "Nguyen", language="fr")
    food = "The Nguyen family brought pho for the night shift on the day he went home."
    assert not fa26_vetoed(Text(food, "en"), hit_on(food, "Nguyen"))
