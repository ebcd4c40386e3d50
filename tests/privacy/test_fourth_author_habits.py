"""Dates, rooms, numbers, handles and warnings as a fourth author wrote them. Each rule names a habit of writing,
not a post: it stands beside the look-alike it must leave alone, in English and in French."""

import pytest

from tests.privacy.helpers import categories, flagged

# Dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Shared with permission 🧵 / 1. Saturday Nov 28 around 2 am, a pickup pulls up to our ambulance bay.",
            "Nov 28",
        ),
        (
            "Birth story, with the parents' blessing / 1/ Then on 2026-11-17 at 4:12 am, she arrived in labour.",
            "2026-11-17",
        ),
        (
            "Racontée avec l'accord de la famille / 1. Le 28 novembre, vers 7 h, appel pour un chasseur blessé.",
            "28 novembre",
        ),
        ("Avec l'accord des parents 🧵 / 1. Le 17/11/2026 à 4 h, une patiente accouche dans le camion.", "17/11/2026"),
        ("With the family's permission. March 3, at 3 a.m., a man walks into our ER holding his chest.", "March 3"),
    ],
)
def test_the_day_and_hour_a_story_told_with_consent_opens_on_is_a_date_of_care(text, date):
    assert any(category == "date" and date in excerpt for category, excerpt in flagged(text))


def test_a_day_and_hour_given_by_a_notice_or_mid_sentence_is_not():
    assert "date" not in categories("Patients: our clinic will be closed on December 24 at noon. Happy holidays!")
    assert "date" not in categories(
        "Avec l'accord de nos patients, nous lançons un groupe de marche : le 12 janvier à 10 h, rendez-vous au parc."
    )
    assert "date" not in categories(
        "Pour nos patients diabétiques. Le 12 janvier à 10 h, atelier sur les pieds à la salle communautaire."
    )
    assert "date" not in categories("Our patient advisory council meets on March 3 at 6 pm in the library.")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Il est mort paisiblement le mardi 24 novembre, la fenêtre ouverte sur la mer.", "mardi 24 novembre"),
        ("She passed away peacefully on October 2, with the window open to the garden.", "October 2"),
        (
            "Mr. D.K., a retired machinist from Hamilton, was diagnosed with pancreatic cancer on October 3, 2016.",
            "October 3, 2016",
        ),
    ],
)
def test_the_day_someone_died_or_was_diagnosed_is_a_date_even_beside_an_open_window_or_a_retired_trade(text, date):
    assert ("date", date) in flagged(text)


def test_a_colleagues_death_or_retirement_day_is_not_a_patients():
    assert "date" not in categories("Our colleague Dr. Anne Roy died on June 3 after a long illness. We miss her.")
    assert "date" not in categories("Our nurse Linda Park retired on June 30 after 32 years.")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("So glad the knee went well. See you both at his 6-week check on January 12. 😊", "January 12"),
        ("Contente que l'opération se soit bien passée. On se voit pour son contrôle le 12 janvier.", "12 janvier"),
        ("Her biopsy is booked for March 4, fingers crossed.", "March 4"),
    ],
)
def test_one_persons_appointment_to_come_is_a_date_of_care(text, date):
    assert ("date", date) in flagged(text)


def test_a_public_notice_of_appointments_is_not():
    assert "date" not in categories("Book your flu shot appointment before November 15 at the front desk.")
    assert "date" not in categories("Dr. Li has her follow-up clinic on March 3, so book early.")


def test_a_birthday_told_by_the_age_turned_is_a_date_of_birth_and_a_clinics_is_not():
    assert ("date", "Dec 9") in flagged("Dropped off a card for our homebound patient. He's turning 100 on Dec 9. 🎉")
    assert ("date", "3 mars") in flagged("Ma patiente fêtera ses 95 ans le 3 mars, et elle veut danser.")
    assert "date" not in categories("Our clinic turns 10 on March 3: cake in the lobby!")


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Noah, 4, was diagnosed with acute lymphoblastic leukemia in October and has been here since.", "October"),
        ("Mrs. Chen was admitted in March 2024 and still asks for the same nurse.", "March 2024"),
        ("Mme Roy a été hospitalisée en mars 2024 pour une pneumonie.", "mars 2024"),
        ("Il est décédé début janvier, entouré des siens.", "janvier"),
    ],
)
def test_a_month_without_a_day_tied_to_one_persons_care_is_a_date_as_the_labelling_rule_says(text, month):
    """The corpus README: a date is labelled when it is more precise than the year and tied to birth or care."""
    assert ("date", month) in flagged(text)


def test_a_month_of_a_wards_or_a_courses_is_not_a_date():
    assert "date" not in categories("We admitted 40 patients in March, a record for our small unit.")
    assert "date" not in categories("We did it together, exactly as we'd practised in our course in October.")
    assert "date" not in categories("Nous avons admis 120 patients en janvier, un record pour l'unité.")
    assert "date" not in categories("Flu admissions usually peak in January; get your shot now.")


# Rooms


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("She left her hearing aids in our ER cubicle C-14 on Sunday. Please call the unit clerk.", "cubicle C-14"),
        ("@sarahm_rn yes, it was Mr. Osei in 4B-12. Tell him I said hi.", "4B-12"),
        ("Discharged her home today after 61 days. She hugged every nurse on 7 West on the way out.", "7 West"),
        ("Maxime rentre chez lui après 47 jours. Toute l'équipe du 4e Nord lui a fait une haie d'honneur.", "4e Nord"),
        ("Notre petit « Ti-Loup » a soufflé ses bougies dans la chambre 7 ce matin.", "chambre 7"),
        ("He finally went home from 3 East after six weeks.", "3 East"),
    ],
)
def test_a_ward_bay_or_room_code_tied_to_one_person_is_a_room(text, room):
    assert ("room", room) in flagged(text)


def test_staff_on_their_ward_and_a_street_are_not_rooms():
    assert "room" not in categories("Shout-out to the night nurses on 6 West, especially Marcus and Tiana!")
    assert "room" not in categories("Merci aux infirmières du 5e Nord, sans qui rien ne fonctionnerait.")
    assert "room" not in categories("Kudos to our unit clerk Janet for 30 years of keeping 7 West running!")
    assert "room" not in categories("She moved her practice to 7 West Street last spring.")


# Numbers, mailboxes, streets and handles


def test_a_number_a_relative_sent_a_message_from_is_theirs_even_when_sent_to_the_unit():
    assert ("phone", "306-555-0143") in flagged("His daughter texted the unit from 306-555-0143 to say thank you.")
    assert ("phone", "514-555-0199") in flagged("Sa fille a appelé l'unité du 514-555-0199 pour nous remercier.")
    assert "phone" not in categories("Questions about the unit? Call the unit clerk at 306-555-0100.")


def test_a_mailbox_said_to_be_a_titled_persons_is_theirs_and_a_clinics_is_not():
    assert ("email", "rpainchaud1949@videotron.ca") in flagged(
        "L'adresse de M. Painchaud, rpainchaud1949@videotron.ca, a été mise en copie de l'infolettre de la clinique."
    )
    assert ("email", "golsen52@gmail.com") in flagged(
        "Mrs. Olsen's e-mail, golsen52@gmail.com, went to the whole list."
    )
    assert "email" not in categories("L'adresse de la clinique, cliniquelac@videotron.ca, a changé.")


def test_a_patient_said_by_the_street_she_lives_on_gives_an_address():
    assert ("address", "chemin du Lac-Noir") in flagged(
        "Josée, ma patiente du chemin du Lac-Noir, m'a apporté des œufs frais ce matin."
    )
    assert ("address", "Pembroke Road") in flagged("My patient from Pembroke Road brought me a pie.")
    assert "address" not in categories("My patient from down the road brought me a pie.")
    assert "address" not in categories("Le patient du rang a apporté des œufs.")


def test_a_serial_printed_in_groups_is_a_device_serial_and_the_word_serial_alone_is_not():
    assert ("device_serial", "PJN 418 203 H") in flagged(
        "Son boîtier porte le numéro de série PJN 418 203 H, inscrit sur sa carte de porteur."
    )
    assert ("device_serial", "ICD 44 B1009") in flagged(
        "His defibrillator's serial number is ICD 44 B1009, on his card."
    )
    assert "device_serial" not in categories("The serial number is on the box the pump came in.")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ('Got a requisition with no name, just AHC# 58214-0937 and "knee pain". Who sent this?', "58214-0937"),
        ("Un numéro de Santé Manitoba, 118 402 736, collé au mur du poste sur un Post-it.", "118 402 736"),
    ],
)
def test_a_provinces_plan_named_before_a_number_makes_it_a_health_card(text, number):
    assert ("health_card", number) in flagged(text)


def test_an_academic_health_centre_and_a_health_ministrys_line_are_not_cards():
    assert "health_card" not in categories("Our AHC hosts 120 residents across 14 programs this year.")
    assert "health_card" not in categories("Un numéro de santé publique : composez le 811, 24 h sur 24.")


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        (
            "The comments knew who it was: the patient's sister had posted about that night from @brookeyy_l.",
            "@brookeyy_l",
        ),
        ("La fille de la patiente a tout raconté le soir même sur @julie_et_maman.", "@julie_et_maman"),
    ],
)
def test_the_account_a_patients_relative_posted_from_is_a_handle(text, handle):
    assert ("url_handle", handle) in flagged(text)


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("@MarkT_Edm I'm sorry, I can't discuss your mom's care here. Please call the unit manager.", "@MarkT_Edm"),
        ("@nico_b74 je comprends votre colère pour votre père, mais je ne peux rien dire publiquement.", "@nico_b74"),
    ],
)
def test_declining_to_discuss_a_relatives_care_in_a_reply_says_there_is_care(text, handle):
    assert ("url_handle", handle) in flagged(text)


def test_declining_to_discuss_cases_in_general_or_a_colleagues_handle_is_not():
    assert "url_handle" not in categories("@MarkT_Edm I can't discuss individual cases here, but our FAQ helps.")
    assert "url_handle" not in categories(
        "Thanks @sarahm_rn for the rounds talk; my sister posted it from @grandrounds."
    )


# Ages


def test_a_great_age_after_initials_or_at_death_is_an_age():
    assert ("age", "94") in flagged("Ms. R.P., 94, admitted Nov. 30 for her third fall this year.")
    assert ("age", "96") in flagged("Mme G.L. (96), est rentrée chez elle hier.")
    assert ("age", "97") in flagged("RIP to my patient of 22 years, who died Nov 23 at 97 and told me I looked tired.")
    assert ("age", "96") in flagged("Ma patiente est décédée lundi à 96, chez elle, comme elle le voulait.")


def test_a_score_after_initials_a_reading_or_a_time_of_death_is_not_an_age():
    assert "age" not in categories("The U.S., 92, ranks below Canada on this index.")
    assert "age" not in categories("She died at 9 pm with her family around her.")
    assert "age" not in categories("Her sats passed at 94% on room air.")


# Warnings


@pytest.mark.parametrize(
    "text",
    [
        "Busy morning: a 78-year-old farmer from Kindersley rolled his tractor and came into our ER, flail chest.",
        "Saw a 5 y/o today with measles in the Waterloo region. Unvaccinated. Please check your kids' records.",
        "Dimanche dernier, une famille de cinq de Saint-Michel-des-Saints est arrivée à notre urgence.",
        "Grosse nuit : un homme de 50 ans de Rimouski est arrivé à l'urgence en arrêt cardiaque.",
    ],
)
def test_a_recent_local_encounter_said_by_a_shifts_heading_a_region_or_a_family_is_an_encounter(text):
    assert "encounter" in categories(text)


def test_a_story_dated_back_or_a_celebration_on_the_ward_is_not_an_encounter():
    assert "encounter" not in categories(
        "In January a family of five from the east end came into our emergency department in the middle of the night."
    )
    assert "encounter" not in categories(
        "Une belle semaine à l'unité. Mme Poulin, 92 ans, a célébré ses 70 ans de mariage dans sa chambre."
    )
    assert "encounter" not in categories("Busy morning planning our flu clinic: come see us in the Waterloo region!")


def test_a_directive_with_a_strength_or_schedule_after_a_colon_is_advice():
    assert "medical_advice" in categories(
        "At 14:20 I answer the viewer whose eyelid rash has lasted three months: stop the hydrocortisone on your "
        "eyelids now, start tacrolimus 0.1% twice a day for two weeks."
    )
    assert "medical_advice" in categories(
        "À une abonnée qui demande quoi faire : arrêtez la crème, appliquez le tacrolimus deux fois par jour."
    )


def test_a_french_imperative_without_a_treatment_is_not_advice():
    assert "medical_advice" not in categories(
        "Trois doigts sectionnés ce matin. Arrêtez le moteur avant de débloquer !"
    )
    assert "medical_advice" not in categories("@troll arrêtez de raconter n'importe quoi sur les vaccins.")
    assert "medical_advice" in categories("Arrêtez la cortisone sur les paupières dès maintenant.")
    assert "medical_advice" not in categories("Ordre du jour : start with the 2 mg/kg slide, then the case review.")


def test_a_link_in_the_bio_beside_praise_is_a_commercial_interest_in_either_language():
    assert "commercial_interest" in categories(
        "Je ne jure plus que par mon otoscope connecté, les images sont superbes. Commandez avec mon lien dans la bio !"
    )
    assert "commercial_interest" not in categories("Inscription au webinaire sur l'asthme : le lien est dans la bio.")


# Look-alikes from the last round's open questions


@pytest.mark.parametrize(
    "text",
    [
        "My grandmother turned 90 last week and still beats me at crib.",
        "Ma grand-mère a eu 90 ans hier et elle me bat encore aux cartes.",
        "My grandmother turned 94 on March 3, and we had cake.",
        "Ma grand-mère fête ses 95 ans le 3 mars !",
    ],
)
def test_the_authors_own_family_turning_a_great_age_stays_clean(text):
    assert {"age", "date"}.isdisjoint(categories(text))


def test_a_patient_turning_a_great_age_is_still_flagged():
    assert ("age", "100") in flagged("My patient Ada turned 100 today!")
    assert ("age", "94") in flagged("Mr. Jones, 94, a retired farmer, came in with a hip fracture.")


@pytest.mark.parametrize(
    "text",
    [
        "Happy retirement to our nurse Carol, 91, who worked here until last Friday!",
        "Our volunteer Bob, 92, was honoured at his retirement party today.",
        "Notre bénévole Gisèle, 93 ans, a pris sa retraite hier : quelle fête !",
    ],
)
def test_a_colleagues_great_age_at_a_retirement_stays_clean(text):
    assert "age" not in categories(text)


def test_the_authors_own_line_given_to_someone_who_asked_stays_clean_and_a_relatives_does_not():
    assert "phone" not in categories("@jdoe please don't call the ward directly; ours is 613-555-0100, ask the clerk.")
    assert "phone" not in categories("@jdoe n'appelez pas l'unité directement ; le nôtre, c'est le 514-555-0100.")
    assert ("phone", "613-555-0142") in flagged("@jdoe call his son at 613-555-0142, he has the keys.")


def test_a_month_tied_to_care_follows_the_labelling_rule_in_both_languages():
    """The README's rule (more precise than the year, tied to birth or care) holds for a month without a day."""
    assert ("date", "March 2024") in flagged("Admitted in March 2024, she still asks for the same nurse.")
    assert ("date", "mars 2024") in flagged("Elle a été admise en mars 2024 et demande encore la même infirmière.")
    assert ("date", "June") in flagged("My dad was diagnosed with prostate cancer in June.")
    assert "date" not in categories("We opened the new unit in March 2024.")
    assert "date" not in categories("Nous avons ouvert la nouvelle unité en mars 2024.")


# Probes in other words: each rule's reach and where it stops


def test_a_story_day_by_daylight_needs_the_event_told_and_a_public_meeting_is_none():
    assert ("date", "2 février") in flagged(
        "Avec l'accord de la famille. Le 2 février à 14 h, une dame de 80 ans est amenée par son fils."
    )
    assert ("date", "January 9") in flagged(
        "Shared with permission. January 9, 3:40, the phone rings: a truck in the ditch on Highway 11."
    )
    assert "date" not in categories(
        "With consent from our patient partners. March 3 at 7 pm, town hall on ER wait times at the library."
    )
    assert "date" not in categories(
        "Avec l'accord de nos patients partenaires. Le 3 mars à 19 h, assemblée publique à la bibliothèque."
    )


def test_a_little_one_in_a_room_is_a_patient_and_a_little_hospital_is_not():
    assert ("room", "room 4") in flagged("Our little guy in room 4 finally ate a popsicle.")
    assert "room" not in categories("Notre petit hôpital a ouvert la chambre 3 aux familles.")
    assert "room" not in categories("Bravo à l'unité 6 et ses infirmières pour leur prix d'excellence !")


def test_the_authors_own_diagnosis_month_is_not_a_patients_date():
    assert "date" not in categories("I was diagnosed with Crohn's in May 2019, and here's what I learned.")
    assert "date" not in categories("J'ai été diagnostiquée en mai 2019, et voici ce que j'ai appris.")


def test_declining_only_what_is_about_care_counts():
    assert ("url_handle", "@karen") in flagged("@karen I'm so sorry about your dad; I can't comment on his care here.")
    assert "url_handle" not in categories(
        "@karen votre mère est chanceuse ; je ne peux pas commenter les politiques de l'hôpital ici."
    )


def test_a_tip_for_everyone_after_a_colon_is_not_advice_to_one():
    assert "medical_advice" not in categories("Today's tip: stop smoking, start walking 30 minutes twice a day.")


def test_a_shifts_heading_may_name_the_place():
    assert "encounter" in categories(
        "Rough night in our ER: three overdoses and a 40-year-old man from Sudbury in cardiac arrest."
    )
    assert "encounter" in categories("Grosse garde à l'urgence : un homme de 40 ans de Sherbrooke en arrêt cardiaque.")
    assert "encounter" not in categories("A family of four from Ottawa won our raffle today at the clinic!")


def test_what_a_titled_patient_told_me_in_a_month_dates_a_visit_and_what_my_mother_told_me_does_not():
    assert ("date", "janvier") in flagged("Mme Gagnon m'avait dit en janvier que sa toux venait du poêle à bois.")
    assert ("date", "March") in flagged("Mr. Hale told me in March that the cough came from the woodstove.")
    assert "date" not in categories("My mother told me in March that she was proud of me.")
    assert "date" not in categories("Ma mère m'a dit en mars qu'elle était fière de moi.")


def test_a_great_age_in_apposition_after_a_person_said_by_a_common_noun_is_an_age():
    assert ("age", "97") in flagged("The patient, 97, went home today.")
    assert ("age", "94") in flagged("A woman, 94, came in after a fall at home.")
    assert ("age", "93") in flagged("My mother, 93, was admitted last week with pneumonia.")
    assert "age" not in categories("My grandmother, 93, still beats me at crib.")
    assert "age" not in categories("Our receptionist, 91, still works Tuesdays.")


def test_a_day_of_the_month_alone_in_the_sentence_of_care_is_a_date():
    assert ("date", "14th") in flagged("Mrs. P. came in on the 14th with chest pain; she went home on the 17th.")
    assert "date" not in categories("The clinic is closed on the 24th; walk-ins resume on the 27th.")
    assert "date" not in categories("He was admitted to the 5th floor on the 3rd attempt.")


def test_a_relatives_illness_said_to_the_one_replied_to_makes_their_handle_a_relatives():
    assert ("url_handle", "@lisa_m") in flagged(
        "@lisa_m so sorry about your husband's stroke; we're all thinking of him."
    )
    assert ("url_handle", "@lisa_m") in flagged("@lisa_m désolée pour l'AVC de votre mari, toute l'équipe pense à lui.")
    assert "url_handle" not in categories("@lisa_m your husband's cancer research foundation does great work.")


def test_in_a_patients_story_his_relatives_account_is_a_handle_and_a_clinics_is_not():
    assert ("url_handle", "@niece.of.bob") in flagged(
        "Patient story, with consent. His niece posted the photo on Instagram as @niece.of.bob."
    )
    assert "url_handle" not in categories("Thanks to her niece, who posted our event on @clinic_events.")


def test_a_birthday_on_the_ward_is_not_an_acute_encounter():
    assert "encounter" not in categories("Mme Tremblay, 101 ans, a soufflé ses bougies ce matin à l'unité.")


def test_a_colleagues_memorial_gives_her_age_a_sentence_later_and_it_stays_clean():
    assert "age" not in categories(
        "Our longtime receptionist Marg passed away on Nov 3. She was 92 and worked here until 80."
    )
    assert ("age", "96") in flagged("Our nurse Jo sat with Mr. Lee all night. He was 96.")


def test_a_guidelines_directive_after_a_colon_is_for_everyone_not_advice_to_one():
    assert "medical_advice" not in categories(
        "New guideline: start apixaban 5 mg twice a day for most patients with AF (see link)."
    )
    assert ("medical_advice", "take 400 mg ibuprofen three times a day with food") in flagged(
        "My answer to the reader: take 400 mg ibuprofen three times a day with food."
    )


@pytest.mark.parametrize(
    ("text", "age", "date"),
    [
        ("She celebrated her 100th on Feb 2 at the residence.", "100", "Feb 2"),
        ("Il a célébré son 95e le 3 mars avec ses arrière-petits-enfants.", "95", "3 mars"),
        ("Elle a fêté ses 100 ans le 2 février à la résidence.", "100 ans", "2 février"),
    ],
)
def test_a_great_birthday_celebrated_gives_an_age_and_a_date_of_birth(text, age, date):
    assert {("age", age), ("date", date)} <= set(flagged(text))


def test_a_clinics_or_the_authors_familys_celebration_stays_clean():
    assert not flagged("Our clinic celebrated its 25th on Feb 2.")
    assert not flagged("My grandmother celebrated her 99th on Feb 2.")


def test_a_card_said_whose_before_its_number_is_a_health_card():
    assert ("health_card", "123 456 789") in flagged("Carte soleil de madame : 123 456 789, oubliée au comptoir.")
    assert "health_card" not in categories("La carte santé de l'Ontario : 12 millions de personnes la portent.")


def test_a_newborn_by_its_gestation_or_a_french_trade_is_a_described_patient():
    assert "encounter" in categories("Overnight in our NICU, a 24-weeker from Iqaluit arrived by medevac.")
    assert "encounter" in categories("Ce matin au bureau, une enseignante de Joliette m'a montré un grain de beauté.")
    assert "encounter" not in categories(
        "Ce mois-ci, une enseignante de Joliette a remporté le prix du club de lecture."
    )


def test_what_one_tells_a_troll_is_not_advice_and_a_dose_to_a_parent_is():
    assert "medical_advice" not in categories("@troll stop spreading lies about vaccines.")
    assert "medical_advice" in categories("@patient_mom start the amoxicillin 500 mg three times a day and call me.")


def test_a_record_number_said_where_it_is_or_between_commas_is_a_record_number():
    assert ("record_number", "00482913") in flagged("His MRN is on the sticker: 00482913.")
    assert ("record_number", "554 221") in flagged("Son numéro de dossier, 554 221, était visible sur la photo.")
    assert "record_number" not in categories("Our MRN system is from 2009 and was replaced in 2024.")
    assert "record_number" not in categories("In his chart, 2019 notes show nothing.")


def test_a_doctors_memorial_and_a_units_birthday_are_not_a_patients_dates():
    assert not flagged("Remembering Dr. Hall, who died on Dec 2. She trained half the doctors in this town.")
    assert not flagged("Our team celebrated the unit's 100th birthday on May 1.")
    assert not flagged("Notre équipe a célébré le 100e anniversaire de notre hôpital le 1er mai.")
    assert ("date", "Dec 2") in flagged("Dr. Roy's patient, Mr. Lee, died on Dec 2.")
    assert ("date", "May 1, 1926") in flagged("Happy 100th birthday to Mrs. Lee, born May 1, 1926!")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Thread, with his OK 🧵 1/ Dec. 3rd, 1:30 a.m.: a snowmobiler from Lac La Ronge comes in hypothermic.",
            "Dec. 3rd",
        ),
        ("Fil, avec son accord 🧵 1/ 3 déc., 1 h 30 : un motoneigiste de Chibougamau arrive en hypothermie.", "3 déc."),
        ("Her due date was March 14, and she delivered on the 2nd instead.", "March 14"),
        ("He'll be back for his cast removal on Jan. 8.", "Jan. 8"),
        ("Il revient pour retirer son plâtre le 8 janv.", "8 janv."),
        ("We buried her on Saturday, November 21, at the church she loved.", "Saturday, November 21"),
        ("Elle a été inhumée le samedi 21 novembre dans l'église qu'elle aimait.", "samedi 21 novembre"),
        ("Baby Noah was born 11/28 at 0342, 3.2 kg.", "11/28"),
    ],
)
def test_more_days_of_care_birth_and_burial_in_other_words(text, date):
    assert ("date", date) in flagged(text)


def test_a_thread_announcing_a_meeting_an_abstracts_due_date_or_a_doctors_clinic_day_stays_clean():
    assert "date" not in categories("Town hall 🧵 1/ Dec. 3rd, 7 p.m.: join us at the library to talk about ER waits.")
    assert "date" not in categories("Abstracts due date: March 14. Submit online!")
    assert "date" not in categories("Dr. Li will remove casts on Jan. 8 at the fracture clinic.")


def test_a_relatives_results_said_to_the_one_replied_to_make_their_handle_a_relatives():
    assert ("url_handle", "@janesmith") in flagged("@janesmith your dad's biopsy results should be back Monday.")
    assert ("url_handle", "@janesmith") in flagged(
        "@janesmith les résultats de la biopsie de votre père arrivent lundi."
    )


def test_a_room_number_alone_after_a_titled_patient_is_a_room_and_a_year_or_a_phone_is_not():
    assert ("room", "312") in flagged("Mr. Fox in 312 asked for his guitar again.")
    assert ("room", "312") in flagged("Mme Roy, de la 312, nous a tricoté des pantoufles.")
    assert "room" not in categories("Mr. Fox in 2019 was our first patient on the new unit.")
    assert "room" not in categories("Rappeler le fils de Mme Doré au 819-555-0155.")


def test_a_numbered_rang_where_someone_lives_is_an_address_and_a_clinics_is_not():
    assert ("address", "rang 4") in flagged("Elle vit seule dans le rang 4 à Saint-Adelphe, sans auto.")
    assert "address" not in categories("Le cabinet est situé dans le rang 4, à côté de l'église.")


def test_a_patients_relatives_account_named_right_after_them_is_a_handle_and_one_they_thanked_is_not():
    assert ("url_handle", "@bigjohnfitness") in flagged(
        "My patient's son runs @bigjohnfitness and said I could tag him."
    )
    assert "url_handle" not in categories("The patient's daughter, a nurse, thanked @ClinicNorth for the care.")


def test_a_relative_getting_better_said_to_the_one_replied_to_makes_their_handle_a_relatives():
    assert ("url_handle", "@maria_k") in flagged("@maria_k I hope your mom's hip is healing well; the team says hi!")
    assert ("url_handle", "@maria_k") in flagged("@maria_k j'espère que la hanche de votre mère guérit bien !")
    assert "url_handle" not in categories("@drsmith hope your recovery from the marathon is going well!")


def test_contempt_for_someones_schooling_or_sources_is_heated():
    assert "heated" in categories("@anon you clearly failed high school biology. Go back to your YouTube university.")
    assert "heated" not in categories("@anon I went back to the biology textbook and you're right about the dose.")


def test_an_organizations_first_patient_and_a_webinars_case_are_not_a_patients_date_or_encounter():
    assert not flagged("Notre unité a admis son premier patient le 3 mars 2019 ; quel chemin parcouru !")
    assert "encounter" not in categories(
        "Tonight's webinar: managing delirium in the ICU, with a case of a 78-year-old from Sudbury."
    )
    assert ("date", "Jan 1") in flagged("Baby Ava, our first baby of the year, was born on Jan 1 at 00:47.")


def test_a_nurse_of_our_unit_is_staff_not_an_encounter():
    assert "encounter" not in categories(
        "Cette nuit, une infirmière de notre unité a sauvé la vie d'un collègue au stationnement."
    )


def test_the_age_of_a_building_is_not_a_persons():
    assert "age" not in categories("The 92-year-old hospital building on King Street will be demolished.")
    assert ("age", "94-year-old") in flagged("The 94-year-old at home alone called 911.")
