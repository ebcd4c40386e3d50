"""False alarms the twelfth and thirteenth authors' posts showed (fa20), each written as the habit behind it with a
veto in principle (privacy.public_roles, ``fa20_`` names) and a look-alike patient beside it who is still flagged.
The sentences are our own words, not the corpora's, in both languages."""

from .helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for found_category, excerpt in flagged(text) if found_category == category]


# Ages of a group or ages still to come are no one's age.


def test_an_age_that_is_a_groups_threshold_is_no_ones_age():
    assert found("Webinaire : la chirurgie de la hanche chez les plus de 95 ans, jeudi à 12 h.", "age") == []
    assert found("Grand round mardi : « L'anesthésie générale après 95 ans », par notre équipe.", "age") == []


def test_an_age_waited_for_is_no_ones_age_yet():
    assert found("Elle a élevé huit enfants et nous a dit qu'elle attend ses cent ans pour revoir la mer.", "age") == []


def test_a_patient_of_that_age_is_still_flagged():
    assert found("Ce matin, Mme Hoarau, 96 ans, a été admise pour une fracture du col.", "age") != []


# A colleague's death told as an obituary is public; a patient's death stays a date told of care.


def test_a_doctors_death_date_in_an_obituary_is_public():
    assert found("Le Dr Paul Arsenault nous a quittés le 12 mars, à 81 ans. Il a fondé notre service.", "date") == []
    assert found("Le Dr Luc Gagné, pédiatre à Bathurst, nous a quittés samedi. Un grand clinicien.", "date") == []
    assert found("Le Dr Paul Cyr, chirurgien pendant 30 ans, est décédé le 3 octobre. Un grand maître.", "date") == []


def test_a_patients_death_date_is_still_flagged():
    assert found("Mme Arsenault, notre patiente, nous a quittés le 12 mars, entourée des siens.", "date") != []


# A firm in a disclosure, often named for its founder, lends or funds; no patient does.


def test_a_firm_in_a_disclosure_is_no_patient():
    assert found("Disclosure: Hans Weber loaned our unit two video laryngoscopes for the study.", "name") == []
    assert found("Déclaration d'intérêts : Hans Weber nous prête deux vidéolaryngoscopes.", "name") == []


def test_a_patient_named_after_a_colon_is_still_flagged():
    assert found("Update: Hans Weber was admitted overnight with a perforated ulcer.", "name") != []


# A town where someone practised for years.


def test_a_town_practised_in_for_years_is_a_town():
    obituary = "RIP Dr. Paul Cyr, GP in Marion for 30 years, who died Oct 3. He taught me to see the patient."
    assert found(obituary, "name") == []


# Rooms of no patient: a post-operative day, a clinic's suite with its address, a room hosting a talk, a ward
# thanked in a shout-out.


def test_a_post_operative_day_is_no_room():
    assert found("POD 4 after his sleeve and he is walking the hall on his own. #SurgEd", "room") == []


def test_a_clinics_suite_given_with_its_street_address_is_the_clinics():
    assert found("Our new clinic opens Monday: Suite 310, 250 Victoria Street, Kamloops.", "room") == []


def test_a_room_hosting_a_talk_is_no_ones():
    assert found("Thanks to Dr. Omar Haddad for the slides and Moncton City room 3C-20 for hosting.", "room") == []


def test_a_ward_thanked_in_a_shout_out_is_no_ones_room():
    assert found("Shout-out to the porters on 5 East, who know every child by their favourite song.", "room") == []


def test_a_patients_room_and_ward_are_still_flagged():
    assert found("Mr. Tanaka is in Suite 4 of the palliative unit tonight and asked for his daughter.", "room") != []
    assert found("Discharged Odile home today after 40 days; she waved to every nurse on 6 West.", "room") != []


# Fiction and celebrities: a book read out, a thing given a famous name.


def test_a_book_read_out_is_no_patient():
    story = "He died on the ward, his sister reading Percy Jackson out loud because he'd asked her to."
    assert found(story, "name") == []


def test_a_thing_given_a_famous_name_is_no_patient():
    story = "Ewing sarcoma. Amputation, then a year of chemo, then prom in a wig she named Shakira. Her parents wrote."
    assert found(story, "name") == []


def test_someone_read_to_or_a_baby_named_is_still_flagged():
    assert found("Her mum was reading Noah a story when he seized in bed 4.", "name") == ["Noah"]
    assert found("She delivered a baby girl she named Chloé at 03:10 in room 12.", "name") == ["Chloé"]


# Towns told by where they lie, where someone comes from, or whose care unit it is.


def test_a_town_told_by_where_it_lies_is_a_town():
    story = "He came in on October 2 after a moose hit his truck near Marion, and the team had done everything right."
    assert found(story, "name") == []


def test_a_town_someone_comes_from_is_a_town():
    assert found("The 16-year-old from Florence Bay collapsed at home; we flew her out at 0300.", "name") == []


def test_a_care_units_town_is_a_town_and_the_patient_beside_it_is_still_flagged():
    story = "Le carnet de santé de Mme Kerhervé est resté à la SSPI de Marion ; sa fille l'a récupéré."
    assert found(story, "name") == ["Mme Kerhervé"]


def test_someone_near_or_met_is_still_a_person():
    assert found("I sat outside Emma's room for an hour after the family meeting, Emma asleep at last.", "name") != []
    assert found("Cette semaine, la fille de Marie est venue, Marie allait mieux après la chimio.", "name") != []


# A place named for a person, and a letter joined to a common word.


def test_a_place_named_for_a_person_is_a_place():
    assert found("Un grand merci à Josiane, brancardière au CHU Marc-Aubert, qui connaît chaque enfant.", "name") == []
    drive = "Collecte de jouets dans les services de pédiatrie du CHU Marc-Aubert et du CHU Nord, jusqu'au 20 décembre."
    assert found(drive, "name") == []


def test_a_letter_joined_to_a_word_is_no_ones_initial():
    obituary = "He died on November 3 at 87. He was the surgeon in Marion for 30 years, did his own C-sections."
    assert found(obituary, "name") == []


def test_a_child_with_a_hyphenated_first_name_is_still_flagged():
    assert found("Marc-Aubert, 7 ans, est sorti du CHU hier après sa chimio.", "name") == ["Marc-Aubert"]


# Where a place is located is the place's address; where someone is stays theirs.


def test_where_a_place_is_located_is_its_own_address():
    assert flagged("L'IRCAN se trouve 1 place Professeur Paul Dor, 06107 Nice.") == []


def test_where_someone_is_stays_their_address():
    assert found("Mme Payet se trouve au 14 rue des Lilas, 97400 Saint-Denis, seule, sans famille.", "address") != []
    assert found("Marie se trouve au 14 rue des Lilas, 97400 Saint-Denis, seule, sans famille.", "address") != []


# A clown at work is no insult; someone called a clown is.


def test_a_clown_at_work_is_no_insult():
    assert flagged("My son ran his first 10K today for the foundation. He high-fived a clown at the finish line.") == []
    assert flagged("Les clowns de l'hôpital passent le jeudi : merci à eux.") == []


def test_someone_called_a_clown_is_still_heat():
    assert found("You're a clown and so is your whole department.", "heated") == ["clown"]
    assert found("Honestly, the minister is a clown.", "heated") == ["clown"]
    assert found("Vous êtes un clown, monsieur le ministre.", "heated") == ["clown"]


# Words of no one: a pronoun's contraction, a score out of ten.


def test_a_pronouns_contraction_is_no_name():
    story = 'He asked me to post this because "nobody in town knows how long we wait." He\'s a fisherman and a grandpa.'
    assert found(story, "name") == []


def test_a_score_out_of_ten_is_no_date():
    video = "Our day unit's video is out: Liam narrates, including a review of the clinic snacks (4/10, he's right)."
    assert found(video, "date") == []


def test_a_date_written_the_same_way_is_still_flagged():
    assert found("Mme Roy est sortie le 4/10 après sa chirurgie.", "date") == ["4/10"]
    assert found("Chemo day 3/10 for Liam, and he's right on track.", "date") == ["3/10"]
