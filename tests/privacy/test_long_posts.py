"""Long posts: a patient named in one sentence and cared for in the next, named again later by first name,
while the colleagues, staff and public figures around them stay unflagged."""

from tests.privacy.helpers import categories, flagged

# Names across sentences


def test_a_name_before_the_sentence_that_calls_her_a_patient_is_a_patients_name():
    text = (
        "Some of you knew Margaret Kowalczyk, who volunteered at the library every Thursday. "
        "She was also my patient for eleven years, and her daughter asked me to say a few words."
    )
    assert ("name", "Margaret Kowalczyk") in flagged(text)


def test_a_relatives_first_name_in_the_sentence_after_the_care_is_flagged():
    text = (
        "With the family's permission, a few words. We arranged palliative care at home, and his grandson "
        "moved in to help. Erik sat with him every evening and read him the marine forecast."
    )
    assert ("name", "Erik") in flagged(text)


def test_a_name_is_flagged_again_wherever_it_comes_back_by_first_name_or_surname():
    text = (
        "A patient of ours, Gordon Ashby, had an early melanoma, removed the following week. "
        "Gordon came back yesterday with doughnuts. Thank you, Mr. Ashby."
    )
    names = [excerpt for category, excerpt in flagged(text) if category == "name"]
    assert names.count("Gordon") == 1
    assert "Gordon Ashby" in names
    assert any("Ashby" in name for name in names if name != "Gordon Ashby")


def test_a_french_patient_story_flags_the_name_and_its_return():
    text = (
        "Avec l'accord de sa famille, je vous parle de Réjean Cloutier. Il avait un mélanome précoce, "
        "retiré à temps. Réjean nous a apporté des beignes hier."
    )
    assert [excerpt for category, excerpt in flagged(text) if category == "name"] == ["Réjean Cloutier", "Réjean"]


def test_a_family_named_by_its_surname_next_to_the_hospital_is_flagged():
    assert ("name", "Beaulieu") in flagged(
        "Many of you asked how to help the Beaulieu family. I can't share medical details, "
        "but their youngest is still at the children's hospital."
    )
    assert ("name", "Gauthier") in flagged(
        "Plusieurs m'ont demandé comment aider la famille Gauthier. Je ne peux rien dire de médical, "
        "mais leur plus jeune est toujours à l'hôpital."
    )


def test_a_name_said_outright_in_a_care_story_is_flagged():
    assert ("name", "Loretta Sinclair") in flagged(
        "She asked me to share her story so other grandmas get their blood pressure checked at the clinic: "
        "her name is Loretta Sinclair."
    )
    assert ("name", "Rolande Paquette") in flagged(
        "Sa pression était à 210 à la clinique. Elle m'a demandé de publier son nom : elle s'appelle Rolande Paquette."
    )


def test_a_name_beside_a_bed_or_a_date_of_birth_on_a_tracking_board_is_flagged():
    assert ("name", "K. Lindqvist") in flagged('The board read "K. Lindqvist – bed 14 – NPO – DOB 1938-03-22".')
    assert ("name", "R. Vaillancourt") in flagged("On pouvait lire « R. Vaillancourt – lit 14 – à jeun ».")
    assert flagged("Discharged pt today, the ward was calm.") == []


# Colleagues stay colleagues in long posts


def test_a_colleague_with_a_role_beside_the_name_is_not_flagged_even_when_named_again_alone():
    text = (
        "Shared with permission: an elderly man was admitted to our ward after a fall, with 17 medications. "
        "The hospital pharmacist, Kevin Wu, spent two hours on that bag. Kevin, this thread is for you."
    )
    assert categories(text) & {"name"} == set()


def test_staff_named_with_their_role_after_the_name_are_not_flagged():
    text = (
        "Our patient flow project cut waits at the hospital by a third. "
        "Rachel Dumont, our clinic manager, pushed it through."
    )
    assert flagged(text) == []


def test_people_thanked_for_their_work_are_not_patients():
    assert flagged("Huge thanks to Sarah, Kevin and Priya for their work on the patient flow project.") == []
    assert flagged("Merci à Julie et Marc pour leur travail auprès des patients de l'urgence.") == []


def test_a_doctor_title_before_a_first_and_last_name_covers_both():
    assert flagged("Bienvenue à la Dre Sophie Martin au sein de notre GMF! Elle accepte de nouveaux patients.") == []


def test_a_teaching_pearl_and_a_nickname_in_quotes_are_not_names():
    assert flagged("Pearl: in patients over 90, start low and go slow with lisinopril.") == []
    assert ("name", "Gérard") not in flagged(
        "Ma patiente riait de ses perruques et avait baptisé sa potence à soluté « Gérard » pendant sa chimio."
    )


def test_a_first_name_with_no_care_story_in_the_post_is_not_flagged():
    assert flagged("Lorraine retires this month after 41 years on the unit; the party is Friday at 3 pm.") == []


# Other identifiers said the long way


def test_a_record_number_a_few_words_after_its_cue_is_flagged():
    assert ("record_number", "4471920") in flagged(
        "Her chart number at the hospital, 4471920, should never read anxiety."
    )
    assert ("record_number", "0083317") in flagged("Son dossier à l'hôpital, le 0083317, ne devrait pas dire anxiété.")


def test_a_street_said_as_someones_home_is_flagged_without_a_number_but_not_the_clinics():
    assert ("address", "Elm Street") in flagged("If you're her neighbour on Elm Street, please tell her.")
    assert ("address", "rue des Pins") in flagged("Si vous êtes sa voisine sur la rue des Pins, dites-le-lui.")
    assert flagged("We are three family doctors and two nurses in a converted house on Main Street.") == []


def test_a_room_after_the_sentence_that_names_the_patient_is_flagged():
    text = (
        "One night a patient on the unit, Mr. Abernathy, asked me to call his brother. "
        "I sat in room 412 while they talked for an hour."
    )
    assert ("room", "room 412") in flagged(text)


def test_last_tuesday_in_our_er_is_a_recent_encounter_in_both_languages():
    assert "encounter" in categories("Last Tuesday in our small ER in Hearst, a 67-year-old bush pilot came in.")
    assert "encounter" in categories(
        "Mardi dernier, à notre petite urgence de Fermont, un pilote de brousse de 67 ans est arrivé."
    )
    assert "encounter" not in categories(
        "Il y a eu cette nuit où un patient de l'unité m'a demandé d'appeler son frère, à l'urgence."
    )


def test_prenez_is_advice_only_with_a_medicine_or_a_dose():
    assert "medical_advice" in categories("@katie_m prenez 2000 UI de vitamine D par jour.")
    assert categories("Troisième leçon : prenez soin de vos collègues.") == set()
    assert categories("Demandez « qu'est-ce que vous prenez vraiment ? »") == set()
    assert categories("À tous les grands-parents : vous comptez aussi. Prenez le rendez-vous.") == set()
