"""Names the sixteenth and seventeenth authors' posts showed the guard missing or raising wrongly, by habits of
writing that recur across authors: a name written on the body or a thing, a reader addressed by first name, a couple
by its shared title, a family or a home by its surname, a full name with its postal code, a relative whose job is
told; and places, venues and a public figure's death read as names. Each beside a look-alike that stays clean. The
sentences are written here, in words of their own, not taken from the corpora."""

from .helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_a_first_name_in_quotes_in_a_tattoos_lettering_is_someones():
    assert "Camille" in names('Laser session 4: the rose with "Camille" in cursive lettering on her wrist is fading.')
    assert "Nathan" in names("Le cœur avec « Nathan » écrit en dessous, sur l'épaule, part bien au laser.")


def test_a_first_name_in_a_cakes_wish_is_someones():
    assert "Doris" in names('The cake said "Happy 80th Doris!" and the whole dialysis unit sang for her.')
    assert "Ginette" in names("Le gâteau disait « Bon anniversaire Ginette » et toute l'unité a chanté.")


def test_a_cakes_wish_for_a_holiday_or_a_star_on_a_shirt_names_no_patient():
    assert names('The staff cake said "Happy Holidays" and "Merry Christmas" in blue icing.') == []
    assert names('Her shirt read "Taylor Swift" in glitter letters at the vaccine clinic.') == []


def test_a_quoted_title_with_no_lettering_names_no_one():
    assert names('We watched "Frozen" with the kids during the flu clinic.') == []
    assert names('Our clinic jersey says "Team Derm" on the back; join us for the 5k run.') == []


def test_a_reader_addressed_by_first_name_in_a_post_about_their_care_is_named():
    assert "Jordan" in names("Mole check follow-up for a teen. Jordan, you were so brave during the biopsy.")
    assert "Élodie" in names("Suivi de votre biopsie : tout est bénin. Élodie, vous pouvez souffler.")


def test_a_word_before_a_comma_and_you_is_no_reader_unless_a_first_name():
    assert names("Dialysis teaching: Remember, you need your fistula checked at every run.") == []


def test_a_couple_by_its_shared_title_is_named_after_a_french_preposition():
    assert "M. et Mme Le Goff" in names("Pour M. et Mme Le Goff, qui partent au Mali : vos carnets sont prêts.")
    assert "Mme et M. Lefebvre" in names("Mme et M. Lefebvre étaient présents à la consultation de voyage.")
    assert "Mr. and Mrs. Kowalski" in names("Mr. and Mrs. Kowalski, your passports are at the travel clinic desk.")


def test_a_family_or_home_named_by_its_surname_in_a_post_about_care():
    assert "Okemow" in names("Dialysis update: the Okemow family drove the patient down for his fistula surgery.")
    assert "Bouchard" in names("Hier, chez les Bouchard, la mère du patient diabétique nous a reçus à domicile.")
    assert "Keeshig" in names("The home dialysis machine at the Keeshig home has run 300 treatments for the patient.")


def test_a_family_named_as_a_donor_stays_clean():
    assert names("The Tremblay family donated a new recliner to the dialysis unit. Thank you!") == []


def test_a_full_name_with_a_postal_code_is_that_persons():
    assert "Gilles Morin" in names("Demandez à Gilles Morin, de G0X 2B0, qui a dormi dans son camion à -25.")


def test_a_relatives_job_makes_no_colleague_of_them_and_they_come_back_by_name():
    text = (
        "1/ Greffe rénale de M. Weber. / 2/ Sa sœur Claire, infirmière à Colmar, a donné son rein. / "
        "3/ Claire, on vous doit tout."
    )
    assert names(text).count("Claire") == 2


def test_a_name_spoken_to_by_the_team_is_no_member_of_it():
    thread = "1/ Run with Mr. Okoro in bed 3. / 2/ Mr. Okoro, the nurses want you to know they saved you a coffee."
    assert names(thread).count("Mr. Okoro") == 2
    assert "Mme Roy" in names("Mme Roy, les infirmières vous embrassent et vous attendent lundi pour la dialyse.")


def test_a_name_with_the_nurse_they_are_stays_a_colleague():
    assert names("Thanks to Gail Brown, the nurse who runs our flu clinic.") == []


def test_lakes_regions_and_joined_towns_are_places():
    assert names("Flu clinic this Saturday at the Sandy Point community hall. Bring your card.") == []
    assert names("Vaccination en Gaspésie : les cliniques ouvrent lundi.") == []
    assert names("She started the outreach visits to Stanley Mission and still coaches U11 hockey.") == []
    assert names("Dialysis chairs are coming to Norman Landing and Grace Cove next spring.") == []
    found = names("Un patient frontalier de Frankfurt am Main, M. Vogel, nous écrit pour sa greffe.")
    assert "Frankfurt" not in found and "Main" not in found and "M. Vogel" in found


def test_a_town_after_an_age_is_where_they_live_not_a_name():
    found = names("A Mohs walk-through with Ada Lindqvist, 88, of Arnprior, filmed with her consent.")
    assert "Arnprior" not in found


def test_hotels_and_conferences_are_venues():
    assert names("Derm Update 2027, Feb 20, Delta Ottawa City Centre, room B. Register online.") == []
    assert names("Kingston Skin Cancer Update, March 3, Marriott Kingston Waterfront. Register online.") == []


def test_a_public_figures_death_told_as_a_fact_names_no_patient():
    assert names("Teaching point: Jim Thompson died of melanoma at 52. Check your skin.") == []
    assert names("Amy Winehouse died of alcohol poisoning at 27; ask your patients about binge drinking.") == []
    assert names("Steve Jobs est mort d'un cancer du pancréas à 56 ans.") == []


def test_a_patients_death_with_the_author_in_the_sentence_stays_named():
    assert "Jim Thompson" in names("My patient Jim Thompson died of metastatic melanoma at 52 last week.")
    assert "Gladys" in names("Gladys died at home at 97, with her dog on the bed. We will miss her visits.")
