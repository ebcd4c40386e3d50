"""Names the fourteenth and fifteenth authors' posts showed the guard missing, by habits of writing that recur across
authors (a thing that belongs to someone, a person described then named, a fundraiser's link, a newborn's cot label,
a family signing a card, a name joined to a patient's), each beside a look-alike that stays clean. The sentences are
written here, in words of their own, not taken from the corpora."""

import pytest

from .helpers import flagged
from .test_sixth_to_ninth_author_names_figures import _names_figures


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_a_thing_that_belongs_to_someone_names_its_owner():
    assert "Lorna Becker" in names("The hearing aid found under bed 9 belongs to Lorna Becker; it is at the desk.")
    assert "Josée Gagnon" in names("La canne oubliée à l'accueil appartient à Josée Gagnon, elle passera la chercher.")


def test_an_unknown_first_name_is_an_owners_when_told_where_they_are_from():
    assert "Tibby" in names('A volunteer knew the dog: "That one belongs to Tibby from the camp by the river."')


def test_what_belongs_to_a_company_or_a_province_names_no_one():
    assert names("The patent belongs to Medtronic and the land belongs to Alberta.") == []


def test_someone_described_then_named_in_full_between_commas_is_the_patient():
    described = "Last night in the ER: a hiker from Manitoba with a crushed hand, Dennis Kowal, needed the OR."
    assert "Dennis Kowal" in names(described)
    assert "Rosa Medina" in names("Le cas du mois : une cueilleuse de 41 ans, Rosa Medina, avec une morsure de tique.")


def test_a_first_name_then_who_they_are_is_a_patients_name():
    assert "Martin" in names("Content de revoir Martin, le jeune pêcheur du port, opéré de l'appendice en mai.")
    assert "Ti-Paul" in names("Urgence, 2 h du matin : Ti-Paul, le gars du garage, encore une coupure à la main.")
    assert "Louise" in names("Thank you to Louise, Mr. Arsenault's daughter, for the cookies left on the ward.")


def test_a_colleague_then_their_role_is_no_patient():
    assert names("Merci à Martin, le physiothérapeute de l'étage, pour la formation.") == []


def test_a_name_spelled_by_a_fundraisers_link_is_the_person_it_helps():
    thread = (
        "His cousin started a page, gofundme.com/f/uncle-bertie-burn-rehab, for the flights. "
        "Uncle Bertie is walking again."
    )
    assert "Uncle Bertie" in names(thread)
    assert "Sofiane" in names("La cagnotte leetchi.com/c/soutien-sofiane-m tourne. Sofiane sort de réa demain.")


def test_a_month_a_link_happens_to_spell_is_no_name():
    assert "June" not in names("Donate at gofundme.com/f/june-walk-for-alz. The walk is in June at the park.")


def test_a_newborns_cot_label_is_a_name():
    assert "Baby Girl Doucette" in names('The cot card read "Baby Girl Doucette" and a date; cropped before posting.')
    assert "Bébé garçon Thibodeau" in names("L'étiquette de l'incubateur disait « Bébé garçon Thibodeau ».")


def test_a_player_named_by_jersey_with_the_school_is_one_child():
    assert "#12 on the Bantam A team" in names(
        "Last week, #12 on the Bantam A team, a grade 8 at Ridgeview School, played on with a concussion."
    )
    assert "Jayden Brooks" in names("Then #4, Jayden Brooks, came off the ice holding his wrist. X-ray booked.")


def test_a_jersey_without_a_school_is_many_players_over_the_years():
    assert names("The hit on #7 on the Red Deer team was the turning point of the hockey game.") == []


def test_a_boat_named_for_its_owners_family_names_them():
    assert "Anne-Marie L." in names("Gilles, 61 ans, capitaine du Anne-Marie L., s'est coupé au treuil en mai.")


def test_a_patients_pet_named_in_quotes_is_a_name():
    assert "Filou" in names("Les ambulanciers ont confié le chat d'une patiente, « Filou », à sa voisine.")


def test_a_name_read_off_a_workers_badge_is_flagged():
    assert "J. Whitford" in names('She came in still in her scrubs from the plant, badge reading: "J. Whitford".')


def test_a_full_names_body_part_is_a_patients():
    assert "Dana Whitford" in names("Photo: the post-op X-ray of Dana Whitford's pinned wrist, cropped now.")


def test_a_reply_closing_on_a_first_name_before_an_emoji_speaks_to_a_patient():
    assert "Brittany" in names("Please don't post your beta numbers here, Brittany 🙈 but congratulations!")


def test_a_first_name_before_an_emoji_in_a_thanks_to_staff_is_no_patient():
    assert names("Big thanks to the night crew for the pizza, Brittany 🙏") == []


def test_a_family_signing_a_quoted_card_by_surname_is_named():
    card = 'The card said: "Thank you for bringing Noah home. Love, the Abernathys." It is on the fridge.'
    assert "the Abernathys" in names(card)


def test_a_team_in_the_authors_own_words_is_no_family():
    assert names("Great game tonight. Love, the Oilers fan in bed 4.") == []


def test_a_first_name_joined_to_a_patients_is_named_too():
    found = names("Baby Lucas arrived at 4 a.m. Congratulations to Mrs. Renaud and Thierry!")
    assert "Thierry" in found


def test_a_firms_suffix_or_a_room_joined_to_a_name_is_no_one():
    assert "Fils" not in names("Mme Haché tenait la quincaillerie Haché et Fils avant sa chute.")


def test_a_family_thanked_for_letting_the_story_be_told_is_the_patients():
    assert "Lemieux" in names("Merci à la famille Lemieux qui m'a permis de raconter l'histoire de leur fils.")


def test_a_family_thanked_as_donors_is_still_no_patients():
    assert names("Merci à la famille Lemieux pour le don d'un moniteur à l'unité.") == []


def test_what_a_patient_told_the_author_is_no_public_statement():
    assert "Mme Fortier-Roy" in names("Sa fille, Mme Fortier-Roy, m'a dit en sortant qu'elle reviendrait lundi.")


def test_what_a_minister_said_is_still_a_public_statement():
    assert names("Le ministre, M. Caron, a dit en conférence de presse que tout allait bien.") == []


def test_a_patients_parent_named_after_the_kin_word_is_a_relative():
    assert "Omar Haddad" in names("A 9-year-old girl came in with a limp. Her dad, Omar Haddad, asked me to share it.")
    assert "Nadia" in names("Une ado de 14 ans, opérée hier. Sa mère Nadia m'a écrit ce matin pour dire merci.")


def test_a_parent_in_a_post_about_a_colleague_is_still_the_colleagues():
    post = "Farewell to Dr. Alan Pike, who ran our ICU for 30 years. His mother Ruth flew in for the party."
    assert names(post) == []


def test_a_relative_named_after_the_one_they_are_kin_to_is_flagged():
    assert "Julien" in names("Pour l'équipe : le fils de Mme Arsenault, Julien, passera chercher ses lunettes.")


def test_a_patient_remembered_at_death_by_first_name_is_named():
    assert "Ellie" in names("Rest easy, Ellie. You taught our whole ward to laugh through chemo. 🕊️")
    assert "Tayla" in names("Fly high, Tayla. 2019 – 2026. Room 4 will never be as loud again.")


def test_a_farewell_to_a_place_or_a_thing_names_no_one():
    assert names("Rest easy, old pager. Thirty years of 3 a.m. calls are over.") == []


def test_a_child_called_little_at_a_sentences_start_is_named():
    thread = "1/ Medevac night. 2/ Little Amka flew out at 2 a.m. with her mom. 3/ Amka is home now."
    assert "Amka" in names(thread)


def test_a_title_called_little_at_a_sentences_start_is_no_child():
    assert names("Little Women is on at the hospital cinema night. Bring popcorn.") == []


def test_the_one_a_fundraiser_is_held_for_is_named():
    assert "Owen" in names("Owen's bottle drive is Saturday at the rink; his mom says thanks to the whole unit.")
    assert "Samuel Arsenault" in names("La cagnotte pour Samuel Arsenault a dépassé 10 000 $. Merci à tous.")


def test_a_fundraiser_for_a_cause_names_no_one():
    assert names("The fundraiser for Cancer Care raised $4,000 this year. Thanks, everyone!") == []


def test_a_patients_classmate_in_hospital_is_named():
    found = names("Grade 5 made a banner for their classmate Liam Cormier, who is in hospital this month.")
    assert "Liam Cormier" in found


def test_a_friend_named_without_a_stay_in_hospital_is_no_patient():
    assert names("Our friend Jake from the radio station came to read stories to the kids.") == []


def test_a_name_read_off_a_parcels_label_is_flagged():
    assert "R. Okimaw" in names('Alt text: a parcel on my desk, moccasins inside. Return label: "R. Okimaw, Box 12".')
    assert "Famille Le Goff" not in names("Bienvenue à la Famille Le Goff au concert de Noël.")


def test_a_relative_of_a_child_told_not_named_is_flagged():
    assert "Maïwenn" in names("Appel de la tante du petit de Sein, Maïwenn, au secrétariat : il a repris l'école.")


# The two parts' names, pinned where this round left them with the three models retrained on fifteen authors
# (before: 0.874 and 0.889 found; after: 0.989 and 1.000, with 1 and 0 clean posts flagged for a name: a colleague's
# eulogy whose first name the names model still reads as a patient's). Refitted on sixty-two authors (sixteenth
# session, threshold 0.543 where it was 0.5), the names model no longer reads the initial of "So proud of you, T." nor
# "Tyler" of "Congrats Jess and Tyler" (a newborn's parents) as names: 0.979 and 0.981.
@pytest.mark.parametrize(
    ("part", "most_clean_flagged", "least_recall"),
    [("tune_author14.jsonl", 1, 0.97), ("tune_author15.jsonl", 0, 0.98)],
)
def test_the_fourteenth_and_fifteenth_authors_names_are_found(part, most_clean_flagged, least_recall):
    clean_flagged, recall = _names_figures(part)
    assert clean_flagged <= most_clean_flagged
    assert recall >= least_recall
