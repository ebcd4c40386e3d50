"""Habits of writing read on the four sets measured once as held-out in the fifteenth session (heldout52–55, now
tune_author55–58) and on four new authors the language model had not read (tune_author59–62): what names no patient
(a storm named alone, the maker of a work, public figures of health news, an example number, a season's months,
an organisation's handle) and slips no rule read (a postal code after an address, a device's serial in apposition,
a claim's or a member's file, a dialysis station)."""

import pytest

from privacy.base import Category
from tests.privacy.helpers import flagged, kept_when_flagged


def test_a_storm_named_alone_after_after_is_no_one_once_the_post_says_it_is_a_storm_but_a_patient_named_so_is():
    storm = "Chaque saison cyclonique, on refait la liste. Après Fiona, on a vu arriver des INR à 7 faute de suivi."
    assert not kept_when_flagged(storm, "Fiona", language="fr")
    no_storm = "Après Fiona, la patiente du lit 4, on a revu tout le protocole de suivi des INR."
    assert kept_when_flagged(no_storm, "Fiona", language="fr")


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Je connaissais l'Abitibi par les chansons de Richard Desjardins.", "Richard Desjardins", "fr"),
        ("I learned the prairies from the novels of Miriam Toews before I ever saw Steinbach.", "Miriam Toews", "en"),
        ("In my HIV clinic, that means Ryan White carries people Medicaid expansion would cover.", "Ryan White", "en"),
        ("Tommy Douglas would not recognise a two-tier wait list for cataracts.", "Tommy Douglas", "en"),
    ],
)
def test_the_maker_of_a_work_and_the_public_figures_of_health_news_are_no_patients(text, name, language):
    assert not kept_when_flagged(text, name, language=language)


def test_the_authors_relative_by_a_family_name_is_no_patient_unless_the_sentence_tells_of_their_illness():
    assert not kept_when_flagged("My grandmother, Nana Bea, had her birthday today in Kenora.", "Bea")
    assert kept_when_flagged("My grandmother, Nana Bea, was admitted with a stroke on Sunday.", "Bea")


def test_a_colleague_named_in_full_with_a_role_stays_one_when_named_later_with_a_title():
    text = (
        "The school nurse at one of them, Mrs. Cheryl Adams, RN, had been there 22 years. / Mrs. Adams retired in "
        "June. At her party, the principal read a letter."
    )
    assert ("name", "Mrs. Adams") not in flagged(text, language="en")


def test_care_staff_named_after_their_role_with_a_courtesy_title_between_are_no_patients():
    text = "This year every patient on ART has a card. / The cards were designed by our pharmacist Mr. Luis Cantú."
    assert ("name", "Luis Cantú") not in flagged(text, language="en")


def test_someones_years_of_service_after_the_name_make_them_staff():
    text = "Bravo à nos paramédics, et en particulier à Patrick Boudreault, qui fête 25 ans de service."
    assert not kept_when_flagged(text, "Patrick Boudreault", language="fr")


def test_a_number_made_to_show_a_form_is_no_ones_and_an_age_in_a_sum_is_no_age():
    text = "La clé se calcule : 97 moins le reste de la division par 97. / Exemple de la CNIL : 1 99 99 99 999 999."
    assert not kept_when_flagged(text, "99 99 999 999", Category.NATIONAL_ID, "fr")
    assert not kept_when_flagged(text, "97", Category.AGE, "fr", last=True)
    assert not kept_when_flagged("La clé se calcule : 97 moins le reste.", "97", Category.AGE, "fr")
    mailed = "Il m'envoie un mail de hassan.elk1962@mail.example avec son NISS dans l'objet, 62.11.03-211.11."
    assert kept_when_flagged(mailed, "62.11.03-211.11", Category.NATIONAL_ID, "fr")


def test_months_that_bound_a_season_are_no_date_of_care_unless_nothing_says_season():
    season = "On parle de « la saison » : celle de la motoneige, de janvier à mars."
    assert not kept_when_flagged(season, "mars", Category.DATE, "fr")
    savings = "Nathan, 19 ans, avait perdu 14 000 euros entre octobre et décembre, prêt étudiant compris."
    assert kept_when_flagged(savings, "octobre", Category.DATE, "fr")


def test_an_organisations_handle_starts_with_its_acronym_and_a_persons_does_not():
    assert not kept_when_flagged("Merci @ARS_ARA pour le soutien au CSAPA.", "@ARS_ARA", Category.URL_HANDLE, "fr")
    assert kept_when_flagged("His mom Jenna runs @TeamLiamsHeart on Instagram.", "@TeamLiamsHeart", Category.URL_HANDLE)


def test_a_condition_of_tolerance_is_no_advice():
    text = "Frostbite first aid for everyone: warm water, 30 minutes, ibuprofen 400 mg if you can take it. No rubbing."
    assert "medical_advice" not in {category for category, _ in flagged(text, language="en")}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Home visit today at 1047 Joseph E. Lowery Blvd NW, 30318. Her fridge had insulin in it.", "30318"),
        ("His address on the intake, 412 Sunflower Ave, Indianola, MS 38751, is 97 miles from care.", "38751"),
        ("The family lives at 4418 Elmhurst St, 48204, with dust on every window sill.", "48204"),
    ],
)
def test_a_postal_code_right_after_an_address_is_flagged_as_one(text, code):
    assert ("postal_code", code) in flagged(text, language="en")


def test_a_clinic_that_moved_a_number_of_minutes_away_has_no_postal_code():
    assert flagged("Our clinic moved to 1820 Ocean Drive, 10 minutes from the old one.", language="en") == []


@pytest.mark.parametrize(
    ("text", "category", "number"),
    [
        ("Son générateur, NX2-3817740, est installé dans le garage de la maison.", "device_serial", "NX2-3817740"),
        ("Le cycleur, n° CLR-38-0092841, avait été installé près du poêle.", "device_serial", "CLR-38-0092841"),
        ("Glucomètre FreeStyle n° MHGT193-P4421 à remplacer pour Mme Cloutier.", "device_serial", "MHGT193-P4421"),
        ("Puis l'autre parcours. Dossier CNESST 125 884 307, formulaire.", "record_number", "125 884 307"),
        ("Mutuelle à refaire : adhérent MGEN 2288 4417 03, la prise en charge.", "record_number", "2288 4417 03"),
        ("Séance de dialyse décalée à 14 h au poste 9 pour Mme Perrier.", "room", "poste 9"),
    ],
)
def test_a_devices_serial_a_claims_or_members_file_and_a_dialysis_station_are_flagged(text, category, number):
    assert (category, number) in flagged(text, language="fr")


def test_a_phone_written_on_a_file_stays_a_phone_and_a_count_after_a_file_is_no_number():
    phone = "Il est venu avec son téléphone fixe écrit sur le dossier : 04 67 55 01 84. Anticoagulant commencé."
    assert ("phone", "04 67 55 01 84") in flagged(phone, language="fr")
    count = "Le dossier de la réforme : 1 200 000 personnes sans médecin de famille au Québec."
    assert "record_number" not in {category for category, _ in flagged(count, language="fr")}


def test_any_patient_of_a_kind_told_in_the_present_is_no_encounter_but_one_told_as_it_happened_is():
    def kept(told: str) -> bool:
        text = f"Ce week-end j'ai répondu à des appels de Voiron. Je pense à la distance. {told}"
        return kept_when_flagged(text, told, Category.ENCOUNTER, "fr")

    assert not kept("Un patient de Voiron a son poste de dialyse à 10 minutes ; un de La Grave à deux heures.")
    assert kept("Un patient de Voiron est arrivé à 2 h avec un potassium à 7,8 après une chute au ski.")
