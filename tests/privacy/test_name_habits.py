"""How clinicians name patients in posts written by others than the rules' first authors, each habit with the
look-alike that must stay clean beside it: colleagues, places named after people, the author's own family."""

from privacy.text import scan
from tests.privacy.helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


# Places and days named like people


def test_a_hospital_mountain_or_saint_named_after_someone_is_a_place():
    text = (
        "My mother was diagnosed with breast cancer in 1998. I remember sitting in the waiting room at the old "
        "Princess Margaret, reading her pathology report."
    )
    assert names(text) == []
    assert names("Une photo d'elle au sommet du mont Albert, deux ans après son diagnostic d'endométriose.") == []
    assert names("Our patient was transferred to St. Michael's for a stroke workup.") == []


def test_a_holiday_said_with_every_or_chaque_is_not_a_person():
    text = "Mon père a eu un cancer de la prostate; il me rappelle chaque Noël que c'est grâce à lui."
    assert names(text) == []


# Colleagues named with their role


def test_a_colleague_named_after_a_role_and_its_field_is_not_a_patient():
    text = (
        "M. Gagnon refusait l'insuline. On a trouvé une solution avec l'infirmière en diabète, Josée Pelletier : "
        "des stylos dans une glacière."
    )
    assert "Josée Pelletier" not in names(text)
    assert "M. Gagnon" in names(text)


def test_a_courtesy_title_on_a_colleague_named_with_her_role_is_not_a_patient():
    text = "Ce qu'on a changé : une vérification par la physicienne médicale, Mme Jacinthe Roussel."
    assert names(text) == []


def test_a_doctor_beside_our_patient_advisory_council_stays_a_colleague():
    text = (
        "His name is Gerald and his referral sat in a dead fax line. Dr. Fiona Walsh, our chief of surgery, calls it "
        "plumbing. Gerald is doing well after his hemicolectomy, and he sits on our patient advisory council."
    )
    assert "Fiona Walsh" not in names(text)
    assert "Gerald" in names(text)


def test_a_patient_with_a_device_serial_number_is_not_a_tv_series():
    text = "M. L., porteur d'un stimulateur cardiaque (no de série PJN418227S), devait recevoir une radiothérapie."
    assert "M. L." in names(text)


def test_a_street_number_after_a_name_is_not_the_year_of_a_citation():
    assert "M. et Mme Charron" in names("Visite à domicile aujourd'hui chez M. et Mme Charron, 4587, avenue des Pins.")
    assert names("Gagnon et Roy, 2019, ont montré que la marche réduit les chutes chez les patients âgés.") == []


# The author's own family


def test_the_authors_own_child_with_her_age_is_not_a_patient():
    assert names("My daughter Zoé (8) asked why I wear a mask at work: so my patients stay well.") == []
    assert names("Ma fille Éloïse (9 ans) m'a demandé pourquoi je porte un masque. Pour mes patients!") == []
    assert "Léo" in names("Notre fils Léo, 5 ans, a reçu un diagnostic de leucémie en mars.")


# A name beside a record, or read off a document


def test_a_name_beside_a_date_of_birth_or_a_chart_number_is_a_patients():
    assert "Harold P." in names("DOB 03/17/1938, Harold P., chart 2281907, sorry, wrong window, deleting!")
    assert "Beaulieu, Raymonde" in names("Beaulieu, Raymonde, DDN 1934-06-21, dossier 882-041... oups, j'efface!")


def test_a_name_beside_a_street_address_is_a_patients():
    text = "The return address said Marguerite Deschênes, 17 Elm Crescent, Apt 4, and she had trained for a year."
    assert "Marguerite Deschênes" in names(text)
    assert "Marguerite" in names(text + " Marguerite, if you're reading this: you did the hard part.")


def test_a_name_read_off_a_health_card_a_label_or_an_obituary_is_a_patients():
    assert "Raymond Achterberg" in names(
        "Found in our waiting room: an OHIP card for Raymond Achterberg. Ask reception."
    )
    text = "Un porte-cartes contenant une carte d'assurance-maladie au nom de « Réal Thériault » a été trouvé."
    assert "Réal Thériault" in names(text)
    assert "Bohdan K." in names('To the gentleman who left a folder on chair 3 (labelled "Bohdan K."): it is safe.')
    assert "Julianne Paradis" in names(
        "Une jeune femme que je suivais est morte. L'avis de décès dit Julianne Paradis."
    )


def test_a_name_after_a_bed_on_a_tracking_board_is_a_patients():
    assert "Bergeron, Y." in names("On lisait sur le tableau blanc « Civière 14 : Bergeron, Y., DRS, consult ortho ».")


def test_a_place_a_clinic_phone_or_a_doctor_beside_an_address_is_not_a_patient():
    assert names("Story time at the Kenora Public Library, 24 Main St S., every Saturday.") == []
    assert names("Reminder to patients of Dr. Amrita Singh: her clinic moves to 200 Wellington St., Unit 5.") == []
    assert names("Our booking clerk, Shirley Nakamura, 613-555-0164, phones anyone whose referral is late.") == []
    assert names("Vaccination au gymnase de l'école Jean-Baptiste-Meilleur, 777, boulevard Iberville.") == []


# A name said, or the name friends used


def test_a_name_said_in_the_past_tense_in_a_post_about_care_is_a_patients():
    assert names("Her name was Grace. She was 90 and had outlived two husbands and a cancer.") == ["Grace"]
    assert names("Elle s'appelait Thérèse et elle est partie hier, chez elle. #SoinsPalliatifs") == ["Thérèse"]


def test_the_nickname_friends_used_is_a_patients_name_and_comes_back():
    text = "One of the young people I cared for died last week. His friends called him Jojo. Jojo was funny."
    assert names(text) == ["Jojo", "Jojo"]
    assert names("Une jeune femme que je suivais est morte. Ses amies l'appelaient « Juju ».") == ["Juju"]
    text = 'A young man I\'ll call by the nickname he asked me to use, "Tank", came to our crisis unit. He was admitted'
    assert names(text) == ["Tank"]


def test_a_pseudonym_the_author_chose_is_not_a_patients_name():
    text = "Her name (not her real name, of course) was Anna, and she taught me about palliative care."
    assert names(text) == []


# Families and parents


def test_a_family_called_by_its_surname_with_its_children_in_a_place_of_care_is_a_patients():
    assert names("The Petrov twins came in for their one-year shots today. #NICUgrads") == ["Petrov"]
    assert names("La famille Nguyen est revenue nous voir à la néonatalogie avec ses jumeaux.") == ["Nguyen"]


def test_a_family_that_consents_to_the_story_is_the_patients():
    text = "Tout le monde va bien. La famille Côté-Bérubé m'a permis de partager l'histoire."
    assert names(text) == ["Côté-Bérubé"]


def test_a_family_giving_or_thanked_is_not_a_patients():
    assert names("La famille Nguyen a fait un don généreux à notre néonatalogie. Merci!") == []
    assert names("Thank you to the Petrov family for the coffee they brought to the NICU staff!") == []


def test_both_parents_named_together_are_relatives():
    text = "Le petit Hugo est arrivé le 1er janvier, au grand bonheur de ses parents, Camille et Jonathan, de Lévis."
    assert {"Camille", "Jonathan"} <= set(names(text))
    assert names("My parents, Anne and Paul, celebrate 50 years of marriage today!") == []


def test_consent_said_in_other_words_makes_a_birth_story_a_patients():
    text = (
        "On the night of January 11, Priya arrived at our little hospital in active labour with twins. "
        "I'm telling this story with their blessing."
    )
    assert "Priya" in names(text)


# A patient's name again, inside a hashtag


def test_a_patients_name_comes_back_inside_a_campaigns_hashtag():
    text = "Please share: our patient Kayden, 6, needs a stem-cell donor. #StemCellsForKayden"
    assert names(text) == ["Kayden", "Kayden"]
    assert names("Notre petit patient Zachary, 4 ans, a besoin d'un donneur. #TousPourZachary") == [
        "Zachary",
        "Zachary",
    ]


def test_a_hashtag_holding_a_patients_name_inside_a_longer_word_is_not_the_name():
    assert names("Our patient Grace, 88, went home today. #AgingGracefully") == ["Grace"]


# Newborns, things of someone's care, addresses and made-up names


def test_a_baby_boy_or_girl_named_is_a_patient():
    assert names("Baby boy Ezra arrived Dec 1 at 03:12, 4.1 kg, to the happiest parents in L&D!") == ["Ezra"]
    assert names("Bienvenue à la petite fille Rosalie, née ce matin à notre pouponnière!") == ["Rosalie"]


def test_a_first_name_with_a_thing_of_its_care_is_a_patients():
    assert names("Can't believe the lab lost Edith's bloodwork AGAIN. Three pokes for her.") == ["Edith"]
    assert names("Encore une fois, le dossier de Gisèle a été égaré entre deux étages.") == ["Gisèle"]


def test_an_eponym_or_a_titled_colleague_with_a_thing_of_care_is_not_a_patient():
    assert names("Early Alzheimer's diagnosis changes how families plan. Parkinson's treatment too.") == []
    assert names("Dr. Sarah's chart review session starts at noon in the ICU.") == []


def test_a_patient_addressed_by_the_name_in_her_own_email_address_is_named():
    text = "A patient sent me a thank-you e-mail from bev.mcallister62@mail.example with photos. Bev, you made my week!"
    assert "Bev" in names(text)
    text = "Une patiente m'a écrit de son adresse personnelle, lise.b58@mail.example. Lise, vous avez fait ma semaine!"
    assert "Lise" in names(text)


def test_a_colleague_addressed_beside_a_team_mailbox_is_not_a_patient():
    text = "Sarah, thank you for running the flu clinic! Questions go to flu.clinic2026@hospital.example."
    assert names(text) == []


def test_a_name_the_author_made_up_is_not_a_patients_name():
    text = "Let's call her Anna. Anna was admitted with pneumonia last winter and taught me patience."
    assert names(text) == []
    text = "Sarah (not her real name) came in with chest pain. Sarah was 34 and had been diagnosed with lupus."
    assert names(text) == []


def test_a_colleague_remembered_by_name_is_not_a_patient():
    text = "Her name was Margaret Chen, our head nurse for 30 years; she passed away on Sunday. Rest easy, Margaret."
    assert names(text) == []


def test_a_volunteer_with_his_age_or_the_authors_son_turning_five_is_not_a_patient():
    assert names("Our volunteer driver, Gord, 78, has taken patients to chemo for ten years. Thank you!") == []
    assert names("My son Liam turned 5 today and asked if hospitals have birthday cake.") == []


def test_a_care_home_resident_is_a_patient_not_a_medical_resident():
    text = "Joyeux 100e anniversaire à Mme Simone Boucher, résidente de notre CHSLD depuis 2019!"
    assert "Mme Simone Boucher" in names(text)
    assert names("Félicitations à Sophie Tremblay, résidente en médecine familiale, pour son prix!") == []


def test_a_household_visited_at_home_is_named_by_its_surname():
    assert names("Chez les Bouchard, la visite à domicile finit toujours par du sucre à la crème.") == ["Bouchard"]


def test_a_nickname_said_before_everyone_calls_it_so_is_a_patients_name():
    text = "Ti-Guy, comme tout le monde l'appelle au village, est sorti de l'hôpital aujourd'hui."
    assert names(text) == ["Ti-Guy"]


def test_a_titled_pseudonym_is_no_one():
    text = "We'll call him Mr. X for privacy. Mr. X was admitted with sepsis and went home a week later."
    assert names(text) == []


def test_a_therapy_dog_a_song_or_a_patient_navigator_is_not_a_patient():
    assert names("Her name is Ada, our new therapy dog! She visits the palliative care unit every Tuesday.") == []
    assert names("Baby Shark played for the 40th time today in paediatrics. Send help.") == []
    text = "Our patient navigator, Diane Roy, helps families find their way around the cancer centre."
    assert names(text) == []


def test_a_name_then_our_patients_is_a_patients_name():
    assert names("Les Gagnon, nos patients depuis trois générations, ont fêté leurs 60 ans de mariage.") == ["Gagnon"]
    assert names("Ernie, one of my longtime patients, brought us maple syrup again.") == ["Ernie"]
    assert names("Dorothy Mills, our patient partner, will speak at the board meeting.") == []


def test_someone_sat_with_in_their_last_hours_is_a_patient():
    assert names("Yesterday I sat with Harold during his last hours on the palliative unit.") == ["Harold"]
    assert names("Hier, j'ai accompagné Jeannine dans ses derniers moments aux soins palliatifs.") == ["Jeannine"]


def test_a_first_name_then_its_care_in_a_relative_clause_is_a_patients():
    text = "Une pensée pour Ginette, qui a commencé sa chimio aujourd'hui. Courage, Ginette!"
    assert names(text) == ["Ginette", "Ginette"]
    assert names("Thinking of Paul, who was diagnosed with ALS last spring and still coaches hockey.") == ["Paul"]


def test_a_colleague_thanked_for_a_clause_about_care_is_not_a_patient():
    assert names("Thanks to Julie, who started the chemo unit's new scheduling protocol!") == []
    assert names("Our pharmacist Julie, who reviews every chemotherapy order, retires today.") == []


def test_a_records_word_counts_beside_a_name_only_with_its_value():
    assert names("Ethel Bain, date of birth: March 3, 1931, admitted overnight.") == ["Ethel Bain"]
    assert names("Marie, dossier complet pour la réunion de demain : merci!") == []


def test_a_family_as_a_plural_surname_with_their_child_in_care_is_named():
    text = "The Hendersons brought their son back for his follow-up today: no seizures in a year!"
    assert names(text) == ["Hendersons"]


def test_a_team_as_a_plural_word_is_not_a_family():
    assert names("The Oilers came back in the third period; I was on call in the ER with a fracture.") == []
    assert names("The Leafs had their best game; our clinic staff watched it in the waiting room.") == []


def test_a_family_named_beside_the_french_icu_is_a_patients():
    assert names("Pensées pour la famille Bergeron, qui vit des heures difficiles à l'USI.") == ["Bergeron"]


# A post's texts are read together


def test_a_name_found_in_one_part_of_a_thread_is_found_again_in_another():
    findings = scan(
        {
            "thread:1": "1/ Last week my patient Mr. Okafor came in with chest pain.",
            "thread:2": "2/ His troponin was normal, but Okafor insisted on staying. Dr. Okafor (cardiology) agreed.",
        }
    )
    assert [(f.field, f.excerpt) for f in findings if f.category == "name"] == [
        ("thread:1", "Mr. Okafor"),
        ("thread:2", "Okafor"),
    ]


def test_a_name_in_the_text_is_found_again_in_an_images_alt_text():
    findings = scan({"text": "Remembering Walter today.", "alt:3": "Walter holding his granddaughter at the clinic."})
    assert [(f.field, f.excerpt) for f in findings if f.category == "name"] == [("text", "Walter"), ("alt:3", "Walter")]


def test_a_name_met_as_a_colleague_in_another_text_stays_a_colleague_there():
    findings = scan({"text": "Our patient Mrs. Roy went home today.", "text:twitter": "Thanks to our nurse Roy!"})
    assert [(f.field, f.excerpt) for f in findings if f.category == "name"] == [("text", "Mrs. Roy")]


def test_a_patient_comes_back_by_her_nickname():
    text = "Some of you knew Margaret Kowalczyk, my patient for eleven years. Maggie loved the library."
    assert names(text) == ["Margaret Kowalczyk", "Maggie"]
    assert names("Our patient Robert went home. Thanks to Bob, our porter, for the wheelchair.") == ["Robert"]


def test_a_young_one_named_is_a_patient_but_not_a_film():
    assert names("Le jeune Mathis a été opéré hier pour une appendicite. Bravo Mathis!") == ["Mathis", "Mathis"]
    assert names("Young Frankenstein is still the best comedy about medicine.") == []


# A third author's habits (issue 13)


def test_a_full_name_with_an_age_is_the_first_name_too_and_comes_back_by_it():
    text = (
        "Cette semaine, Rosalie Vachon, 81 ans, est arrivée avec un sac de médicaments. "
        "Trois mois plus tard, Rosalie ne prend plus que quatre comprimés."
    )
    assert names(text) == ["Rosalie Vachon", "Rosalie"]


def test_a_number_before_a_street_is_an_address_not_an_age():
    text = "Il vit à la résidence des Érables, 14, allée des Érables, où l'eau chaude n'était plus entretenue."
    assert names(text) == []


def test_a_role_said_of_a_patient_with_a_copula_does_not_make_her_a_colleague():
    text = "Last month's best teacher was Margaret Osei, 92, who brought every pill bottle she owned to clinic."
    assert "Margaret Osei" in names(text)
    assert names("Our guest speaker, Margaret Osei, 52, talked about pharmacy practice.") == []


def test_a_first_name_coming_to_the_emergency_department_is_a_patient():
    assert names("Harold came to our ED at 0200 with chest pain, grey and sweaty.") == ["Harold"]
    assert names("Dr. Harold Kim came to our ED at 0200 to help with the trauma.") == []


def test_an_aside_between_a_name_and_what_happened_to_them_keeps_the_name():
    text = "Samuel Ouellette, who some of you know from the local theatre, came in for a follow-up on his knee."
    assert [name for name in names(text) if "Samuel" in name]
    colleague = "Our nurse Samuel Ouellette, who some of you know from the local theatre, came in on his day off."
    assert names(colleague) == []


def test_the_labels_of_a_practices_contact_lines_are_not_names():
    text = "Le cabinet déménage. Adresse : 4, rue des Lilas, 44000 Nantes. Secrétariat : 02 40 11 22 33."
    assert names(text) == []
    assert "Mme Lebrun" in names("Mme Lebrun : dossier 448812, à rappeler demain.")


def test_a_professor_with_the_feminine_title_pre_is_a_colleague():
    text = (
        "Sa thèse sur le délirium chez les patients âgés a été saluée par son jury, présidé par la Pre Odile Marchand."
    )
    assert names(text) == []


def test_colleagues_named_in_a_pair_after_their_role_are_both_colleagues():
    text = (
        "She chose to stop dialysis and die at home, and the palliative team made it possible. "
        "Our palliative nurses, Ghislaine and Denis, were with her every day."
    )
    assert names(text) == []


def test_a_nickname_given_after_a_colon_is_a_name():
    text = (
        "Fil partagé avec l'accord de la jeune et de ses parents. Elle tient à son surnom : Noisette. 14 ans, anorexie."
    )
    assert names(text) == ["Noisette"]
    assert names("Le surnom de l'unité : Mistral, comme le vent. On a repeint les murs.") == []


def test_a_name_before_a_social_insurance_number_is_a_patients():
    assert names("Insurance appeal for Gloria Pettigrew (SSN 512-44-9921) faxed today.") == ["Gloria Pettigrew"]
    assert names("Dossier de Mme Roy, NIR 1 85 05 75 123 456 78.") == ["Mme Roy"]


def test_a_patient_told_of_the_authors_pride_by_name_in_a_post_about_their_care_is_named():
    text = "Every Monday Big Ray brings muffins to our addictions clinic. 9 months sober. So proud of you, Ray."
    assert names(text) == ["Ray", "Ray"]
    assert names("Ça fait 8 ans que je le suis pour sa schizophrénie. Il a signé son bail. Fière de toi, Ti-Jean.") == [
        "Ti-Jean"
    ]


def test_mental_health_care_said_only_in_a_hashtag_is_care():
    assert names("Two years without a drink. So proud of you, Kenji. #AddictionMedicine") == ["Kenji"]


def test_an_abbreviation_in_a_hashtag_is_not_a_place_of_care():
    # "#MedEd" is medical education, not the ED; the department is written in capitals ("#ERLife").
    assert names("Our residents ran grand rounds all by themselves. So proud of you, Kenji. #MedEd") == []
    assert names("Six weeks clean and back at work. So proud of you, Kenji. #ERLife") == ["Kenji"]


def test_pride_in_a_colleague_named_with_a_role_or_outside_care_is_not_a_patient():
    assert names("So proud of you, Rachel, our newest charge nurse, for passing your boards!") == []
    assert names("You ran your first marathon! So proud of you, Rachel.") == []


def test_new_parents_congratulated_on_a_birth_and_the_newborns_are_named():
    text = (
        "Big night on the birthing unit! Congratulations to Yaa Boateng and Kojo on the arrival of their twins, "
        "Esi and Fiifi, born at 02:10 and 02:31. Yaa was a champion."
    )
    assert names(text) == ["Yaa Boateng", "Kojo", "Esi", "Fiifi", "Yaa"]
    assert names("Félicitations à Julie et Marc pour la naissance de leur fille, Léa, née cette nuit à 3 h !") == [
        "Julie",
        "Marc",
        "Léa",
    ]


def test_a_colleague_congratulated_on_a_birth_or_a_colleague_congratulated_on_an_award_is_not_a_patient():
    assert names("Congratulations to our charge nurse Yaa and Kojo on the arrival of their son!") == []
    assert names("Congratulations to Yaa Boateng on the award for her teaching, well deserved.") == []


def test_someone_described_then_named_in_apposition_in_a_post_about_care_is_the_patient():
    text = (
        "I want to write about a patient who taught me patience. He's a retired fishing guide, Arvo Haukka, and he "
        "lives alone up the lake road. After his surgery, Arvo drove himself to every follow-up."
    )
    assert names(text) == ["Arvo Haukka", "Arvo"]
    outbreak = "Nine cases of hepatitis A. The index case was a dishwasher, Tomasz Wrona, who worked while jaundiced."
    assert names(outbreak) == ["Tomasz Wrona"]


def test_a_colleague_described_by_a_role_or_a_description_outside_care_is_not_a_patient():
    assert names("Our speaker was a retired nurse, Edna Foulds, who ran the ICU for decades. Patients loved her.") == []
    assert names("The winner of the bake sale was a local teenager, Arvo Haukka, and his blueberry pie.") == []


def test_a_patient_who_agreed_then_thanked_by_name_is_named():
    text = "In this video I examine a real patient who kindly agreed to be filmed: thank you Gareth! Chapters below."
    assert names(text) == ["Gareth"]
    assert names("Une patiente qui a accepté d'être filmée : merci Lise ! La vidéo est en ligne.") == ["Lise"]
    assert (
        names("A patient who asked a great question inspired this thread: thanks Dr. Gareth Lim for the slides.") == []
    )
    assert names("A patient who read my last post asked a great question, so thank you Twitter for the replies.") == []


def test_a_name_said_with_what_it_is_to_the_author_and_an_injury_is_a_patient():
    assert names("Oui, c'est bien Mathéo, notre ailier blessé au genou, que tu as vu samedi.") == ["Mathéo"]
    assert names("Oui, c'est bien Mathéo, notre ailier, qui a marqué samedi.") == []


def test_a_person_opening_a_sentence_about_their_own_care_is_a_patient():
    text = "Kokum Edna Whitehead showed me how she actually manages her sugars at the fish camp. Thank you, Edna."
    assert names(text) == ["Edna Whitehead", "Edna"]
    assert names("Lucienne m'a montré comment elle gère sa glycémie au chalet, sans glucomètre.") == ["Lucienne"]


def test_a_colleague_who_manages_her_patients_care_is_not_a_patient():
    assert names("Dr. Jennifer Lee told the residents how she manages her own diabetes on call.") == []
    assert names("Our nurse Jennifer showed me how she manages her insulin pump orders.") == []


def test_a_patient_sharing_the_surname_of_the_person_replied_to_is_named_when_her_care_is_told():
    text = (
        "Réponse publique à @gilles_roy_71. Mme Roy a choisi elle-même de ne pas être réanimée, et cette décision "
        "figure dans son dossier."
    )
    assert names(text) == ["Mme Roy"]
    assert names("@gilles_roy_71 M. Roy, votre question sur le dossier médical partagé est excellente.") == []


def test_a_relative_who_also_shares_a_colleagues_trade_is_family_of_a_colleague():
    text = (
        "Our department lost a giant. Dr. Ruth Abernethy died on Sunday at 88. Her son Callum, also a surgeon, will "
        "speak at the memorial on Friday."
    )
    assert names(text) == []
    patient = "Mr. Dunn was admitted with sepsis. His wife Linda, a nurse, stayed by his bed all night."
    assert "Linda" in names(patient)


def test_pride_that_goes_on_to_a_colleagues_feat_is_not_a_patient():
    assert names("So proud of you, Megan, for finishing your residency! #MedEd") == []
    assert names("Eighteen months clean this week. So proud of you, Dwayne.") == ["Dwayne"]


def test_a_public_figure_described_or_an_intern_hurt_is_not_a_patient():
    assert names("He's a local hero, Terry Fox, and his run raised millions for cancer research.") == []
    assert names("Hier soir, Lucas, notre interne blessé au poignet, a quand même assuré la garde.") == []


def test_a_newborn_welcomed_to_the_world_by_name_is_named():
    assert names("Welcome to the world, Ada and Theo! Born at 03:12 and 03:20 on our unit.") == ["Ada", "Theo"]
    assert names("Bienvenue au monde, petite Léonie ! Née cette nuit à la maison de naissance.") == ["Léonie"]
    assert names("Welcome to the team, Ada! Our newest nurse starts on the birthing unit Monday.") == []


def test_a_first_name_coming_to_see_the_author_or_walking_into_clinic_is_a_patient():
    assert names("Gordon came to see me today, two years after his bypass, with tomatoes from his garden.") == [
        "Gordon"
    ]
    assert names("Gordon walked into clinic with a shoebox of pill bottles.") == ["Gordon"]
    assert names("Dr. Gordon Reyes came to see us today to talk about the new sepsis protocol.") == []


def test_a_patient_thanked_by_name_for_her_story_of_care_stays_named():
    # Thanks usually make a name a colleague's; not when the thanks are for telling one's own care.
    assert names("Thank you, Margaret, for letting me share your story about your breast cancer diagnosis.") == [
        "Margaret"
    ]
    assert names("Merci Ginette de m'avoir permis de raconter ton histoire de cancer du sein.") == ["Ginette"]


def test_a_patient_encouraged_by_name_at_the_end_of_a_post_about_their_care_is_named():
    assert names("Round 4 of 6 of chemo done today, and still smiling. Keep fighting, Nora!") == ["Nora"]
    assert names("Troisième semaine de dialyse à domicile, sans une seule alarme. Lâche pas, Ti-Jean !") == ["Ti-Jean"]
    assert names("Keep it up, Nora, your residents' journal club is the best in the department!") == []
