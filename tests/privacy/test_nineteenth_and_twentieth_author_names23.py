"""Names the eighteenth to twentieth authors' posts showed the guard missing or raising wrongly, by habits of writing
that recur across authors: a young athlete named with a jersey number or by the sport, a name given after "the name
of", a pupil with a grade; and, beside each, a look-alike that stays clean. The sentences are written here, in words
of their own, not taken from the corpora."""

from .helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_a_player_named_with_a_jersey_number_is_named():
    assert "Tyson Grier" in names("Sat: Tyson Grier, #14 on the Okotoks Oilers U15, blocked a shot with his shin.")
    assert "Noémie Vachon" in names("Noémie Vachon, n° 7 des Castors U13, est revenue au jeu après sa commotion.")


def test_a_ranking_or_a_team_with_a_number_names_no_one():
    assert names("Go Team Canada, #1 on the podium again!") == []
    assert names("Our clinic is #3 on the list of places to get a flu shot in Red Deer.") == []


def test_someone_described_by_their_sport_or_age_then_named_in_full_is_named():
    text = "First patient in the medical tent: a steer wrestler, Wade Cardinal, from near Hobbema, dislocated shoulder."
    assert "Wade Cardinal" in names(text)
    assert "Lucas Perrin" in names("Cas clinique aux urgences. / Garçon de 11 ans, Lucas Perrin, chute en snowpark.")


def test_a_speaker_or_a_colleague_described_then_named_is_no_patient():
    assert names("Our speaker, Jane Doe, will talk about concussions in youth sport.") == []
    assert names("Thanks to a colleague, Marie Roy, who covered my shift at the rink.") == []


def test_a_full_name_with_what_our_team_did_for_them_is_a_patients():
    assert "Ayla Brightnose" in names("So proud: Ayla Brightnose, the skater we casted in March, won bronze.")


def test_twins_and_newborns_named_beside_their_parent_are_named():
    assert {"Léna", "Hugo"} <= set(names("Jumeaux de Mme Roy nés cette nuit : Léna 2,100 kg et Hugo 2,340 kg."))
    assert {"Ava", "Noah Kim"} <= set(names("Twins Ava and Noah Kim turned one today, born at 31 weeks in our NICU."))
    assert "Kevin" in names("Bébé Lou est née à 4 h 10. Papa Kevin a coupé le cordon, la maman va bien.")


def test_two_first_names_joined_with_no_twins_or_birth_name_no_one():
    assert names("Le congrès a été ouvert par la chanson de Simon et Garfunkel, reprise par la chorale.") == []
    assert names("Our Tuesday clinic runs at the Paul and Mary Wong Pavilion.") == []


def test_little_ones_by_their_surname_and_a_patient_as_my_patients_are_named():
    assert "Haddad" in names("Audience au tribunal pour enfants demain pour les petits Haddad. Je témoigne.")
    assert "Kayla" in names("Found a pink backpack in the waiting room: it's my patient's — Kayla's. DM me.")


def test_residents_wished_a_great_age_or_named_with_their_room_are_named():
    assert {"Ted", "Rose Albright"} <= set(names("Happy 60th anniversary to Ted and Rose Albright, Maple wing!"))
    assert "Pépé Gustave" in names("Joyeux 100e anniversaire à Pépé Gustave de l'EHPAD Les Tilleuls !")


def test_a_young_birthday_or_a_colleagues_anniversary_names_no_resident():
    assert names("Happy 5th anniversary to our clinic team! Cake in the lounge at 3.") == []


def test_a_spouse_addressed_in_a_patients_quoted_words_is_named():
    text = 'Palliative care note: Mr. Doyle turned to his wife and said, "Maureen, you were right about the house."'
    assert "Maureen" in names(text)


def test_a_name_given_after_the_name_of_is_named():
    assert "Jace Whitford" in names("Paramedics told me the name of the boy from the sledding crash: Jace Whitford.")
    assert "Inès Barre" in names("La patrouille m’a donné le nom de la skieuse blessée : Inès Barre. Tibia.")


def test_a_place_given_after_the_name_of_is_no_one():
    assert names("We finally learned the name of the new arena: Scotiabank Centre.") == []


def test_a_pupil_named_with_a_grade_or_an_age_is_named():
    assert "Léonie Gagnon" in names("Bravo à Léonie Gagnon, élève de CE2 à l'école du Parc, pour sa rééducation.")
    assert "Owen Baptiste" in names("Three wrist fractures this week. One was Owen Baptiste, age 8, from Elm School.")


def test_a_role_or_a_sex_opening_a_case_before_the_age_is_no_name():
    assert names("Teaching case. / Snowboarder, 15, fell off a rail at Sunshine, wrist fracture.") == []
    assert names("Cas clinique. / Skieuse, 12 ans, chute sur la piste verte, entorse du genou.") == []


def test_a_surname_before_the_age_is_still_a_name():
    assert "Ms. Tremblay" in names("Teaching case. / Ms. Tremblay, 45, fell off a ladder, wrist fracture.")


def test_a_day_a_platform_an_imperative_or_a_unit_is_no_name():
    assert names("Team doc week. / Fri: skin checks in the dressing room. / Sat: nothing.") == []
    assert names("Free parking after 6 p.m. Bring your helmet to the concussion clinic.") == []
    assert names("Lithium à 0,7 mmol/L. Ne changez pas la dose sans votre médecin.") == []


def test_a_boat_in_quotes_is_no_one():
    assert names("Le chalutier « Capitaine Cormier » est rentré au quai avec un blessé à bord.") == []
    assert names('The trawler "Lady Marion" came in with an injured deckhand on board.') == []


def test_towns_by_where_they_stand_are_no_one():
    assert names("Merci à l'infirmière qui connaît chaque famille de Havre-Aubert à Grosse-Île.") == []
    assert names("Visite chez Mme Cormier, chemin du Phare, Étang-du-Nord, après son AVC.") == ["Mme Cormier"]
    assert names("Trois conférences sur la mémoire, à Rouyn-Noranda, Val-d'Or et Amos, en janvier.") == []
    assert names("Bon anniversaire à notre centenaire, EHPAD Le Castel, aile Est !") == []


def test_a_care_worker_after_the_role_is_no_patient():
    assert names("Huge thanks to midwives Hannah Ryan and Jo-Anne MacNeil, who ran the birth unit.") == []
    assert names("Le nourrisson a été vu à domicile par la puéricultrice Isabelle Roux, merci à elle.") == []


def test_a_retiring_doctors_short_name_is_the_doctors():
    text = "Our colleague Dr. Patricia Hume retires after 30 years of geriatric medicine. Enjoy the garden, Pat!"
    assert names(text) == []
