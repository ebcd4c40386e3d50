"""Days and ages as the eighteenth to twentieth authors told them of one person, each beside the look-alike that must
stay clean: a day of care told without the patient's name (the care itself says someone had it), a competitor known
by their number, children by their family's name, a birth in US order; a clinic's holidays, a conference, a
vaccination clinic; a colleague's age at death in a memorial, ages said of people in general, an age still to come."""

import pytest

from tests.privacy.helpers import flagged


def dates(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "date"]


def ages(text: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == "age"]


# The look-alikes first: a public event's or a clinic's day has no patient, however near care words are.
@pytest.mark.parametrize(
    "text",
    [
        "Our Red Deer sports clinic is closed Dec 23 to Jan 3. Sprain questions: call Health Link or our desk after "
        "Jan 4. Merry Christmas!",
        "Notre cabinet de Chambéry est fermé du 24 décembre au 2 janvier. Pour une urgence, appelez le 15 ; "
        "reprise des consultations le 3 janvier.",
        "Flu shot clinic at the Legion hall on Saturday Nov 14, 10 to 2. Bring your health card.",
        "Join us for the rural emergency medicine conference in Banff on March 18: suturing and casting workshops.",
        "Journée de vaccination à la salle des fêtes de Moûtiers le mercredi 9 décembre, de 9 h à 17 h.",
        "The Saturday Jan 16 tournament is cancelled because of the cold snap. Stay warm, everyone.",
        "Starting Jan 4, we open at 8 on weekdays. Walk-ins welcome until noon.",
        "Our nurse Jo Harlow retires on Dec 18, after 31 years. Come say goodbye!",
        "On Dec 18 we say goodbye to our nurse manager Jo Harlow, and I know you'll all be there.",
        "Marche pour les soins palliatifs à Rimouski le dimanche 14 juin, départ à 9 h du quai. Venez nombreux !",
    ],
)
def test_a_clinics_holidays_a_conference_or_a_public_events_day_is_not_a_date(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # Care given that day says a patient had it, named or not.
        (
            "The trucker from the night run, fleet badge TRK-5521, in on Dec 3 with jaw pain at 02:00: an inferior "
            "STEMI. Always get the ECG.",
            "Dec 3",
        ),
        (
            "Le pêcheur du chalutier, arrivé le mardi 1er décembre à 4 h avec une douleur thoracique : infarctus "
            "inférieur. On fait l'ECG.",
            "1er décembre",
        ),
        ("Césarienne en urgence à 22 h 17 le 2 décembre pour bradycardie fœtale, bébé en forme.", "2 décembre"),
        ("Un nouveau traitement prescrit le 8 octobre par le cardiologue, et la chute a suivi.", "8 octobre"),
        # A competitor known by their number.
        ("Bib 212 in the Feb 7 giant slalom at Nakiska, shoulder dislocated, reduced in the patrol hut.", "Feb 7"),
        ("Le dossard 18 du géant de Courchevel, samedi 5 décembre : fracture du poignet.", "5 décembre"),
        # Children by their family's name.
        ("Audience devant le juge des enfants le 14 janvier pour les petits Moreau. J'y serai.", "14 janvier"),
        # A day set for someone: theirs, not a notice's.
        (
            "Deal with Kayla: if her knee holds on a hop test by the 20th of October, she plays the final.",
            "20th of October",
        ),
        # A colleague in a clause of the author's own, after the day, does not make it the colleague's.
        (
            "Mrs. Pelletier's call bell took too long on the night of Nov 9, and I've discussed it with our nurse "
            "manager.",
            "Nov 9",
        ),
        # A birth in US order, the month first.
        ("Baby girl Ava Lindqvist, 12/14/2026, 04:12, 3.1 kg, vacuum delivery, all well.", "12/14/2026"),
    ],
)
def test_a_day_of_care_told_without_a_name_is_a_date(text, day):
    assert any(day in found for found in dates(text)), dates(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("ER consult: Mr. T., 94, found on his kitchen floor by the home care nurse.", "94"),
        ("Mme R., 97 ans, vue à domicile pour une confusion.", "97"),
        # A person turning that age now.
        ("Happy birthday to Gordon Pike on 3 West, who turns 101 today!", "101"),
    ],
)
def test_a_great_age_after_one_initial_and_a_title_or_turned_now_is_flagged(text, age):
    assert any(age in found for found in ages(text)), ages(text)


@pytest.mark.parametrize(
    "text",
    [
        # A colleague's age at death, told in public in a memorial.
        "In memory of Dr. Ruth Kowalchuk, who passed away on the weekend at 94, our first woman chief of surgery.",
        "Hommage à la Dre Simone Lacasse, morte à 92 ans, pionnière de la pédiatrie en Abitibi.",
        # Ages said of people that age in general.
        "Nobody should be starting a bisphosphonate in 97-year-olds without asking what they want.",
        "Ce que nous enseignent nos centenaires, c'est la patience.",
        "3. Bisphosphonates at 96 with a life expectancy of months? Stop them.",
        # A building's age.
        "Our little hospital turns 100 this year. Come to the open house!",
    ],
)
def test_a_colleagues_age_at_death_a_group_or_an_age_to_come_is_not_flagged(text):
    assert ages(text) == []


def test_an_age_still_to_come_is_not_flagged_beside_the_age_someone_is():
    text = "Grand-père Émile, 96 ans, a fait son rappel de vaccin. Il dit que c'est pour ses 100 ans."
    assert ages(text) == ["96 ans"]


def test_a_great_age_with_what_someone_came_in_with_is_still_flagged():
    assert ages("She came to us at 93 with a hip fracture and went home walking.") == ["93"]


def test_a_patients_age_at_death_is_flagged_beside_a_doctor():
    assert "95" in " ".join(ages("Mr. Gauthier died at 95 this morning with Dr. Patel at his side."))
