"""Habits of naming found in a fourth author's posts, each general to how clinicians write, each with the
look-alike that must stay clean beside it. The sentences are written here, in words of their own, not taken
from the corpus.
"""

from tests.privacy.helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


# Colleagues, their families, towns and things named like people: no patient


def test_allied_professionals_named_by_a_short_title_or_a_specialty_are_colleagues():
    text = (
        "Our rehab team this spring: physiatrist Wendell Osei, OT Marisol Quint, Physio Gunnar and "
        "neuropsychologist Ines Dubreuil. Referrals by fax, as always."
    )
    assert names(text) == []
    # A patient's trade with the same endings is no specialty of care.
    text = "Thinking of Mary Kowalski, a retired electrician, who was admitted with pneumonia last week."
    assert names(text) == ["Mary Kowalski"]
    assert names("La cheffe de service, Mme Rachida Benali, a présenté le bilan annuel au conseil.") == []
    text = "Les préposées Josiane et Maude ont préparé la chambre 12 pour l'anniversaire de Mme Lapointe, 91 ans."
    assert names(text) == ["Mme Lapointe"]


def test_a_person_who_leads_a_team_or_a_program_is_a_colleague():
    text = "Our stroke unit's new protocol came from the nursing group led by Halvard Brenn, who rewrote every order."
    assert names(text) == []
    text = "Le programme de retour à domicile, dirigé par Solange Thibert, a aidé 300 familles cette année."
    assert names(text) == []


def test_the_authors_own_relative_stays_out_even_with_own_or_propre_before_it():
    text = "My own son, Felix, now a nursing student, asked me how we decide when a patient is ready for discharge."
    assert names(text) == []
    assert names("Ma propre fille, Élodie, fait son stage en pédiatrie cet automne.") == []


def test_the_relatives_of_the_colleague_a_tribute_is_about_are_not_patients():
    text = (
        "Today we said goodbye to Dr. Anselm Weir, who ran our cardiac clinic for 25 years. Anselm taught us to "
        "listen before we ordered a test. Our thoughts are with his wife Georgette and their sons."
    )
    assert names(text) == []
    # Once a patient is the last person spoken of, "his wife" is that patient's relative.
    text = "Dr. Anselm Weir saw Mr. Fenwick in clinic today after his bypass surgery. His wife Georgette drove him in."
    assert names(text) == ["Mr. Fenwick", "Georgette"]


def test_a_town_after_an_institution_or_a_street_address_is_a_place():
    text = "Safe sleep session, Tuesday at 7 pm, in the auditorium of the hospital of Gatineau (12 Main Street)."
    assert names(text) == []
    text = "The service will be held at Grace Chapel, 18 Harbour Road, Clifton. Our patient's family welcomes all."
    assert names(text) == []
    text = "Séance d'information au centre hospitalier de Florence (5 rue des Lilas), mardi à 19 h."
    assert names(text) == []


def test_a_name_that_names_a_thing_after_the_is_no_one():
    text = "A skier came into our ER after a fall on the Jasper trail; the second scan showed a splenic bleed."
    assert names(text) == []


# Patients named by what is said beside the name


def test_a_person_who_agreed_to_be_filmed_or_shown_is_the_patient():
    assert names("Teaching video on knee injections. Thanks to Orla Finnegan, who kindly agreed to be filmed.") == [
        "Orla Finnegan"
    ]
    text = "Merci à Lucien Gagné, qui a accepté d'être photographié pour notre affiche sur les plaies du pied."
    assert names(text) == ["Lucien Gagné"]
    assert names("Big thanks to Noor Haddad, who agreed to let us film her dressing change for our course.") == [
        "Noor Haddad"
    ]
    # Agreeing to a favour that shows no one is no consent to be shown.
    assert names("Lecture du week-end : Boris Cyrulnik, qui a accepté de préfacer le livre de notre collègue.") == []
    # A titled colleague who agreed is still a colleague.
    assert names("Thanks to Dr. Orla Finnegan, who agreed to review the slides.") == []


def test_a_name_then_an_age_said_as_a_year_old_is_a_patient():
    text = "I think of Soren, a 15-year-old I saw last winter, every time someone asks about concussions."
    assert names(text) == ["Soren"]
    text = "Un de nos joueurs, Mathis Côté, un garçon de 16 ans, a caché ses symptômes pendant deux semaines."
    assert names(text) == ["Mathis Côté"]
    # A town, then the patient: "in Hearst, a 70-year-old".
    assert names("Last night at our ER in Kapuskasing, a 70-year-old came in with chest pain.") == []


def test_a_name_then_a_patient_however_described_is_a_patient():
    text = "Happy 99th to Agatha, the cheekiest patient on my list and the only one who still knits me socks."
    assert names(text) == ["Agatha"]
    # A name with a patient-partner role stays a colleague's.
    assert names("Welcome to Agatha Voss, the patient advocate joining our quality committee.") == []


def test_the_family_of_a_named_person_beside_care_is_a_patients():
    text = "Does anyone know the family of Edwin Castell? He left his glasses in our ER on Monday."
    assert names(text) == ["Edwin Castell"]
    # A family thanked for a gift to a public fund, far from any care, is no patient's.
    assert names("Thanks to the family of Terry Fox for opening this year's run in our town.") == []


def test_a_name_on_a_found_phones_screen_is_its_owners():
    text = 'Found in our waiting room: a grey phone. The lock screen says "Priyanka" with a photo of a dog.'
    assert names(text) == ["Priyanka"]
    text = "Trouvé : un téléphone à la salle d'attente, avec « Papi Gérald » en fond d'écran. Passez à l'accueil."
    assert names(text) == ["Papi Gérald"]


def test_a_nickname_of_endearment_in_quotes_or_said_after_the_name_is_the_patients():
    assert names('Our little warrior "Bubba" in NICU bed 6 took his first bottle today!') == ["Bubba"]
    text = "Notre petite « Pistache » a terminé sa radiothérapie ce matin, chambre 9 de l'oncologie."
    assert names(text) == ["Pistache"]
    text = "Étienne Gravel, dit « Pitbull », revient pour son épaule. À mardi pour la physio !"
    assert "Pitbull" in names(text)
    # A therapy dog is no patient.
    assert names('Our little buddy "Rex", the therapy dog, visited the peds ward today.') == []
    # A show or a thing in quotes, with no endearment, is no one.
    assert names('Our unit watched "Scrubs" reruns on night shift.') == []


def test_a_patient_whose_handle_holds_her_first_name_is_named_by_it():
    text = (
        "A patient of mine, 15, in treatment for an eating disorder, showed me her account @mira.eats.well. "
        "Mira now decides herself what she posts."
    )
    assert "Mira" in names(text)
    # A clinician's own handle is no patient's.
    assert names("Follow our dietitian @mira.eats.well for recipes. Mira posts every Monday.") == []


def test_someone_thanked_by_name_then_told_of_their_next_visit_is_a_patient_or_kin():
    text = "Thanks for the lovely card, Gwen! Glad the new inhaler helps. See you at your follow-up in March."
    assert names(text) == ["Gwen"]
    # Thanks to a colleague, with no visit to come, stay clean; so does a meeting that is nobody's visit.
    assert names("Thanks for the invite, Harvard! See you at the follow-up symposium in May.") == []
    assert names("Thanks for covering my shift, Gwen! The unit was in good hands.") == []


def test_anyone_may_own_an_operation_on_a_part_of_the_body():
    assert names("So glad Quinlan's hip replacement went well. See you at the 6-week check.") == ["Quinlan"]
    # An eponym owns a disease, not an operation.
    assert names("Parkinson's disease affects about 100,000 Canadians.") == []


def test_a_full_name_arriving_the_way_patients_arrive_is_a_patients_whatever_the_first_name():
    text = "At 3 am Marit Lindqvist arrived at 36 weeks in active labour, with the roads closed. Marit did great."
    assert names(text) == ["Marit Lindqvist", "Marit"]
    assert names("Ce matin, Océane Barbeau est arrivée en ambulance après une chute à vélo.") == ["Océane Barbeau"]
    # A colleague arriving is no patient: "Dr." before the name, or nothing of need after it.
    assert names("Dr. Marit Lindqvist arrived at 6 am by ambulance helicopter to help us.") == []
    assert names("Marit Lindqvist arrived at the unit in March as our new manager.") == []


def test_the_partner_of_a_patient_named_as_compagnon_is_named():
    text = "Aurélie a accouché chez elle cette nuit, avec son compagnon Jérémie au téléphone avec le 15."
    assert "Jérémie" in names(text)


def test_what_the_author_said_beside_a_titled_name_is_no_public_statement():
    text = "@nurse_kim_rn yes, it was Mr. Abara in bed 12. Tell him I said hi and that I'll see him at rehab."
    assert "Mr. Abara" in names(text)
    assert names("Premier Ford said today that Mr. Abara's bill will pass.") == []
