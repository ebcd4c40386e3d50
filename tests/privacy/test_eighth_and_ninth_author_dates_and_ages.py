"""Great ages and days as the eighth and ninth authors write them, each beside a look-alike."""

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


def test_a_titled_patient_described_in_apposition_then_aged_is_flagged():
    assert found("Mrs. K., a retired schoolteacher from Moncton, is 96 and sharp as a tack.", "age") == ["96"]


def test_the_age_a_patient_who_died_would_have_reached_is_flagged():
    assert found("Her family still sends the unit a cake every spring. She'd be 101 this year.", "age") == ["101"]


def test_the_authors_own_mothers_great_age_is_not_a_patients():
    assert found("My own dad turned 92 last week and still beats me at cribbage.", "age") == []


def test_the_readers_patient_in_general_is_no_ones_age():
    text = "Si vous ne connaissez pas l'histoire de votre patiente de 95 ans, vous soignez une pathologie."
    assert found(text, "age") == []


def test_a_birthday_aimed_for_dates_the_day():
    assert found("Gordon wants you to know he's aiming for 100 on April 2.", "date") == ["April 2"]


def test_rip_then_a_name_and_a_day_is_a_death_date():
    assert found("She made the best tourtière on the ward. RIP Huguette, Dec 3.", "date") == ["Dec 3"]


def test_a_full_date_of_a_year_long_past_is_a_birth_date():
    assert found("Même recadrée, la photo montrait « LÉGER R. – 03-11-1938 » dans le coin.", "date") == ["03-11-1938"]


def test_a_code_beside_a_birth_date_on_a_banner_is_a_record_number():
    text = "Dans le coin de la diapo on lisait encore « CORMIER P. – 21-06-1941 – MON-3318420 »."
    assert found(text, "record_number") == ["MON-3318420"]


def test_a_stay_from_one_day_to_another_with_a_relative_is_dated():
    text = "« Merci d'avoir accompagné notre père, du 4 mars au 18 mars. » Je la lis à l'équipe."
    assert found(text, "date") == ["4 mars", "18 mars"]


def test_a_death_told_right_after_the_day_dates_it():
    assert found("Le 3 novembre, Réjean Landry est mort comme il a vécu : en riant.", "date") == ["3 novembre"]


def test_a_weekday_and_a_day_of_the_month_with_someone_is_dated():
    text = '"Saw you at the clinic Thursday the 12th in the wheelchair, Connie, get well!"'
    assert "Thursday the 12th" in found(text, "date")


def test_the_hour_as_a_ward_writes_it_before_the_day():
    assert "October 3" in found(
        "Our patient consented. / 4/ Baby comes at 0348 on October 3, shoulder dystocia, all fine.", "date"
    )


def test_a_patient_named_with_their_age_and_a_trip_to_come_is_dated():
    text = "Then there's Mrs. Joan Pike, 91, going to Peru with her grandson February 2. Yellow fever vaccine at 91?"
    assert "February 2" in found(text, "date")


def test_a_clinics_days_after_a_school_named_with_a_street_number_are_not():
    text = "Cliniques de vaccination : à l'école Jean-Baptiste-Meilleur, 777, boulevard Iberville, le mardi 8 décembre."
    assert found(text, "date") == []


def test_a_month_a_patients_mass_was_found_or_an_exam_was_done_in_is_dated():
    assert "October" in found(
        "A year since we found the mass on his CT in October and he's still splitting wood.", "date"
    )
    assert "juin" in found(
        "Mme Roy est venue pour une toux. Radiographie normale en juin. Elle toussait encore.", "date"
    )


def test_a_month_an_exam_room_opened_in_is_not():
    assert found("Our new CT suite opened in October; the team is thrilled.", "date") == []


def test_a_death_told_early_in_a_long_sentence_dates_the_day_at_its_end():
    text = "M. Cormier est mort chez lui à Caraquet, dans son lit installé au salon, face à la mer, le 4 mars au matin."
    assert "4 mars" in found(text, "date")


def test_a_follow_up_visit_or_a_treatment_since_a_day_is_dated():
    assert "9 janvier" in found("Mme Roy, votre fils peut rejouer après la visite de contrôle du 9 janvier.", "date")
    assert "3 mars" in found("Il fait l'aller-retour en dialyse trois fois par semaine depuis le 3 mars.", "date")


def test_since_a_day_without_a_treatment_is_not():
    assert found("Since March 3 the clinic opens at 8, she told me.", "date") == []
