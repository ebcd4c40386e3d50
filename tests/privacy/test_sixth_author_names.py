"""Names the sixth author's posts showed the guard mistaking or missing, each habit with a look-alike that is
still flagged. The sentences are written here, in words of their own, not taken from the corpora."""

from .helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_a_colleague_named_by_the_desk_they_work_at_is_no_patient():
    assert (
        names("Big thanks to Darlene at the front desk, who rebooked forty appointments in the storm. Hero, Darlene.")
        == []
    )
    assert names("Merci à Josiane à l'accueil, qui a rappelé tous nos patients du lundi. Tu es géniale, Josiane.") == []


def test_a_patient_met_at_the_front_desk_is_still_a_patient():
    assert (
        names("Darlene Whitcombe, 58, collapsed at the front desk while checking in for her chemo; we coded her.") != []
    )


def test_an_interpreter_or_a_clerk_named_with_their_role_is_a_colleague():
    assert names("Thank you to Nellie Tukkiapik, our interpreter, who made every visit of this trip possible.") == []
    assert names("Merci à Mme Huguette Lacasse, notre agente administrative, pour l'horaire des vaccins.") == []


def test_a_patient_who_needed_an_interpreter_is_still_a_patient():
    assert names("Nellie Tukkiapik, 71, was admitted with sepsis; we needed an interpreter for the consent.") != []


def test_a_doctors_hyphenated_name_stays_a_colleagues_name_in_each_of_its_parts():
    assert (
        names("Farewell to our colleague Dr Paul-Aimé Bastarache, who ran the clinic for 30 years. Merci, Paul-Aimé.")
        == []
    )
    assert names("Congrats to Dr. Yara Lindqvist-Haddad, named teacher of the year. Haddad family, be proud!") == []


def test_a_patients_hyphenated_name_is_still_flagged():
    assert names("Jean-Aimé Bastarache, 67, came in with crushing chest pain; we took him straight to the cath lab.")


def test_a_room_named_like_a_person_is_a_place():
    assert names("The talk was filmed in the Bradley Studio, room 2-140, thanks to our AV team.") == []


def test_a_colleagues_relative_stays_the_colleagues_after_other_colleagues_are_named():
    assert (
        names(
            "Bravo à la Dre Anne-Sophie Gravel, qui a lancé la clinique avec l'aide de l'infirmière Line Boucher. "
            "Elle recevra le prix en mars. Son fils Mathis, 7 ans, sera de la fête."
        )
        == []
    )


def test_a_patients_relative_is_still_flagged():
    assert names("Le patient de la chambre 4 est décédé cette nuit. Son fils Mathis était à son chevet.") != []


def test_members_picked_out_of_a_team_are_colleagues():
    assert (
        names(
            "Thank you to the wound care nurses on our third floor, especially Tamsin Greer and Ola Bakare, who "
            "trained every new grad this fall."
        )
        == []
    )
    assert names("Merci aux préposées de l'unité 5, notamment Ginette Lavoie, pour leur patience.") == []


def test_an_honour_after_named_is_no_name_given():
    assert names("Our patient navigator program lead has been named Manitoba's Nurse of the Year!") == []
    assert names("Dr. Ruiz was named Family Physician of the Year by the college; her patients are thrilled.") == []


def test_a_patient_named_in_a_story_is_still_flagged():
    assert names("A patient named Rosalind came in with her third fall this month.") == ["Rosalind"]


def test_a_community_reached_by_outreach_is_a_place():
    assert names("She started the outreach visits to Stanley Mission and still runs the patient clinic there.") == []


def test_a_relative_a_generation_further_on_is_named_like_any_relative():
    assert names("Mrs. Abbott, 97, came in with pneumonia. Her great-grandson Tobias read to her every night.") == [
        "Mrs. Abbott",
        "Tobias",
    ]
    assert "Noé" in names("Mme Gendron, 98 ans, est hospitalisée pour une chute. Son arrière-petit-fils Noé la visite.")


def test_the_authors_own_great_niece_stays_out_of_a_post_about_care():
    assert names("My great-niece Tilly starts nursing school on Monday. So proud!") == []


def test_a_nickname_friends_use_or_the_patient_asked_for_is_a_name():
    assert "Coco" in names(
        "Pédiatrie : un garçon de 9 ans, que ses amis appellent « Coco », est amené à l'urgence pour une fracture."
    )
    assert "Pitchoune" in names(
        "Psychiatrie : « Pitchoune », comme elle veut qu'on l'appelle, a été hospitalisée hier."
    )
    assert "Buddy" in names('Mr. Reginald "Buddy" Oakes, admitted with a hip fracture, asked for his radio.')


def test_a_doctors_nickname_inside_the_name_is_a_colleagues():
    assert names('Happy retirement to Dr. Josephine "Jo" Abernathy, our first chief of obstetrics.') == []


def test_a_colleague_with_a_french_managers_role_is_no_patient():
    assert names("Merci à Mme Odile Terrasson, cadre de santé, qui a organisé la visite des familles.") == []


def test_a_hospice_or_an_emergency_named_after_a_person_or_a_town_is_a_place():
    assert names("Elle est décédée paisiblement à la Maison Marie-Hélène, entourée des siens.") == []
    assert names("Le patient est arrivé à l'urgence de Caroline vers minuit avec une douleur thoracique.") == []


def test_a_name_in_capitals_as_a_tracking_board_prints_it_is_a_patients():
    assert names("Photo of the tracking board with K. OYELARAN visible went around. Never photograph the board.") == [
        "K. OYELARAN"
    ]
    assert names("Sur le tableau : TREMBLAY, J. en civière 4. Pas de photos svp.") == ["TREMBLAY, J."]


def test_an_initial_before_an_acronym_on_a_board_is_no_name():
    assert names("The screen showed J. CDC guidance before the NICU board meeting.") == []


def test_a_nickname_asked_for_by_a_resident_of_a_french_nursing_home_is_a_patients():
    assert "Nénette" in names("Semaine en EHPAD : Mme Ernestine Vidal m'a demandé de l'appeler « Nénette ».")


def test_a_nickname_outside_any_care_stays_clean():
    assert names("Ma tante m'a demandé de l'appeler « Nénette » au mariage.") == []


def test_a_units_acronym_before_a_bed_is_no_name_but_a_first_name_there_is():
    assert names("She spent two days in our NICU in bed 6 before going home.") == []
    assert names("Jeremy in bed 6 finally went home after two days in our NICU.") == ["Jeremy"]


def test_a_mother_called_maman_or_mom_in_a_birth_story_is_a_patient():
    assert "Lyne Ouellet" in names("Garde : petit Loïc est né à 3 h dans la salle 2. Maman Lyne Ouellet a tout fait.")
    assert "Tessa" in names("Baby Theo was born at 2 a.m. on our unit. Mom Tessa pushed for twenty minutes.")


def test_the_authors_own_mother_called_maman_outside_a_birth_is_no_patient():
    assert names("Maman Louise aurait adoré cette journée. Elle me manque.") == []
