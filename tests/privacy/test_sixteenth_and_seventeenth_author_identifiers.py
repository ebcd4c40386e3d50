"""Identifiers other than names that the sixteenth and seventeenth authors told in their own ways: imaging and
pathology specimens' numbers, a French passport, a SIN written where a card was expected, relatives' phones and
handles, a device's serial, a postal code closing a patient's address."""

import pytest

from tests.privacy.helpers import flagged


def of_kind(kind: str, text: str) -> list[str]:
    return [excerpt for found, excerpt in flagged(text) if found == kind]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Teaching case: a 3 cm renal mass on a staging CT. Accession KGH-CT-2025-004412.", "KGH-CT-2025-004412"),
        ("Look at the left hilum on this one. PACS ID OTT-PACS-55120987. Answer Friday.", "OTT-PACS-55120987"),
        ("Échographie hépatique d'un homme de 60 ans, PACS NTE-US-2025-10233, foie stéatosique.", "NTE-US-2025-10233"),
        ("Path report in the team chat by mistake: accession B25-33871, initials and all. Deleted.", "B25-33871"),
        ("Lame de la semaine, n° d'anapath 25P-004417 : carcinome épidermoïde bien différencié.", "25P-004417"),
        ("Specimen no. HSC-2025-88123 went to the wrong lab, with the requisition.", "HSC-2025-88123"),
        ("Biopsy K25-40917 came back as a melanoma in situ; the patient is 34.", "K25-40917"),
        ("Sample ID 26-118834-A on the tube, with the patient's initials, in the photo.", "26-118834-A"),
    ],
)
def test_an_imaging_or_pathology_number_after_the_word_that_says_what_it_is_is_a_record_number(text, number):
    assert number in of_kind("record_number", text)


def test_a_report_header_quoting_a_specimen_number_beside_a_surname_in_capitals_is_a_record_number():
    text = "J'ai failli partager le compte rendu « 25B-117302, LE GALL Maïwenn, prélevée au CHU » en story."
    assert "25B-117302" in of_kind("record_number", text)


@pytest.mark.parametrize(
    "text",
    [
        "The SARS-CoV-2 genome was deposited in GenBank, accession MN908947, in January 2020.",
        "Our PACS migration finishes on 2026-11-30; accession numbers change format next week.",
        "Trial NCT04567890 closed. Study 2020-1234 got its ethics approval. Exam room 4 is free.",
        "Notre étude PROTECT-2024-01 a inclus 1500 patients. Histologie : carcinome basocellulaire.",
        "Pathology 2025-2026 residency program opens in July. Biopsy results take 4-6 weeks.",
        "Sample size 1200 per arm; a sample of 250000 records from 2019-2024.",
        "Journée de formation en salle 2B-1034, CHU Sainte-Justine, le matin. Local A-2210 – CLSC Hull, l'après-midi.",
    ],
)
def test_a_sequence_a_trial_or_a_migration_date_is_no_patients_specimen(text):
    assert of_kind("record_number", text) == []


def test_a_year_then_a_serial_hung_on_a_code_is_not_read_as_a_phone():
    assert of_kind("phone", "Teaching case. Code RDH-CT-2026-118834 in the corner. Answer tomorrow.") == []
    assert of_kind("phone", "Case of the week, 2026-118834 on the viewer. Guess the diagnosis.") == []
    assert "613-555-0193" in of_kind("phone", "His daughter texted the unit from 613-555-0193 last night.")


@pytest.mark.parametrize(
    "text",
    [
        "Pour Mme Kerlo, qui part au Mali avec le passeport 21KL40913 oublié au cabinet : passez le chercher !",
        "Son passeport : 18AB55021, photographié avec le carnet de vaccination. Supprimé.",
    ],
)
def test_a_french_passports_two_digits_two_letters_five_digits_after_its_name_are_a_national_id(text):
    assert of_kind("national_id", text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Referral had his SIN instead of the OHIP number: 527 318 463. Shredded.", "527 318 463"),
        ("Someone wrote her SIN instead of her PHN: 253 157 549, so the booking office sent it back.", "253 157 549"),
        ("Le formulaire portait son NAS au lieu de son numéro d'assurance maladie : 527 318 463.", "527 318 463"),
    ],
)
def test_a_sin_written_where_a_health_card_was_expected_is_a_sin(text, number):
    assert number in of_kind("national_id", text)
    assert of_kind("health_card", text) == []


def test_a_health_card_said_as_one_stays_a_health_card():
    assert "527 318 463" in of_kind("health_card", "Her OHIP number: 527 318 463, on the referral.")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("His daughter rang the ward at 204-555-0177 from her own cell to ask about the fistula.", "204-555-0177"),
        ("La mère a appelé le service au 02 99 41 22 17 depuis son portable, très inquiète.", "02 99 41 22 17"),
        ("The locket was found; the unit clerk called her back at 613-555-0168 this afternoon.", "613-555-0168"),
        ("Sac oublié en salle d'attente : la secrétaire l'a rappelée au 06 12 48 33 90. Récupéré.", "06 12 48 33 90"),
        ("His wife called from home at 807-555-0121 to say he had fainted after the run.", "807-555-0121"),
        ("Le fils de Mme Auger a appelé de chez lui au 04 78 22 10 95 pour les résultats.", "04 78 22 10 95"),
    ],
)
def test_a_number_a_relative_called_from_or_was_called_back_on_is_theirs(text, number):
    assert number in of_kind("phone", text)


@pytest.mark.parametrize(
    "text",
    [
        "Questions after your procedure? Call us at 613-555-0145 from your home phone, any weekday.",
        "Appelez le secrétariat au 02 40 12 34 56 pour prendre rendez-vous.",
        "Booking line: 613-555-0100. We'll call you back within two business days.",
    ],
)
def test_a_services_line_is_no_ones_phone(text):
    assert of_kind("phone", text) == []


@pytest.mark.parametrize(
    ("text", "serial"),
    [
        (
            "Numéro de série du glucomètre prêté à M. Le Roux pour le suivi à domicile : GL-2291-5530-FR. Perdu.",
            "GL-2291",
        ),
        (
            "Found in the lobby: an oxygen concentrator, serial Philips EverFlo 40318827711, tagged to bed 4.",
            "40318827711",
        ),
        ("La pompe à insuline n° 73-20418 de Mme Caradec est à récupérer à l'accueil.", "73-20418"),
    ],
)
def test_a_devices_serial_said_further_on_from_its_word_is_a_device_serial(text, serial):
    assert any(serial in excerpt for excerpt in of_kind("device_serial", text))


def test_a_devices_ordinal_or_a_serial_not_given_is_no_serial():
    assert (
        of_kind("device_serial", "Pump no. 2 failed overnight; Holter #1 is free. The CPAP serial is on the back.")
        == []
    )


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Milo's dad's TikTok @milo.vs.eczema shows every wet wrap. Please don't tag him.", "@milo.vs.eczema"),
        (
            "Le compte Instagram de la maman de Lou, @lou.et.ses.taches, raconte tout le traitement.",
            "@lou.et.ses.taches",
        ),
        ("Vidéo YouTube d'un patient de 19 ans sur son retour au sport, @nico.revient, très suivie.", "@nico.revient"),
        ("A reel from one of my teen patients about her isotretinoin year, @maddie.clear.skin, went viral.", None),
    ],
)
def test_the_account_of_a_patient_or_of_a_patients_relative_is_theirs(text, handle):
    found = of_kind("url_handle", text)
    assert found if handle is None else handle in found


@pytest.mark.parametrize(
    "text",
    [
        "My mom's Instagram @mom.bakes.bread is all sourdough. Dr. Lee's mom's blog @lee.family.recipes too.",
        "A reel from one of my colleagues, @derm.facts.daily. Vidéo TikTok de notre clinique, @cliniqueskin.",
    ],
)
def test_the_authors_family_a_colleagues_or_a_clinics_account_is_not_a_patients(text):
    assert of_kind("url_handle", text) == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        (
            "@tina_waboose so sorry about your mom, we can't discuss her results here. Please call the unit.",
            "@tina_waboose",
        ),
        ("@papa_bear_77 I saw your post about your wife's dialysis chair. I'll ask the manager.", "@papa_bear_77"),
    ],
)
def test_a_reply_about_the_care_of_the_addressees_kin_is_to_a_patients_family(text, handle):
    assert handle in of_kind("url_handle", text)


@pytest.mark.parametrize(
    "text",
    [
        "@janet_b so sorry about your dad, he was a wonderful teacher. Thinking of your family.",
        "@mike thanks for your mom's kind words at the gala!",
    ],
)
def test_sympathy_or_thanks_without_care_is_no_patients_family(text):
    assert of_kind("url_handle", text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Une carte postale de Mme Odile Brun, 4 rue des Vosges, 68100 Mulhouse, est arrivée au service !", "68100"),
        ("Card from Mrs. Irene Kowal, 22 Birch Rd, Kenora, P9N 3X7, for the night nurses.", "P9N 3X7"),
        ("Les lettres pour Nino peuvent être envoyées chez son oncle à Vannes (56000) pendant la greffe.", "56000"),
    ],
)
def test_the_postal_code_of_a_persons_address_is_a_postal_code(text, code):
    assert code in of_kind("postal_code", text)


@pytest.mark.parametrize(
    "text",
    [
        "Le congrès se tient au 12 rue de la Paix, 44000 Nantes, salle Turing.",
        "Notre cabinet déménage à Vertou (44120) en janvier : mêmes horaires, même numéro.",
    ],
)
def test_a_venues_or_a_clinics_postal_code_is_not_a_persons(text):
    assert of_kind("postal_code", text) == []


def test_a_plate_after_the_word_for_a_registered_car_is_a_plate():
    text = "La camionnette immatriculée QC FTR 442 devant l'entrée de l'urgence, c'est celle du fils de Mme Roy."
    assert "QC FTR 442" in of_kind("plate", text)


def test_a_postal_code_said_to_be_a_named_persons_a_few_words_on_is_a_postal_code():
    text = "Le code postal de Josiane, pour la livraison de son glucomètre à domicile : 13008, près du port."
    assert "13008" in of_kind("postal_code", text)
    assert of_kind("postal_code", "Le code postal de Rimouski : G5L 1A1. Le code postal de la clinique : 44000.") == []


def test_a_day_written_with_dashes_after_a_specimens_word_stays_a_date():
    assert of_kind("record_number", "Biopsy 2026-11-30 was benign, reassuring for everyone.") == []


def test_nine_digits_after_the_word_passport_are_a_national_id():
    assert "533412987" in of_kind("national_id", "Passport number 533412987 left at the travel clinic this morning.")


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Her TikTok is zoe.skin.journey and she posts every week about her acne treatment.", "zoe.skin.journey"),
        ("Le compte Instagram de sa fille : lea_et_ses_boucles, on y voit toute la chimio.", "lea_et_ses_boucles"),
        ("His mom's IG: ava.and.her.strawberry documents the whole propranolol course.", "ava.and.her.strawberry"),
    ],
)
def test_a_persons_handle_written_without_its_at_after_the_network_and_whose_it_is_is_theirs(text, handle):
    assert handle in of_kind("url_handle", text)


def test_the_clinics_or_the_authors_own_account_without_an_at_or_a_word_after_a_network_is_no_handle():
    text = "Our Instagram is derm.ottawa and my TikTok is dr.skin.facts. Her TikTok is hilarious. Her TikTok: 2M views."
    assert of_kind("url_handle", text) == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        (
            "Thank you @jenny_runs_again for letting me share your melanoma story. Six months clear!",
            "@jenny_runs_again",
        ),
        ("Merci à @clara.apres.greffe de m'autoriser à raconter son parcours de greffe rénale.", "@clara.apres.greffe"),
    ],
)
def test_a_handle_thanked_for_letting_the_author_tell_its_owners_story_is_theirs(text, handle):
    assert handle in of_kind("url_handle", text)


def test_a_colleague_or_a_journal_thanked_for_slides_or_a_figure_is_no_patient():
    text = "Thank you @DrAmyLee for letting me share your slides. @cmaj thanks for letting me post the figure."
    assert of_kind("url_handle", text) == []


def test_a_reply_glad_the_addressees_kin_is_home_after_care_is_to_a_patients_family():
    assert "@mike_lafleur" in of_kind("url_handle", "@mike_lafleur glad your dad is home after the stent. Walk daily!")
    assert of_kind("url_handle", "@kev so glad your dad came to the game after all! Great seats.") == []
