"""Names told by habits of the twelfth and thirteenth authors' posts, each general to how clinicians write, with a
look-alike beside each that stays clean. The texts are ours, in other words than the corpus's."""

from .helpers import flagged

NAME = "name"


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == NAME]


# A person named by the kin word a family calls them, or as someone else's relative, is a patient's family.


def test_someone_elses_relative_is_named():
    assert "Kwame" in names("She went home on Friday with her uncle Kwame, who drove six hours to get her.")
    assert "Odile" in names("Le petit est reparti avec sa tante Odile, qui l'a veillé toute la nuit.")


def test_a_kin_word_used_as_a_title_names_the_person():
    assert "Marcel" in names("Tonton Marcel nous a apporté des samoussas pour toute l'équipe de nuit.")
    assert "Albert" in names("Pépère Albert a soufflé ses bougies dans la salle commune.")
    assert "Lena" in names("Auntie Lena brought the whole family in to say goodbye.")


def test_a_kin_title_after_a_kin_word_leads_to_the_name():
    assert "Afia" in names("Il est rentré au village sur le dos de sa grand-mère Mama Afia.")


def test_a_name_owning_a_relative_is_named():
    assert "Brayden" in names("Brayden's great-grandma crocheted blankets for the whole unit.")


def test_the_authors_own_family_or_a_brand_is_no_patients_relative():
    assert names("My uncle Gerald taught me to fish on Lac La Ronge.") == []
    assert names("Ma tatie Suzanne m'a appris à coudre.") == []
    assert names("We had Uncle Ben's rice for lunch on nights again.") == []


def test_a_relative_the_author_speaks_to_is_the_authors_own():
    assert names("No, I will not look at your mole at the barbecue, Auntie Carol.") == []


# A child told by what they are, then their name, is a patient; so is one called baby or little in a post about care.


def test_a_child_described_by_age_then_named_is_a_patient():
    assert "Kofi" in names("Outreach clinic, day 3: a 5-year-old named Kofi with an inguinal hernia, repaired at noon.")
    assert "Zoé" in names("Une fillette de 3 ans prénommée Zoé est arrivée aux urgences avec une fracture du coude.")


def test_a_child_called_little_in_a_post_about_care_is_a_patient_whatever_the_name():
    assert "Tuk" in names("Update from the ward: little Tuk finished his last round of chemo today.")


def test_a_title_or_an_animal_described_by_age_is_no_child():
    assert names("Our chemo day room plays Baby Shark on repeat, send help.") == []
    assert names("Meet our unit's therapy dog, a 4-year-old lab named Biscuit.") == []
    assert names("We had a 3-year-old named after his grandpa on the ward, a sweet kid.") == []


# A name as a label prints it, a quoted card's signature, a found thing's owner: each is a patient's.


def test_a_surname_in_capitals_then_a_given_name_before_a_record_is_a_patients():
    assert "BRASSARD, Lucie" in names('Alt text: a wristband on the cast reads "BRASSARD, Lucie 12/09/1975 CHUS".')
    assert "OKONJO, DAVID" in names('The PACS header shows "OKONJO, DAVID MRN 5521873" over the CT slice.')


def test_words_in_capitals_before_a_comma_are_no_label():
    assert names("NOTE, please read the handout 3 times before the exam.") == []


def test_a_quoted_card_signed_by_its_writers_names_them():
    found = names('Card on my desk: "You gave me my knees back. With love from Doreen & Walt Pelletier, Estevan."')
    assert "Doreen" in found and "Walt Pelletier" in found
    card = "Sur la carte : « Merci pour tout. Avec toute notre reconnaissance, Gérard Lavoie. »"
    assert "Gérard Lavoie" in names(card)


def test_thanks_in_the_authors_own_words_is_no_signature():
    assert names("Thanks, Dr. Amy, for the great rounds today.") == []


def test_a_found_thing_in_someones_name_names_its_owner():
    found = "Trouvé à la cafétéria : un étui à lunettes au nom de Rosaire Gagnon. À l'accueil."
    assert "Rosaire Gagnon" in names(found)


def test_on_behalf_of_an_organisation_is_no_owner():
    assert names("Au nom de Médecins Sans Frontières, merci. Retrouvé aussi : un parapluie noir.") == []


def test_a_found_thing_belonging_to_a_family_names_the_family():
    assert "Arsenault" in names("Found in the lobby: a blue car seat. I think it belongs to the Arsenault family.")
    assert "Haché" in names("Oublié en pédiatrie : un toutou. Je crois qu'il appartient à la famille Haché.")


def test_a_family_a_thing_belongs_to_without_a_found_thing_is_left_alone():
    assert names("The rink trophy belongs to the Gallant family this year, again.") == []
