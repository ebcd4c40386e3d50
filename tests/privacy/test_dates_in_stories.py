"""A day told in a patient's story is that patient's, whatever the verb; days in notices stay quiet."""

import pytest

from tests.privacy.helpers import categories, flagged


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Harold Fenwick, 81, walked into our clinic on March 14th with a cough he'd had since summer.", "March 14th"),
        ("Mme Lucie Arsenault, 88 ans, est arrivée au CHSLD le vendredi 6 novembre.", "vendredi 6 novembre"),
        ("Le 3 août, Zoé Martel, 6 ans, est tombée de son vélo devant chez elle.", "3 août"),
        ("Mr. Osei told me his story. Seen again on June 2, his leg was worse.", "June 2"),
    ],
)
def test_a_day_that_happened_to_someone_in_the_story_is_their_date(text, date):
    assert ("date", date) in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # A day to come, an hour after the day, a day something lasts until: notices.
        "Mme Roy, notre infirmière, animera l'atelier le 12 mars ; nos cours reprennent le 13 janvier.",
        "Our nurse Brenda Hall, 52, is collecting cards at the front desk until December 20.",
        "Dr. Amrita Singh's clinic moves to 200 Wellington St. on Feb 2; Mrs. Lee will host a party on May 4 at 7 pm.",
        "From March 1, women in our township will have to drive an hour to give birth.",
    ],
)
def test_days_in_notices_stay_quiet_even_beside_a_person(text):
    assert "date" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mme Tremblay, notre réceptionniste, a pris sa retraite le 30 juin après 31 ans avec nous.",
        "Our nurse Linda Park, 58, retired on June 30 after 31 years. We will miss her.",
        "On October 5 we launched our falls program, and Mrs. Kay, our manager, was thrilled.",
    ],
)
def test_a_colleagues_day_is_not_a_patients(text):
    assert "date" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mme Tremblay, notre directrice, a annoncé le 4 mars que le CLSC agrandit ses locaux.",
        "On January 15 our hospital opened a new dialysis unit; Mr. Ford, the premier, cut the ribbon.",
        "The patient portal was down on March 3; we apologize for the delay in results.",
    ],
)
def test_an_organizations_day_is_not_a_patients(text):
    assert "date" not in categories(text)


def test_a_colleagues_appointment_day_is_not_a_date_of_care_but_a_patients_arrival_at_our_hospital_is():
    assert "date" not in categories("Dr. Nguyen was appointed chief of surgery on October 1; she trained here.")
    assert ("date", "January 11") in flagged(
        "On the night of January 11, Ravi arrived at our little hospital in labour."
    )
