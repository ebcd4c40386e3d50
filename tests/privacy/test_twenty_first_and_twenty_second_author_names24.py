"""Names the twenty-first and twenty-second authors' posts (rural family medicine and anaesthesia; infectious diseases
and TB) showed the guard missing or raising wrongly, by habits of writing that recur across authors: a contact
tracer's list of people with their job and shift, a quoted nickname after a name, initials set between commas, a
message passed to a first name, a family named with its file or farm, a surname with a capital inside ("LeBlanc");
and, on the other side, towns said as where someone is from or is sent, a machine's maker, a letter's heading,
people in a public or a theatre role, and a colleague's family thanked. Each rule has a look-alike that stays clean.
The sentences are written here, in words of their own, not taken from the corpora."""

from .helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


# --- Names the guard now reads ---


def test_a_surname_with_a_capital_inside_is_read_whole():
    assert "Rachelle LeBlanc" in names("Ma patiente Rachelle LeBlanc, 88 ans, est rentrée après sa pneumonie.")
    assert "Connor DeSouza" in names("My patient Connor DeSouza came back today for his cast check.")


def test_people_in_a_contact_tracers_list_are_named():
    text = (
        "Exposure list for the cannery outbreak, for tomorrow's calls: Joel Ferris, packing line, evenings, coughing "
        "since May; Nadia Pham, quality lab, days, lives with her grandmother; Tor Lindqvist, loading dock, nights."
    )
    assert {"Joel Ferris", "Nadia Pham", "Tor Lindqvist"} <= set(names(text))
    text = (
        "Dépistage autour du cas index à l'abattoir : Rémi Gosselin, découpe, équipe de nuit ; Aline Caron, "
        "emballage, jour ; Marc Ouimet, quai de chargement, rotation."
    )
    assert {"Rémi Gosselin", "Aline Caron", "Marc Ouimet"} <= set(names(text))


def test_one_contact_named_or_someone_of_the_patients_is_named():
    assert "Silas Tootoo" in names("Measles contact Silas Tootoo, baggage at the airport, evenings. Vaccinated today.")
    text = "Cas contacts du patient : sa sœur ; son collègue Hugo Bérubé, même équipe de nuit, qui le raccompagne."
    assert "Hugo Bérubé" in names(text)


def test_a_list_of_meetings_or_a_contact_page_names_no_one():
    assert names("Outbreak huddle agenda: infection control, staffing; pharmacy, stock; lab, turnaround.") == []
    assert names("Contact the clinic: Monday to Friday, 9 to 5; weekends, the on-call line.") == []


def test_a_quoted_nickname_after_a_name_is_named_too():
    found = names('Big news from the shelter: Darren Whitecap, "Moose" to the whole street, finished his TB meds.')
    assert "Moose" in found
    found = names("Joyeux 95e anniversaire à Mme Albertine Gagnon, « Titine » pour tout le village !")
    assert "Titine" in found


def test_a_quote_after_a_colleagues_name_adds_nothing():
    assert names('Dr. Ann Ho, "Leadership" lecture at noon in the auditorium.') == []


def test_initials_or_a_first_name_and_initial_between_commas_are_named():
    assert "K.T." in names("Our TB patient from the men's shelter, K.T., has a positive culture again.")
    assert "Maxime L." in names("Chlamydia chez un étudiant de Nantes, Maxime L., qui accepte que j'en parle.")


def test_a_province_or_a_state_in_initials_names_no_one():
    assert names("TB clinic in Prince George, B.C., moves to the new wing on Monday. Same phone number.") == []


def test_a_message_passed_to_a_first_name_is_named():
    assert "Marlene" in names("@kayla_rn Tell Marlene the drain comes out Friday at the clinic, no need to fast.")
    assert "Ginette" in names("@infirmiere_lou Dites à Ginette que ses points seront retirés mardi à la clinique.")


def test_a_message_passed_to_a_first_name_with_no_care_names_no_one():
    assert names("Tell Karen I said happy birthday and see you at curling on Sunday!") == []


def test_someone_recognised_by_name_then_described_is_named():
    assert "Nuvalinga" in names("@northern_rn yes, it was Nuvalinga, the one from Monday's medevac. Thinking of her.")


def test_a_name_with_an_age_before_a_full_stop_or_with_where_they_belong_is_named():
    assert "Dwayne Kostiuk" in names("Rollover near Eston, Nov 2. Passenger Dwayne Kostiuk, 44. Femur fx, flown out.")
    assert "Elmer" in names("Elmer from the curling club, 93, drove himself in for his flu shot.")


def test_a_street_number_after_a_name_is_no_age():
    assert names("Our new clinic: Victoria Avenue, 12. Opening in March.") == []


def test_a_street_named_after_someone_is_a_street_and_a_patient_on_it_is_still_named():
    assert names("The walk-in moves to Laurier Boulevard in January, same hours.") == []
    assert names("Parking on Grant Street is free after 6 p.m. for our evening clinic.") == []
    assert "Grant" in names("My patient Grant, 71, lives on Victoria Avenue and walks to every appointment.")
    assert any("Lane" in said for said in names("My patient Victoria Lane, 84, fell on the ice last night."))


def test_a_family_named_with_its_file_or_farm_is_named():
    assert "Thiessen" in names("Silo accident west of Rosetown, the Thiessen family's yard. Daughter, 15, intubated.")
    assert "Dumont" in names("Attention : dans le dossier de la famille Dumont, deux enfants ont le même NAM.")


def test_a_fund_named_for_a_family_names_no_one():
    assert names("Thanks to the Weston Family Foundation for the new ultrasound.") == []


def test_a_name_in_capitals_a_record_was_made_in_or_a_first_names_vehicle_in_a_crash_is_named():
    assert "RIVARD Odette" in names("Ordonnance oubliée à l'accueil au nom de RIVARD Odette. Rangée au secrétariat.")
    assert "Gus" in names("Gus's grain truck rolled on Highway 7 this morning. Driver ok, a broken wrist.")


# --- Names the guard no longer raises ---


def test_a_town_a_named_person_or_a_worker_comes_from_is_no_one():
    assert "Smooth Rock" not in names("Germaine de Smooth Rock, 97 ans, a eu son vaccin contre la grippe ce matin.")
    assert "Hawkesbury" not in names("Ma patiente Yolande Roy, de Hawkesbury, 91 ans, est rentrée chez elle.")
    assert "Saskatoon" not in names("The grain hauler from Saskatoon who rolled his rig last night is awake.")


def test_a_particle_surname_after_a_title_and_a_first_name_is_still_named():
    assert "Villiers" in names("Mme Claire de Villiers, 96 ans, est venue pour son vaccin contre la grippe.")


def test_a_town_a_patient_is_sent_to_or_a_lab_is_in_is_no_one():
    assert "Brandon" not in names("Burns to both arms after the bale fire. Air ambulance to Brandon.")
    assert "Bathurst" not in names("Le prélèvement de M. Aurèle Cormier part au labo de Bathurst demain.")


def test_a_town_without_its_hyphen_or_a_machine_is_no_one():
    assert "Caron" not in names("Un mineur retraité de Val Caron est arrivé en arrêt cardiaque à l'urgence.")
    assert "Deere" not in names("Alvin, 91, came in for his flu shot on his John Deere. Only in Saskatchewan.")


def test_a_letters_heading_or_a_letter_before_a_pronoun_is_no_one():
    assert "Objet" not in names("Courrier reçu au mauvais service : « Objet : M. Favre Louis, né le 03.02.1951 ».")
    assert names("Undetectable means untransmittable: U=U. They're the facts, share them.") == []


def test_people_in_a_public_or_a_theatre_role_are_no_patients():
    assert names("Atelier de simulation animé par Pr Anne Roux et M. Cédric Vallet, IADE. Inscription gratuite.") == []
    assert names("Une IADE, Sabrina, fait la consultation la veille du bloc. Les retards ont chuté.") == []
    assert names("Merci à la commissaire aux droits de la personne, Mme Lise Arsenault, pour son rapport.") == []
    assert names("Prise de parole de M. Yves Garnier, militant de la première heure, à 18 h.") == []


def test_a_role_with_a_or_une_still_describes_a_patient():
    text = "Cas clinique : un militant de 52 ans, Bruno Lachance, 52 ans, hospitalisé pour une pneumonie."
    assert "Bruno Lachance" in names(text)


def test_a_colleagues_family_thanked_with_them_is_no_patients():
    text = "Bravo à la Dre Josée Arsenault pour son prix ! Merci Josée, et merci à ton conjoint Marc de nous te prêter."
    assert "Marc" not in names(text)


def test_a_patients_family_thanked_in_a_reply_still_names_them():
    text = "@lyne_r Merci à ton conjoint Marc de t'avoir accompagnée à chaque chimio, Lyne."
    assert "Marc" in names(text)


def test_teammates_given_the_teams_work_are_no_patients():
    text = "Outbreak plan for Monday. Priya has the swab kits; Owen, can you do the Nguyens' home visit after lunch?"
    assert "Priya" not in names(text) and "Owen" not in names(text)
    text = "Éclosion à la garderie. Julie a les trousses ; Paul, peux-tu faire les appels de la liste demain ?"
    assert "Julie" not in names(text) and "Paul" not in names(text)


def test_a_patient_with_a_cough_is_still_named():
    assert "Priya" in names("Priya, 34, has the cough we saw all week; sputum sent this morning.")


def test_a_patients_news_by_first_name_at_a_sentences_opening_is_named():
    text = "Farm injury thread. / 2/ A 64-year-old came to our ER, pinned by a bull. / 3/ Merv is fine, drain out."
    assert "Merv" in names(text)
    assert "Réjean" in names("Fracture de hanche hier soir à l'urgence. Réjean va bien, drain retiré ce matin.")


def test_news_of_someone_in_no_care_story_names_no_one():
    assert names("Our new clinic manager started Monday. Everyone is fine with the new schedule.") == []
    assert names("Pain teaching for the ward. Oxycodone is fine in renal failure at low doses, with care.") == []


def test_a_word_of_a_user_name_or_a_venue_with_its_hours_is_no_one():
    text = "Le patient a accepté qu'on utilise son profil : pseudo Luc_Plage06 sur l'appli, actif en novembre."
    assert "Luc" not in names(text)
    assert names("Free flu shots: Harbourview, 210 Water St., Saturday 10–4, no health card needed.") == []


def test_a_place_named_after_a_town_is_no_one():
    text = "Shelter bed 9 at the Moose Jaw Sally Ann, Lenny, 58, night sweats and a cough. Sputum sent."
    assert "Sally Ann" not in names(text) and "Lenny" in names(text)


def test_someone_described_by_where_they_are_then_named_is_named():
    text = (
        "TB screen at the drop-in: the man in bed 3 at the Harbour Light shelter, Dennis, grey toque — smear positive."
    )
    assert "Dennis" in names(text)


def test_a_province_after_a_town_where_someone_is_from_is_no_one():
    text = "Frostbite clinic today: a farmer from near Estevan, Saskatchewan, lost two toes. Wear the good mitts."
    assert "Saskatchewan" not in names(text)
