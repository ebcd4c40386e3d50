"""Dates tied to a birth, a death or care, and great ages, however they are written; events' dates stay quiet."""

import pytest

from tests.privacy.helpers import categories, flagged


def test_the_day_a_baby_is_expected_is_a_date_of_birth():
    assert ("date", "2027-05-02") in flagged("Chart header: G1P0, EDD 2027-05-02, low-risk.")
    assert ("date", "2 mai 2027") in flagged("Elle est enceinte de jumeaux, DPA le 2 mai 2027.")
    assert "date" not in categories("Abstracts: due date May 2, 2027, for the spring meeting.")


def test_a_lifespan_in_an_obituary_gives_both_dates():
    text = "Her obituary reads Ada Moreau, March 3, 1951 to October 2, 2026, and asks for donations."
    assert {("date", "March 3, 1951"), ("date", "October 2, 2026")} <= set(flagged(text))
    assert "date" not in categories("The campaign runs from March 3, 2026 to October 2, 2026 in every clinic.")


def test_a_date_a_talk_was_recorded_on_is_a_publications():
    assert "date" not in categories("Dr. Lam's answers on reflux, recorded on November 26 for our series.")
    assert "date" not in categories("L'émission a été enregistrée le 26 novembre avec la Dre Roy.")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("She was still doing the parish books at 101.", "101"),
        ("Our patient Mr. Ames (96!) walks to the clinic every week.", "96"),
        ("Mme Bilodeau (94 ans) fait encore son jardin.", "94 ans"),
    ],
)
def test_a_great_age_is_read_at_the_end_of_a_clause_or_in_brackets_after_a_person(text, age):
    assert ("age", age) in flagged(text)


def test_a_reading_at_the_end_of_a_clause_or_a_count_in_brackets_is_not_an_age():
    assert "age" not in categories("Her sats came up to 94 on two litres, and she was sitting up at 96.")
    assert "age" not in categories("Of the patients seen, clinics (96) outnumbered hospitals (41).")


def test_french_abbreviated_months_and_slashed_year_first_dates_are_dates():
    assert ("date", "3 déc. 1931") in flagged("Mme Roy, née le 3 déc. 1931, a été admise hier.")
    assert ("date", "2 janv.") in flagged("Il a été admis le 2 janv. pour une pneumonie.")
    assert ("date", "1931/12/03") in flagged("DOB: 1931/12/03 on the wristband.")
    assert "date" not in categories("Le colloque aura lieu le 3 déc. 2026 à Québec.")


def test_a_great_age_in_words_opening_a_sentence_about_someone_is_an_age():
    assert ("age", "ninety-six") in flagged("At ninety-six, he still splits his own firewood.")
    assert "age" not in categories("At ninety-six pages, the guideline is long.")


def test_a_reading_before_a_pronoun_is_not_an_age():
    assert "age" not in categories("Heart rate at 95, she was sitting up by noon.")
    assert ("age", "95") in flagged("At 95, she still walks to the clinic.")


def test_a_great_birthday_wished_is_an_age_unless_it_is_an_institutions():
    assert ("age", "100th") in flagged("Happy 100th to our patient Evelyn!")
    assert ("age", "100e anniversaire") in flagged("Joyeux 100e anniversaire à la doyenne de notre CHSLD!")
    assert flagged("Happy 90th anniversary to our hospital!") == []
    assert flagged("Joyeux 100e anniversaire à notre clinique!") == []


def test_a_month_and_day_written_the_american_way_after_a_word_of_care_is_a_date():
    assert flagged("Admitted 3/14 with pneumonia, she went home 3/20.") == [("date", "3/14"), ("date", "3/20")]
    assert flagged("Our clinic is open 24/7 since 2019.") == []


def test_years_young_is_an_age():
    assert ("age", "101 years young") in flagged("She turned 101 years young on Sunday!")


def test_a_date_beside_a_count_of_patients_is_a_wards_not_a_persons():
    assert flagged("On a transféré 12 patients au nouveau pavillon le 2 décembre, sans incident.") == []
    assert ("date", "March 3") in flagged("She was admitted on March 3 with 2 other residents of her home.")


def test_centenarians_counted_as_a_population_are_not_an_age_but_a_few_of_ours_are():
    assert "age" not in categories('Tonight\'s talk: "Dying well in a country of centenarians".')
    assert ("age", "Our two centenarians") in flagged("Our two centenarians on the ward had cake today.")
