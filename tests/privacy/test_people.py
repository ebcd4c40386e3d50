"""Patients and their relatives named in clinical context; colleagues and public figures are not patients."""

from tests.privacy.helpers import categories, flagged

# Names


def test_a_courtesy_title_and_a_surname_in_clinical_context_is_a_patients_name():
    assert flagged("My patient Mrs. Jones taught me about dignity.") == [("name", "Mrs. Jones")]
    assert flagged("La patiente Mme Tremblay nous a quittés paisiblement.") == [("name", "Mme Tremblay")]


def test_a_title_with_an_initial_is_a_name():
    assert ("name", "Mr. K") in flagged("Mr. K in bed 4 asks for the same nurse.")


def test_a_first_name_after_patient_is_a_name():
    assert flagged("Our patient Tom finally went home.") == [("name", "Tom")]


def test_a_relatives_name_is_flagged_but_the_authors_own_family_is_not():
    assert ("name", "Kayla") in flagged("The pt's daughter Kayla gave me a card today.")
    assert flagged("So proud of my daughter Emma, who started medical school today!") == []
    assert flagged("Aujourd'hui, mon mari Marc et moi fêtons nos 20 ans de mariage.") == []


def test_a_name_followed_by_an_age_is_a_name():
    assert ("name", "Jacob") in flagged("Jacob, 7, rang the bell today!")


def test_a_colleague_with_a_doctor_title_is_not_flagged():
    assert flagged("Congratulations to Dr. Patel, our new Chief of Medicine!") == []
    assert flagged("Félicitations au Dr Gagnon pour sa nomination!") == []


def test_a_public_figure_in_a_public_role_is_not_flagged():
    assert flagged("Thank you Minister Sylvia Jones for visiting our urgent care centre today.") == []
    assert flagged("@CBCNews Mr. Ford's government promised 50,000 new beds.") == []


def test_the_person_a_reply_is_addressed_to_is_not_a_patient():
    assert flagged("@MarkCarney Mr. Carney, health care needs to be in the next budget.") == []


def test_staff_named_with_their_role_are_not_patients():
    assert flagged("A big thank you to Ms. Rivera, our clinic manager, for her work.") == []


def test_a_title_in_the_name_of_a_club_or_award_is_not_a_patient():
    assert flagged("Mrs. Dalloway's Book Club meets Thursdays in the family room.") == []


# Dates


def test_a_date_of_birth_is_flagged_to_the_day():
    assert flagged("Her date of birth, July 8, 1952, was on the whiteboard.") == [("date", "July 8, 1952")]
    assert flagged("Né le 12 février 2019, ce petit a eu son congé hier.") == [("date", "12 février 2019")]


def test_a_date_of_care_is_flagged():
    assert flagged("She was admitted on the 3rd of May and still waits.") == [("date", "the 3rd of May")]


def test_an_events_date_is_not_flagged():
    assert flagged("Join us on Thursday, March 14 for research day.") == []
    assert flagged("La clinique sera fermée le lundi 2 septembre pour la fête du Travail.") == []


def test_a_colleagues_leave_is_not_a_date_of_care():
    assert flagged("La Dre Nguyen sera en congé à partir du 1er octobre. Ses patients seront vus par le Dr Wu.") == []


def test_a_year_alone_is_not_a_date():
    assert flagged("She was diagnosed in 2019 and is doing well.") == []


# Ages


def test_an_age_over_89_is_flagged_and_offers_over_90():
    findings = flagged("A lovely 96-year-old patient still drives to church.")
    assert findings == [("age", "96-year-old")]


def test_an_age_under_90_is_not_flagged():
    assert flagged("A lovely 86-year-old patient still drives to church.") == []


def test_an_age_group_in_a_statistic_is_not_flagged():
    assert flagged("Adults 90 and older make up 1.5% of the population.") == []
    assert flagged("Les personnes de 90 ans et plus représentent 1,4 % de la population.") == []


def test_an_age_said_with_a_pronoun_is_flagged():
    assert ("age", "100") in flagged("Her birthday is soon and she'll be 100.")


# Rooms


def test_a_bed_number_is_flagged():
    assert flagged("The patient in bed 9 asked for a priest.") == [("room", "bed 9")]


def test_a_room_tied_to_a_person_is_flagged_but_an_event_room_is_not():
    assert ("room", "Room 512") in flagged("Mr. Chen in Room 512 got his implant turned on.")
    assert flagged("Grand Rounds Wed at noon, Room 2B, pizza provided.") == []


# Encounter stories


def test_a_recent_local_encounter_with_a_described_patient_is_a_warning():
    assert categories("Today in our ER a 34-year-old woman from Kenora with sudden vision loss.") == {"encounter"}
    assert categories("Ce matin à l'urgence, une femme de 41 ans de Rimouski avec un infarctus.") == {"encounter"}


def test_a_teaching_case_without_time_or_place_is_not_an_encounter():
    assert flagged("Teaching case: a 45-year-old man presents with chest pain. First step?") == []


def test_a_memorial_names_a_patient():
    assert flagged("Remembering Walter, a veteran who spent his last weeks on our unit.") == [("name", "Walter")]


def test_a_first_name_with_a_relative_is_a_name():
    assert ("name", "Doreen") in flagged('Sticky note: "call Doreen\'s son back".')


def test_quoting_someone_famous_is_not_naming_a_patient():
    assert flagged("Comme le disait M. Rogers : cherchez ceux qui aident.") == []


def test_a_bed_in_a_simulation_lab_is_not_a_patients():
    assert flagged("@lukeRN the bed 4 joke was about a mannequin in sim lab.") == []


def test_a_french_courtesy_title_in_lower_case_still_names_a_patient():
    assert flagged("J'ai revu madame Tremblay ce matin.") == [("name", "madame Tremblay")]
    assert flagged("Merci madame la ministre.") == []


def test_a_patient_named_so_and_so_is_a_name():
    assert flagged("A patient named Rosalind taught me this.") == [("name", "Rosalind")]


def test_an_age_after_aged_or_a_centenarian_is_an_age():
    assert flagged("A woman aged 93 came in.") == [("age", "93")]
    assert flagged("Our centenarian patient danced today.") == [("age", "centenarian")]
    assert flagged("Patients aged 90 and over need care.") == []


def test_a_middle_initial_is_not_the_french_title_monsieur():
    assert flagged("Congrats to Dr. Sarah M. Lee on her CIHR grant!") == []
    assert flagged("Le fils de M. Lavoie m'a appelé pour dire merci.") == [("name", "M. Lavoie")]


def test_a_character_in_a_show_or_a_book_is_not_a_patient():
    assert flagged("Watching Mr. Bean with my kids tonight after a long call.") == []


def test_a_date_of_a_doctors_workload_or_a_program_deadline_is_not_a_date_of_care():
    assert flagged("Le Dr Gagnon était de garde le 24 décembre et a vu 60 patients.") == []
    assert flagged("Admission to the residency program closes on November 1. Apply now!") == []


def test_the_birth_date_of_the_first_baby_of_the_year_is_flagged():
    assert flagged("The first baby of the year was born at 00:04 on January 1!") == [("date", "January 1")]


def test_names_doing_what_patients_do_are_names_even_in_pairs():
    assert flagged("Ava and Ella went home, weighing just over 2 kg each.") == [("name", "Ava"), ("name", "Ella")]
    assert ("name", "Tyler") in flagged("Tyler is walking again after the crash.")


def test_an_age_given_as_at_93_she_is_an_age():
    assert ("age", "93") in flagged("She learned English at 70, and at 93 she was still teaching.")


def test_a_contraction_after_patient_is_not_a_name():
    assert flagged("On Monday a patient I've known for 15 years told me he was moving.") == []


def test_a_place_named_later_in_the_sentence_does_not_make_an_encounter():
    assert flagged("J'ai failli publier la photo d'une patiente ce matin, prise près du Lac.") == []


def test_a_first_name_from_the_list_makes_a_room_someones():
    assert ("room", "Room 6") in flagged("Jeremy from Room 6 beat me at chess again.")
    assert flagged("The rose garden by Room 6 is lovely this week.") == []
