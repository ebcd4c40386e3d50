"""Numbers, places and handles as a third author wrote them: France's formats, a car described, an owner said
after a link. Each rule stands beside the look-alike it must leave alone."""

import pytest

from tests.privacy.helpers import categories, flagged


def test_a_french_social_security_number_with_a_valid_key_is_a_national_id():
    assert ("national_id", "1 84 12 69 123 456 08") in flagged("Son NIR, 1 84 12 69 123 456 08, figure sur la feuille.")
    assert "national_id" not in categories("Son NIR, 1 84 12 69 123 456 09, figure sur la feuille.")  # wrong key


def test_a_french_patient_identifier_ipp_is_a_record_number():
    assert ("record_number", "5510342") in flagged("Étiquette du tube : IPP 5510342, prélevé à 8 h.", language="fr")


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("La patiente à la Peugeot blanche BX-731-LM a oublié ses clés à l'accueil.", "BX-731-LM"),
        ("To the patient with the silver Corolla KRTW 882 blocking the ambulance bay: please move it.", "KRTW 882"),
        ("Sa Mégane grise DR-215-QF est encore au parking des urgences.", "DR-215-QF"),
    ],
)
def test_a_plate_after_the_car_it_is_on_or_in_frances_format_is_a_plate(text, plate):
    assert ("plate", plate) in flagged(text)


def test_a_colour_and_a_model_name_before_an_ordinary_number_is_not_a_plate():
    assert "plate" not in categories("The new Red Cross 2024 report counts 1,200 volunteers.")
    assert "plate" not in categories("Our grey Volvo XC 90 fleet car is booked for the flu clinic.")


def test_a_serial_said_where_it_is_printed_is_a_device_serial():
    assert ("device_serial", "ICD-44B1009") in flagged("His pacemaker ID, serial on his card: ICD-44B1009.")


def test_a_french_street_written_with_capitals_or_after_a_described_person_is_an_address():
    assert ("address", "77 Rue Saint-Denis") in flagged("He has lived alone at 77 Rue Saint-Denis since his wife died.")
    assert ("address", "12, rue De Bleury") in flagged(
        "Quelqu'un connaît le monsieur du 12, rue De Bleury ? Il ne vient plus à ses rendez-vous.", language="fr"
    )


def test_a_french_postal_code_where_someone_lives_is_a_postal_code_and_a_practices_is_not():
    assert ("postal_code", "38610") in flagged(
        "Elle vit près de la pharmacie, à Gières, 38610, et je la vois au marché.", language="fr"
    )
    assert "postal_code" not in categories(
        "Le cabinet déménage au 4, rue des Écoles, 38610 Gières. Secrétariat au 04 76 00 00 00.", language="fr"
    )


def test_a_french_number_left_by_a_patient_is_a_phone_and_a_practices_is_not():
    assert ("phone", "07 12 34 56 78") in flagged(
        "Une patiente laisse son numéro perso, 07 12 34 56 78, sous ma publication.", language="fr"
    )
    assert "phone" not in categories("Le cabinet reprend le 4 janvier. Secrétariat : 02 61 00 00 00.", language="fr")


def test_a_profile_whose_owner_is_said_right_after_is_a_persons():
    assert ("url_handle", "instagram.com/papi_vs_kidneys") in flagged(
        "Go follow instagram.com/papi_vs_kidneys, my patient's grandson posts his dialysis days there."
    )
    assert "url_handle" not in categories("Go follow instagram.com/ottawa_kidney_fdn, the foundation posts every week.")


def test_a_public_reply_to_someone_about_their_relatives_care_names_a_patients_family():
    text = "Réponse à @lucie_b_44 : l'équipe des soins intensifs n'a jamais négligé votre père, c'est dans son dossier."
    assert ("url_handle", "@lucie_b_44") in flagged(text, language="fr")
    assert "url_handle" not in categories("Réponse à @lucie_b_44 : appelez votre mère ce soir, ça fait du bien.")


def test_a_birthing_suite_in_the_sentence_of_a_birth_is_the_mothers_room():
    assert ("room", "Labour Suite 2") in flagged("Baby Theo was born at 04:12 in Labour Suite 2, all 9 pounds of him.")


def test_a_ward_and_room_stay_a_patients_when_someone_will_not_speak_to_anyone():
    assert ("room", "room 9") in flagged("She's on Ward 6B, room 9, and she wouldn't speak to anyone for a week.")


def test_a_room_listed_before_a_named_building_is_a_venue():
    text = "Bring your questions to Room 3.201, Ottawa Health Sciences Centre, where Dr. Priya Nair waits on Fridays."
    assert "room" not in categories(text)


def test_a_model_year_after_a_car_or_a_count_after_a_year_is_neither_plate_nor_postal_code():
    assert "plate" not in categories("His black Honda CRV 2018 was towed from the ER bay.")
    assert "postal_code" not in categories("Elle habite à Lyon ; en 2019, 12000 personnes y vivaient.", language="fr")


def test_a_record_number_a_few_words_after_its_cue_is_one_and_a_count_is_not():
    assert ("record_number", "00391847") in flagged("The MRN on the wristband in that photo was 00391847.")
    assert ("record_number", "4458120") in flagged("Son numéro de dossier hospitalier, le 4458120, était visible.")
    assert "record_number" not in categories("Le dossier médical, 12000000 de Français l'ont ouvert.", language="fr")


def test_a_serial_of_ones_device_is_a_device_serial():
    assert ("device_serial", "PM-22871-B") in flagged("Le numéro de série de son stimulateur, PM-22871-B, est lisible.")


def test_the_organizations_own_van_is_not_a_patients_plate():
    assert "plate" not in categories("Our grey Ford Transit ABC 123 mobile clinic visits Moose Factory every Tuesday.")


def test_a_passport_number_after_its_name_is_a_national_id():
    assert ("national_id", "P4812237") in flagged("Her passport number, P4812237, was visible in the selfie she sent.")
    assert "national_id" not in categories("Passport renewals: bring your old passport and 2 photos.")


def test_a_relatives_handle_in_brackets_in_a_sentence_about_care_is_a_persons_and_a_partners_is_not():
    assert ("url_handle", "@lily.fights.lupus") in flagged(
        "Her daughter (@lily.fights.lupus) posted the photo from her hospital bed."
    )
    assert "url_handle" not in categories("Our patient partner (@mary_speaks_ckd) will co-host the webinar.")
