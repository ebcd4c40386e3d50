"""Numbers and places that identify a patient, and the look-alikes that must stay quiet."""

from privacy.identifiers import bc_phn_valid, luhn_valid
from tests.privacy.helpers import categories, flagged

# Health cards


def test_an_ontario_health_number_that_passes_its_luhn_check_is_a_health_card():
    assert flagged("OHIP 8190937865 was on the referral.") == [("health_card", "8190937865")]


def test_an_ontario_health_number_keeps_its_version_code_and_grouping():
    assert flagged("Card 8190-937-865-AB on the fax.") == [("health_card", "8190-937-865-AB")]


def test_ten_digits_that_fail_the_check_and_have_no_card_word_are_not_a_health_card():
    assert "health_card" not in categories("Reference 8190937866 for the grant application.")


def test_a_number_after_health_card_words_is_flagged_whatever_its_format():
    assert flagged("Manitoba health number 123 456 789 was on the label.") == [("health_card", "123 456 789")]
    assert flagged("Sa carte d'assurance maladie du Nouveau-Brunswick, 123 456 789, était visible.") == [
        ("health_card", "123 456 789")
    ]


def test_a_british_columbia_phn_is_checked_with_its_mod_11_digit():
    assert bc_phn_valid("9698658215")
    assert not bc_phn_valid("9698648215")
    assert flagged("Her PHN 9640 206 798 was in the subject line.") == [("health_card", "9640 206 798")]


def test_a_ramq_number_is_four_letters_and_eight_digits_with_a_plausible_birth_month():
    assert flagged("La carte TREM 6512 1534 était expirée.") == [("health_card", "TREM 6512 1534")]
    assert "health_card" not in categories("Le code ABCD 1399 0000 de la salle.")


def test_luhn_is_the_check_used_for_ontario_numbers_and_the_sin():
    assert luhn_valid("046454286")
    assert not luhn_valid("046454287")


def test_a_us_social_security_number_is_a_national_id():
    assert flagged("His SSN, 078-05-1120, was in the shared document.") == [("national_id", "078-05-1120")]


def test_a_social_insurance_number_is_a_national_id():
    assert flagged("NAS 046 454 286 sur le formulaire.") == [("national_id", "046 454 286")]


# Record numbers, plates, serials


def test_a_number_after_mrn_chart_or_dossier_is_a_record_number():
    assert flagged("MRN: 0045-8812 needs a callback.") == [("record_number", "0045-8812")]
    assert flagged("Chart #A4431902 has the wrong allergy.") == [("record_number", "A4431902")]
    assert flagged("Dossier no 0093412 : qui a demandé l'écho?") == [("record_number", "0093412")]


def test_a_chart_with_a_short_number_is_not_a_record_number():
    assert "record_number" not in categories("Chart 12 of the slide deck shows the trend.")


def test_a_licence_plate_needs_the_word_plate_and_letters_with_digits():
    assert flagged("The patient's licence plate, BXKT 219, was in the photo.") == [("plate", "BXKT 219")]
    assert "plate" not in categories("Clean your plate before dessert.")


def test_a_device_serial_follows_serial_words():
    assert flagged("Numéro de série du stimulateur : SJM-88210934.") == [("device_serial", "SJM-88210934")]


# Phones and e-mail: a person's, not an organization's


def test_a_phone_number_near_a_patient_or_relative_is_flagged():
    assert flagged("I called his daughter at 613-555-0187.") == [("phone", "613-555-0187")]


def test_a_phone_number_with_no_context_at_all_is_flagged():
    assert flagged("613-555-0187") == [("phone", "613-555-0187")]


def test_a_clinic_booking_line_is_not_flagged():
    assert flagged("Our clinic phone line (416-555-0142) is now staffed until 8 pm.") == []
    assert flagged("Pour un rendez-vous au GMF de Matane, composez le 418 555-0112.") == []


def test_a_family_health_team_is_an_organization_not_a_family():
    assert flagged("For appointments at the Kenora Family Health Team, call 807-555-0118.") == []


def test_a_toll_free_number_is_never_a_person():
    assert flagged("Clinic fax changed: 1-866-555-0199.") == []


def test_a_personal_email_is_flagged_and_a_role_mailbox_is_not():
    assert flagged("The patient's email, jmorrison58@hotmail.com, was in cc.") == [("email", "jmorrison58@hotmail.com")]
    assert flagged("Email our office at reception@harbourfamilymed.ca for renewals.") == []


# Places


def test_a_street_address_near_a_person_is_flagged():
    assert flagged("He lives alone at 14 Maple Avenue and has no ride.") == [("address", "14 Maple Avenue")]
    assert flagged("Visite à domicile au 1180, boulevard René-Lévesque ce matin.") == [
        ("address", "1180, boulevard René-Lévesque")
    ]


def test_an_organization_address_is_not_flagged():
    assert flagged("Our new address as of May 1: 450 Main Street East, Suite 201, Hamilton, ON L8N 1K5.") == []


def test_a_canadian_postal_code_near_a_person_is_flagged():
    assert flagged("Her postal code, P9N 2K4, has no family doctor.") == [("postal_code", "P9N 2K4")]


def test_a_zip_code_is_flagged_only_with_its_context():
    assert flagged("Patient from ZIP code 55901 was transferred.") == [("postal_code", "55901")]
    assert flagged("We saw 55901 patients last year.") == []


def test_a_fundraiser_page_always_points_at_a_person():
    assert flagged("Please share gofundme.com/f/bring-dad-home if you can.") == [
        ("url_handle", "gofundme.com/f/bring-dad-home")
    ]


def test_a_handle_is_flagged_when_it_is_a_patients_account():
    assert flagged("Her Instagram is @sarah_fights_cancer, shared with consent.") == [
        ("url_handle", "@sarah_fights_cancer")
    ]


def test_replying_to_or_thanking_a_colleagues_handle_is_not_flagged():
    assert flagged("Shoutout to @DrPriyaS and the whole @SunnybrookHSC trauma team!") == []


def test_a_record_number_in_brackets_after_its_cue_is_flagged():
    assert flagged("Copied the wrong MRN (3349120) into a handover note.") == [("record_number", "3349120")]


def test_a_french_style_count_with_spaces_is_not_a_sin():
    assert flagged("Le Québec compte 8 984 000 habitants; 2 345 678 ont plus de 55 ans.") == []


def test_replying_to_someone_about_their_own_care_flags_their_handle():
    assert flagged("@jdoe92 so glad your surgery went well, see you at your follow-up!") == [("url_handle", "@jdoe92")]
    assert flagged("@jdoe92 so glad the new guideline is out!") == []
