"""Phones, mailboxes and addresses: a patient's are identifiers, an organization's are published on purpose.

Whose a contact point is, is said by the nearest word that names an owner, usually just before it.
"""

from tests.privacy.helpers import categories, flagged

# Phones


def test_the_nearest_owner_decides_whose_number_it_is():
    assert flagged("Dr. Osei has moved: her practice is now at the Riverside Clinic, same number, 705-555-0148.") == []
    assert flagged("Call her son at 705-555-0148 if she is not answering.") == [("phone", "705-555-0148")]


def test_a_service_named_after_the_people_it_serves_publishes_its_line():
    assert "phone" not in categories("Our patient relations team is at 613-555-0102 for any concern.")
    assert "phone" not in categories("Le soutien à domicile se joint au 819 555-0177, du lundi au vendredi.")
    assert "phone" not in categories("L'unité mère-enfant répond jour et nuit au 418 555-0161.")


def test_a_study_coordinators_or_a_desks_line_is_an_organizations():
    assert "phone" not in categories("Adults over 65 in Sudbury welcome. Study coordinator: 705-555-0129.")
    assert "phone" not in categories("Accueil : 506 555-0177, du lundi au vendredi.")


def test_a_fax_number_is_whoever_the_sentence_says_it_is():
    assert flagged("She asked us to fax the results to her home, fax 902-555-0131.") == [("phone", "902-555-0131")]
    assert "phone" not in categories("Our lines open at 8; please don't send the fax at 416-555-0133.")


# E-mail


def test_a_mailbox_at_a_personal_provider_near_a_patient_is_flagged():
    assert flagged("A patient wrote to me from dgallant71@hotmail.com to say thanks.") == [
        ("email", "dgallant71@hotmail.com")
    ]
    assert flagged("Sa fille m'écrit de jmarois@videotron.ca chaque semaine.") == [("email", "jmarois@videotron.ca")]


def test_a_mailbox_at_an_organizations_domain_is_published_on_purpose():
    assert flagged("Abstracts are due in March: send them to fmday@ualberta-example.ca.") == []
    assert flagged("Les équipes intéressées peuvent écrire à soins.palliatifs@cisss-exemple.qc.ca.") == []
    assert flagged("If you knew her, the family would welcome your stories at tributes@hospital-example.ca.") == []


def test_a_mailbox_at_any_domain_is_flagged_when_the_post_says_it_is_a_patients():
    assert flagged("The patient's e-mail, r.haddad@acme-logistics.com, was on the screenshot.") == [
        ("email", "r.haddad@acme-logistics.com")
    ]
    assert flagged("Le courriel de la patiente : m.roy@entreprise.ca apparaissait en haut.") == [
        ("email", "m.roy@entreprise.ca")
    ]


# Addresses


def test_a_clinic_that_moves_gives_its_new_address():
    assert "address" not in categories("Patients of Dr. Singh: her clinic moves to 40 Queen Street on March 3.")
    assert "address" not in categories(
        "Avis aux patients de la Dre Roy : sa clinique déménage au 12, rue King, le 3 mars."
    )


def test_a_vaccination_clinic_in_a_school_gym_gives_the_schools_address():
    assert "address" not in categories(
        "Vaccination le samedi au gymnase de l'école secondaire du Boisé, 350, boulevard Lacroix, à Joliette."
    )


def test_a_patients_home_address_is_still_flagged():
    assert "address" in categories("The ambulance took her home to 15 Birch Crescent after discharge.")
    assert "address" in categories("Visite à domicile chez Mme Roy, 22, rue des Érables, ce matin.")


def test_a_street_right_after_a_titled_patient_is_their_address():
    assert ("address", "chemin du Lac") in flagged("10 h : Mme Gagnon (88 ans), chemin du Lac, pour un pansement.")
    assert "address" not in categories("10 h : réunion d'équipe, chemin du Lac, salle 2.")
    assert "address" not in categories("Merci à M. Tremblay, rue Principale, pour son don de livres.")


def test_the_sender_of_a_letter_gives_their_own_address():
    assert "address" in categories("L'adresse de retour disait : Lucie Caron, 48, rue Dufferin, app. 3, Granby.")
    assert "address" not in categories("Retournez les formulaires à notre bureau : 48, rue Dufferin, local 3.")


def test_a_clinicians_own_line_or_mailbox_given_to_colleagues_is_not_a_patients():
    assert flagged("Vous pouvez joindre la Dre Tremblay au 418 555-0100, poste 3.") == []
    assert flagged("Our pharmacist, Ana, can be reached at 613-555-0177.") == []
    assert flagged("Questions about electives? Email me at drsmith.peds@gmail.com.") == []
    assert flagged("Écrivez-moi à dre.roy@gmail.com pour les stages.") == []
    assert ("phone", "613-555-0111") in flagged("The patient, a retired pharmacist, gave his cell: 613-555-0111.")


def test_a_nurses_or_an_assistants_line_is_a_services():
    assert flagged("Pour joindre l'infirmière de liaison : 819 555-0134, poste 2210.") == []
    assert flagged("Our MOA Tina answers the phone at 613-555-0100 from 8 to 4.") == []


def test_a_numbered_rang_or_route_is_a_rural_address_and_french_may_drop_the_preposition():
    assert ("address", "55, rang 3") in flagged("Il habite au 55, rang 3, à Saint-Adelphe.")
    assert ("address", "rue des Lilas") in flagged("Elle habite rue des Lilas, près du dépanneur.")
    assert flagged("La clinique est au 1200, route 132, à Sainte-Flavie.") == []
    assert flagged("Elle habite Montréal depuis 1990.") == []


def test_a_page_that_follows_someones_illness_points_at_them():
    assert flagged("Suivez le combat de Léo sur facebook.com/leo.contre.la.leucemie") == [
        ("url_handle", "facebook.com/leo.contre.la.leucemie")
    ]
    assert flagged("Follow our clinic at facebook.com/cliniquedulac for updates.") == []


def test_an_events_booking_line_is_the_organizers():
    assert flagged("Le souper-bénéfice aura lieu le 3 mai. Réservez au 418 555-0100.") == []
    assert ("phone", "613-555-0101") in flagged("Her daughter wants a callback at 613-555-0101.")


def test_a_colleagues_work_mailbox_is_not_a_patients_even_after_her():
    assert flagged("Dr. Roy is our new lead: her e-mail is marie.roy@chu-example.ca.") == []
    assert ("email", "lise.b@cegep-exemple.ca") in flagged(
        "Une patiente m'a écrit de son adresse personnelle, lise.b@cegep-exemple.ca, hier."
    )


def test_a_mailbox_a_patient_or_relative_wrote_from_is_theirs_at_any_domain():
    assert flagged("A patient e-mailed me from jdoe@acme-logistics.com to say thanks.") == [
        ("email", "jdoe@acme-logistics.com")
    ]
    assert flagged("Sa fille m'a écrit de m.roy@entreprise-exemple.ca hier soir.") == [
        ("email", "m.roy@entreprise-exemple.ca")
    ]
    assert flagged("Our team e-mailed the results from research@hospital-example.ca.") == []


def test_a_number_with_no_owner_nearby_belongs_to_whoever_the_post_speaks_of():
    assert flagged("Clinique du Lac. Horaire des Fêtes en ligne. Pour toute demande, tél. : 418 555-0100.") == []
    assert flagged("Sticky note on the desk: 705-555-0155. Her son will call back.") == [("phone", "705-555-0155")]


def test_a_practice_or_a_pharmacy_publishes_its_address_but_a_patients_hospice_places_them():
    assert flagged("Her practice is now at 200 Elgin Street, Ottawa, K2P 1L5.") == []
    assert flagged("Il a ouvert sa pharmacie au 300, boulevard Taschereau en 1985.") == []
    assert "address" in categories("She spent her last weeks at the hospice on 14 Birch Lane, with her cat.")


def test_a_staff_member_who_takes_calls_for_an_organization_gives_its_line():
    assert "phone" not in categories("Pour la campagne, joignez notre agente de communication au 418 555-0100.")
    assert ("phone", "613-555-0111") in flagged("Her son, a real-estate agent, gave his cell: 613-555-0111.")
