"""The same identifiers as another author writes them: families, hashtags, the author's own sick child, great
ages in words or after a surname, dates without a year, each province's card words, record and room numbers as
hospitals print them; and the colleagues, donors, researchers and statistics around them stay unflagged."""

import datetime

import pytest

from tests.privacy.helpers import categories, flagged

# Names


def test_a_family_named_beside_what_happened_to_one_of_them_is_flagged_in_any_post():
    text = "Our hearts are with the Nguyen family tonight. Their son was admitted to the ICU after the crash."
    assert ("name", "Nguyen") in flagged(text)


def test_a_donor_family_or_a_family_foundation_is_not_a_patients():
    assert (
        flagged(
            "Thank you to the Tremblay family for their gift to the palliative care unit, where patients were "
            "admitted this year."
        )
        == []
    )
    assert flagged("The Nguyen Family Foundation donated two ultrasound machines to our hospital.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please share #PrayForLiam - he starts chemo on Monday at the children's hospital.", "Liam"),
        ("Our whole unit is wearing green today. #TeamLéa", "Léa"),
        ("Everyone is rooting for him. #NoahStrong", "Noah"),
    ],
)
def test_a_hashtag_rallying_for_someone_names_them(text, name):
    assert ("name", name) in flagged(text)


def test_a_hashtag_for_a_place_or_a_team_is_not_a_name():
    assert flagged("#PrayForUvalde #MentalHealthAwareness #TeamCanada") == []


def test_the_authors_own_child_named_in_a_sentence_about_their_illness_is_a_patient():
    text = (
        "Our daughter Amelia, who is six, was diagnosed with leukemia in February. "
        "Amelia says thank you, and also that she wants a puppy."
    )
    assert [excerpt for category, excerpt in flagged(text) if category == "name"] == ["Amelia", "Amelia"]
    assert ("name", "Léo") in flagged("Notre fils Léo, 5 ans, a reçu un diagnostic de leucémie en février.")


def test_the_authors_family_named_outside_any_care_stays_unflagged():
    assert "name" not in categories("My husband Mark and I finally took a holiday. Back in clinic on Monday!")


def test_a_nickname_given_in_a_care_story_comes_back_as_a_name():
    text = 'I met a patient last month, a retired trucker. "Call me Bud," he said. Bud had lung cancer.'
    assert [excerpt for category, excerpt in flagged(text) if category == "name"] == ["Bud", "Bud"]


def test_a_first_name_met_with_a_staff_role_stays_a_colleague_when_it_comes_back_doing_what_patients_do():
    assert flagged("Our nurse Olivia came in on her day off to help. Olivia, you are amazing.") == []
    assert (
        flagged(
            "Shout-out to our night team: charge nurse Bethany Cole and RT Marco Bellini. Marco fixed a ventilator "
            "alarm nobody else could figure out, and Bethany stayed past her shift."
        )
        == []
    )


def test_a_researcher_cited_or_a_character_in_a_series_is_not_a_patient():
    assert flagged("Research by Ahmed et al. found that patients over 90 had more delirium after surgery.") == []
    assert flagged("Watching Grey's Anatomy with my kids: Meredith was diagnosed with COVID again.") == []


def test_the_verbs_of_care_show_book_and_a_series_of_are_no_fiction():
    assert flagged("Mrs. Lavoie, please book your follow-up for next week; the clot has cleared.") == [
        ("name", "Mrs. Lavoie")
    ]
    assert flagged("Just finished the new show on Netflix, where Mrs. Hale is admitted with sepsis.") == []
    assert flagged("Binge-watched the series: Mrs. Hale is admitted with sepsis in episode 3.") == []


def test_a_surname_with_an_elided_particle_is_read_whole():
    assert (
        flagged("Our physiotherapist Liam O'Connor presented at rounds on falls prevention in patients with dementia.")
        == []
    )


def test_a_singer_named_with_the_music_chosen_for_a_farewell_is_not_a_patient():
    text = (
        "Une de mes patientes a choisi son aide médicale à mourir. Elle a choisi sa musique (Édith Butler, "
        "évidemment) et le gâteau qu'elle voulait."
    )
    assert ("name", "Édith Butler") not in flagged(text)


def test_consent_said_in_other_words_makes_a_post_a_patients_story():
    text = (
        "Sa famille m'a dit que j'ai le droit de raconter son histoire. Son échographie montrait un cœur qui "
        "pompait au tiers de sa capacité. Gaétan Lévesque prend aujourd'hui quatre médicaments."
    )
    assert ("name", "Gaétan Lévesque") in flagged(text)


# Ages


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("She was ninety-four when she broke her hip.", "ninety-four"),
        ("Mr. Fraser (age 95) was admitted.", "95"),
        ("Bernadette Lavallée was 91 and had taught three generations of kids.", "91"),
        ("She is turning 95 next week and still comes to clinic by bus.", "95"),
        ("Elle fête ses 97 ans à l'hôpital la semaine dernière.", "97"),
        ("Il avait quatre-vingt-quatorze ans quand il est arrivé.", "quatre-vingt-quatorze ans"),
    ],
)
def test_a_great_age_is_flagged_however_it_is_said(text, age):
    assert any(category == "age" and age in excerpt for category, excerpt in flagged(text))


def test_an_age_is_flagged_after_a_name_already_found_anywhere_in_the_post():
    text = (
        "My patient Bernadette Lavallée, a retired schoolteacher, chose MAID in October. "
        "By then, Lavallée was 91 and had taught three generations of this town to read."
    )
    assert ("age", "91") in flagged(text)


def test_a_year_of_birth_more_than_89_years_back_says_the_age():
    year = datetime.date.today().year - 95
    assert ("age", str(year)) in flagged(f"Born in {year}, she still drove herself to every appointment.")
    assert ("age", str(year)) in flagged(f"Née en {year}, elle a été admise mardi dernier.")
    assert flagged(f"In {year}, insulin was still new; today 1 in 10 Canadians lives with diabetes.") == []


def test_a_studys_oldest_participant_is_a_statistic():
    assert flagged("Le participant le plus âgé avait 101 ans, et l'âge médian était de 82 ans.") == []
    assert flagged("The trial enrolled 300 patients aged 90 to 99; the mean age was 93.") == []


# Dates


def test_a_day_and_month_without_a_year_right_after_a_word_of_care_is_a_date_of_care():
    assert ("date", "03/03") in flagged("Patient admitted 03/03, surgery the next day.")
    assert flagged("Our data on 3/4 of admitted patients show shorter stays since the new pathway.") == []


def test_a_holiday_said_as_the_day_of_care_is_a_date():
    assert ("date", "Christmas Eve") in flagged("She was admitted on Christmas Eve with pneumonia.")
    assert ("date", "la veille de Noël") in flagged("Il est décédé la veille de Noël, entouré des siens.")
    assert flagged("Happy Canada Day to our amazing team! The clinic is closed July 1.") == []
    assert "date" not in categories("She asked me not to tell her kids about the diagnosis until after Christmas.")


# Numbers


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("His Alberta health care number is 12345-6789.", "12345-6789"),
        ("Manitoba PHIN 123456789", "123456789"),
        ("Saskatchewan health services number 123 456 789", "123 456 789"),
        ("Yukon health care insurance number 123-456-789", "123-456-789"),
        ("Newfoundland MCP number 123456789012", "123456789012"),
    ],
)
def test_each_provinces_own_words_for_its_health_card_introduce_a_card_number(text, number):
    assert ("health_card", number) in flagged(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("MR# 00123456", "00123456"),
        ("Hosp # 5512093 on the label", "5512093"),
        ("Numéro de dossier médical : 778812", "778812"),
        ("Encounter number 99812345", "99812345"),
    ],
)
def test_record_numbers_are_read_after_every_name_hospitals_give_them(text, number):
    assert ("record_number", number) in flagged(text)


def test_a_mailbox_whose_name_holds_a_role_is_an_organizations():
    assert flagged("Please reach out at ob.recruitment@northshorehealth.ca or visit our careers page.") == []
    assert flagged("Si vous avez des idées, écrivez à president@omsa.ca.") == []


# Rooms and streets


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("One very memorable birthday in Room 3B-12, with a cake the nurses smuggled in for our kid.", "Room 3B-12"),
        ("La dame de la chambre 7-214 m'a fait rire.", "chambre 7-214"),
    ],
)
def test_room_numbers_as_hospitals_print_them_are_read_whole(text, room):
    assert ("room", room) in flagged(text)


def test_rounds_of_chemotherapy_are_not_teaching_rounds():
    text = "She has been through four rounds of chemotherapy and one birthday in Room 3B-12 with her kid brother."
    assert ("room", "Room 3B-12") in flagged(text)


def test_a_street_without_a_number_in_a_sentence_about_a_patient_is_an_address():
    text = (
        "Dad was diagnosed with dementia at 61, and had a fracture last spring. He got lost walking to the "
        "corner store on Pembroke Street where he had bought his newspaper for twenty years."
    )
    assert ("address", "Pembroke Street") in flagged(text)


def test_a_clinics_street_stays_unflagged_in_a_patients_story():
    text = (
        "A story I've been allowed to tell: we are three family doctors and a very patient receptionist in a "
        "converted house on Main Street. One of our patients was diagnosed with cancer and had surgery in May."
    )
    assert "address" not in categories(text)


# Replies and heat


def test_a_handle_replied_to_about_their_own_illness_in_one_part_of_a_thread_is_flagged():
    text = (
        "1/ The new guideline, explained. 2/ Taper slowly. "
        "3/ @douleur_chronique_mtl je vous entends, votre douleur est réelle. 4/ Merci au Dr Furlan."
    )
    assert ("url_handle", "@douleur_chronique_mtl") in flagged(text)


def test_a_handle_told_to_see_their_doctor_is_not_said_to_be_a_patient():
    assert "url_handle" not in categories("@gisèle70 bonne question! Je vous suggère d'en parler à votre médecin.")


def test_going_back_to_work_is_not_heated():
    assert flagged("He keeps asking when he can go back to work. Please wear chaps when you use a chainsaw.") == []


# Still more of what other authors write


def test_at_the_age_of_is_an_age():
    assert ("age", "96") in flagged("She died at the age of 96, surrounded by family.")
    assert ("age", "98 ans") in flagged("Elle est décédée à l'âge de 98 ans.")


def test_a_date_as_a_wristband_prints_it_is_a_date_of_birth():
    assert ("date", "03-Mar-1931") in flagged("DOB: 03-Mar-1931")
    assert ("date", "03 MAR 1931") in flagged("Date de naissance 03 MAR 1931")


@pytest.mark.parametrize("link", ["gofund.me/4a7b2c9d", "echovita.com/ca/fr/avis-de-deces/rimouski/lise-gagnon-12345"])
def test_short_fundraiser_links_and_obituary_pages_point_at_one_person(link):
    assert ("url_handle", link) in flagged(f"For his family: {link}")


def test_a_charitys_donation_page_is_not_a_persons():
    assert flagged("Donate to our foundation at canadahelps.org/en/dn/12345 and help us buy a CT scanner.") == []


def test_a_rural_address_near_a_person_is_an_address_not_a_room():
    text = "She lives at RR 2, Site 5, Box 12 near Dauphin, and her daughter drives her to dialysis."
    assert ("address", "RR 2, Site 5, Box 12") in flagged(text)
    assert "room" not in categories(text)


def test_what_a_ward_calls_an_older_patient_names_him_and_his_name_comes_back():
    text = "Grandpa Joe, as the whole ward called him, had his 3rd stroke in May. Joe never complained."
    assert [excerpt for category, excerpt in flagged(text) if category == "name"] == ["Joe", "Joe"]


@pytest.mark.parametrize("name", ["Oksana", "Gurpreet", "Hodan", "Thuy"])
def test_first_names_from_the_families_canadian_clinics_see_are_known(name):
    assert ("name", name) in flagged(f"{name} was admitted with sepsis last month. {name}'s daughter sat with her.")


def test_staff_from_those_families_named_with_their_role_stay_colleagues():
    assert flagged("Congratulations to Gurpreet Sandhu, RN, and Oksana Melnyk, RT, on their awards!") == []
    assert flagged("Meet our new residents: Wei Zhang, Linh Nguyen, and Harjit Gill. Welcome to the ER family!") == []


# Long clean posts: staff, volunteers, visitors and famous patients


def test_a_first_name_two_sentences_from_the_word_clinic_is_not_a_patients():
    text = (
        "Flashback to 2019 when our team ran the first mobile clinic in Rankin Inlet. Patients came from across "
        "the region. Sheila, our nurse, drove the truck; Ahmed set up the lab. We saw 300 patients in 5 days."
    )
    assert flagged(text) == []


def test_three_names_in_a_row_are_a_team_not_patients():
    text = (
        "Proud of our team! Maya, Tyler and Sarah ran the marathon to raise money for the children's hospital, "
        "where patients wait months for mental health care. Tyler finished in under 4 hours."
    )
    assert flagged(text) == []


def test_a_colleague_named_in_full_may_come_back_by_nickname():
    text = (
        "We lost a giant this week. Dr. Robert Lavoie, founder of our palliative care program, died on Sunday. "
        "Bob trained hundreds of us and cared for thousands of patients."
    )
    assert "name" not in categories(text)


def test_a_patient_advocate_speaking_in_public_is_not_a_patients_record():
    text = (
        "Patient advocate Donna Thompson spoke at our hospital's quality day about her son's surgery. "
        "Donna reminded us that families see things we miss."
    )
    assert flagged(text) == []


def test_a_public_figures_own_diagnosis_is_news():
    assert flagged("Joe Biden's cancer diagnosis reminds us that screening matters. Patients over 70 should ask.") == []
    assert flagged("Connor McDavid visited the pediatric ward today and the kids were thrilled. Thanks!") == []


def test_a_common_surname_is_still_a_patients_with_a_title():
    assert ("name", "Mrs. Smith") in flagged("My patient Mrs. Smith was admitted with pneumonia.")


def test_a_newborn_known_by_an_initial_is_named():
    assert ("name", "Baby K.") in flagged("I still think about Baby K. every time I walk past the NICU.")


def test_a_year_of_birth_on_a_chart_line_says_a_great_age():
    year = datetime.date.today().year - 95
    assert ("age", str(year)) in flagged(f"DOB {year}, lives alone, still drives.")


def test_a_local_number_after_a_word_for_calling_a_relative_is_a_phone_number():
    assert ("phone", "555-0134") in flagged("Call her daughter at 555-0134 if she doesn't answer.")


def test_a_handle_given_to_a_patient_points_at_them():
    assert ("url_handle", "@karenlovesyoga") in flagged("Shoutout to my patient @karenlovesyoga for finishing chemo!")


def test_the_day_someone_came_to_us_is_a_date_of_care():
    assert ("date", "3 March") in flagged("She came to us on 3 March with a broken hip.")


def test_a_family_named_at_the_start_of_a_sentence_is_read_too():
    text = "La famille Bouchard remercie l'équipe de l'urgence : leur fils a été opéré d'urgence samedi."
    assert ("name", "Bouchard") in flagged(text)


def test_a_record_number_grouped_by_spaces_is_read_whole():
    assert ("record_number", "554 221") in flagged("Son dossier no 554 221 à l'hôpital")


def test_candles_on_a_cake_say_the_age():
    assert ("age", "100 bougies") in flagged("Notre patient Jean-Guy a soufflé ses 100 bougies au CHSLD.")


def test_french_hard_negatives_stay_clean():
    for text in (
        "Merci à Dre Isabelle Roy et à l'infirmière Mélanie Côté pour leur présentation du 3 mars au colloque.",
        "Au Québec, 2 500 personnes ont 100 ans ou plus selon Statistique Canada.",
        "Bienvenue à Karine, notre nouvelle réceptionniste! Karine vous accueillera dès lundi à la clinique.",
        "Félicitations à nos résidentes Léa, Camille et Rosalie qui ont réussi leurs examens!",
        "Écrivez-nous à info@gmfdesrivieres.ca ou appelez le 819 555-0100, poste 2.",
        "Le Dr Jean-François Ouellet présentera l'étude ÉCLAIR (NCT05123456) le 12 avril.",
    ):
        assert flagged(text) == [], text


def test_a_case_written_in_shorthand_gives_the_age():
    assert ("age", "92") in flagged("92F with CHF, admitted overnight.")
    assert ("age", "91") in flagged("91H, admis pour pneumonie.")
    assert flagged("Revenue was $94 M last year, and we gave 90M doses.") == []


def test_a_resuscitation_bay_tied_to_a_person_is_a_room():
    assert ("room", "Resus 2") in flagged("He was in Resus 2 when his wife arrived.")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("She was admitted on March third and went home a week later.", "March third"),
        ("He died on the twenty-first of June, at home.", "the twenty-first of June"),
        ("Elle est décédée le trois mars, entourée des siens.", "le trois mars"),
    ],
)
def test_a_day_written_in_words_is_a_date(text, date):
    assert ("date", date) in flagged(text)


def test_an_event_on_a_day_written_in_words_is_not_a_date_of_care():
    assert flagged("Join us on March third for the gala.") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Remembering Walter, Doris and Frank, who died in our care at the hospice this year.",
            ["Walter", "Doris", "Frank"],
        ),
        ("Our NICU triplets Ava, Ella and Mia went home today after 80 days!", ["Ava", "Ella", "Mia"]),
        ("My patients Gord, Rita and Yvon taught me more than any textbook about dementia.", ["Gord", "Rita", "Yvon"]),
    ],
)
def test_a_list_of_patients_names_each_of_them(text, names):
    assert [excerpt for category, excerpt in flagged(text) if category == "name"] == names


def test_staff_listed_in_a_sentence_about_patients_stay_colleagues():
    text = "Patients can now book with Amy Chen, Raj Patel and Lisa Wong at our new clinic, with same-day care."
    assert flagged(text) == []
