"""False alarms the fourteenth and fifteenth authors' posts showed (fa21), each written as the habit behind it with a
veto in principle (privacy.public_roles, ``fa21_`` names) and a look-alike patient beside it who is still flagged.
The sentences are our own words, not the corpora's, in both languages."""

from privacy import public_roles
from privacy.base import Category, Hit, Text

from .helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for found_category, excerpt in flagged(text) if found_category == category]


def kept_by_the_vetoes(text: str, name: str, language: str = "en") -> bool:
    """Whether a name found by any rule survives the public-roles pass: the look-alikes below are found only by the
    names model, whose threshold moves with each retraining, so what they pin is that no veto drops them."""
    start = text.index(name)
    hit = Hit(Category.NAME, start, start + len(name), "name", None)
    return public_roles.vetoed(Text(text, language), [hit]) == [hit]


# A town someone comes from, read by how one comes from it.


def test_a_town_one_is_transferred_or_comes_from_is_a_town():
    assert found("Call the tertiary centre early: a transfer from Florence in a blizzard can take a day.", "name") == []
    assert found("A trucker in his fifties from Marion rolled his rig on the highway last night.", "name") == []
    assert found("Yvonne from Shelby, 39, waited nine months for her first consult.", "name") == ["Yvonne"]


def test_a_town_in_brackets_after_a_name_is_a_town():
    assert found("Race day: Kyle Brandt (motocross, from Montana) broke his wrist in heat two.", "name") == [
        "Kyle Brandt"
    ]


def test_someone_a_thing_comes_from_is_still_a_person():
    assert kept_by_the_vetoes("A card from Pauline arrived on the ward after her discharge from our unit.", "Pauline")
    assert found("The idea came from Gemma, who was admitted with sepsis last week.", "name") != []


# A town naming the place after it; a place's compound name before « de » and a town.


def test_a_town_before_a_clinic_is_a_town():
    assert found("Things my patients at the Florence prenatal clinic taught me: batch appointments.", "name") == []


def test_a_town_after_a_hyphenated_institution_is_a_town():
    notice = "Notre clinique déménage à l'Hôtel-Dieu de Florence le 4 janvier. Apportez votre carte."
    assert found(notice, "name") == []


# A street said by its name alone after a shop.


def test_a_street_said_alone_after_a_shop_is_a_street():
    assert found("His insulin was never picked up at the Shoppers Drug Mart on Melvin, Rx 551203.", "name") == []
    assert found("Le pharmacien de la pharmacie sur Florence a rappelé pour l'ordonnance.", "name") == []


def test_a_device_put_on_someone_is_still_theirs():
    assert found("The Holter Monitor on Melvin Pike came back clean; he was admitted Tuesday.", "name") != []


# A run of capitalised words written again as a hashtag is a place or a topic.


def test_a_run_written_as_a_hashtag_is_a_place():
    post = "Swift Current, a case I teach every year. Her grandson Tyler Current drove her in. #SwiftCurrent"
    assert found(post, "name") == ["Tyler Current"]


# A name found again only where a vetoed finding used the word.


def test_an_echo_of_a_place_is_the_places():
    post = "Join us at the Okanagan College Theatre. Supported by a grant from UBC Okanagan Faculty of Medicine."
    assert found(post, "name") == []


# Eponyms and germs.


def test_an_anatomical_eponym_is_no_one():
    case = "Mme Roy, traitée par fluoroquinolone, revient avec une rupture du tendon d'Achille."
    assert found(case, "name") == ["Mme Roy"]
    assert found("Signs of Parkinson disease can start years before the tremor.", "name") == []


def test_a_germ_is_no_ones_initial():
    assert found("Pt J.M., 91 ans, en isolement pour un C. difficile.", "name") == ["J.M."]
    assert found("Three cases of E. coli on the ward this week.", "name") == []


def test_the_owner_of_an_insurance_card_is_still_named():
    assert found("Carte d'assurance maladie de Paul Gendron oubliée à l'accueil.", "name") == ["Paul Gendron"]


def test_someones_own_illness_by_first_name_is_still_theirs():
    text = "La maladie de Marie a commencé après son accouchement, elle a été hospitalisée."
    assert kept_by_the_vetoes(text, "Marie", "fr")


# Things and words of no one.


def test_a_number_word_opening_a_sentence_is_no_one():
    assert found("Five kids with bike fractures in one Sunday clinic this week.", "name") == []


def test_a_street_by_its_abbreviation_is_a_street():
    assert found("Overdose reversal at the corner of Barton Ave and 3rd St today, a man in his 30s.", "name") == []


def test_a_saint_before_a_name_is_no_street():
    assert found("Mr. Pike, 88, from St. Mary's Road was admitted. His son Tom St. Pierre called.", "name") != []


def test_a_machine_counted_with_an_article_is_a_thing():
    story = "Grandpa Moe, 93, said he'd outlived two wives and a John Deere. He went home on day 8."
    assert "John Deere" not in found(story, "name") and "Deere" not in found(story, "name")


def test_a_letters_sign_off_is_no_one():
    assert "Love" not in found('The card read: "Thank you for the twins. Love, the Okafors."', "name")


def test_a_month_with_its_day_is_no_name():
    assert found("Baby boy Dec 14, 3.6 kg, and mum is doing great.", "name") == []


def test_a_cards_name_is_no_one():
    assert "Vitale" not in found("Sa carte Vitale trainait encore sur mon bureau après la consultation.", "name")


# Places by their words.


def test_a_venue_is_a_place():
    assert found("Skills day, Sat Feb 6, Regional Simulation Lab, 1475 Elm St. 12 seats.", "name") == []
    assert found("The clinic will run Monday mornings at the Polyclinic, 199 Grafton Street.", "name") == []


def test_an_initial_inside_a_building_named_for_someone_is_the_buildings():
    assert found("Training Thursday, noon, Room 2.110, Harriet M. Stone Building. Bring your lunch.", "name") == []
    assert found("Seminar in the Abbie J. Lane Building, room 3.102, at noon.", "name") == []
    assert found("Mr. Pike, 88, was admitted. His son Tom J. Pike called.", "name") != []


def test_a_name_hyphenated_with_a_particle_is_a_place():
    assert found("Bienvenue à Jade, née à Paule-de-Viguier, 3,410 kg !", "name") == ["Jade"]


# Care staff named after their role, a workplace and a list.


def test_staff_listed_after_their_role_and_workplace_are_staff():
    thanks = "Merci aux deux nouvelles sages-femmes de la Maison de naissance, Lucie Orme et Karine Bujold."
    assert found(thanks, "name") == []
    assert found("Elle a pris le sein avec l'aide de la consultante en lactation Lucie Orme.", "name") == []


def test_a_patient_who_is_a_midwife_is_still_a_patient():
    assert found("Notre patiente, une sage-femme, Lucie Orme, a été admise hier.", "name") != []


# A colleague mourned: the family in the obituary and the colleague's possessive.


def test_the_family_of_a_doctor_mourned_is_public():
    eulogy = (
        'I gave the eulogy today for Dr. Walter Ng, who died at home at 87. Nurses still call it "Walter\'s closet". '
        "His wife Margaret and his sons Andrew and Peter asked that donations go to the hospital foundation."
    )
    assert found(eulogy, "name") == []


def test_the_children_of_a_doctor_mourned_are_public_in_french_too():
    tribute = (
        "Hommage à la Dre Louise Caron, décédée la semaine dernière. Ses enfants Julie et Marc invitent ses anciens "
        "collègues aux funérailles."
    )
    assert found(tribute, "name") == []


def test_a_patients_family_is_still_flagged_when_a_doctor_is_thanked():
    post = (
        "Mme Cormier est décédée cet automne, chez elle. Sa fille Ghislaine nous a apporté de la confiture. "
        "Merci à la Dre Audrey Turbide."
    )
    assert "Ghislaine" in found(post, "name")


def test_a_colleagues_death_day_in_a_tribute_is_public():
    tribute = (
        "Merci à ceux qui ont rendu hommage à la Dre Anne Pépin. Médecin à Matane pendant 38 ans, elle est "
        "décédée dimanche à 81 ans."
    )
    assert found(tribute, "date") == []


# Dates left vague on purpose.


def test_a_month_left_vague_in_a_teaching_case_is_no_date():
    assert found("Cas d'enseignement. Une nuit de février, un homme de 58 ans arrive pour une douleur.", "date") == []
    assert found("One night in February, a man in his fifties came in with chest pain.", "date") == []


def test_a_night_with_its_day_is_still_a_date():
    assert found("Dans la nuit du 3 février, M. Roy est arrivé pour une douleur thoracique.", "date") != []


# A service's own contacts.


def test_a_fax_number_is_an_offices():
    assert found("Oui, on reçoit les demandes ! Par télécopieur au 418-555-0199.", "phone") == []
    assert found("Referrals by fax to 902-555-0199, no clinical details by e-mail.", "phone") == []


def test_the_line_of_a_role_on_call_is_the_services():
    notice = "Pour les cas urgents, appelez l'infectiologue de garde via la téléphoniste au 819-555-0199."
    assert found(notice, "phone") == []


def test_a_relatives_number_is_still_flagged():
    assert found("Pour les nouvelles, appelez sa fille Josée au 819-555-0199.", "phone") != []


def test_the_address_a_clinic_moves_to_is_the_clinics():
    notice = "La clinique d'infectiologie déménage au 580, rue Bowen Sud, Sherbrooke (Québec) J1G 2E8, le 11 janvier."
    assert found(notice, "postal_code") == []


# Wards of no patient.


def test_a_ward_where_a_thing_was_left_is_no_ones_room():
    assert found("Lost and found: a CPAP machine left on 6 North. Call the unit.", "room") == []


def test_a_wards_team_doing_something_for_one_patient_keeps_the_ward_a_room():
    assert found("Toute l'équipe du 6e Nord lui a fait une haie d'honneur à sa sortie.", "room") != []


def test_a_patients_bed_is_still_a_room():
    assert found("Mr. Pike, 88, is in room 412 on 6 North since Sunday.", "room") != []


# Advice that is none.


def test_a_question_listed_as_a_topic_is_no_advice():
    description = (
        "In this video I go through what I hear every week: leaking, heaviness, when you can start running again."
    )
    assert found(description, "medical_advice") == []


def test_what_a_commenter_should_do_on_the_page_is_no_advice():
    reply = "Les charlatans devraient avoir honte, et vous devriez arrêter de les défendre sur ma page."
    assert found(reply, "medical_advice") == []
