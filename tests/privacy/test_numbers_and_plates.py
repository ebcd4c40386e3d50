"""Card, insurance and plate numbers written the ways people write them, and the look-alikes that stay quiet."""

from tests.privacy.helpers import categories, flagged


def test_a_provinces_name_between_the_card_word_and_its_number_is_read_through():
    assert flagged("J'ai faxé sa carte santé Manitoba, 538 686 692, à la pharmacie.") == [
        ("health_card", "538 686 692")
    ]


def test_a_card_number_announced_after_the_cards_owner_is_read():
    assert ("health_card", "545 203 267") in flagged(
        "Trouvé : une carte d'assurance-maladie au nom de « Paul Leduc » (no 545 203 267)."
    )
    assert "health_card" not in categories(
        "La carte d'assurance-maladie se renouvelle aux quatre ans (no de formulaire 12)."
    )


def test_a_social_insurance_number_whose_label_is_a_clause_away_is_read():
    assert flagged("A Social Insurance Number, left in the header of an old template: 420 881 260.") == [
        ("national_id", "420 881 260")
    ]
    assert "national_id" not in categories(
        "No Social Insurance Number is needed to join the registry of 420 881 261 donors."
    )


def test_a_plate_is_read_after_the_french_participle_and_after_its_province():
    assert flagged("Merci au conducteur de la camionnette immatriculée Y83 FHK.") == [("plate", "Y83 FHK")]
    assert flagged("Une voiture avec une plaque du Québec FHK 283 est restée à l'entrée.") == [("plate", "FHK 283")]
    assert "plate" not in categories("Le véhicule immatriculé au Québec doit être inspecté.")


def test_a_handle_a_patient_asked_to_be_tagged_with_points_at_them():
    assert ("url_handle", "@maya.runs") in flagged("So proud of my patient Maya (she asked me to tag her, @maya.runs).")
    assert ("url_handle", "@kim_greffe") in flagged(
        "Ma patiente Kim m'a demandé de la mentionner : sur @kim_greffe, elle raconte sa greffe."
    )
    assert "url_handle" not in categories("Thanks to @DrLeeOnc for the tag, and follow @CancerCareON for updates.")


def test_a_plate_after_a_provinces_adjective_is_read():
    assert flagged("La plaque ontarienne CBHJ 123 était visible sur la photo.") == [("plate", "CBHJ 123")]


def test_nova_scotias_msi_card_is_a_health_card_but_msi_alone_is_oncology():
    assert flagged("Her MSI card number 0012 345 678 was photographed.") == [("health_card", "0012 345 678")]
    assert "health_card" not in categories("MSI-high tumours: 1200 patients, 0012 345 678 reads in the registry.")


def test_a_handle_told_what_their_own_doctor_should_do_is_addressed_as_a_patient():
    assert ("url_handle", "@chronicpain_sk") in flagged(
        "4/ @chronicpain_sk I hear you. Your doctor should not stop your opioids overnight. 5/ Thanks all."
    )
    assert "url_handle" not in categories("4/ @healthnews Talk to your doctor before any change. 5/ Thanks all.")


def test_a_service_our_patients_use_is_not_a_tagged_patient():
    assert "url_handle" not in categories("Our patients can now book on @ClinicApp.")


def test_a_plate_after_au_quebec_is_read():
    assert ("plate", "FHK 283") in flagged("Une voiture immatriculée au Québec, FHK 283, bloquait l'entrée.")
