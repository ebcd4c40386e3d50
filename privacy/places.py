"""Where a patient is, told by the place itself: a dialysis chair with its schedule, a plane seat with its flight, a
child's school or daycare, a camp or a chalet, a street where something happened to someone.

    >>> from privacy.base import Text
    >>> from privacy.places import places22_chairs_with_a_schedule
    >>> text = Text("Mme Schnell, poste 7 du lundi-mercredi-vendredi matin, nous a apporté des bredele.", "fr")
    >>> [text.value[hit.start : hit.end] for hit in places22_chairs_with_a_schedule(text)]
    ['poste 7 du lundi-mercredi-vendredi matin']

Each rule reads a habit of writing shared by authors, in English and in French, rather than any one post's words: the
place alone ("chair 3", "Frontenac Secondary", "rue de la Station") is common to many people, the place with the
person's slot, child or mishap beside it is one person's. The veto pass (``public_roles``) still applies to every hit.
"""

from __future__ import annotations

import re

from privacy import lexicon
from privacy.base import Category, Hit, Text, words

# A weekday, a run of them ("Tues/Thurs/Sat", « lundi-mercredi-vendredi »), a shorthand for one ("MWF", "TTS"), or a
# clock time ("1 pm", "11:00", « 14 h ») with an optional part of the day: a patient's standing slot.
_PLACES22_DAY = (
    "(?:"
    + "|".join(sorted(f"{lexicon.WEEKDAYS_EN}|{lexicon.WEEKDAYS_FR}".split("|"), key=len, reverse=True))
    + r")s?\.?(?!\w)"
)
_PLACES22_DAYS = rf"{_PLACES22_DAY}(?:\s*(?:[-/,&]|and|et)\s*{_PLACES22_DAY})*"
_PLACES22_TIME = r"\d{1,2}(?:[:h]\d{2}|\s?h(?:\d{2})?)?\s?(?:[ap]\.?m\.?)?(?<=\d|m|\.|h)"
_PLACES22_PART = r"(?:morning|afternoon|evening|night|shift|matin|après-midi|apres-midi|soir|nuit)s?"
PLACES22_SCHEDULE = re.compile(
    rf"(?i:\s*(?:(?:on|at|every|du|des|le|les|au|à|a|en|,)(?!\w)\s*)*(?:"
    rf"(?:{_PLACES22_DAYS})(?:\s+{_PLACES22_PART})?(?:,?\s*(?:at|à|a)?\s*{_PLACES22_TIME}(?![\w/]))?"
    rf"|(?-i:MWF|TTS|TThS|LMV|MJS)\b(?:\s+{_PLACES22_PART})?"
    rf"|{_PLACES22_TIME}(?=\s?(?:[ap]\.?m|h)|\s*(?:$|[.,;)]))(?:\s+{_PLACES22_PART})?"
    rf"|(?:the\s+)?{_PLACES22_PART}(?:\s+(?:slot|shift|run))?"
    r"))"
)
# A chair, a station or a bay one sits in for hours of treatment (dialysis, infusion, chemotherapy), by its number.
PLACES22_TREATMENT_SEAT = re.compile(
    r"(?<![\w@#/-])(?i:chair|station|fauteuil|poste|bay|pod|box)\s*#?\s*(?P<number>\d{1,2}[A-Z]?)(?![\w/.-]|[.,]\d)"
)
# The clock time must be a time, not a count: "chair 3 at 1 pm" is, "chair 3, 2 patients" is not.
_PLACES22_CLOCK = re.compile(r"\d\s?(?:[ap]\.?m\b|h\b|h\d\d|:\d\d)|[a-zà-ÿ]{3}", re.IGNORECASE)


def places22_chairs_with_a_schedule(text: Text) -> list[Hit]:
    """A treatment chair or a dialysis station with the days or the hour its patient sits in it ("chair 3 at 1 pm",
    "chair 14, Tues/Thurs/Sat 11:00", « poste 7 du lundi-mercredi-vendredi matin », « dialysait au poste 12 le samedi
    matin »): the slot and the chair together name one patient of a unit. A chair alone, or a committee's chair,
    is not."""
    hits = []
    for match in PLACES22_TREATMENT_SEAT.finditer(text.value):
        schedule = PLACES22_SCHEDULE.match(text.value, match.end())
        if not schedule or not schedule.group().strip(" ,") or not _PLACES22_CLOCK.search(schedule.group()):
            continue
        word = text.value[match.start() : match.start("number")].strip().lower()
        if word in ("bay", "pod", "box", "station") and not text.sentence_has(PLACES22_TREATMENT_CUES, match.start()):
            continue  # a loading bay at 6 am, a bus station on Sundays
        if text.sentence_has(PLACES22_CONFERENCE, match.start()):
            continue  # a session's chair; a patient's party in her chair is still hers
        hits.append(Hit(Category.ROOM, match.start(), schedule.end(), "room", ""))
    return hits


PLACES22_TREATMENT_CUES = words(
    "dialysis", "dialyzed", "dialysed", "hemodialysis", "haemodialysis", "HD", "infusion", "chemo", "chemotherapy",
    "dialyse", "dialysé", "dialysée", "dialysait", "hémodialyse", "perfusion", "chimio", "chimiothérapie",
)  # fmt: skip


# A seat on a flight or a train, with the flight or the train ("KLM 692 seat 27C", « vol Air France 166, place 34A »,
# « TGV 8712, voiture 14, place 63 »): with the day of travel, it names one passenger.
PLACES22_SEAT = re.compile(
    r"(?<![\w@#/-])(?i:seat|siège|siege|place)\s*#?\s*(?P<seat>\d{1,2}[A-K]|(?<=place\s)\d{1,3}|(?<=seat\s)\d{1,3})"
    r"(?![\w/-])"
)
PLACES22_JOURNEY = re.compile(
    r"(?i:\bflight\b|\bvol\b|\bairlines?\b|\bTGV\b|\btrains?\s+(?:\d|to|from|de|pour)|\bvoiture\s+\d|\bcoach\s+\d|\bcar\s+\d|\bboarding\b|"
    r"\bembarquement\b|\bcarte d['’]embarquement\b|\bVIA\s+\d)|(?-i:\b[A-Z][A-Z0-9]{1,2}\s?\d{2,4}\b)"
)


def places22_seats_on_a_journey(text: Text) -> list[Hit]:
    """A plane or a train seat said with the flight or the train: the passenger's seat, a spot no one else had."""
    hits = []
    for match in PLACES22_SEAT.finditer(text.value):
        start, end = text.sentence_around(match.start())
        if PLACES22_JOURNEY.search(text.value, max(start, match.start() - 60), min(end, match.end() + 40)):
            hits.append(Hit(Category.ROOM, match.start(), match.end(), "room", ""))
    return hits


# A child's school or daycare, named, beside the child ("Kayden, 17, grade 12 at Frontenac Secondary", "Lily, 3, at
# Little Acorns Daycare on Bank St", « Romane, 3 ans, à la crèche Les P'tits Loups de la rue de Vertais », « Mathéo,
# 7 ans, en classe de CE1 à l'école Jules-Verne de Chantepie »). Where she goes every weekday is where to find her.
_PLACES22_NAME_WORD = r"(?:[A-ZÉÈÀÂÎÔÇ][\w'’.-]*|P['’]tits?|Petits?|Petites?)"
_PLACES22_NAME = (
    rf"{_PLACES22_NAME_WORD}(?:[\s-]+(?:(?:de la|de l['’]|du|des|de|d['’]|aux|à la|of|the)\s*)?"
    rf"{_PLACES22_NAME_WORD}){{0,4}}"
)
PLACES22_SCHOOL = re.compile(
    rf"(?P<school>(?:(?!(?:The|A|At|On|From|In|Our|My|His|Her|Thanks|Congrats|Welcome|Merci|Bravo)\b|\w+ing\b)"
    rf"{_PLACES22_NAME_WORD}\s+){{1,4}}"
    r"(?:Daycare|Day Care|Child Care|Childcare|Preschool|Pre-School|Nursery(?: School)?|Montessori|Kindergarten|"
    r"Elementary(?: School)?|Primary(?: School)?|Secondary(?: School)?|Middle School|High School|Junior High|"
    r"Public School|Catholic School|Collegiate|Academy|Annex|High)\b"
    rf"|(?i:crèche|creche|garderie|halte-garderie|CPE|école|ecole|maternelle|collège|college|lycée|lycee|polyvalente)"
    rf"(?:\s+(?i:primaire|secondaire|maternelle|élémentaire|privée|publique))?\s+"
    rf"(?:(?:de la|de l['’]|des|du|de|d['’])\s*)?{_PLACES22_NAME})"
    # The street or the town that places it: "on Bank St", « de la rue de Vertais », « de Chantepie ».
    rf"(?P<where>,?\s+(?:on|in|off|de la|du|de|d['’]|à|in)\s+(?:(?i:rue|avenue|boulevard|chemin|route)\s+"
    rf"(?:(?:de la|de l['’]|des|du|de|d['’])\s*)?)?{_PLACES22_NAME}(?:\s+(?:St|Ave|Rd|Street|Road|Avenue)\b\.?)?)?"
)
# A child told beside the school: a first name with a child's age ("Lily, 3,", « Romane, 3 ans, »), a relative's child
# ("her son Owen"), « la petite Inès ». A class alone ("Grade 3 at Sunny Brae Elementary made paper cranes") is many.
PLACES22_CHILD = re.compile(
    r"(?<![\w-])[A-ZÉ][\w'’-]+,\s+(?:[1-9]|1[0-8])(?:\s*(?:ans|an|years? old|yo|y/o|mois|months?))?\s*[,)]"
    r"|\b(?i:(?:his|her|their|my|our|son|sa|leur|notre)\s+(?:son|daughter|grandson|granddaughter|kid|child|fils|fille|"
    r"petit-fils|petite-fille|enfant)|(?:la|le)\s+petite?\s+(?-i:[A-ZÉ]))"
    # One child by her grade: "a grade 9 at …", « une élève de 3e année » (not "Grade 3 at … made cranes").
    r"|\b(?i:a|an)\s+grade[- ]\d{1,2}(?:er)?\b|\b(?i:un|une)\s+élève\s+de\s+\d"
    # « un gamin de 16 ans », "a 9-year-old": a child's age said in the sentence.
    r"|\b(?:de\s+)?(?:[1-9]|1[0-8])(?:\s+ans\b(?!\s+(?:de|du|d['’]))|[- ]years?[- ]old\b)"
)
# The writer's own child is no patient.
PLACES22_OWN_CHILD = re.compile(
    r"\b(?i:my|our|ma|mon|mes|notre|nos)\s+(?i:son|daughter|kids|children|boys|girls|fille|fils|enfants|filles)\b"
)
# A child named as from or at the school: "Ollie from Queen Elizabeth Annex".
PLACES22_NAMED_FROM = re.compile(r"(?<![\w'’-])[A-ZÉ][a-zà-ÿ'’-]+\s+(?:from|at|of|de|du|à)\s+(?:l['’]|la\s+|the\s+)?$")
# A school where something is held or taught, or a college of physicians, is not a child's.
PLACES22_NOT_A_CHILDS_SCHOOL = words(
    "collège des médecins", "collège royal", "royal college", "college of physicians", "college of family",
    "medical school", "faculté", "talk", "conférence", "presentation", "présentation", "gym", "gymnase", "fair",
    "salon", "clinic at", "clinique à", "vaccination", "campaign", "campagne", "assembly", "workshop", "atelier",
    "career day", "journée carrière",
    "hosted", "held", "organised", "organized", "organisé", "organisée", "visited", "visite", "nurses", "infirmières",
)  # fmt: skip


def places22_schools_of_children(text: Text) -> list[Hit]:
    hits = []
    for match in PLACES22_SCHOOL.finditer(text.value):
        at = match.start()
        start, end = text.sentence_around(at)
        if re.search(r"\b(?:un|une|a|an)\s+$", text.value[max(0, at - 5) : at], re.IGNORECASE):
            continue  # « un collège de la Croix-Rousse »: a kind of school, not one named
        named_from = PLACES22_NAMED_FROM.search(text.value, max(start, at - 30), at)
        if not (PLACES22_CHILD.search(text.value, start, end) or named_from):
            continue
        if text.sentence_has(PLACES22_NOT_A_CHILDS_SCHOOL, at) or text.sentence_has(lexicon.EVENT_CUES, at):
            continue
        if PLACES22_OWN_CHILD.search(text.value, start, end) or text.value.startswith(("'s", "’s"), match.end()):
            continue  # the writer's own child; a school's own day or programme
        hits.append(Hit(Category.ADDRESS, match.start("school"), match.end(), "address"))
    return hits


# Where a patient stayed that no street names: a hunting camp, a chalet, a cabin, a cottage by its number with the
# road, the outfitter or the town that places it ("camp 14 off Hwy 41, Kaladar", « au chalet 6, Pourvoirie
# Pointe-à-David »), or a resort's or a hotel's room after the resort ("the Punta Cana Barceló resort, room 3112").
PLACES22_NUMBERED_LODGING = re.compile(
    r"(?<![\w@#/-])(?i:camp|chalet|cabin|cabine|cottage|bungalow|lodge|shack|yourte|yurt|mobile home|roulotte)\s*#?\s*"
    r"\d{1,3}[A-Z]?(?![\w/.-]|[.,]\d)"
    r"(?P<where>,?\s+(?:(?i:off|on|at|near|by|du|de la|de|à la|au|à)\s+)?"
    r"(?:(?i:Hwy|Highway|Route|Rte|Road|Rd|rang|chemin|route|pourvoirie|camp|lac|lake|réserve|reserve|zec)\s*"
    r"[\w'’-]*|[A-ZÉ][\w'’-]+)(?:[\s-]+[A-ZÉà][\w'’-]*){0,3}(?:,\s+[A-ZÉ][\w'’-]+(?:[\s-][A-ZÉ][\w'’-]+){0,2})?)"
)
# Someone named in full just before, then the place: "Ray Boucher, cabin 3 …", « Gaétan …, guide …, au chalet 6 ».
PLACES22_NAMED_BEFORE = re.compile(r"[A-ZÉ][\w'’-]+\s+[A-ZÉ][\w'’-]+,[^.!?;]{0,40}?(?:\b(?:au|at|in|à|dans)\s+)?$")
PLACES22_RESORT_ROOM = re.compile(
    r"(?P<place>(?:[A-ZÉ][\w'’-]*\s+){1,4}(?i:resort|all-inclusive|hotel|hôtel|inn|motel|lodge|club)"
    r",?\s+(?i:room|chambre|suite|villa|bungalow)\s*#?\s*\d{1,4}[A-Z]?)(?![\w/-])"
)


def places22_where_a_patient_stayed(text: Text) -> list[Hit]:
    hits = []
    from privacy.clinical import _someone_near  # clinical reads nothing of ours

    for match in PLACES22_NUMBERED_LODGING.finditer(text.value):
        at = match.start()
        # A camp's cabin of campers is many people's; one named or titled beside it makes it someone's.
        named_before = PLACES22_NAMED_BEFORE.search(text.value, max(0, match.start() - 60), match.start())
        if not text.sentence_has(lexicon.EVENT_CUES, match.start()) and (named_before or _someone_near(text, at)):
            hits.append(Hit(Category.ADDRESS, match.start(), match.end(), "address"))
    for match in PLACES22_RESORT_ROOM.finditer(text.value):
        if not text.sentence_has(lexicon.EVENT_CUES, match.start()) and not text.sentence_has(
            PLACES22_CONFERENCE, match.start()
        ):
            hits.append(Hit(Category.ADDRESS, match.start("place"), match.end("place"), "address"))
    return hits


PLACES22_CONFERENCE = words(
    "conference", "congress", "congrès", "symposium", "meeting", "réunion", "speakers", "conférenciers", "register",
    "inscription", "workshop", "atelier", "session", "booth", "kiosque", "summit", "sommet", "retreat", "update",
)  # fmt: skip


# A street where something happened to someone or where they live, told with the happening ("had fallen at 88 Clergy
# St W", "was found at 12 Elm Street", « retrouvé au 4 rue des Lilas »), with the home it is ("The RO unit at 14
# Lakeview Road, Wunnumin Lake — the … home"), or after someone's name as where they are from (« Mme Sylvie …, de la
# rue de la Station à Shawinigan »). The clinic's or the venue's address, told with its hours or its event, is not.
_PLACES22_STREET_EN = (
    r"\d{1,5}[A-Z]?\s+(?:[A-Z][\w'’.-]*\s+){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Crescent|Cres|Court|Ct|Lane|Ln|Way|Place|Pl|Trail|"
    r"Terrace|Circle|Grove|Heights|Concession|Sideroad|Line)\b\.?(?:\s+(?:East|West|North|South|E|W|N|S)\b\.?)?"
)
_PLACES22_STREET_FR = (
    r"(?:\d{1,5}(?:\s?(?:bis|ter))?,?\s+)?(?i:rue|avenue|boulevard|chemin|rang|route|montée|côte|allée|impasse|"
    r"place|promenade|traverse|quai|sentier|ruelle)\s+(?:(?:de la|de l['’]|des|du|de|d['’])\s*)?"
    r"[A-ZÉÈÀÂÎÔÇ][\w'’-]*(?:\s+[A-ZÉÈÀÂÎÔÇ][\w'’-]*){0,2}"
)
_PLACES22_TOWN = r"(?:,\s+|\s+(?:à|in)\s+)[A-ZÉ][\w'’-]+(?:[\s-]+[A-ZÉ][\w'’-]+){0,2}"
# Unnumbered, only a full street word: "his building on Maitland Street", not "Fort St. James".
_PLACES22_STREET_EN_NAMED = (
    r"(?:(?!(?:The|A|An|On|In|At)\b)[A-Z][\w'’.-]*\s+){1,3}(?:Street|Avenue|Road|Boulevard|Drive|Crescent|Lane)\b"
)
PLACES22_STREET = re.compile(
    rf"(?<![\w-])(?P<street>{_PLACES22_STREET_EN}|{_PLACES22_STREET_FR}|{_PLACES22_STREET_EN_NAMED})"
    rf"(?P<town>{_PLACES22_TOWN})?"
)
PLACES22_HAPPENED_AT = re.compile(
    r"(?i:\b(?:fell|fallen|falls|collapsed|was found|were found|found him|found her|found down|lives|lived|living|"
    r"stays|stayed|staying|died|passed away|overdosed|was hit|got hit|crashed|home|house|residence|"
    r"est tombée?|tombée?|chutée?|retrouvée?|habite|habitait|vit|vivait|demeure|demeurait|domiciliée?|"
    r"est décédée?|décédée?|chez (?:lui|elle|eux)|maison|domicile)\b)"
    r"[^.!?\n]{0,25}?\b(?:at|on|au|à|sur|dans)\s+(?:the\s+|la\s+|le\s+)?$"
)
# Someone's own dwelling said before the street: "his building on Maitland Street", « son camp au chemin du … ».
PLACES22_DWELLING_OF_SOMEONE = re.compile(
    r"\b(?i:his|her|their|son|sa|leur)\s+(?i:building|apartment|flat|camp|cabin|cottage|trailer|home|house|"
    r"immeuble|appartement|chalet|roulotte|logement|maison)\s+(?i:on|at|au|sur|dans|in)\s+(?:the\s+|la\s+|le\s+)?$"
)
PLACES22_HOME_IN_SENTENCE = words("home", "house", "maison", "domicile")
PLACES22_PERSON_FROM = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|M|Mme|Mlle|Madame|Monsieur)\.?\s+(?:[A-ZÉ][\w'’-]+\s+){0,2}[A-ZÉ][\w'’-]+,\s+"
    r"(?P<origin>(?:of|from|de|du|de la|des)\s+(?:la\s+)?)?$"
)
PLACES22_VENUE = words(
    "clinic", "clinique", "office", "bureau", "hours", "heures", "open", "ouvert", "ouverte", "pharmacy", "pharmacie",
    "hospital", "hôpital", "centre", "center", "CLSC", "GMF", "register", "inscription", "venue", "salle", "suite",
    "moved", "moving", "déménage", "déménagé", "déménageons", "health", "santé", "program", "programme",
)  # fmt: skip


def places22_streets_of_what_happened(text: Text) -> list[Hit]:
    hits = []
    for match in PLACES22_STREET.finditer(text.value):
        at = match.start()
        before = text.value[max(0, at - 60) : at]
        numbered = match.group("street")[:1].isdigit()
        person = PLACES22_PERSON_FROM.search(before)
        # « Mme Sylvie …, de la rue de la Station », « comme Mme Hélène …, 7 rue du Ried, 67600 … »
        person_from = person and (person["origin"] or numbered)
        dwelling = PLACES22_DWELLING_OF_SOMEONE.search(before)
        named_only = not numbered and not re.match(
            r"(?i:rue|avenue|boulevard|chemin|rang|route|montée|côte|allée|"
            r"impasse|place|promenade|traverse|quai|sentier|ruelle)\b",
            match.group("street"),
        )
        happened = dwelling or person_from or (not named_only and PLACES22_HAPPENED_AT.search(before))
        home = (
            numbered
            and re.search(r"\b(?:at|au)\s+$", before)
            and text.sentence_has(PLACES22_HOME_IN_SENTENCE, at)
            and not text.sentence_has(PLACES22_VENUE, at)
        )
        if not (happened or home):
            continue
        if (not person_from and text.sentence_has(lexicon.EVENT_CUES, at)) or (
            not person_from and re.search(PLACES22_VENUE, before[-30:])
        ):
            continue
        hits.append(Hit(Category.ADDRESS, match.start(), match.end(), "address"))
    return hits


RULES = (
    places22_chairs_with_a_schedule,
    places22_seats_on_a_journey,
    places22_schools_of_children,
    places22_where_a_patient_stayed,
    places22_streets_of_what_happened,
)


# A ward said as a town's or a hospital's ("Winnipeg's 7 West", "St. Boniface's 4 North", « le 4e Nord de Pasteur »
# is not this shape) is the unit where the care happens, thirty beds, not where one patient lies: the veto pass drops
# it. A ward told as where someone is ("our patient in 7 West", "Sophie in 3 West bed 12") stays.
PLACES22_WARD = re.compile(r"\d{1,2}\s?(?:West|East|North|South)")
PLACES22_OWNER_OF_A_WARD = re.compile(r"(?<![\w'’])[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}['’]s\s+$")


def places22_ward_of_a_hospital(text: Text, start: int, end: int) -> bool:
    """Whether the span is a ward named as a town's or a hospital's, for the veto pass."""
    return bool(
        PLACES22_WARD.fullmatch(text.value, start, end)
        and PLACES22_OWNER_OF_A_WARD.search(text.value, max(0, start - 40), start)
    )
