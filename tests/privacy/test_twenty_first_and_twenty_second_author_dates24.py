"""Days and ages as the twenty-first and twenty-second authors told them, each beside the look-alike that must stay
clean.

The habit: a case post sets its scene first, a place and a day, and names the person only in the next sentence ("a
crash on the highway, the day; the driver, a name and an age"), or names the patient once with an age and tells later,
without naming them again, the day a treatment was started, a diagnosis made or a flight out taken. The guard read a
day only with someone in its sentence or the one before, so every such day was missed. The look-alikes are what a
careful colleague writes with the same shapes: a meeting's, a conference's or a published guideline's day, the
author's own plans, a prairie land location (three numbers joined by hyphens), a doctor's death told by a pronoun, a
great age wished for."""

import pytest

from tests.privacy.helpers import flagged


def found(text: str, kind: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == kind]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # The scene, then the person named with an age in the next sentence.
        (
            "Rollover on the Yellowhead west of Edson, March 3, just after midnight. The passenger, Dale Whitecap, 31, "
            "had a flail chest and needed two chest tubes.",
            "March 3",
        ),
        (
            "Bloc opératoire de Martigny, jeudi 4 juin. M. Crettex Albert, 91 ans, pour une fracture du col, sous "
            "rachianesthésie.",
            "jeudi 4 juin",
        ),
        (
            "Quad accident behind the gravel pit, Aug 14. Registration on the police report. Rider Kyle Ahenakew, 17, "
            "open tib-fib, flown to Saskatoon.",
            "Aug 14",
        ),
        # Or with a courtesy title.
        ("Salle de réveil, mardi 3 mars. Mme Gagnon se réveille en réclamant son dentier.", "mardi 3 mars"),
        ("OR 4, Tuesday Nov 3. Mrs. Kowalski asked for her hearing aids back before the spinal.", "Tuesday Nov 3"),
        # The patient named once with an age; later, with no one named, the day care started or the diagnosis fell.
        (
            "Teaching case: Ms. Fairbairn, 52, fever and weight loss for two months. Smear positive, culture pending. "
            "Cavitation on the film. We began the four drugs on May 2 under directly observed therapy.",
            "May 2",
        ),
        (
            "Cas pour les externes : Mme Ravel, 47 ans, fièvre et toux depuis six semaines. Crachats positifs. "
            "Scanner : cavernes. Traitement débuté le 9 mai, sous observation directe.",
            "9 mai",
        ),
        (
            "Une jeune femme, Inès Garnier, 29 ans, consulte pour des ganglions. Biopsie, puis TEP. "
            "Diagnostic posé le 12 avril. Elle va bien.",
            "12 avril",
        ),
        # A flight out of a remote community, the patient named earlier with an age.
        (
            "Mr. Akpaliapik, 70, had a heart attack at 3 am. Thrombolysis at the nursing station. "
            "The charter was ready at dawn, flight 221 on March 8, and the weather held.",
            "March 8",
        ),
        # A dateline, where and when only, opening or closing a case post about someone named with a title.
        (
            "Airway pearl: Mrs. D. (the one with the short neck) was easy with the bougie. Check the mouth opening. "
            "Theatre 5, Oct 12.",
            "Oct 12",
        ),
        # Someone said by a noun with their name beside it, in the day's own sentence.
        ("Last winter a girl, Maya, with a swollen hot knee, was flown south on Feb 2.", "Feb 2"),
        ("Le mois dernier, une femme, Nunia, enceinte de 36 semaines, a été évacuée le 4 mars.", "4 mars"),
    ],
)
def test_a_case_posts_day_is_a_date_wherever_its_person_is_named(text, day):
    assert any(day in excerpt for excerpt in found(text, "date")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # A published guideline, a conference, a campaign, a clinic's closure, beside a patient named with an age.
        "The new TB guidelines were published on March 24. Mr. Ross, 58, asked whether they change his treatment.",
        "Congrès de traumatologie de montagne, samedi 14 mars, Sion. Intervenant : Pr Luc Fellay, 61 ans, sur les "
        "avalanches.",
        "Road safety week starts on Oct 30 along Highway 16. Constable Rae Bellegarde, 44, will speak at the school.",
        "Our clinic will be closed on Dec 24. Grace Hanlon, 63, our receptionist, made the sign.",
        # The author's own plans, for a patient named after.
        "Le 6 mars, je courrai le semi-marathon pour la fondation. Cette année, on court pour Léa Roux, 8 ans.",
        # A civic number is no age: a dinner's day and address.
        "Souper de départ le vendredi 18 décembre au restaurant Le Relais, 12, rue des Alpes. Bonne retraite, Josée !",
        # A reading in figures is no dateline: « Tension à 12/7. »
        "M. Brunel de Lunéville, 88 ans, m'a fait visiter son atelier, puis son jardin. Tension à 12/7. Bravo.",
        # A month or a day alone stays the rules' to read; a civic number after « au » is no day.
        "Crash on the Hanson Lake Road in February. Driver Wes Nateweyes, 27, walked away.",
        "Visite à domicile au 5, allée des Tilleuls : le chat de M. Garrigue a dormi sur mon sac. Véridique.",
    ],
)
def test_an_events_or_the_authors_day_beside_a_named_person_is_not(text):
    assert found(text, "date") == [], flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # A quarter-section, section, township, range and meridian: a field, never a day.
        "Kurt, 44, was pinned by a bale at the home quarter, SE 7-22-3 W4, and drove himself in.",
        "Il s'est coincé la main dans la vis à grain chez son oncle, NW 12-5-21 W2, le matin même.",
        "The section he farms is LSD 4 11-36-2 W5; the ambulance found it by the bins.",
    ],
)
def test_a_land_location_is_not_a_date(text):
    assert found(text, "date") == [], flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # A month a board or a committee meets in.
        "Our outreach nurses Jen and Sam made these figures; we'll show the regional health board in May that "
        "treatment completion is theirs.",
        "Nos infirmières Julie et Anne ont fait ce travail, et le taux de traitement complété, on le présentera au "
        "conseil d'administration en juin.",
        # A doctor's death, told by a pronoun right after the doctor is named.
        "Le Pr Henri Vautrin nous parlait des années sida sans traitement. Il est mort en février, à 88 ans, entouré "
        "de ses anciens internes.",
        "Dr. Margaret Olsen taught me to read a chest film. She died in April, still answering residents' emails.",
        # An event's day in a year to come, its title cut by the window it was read through.
        "Journée régionale de pédiatrie, samedi 13 mars 2027, amphithéâtre B, faculté de médecine de Rennes.",
    ],
)
def test_a_meetings_month_a_doctors_death_or_an_events_day_is_not(text):
    assert found(text, "date") == [], flagged(text)


def test_a_patients_death_month_told_by_a_pronoun_stays_a_date():
    text = "Mr. Gill taught me patience through three admissions. He died in April, after his third admission."
    assert "April" in found(text, "date"), flagged(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # A great age after a name and where the person is from or belongs.
        ("Hector from the legion hall, 95, drove himself in for his flu shot.", "95"),
        ("Rosaire du rang Saint-Joseph, 96 ans, est venu à pied à la clinique.", "96"),
    ],
)
def test_a_great_age_after_a_name_and_its_place_is_an_age(text, age):
    assert any(excerpt.startswith(age) for excerpt in found(text, "age")), flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # A count, a group, an age wished for.
        "Residents from the lodge, 92 of them, came to the flu clinic.",
        "Elle m'a dit en partant : « je veux voir 100 ans, docteure ».",
        "He told me he wants to see 100, and I believe him.",
    ],
)
def test_a_count_a_group_or_an_age_wished_for_is_not_an_age(text):
    assert found(text, "age") == [], flagged(text)
