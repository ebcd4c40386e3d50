"""The fifth author's habits with dates and ages, in other words, each beside a look-alike that stays clean."""

import pytest

from tests.privacy.helpers import categories, flagged


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A person described by their age is whom the sentence is about.
        ("2. On Thursday, March 5, a 3-week-old was brought to our walk-in with a fever.", "Thursday, March 5"),
        ("Trauma bay: 8-year-old Ollie fell off the monkey bars on Fri. Oct. 16, arm in a cast.", "Fri. Oct. 16"),
        ("Urgences de Nantes : Maëlys, 12 ans, fracture du poignet le 14/10/2026. Plâtre 6 semaines.", "14/10/2026"),
        # Forms' dates in a story: ISO and day/month/year.
        (
            "With her permission: a 58-year-old teacher had her colonoscopy on 2026-04-17 and we found it early.",
            "2026-04-17",
        ),
        ("Mon patient René Ouellet, opéré de la hanche le 03/09/2026, m'a envoyé une photo de sa canne.", "03/09/2026"),
        # An appointment of his or hers, told a little further from its day.
        ("We moved his dialysis sessions to Monday mornings starting March 9, so he can keep his job.", "March 9"),
        # A thread's part opening on a late-night hour: that night happened to someone.
        (
            "Reflecting on a code, with the family's consent. 1/ Friday, January 8, 22:40. He came in by ambulance.",
            "Friday, January 8",
        ),
    ],
)
def test_a_day_beside_someone_described_or_their_care_is_a_date_of_care(text, date):
    assert ("date", date) in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday, March 5, our 10-year-old program will host an open house at 7 pm.",
        "My 6-year-old daughter's recital was on Sunday, May 3, and I cried.",
        "The Sunday Nov 29 toy drive for the 6-year-old ward collected 400 toys.",
        "Our 3-month-old therapy puppies will meet patients on March 12 in the atrium.",
        "Notre comité, 12 membres, se réunira le 14/10/2026 pour la planification.",
        "Abstracts are due 2026-04-17; the conference opens in Halifax on May 2.",
    ],
)
def test_days_of_things_events_and_the_authors_family_stay_quiet(text):
    assert "date" not in categories(text)


def test_an_exam_asked_for_in_a_month_dates_the_patients_care():
    assert ("date", "mars") in flagged(
        "J'ai revu l'échographie de Mme Gilles Arseneau, 61 ans, demandée en mars pour une douleur."
    )
    assert "date" not in categories("Our team ordered new ultrasound machines in March for the whole department.")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("A fisherman, 94 and still mending his own nets, came in with a hip fracture.", "94"),
        ("She's 97, lives alone and still drives to church on Sundays.", "97"),
        ("My patient Loretta, 95, says the secret is never retiring from gossip.", "95"),
        ("Une agricultrice, 93 et toujours aux champs, est venue pour une plaie.", "93"),
    ],
)
def test_a_great_age_in_apposition_or_after_a_pronoun_is_flagged(text, age):
    assert ("age", age) in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ontario, 95 and counting: that is how many rural ERs closed a night this summer.",
        "A nurse, 92 and counting: that's how many shifts I covered this year.",
        "Our volunteer Bernice, 92, retiring this week after 30 years at the gift shop.",
        "She's 95% better since the new inhaler.",
        "Respondents aged 18 to 95, 90 and older excluded, answered the survey.",
    ],
)
def test_counts_colleagues_and_percentages_are_not_ages(text):
    assert "age" not in categories(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A history taken: the day of someone's last dose.
        (
            "Her husband found the vaccine booklet in the glovebox; last tetanus shot was March 3, 2011.",
            "March 3, 2011",
        ),
        ("Sa fille avait le carnet : son dernier rappel date du 12 mai 2015.", "12 mai 2015"),
        # A story's part opening on a day and the act of care, without a verb.
        (
            "Shared with her parents' consent. 1/ Lily, 5, has leukemia. 2/ March 2: first chemo cycle, she was brave.",
            "March 2",
        ),
        # A date written with the day's and the month's abbreviations.
        ("Mr. Tran, 81, fell at home on Wed. Jan. 14, and he was admitted with a hip fracture.", "Wed. Jan. 14"),
    ],
)
def test_a_last_dose_and_a_care_act_opening_a_story_part_are_dates_of_care(text, date):
    assert ("date", date) in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our last flu shot clinic was on November 20; thanks to the 400 people who came!",
        "Registration for the last booster clinic was March 3. We will post the next one here.",
        "1/ March 2: chemo teaching day for nurses at our cancer centre, register now.",
        "We closed the clinic early on Fri. Dec. 24. Happy holidays to all.",
    ],
)
def test_a_clinics_last_day_and_a_teaching_day_stay_quiet(text):
    assert "date" not in categories(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Sports med follow-up: Maria Lopes, meniscus repair 2026-08-14, back to running this week.", "2026-08-14"),
        ("Suivi : Mme Paquette, prothèse de hanche le 12/03/2026, marche sans canne.", "12/03/2026"),
    ],
)
def test_a_forms_date_right_after_an_act_of_care_beside_someone_is_a_date_of_care(text, date):
    assert ("date", date) in flagged(text)


def test_a_forms_date_after_an_act_of_care_in_a_course_notice_stays_quiet():
    assert "date" not in categories("Knee replacement workshop 2026-08-14, register on the college's site.")
