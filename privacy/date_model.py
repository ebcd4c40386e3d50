"""A small trained model that reads a date expression as one told of a patient, or not.

    >>> from privacy.base import Text
    >>> from privacy.date_model import dates
    >>> text = Text("Mr. Okafor, 84, died on October 6 with his wife beside him.", "en")
    >>> [text.value[hit.start : hit.end] for hit in dates(text)]
    ['October 6']

The date rules (``clinical``) are written per habit and reach ~1.0 on the authors they were tuned on and
0.56-0.84 on the next one. This model reads the same thing each new author writes differently: a day, a month
or a weekday said beside a patient's care, birth, overdose or death, rather than an event's, a holiday's or a
policy's. Candidates are every date expression a broad pattern finds (day and month in either order and
either language, a weekday, a month alone, a numeric date, "the 14th", a feast); its features are generic
(the kind of expression and whether a year or a time is given, never the day or month itself; the lower-cased
words around it; care, birth, death, overdose, anniversary and event words near it, from ``privacy.lexicon``
and ``privacy.stories``; a patient-like name, title or age in its sentence; past or future tense), so no
corpus's dates are learnt. ``bench/train_date_model.py`` fits it with scikit-learn (logistic regression) and
writes its weights, a plain JSON table, to ``date_model.json`` beside this file; scoring here is a sum of
weights in plain Python, the table read once per process on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

from privacy import clinical, lexicon, stories, weights
from privacy.base import Category, Hit, Text, words

MODEL_FILE = Path(__file__).with_name("date_model.json")

MONTH_FULL = (
    lexicon.MONTHS_FR + "|january|february|march|april|may|june|july|august|september|october|november|december"
)
# Abbreviations, with or without their full stop: "Nov 24", "Sept. 2", « 1er déc. », « 5 janv. 1934 ».
MONTH_SHORT = r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|fév|fev|avr|juil|déc"
MONTH = rf"(?:{MONTH_FULL}|(?:{MONTH_SHORT})\.?)"
WEEKDAY_FULL = lexicon.WEEKDAYS_FR + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
WEEKDAY = rf"(?:{WEEKDAY_FULL}|(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|re|e)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
FEASTS = (
    r"christmas(?:\s+(?:eve|day))?|new\s+year['’]?s(?:\s+(?:eve|day))?|thanksgiving(?:\s+(?:monday|day))?|easter"
    r"(?:\s+(?:sunday|monday))?|halloween|valentine['’]?s\s+day|canada\s+day|boxing\s+day|remembrance\s+day|"
    r"la\s+veille\s+de\s+noël|le\s+jour\s+de\s+l['’]an|noël|pâques|saint-valentin|la\s+saint-jean|fête\s+nationale"
)
WEEKDAY_BEFORE = rf"(?:{WEEKDAY},?\s+(?:the\s+|le\s+)?)"
# The forms a date takes, longest first; the group named says which form matched, the form being a feature.
CANDIDATE = re.compile(
    rf"(?<![\w/.-])(?:"
    rf"(?P<iso>{YEAR}-[01]\d-[0-3]\d)"
    # Day first or, in US order, month first: « 03/12/2026 », "11/30/2026" (``_plausible`` keeps one part a month).
    rf"|(?P<numeric_full>[0-3]?\d[/.-][0-3]?\d[/.-](?:{YEAR}|\d\d))"
    rf"|(?P<numeric>(?:[0-3]\d/[01]?\d|[1-9]/[01]\d))(?![/\d])"
    rf"|(?P<day_month>{WEEKDAY_BEFORE}?(?:the\s+)?{DAY}\s+(?:of\s+|au\s+{DAY}\s+)?{MONTH}(?:,?\s+{YEAR})?)"
    rf"|(?P<month_day>{WEEKDAY_BEFORE}?{MONTH}\s+{DAY}(?!\d)(?:,?\s+{YEAR})?)"
    rf"|(?P<weekday_ordinal>{WEEKDAY},?\s+the\s+{DAY})"
    rf"|(?<=\bthe\s)(?P<ordinal>(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th))"
    # « le 21 », « du 21 », « au 21 » with no month: a day of this month, said before a stop, a time or a comma.
    rf"|(?<=\b(?:le|du|au)\s)(?P<day_alone>(?:[12]\d|3[01]|0?[1-9])(?:er)?)"
    r"(?=\s*(?:[,.;:!?)]|$|à\s|au\s|vers\s|et\s|pour\s|dans\s|avec\s|après\s))"
    rf"|(?P<month_year>(?:{MONTH_FULL})\s+{YEAR})"
    rf"|(?P<feast>{FEASTS})"
    rf"|(?P<month>{MONTH_FULL})"
    rf"|(?P<weekday>{WEEKDAY_FULL})"
    rf")(?![\w])",
    re.IGNORECASE,
)
FORMS = (
    "iso",
    "numeric_full",
    "numeric",
    "day_month",
    "month_day",
    "weekday_ordinal",
    "ordinal",
    "day_alone",
    "month_year",
)
ENGLISH_NAMES = frozenset(
    (
        "january february march april may june july august september october november december "
        "monday tuesday wednesday thursday friday saturday sunday "
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun"
    ).split()
)
HAS_WEEKDAY = re.compile(rf"^{WEEKDAY}\b", re.IGNORECASE)
HAS_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)|[/.-]\d\d$")
FULL_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
# A clock time right beside it: "03:52 on November 29", « mardi 24 novembre à 4 h 47 », "at 7 pm".
TIME_NEAR = re.compile(
    r"\b\d{1,2}\s*(?::\s*\d\d|h\s*\d\d|h\b|\s*[ap]\.?\s?m\b\.?)|\bnoon\b|\bmidi\b|\bminuit\b|\bmidnight\b",
    re.IGNORECASE,
)

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
# Words of the post around the date, read as they are; names, numbers and the date's own words by kind only.
CONTEXT_WORDS = 3

# Cue lists: (feature, pattern, characters read before, characters after). The sentence is read as well.
SPANMODEL19_ANNIVERSARY = words(
    "anniversary",
    "years ago",
    "year ago",
    "months ago",
    "a year since",
    "years since",
    "this day",
    "this date",
    "every year",
    "each year",
    "remember",
    "i think about",
    "anniversaire",
    "il y a",
    "ans déjà",
    "an déjà",
    "chaque année",
    "tous les ans",
    "je repense",
    "je pense encore",
    "souviens",
)
SPANMODEL19_OVERDOSE = words(
    "overdose",
    "overdosed",
    "od",
    "od'd",
    "naloxone",
    "narcan",
    "fentanyl",
    "opioid",
    "opioids",
    "surdose",
    "naloxone",
    "intoxication",
    "suicide",
    "tentative",
    "withdrawal",
    "sevrage",
    "relapse",
    "rechute",
    "methadone",
    "méthadone",
    "suboxone",
)
SPANMODEL19_EVENT = words(
    "webinar",
    "webinaire",
    "conference",
    "conférence",
    "inscription",
    "inscriptions",
    "inscrivez-vous",
    "register",
    "registration",
    "rsvp",
    "tickets",
    "billets",
    "zoom",
    "livestream",
    "live",
    "en direct",
    "link in bio",
    "lien",
    "link",
    "deadline",
    "date limite",
    "save the date",
    "join us",
    "joignez-vous",
    "venez",
    "come",
    "workshop",
    "atelier",
    "session",
    "séance d'information",
    "talk",
    "panel",
    "launch",
    "lancement",
    "campaign",
    "campagne",
    "clinic hours",
    "closed",
    "fermé",
    "fermée",
    "open",
    "ouvert",
    "ouverte",
    "holiday hours",
    "horaire",
    "vaccination clinic",
    "vaccine clinic",
    "cliniques de vaccination",
    "clinique de vaccination",
    "vaccination",
    "flu shot",
    "walk-in",
    "drop-in",
    "screening day",
    "journée",
    "week",
    "semaine",
    "month",
    "mois",
    "awareness",
    "sensibilisation",
    "world",
    "mondiale",
    "international",
    "internationale",
    "national",
    "nationale",
    "gala",
    "fundraiser",
    "run",
    "course",
    "marche",
    "walk",
    "podcast",
    "episode",
    "épisode",
)
SPANMODEL19_FUTURE = words(
    "will",
    "won't",
    "going to",
    "next",
    "upcoming",
    "coming up",
    "tomorrow",
    "soon",
    "until",
    "starting",
    "starts",
    "begins",
    "from",
    "by",
    "prochain",
    "prochaine",
    "demain",
    "bientôt",
    "à venir",
    "dès le",
    "jusqu'au",
    "à partir du",
    "aura lieu",
    "sera",
    "seront",
    "aura",
    "auront",
    "pourrez",
    "allons",
)
SPANMODEL19_PAST = words(
    "was",
    "were",
    "had",
    "did",
    "died",
    "came",
    "went",
    "got",
    "took",
    "gave",
    "told",
    "said",
    "found",
    "brought",
    "left",
    "last",
    "ago",
    "yesterday",
    "hier",
    "était",
    "étaient",
    "avait",
    "avaient",
    "a été",
    "est arrivé",
    "est arrivée",
    "est né",
    "est née",
    "est mort",
    "est morte",
    "est décédé",
    "est décédée",
    "dernier",
    "dernière",
    "passé",
)
# A past participle after an auxiliary or an English verb in -ed: the sentence tells what happened.
PAST_VERB = re.compile(
    r"\b(?:a|ai|as|avons|avez|ont|est|sont|suis|sommes|s['’]est|m['’]a|l['’]a)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|i|ie|is|u|ue|t|te)\b"
    r"|\b\w{3,}ed\b",
    re.IGNORECASE,
)
# Where an event is held: a date beside a venue is the event's, not a patient's.
SPANMODEL19_VENUE = words(
    "école",
    "school",
    "gymnase",
    "aréna",
    "arena",
    "room",
    "salle",
    "amphitheatre",
    "amphithéâtre",
    "auditorium",
    "atrium",
    "lounge",
    "church",
    "église",
    "chapel",
    "chapelle",
    "restaurant",
    "hotel",
    "hôtel",
    "library",
    "bibliothèque",
    "faculty",
    "faculté",
    "university",
    "université",
    "hall",
    "gym",
    "parc",
    "park",
    "maison de la culture",
    "palais des congrès",
    "centre culturel",
    "auditoire",
)
# What is published, not lived: "Recorded on November 27", « Enregistré le 12 novembre ».
SPANMODEL19_PUBLISHED = words(
    "recorded",
    "filmed",
    "aired",
    "published",
    "posted",
    "released",
    "enregistré",
    "enregistrée",
    "tourné",
    "diffusé",
    "diffusée",
    "publié",
    "publiée",
    "paru",
    "parue",
)
# A colleague's life and career, told with dates of their own: a retirement, a move, a defence, a farewell.
SPANMODEL19_CAREER = words(
    "retire",
    "retired",
    "retiring",
    "retirement",
    "retraite",
    "farewell",
    "party",
    "fête",
    "5 à 7",
    "celebration of life",
    "memorial",
    "services",
    "funeral",
    "funérailles",
    "hommage",
    "tribute",
    "congratulations",
    "congrats",
    "félicitations",
    "bravo",
    "welcome",
    "bienvenue",
    "accueille",
    "accueillons",
    "joins",
    "joining",
    "arrive",
    "remplacera",
    "moves",
    "déménage",
    "defended",
    "soutenu",
    "fellowship",
    "award",
    "prix",
)
DOCTOR_NAMED = re.compile(r"\b(?:Dr|Dre|Drs|Docteure?|Pre?|Prof)\b\.?\s+[A-ZÀ-Ö]")
# A clock time on the hour or the half hour is an event's ("7 pm", « 18 h 30 »); to the minute, a birth's or a
# death's ("at 11:58 pm", « à 4 h 47 »).
PRECISE_TIME = re.compile(r"\b\d{1,2}\s*(?::|h)\s*(?!00|30|15|45)[0-5]\d\b", re.IGNORECASE)
# A career's length says whose life a date belongs to: a colleague's ("pédiatre pendant 42 ans", "after 30 years
# with our team"), told in public.
CAREER_LENGTH = re.compile(
    r"\b(?:pendant|durant|après|depuis|for|after|over)\s+(?:plus\s+de\s+|more\s+than\s+)?\d{1,2}\s+(?:ans|années|years)\b"
    r"|\b\d{1,2}\s+(?:ans|années|years)\s+(?:de\s+(?:carrière|service|pratique)|of\s+(?:service|practice|nursing))",
    re.IGNORECASE,
)
# A count or a share says a date frames a statistic: "Since March 2020, our ICU has admitted over 3,000 patients".
STATISTIC = re.compile(
    r"\b\d{1,3}(?:[ ,.\u202f\u00a0]\d{3})+\b|\b\d{3,}\s+(?:patients|people|personnes|cas|cases)\b|\d\s?%"
)
# A visit booked or kept, in any words: "your knee scope on the 11th", « au rendez-vous du 22/12 », « On se voit le 8
# décembre pour la visite ».
NAMEMODEL21_APPOINTMENT = re.compile(
    r"\b(?:appointments?|appts?|visits?|visites?|follow-ups?|check-ups?|checkups?|recheck|consults?|consultations?|"
    r"rendez-vous|rdv|suivis?|contrôles?|scopes?|scans?|échographies?|écho|ultrasounds?|see you|on se voit|"
    r"on se revoit|je vous revois|je te revois|à votre|à ton|à ta)\b",
    re.IGNORECASE,
)
# The reader addressed, as a reply to a patient or a parent is: "you can't ride … on the 15th", "@name so glad … on
# the 18th".
NAMEMODEL21_READER = re.compile(
    r"(?<![\w-])(?:(?:you|your|vous|votre|vos|tu|ton|ta|tes|te|on se (?:voit|revoit|reparle))\b|t['’])|^@\w",
    re.IGNORECASE,
)
# A birth told by its baby and its weight: "Baby girl Nov 29, 8 lb 6 oz", « née à 6 h 40 le 21, 3,950 kg ».
NAMEMODEL21_BIRTH_STORY = re.compile(
    r"\b(?:baby|bébé|newborn|nouveau-née?|little one|la petite|le petit)\b|\b\d{1,2}\s?(?:lbs?|pounds?)\b|"
    r"\b\d{1,2}\s?oz\b|\b\d[,.]\d{2,3}\s?kg\b|\b\d{4}\s?g\b",
    re.IGNORECASE,
)
# A baby born is someone, named or not: "Baby boy Oct 12, 7 lb 2 oz", « né à 3 h 15 le 9, 3,420 kg ».
NAMEMODEL21_BABY_WEIGHED = re.compile(
    r"\b(?:baby (?:boy|girl)|bébé|newborn|nouveau-née?)\b|\b\d{1,2}\s?(?:lbs?|pounds?)\s+\d{1,2}\s?oz\b|"
    r"\b\d[,.]\d{3}\s?kg\b|\b\d{4}\s?(?:g|grammes|grams)\b",
    re.IGNORECASE,
)
CUES = (
    # The date rules' own generic vetoes, as features: a publication's words, a future told, a count of patients.
    ("published_cue", lexicon.PUBLISHED_CUES, 60, 60),
    ("to_come", clinical.TOLD_AS_TO_COME, 60, 60),
    ("patient_count", clinical.PATIENT_COUNT, 100, 100),
    ("career_length", CAREER_LENGTH, 150, 150),
    ("statistic", STATISTIC, 150, 150),
    ("venue", SPANMODEL19_VENUE, 80, 100),
    ("published", SPANMODEL19_PUBLISHED, 40, 20),
    ("career", SPANMODEL19_CAREER, 100, 100),
    ("doctor", DOCTOR_NAMED, 120, 80),
    ("precise_time", PRECISE_TIME, 25, 25),
    ("care", stories.CARE_NEARBY, 100, 100),
    ("care_event", stories.CARE_EVENTS, 100, 100),
    ("care_cue", lexicon.CARE_CUES, 60, 60),
    ("birth", lexicon.BIRTH_CUES, 60, 60),
    ("death", lexicon.DEATH_CUES, 80, 80),
    ("due", lexicon.DUE_DATE_CUES, 40, 40),
    ("person", lexicon.PERSON_CUES, 80, 80),
    ("public", lexicon.PUBLIC_ROLE_CUES, 60, 60),
    ("organization", lexicon.ORGANIZATION_CUES, 60, 60),
    ("event", lexicon.EVENT_CUES, 80, 80),
    ("event_word", SPANMODEL19_EVENT, 60, 60),
    ("anniversary", SPANMODEL19_ANNIVERSARY, 80, 80),
    ("overdose", SPANMODEL19_OVERDOSE, 100, 100),
    ("future", SPANMODEL19_FUTURE, 40, 40),
    ("past", SPANMODEL19_PAST, 40, 40),
    ("past_verb", PAST_VERB, 40, 40),
    ("time", TIME_NEAR, 15, 25),
    ("appointment", NAMEMODEL21_APPOINTMENT, 50, 40),
    ("reader", NAMEMODEL21_READER, 60, 60),
    ("birth_story", NAMEMODEL21_BIRTH_STORY, 60, 60),
)
# What says a person, likely a patient, is in the date's sentence.
COURTESY_NAME = re.compile(r"\b(?:Mrs?|Ms|Mme|Mlle|M)\.?\s+[A-ZÀ-Ö]")
AGE = re.compile(
    r"\b\d{1,3}[- ]?(?:year[- ]old|yo|y/o|ans|mois|months? old|weeks? old|semaines)\b|,\s*\d{1,3}\s*,|\(\d{1,3}\)",
    re.IGNORECASE,
)
PRONOUN = words("he", "she", "him", "her", "his", "they", "il", "elle", "lui", "son", "sa", "ses")
MY_PATIENT = words("my patient", "our patient", "mon patient", "ma patiente", "notre patient", "notre patiente")
THREAD = re.compile(r"(?:^|\s)\d{1,2}/(?:\d{1,2})?\s")
HASHTAG = re.compile(r"#\w")
FORM_GROUPS = (*FORMS, "feast", "month", "weekday")


def candidates(text: Text) -> list[tuple[int, int, dict[str, float]]]:
    """Each date expression of the text, with its features: ``(start, end, {feature: value})``."""
    value, lower = text.value, text.lower
    matches = [match for match in CANDIDATE.finditer(value) if _plausible(match, text)]
    # A weekday right before another form is that date's ("jeudi 19/11"), not a day of its own.
    matches = [
        match
        for match, following in zip(matches, [*matches[1:], None], strict=False)
        if not (match.lastgroup == "weekday" and following and following.start() - match.end() <= 3)
    ]
    if not matches:
        return []
    tokens = [(match.start(), match.end()) for match in TOKEN.finditer(value)]
    token_starts = [start for start, _ in tokens]
    cue_positions = {name: [m.start() for m in pattern.finditer(value)] for name, pattern, _, _ in CUES}
    post = {
        f"lang={text.language}": 1.0,
        "thread": float(bool(THREAD.search(value))),
        "long_post": float(len(value) > 600),
        "many_dates": float(len(matches) >= 3),
        "hashtags": float(len(HASHTAG.findall(value)) >= 2),
    }
    found = []
    for match in matches:
        start, end = match.span()
        form = match.lastgroup
        features = {"bias": 1.0, f"form={form}": 1.0, **{name: v for name, v in post.items() if v}}
        span_text = value[start:end]
        if HAS_WEEKDAY.match(span_text) and form not in ("weekday", "feast"):
            features["with_weekday"] = 1.0
        if HAS_YEAR.search(span_text):
            features["with_year"] = 1.0
            year = FULL_YEAR.search(span_text)
            if year:
                features[f"year<{_year_bucket(int(year.group(1)))}"] = 1.0
        # The words around the date, outside it.
        first = bisect_left(token_starts, start)
        after = bisect_left(token_starts, end)
        for offset in range(1, CONTEXT_WORDS + 1):
            features[f"w-{offset}={_context_word(value, lower, tokens, first - offset)}"] = 1.0
            features[f"w+{offset}={_context_word(value, lower, tokens, after + offset - 1)}"] = 1.0
        sentence_start, sentence_end = text.sentence_around(start)
        for name, _pattern, before, beyond in CUES:
            positions = cue_positions[name]
            if weights.any_between(positions, start - before, end + beyond):
                features[f"near_{name}"] = 1.0
            elif weights.any_between(positions, sentence_start, sentence_end):
                features[f"sentence_{name}"] = 1.0
        if clinical.HOUR_AFTER.match(value[end : end + 16]):
            features["hour_after"] = 1.0
        sentence = value[sentence_start:sentence_end]
        if COURTESY_NAME.search(sentence):
            features["sentence_titled_name"] = 1.0
        if AGE.search(sentence):
            features["sentence_age"] = 1.0
        if MY_PATIENT.search(sentence):
            features["sentence_my_patient"] = 1.0
        if PRONOUN.search(sentence):
            features["sentence_pronoun"] = 1.0
        if _first_name_in(value, lower, tokens, sentence_start, sentence_end):
            features["sentence_first_name"] = 1.0
        found.append((start, end, features))
    return found


def _plausible(match: re.Match, text: Text) -> bool:
    """An English month or weekday is capitalised ("in May", not "may"; "March 3", not "march on"); a numeric
    date's day and month are in range; an abbreviation is no date alone."""
    form, span = match.lastgroup, match.group()
    if form == "ordinal":  # "on the 14th", "the 3rd of May"; not "the 3rd attempt"
        following = re.match(r"\s*([^\W\d_]+)", text.value[match.end() :])
        return not following or following.group(1).lower() in ORDINAL_FOLLOWERS
    if form in ("numeric", "numeric_full", "iso"):
        parts = [int(part) for part in re.split(r"[/.-]", span)]
        day_month = parts[1:] if form == "iso" else parts[:2]
        in_range = all(part >= 1 for part in day_month) and min(day_month) <= 12 and max(day_month) <= 31
        return in_range and not (form == "numeric" and _among_scores(match, text))
    for word in re.findall(r"[^\W\d_]+", span):
        if word.lower() in ENGLISH_NAMES and not word[0].isupper() and word.lower() not in FRENCH_TOO:
            return False
    return True


def _among_scores(match: re.Match, text: Text) -> bool:
    """A day and month in figures without a year, beside another figure over the same number in its sentence, is
    a score or a ratio ("pain from 8/10 to 3/10", « 9/10 en maths, 8/10 en français »), not a date, unless a word
    for a day is before it."""
    if re.search(
        r"(?:\b(?:le|du|au|on|since|depuis|until|jusqu'au)|\bthe)\s*$", text.value[: match.start()], re.IGNORECASE
    ):
        return False  # « opérée le 3/10, revue le 17/10 » are two days of the same month
    denominator = match.group().split("/")[1]
    sentence_start, sentence_end = text.sentence_around(match.start())
    sentence = text.value[sentence_start:sentence_end]
    others = re.findall(rf"(?<![\w/])\d{{1,3}}/{denominator}(?![\w/])", sentence)
    return len(others) > 1


# Month names French and English share, written lower-case in French: « en avril », « le 3 mars ».
FRENCH_TOO = frozenset(
    {"mars", "avril", "mai", "juin", "juillet", "août", "janvier", "février", "novembre", "décembre"}
)


ORDINAL_FOLLOWERS = frozenset("of at and in when with to after before for by on or but so because".split())


def _year_bucket(year: int) -> int:
    """A year by era only: a birth year (before 1960), a past one, or a recent one."""
    for bound in (1960, 2000, 2020):
        if year < bound:
            return bound
    return 2100


def _context_word(value: str, lower: str, tokens: list[tuple[int, int]], index: int) -> str:
    if not 0 <= index < len(tokens):
        return "<s>"
    start, end = tokens[index]
    word, low = value[start:end], lower[start:end]
    if word[0].isdigit():
        return "<number>"
    if low in ENGLISH_NAMES or low in FRENCH_MONTHS_AND_DAYS:
        return "<date word>"
    if word[0].isupper() and low not in KEPT_CAPITALISED:
        return "<first name>" if low in lexicon.FIRST_NAMES else "<capitalised>"
    return low


FRENCH_MONTHS_AND_DAYS = frozenset((lexicon.MONTHS_FR + "|" + lexicon.WEEKDAYS_FR).split("|"))
# Capitalised words kept as themselves: sentence openers and titles that say what the date is about.
KEPT_CAPITALISED = frozenset(
    "on in at since the my our his her he she we i le la les depuis en au du dès mr mrs ms m mme dr dre "
    "born née né died rip dob ddn".split()
)


def _first_name_in(value: str, lower: str, tokens: list[tuple[int, int]], low: int, high: int) -> bool:
    """A capitalised first name in the sentence, wherever it stands ("Desmond had been coming daily…"), unless a
    doctor's title comes right before it."""
    previous = ""
    for start, end in tokens:
        word = lower[start:end]
        if low <= start < high and value[start].isupper() and word in lexicon.FIRST_NAMES:
            if previous not in DOCTOR_TITLES:  # "avec la Dre Roy": a colleague's name, not a patient's
                return True
        if start >= high:
            break
        if word != ".":
            previous = word
    return False


DOCTOR_TITLES = frozenset({"dr", "dre", "drs", "docteur", "docteure", "doctor", "pr", "pre", "prof", "professor"})


def _model() -> dict:
    return weights.table(MODEL_FILE)


def scores(text: Text, model: dict | None = None) -> list[tuple[int, int, float]]:
    """Each date expression with the model's probability that it is told of a patient."""
    return weights.logistic_scores(candidates(text), model or _model())


def spans(text: Text, model: dict | None = None, threshold: float | None = None) -> list[tuple[int, int, float]]:
    model = model or _model()
    threshold = model["threshold"] if threshold is None else threshold
    return weights.kept_above(text, scores(text, model), threshold, vetoed)


def vetoed(text: Text, start: int, end: int) -> bool:
    """The date rules' generic vetoes, which the model keeps as they do: whatever else its sentence tells, a date is
    no patient's when the sentence says it was recorded or aired, or is an event's, a colleague's retirement, death or
    appointment, an organization's milestone or count of patients; when it is a day something lasts until or starts
    from, a kind of day ("born on a February 29", "his first Christmas"), one that comes back ("every Christmas"),
    an hour with nobody near, the author's own family's day or the author's own diagnosis; and when nobody is in its
    sentence or the one before (the rules' own test for a day of a story: "the patient portal was down on March 3"),
    unless the sentence speaks to its reader, as a reply to a patient does ("you can't ride on the 15th") or tells of a
    baby born ("Baby boy Oct 12, 7 lb 2 oz") or care given that day ("on Nov 28: chest pain … STEMI"); when a
    clinic is held at a street address; and when a month alone is one someone has waited since."""
    at, value = start, text.value
    before = value[max(0, start - 25) : start]
    sentence_start, _ = text.sentence_around(start)
    return (
        any(
            text.sentence_has(pattern, at)
            for pattern in (
                lexicon.PUBLISHED_CUES,
                clinical.PATIENT_COUNT,
                clinical.ORGANIZATION_BIRTHDAY,
                OWN_CARE,
            )
        )
        or dates23_a_colleagues_day(text, start, end)
        or clinical._event_in_sentence(text, at)
        or clinical._a_colleagues_death(text, at)
        or bool(
            (clinical.UNTIL_BEFORE.search(before) and not DATES23_SET_FOR_SOMEONE_AFTER.match(value, end))
            or clinical.DATE_AS_A_KIND.search(before)
            or EVERY_BEFORE.search(before)
        )
        or bool(FEAST_AS_A_KIND_BEFORE.search(before) and FEAST.fullmatch(value, start, end))
        or bool(
            clinical.HOUR_AFTER.match(value[end : end + 16])
            and not (dates22_someone_near(text, at) or text.sentence_has(DATES23_CARE_GIVEN, at))
        )
        or bool(OWN_FAMILY.search(value, sentence_start, start) and not text.sentence_has(stories.CARE_EVENTS, at))
        or text.sentence_has(clinical.TOLD_AS_TO_COME, at)
        or text.sentence_has(FRENCH_FUTURE, at)
        or dates22_a_month_waited_since(text, start, end)
        or not (
            dates22_someone_near(text, at)
            or text.sentence_has(NAMEMODEL21_READER, at)
            or text.sentence_has(NAMEMODEL21_BABY_WEIGHED, at)
            or text.sentence_has(DATES23_CARE_GIVEN, at)
            or text.sentence_has(DATES23_SOMEONE_UNNAMED, at)
            or dates24_someone_in_the_story(text, start, end)
        )
        or (text.sentence_has(NAMEMODEL21_STREET_NUMBER, at) and text.sentence_has(NAMEMODEL21_CLINIC_HELD, at))
    )


# Care given on the day says a patient had it, named or not: "shift 19:00–07:00 on Nov 28: chest pain at 03:00 turned
# out to be a STEMI", « Césarienne en urgence à 16 h 05 le 29 novembre », « dimanche 13 décembre : luxation d'épaule »,
# « un collyre prescrit le 5 novembre ».
DATES23_CARE_GIVEN = re.compile(
    # Acts of care, done to someone: not a service or a disease named in a public notice (« Marche pour les soins
    # palliatifs le dimanche 7 juin »).
    r"\b(?:diagnosed|diagnostiquée?|admitted|admise?|discharged|biops(?:y|ied)|biopsiée?|operated|opérée?|intubated|"
    r"intubée?|fractured?|seizure|convulsion|overdosed?|surdose|resuscitated|réanimée?|hospitali[sz]ed|"
    r"hospitalisée?|amputated|amputée?|infarctus|heart attack|crise cardiaque|came in|est arrivée?|arrivée? le|"
    r"stemi|nstemi|chest pain|douleur thoracique|chest tube|drain thoracique|c-section|caesarean|cesarean|"
    r"césarienne|dislocat(?:ed|ion)|luxation|luxée?|sutured?|suturée?|stitches|points de suture|casted|plâtrée?|"
    r"prescribed|prescrite?|splinted|intubation|transfused|transfusée?|accouchée?|"
    r"déclenchée?|epidural|péridurale|apgar)\b",
    re.IGNORECASE,
)


# A colleague told in a clause of its own after the date is what the author did about the day, not whose day it is:
# "the call bell took too long on the night of October 22, and I've discussed it with our Director of Care". "Our nurse
# Jo retires on Dec 18" and "on Dec 18 we say goodbye to our nurse Jo" are the colleague's.
DATES23_CLAUSE_OF_THE_AUTHOR = re.compile(
    r"[,;]\s+(?:and|but|so|et|mais|alors)\s+(?:I|I['’]ve|I['’]ll|we|we['’]ve|je|j['’]|nous)\b", re.IGNORECASE
)


def dates23_a_colleagues_day(text: Text, start: int, end: int) -> bool:
    if not text.sentence_has(clinical.COLLEAGUES_DAY, start):
        return False
    sentence_start, sentence_end = text.sentence_around(start)
    clause = DATES23_CLAUSE_OF_THE_AUTHOR.search(text.value, end, sentence_end)
    return bool(clinical.COLLEAGUES_DAY.search(text.value, sentence_start, clause.start() if clause else sentence_end))


# A day set for someone is theirs, not a notice's: "if she's pain-free by the 15th of September, she rides one event",
# « d'ici le 3 mars, il reprend l'école ». A notice's is the public's: "Starting Jan 4, we open at 8".
DATES23_SET_FOR_SOMEONE_AFTER = re.compile(r",?\s*(?:she|he|il|elle)\s+(?!is\b|est\b)\w+", re.IGNORECASE)


# Someone told without a first name or a title: children by their family's name (« pour les petits Benali », "the
# Okafor twins") or a competitor by their number ("draw 8 in the July 6 bull riding", « le dossard 47 du slalom »).
DATES23_SOMEONE_UNNAMED = re.compile(
    r"\b(?:les|des|the)\s+(?:petits|petites|enfants|jumeaux|jumelles|triplés)\s+[A-ZÀ-Ö][a-zà-ÿ'’-]+"
    r"|\bthe\s+[A-Z][a-z'’-]+\s+(?:kids|children|twins|triplets|boys|girls|brothers|sisters)\b"
    r"|\b(?:draw|bib|jersey|dossard|maillot)\s+(?:no\.?\s*|n[°o]\s*|#\s*)?\d{1,4}\b",
)


# A man named with the French title alone, « M. Steiner… vu aux urgences le 3 mars », is someone as much as « Mme »:
# the rules' own test leaves « M. » out, a letter too short to be a word of its own.
DATES22_MONSIEUR = re.compile(r"(?<![\w.])M\.\s+(?:[A-ZÀ-Ö][a-zà-ÿ'’-]+\s+)?[A-ZÀ-Ö][a-zà-ÿ'’-]+")


def dates22_someone_near(text: Text, position: int) -> bool:
    """The rules' test for someone in the date's sentence or the one before, with « M. » among the titles. (A person
    said by a noun or an age, "a man of 60", was tried too: it flagged one more clean post, leaving one author out.)"""
    if clinical._someone_near(text, position):
        return True
    start, _ = text.sentence_around(position)
    before = text.sentence_around(start - 1)[0] if start else start
    return text.sentence_has(DATES22_MONSIEUR, position) or text.sentence_has(DATES22_MONSIEUR, before)


# A month alone someone has waited since is a complaint about a list, not a day of care: « attend depuis juin pour un
# naevus qui saigne », "has been waiting since March for a hip".
DATES22_WAITING_SINCE = re.compile(rf"{clinical.DATES22_WAITING}(?:since|depuis)\s+$", re.IGNORECASE)
DATES22_MONTH_ALONE = re.compile(MONTH_FULL, re.IGNORECASE)


def dates22_a_month_waited_since(text: Text, start: int, end: int) -> bool:
    return bool(
        DATES22_MONTH_ALONE.fullmatch(text.value, start, end)
        and DATES22_WAITING_SINCE.search(text.value, max(0, start - 60), start)
    )


# A clinic held at a street address is an event, its day the public's: « Cliniques de vaccination : à l'école …, 777,
# boulevard Iberville, le mardi 8 décembre », "Flu clinic at 12 King Street on Nov 3".
NAMEMODEL21_STREET_NUMBER = re.compile(
    r"\b\d{1,5},?\s+(?:rue|boulevard|boul|avenue|av|chemin|route|rang|street|avenue|ave|road|rd|drive|way|blvd)\b",
    re.IGNORECASE,
)
NAMEMODEL21_CLINIC_HELD = re.compile(
    r"\b(?:cliniques?|clinics?|vaccination|vaccine|flu shots?|dépistage|screening|collecte|blood drive)\b",
    re.IGNORECASE,
)


# A day that comes back is no day that happened: "every December 3", « chaque Noël », « tous les 14 février ».
EVERY_BEFORE = re.compile(r"\b(?:every|each|chaque|tous\s+les|toutes\s+les)\s+$", re.IGNORECASE)
# A feast someone has, not a day: "his first Christmas cooking", « son dernier Noël ».
FEAST = re.compile(FEASTS, re.IGNORECASE)
FEAST_AS_A_KIND_BEFORE = re.compile(
    r"\b(?:first|last|next|his|her|their|my|our|premier|dernier|prochain|son|sa|leur|mon|ma|notre)\s+$", re.IGNORECASE
)
# The author's own relative, described or not: "my 6-year-old daughter's recital", « ma grande sœur ».
OWN_FAMILY = re.compile(
    rf"\b(?:my|our|ma|mon|mes|notre|nos)\s+(?:own\s+|propre\s+)?(?:[\w-]+\s+)?(?:{clinical.RELATIVES}|grandma|grandpa|"
    r"nana|grand-maman|grand-papa|mamie|papi)\b",
    re.IGNORECASE,
)
# What is to come, in French's simple future: « le comité se réunira le 14/10 », « nous ouvrirons le 4 janvier ».
FRENCH_FUTURE = re.compile(
    r"\b(?:se|s['’]|il|elle|on|nous|vous|ils|elles)\s+\w{2,}(?:ra|ront|rons|rez)\b", re.IGNORECASE
)


# The author's own care: "I was diagnosed with Crohn's in May 2019", « j'ai été opérée le 3 mars ».
OWN_CARE = re.compile(
    r"\b(?:I was|I've been|I got|I had|j['’]ai été|je suis|j['’]ai eu)\s+(?:\w+\s+)?(?:diagnosed|operated|admitted|"
    r"hospitali[sz]ed|treated|my|diagnostiquée?|opérée?|hospitalisée?|admise?|soignée?|mon|ma)\b",
    re.IGNORECASE,
)


# dates24: a case post's day is its patient's even when the person is told a sentence away. Case posts set the scene
# first and name the person after ("Snowmobile rollover on the river, Feb 3. Rider Dale K., 31, …", « Bloc 2, jeudi 4
# juin. Mme X, 95 ans, … »), or tell the patient once with an age and later the day an act of care or an accident
# happened without naming them again ("We began isoniazid on May 2", « Diagnostic posé le 9 mai », "flown out on
# the 7th"). Only a day with its number counts: a month or a weekday alone stays the rules' to read.
DATES24_NAMED_WITH_AGE = re.compile(
    r"(?<![\w.'’])(?<!Dr\.\s)(?<!Dr\s)(?<!Dre\s)(?<!Pr\s)(?<!Pre\s)(?:(?:Mr|Mrs|Ms|Mme|Mlle|M)\.?\s+)?"
    r"[A-ZÀ-Ö][a-zà-ÿ'’-]+(?:\s+[A-ZÀ-Ö][a-zà-ÿ'’-]+){0,2}\s*,\s*(?:1[01]\d|\d{1,2})(?![\d,.]\d)"
    r"(?:\s*(?:ans|years? old|yo|y/o))?\s*(?:[,.;)]|$)"
    # Not a civic number: « Le Bistro, 285, rue Saint-Georges », "The Lodge, 12, Main Street".
    r"(?!\s*(?i:rue|avenue|av\.|boulevard|boul\.|bd|chemin|route|rang|street|st\b|road|rd\b|drive|way|place|allée))"
)
# The author's own plans: « Le 6 février, je ferai le défi… », "On May 3 we'll run…": no patient's day.
DATES24_AUTHOR_TO_COME = re.compile(
    r"\b(?:je|j['’]|nous|on)\s+(?:\w+\s+)?\w{2,}(?:rai|rons|ra)\b|\b(?:I|we)(?:['’]ll|\s+will|\s+shall)\b",
    re.IGNORECASE,
)
# Someone said by a noun with their name beside it: "a woman, Geela, 38 weeks", « une jeune femme, Audrey B., ».
DATES24_SOMEONE_APPOSED = re.compile(
    r"\b(?i:an?|the|une?|la|le)\s+(?:(?i:young|old|elderly|jeune|vieil|vieille|vieux)\s+)?"
    r"(?i:woman|man|girl|boy|lady|gentleman|teen|teenager|mother|father|driver|rider|skier|hunter|farmer|patient|"
    r"femme|homme|fille|garçon|dame|monsieur|adolescente?|mère|père|conducteur|conductrice|skieur|skieuse|"
    r"chasseur|agriculteur|agricultrice|patiente?)\s*,\s*[A-ZÀ-Ö][a-zà-ÿ'’-]+"
)
# What happened to one person on the day: an accident or injury, a treatment started, a diagnosis made, a flight out.
DATES24_WHAT_HAPPENED = words(
    "crash", "crashed", "collision", "rollover", "rolled", "overturned", "wreck", "accident", "avalanche", "buried",
    "burial", "fell", "fall", "kicked", "gored", "trampled", "bitten", "mauled", "thrown", "ejected", "drowned",
    "drowning", "frostbite", "stabbed", "shot", "burned", "injured", "injury", "started", "began", "initiated",
    "diagnosis", "diagnosed", "flew out", "flown out", "flown", "flight", "medevac", "medevaced", "airlifted",
    "evacuated", "sortie de route", "tonneau", "percutée?", "renversée?", "ensevelie?", "ensevelissement", "chute",
    "tombée?", "blessée?", "brûlée?", "mordue?", "noyade", "démarré", "commencé", "débuté", "instauré", "initié",
    "diagnostic", "diagnostiquée?", "évacuée?", "héliportée?", "hélitreuillée?", "évasan",
)  # fmt: skip


# A notice's day, in the present: "Road safety week starts on Oct 30", « la campagne débute le 2 mars ».
DATES24_NOTICE_STARTS = words("starts", "begins", "kicks off", "commence", "débute", "démarre")


# A day with its month, or in figures: not a weekday or a month alone, nor a day alone (« au 3, impasse des Lilas »).
DATES24_A_DAY_OF_A_MONTH = re.compile(rf"(?:\d.*{MONTH}|{MONTH}.*\d|\d[/.-]\d)", re.IGNORECASE)


def dates24_someone_in_the_story(text: Text, start: int, end: int) -> bool:
    if not DATES24_A_DAY_OF_A_MONTH.search(text.value, start, end):
        return False
    return text.sentence_has(DATES24_SOMEONE_APPOSED, start) or dates24_a_case_posts_day(text, start, end)


def dates24_a_case_posts_day(text: Text, start: int, end: int) -> bool:
    value = text.value
    if any(
        text.sentence_has(pattern, start)
        for pattern in (DATES24_AUTHOR_TO_COME, DATES24_NOTICE_STARTS, SPANMODEL19_PUBLISHED, SPANMODEL19_EVENT)
    ):
        return False
    sentence_end = text.sentence_around(start)[1]
    next_end = text.sentence_around(sentence_end + 1)[1] if sentence_end < len(value) else sentence_end
    if _dates24_someone_introduced(value, end, next_end):
        return True  # the scene, then the person
    happened = text.sentence_has(DATES24_WHAT_HAPPENED, start) or _dates24_a_dateline(text, start, end)
    return happened and _dates24_someone_introduced(value, 0, len(value))


# A dateline: a sentence of a few words giving only where and when, "Room OR 6, Nov 30.", « Hôpital de Sion, bloc 3,
# mardi 10 novembre. », which a case post opens or closes with.
DATES24_MONTH_NAMED = re.compile(MONTH, re.IGNORECASE)
DATES24_DATELINE_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")
DATES24_NOT_A_DATELINE = re.compile(
    r"(?:[!?:;«»\"“”]|\b(?:I|we|you|je|nous|on|vous|he|she|il|elle|they|ils|elles|is|are|was|were|est|sont|a|an|the)\b)",
    re.IGNORECASE,
)


def _dates24_a_dateline(text: Text, start: int, end: int) -> bool:
    if not DATES24_MONTH_NAMED.search(text.value, start, end):
        return False  # « Tension à 13/8. » is a reading
    sentence_start, sentence_end = text.sentence_around(start)
    rest = text.value[sentence_start:start] + " " + text.value[end:sentence_end]
    rest = re.sub(r"^\W*(?:\d{1,2}/\d{0,2}\s*)?", "", rest)  # a thread's number, "2/"
    return len(DATES24_DATELINE_WORD.findall(rest)) <= 6 and not DATES24_NOT_A_DATELINE.search(rest)


def _dates24_someone_introduced(value: str, low: int, high: int) -> bool:
    """Someone named with an age ("Leon C., 22,") or a courtesy title ("Mme Bonvin") between two offsets."""
    return bool(DATES24_NAMED_WITH_AGE.search(value, low, high) or clinical.TITLE_IN_SENTENCE.search(value, low, high))


def dates24_days_of_case_posts(text: Text) -> list[tuple[int, int]]:
    """A case post's days, whatever the model scores them: its generic vetoes (an event, a publication, a notice, a
    colleague's day…) still apply."""
    if not _dates24_someone_introduced(text.value, 0, len(text.value)):
        return []
    return [
        match.span()
        for match in CANDIDATE.finditer(text.value)
        if match.lastgroup in FORMS
        and DATES24_A_DAY_OF_A_MONTH.search(text.value, *match.span())
        and _plausible(match, text)
        and dates24_a_case_posts_day(text, *match.span())
        and not vetoed(text, *match.span())
    ]


def dates(text: Text) -> list[Hit]:
    """The model's dates of a patient's care, birth or death: told and fixed as the rules' dates of care are (their
    reason is already translated), removed by the one-click fix."""
    found = {(start, end) for start, end, _ in spans(text)} | set(dates24_days_of_case_posts(text))
    return [Hit(Category.DATE, start, end, "date_of_care", "") for start, end in sorted(found)]


RULES = (dates,)
