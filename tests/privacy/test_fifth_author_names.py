"""Names the fifth author's posts showed the guard missing or mistaking, each habit with a look-alike that stays
clean. The sentences are written here, in words of their own, not taken from the corpora."""

from privacy import lexicon
from privacy.base import Category
from privacy.text import scan

from .helpers import flagged
from .test_corpus import load


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_common_short_and_older_first_names_are_known_first_names():
    for first_name in ("ron", "wendell", "winnie", "hollis", "abe", "ollie", "rosa", "otis"):
        assert first_name in lexicon.FIRST_NAMES


def test_first_names_that_are_also_everyday_words_places_or_months_are_left_out():
    for word in ("will", "may", "mark", "grant", "hope", "bill", "ray", "april", "florida", "sunday", "carolina"):
        assert word not in lexicon.FIRST_NAMES


def test_a_patient_called_by_an_older_first_name_is_found_in_a_story_of_care():
    assert names(
        "Overnight call: Wendell, a retired logger, came in with chest pain and a troponin through the roof."
    ) == ["Wendell"]
    assert names("Winnie Hargreave finally went home today after six weeks on our ward. Proud of her.") == [
        "Winnie Hargreave"
    ]
    assert names("Thinking of Ron, who started chemo this week. He brought donuts for the whole unit.") == ["Ron"]


def test_everyday_words_that_are_also_first_names_stay_clean():
    assert names("Will you be at the conference in May? Mark and Grant will present the June data.") == []
    assert names("Ray of sunshine on the ward today: the new X-ray machine finally works.") == []


def test_a_town_after_someones_age_in_french_is_where_they_come_from_not_their_name():
    text = "Un homme de 44 ans de Florence est arrivé hier soir avec une douleur thoracique. Il va mieux."
    assert names(text) == []
    text = "Hier, une femme de 67 ans d'Amos est arrivée en hypothermie après une panne de motoneige."
    assert names(text) == []


def test_a_first_name_beside_an_age_is_still_a_patients_name_in_french():
    text = "Cette semaine, Winnie, 8 ans, a fini sa chimiothérapie et a sonné la cloche."
    assert names(text) == ["Winnie"]
    text = "Florence, 44 ans, est arrivée hier soir avec une douleur thoracique. Elle va mieux."
    assert names(text) == ["Florence"]


def test_a_titled_patient_in_a_numbered_treatment_chair_is_still_a_patient():
    assert names("Mrs. Okafor in chemo chair 12 taught the whole unit to knit this winter.") == ["Mrs. Okafor"]


def test_the_chair_of_a_board_or_department_is_a_public_role():
    assert names("Mrs. Okafor, chair of the hospital board, opened the new dialysis unit today.") == []
    assert names("Congratulations to Mr. Lindqvist, the new chair of our department.") == []


def test_a_name_right_after_an_age_in_clinical_shorthand_is_a_patients():
    assert names("Peds ER: 6-year-old Maya swallowed a magnet on Sunday. Scope within 2h.") == ["Maya"]
    assert names("Busy night. 4-month-old Theo Marchetti presented with bronchiolitis, home on day 3.") == [
        "Theo Marchetti"
    ]


def test_an_age_before_a_description_or_the_authors_own_child_is_no_patients_name():
    assert names("Consult: 72-year-old Caucasian male with chest pain, troponin pending.") == []
    assert names("Our 9-year-old Labrador retriever joined the therapy dog program.") == []
    assert names("My 6-year-old Oscar asked why I work on Christmas.") == []
    assert names("Notre fille de 7 ans, Jeanne, veut devenir médecin depuis la visite au bloc.") == []


def test_a_number_before_a_numbered_street_is_a_civic_number_not_an_age():
    text = "Les cliniques se tiennent au Centre des congrès de Granby, 41, 6e Rue, Granby. Aucun rendez-vous requis."
    assert names(text) == []


def test_a_name_then_an_age_is_still_a_patients_before_anything_but_a_street():
    assert names("Margot, 41, 6e grossesse, accouchée ce matin sans complication.") == ["Margot"]


def test_a_name_before_lake_or_river_names_a_place_or_a_nation():
    text = "I run the ER two nights a week and see patients from the Florence Lake First Nation on Wednesdays."
    assert names(text) == []
    assert names("Our outreach team visited patients at Gordon River clinic this week.") == []


def test_someone_sat_with_at_a_lake_is_still_a_patient():
    assert names("Yesterday I sat with Harold during his last hours, his window facing the lake.") == ["Harold"]


def test_the_owner_of_a_forgotten_health_card_or_wallet_is_named_after_de_in_french():
    text = "Carte d'assurance maladie de Paul Gendron oubliée à l'accueil hier soir. Il peut passer la récupérer."
    assert names(text) == ["Paul Gendron"]


def test_a_card_of_an_agency_or_a_drugs_prescription_names_no_one():
    assert names("Rappel : apportez votre carte d'assurance maladie de la RAMQ à chaque visite.") == []
    assert names("Votre carte d'assurance maladie de Québec doit être valide.") == []
    assert names("L'ordonnance de Tylenol doit être renouvelée chaque mois.") == []


def test_a_name_after_a_program_or_a_shift_at_is_the_hospital_named_after_a_person():
    text = "She fought for the interpreter program at Florence. Her patients have been leaving cards all week."
    assert names(text) == []


def test_a_patient_coming_back_to_clinic_is_still_named():
    # Found by the names model alone (0.73 against its threshold 0.606 since it reads the sentence's past tense and
    # day, `namemodel19`); no rule reads "came back to clinic" with a healed ulcer yet.
    assert names("Florence came back to clinic today, her ulcer finally healed after months of dressings.") == [
        "Florence"
    ]


def test_the_fifth_authors_names_are_mostly_found_and_no_clean_post_is_flagged_for_a_name():
    """Not yet the targets' 0.95 (left: quoted nicknames, names with no cue beside them); this keeps what is won."""
    posts = load("tune_author5.jsonl")
    labels = [(post, label) for post in posts for label in post["labels"] if label["category"] == Category.NAME]
    found = sum(
        any(f.category == Category.NAME and f.start < label["end"] and label["start"] < f.end for f in findings)
        for post, label in labels
        for findings in [scan({"body": post["text"]})]
    )
    clean_flagged = [
        post["id"]
        for post in posts
        if not post["labels"] and any(f.category == Category.NAME for f in scan({"body": post["text"]}))
    ]
    assert found / len(labels) >= 0.93
    assert clean_flagged == []
