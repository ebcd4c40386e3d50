"""False alarms the eighth and ninth authors' clean posts showed: people in a public or working role, holidays,
organisations, an organisation's contacts, general statements. Each veto is a principle with a look-alike patient
beside it who is still flagged. The sentences are our own words, not the corpora's."""

import json
from pathlib import Path

import pytest

from privacy.text import scan

from .helpers import categories, flagged

CORPUS = Path(__file__).resolve().parents[1] / "data" / "privacy"


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def of(category: str, text: str) -> list[str]:
    return [excerpt for found, excerpt in flagged(text) if found == category]


# People named with a title or a role.


def test_a_person_named_with_a_religious_or_community_title_is_in_a_public_role():
    assert (
        names("Thanks to Rabbi Miriam Adler, Imam Yusuf Karimi and Rev. Tobias Lindgren for sitting with families.")
        == []
    )
    assert names("Elder Thomas Redsky opened the session on dying at home with a prayer and a story.") == []
    assert names("Merci à l'aîné Roger Petiquay, qui a ouvert la journée de formation par une prière.") == []


def test_an_elder_with_their_own_care_said_beside_the_name_is_still_a_patient():
    assert (
        names("Elder Thomas Redsky showed me how he actually takes his insulin, and he was admitted on Monday.") != []
    )


def test_a_speaker_with_an_academic_title_at_a_congress_is_in_a_public_role():
    assert names("Afternoon session: Prof. Ingrid Vasquez-Lund on delirium in palliative care, 31% of patients.") == []
    assert names("À la tribune, la Pr Hélène Garnier sur la sédation en fin de vie, devant 400 soignants.") == []


def test_a_sister_or_a_brother_written_in_lower_case_is_a_relative_not_a_title():
    assert names("His brother Wade pulled him out of the river and drove him to our ER, hypothermic.") != []


def test_a_nurse_named_with_a_nickname_stays_a_colleague_wherever_the_nickname_comes_back():
    text = (
        'The people who trained me: head nurse Marjorie "Midge" Doucet, who never let me skip a dressing. '
        "Midge retired in 2020. To the new grads: find your Midge."
    )
    assert names(text) == []


def test_a_patient_with_a_nickname_is_still_a_patient():
    assert names('Our patient Marjorie "Midge" Doucet, 88, was admitted with pneumonia; Midge is in bed 4.') != []


def test_colleagues_listed_at_their_retirement_with_their_years_of_career_are_colleagues():
    text = (
        "Deux départs à la retraite ce mois-ci : Josette Carrier, 35 ans de carrière, et Ginette Lalonde, 29 ans. "
        "Josette m'a appris à parler aux familles."
    )
    assert names(text) == []
    assert names("Two retirements on our floor: Bev Tanaka, 33 years of service. Bev taught me everything.") == []


def test_people_named_as_members_of_an_organisation_are_in_a_public_role():
    assert names("Merci à Mme Lucie Fortin et le Dr Omar Said, de votre association, pour leur aide.") == []
    assert names("Thanks to Ms. Dana Price and Dr. Omar Said, from your chapter, for the winter coats.") == []


def test_a_titled_patient_is_still_a_patient():
    assert names("Mme Lucie Fortin, 91 ans, est arrivée à l'urgence avec une fracture de la hanche.") != []


def test_a_staff_member_showing_patients_how_to_do_something_is_staff():
    assert names("Most patients like the new kiosk once Marco shows them how to scan their card.") == []
    assert names("Les patients aiment la borne dès que Nadia leur montre le gros bouton.") == []


def test_a_patient_shown_something_is_still_a_patient():
    assert names("Marco came in with chest pain at 3 a.m.; his troponin was up and we admitted him.") != []


def test_a_public_case_named_by_its_year_in_advocacy_is_no_patient():
    assert names("Since Brian Sinclair's death in a Winnipeg waiting room in 2008, we audit every long wait.") == []


def test_a_recent_death_on_our_ward_is_still_a_patients():
    assert names("After Mary Holloway's death on our ward last week, her family asked us to share this.") != []


# Holidays, organisations, buildings, places.


def test_holidays_are_no_names():
    assert names("The night before Christmas, an older man came in with a cut hand from carving the turkey.") == []
    assert names("Il m'a demandé s'il pourrait rentrer chez lui avant Noël, entre deux cures.") == []


def test_a_patient_whose_first_name_is_a_holiday_is_still_a_patient():
    assert names("Noël Arsenault, 84 ans, admis hier pour une pneumonie, va mieux.") != []


def test_programmes_institutes_and_buildings_named_after_people_are_organisations():
    assert names("Over 60,000 people are on the Health Link PEI waitlist. Write to your MLA.") == []
    assert names("Research day at the Li Ka Shing Knowledge Institute, keynote by a palliative care nurse.") == []
    assert names("Nos bureaux déménagent au 2e étage du bâtiment Moreau-Lestang, à côté de la pharmacie.") == []
    assert names("Inscrivez-vous par Accès Patient N.-B. plutôt qu'en appelant la clinique.") == []


def test_a_town_written_after_a_postal_code_is_a_town_everywhere_in_the_post():
    text = (
        "Journée de formation à la faculté de médecine de Poitiers, 6 rue de la Milétrie, 86000 Poitiers. "
        "Inscriptions ouvertes. #Poitiers #FormationMédicale"
    )
    assert names(text) == []
    assert of("address", text) == []


def test_a_patients_address_is_still_flagged():
    assert of("address", "Mme Renée Blot, 6 rue des Lilas, 86000 Poitiers, a fait une chute chez elle hier.") != []


# An organisation's contacts and wards, and statements about no one.


def test_a_number_offered_to_the_public_to_register_is_an_organisations():
    assert of("phone", "Dr. Amara Osei joins our clinic in March! Call 506-555-0148 to register.") == []
    assert of("phone", "Nouvelle médecin à la clinique ! Appelez le 506-555-0148 pour vous inscrire.") == []


def test_a_relatives_number_is_still_flagged():
    assert of("phone", "Her daughter left her cell at the desk, it's 506-555-0148, ringing all night.") != []


def test_a_room_of_a_ward_is_a_place_not_a_patient():
    assert (
        of("room", "We book a quiet room for family meetings (the Family Lounge on 6 East) and invite the nurse.") == []
    )


def test_a_blood_count_is_no_licence_plate():
    assert of("plate", "Bloods: platelets 74, AST 190, LDH 610 — HELLP. Plaquettes 74 à minuit.") == []
    assert of("plate", "Saw the plate FKT 219 of his truck in the ER lot.") != []


def test_the_authors_own_relatives_great_age_is_not_a_patients():
    assert of("age", "My own dad turned 93 last month and still beats me at cribbage.") == []


def test_a_patients_great_age_is_still_flagged():
    assert of("age", "My patient turned 93 last month and still beats me at cribbage.") != []


def test_a_great_age_in_a_general_statement_is_no_one():
    assert of("age", "Si vous ne connaissez pas l'histoire de votre patient de 92 ans, vous le soignerez mal.") == []


def test_a_teaching_point_is_not_an_encounter():
    text = (
        "Les pièges : après une péridurale, la rachi peut monter haut ; il faut être prêt à intuber "
        "une femme enceinte dans un petit bloc, même à 4 h du matin."
    )
    assert "encounter" not in categories(text)


def test_readers_addressed_in_general_are_not_an_encounter():
    text = "If you're a patient or a family member who waited on a stretcher last winter, write to your MPP."
    assert "encounter" not in categories(text)


def test_a_person_with_their_role_said_after_the_name_is_in_a_public_role():
    assert (
        names("Merci au père Gaston Lévesque, aumônier de l'hôpital, qui passe chaque nuit aux soins palliatifs.") == []
    )
    assert names("Meet Marie Sock, our Elder-in-residence, at the clinic on Tuesdays.") == []


def test_a_patient_with_the_same_name_and_no_role_is_still_a_patient():
    assert names("Gaston Lévesque, 84 ans, retraité, est arrivé hier soir avec une pneumonie.") != []


def test_a_ward_in_a_story_told_from_years_back_identifies_no_one():
    text = (
        "Fifteen years since my first night as a resident. The charge nurse stood beside me on 5 East "
        "and told me to sit down and hold his hand."
    )
    assert of("room", text) == []


def test_a_ward_in_this_weeks_story_is_still_flagged():
    assert of("room", "Yesterday Mrs. Pauline Roy hugged every nurse on 6 East on her way home after 40 days.") != []


def test_a_wards_population_listed_without_anyone_picked_out_is_not_an_encounter():
    text = (
        "Ce soir, dans le service, il y a un ancien facteur qui connaît toutes les rues, une ancienne chanteuse "
        "qui fredonne la nuit, un monsieur qui a construit la moitié du village."
    )
    assert "encounter" not in categories(text)


def test_an_organisations_own_lines_are_not_a_persons():
    assert of("phone", "To complain, the patient representative is at 506-555-0161 and will call you back.") == []
    assert of("phone", "Notre télécopieur, le 506-555-0162, est réservé aux professionnels.") == []


def test_a_great_age_of_someone_in_general_after_if_is_no_one():
    assert of("age", "Si vous êtes l'aidant d'un proche de 91 ans, demandez du répit : vous y avez droit.") == []


def test_an_elder_given_with_their_age_is_the_case_not_a_public_role():
    assert (
        names("Cas de la semaine : Mme Rose Pien, aînée de Pikogan, 92 ans, venue avec sa fille pour une chute.") != []
    )


def test_a_doctors_nickname_stays_the_doctors_wherever_it_comes_back():
    text = (
        'Our clinic lost Dr. Bernard "Bud" Leclair last week. Bud delivered half the town and ran the ER alone '
        "during the 1998 ice storm. Rest well, Bud."
    )
    assert [name for name in names(text) if "Bud" in name] == []


def test_a_patients_nickname_is_still_flagged():
    assert names('Mr. Bernard "Bud" Leclair, 88, was admitted with a hip fracture. Bud is asking for his dog.') != []


def test_a_general_truth_about_anyone_of_a_great_age_is_no_one():
    assert of("age", "Reminder: a 94-year-old with pneumonia may have no fever at all. Look at the breathing.") == []
    assert of("age", "Chez une personne de 93 ans, la douleur peut manquer : pensez à l'infarctus.") == []


def test_someone_of_a_great_age_who_came_in_is_still_flagged():
    assert of("age", "A 94-year-old came in last night with pneumonia and no fever; she can go home tomorrow.") != []


# Towns.


def test_a_town_after_a_place_of_care_or_any_place_is_a_town():
    assert names("Cette nuit au SAU de Lannion, une randonneuse de 40 ans amenée après une chute.") == []
    assert names("Night shift on the surgical ward in Dryden, a retired miner with a bowel obstruction.") == []
    assert names("Hier soir à l'aréna de Saint-Léonard, un joueur de 15 ans a reçu une rondelle.") == []


def test_a_word_of_a_hyphenated_place_name_is_a_town():
    assert names("Un pêcheur de Sainte-Anne-de-Kent, 60 ans, est arrivé avec une douleur thoracique.") == []


def test_a_patient_named_after_the_town_and_a_surname_like_a_place_are_still_people():
    assert names("Au triage de Campbellton, Mme Léa Roy, 88 ans, attendait depuis 6 h avec une fracture.") != []
    assert names("Marc Saint-Pierre, 58 ans, admis hier pour un infarctus, va mieux.") != []


# The figures this work reached, pinned (test_corpus.py holds the shared targets).


@pytest.mark.parametrize(
    ("part", "most_clean_posts_flagged"),
    [("tune_author8.jsonl", 0), ("tune_author9.jsonl", 0)],
)
def test_the_eighth_and_ninth_authors_clean_posts_raise_no_alarm(part, most_clean_posts_flagged):
    posts = [json.loads(line) for line in (CORPUS / part).read_text(encoding="utf-8").splitlines() if line.strip()]
    clean = [post for post in posts if not post["labels"]]
    flagged_posts = [post["id"] for post in clean if scan({"body": post["text"]})]
    assert len(clean) > 60
    assert len(flagged_posts) <= most_clean_posts_flagged, flagged_posts


def test_a_pharmacy_a_garden_or_a_run_named_after_someone_is_an_organisation():
    assert names("Our patients can now fill prescriptions at the Jean Coutu pharmacy next door.") == []
    assert names("The hospital's Sandra Kelly Memorial Garden is open again for patients and families.") == []


def test_a_titled_patient_whose_surname_is_a_place_word_is_still_a_patient():
    assert names("Bed 9 is free at last, and Mrs. Garden finally has her window. Small wins.") != []


def test_a_named_storm_is_no_person():
    assert names("After Hurricane Fiona, our dialysis patients were bused to Halifax for two weeks.") == []
    assert names("Après l'ouragan Fiona, nos patients dialysés ont dormi à l'hôpital deux semaines.") == []


def test_a_baby_named_after_a_storm_is_still_a_patient():
    assert names("Dad came in from the blizzard and named her Storm. Storm, 3.2 kg, was born in our ER.") != []


def test_a_person_met_in_a_role_in_one_text_of_a_post_is_a_colleague_in_the_others():
    texts = {
        "body": "Thanks to Imam Ahmad Khalil and Rev. Ingrid Solheim for sitting with our palliative patients.",
        "text:twitter": "Thank you Ingrid Solheim and Ahmad Khalil for sitting with our patients at night.",
    }
    assert scan(texts) == []


def test_a_person_met_in_a_role_then_said_to_be_admitted_is_flagged():
    texts = {
        "body": "Thanks to Rev. Ingrid Solheim for sitting with our patients.",
        "text:twitter": "Ingrid Solheim, 84, was admitted with pneumonia last night.",
    }
    assert [finding.excerpt for finding in scan(texts)] == ["Ingrid Solheim"]


def test_a_patient_whose_surname_is_also_an_organisation_word_is_still_a_patient():
    assert names("Jin Park, 67, was admitted with pneumonia on our ward.") != []
    assert names("Doris Day came in with chest pain and we admitted her.") != []


def test_a_titled_person_to_whom_care_happens_is_the_patient():
    assert names("Pastor Dwayne Ellis was brought in by ambulance after a crash on Route 11.") != []
    assert names("L'aînée Marie Jourdain est arrivée en ambulance avec un AVC, on l'a intubée.") != []


def test_a_patient_of_one_of_our_units_is_still_a_patient():
    assert names("Mme Jeanne Roy, de notre service de gériatrie, est décédée hier matin.") != []
    assert names("Gerald Martin, from the clinic's diabetes program, lost 30 pounds and got off insulin.") != []


def test_a_patient_showing_them_her_own_scar_is_still_a_patient():
    assert names("Lise Gagnon shows them her scar every time: the kids at the clinic love it.") != []


def test_a_patient_in_a_retirement_sentence_is_still_a_patient():
    text = "Happy retirement to Bob Smith, our longest-serving patient on dialysis, 30 years of service to the Legion."
    assert names(text) != []


def test_an_encounter_told_as_having_just_happened_stays_an_encounter_whatever_the_lesson_after_it():
    text = "Last night a 4-year-old from Shediac came in with a button battery in her throat, so you need to X-ray."
    assert "encounter" in categories(text)


def test_people_listed_with_their_towns_are_still_an_encounter():
    text = (
        "This morning in our ER, a teacher from Bathurst who wants to know if the exams were graded, "
        "a fisherman from Lamèque who asks about the catch, and a nurse from Moncton."
    )
    assert "encounter" in categories(text)


def test_a_colleague_named_with_a_care_role_after_the_name_stays_a_colleague_through_their_family():
    text = (
        "Asthma night for parents, presented by Nadine Cormier, certified respiratory educator. "
        "Spacer demo by Nadine's son, who volunteered and is perfectly healthy."
    )
    assert names(text) == []


def test_a_volunteer_who_was_also_my_patient_is_still_a_patient():
    text = "Many of you knew Mme Odile Gallant, bénévole à la bibliothèque. Elle était aussi ma patiente depuis 20 ans."
    assert names(text) != []


def test_someone_said_to_work_shifts_or_to_have_prefaced_a_book_is_at_work_not_in_care():
    assert flagged("Tom sleeps at the hospital on call nights, says our chief resident.") == []
    assert flagged("Boris Cyrulnik, qui a accepté de préfacer le livre de notre collègue, sera là jeudi.") == []
    # An age with the name, or the word patient, keeps it a patient's.
    assert "Tom" in names("Tom, 92, sleeps at the hospital since his fall, says our chief resident on call.")
    assert "Mme Gagnon" in names("Ma patiente Mme Gagnon, qui a écrit un livre sur sa maladie, a été opérée hier.")
