"""Names the eighth and ninth authors' posts showed the guard mistaking, habits shared with the seventh author's (a
place read as a person, a colleague's nickname, a colleague named with a title of their own), each with a look-alike
that is still flagged. The sentences are written here, in words of their own, not taken from the corpora."""

from .helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_a_holiday_after_a_word_of_time_is_the_day():
    assert (
        names("The night before Christmas I admitted a man with chest pain. His first Christmas without his wife.")
        == []
    )
    assert names("Il voulait rentrer chez lui avant Noël ; on a tout organisé pour.") == []


def test_a_patient_who_shares_a_holidays_name_is_still_flagged():
    assert "Noël Tremblay" in names("Noël Tremblay, 84, fell on the ice and broke his hip.")


def test_a_programme_named_with_a_capitalised_patient_is_no_patients_name():
    assert names("Sign up on the Patient Access NB list, not by calling the clinic.") == []


def test_faith_and_community_titles_name_those_who_serve():
    assert names("Special thanks to Imam Yusuf Rahman and Rabbi Dana Levin, who sat with our families all week.") == []
    assert names("Merci à l'aînée Marie-Jeanne Kitchen pour la prière d'ouverture de la journée.") == []


def test_an_eldest_daughter_is_still_a_relative():
    assert "Marie-Jeanne" in names("Sa fille aînée Marie-Jeanne, 40 ans, est restée à son chevet.")


def test_those_retiring_in_a_clinicians_post_are_staff():
    retiring = "Deux départs à la retraite : Josée Lavoie, 35 ans de carrière, et Hélène Roy. Josée m'a tout appris."
    assert names(retiring) == []


def test_a_place_taking_an_article_a_building_or_a_french_postal_code_is_no_person():
    assert names("Un agriculteur de la Beauce, 34 ans, amené au SAU par sa sœur après une chute.") == []
    assert names("Nos bureaux sont au bâtiment Lemieux-Caron, 12 place Royale, 75001 Paris.") == []


def test_a_professors_title_does_not_end_the_sentence():
    assert names("Prof. Miriam Osei on dignity therapy in dementia: 42% of caregivers said it helped.") == []


def test_a_colleagues_nickname_in_quotes_is_the_colleagues():
    tribute = (
        'Thanks to charge nurse Margaret "Peg" Doucet, who could start an IV in the dark. Peg taught me everything.'
    )
    assert names(tribute) == []


def test_a_patients_nickname_in_quotes_is_still_flagged():
    assert "Peg" in names('Our patient Margaret "Peg" Doucet, 88, came in with a fractured hip. Peg was brave.')


def test_a_patient_answered_by_first_name_about_their_own_care_is_flagged():
    assert "Julie" in names("Julie, your biopsy results are back; please book a follow-up.")
    assert "Ginette" in names("Merci Ginette pour ton message. Oui, ton rendez-vous de mardi est maintenu.")
    assert "Brenda" in names("So sorry for your loss, Brenda. Your mom was one of my favourite patients.")


def test_a_colleague_or_a_friend_answered_by_first_name_is_not():
    assert names("Thanks, Julie, for covering my shift at the clinic last night.") == []
    assert names("Merci Julie pour ton aide au bloc hier, l'équipe t'adore.") == []
    assert names("Congratulations, Julie! Your first marathon is done.") == []


def test_a_nickname_everyone_uses_is_the_patients_without_a_pronoun_or_in_brackets():
    assert "Tank" in names("A regular at the clinic, a big quiet guy we all call Tank, came in short of breath.")
    assert "Mamie Jo" in names('"Mamie Jo" (what everyone on 4 North called her) came in after a fall.')
    assert "Travis" in names("Travis (he said I could use his first name) is home after his surgery.")


def test_a_thing_or_a_service_called_by_a_name_is_no_patient():
    assert names("We all call it the fishbowl, the glass room by the nursing station.") == []
    assert names("We called Poison Control at 3 a.m.; they were great.") == []


def test_what_a_patients_sticker_or_tattoo_reads_is_their_name():
    found = names('Found a phone in the waiting room; the sticker on the case says "Papi Lucien". Reception has it.')
    assert "Papi Lucien" in found
    assert "Mamie Odette" in names("Son tatouage « Mamie Odette » a été photographié par erreur pendant la suture.")
    assert names('The sticker on the vaccine fridge says "Do Not Unplug".') == []


def test_a_trade_after_an_indefinite_article_describes_a_patient_it_names_no_office():
    assert "Mme Odile Ferron" in names(
        "Mme Odile Ferron, une enseignante de Matane, est venue pour une toux qui traînait."
    )


def test_a_chair_to_sit_on_is_no_office():
    assert "Mrs. Okafor" in names("His wife sat on a plastic chair all night. Mrs. Okafor never complained.")
    assert names("Our new chair of medicine, Dr. Ruth Abara, starts Monday; Ruth, welcome.") == []


def test_the_doyen_of_a_unit_is_its_oldest_patient_and_the_doyenne_of_a_faculty_its_dean():
    assert "M. Paul Roy" in names("M. Paul Roy, doyen de notre unité de dialyse, a eu 97 ans hier.")
    assert names("Félicitations à Mme Line Roy, doyenne de la faculté de médecine, pour sa nomination.") == []


def test_a_town_with_a_places_prefix_after_a_word_of_origin_is_a_place():
    assert names("Un ancien bûcheron de Mont-Laurier, 88 ans, hospitalisé pour une pneumonie.") == []
    assert "Kent" not in " ".join(names("Mr. Gerald Savoie from Saint-Louis-de-Kent was 97 when he got COVID."))


def test_a_surname_like_a_saints_name_is_still_a_persons():
    assert any("Saint-Pierre" in name for name in names("M. Jean Saint-Pierre, 80 ans, a une fracture de la hanche."))


def test_a_baby_named_by_a_parent_after_a_birth_is_a_patient():
    assert "Willow" in names("After a long labour, Dad finally got in and named her Willow.")


def test_a_nickname_in_quotes_said_to_be_our_patient_is_flagged():
    assert "Ti-Jo" in names("Pensée pour « Ti-Jo », notre patient des soins palliatifs, qui nous a quittés hier.")


def test_a_patient_named_by_a_courtesy_title_and_an_initial_is_flagged():
    assert "Mrs. K." in names("Teaching case: 'I'm not confused,' said Mrs. K. on admission. She is 94 and on 12 meds.")
    assert "Mme B." in names(
        "Perle pour l'externat : Mme B., 91 ans, « confuse » selon le courrier, était en rétention."
    )


def test_a_family_signing_a_quoted_letter_is_flagged():
    card = 'The card read: "Thank you for Mom\'s last days. — Aoife, Liam and Ciara Byrne."'
    assert {"Aoife", "Liam", "Ciara"} <= set(names(card))


def test_speakers_or_an_author_signing_are_not_a_family():
    assert names("Les conférenciers du jour — Paul, Julie et Marc Dubois — ont parlé de dignité.") == []
    assert names("Thanks for reading. — Dr. Sam Ellis") == []
