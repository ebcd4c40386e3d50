"""Where a patient is, told by the place itself: a dialysis chair with its schedule, a plane seat with its flight, a
child's school or daycare, a camp or a chalet, a street where something happened to someone; and (``PLACES23_RULES``)
a ski run or a chairlift where someone was hurt, a fisherman's wharf, a patient's workplace, a whole postal address, a
care home's room with its home and town.

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

from privacy import gazetteer, lexicon
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
    # "Our Lady of …" is a school's name, not the writer's: « Notre-Dame-de-… » is one word already.
    rf"(?P<school>(?:(?!(?:The|A|At|On|From|In|Our(?!\s+Lady)|My|His|Her|Thanks|Congrats|Welcome|Merci|Bravo)\b|\w+ing\b)"
    rf"{_PLACES22_NAME_WORD}\s+)(?:(?:(?:of the|of)\s+)?{_PLACES22_NAME_WORD}\s+){{0,4}}"
    r"(?:Daycare|Day Care|Child Care|Childcare|Preschool|Pre-School|Nursery(?: School)?|Montessori|Kindergarten|"
    r"Elementary(?: School)?|Primary(?: School)?|Secondary(?: School)?|Middle School|High School|Junior High|"
    r"Public School|Catholic School|Collegiate|Academy|Annex|High|"
    # A bare "School" after a proper name ("Sunnyside School"), not a trade's or a season's school.
    r"(?<!Medical )(?<!Nursing )(?<!Summer )(?<!Sunday )(?<!Ski )(?<!Driving )(?<!Grad )(?<!Law )(?<!Business )"
    r"(?<!Dental )(?<!Graduate )(?<!Flight )(?<!Surf )(?<!Dance )(?<!Music )(?<!Language )School)\b"
    rf"|(?i:crèche|creche|garderie|halte-garderie|CPE|école|ecole|maternelle|collège|college|lycée|lycee|polyvalente)"
    rf"(?:\s+(?i:primaire|secondaire|maternelle|élémentaire|privée|publique))?\s+"
    rf"(?:(?:de la|de l['’]|des|du|de|d['’])\s*)?{_PLACES22_NAME})"
    # The street or the town that places it: "on Bank St", « de la rue de Vertais », « de Chantepie ».
    rf"(?P<where>(?:,?\s+(?:on|in|off|de la|du|de|d['’]|à|in)\s+|,\s+(?=(?i:rue|avenue|boulevard|chemin|route)\s))"
    rf"(?:(?i:rue|avenue|boulevard|chemin|route)\s+"
    rf"(?:(?:de la|de l['’]|des|du|de|d['’])\s*)?)?{_PLACES22_NAME}(?:\s+(?:St|Ave|Rd|Street|Road|Avenue)\b\.?)?)?"
)
# A child told beside the school: a first name with a child's age ("Lily, 3,", « Romane, 3 ans, »), a relative's child
# ("her son Owen"), « la petite Inès ». A class alone ("Grade 3 at Sunny Brae Elementary made paper cranes") is many.
PLACES22_CHILD = re.compile(
    r"(?<![\w-])[A-ZÉ][\w'’-]+,\s+(?:[1-9]|1[0-8])(?:\s*(?:ans|an|years? old|yo|y/o|mois|months?))?\s*[,)]"
    r"|\b(?i:(?:his|her|their|your|my|our|son|sa|leur|notre|votre|ton)\s+(?:son|daughter|grandson|granddaughter|kid|child|fils|fille|"
    r"petit-fils|petite-fille|enfant)|(?:la|le)\s+petite?\s+(?-i:[A-ZÉ]))"
    # One child by her grade: "a grade 9 at …", « une élève de 3e année » (not "Grade 3 at … made cranes").
    r"|\b(?i:a|an)\s+grade[- ]\d{1,2}(?:er)?\b|\b(?i:un|une)\s+élève\s+de\s+\d"
    # A named child's grade said beside the school ("Kiera …, RD Parker Collegiate, grade 9,"), « une élève, Apolline ».
    r"|,\s+(?i:grade|gr\.?)\s*\d{1,2}\s*[,.;)]|\b(?i:un|une)\s+élève\s*,"
    # "Ruby …, age 7,": the age said with its word.
    r"|,\s+(?i:age|aged|âgée?\s+de)\s+(?:[1-9]|1[0-8])\b"
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
    "career day", "journée carrière", "raised", "fundraiser", "fundraising", "collecte", "amassé", "amassée",
    "hosted", "held", "organised", "organized", "organisé", "organisée", "visited", "visite", "nurses", "infirmières",
)  # fmt: skip


PLACES23_SCHOOL_OF_ONE_CHILD = re.compile(
    r"\b(?i:his|her|their|son|sa|leur)\s+(?i:school|daycare|preschool|école|ecole|garderie|crèche|creche|collège|"
    r"lycée)\s*,\s*$"
)
# A relative's child by her first name: "your son Ethan", « sa fille Jeanne ».
PLACES23_CHILD_BY_NAME = re.compile(
    r"\b(?i:your|his|her|their|sa|son|votre|leur)\s+(?i:son|daughter|grandson|granddaughter|fils|fille|petit-fils|"
    r"petite-fille)\s+[A-ZÉ][a-zà-ÿ'’-]+"
)


# Children by their first names going there: « Éloïse et Samuel vont à la garderie … », "Noah goes to …".
PLACES23_NAMED_CHILDREN_GO = re.compile(
    r"(?<![\w'’-])[A-ZÉ][a-zà-ÿ'’-]+(?:\s+(?:et|and|&)\s+[A-ZÉ][a-zà-ÿ'’-]+)?\s+"
    r"(?:va|vont|allait|allaient|goes|go|went|attends|attend|attended|fréquente|fréquentent)\s+"
    r"(?:(?:à|au|to)\s+)?(?:la\s+|l['’]|the\s+)?$"
)


def places22_schools_of_children(text: Text) -> list[Hit]:
    hits = []
    for match in PLACES22_SCHOOL.finditer(text.value):
        at = match.start()
        start, end = text.sentence_around(at)
        if re.search(r"\b(?:un|une|a|an)\s+$", text.value[max(0, at - 5) : at], re.IGNORECASE):
            continue  # « un collège de la Croix-Rousse »: a kind of school, not one named
        named_from = PLACES22_NAMED_FROM.search(text.value, max(start, at - 30), at)
        # "His school, Our Lady of …", "your son Ethan can go back to …": one child's school, whatever else the
        # sentence tells (a talk he asked for, the gym class he must skip).
        one_child = PLACES23_SCHOOL_OF_ONE_CHILD.search(text.value, max(start, at - 25), at) or (
            PLACES23_CHILD_BY_NAME.search(text.value, start, end)
        )
        one_child = one_child or PLACES23_NAMED_CHILDREN_GO.search(text.value, max(start, at - 60), at)
        if not (one_child or PLACES22_CHILD.search(text.value, start, end) or named_from):
            continue
        if not one_child and (
            text.sentence_has(PLACES22_NOT_A_CHILDS_SCHOOL, at) or text.sentence_has(lexicon.EVENT_CUES, at)
        ):
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


# A ski run, a chairlift or a lift tower where someone was hurt ("hit a tree on the Bow Chute run off the Banff
# Mountain lift", "found off the Paradise chair, under tower 9", « fauchée sur la piste bleue Lanchettes, sous le
# télésiège de Chaudanne »): the run and the hour name the one skier the patrol carried down. A run told without a
# mishap ("the Lookout run is groomed today") is everyone's.
_PLACES23_NAME_WORD = r"[A-ZÉÈÀÂÎÔÇ](?:[\w'’-]|\.(?=\w))*"
_PLACES23_NAMED = rf"(?!(?:The|A|An|On|Off|In|At|Our|My|His|Her|From|Near|Under)\b){_PLACES23_NAME_WORD}"
# Not "trail": a road or a hike as often ("the Cabot Trail").
_PLACES23_LIFT_EN = r"(?:chair(?:lift)?|lift|gondola|T-bar|quad|express|run|glade|chute|bowl)"
_PLACES23_PISTE_FR = (
    r"(?i:piste|télésiège|telesiege|téléski|teleski|télécabine|telecabine|remontée|tire-fesses|couloir)"
    r"(?:\s+(?i:verte|bleue|rouge|noire))?\s+(?:(?:de la|de l['’]|des|du|de|d['’])\s*)?"
    rf"{_PLACES23_NAME_WORD}(?:[\s-]+{_PLACES23_NAME_WORD}){{0,2}}"
)
_PLACES23_TOWER = (
    r"(?:,?\s+(?i:under|below|near|by|at|sous|près du|au pied du)\s+(?:the\s+|le\s+)?"
    r"(?i:tower|pylône|pylone)\s*#?\s*\d{1,2})"
)
PLACES23_SKI_SPOT = re.compile(
    rf"(?<![\w'’-])(?P<spot>(?:{_PLACES23_NAMED}(?:\s+{_PLACES23_NAME_WORD}){{0,2}}\s+(?i:{_PLACES23_LIFT_EN})\b"
    rf"|{_PLACES23_PISTE_FR})"
    # What places it further: "off the Banff Mountain lift", "under tower 9", "at Lake Louise", « sous le télésiège … ».
    rf"(?:\s+(?:off|below|under|near)\s+the\s+(?:{_PLACES23_NAME_WORD}\s+){{1,3}}(?i:lift|chair(?:lift)?|gondola|quad)\b"
    rf"|,?\s+(?:sous|près|au pied)\s+(?:du|de la|le|la)\s+{_PLACES23_PISTE_FR}"
    rf"|{_PLACES23_TOWER}"
    rf"|\s+at\s+{_PLACES23_NAME_WORD}(?:\s+{_PLACES23_NAME_WORD}){{0,2}})*)"
)
# Something happened to someone there: a fall, a collision, a tree, a patrol's rescue, an injury.
# Not "fall" (a season), "injuries", "patrol" or "avalanche" alone: a season's tally, a team's thanks, a course.
PLACES23_MISHAP = words(
    "hit", "hurt", "injured", "injury", "fell", "crashed", "crash", "collided", "collision",
    "found", "carried", "tree well", "tree-well", "toboggan", "ACL", "fracture", "broke", "broken", "tib-fib",
    "concussion", "accident", "knocked", "buried", "into a tree", "unconscious", "GCS",
    "fauché", "fauchée", "blessé", "blessée", "blessure", "tombé", "tombée", "chute", "percuté", "percutée", "heurté",
    "heurtée", "secouru", "secourue", "évacué", "évacuée", "rapatrié", "rapatriée", "retrouvé", "retrouvée",
    "inconscient", "inconsciente",
    "traumatisme", "casque fendu", "perte de connaissance", "enseveli", "ensevelie",
)  # fmt: skip
# One person hurt, not skiers at large: a skier or a teen by age or bib, he or she, a child.
PLACES23_ONE_SKIER = re.compile(
    r"(?i:\b(?:skier|snowboarder|boarder|teen|teenager|boy|girl|kid|child|he|she|him|his|her|skieur|skieuse|"
    r"snowboardeur|snowboardeuse|ado|adolescente?|garçon|fillette|enfant|il|elle|lui)\b|\bbib\s*#?\s*\d"
    r"|\b\d{1,2}\s*(?:ans|yo|y/o|years?)\b|,\s*\d{1,2}\s*,)"
)
# The post is about skiing: "Rural ORs run on …" is no slope.
PLACES23_SKI_CONTEXT = re.compile(
    r"(?i:\b(?:ski|skis|skier|skiers|skiing|skied|snowboard\w*|boarder|ski patrol|slopes?|chairlift|t-bar|gondola|"
    r"piste|pistes|skieur|skieuse|skieurs|télésiège|téléski|télécabine|station de ski|pisteurs?|moguls?|bosses)\b)"
)
# A run or a lift named as a thing (a closure, a grooming report, a race's course) rather than a place of harm.
PLACES23_SLOPE_NEWS = words(
    "groomed", "grooming", "damée", "damé", "opens", "open", "closed", "fermée", "fermé", "ouverte", "ouvert",
    "lift ticket", "forfait", "powder day", "new lift", "nouveau télésiège", "season pass",
)  # fmt: skip


def places23_ski_runs_where_someone_was_hurt(text: Text) -> list[Hit]:
    """A named ski run, chairlift or lift tower told with a mishap in its sentence or the one either side."""
    hits = []
    if not PLACES23_SKI_CONTEXT.search(text.value):
        return hits
    for match in PLACES23_SKI_SPOT.finditer(text.value):
        spot = match.group("spot")
        if re.fullmatch(r"(?i:\S+\s+(?:run|trail|express|quad|bowl))", spot) and spot.split()[0].lower() in (
            "home", "dry", "test", "trial", "bull", "morning", "fun", "practice", "first", "last", "long", "ski",
        ):  # fmt: skip
            continue  # "a home run", "a dry run": not a slope
        at = match.start()
        start, end = text.sentence_around(at)
        previous = text.sentence_around(start - 1)[0] if start else start
        following = text.sentence_around(end + 1)[0] if end < len(text.value) else at
        # The mishap may be told just before or just after the place: "… off the X chair. Wrist fracture."
        if not any(text.sentence_has(PLACES23_MISHAP, where) for where in {at, previous, following}):
            continue
        if not any(text.sentence_has(PLACES23_ONE_SKIER, where) for where in {at, previous, following}):
            continue
        if text.sentence_has(PLACES23_SLOPE_NEWS, at) or text.sentence_has(lexicon.EVENT_CUES, at):
            continue
        hits.append(Hit(Category.ADDRESS, match.start(), match.end(), "address"))
    return hits


# A wharf where a fisherman's boat is moored or where he came in hurt (« amarré au quai de Cap-aux-Meules », « Quai de
# Rivière-au-Renard, fin avril. Le crabier … rentre avec un homme blessé », "tied up at the Government Wharf in North
# Lake"): in a fishing village the wharf and the boat are the man. A wharf told for a ferry's sailing or a festival
# is everyone's.
PLACES23_WHARF = re.compile(
    r"(?<![\w'’-])(?:(?i:quai|wharf|port de pêche|havre)\s+(?:(?:de la|de l['’]|des|du|de|d['’]|at|of)\s*)?"
    rf"{_PLACES23_NAME_WORD}(?:[\s-]+{_PLACES23_NAME_WORD}){{0,3}}"
    # Not "… Harbour": a town's name as often as a port's ("a trawler in Petty Harbour").
    rf"|(?:the\s+)?(?:{_PLACES23_NAMED}\s+){{1,3}}(?i:wharf|dock|marina)\b"
    rf"(?:\s+(?:in|at|of)\s+{_PLACES23_NAME_WORD}(?:\s+{_PLACES23_NAME_WORD}){{0,2}})?)"
)
# One fisherman, his boat moored, or a man hurt aboard: the wharf is his. Singular only: « nos pêcheurs amarrent
# leurs bateaux » is a fleet's season.
PLACES23_FISHER = words(
    "amarré", "amarrée", "pêcheur", "crabier", "homardier", "chalutier", "palangrier", "le capitaine", "son bateau",
    "sa chaloupe", "homme blessé", "blessé à bord",
    "fisherman", "his boat", "her boat", "his trawler", "lobster boat", "crab boat", "the skipper", "deckhand",
    "hurt aboard", "injured aboard", "injured on board",
)  # fmt: skip
PLACES23_MOORED = words("amarré", "amarrée", "amarrés", "moored", "tied up", "docked", "accosté")
PLACES23_WHARF_NEWS = words(
    "traversier", "ferry", "croisière", "cruise", "festival", "fête", "horaire", "schedule", "départ", "departs",
    "tourisme", "tourism", "marché", "market", "regatta", "régate",
)  # fmt: skip


def places23_wharves_of_fishermen(text: Text) -> list[Hit]:
    """A named wharf with a fisherman or his boat in the same sentence or the next."""
    hits = []
    for match in PLACES23_WHARF.finditer(text.value):
        at = match.start()
        _, end = text.sentence_around(at)
        following = text.sentence_around(end + 1)[0] if end < len(text.value) else at
        if not any(text.sentence_has(PLACES23_FISHER, where) for where in {at, following}):
            continue
        # Moored there, his boat is, whatever ferry the sentence also missed.
        moored = PLACES23_MOORED.search(text.value, max(0, at - 40), at)
        if not moored and (text.sentence_has(PLACES23_WHARF_NEWS, at) or text.sentence_has(lexicon.EVENT_CUES, at)):
            continue
        hits.append(Hit(Category.ADDRESS, match.start(), match.end(), "address"))
    return hits


# A patient's workplace, the branch told by its street or its town ("works as a line supervisor at the Stelco plant
# on Burlington St", "he's head chef at The Ship Inn on Dundurn", « vendeur au Décathlon de Blagnac », « son
# employeur, la mairie de Bègles »): a chain's name is many people's, one branch with the job is one person's.
_PLACES23_JOB_EN = (
    r"(?:works?|worked|working|employed|job|employer|supervisor|manager|chef|cook|cashier|clerk|server|waiter|waitress|"
    r"bartender|foreman|mechanic|labou?rer|operator|driver|welder|technician|teller|salesman|saleswoman|janitor|"
    r"custodian|receptionist|stocker|butcher|baker|barista|dishwasher|guard)"
)
_PLACES23_JOB_FR = (
    r"(?:travaille|travaillait|travaillant|employée?|employeur|embauchée?|salariée?|vendeuse|vendeur|caissière|caissier|"
    r"préposée?|commis|opératrice|opérateur|conductrice|conducteur|"
    r"magasinière?|magasinier|ouvrière?|ouvrier|serveuse|serveur|cuisinière?|cuisinier|chef\s+de\s+\w+|chef|"
    r"gérante?|manutentionnaire|livreuse|livreur|chauffeur|agente?|boulangère?|boulanger|bouchère?|boucher|"
    r"secrétaire|comptable|technicienne|technicien|mécanicienne|mécanicien|soudeuse|soudeur)"
)
PLACES23_WORKPLACE = re.compile(
    # "… supervisor at the Stelco plant on Burlington St", "head chef at The Ship Inn on Dundurn".
    rf"\b(?i:{_PLACES23_JOB_EN})\b[^.!?;()\n]{{0,40}}?\b(?:at|for)\s+(?P<en>(?:the\s+|The\s+)?"
    rf"(?:{_PLACES23_NAME_WORD}\s+){{0,3}}{_PLACES23_NAME_WORD}(?:\s+(?i:plant|mill|factory|store|shop|warehouse|"
    rf"restaurant|bar|pub|hotel|mine|depot|yard|site))?"
    rf"\s+(?:on|in|off)\s+{_PLACES23_NAME_WORD}(?:\s+{_PLACES23_NAME_WORD}){{0,2}}"
    r"(?:\s+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Drive|Dr)\b\.?)?)"
    # « vendeur au Décathlon de Blagnac », « chef de rayon au Leclerc de Blagnac », « son employeur, la mairie de … ».
    rf"|\b(?i:{_PLACES23_JOB_FR})\b[^.!?;()\n]{{0,30}}?(?:\b(?:au|aux|à\s+la|à\s+l['’]|chez|pour)\s+|,\s+)"
    rf"(?P<fr>(?:(?:la|le|l['’])\s*)?(?:(?i:mairie|usine|magasin|supermarché|entrepôt|restaurant|hôtel|garage|"
    rf"boulangerie|pharmacie|banque|chantier|mine|scierie|conserverie)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?"
    rf"|{_PLACES23_NAME_WORD}(?:[\s-]+{_PLACES23_NAME_WORD}){{0,2}}\s+(?:de|d['’]|à)\s*)"
    rf"{_PLACES23_NAME_WORD}(?:[\s-]+{_PLACES23_NAME_WORD}){{0,2}})"
)
# Where one works that is a care place or the writer's own (the hospital, the clinic) is the author's colleague's,
# not a patient's secret.
PLACES23_NOT_A_PATIENTS_WORK = words(
    "hospital", "hôpital", "clinic", "clinique", "CLSC", "CHU", "CISSS", "CIUSSS", "GMF", "university", "université",
    "CHSLD", "EHPAD", "USLD", "RPA", "care home", "nursing home", "long-term care", "LTC", "résidence", "foyer",
    "faculty", "faculté", "conference", "congrès", "we", "nous", "I", "je", "j", "our", "notre", "nos",
)  # fmt: skip


PLACES23_WRITERS_KIN = re.compile(r"\b(?i:my|mon|ma|mes|our|notre|nos)\s+[\w-]+\s+(?:[\w-]+\s+)?$")


def places23_workplaces_of_patients(text: Text) -> list[Hit]:
    """A job said with one named branch or employer and its street or town, about someone the post tells of."""
    hits = []
    for match in PLACES23_WORKPLACE.finditer(text.value):
        group = "en" if match.group("en") else "fr"
        start, end = match.start(group), match.end(group)
        lead = text.value[match.start() : start]
        if PLACES23_NOT_A_PATIENTS_WORK.search(text.value[start:end]) or re.search(
            r"(?i)\b(?:I|we|je|j['’]|nous|on)\s+$", text.value[max(0, match.start() - 8) : match.start()]
        ):
            continue
        if text.sentence_has(lexicon.EVENT_CUES, start) or re.search(r"(?i)\b(?:talk|conférence|présentation)\b", lead):
            continue
        if PLACES23_WRITERS_KIN.search(text.value, max(0, match.start() - 25), match.start()):
            continue  # « mon fils travaille comme serveur au … »: the writer's family, not a patient
        hits.append(Hit(Category.ADDRESS, start, end, "address"))
    return hits


# A whole postal address, the street with its number and the postal code after it (« 14 impasse des Lilas, 31200
# Toulouse », « du 1142, 3e Avenue, J9P 1T4 », "22 2nd Avenue, S7K 1M4"), told of a titled person in the same
# sentence: it is where that person's mail goes. A clinic's or a venue's address, said with no one, is not.
_PLACES23_ORDINAL_STREET = (
    r"\d{1,2}(?:e|re|er|ème|è|th|st|nd|rd)\s+(?i:avenue|rue|rang|street|avenue|ave|st)\b\.?"
    r"(?:\s+(?:Est|Ouest|Nord|Sud|East|West|North|South|E|W|N|S)\b)?"
)
PLACES23_POSTAL_ADDRESS = re.compile(
    rf"(?<![\w-])(?P<street>\d{{1,5}}[A-Z]?(?:\s?(?:bis|ter))?,?\s+(?:{_PLACES23_ORDINAL_STREET}"
    rf"|{_PLACES22_STREET_FR}|(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|"
    r"Crescent|Cres|Court|Ct|Lane|Ln|Way|Place|Pl)\b\.?))"
    r"(?:,?\s+(?i:app\.?|apt\.?|appartement|unit|suite|#)\s*\d{1,4}[A-Z]?)?"
    r"(?P<code>,?\s+(?:\d{5}\s+[A-ZÉ][\w'’-]+(?:[\s-]+[A-ZÉ][\w'’-]+){0,2}"
    r"|(?:[A-ZÉ][\w'’-]+\s+)?[A-Z]\d[A-Z]\s?\d[A-Z]\d\b))"
)
PLACES23_TITLED_PERSON = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|M|Mme|Mlle|Madame|Monsieur)\.?\s+[A-ZÉ][\w'’-]+")


def places23_postal_addresses_of_someone(text: Text) -> list[Hit]:
    hits = []
    for match in PLACES23_POSTAL_ADDRESS.finditer(text.value):
        start, _ = text.sentence_around(match.start())
        person = PLACES23_TITLED_PERSON.search(text.value, start, match.start())
        if not person:
            continue
        between = text.value[person.end() : match.start()]
        if PLACES22_VENUE.search(between):
            continue  # « M. Roy reçoit à la clinique du 14 rue … »: the clinic's
        hits.append(Hit(Category.ADDRESS, match.start(), match.end(), "address"))
    return hits


# A care home's room told with the home and its town, as where someone is from ("Ms. …, 90, of Room 214, Shannex
# Parkland, Sydney"): the whole is her address. A named room in apposition to a titled person (« Mme Dion, chambre
# Lilas, ») and a unit's room by its zero-padded number ("her last days in Fir 09") are rooms.
PLACES23_ROOM_OF_A_HOME = re.compile(
    r"(?<=\s)(?:of|from|de|du)\s+(?P<place>(?i:room|rm|chambre|apt|app\.?|suite)\s*#?\s*\d{1,4}[A-Z]?,\s+"
    r"(?:[A-ZÉ][\w'’-]+\s+){0,3}[A-ZÉ][\w'’-]+,\s+[A-ZÉ][\w'’-]+(?:[\s-]+[A-ZÉ][\w'’-]+){0,2})"
)
PLACES23_NAMED_ROOM = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|M|Mme|Mlle|Madame|Monsieur)\.?\s+[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+)?,\s+"
    r"(?P<room>(?i:chambre|salle|room|suite)\s+(?-i:[A-ZÉ][a-zà-ÿ]+))(?=\s*[,.;])"
)
PLACES23_PADDED_ROOM = re.compile(r"\b(?:in|into|dans|en|au)\s+(?P<room>[A-Z][a-z]{2,10}\s0[1-9])\b(?![:.h]\d)")


def places23_rooms_of_homes_and_units(text: Text) -> list[Hit]:
    from privacy.clinical import _someone_near  # clinical reads nothing of ours

    hits = [
        Hit(Category.ADDRESS, match.start("place"), match.end("place"), "address")
        for match in PLACES23_ROOM_OF_A_HOME.finditer(text.value)
    ]
    hits.extend(
        Hit(Category.ROOM, match.start("room"), match.end("room"), "room")
        for match in PLACES23_NAMED_ROOM.finditer(text.value)
    )
    for match in PLACES23_PADDED_ROOM.finditer(text.value):
        if _someone_near(text, match.start()) and not text.sentence_has(lexicon.EVENT_CUES, match.start()):
            hits.append(Hit(Category.ROOM, match.start("room"), match.end("room"), "room"))
    return hits


PLACES23_RULES = (
    places23_ski_runs_where_someone_was_hurt,
    places23_wharves_of_fishermen,
    places23_workplaces_of_patients,
    places23_postal_addresses_of_someone,
    places23_rooms_of_homes_and_units,
)


# Rural and northern habits of saying where someone is (authors 21 and 22, issue 13): a farm's legal land location,
# its rural municipality, a highway kilometre or a French PR marker where a crash happened, a hamlet's numbered
# house, a mailbox with its community, a farm named with its road, a student residence's room, a card's return
# address. A clinic's own land location, a council's RM, a road-work notice at a kilometre, a market farm stay clean.

# A Dominion Land Survey location, any quarter, section-township-range and meridian: "NE 14-15-13 W3",
# "SW-22-14-14-W3M", "NW 3-9-17 west of the 3rd", « SO 12-4-20 O2 ». One quarter is one farm, often one family.
_PLACES24_QUARTER = r"(?:NE|NW|SE|SW|NO|SO|N½|S½|E½|W½|[NSEW]/2|LSD\s?\d{1,2})"
_PLACES24_MERIDIAN = (
    r"(?:W|O)\s?\d(?:\s?M)?(?![\w-])|(?i:west of (?:the\s+)?\d(?:st|nd|rd|th)?(?:\s+meridian)?|"
    r"W of (?:the\s+)?\d(?:st|nd|rd|th)?|à l['’]ouest du \d(?:er|e)?(?:\s+méridien)?)"
)
PLACES24_LAND_LOCATION = re.compile(
    rf"(?<![\w-])(?:(?P<quarter>{_PLACES24_QUARTER})[\s-]+(?:(?i:of|de)\s+)?)?(?:(?i:sec(?:tion)?\.?)\s*)?"
    rf"\d{{1,2}}-\d{{1,3}}-\d{{1,2}}(?:[\s-]+(?P<meridian>{_PLACES24_MERIDIAN}))?"
)
# A rural municipality or county by its number: "RM of Swift Current No. 137", "MD of Foothills No. 31", « la MR de
# Lac Pelletier no 107 ».
PLACES24_RURAL_MUNICIPALITY = re.compile(
    r"(?<![\w-])(?:RM|R\.M\.|Rural Municipality|MR|municipalité rurale|County|MD|M\.D\.|Municipal District)\s+"
    r"(?:of|de|du|d['’])\s*"
    r"(?:[A-ZÉ][\w'’.-]*\s+){1,4}(?:No\.?|no\.?|n°|#)\s*\d{1,3}(?![\w-])"
)
# Whose land: a person, a family, their farm, or the story of an injury there.
PLACES24_SOMEONES_LAND = re.compile(
    r"(?i:\b(?:his|her|their|son|sa|ses|leur|leurs)\b|['’]s\b|\bfamil(?:y|le)\b|\bfarm(?:'s)?\b|\bferme\b|"
    r"\bhome quarter\b|\bhomestead\b|\bgrandpa|\bgrandma|\bgrand-p[èe]re|\bgrand-m[èe]re|\bkicked\b|\bhurt\b|"
    r"\binjur|\bbless[ée]|\bauger\b|\bbins?\b|\bcrash|\brolled\b|\bburied\b|\btrapped\b|\bcoinc[ée]|\bgave\b|"
    r"\bdonn[ée]\b|\blives?\b|\blived\b|\bhabite|\bvit\b)"
)
# An organisation's premises or public business: "our new clinic sits on SW 12-15-14 W3", "the RM council voted".
PLACES24_ORGANISATIONS_LAND = words(
    "clinic", "clinique", "health centre", "health center", "centre de santé", "hospital", "hôpital", "office",
    "bureau", "building", "bâtiment", "facility", "site", "council", "conseil", "reeve", "préfet", "by-law",
    "bylaw", "règlement", "tax", "taxes", "grant", "subvention", "funding", "financement", "tender", "appel d'offres",
    "school", "école", "arena", "rink", "hall", "church", "église", "landfill", "dépotoir", "lagoon", "ambulance base",
)  # fmt: skip


def places24_land_locations(text: Text) -> list[Hit]:
    """A farm's land location or its rural municipality told with the person, the family or the injury there ("he'd
    been kicked at the home quarter, NE 14-15-13 W3", "the farm's RM, RM of … No. 137"): rural people give it as an
    address, and one quarter is one farm. The same location as a clinic's, a council's or a school's is not."""
    hits = []
    for pattern in (PLACES24_LAND_LOCATION, PLACES24_RURAL_MUNICIPALITY):
        for match in pattern.finditer(text.value):
            if pattern is PLACES24_LAND_LOCATION and not (match["quarter"] or match["meridian"]):
                continue  # three numbers alone are a score, a date or a dose
            if text.sentence_has(PLACES24_TAUGHT_OR_HELD, match.start()) and not text.sentence_has(
                PLACES24_HURT, match.start()
            ):
                continue  # a farm safety day held on a quarter
            if text.sentence_has(PLACES24_ORGANISATIONS_LAND, match.start()) and not re.search(
                r"(?i:\b(?:his|her|their|son|sa|leur)\b|['’]s\b|\bfamil(?:y|le)\b)",
                text.value[slice(*text.sentence_around(match.start()))],
            ):
                continue
            if not text.sentence_has(PLACES24_SOMEONES_LAND, match.start()) and not PLACES24_SOMEONES_LAND.search(
                text.value, max(0, match.start() - 120), min(len(text.value), match.end() + 60)
            ):
                continue
            hits.append(Hit(Category.ADDRESS, match.start(), match.end(), "address"))
    return hits


# A highway kilometre, mile or French PR (point de repère) marker, with the road and the town it is near: "at km 78",
# "km 1410 of the Alaska Hwy", « au PR 14, près de Villers-Bocage », « au kilomètre 612 près de Mattice ».
PLACES24_ROAD_MARKER = re.compile(
    r"(?<![\w-])(?i:at|au|à|a|near|around|past|vers|près du|pres du|by|à la hauteur (?:du|de la))\s+"
    r"(?:the\s+|le\s+|la\s+)?"
    r"(?P<marker>(?:(?-i:km|KM|Km|PR|PK|MP|Mile|mile)|(?i:kilomètre|kilometre|kilometer|exit|sortie))"
    r"(?i:\s(?:marker|post|mark|sign|borne))?\s?\d{1,4}(?:[.,+]\d{1,3})?"
    r"(?![\w,.]\d)(?!\s?(?:km|h|min|mg|ans|years)\b)"
    # or the number first, as a marker's post reads: "at the 78 km mark", « à la borne du kilomètre 78 ».
    r"|\d{1,4}(?:\s?|-)(?i:km|kilometre|kilometer|kilomètre|mile)(?i:\s(?:mark|marker|post|sign))(?![\w-])"
    r"(?:\s+(?:of|on|de|du|sur)\s+(?:the\s+|la\s+|l['’])?(?:[A-Z][\w'’-]*\s+){0,2}"
    r"(?:Hwy|Highway|Rte|Route|route|RN|autoroute|Autoroute|Trans-Canada)\b\.?(?:\s*\d{1,4}[A-Z]?)?)?"
    r"(?:,?\s+(?:near|outside|north of|south of|east of|west of|près de|pres de|à la sortie de|avant|après)\s+"
    r"[A-ZÉ][\w'’]*(?:[\s-]+[A-ZÉ][\w'’]*){0,2})?)"
)
# What happened there to someone: a crash, a rollover, a vehicle off the road, a collision with a moose.
PLACES24_CRASH = words(
    "crash", "crashed", "rolled", "rollover", "roll-over", "overturned", "collision", "collided", "hit", "struck",
    "ditch", "ditched", "flipped", "head-on", "t-boned", "accident", "wreck", "MVC", "MVA", "ejected", "pinned",
    "extricated", "trapped", "jackknifed", "jackknife", "spun out", "off the road", "sortie de route", "sortie sur",
    "a fait une sortie", "percuté", "percutée", "renversé", "renversée", "capoté", "tonneau", "tonneaux",
    "face-à-face", "accidenté", "accidentée", "incarcéré", "incarcérée", "éjecté", "éjectée", "désincarcéré",
    "désincarcérée", "heurté", "heurtée",
)  # fmt: skip
# Not a crash of someone's: many crashes counted, a road-work or closure notice, a race's stage.
PLACES24_NO_ONES_ROAD = words(
    "crashes", "accidents", "collisions", "sorties de route", "every year", "chaque année", "this winter",
    "cet hiver", "per year", "par an", "road work", "roadwork", "construction", "paving", "travaux", "detour",
    "déviation", "closed until", "fermée jusqu", "rally", "rallye", "stage", "spéciale", "race", "course",
)  # fmt: skip


# A prairie or Ontario grid road by its number, where the crash was: "on Township Rd 540", "on Range Road 232",
# "on Concession 6", "on Sideroad 15", "grid road 741".
PLACES24_GRID_ROAD = re.compile(
    r"(?<![\w-])(?:on|along|off|at|near|sur|dans)\s+(?:the\s+|le\s+|la\s+)?"
    r"(?P<road>(?:Range|Township|Twp\.?|Grid|Secondary|Sideroad|Side Road)\s+(?:Road|Rd\.?|Hwy|Highway)?\s*\d{1,4}"
    r"|(?:Concession|Sideroad|Line|rang|Rang|Grid Road|grid road)\s+\d{1,3})(?![\w-])"
)


def places24_road_markers_of_a_crash(text: Text) -> list[Hit]:
    """A kilometre, mile, exit or PR marker, or a grid road by its number, said with a crash in the same sentence:
    where one vehicle left the road, which with the day names the driver to anyone who drove by. A marker in a
    road-work notice, a count of crashes on a stretch or a rally's stage is no one's."""
    hits = []
    for match in PLACES24_ROAD_MARKER.finditer(text.value):
        at = match.start("marker")
        if not text.sentence_has(PLACES24_CRASH, at) or text.sentence_has(PLACES24_NO_ONES_ROAD, at):
            continue
        hits.append(Hit(Category.ADDRESS, at, match.end("marker"), "address"))
    for match in PLACES24_GRID_ROAD.finditer(text.value):
        at = match.start("road")
        if not text.sentence_has(PLACES24_CRASH, at) or text.sentence_has(PLACES24_NO_ONES_ROAD, at):
            continue
        hits.append(Hit(Category.ADDRESS, at, match.end("road"), "address"))
    return hits


# A hamlet's numbered house, a mailbox with its community, a farm named with its road.
PLACES24_NUMBERED_HOUSE = re.compile(
    r"(?<![\w-])(?:House|Maison|maison|Building|Bldg\.?|Immeuble|immeuble)\s+(?:(?:no\.?|n°|numéro|#)\s*)?"
    r"(?P<number>\d{1,4})(?![\w/.,:-]\d|\w)"
)
PLACES24_NOT_A_HOME = words(
    "commons", "communes", "parliament", "parlement", "senate", "sénat", "bill", "projet de loi", "committee",
    "comité", "season", "saison", "episode", "épisode", "open house", "portes ouvertes", "auction", "encan",
    "lottery", "loterie", "raffle", "tirage", "for sale", "à vendre", "built", "construit", "construites",
)  # fmt: skip
PLACES24_SOMEONE_HOME = words(
    "household", "households", "ménage", "foyer", "family", "famille", "lives", "lived", "living", "live", "home",
    "sleeping", "sleeps", "slept", "vit", "vivent", "vivait", "habite", "habitent", "habitait", "dort", "dorment",
    "index case", "cas index", "kitchen", "cuisine", "porch", "galerie", "bedroom", "chambre à coucher",
)  # fmt: skip
PLACES24_MAILBOX = re.compile(
    r"(?<![\w-])(?P<box>(?:P\.?\s?O\.?\s+|General Delivery,?\s+)?(?-i:Box|BOX)\s+\d{1,5}|"
    r"(?:C\.P\.|CP|case postale)\s*\d{1,5})"
    r"(?=,?\s+(?:[A-ZÉ][\w'’-]*[\s-]+){1,3}(?:(?:[A-Z]{2}|\([A-ZÉ][\w'’ -]+\))\s+)?"
    r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-]))"
)
PLACES24_MAIL_TO_SOMEONE = re.compile(
    r"(?i:\b(?:mail|mailing|mailed|send|sending|sent|ship|shipping|shipped|post|posted|envoy\w*|post\w*|expédi\w*)\b"
    r"[^.!?\n]{0,60}?\b(?:to|à|a)\s+)(?:(?:Mr|Mrs|Ms|Miss|M|Mme|Mlle)\.?\s+)?[A-ZÉ][\w'’-]+|"
    r"\b(?:Mr|Mrs|Ms|Miss|M|Mme|Mlle)\.?\s+[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+)?,?\s+(?:at|à|au)?\s*$"
)
PLACES24_FARM_ON_ITS_ROAD = re.compile(
    r"(?<![\w-])(?P<farm>(?:ferme|Ferme)\s+(?:des\s+|du\s+|de\s+la\s+)?(?-i:[A-ZÉ][a-zà-ÿ'’-]+)"
    r"(?:,\s+|\s+(?:sur le|sur la|du|de la|au|à la|on|off)\s+)"
    r"(?:route|chemin|rang|rue|Route|Chemin|Rang)\s+(?:de la\s+|de l['’]|des\s+|du\s+|de\s+|d['’])?"
    r"(?:[A-ZÉ][\w'’-]*|\d{1,3})(?:[\s-]+[A-ZÉ][\w'’-]*)?"
    r"|(?:the\s+)?(?-i:[A-Z][a-z'’-]+)\s+(?:family\s+)?farm\s+(?:on|off|at)\s+(?:(?:Range|Township|Twp|Concession|"
    r"Grid|Section|Sideroad|Side Road)\s+(?:Road|Rd\.?)?\s*\d{1,4}|(?:[A-Z][\w'’-]+\s+){1,2}(?:Road|Rd|Line|Trail)\b))"
)
# Hurt there: the injury, or the person it happened to.
PLACES24_HURT = re.compile(
    r"(?i:\b(?:his|her|their|son|sa|ses|leur|leurs|he|she|il|elle)\b|\bkicked\b|\bhurt\b|\binjur|\bbless[ée]|"
    r"\bpinned\b|\btrapped\b|\bburied\b|\bcoinc[ée]|\bpiétin|\btrampl|\bgored\b|\bencorn|\bfell\b|\bchute\b|"
    r"\btomb[ée]|\bfracture|\bdied\b|\bdécéd|\bmort\b|\bcrushed\b|\bécras)"
)
# A farm or a quarter where something is taught or held, for many: a safety day, a field day, a tour.
PLACES24_TAUGHT_OR_HELD = words(
    "teach", "taught", "teaching", "enseigner", "safety day", "field day", "journée", "tour", "visite", "kids",
    "students", "élèves", "étudiants", "join us", "joignez-vous", "rejoignez-nous", "welcome", "bienvenue",
    "workshop", "atelier", "demo", "démonstration", "fundraiser", "bénéfice",
)  # fmt: skip
PLACES24_FARM_SELLS = words(
    "vend", "vendent", "vente", "marché", "market", "sells", "selling", "open", "ouvert", "ouverte", "ouverts",
    "cueillette", "u-pick", "portes ouvertes", "visite", "visit", "csa", "panier", "paniers", "boutique", "shop",
    "produits", "tour", "field day", "journée champêtre",
)  # fmt: skip


def places24_homes_mailboxes_and_farms(text: Text) -> list[Hit]:
    """A northern hamlet's numbered house with the household in it ("House 217, the one with the blue porch"), a
    mailbox written with its community and postal code for someone ("mailing her pills to Box 88, <hamlet> X0C 0J0"),
    and a farm named with its road and the person hurt there (« ferme Vasseur, route de Templeuve »). A house number in
    a housing plan, a clinic's own box, a farm selling at the market are not."""
    hits = []
    for match in PLACES24_NUMBERED_HOUSE.finditer(text.value):
        at = match.start()
        if text.sentence_has(PLACES24_NOT_A_HOME, at) or re.fullmatch(r"(?:19|20)\d\d", match["number"]):
            continue
        if re.match(r"\s+(?:of|at|on|de|du|des)\b", text.value[match.end() :]) or (
            text.sentence_has(PLACES24_ORGANISATIONS_LAND, at) and not text.sentence_has(PLACES24_SOMEONE_HOME, at)
        ):
            continue  # "Building 2 of the hospital", a clinic's building
        if not PLACES24_SOMEONE_HOME.search(text.value, max(0, at - 250), min(len(text.value), match.end() + 250)):
            continue
        hits.append(Hit(Category.ADDRESS, at, match.end(), "address"))
    for match in PLACES24_MAILBOX.finditer(text.value):
        sentence_start = text.sentence_around(match.start())[0]
        if PLACES24_MAIL_TO_SOMEONE.search(text.value, max(sentence_start, match.start() - 90), match.start()):
            hits.append(Hit(Category.ADDRESS, match.start("box"), match.end("box"), "address"))
    for match in PLACES24_FARM_ON_ITS_ROAD.finditer(text.value):
        at = match.start()
        if text.sentence_has(PLACES24_FARM_SELLS, at) or text.sentence_has(PLACES24_TAUGHT_OR_HELD, at):
            continue
        if not (
            text.sentence_has(PLACES24_HURT, at)
            or text.sentence_has(PLACES24_CRASH, at)
            or re.search(r"\b(?:Mr|Mrs|Ms|M|Mme|Mlle)\.?\s+[A-ZÉ]", text.value[max(0, at - 40) : at])
        ):
            continue
        hits.append(Hit(Category.ADDRESS, match.start("farm"), match.end("farm"), "address"))
    return hits


# A student residence's house and room where someone lived: "lived in Totem Park, Nootka House, room 318", « elle
# logeait à la résidence Les Estudines, bâtiment B, chambre 12 ».
PLACES24_RESIDENCE_ROOM = re.compile(
    r"\b(?i:lived|lives|living|stayed|stays|staying|roomed|vivait|vit|logeait|loge|habitait|habite|résidait)\s+"
    r"(?i:in|at|à|a|au|dans)\s+(?:the\s+|la\s+|le\s+|l['’])?"
    r"(?P<place>(?:[A-ZÉ][\w'’-]*[\s-]+){0,3}(?:[A-ZÉ][\w'’-]*|(?i:résidence|cité U|cité universitaire|residence)"
    r"(?:\s+[A-ZÉ][\w'’-]*){0,3})"
    r"(?:,\s+(?:[A-ZÉ][\w'’-]*\s+){0,2}(?:House|Hall|Tower|Building|Residence|(?i:bâtiment|pavillon|aile|wing|"
    r"block|bloc)\s+[A-Z0-9][\w-]*))?)"
    r",\s+(?P<room>(?i:room|rm\.?|chambre|ch\.|appt?\.?|apartment|appartement|studio)\s*#?\s*\d{1,4}[A-Z]?)(?![\w-])"
)


def places24_rooms_where_someone_lived(text: Text) -> list[Hit]:
    """A residence's house and a room number after "lived in": the door one student or one lodger sleeps behind, and
    the named residence and house around it. The residence alone ("the residence halls reopen Monday") is many
    people's."""
    hits = []
    for match in PLACES24_RESIDENCE_ROOM.finditer(text.value):
        hits.append(Hit(Category.ROOM, match.start("room"), match.end("room"), "room"))
        # The residence with its house is where to find them: a shelter's or a residence's name is their address.
        if re.search(r"(?:House|Hall|Tower|Building|Residence)$", match["place"]):
            hits.append(Hit(Category.ADDRESS, match.start("place"), match.end("place"), "address"))
    return hits


# A street address right after a person's full name, as a card, a letter or a parcel signs it: "from <First Last>,
# 14 <Name> Rd, <town>", « de la part de <Prénom Nom>, 12 rue …, <ville> ».
PLACES24_SIGNED_WITH_A_STREET = re.compile(
    r"\b(?i:from|signed|de la part de|signé|signée)\s+(?!(?:Dr|Dre|Docteure?|Pr|Prof)\b)"
    r"(?-i:[A-ZÉ][a-zà-ÿ'’-]+(?:\s+[A-ZÉ][a-zà-ÿ'’-]+){1,2}),\s+"
    r"(?P<street>\d{1,5}[A-Z]?,?\s+(?:(?:[A-Z][\w'’.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Crescent|Cres|"
    r"Lane|Ln|Way|Place|Pl|Trail|Court|Ct)\b\.?|(?i:rue|avenue|chemin|route|rang|allée|impasse|boulevard)\s+"
    r"(?:(?:de la|de l['’]|des|du|de|d['’])\s*)?[A-ZÉ][\w'’-]*(?:\s+[A-ZÉ][\w'’-]*){0,2})"
    r"(?:,\s+[A-ZÉ][\w'’-]*(?:[\s-]+[A-ZÉ][\w'’-]*){0,2})?)"
)


# A family's whole postal address as a parcel or an envelope reads, whatever the street's word (Breton "hent", Scots
# "wynd"): « Famille <Nom>, 12 <voie>, 29242 <Ville> », "the <Name> family, 40 <way>, <Town> X0A 1H0".
PLACES24_FAMILYS_POSTAL_ADDRESS = re.compile(
    r"\b(?:[Ff]amille|[Ff]amily|[Tt]he\s+[A-Z][a-zà-ÿ'’-]+\s+family)"
    r"(?:\s+(?-i:[A-ZÉ][a-zà-ÿ'’-]+)){0,2},\s+"
    r"(?P<street>\d{1,5}[A-Z]?,?(?:\s+[\w'’-]+){1,5}),\s+"
    r"(?:(?P<code>\d{5})\s+[A-ZÀ-Þ][\w'’-]*|[A-ZÀ-Þ][\w'’-]+(?:[\s-]+[A-ZÀ-Þ][\w'’-]+)?,?\s+(?:[A-Z]{2}\s+)?"
    r"(?P<ca>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d))(?![\w-])"
)


def places24_streets_signed_after_a_name(text: Text) -> list[Hit]:
    """The sender's name and street on a card or a letter read out, or a family's whole postal address on a parcel:
    the return address of one household."""
    hits = [
        Hit(Category.ADDRESS, match.start("street"), match.end("street"), "address")
        for match in PLACES24_SIGNED_WITH_A_STREET.finditer(text.value)
        # "from Public Health, 12 …": an office signs with its own street.
        if not lexicon.ORGANIZATION_CUES.search(text.lower[match.start() : match.start("street")])
    ]
    for match in PLACES24_FAMILYS_POSTAL_ADDRESS.finditer(text.value):
        if lexicon.ORGANIZATION_CUES.search(text.lower[max(0, match.start() - 30) : match.start("street")]):
            continue  # « la Clinique Famille Santé, 12 rue … »: a practice's name
        hits.append(Hit(Category.ADDRESS, match.start("street"), match.end("street"), "address"))
        code = "code" if match["code"] else "ca"
        hits.append(Hit(Category.POSTAL_CODE, match.start(code), match.end(code), "postal_code"))
    return hits


# A bed, a box or a room in apposition after a person's name and age, as a ward's list or a case's opening writes it:
# "<Prénom>, 17 ans, box 12,", "<First>, 6, bed 4 in the PICU".
PLACES24_ROOM_AFTER_NAME_AND_AGE = re.compile(
    r"(?<![\w'’-])[A-ZÉ][a-zà-ÿ'’-]+(?:\s+[A-ZÉ][a-zà-ÿ'’-]+)?,\s+\d{1,3}(?:\s*(?:ans|an|years?|yo|y/o|mois|months?))?,\s+"
    r"(?P<room>(?i:box|bed|lit|chambre|room|rm|bay|pod|cubicle|stretcher|brancard)\s*#?\s*\d{1,4}[A-Z]?)(?![\w/-])"
)


def places24_rooms_after_a_name_and_age(text: Text) -> list[Hit]:
    """The bed or box told right after the patient's name and age: the one spot in the unit that is theirs."""
    return [
        Hit(Category.ROOM, match.start("room"), match.end("room"), "room")
        for match in PLACES24_ROOM_AFTER_NAME_AND_AGE.finditer(text.value)
    ]


# A family's farm, ranch, camp or cabin by its name and where it is: "the Lapierre farm on Route 114", "the Kuzyk dairy
# on Road 68N near Steinbach", "the Hollett cabin at Salmonier Line", "the 3-Bar Ranch north of Melville", « la ferme
# des Bessades, à Saint-Bonnet-de-Salers », « la bergerie de Capu di Muru, au-dessus de Coti-Chiavari ». In the
# country a farm's name and its road find the family as a street address does. Someone is told of beside it; a farm
# that sells, or where something is taught or held, is not a home.
_PLACES25_HOMESTEAD_EN = r"farm|ranch|dairy|homestead|section|quarter|cabin|camp|orchard|feedlot|acreage|colony|place"
_PLACES25_HOMESTEAD_FR = r"ferme|bergerie|chèvrerie|porcherie|érablière|cabane\s+à\s+sucre|exploitation|bleuetière"
_PLACES25_LOCATOR_EN = r"on|off|near|at|by|past|behind|along|up|(?:north|south|east|west)\s+of"
_PLACES25_LOCATOR_FR = r"à|au|près\s+de|au-dessus\s+de|en\s+face\s+de|derrière|sur\s+(?:le|la)|du\s+côté\s+de|dans"
_PLACES25_PLACE = (
    r"(?:the\s+|le\s+|la\s+|l['’])?(?-i:[A-Z0-9ÉÎ][\w'’-]*)(?:[\s-]+(?:(?-i:[A-Z0-9ÉÎ][\w'’-]*)|di|de|du))*"
)
PLACES25_NAMED_HOMESTEAD = re.compile(
    rf"(?<![\w-])(?P<place>(?:the\s+(?-i:[A-Z0-9][\w'’-]+)(?:\s+family)?\s+(?:{_PLACES25_HOMESTEAD_EN})"
    rf"(?:\s+(?:{_PLACES25_LOCATOR_EN})\s+{_PLACES25_PLACE})"
    rf"|(?:{_PLACES25_HOMESTEAD_FR})\s+(?:des\s+|du\s+|de\s+la\s+|de\s+|d['’])?(?P<family>(?-i:[A-ZÉ][a-zà-ÿ'’]+(?:-[A-ZÉ]?[a-zà-ÿ'’]+)*))"
    rf"(?:\s+(?:di|de|du|des)\s+(?-i:[A-ZÉ][\w'’-]+))?(?:,?\s+(?:{_PLACES25_LOCATOR_FR})\s+{_PLACES25_PLACE})?))",
    re.IGNORECASE,
)
PLACES25_SOMEONE = re.compile(
    r"\b(?:his|her|their|he|she|him|son|sa|ses|leur|il|elle|lui|patient|patiente|mr|mrs|ms|mme|m)\b|"
    r"\b\d{1,3}(?:-year-old|\s*(?:ans|years?\s+old|yo))\b|,\s\d{1,3},",
    re.IGNORECASE,
)


def places25_named_homesteads(text: Text) -> list[Hit]:
    hits = []
    for match in PLACES25_NAMED_HOMESTEAD.finditer(text.value):
        at = match.start()
        if text.sentence_has(PLACES24_FARM_SELLS, at) or text.sentence_has(PLACES24_TAUGHT_OR_HELD, at):
            continue
        if match["family"] and gazetteer.key(match["family"]) in gazetteer.place_keys():
            continue  # « une porcherie de Saint-Damase »: a town's, not a family's
        sentence_start, sentence_end = text.sentence_around(at)
        if PLACES25_SOMEONE.search(text.value, max(0, sentence_start - 80), sentence_end + 80):
            hits.append(Hit(Category.ADDRESS, match.start("place"), match.end("place"), "address"))
    return hits


PLACES24_RULES = (
    places24_rooms_after_a_name_and_age,
    places24_land_locations,
    places24_road_markers_of_a_crash,
    places24_homes_mailboxes_and_farms,
    places24_rooms_where_someone_lived,
    places24_streets_signed_after_a_name,
    places25_named_homesteads,
)


# What the veto pass reads for these habits (``public_roles.vetoed``): a mailbox or a truck's unit is no room, an
# operating room in a story told de-identified or years later is a place of work, and an organisation's address said
# as where it moves or when it opens is its own. A land location's numbers read as a date are ``dates24_vetoed``'s.
PLACES24_VEHICLE = words(
    "truck", "trucks", "trucking", "rig", "semi", "trailer", "freight", "haul", "hauling", "fleet", "bus", "tanker",
    "transport", "camion", "camionneur", "remorque", "autobus", "plow", "grader", "chasse-neige",
)  # fmt: skip
PLACES24_OPERATING_ROOM = re.compile(r"(?:OR|O\.R\.|(?i:salle|theatre|theater|bloc))\s*#?\s*\d{1,2}\b")
PLACES24_TOLD_DEIDENTIFIED = re.compile(
    r"(?i:details? (?:changed|altered|modified)|identifying details|détails (?:modifiés|changés)|"
    r"d[ée]tails? ont été (?:modifiés|changés)|il y a (?:quelques|plusieurs|\w+) (?:années|ans)|"
    r"(?:a few|several|some|\w+) years ago|years back)"
)
PLACES24_SOMEONE_IN_THE_ROOM = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|M|Mme|Mlle|Pt|pt)\.?\s+[A-ZÉ]|[A-ZÉ][\w'’-]+,\s+\d{1,3}\b|\d{1,2}\s?(?::|h)\s?\d{2}|"
    r"\b(?i:first case|premier cas|today|this morning|ce matin|aujourd'hui|tomorrow|demain)\b"
)
PLACES24_ORGANISATION_MOVES_BEFORE = re.compile(
    r"(?i:\b(?:d[ée]m[ée]nage(?:ra)?|s['’]installe(?:ra)?|ouvre|ouvrira|moves?|moving|relocat\w*|opens?|opening|"
    r"nouvelle adresse|new address|new location|nouveaux locaux)\b[^.!?\n]{0,20}$)"
)
PLACES24_ORGANISATION_MOVES_FAR_BEFORE = re.compile(
    r"(?i:\b(?:d[ée]m[ée]nage(?:ra)?|s['’]installe(?:ra)?|moves?|moving|relocat\w*|nouvelle adresse|new address)\b"
    r"[^.!?\n]{0,60}$)"
)
PLACES24_OPENING_HOURS_AFTER = re.compile(
    r"[.,]?\s*,?\s*(?i:(?:every\s+|le\s+|les\s+)?(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)\w*\.?"
    r"(?:\s*(?:[-–&/,]|to|à|au|et|and)\s*\w+\.?)?\s*,?\s*\d{1,2}(?::\d{2}|\s?h\d{0,2}|\s?[ap]\.?m\.?)?\s*"
    r"(?:[-–]|to|à)\s*\d{1,2}|open|ouvert|hours|heures d['’]ouverture|drop-in|sans rendez-vous)"
)
PLACES24_SERVICE_ON_A_STREET_BEFORE = re.compile(
    r"(?i:\b(?:site|centre|center|clinic|clinique|pharmacy|pharmacie|office|bureau|library|bibliothèque|church|"
    r"église|school|école|depot|dépôt|station|hall|store|magasin)\s+(?:on|at|off|sur|de la|du|au)\s+(?:the\s+)?$)"
)
PLACES24_PERSON_IN_SENTENCE = re.compile(
    r"(?i:\b(?:he|she|him|his|her|they|their|il|elle|lui|son|sa|ses|leur|lives|lived|sleeps|slept|stays|stayed|"
    r"vit|vivait|habite|habitait|dort|dormait|patient|patiente)\b)|\b(?:Mr|Mrs|Ms|M|Mme|Mlle)\.?\s+[A-ZÉ]"
)


def places24_vetoed(text: Text, hit: Hit) -> bool:
    value = text.value
    said = value[hit.start : hit.end]
    if hit.category == Category.ROOM:
        if any(m.start() <= hit.start < m.end("box") for m in PLACES24_MAILBOX.finditer(value, max(0, hit.start - 20))):
            return True  # a mailbox written with its community and postal code
        if said.lower().startswith(("unit", "unité")) and PLACES24_VEHICLE.search(
            value, max(0, hit.start - 40), min(len(value), hit.end + 40)
        ):
            return True  # a truck's or an ambulance's unit number
        if PLACES24_OPERATING_ROOM.match(said) and PLACES24_TOLD_DEIDENTIFIED.search(value):
            start, end = text.sentence_around(hit.start)
            return not PLACES24_SOMEONE_IN_THE_ROOM.search(value, start, end)
        return False
    if hit.category in (Category.ADDRESS, Category.POSTAL_CODE):
        start, end = text.sentence_around(hit.start)
        if PLACES24_PERSON_IN_SENTENCE.search(value, start, end):
            return False
        before = value[max(start, hit.start - 80) : hit.start]
        if PLACES24_ORGANISATION_MOVES_BEFORE.search(value, max(start, hit.start - 40), hit.start):
            return True
        if hit.category == Category.POSTAL_CODE and PLACES24_ORGANISATION_MOVES_FAR_BEFORE.search(before):
            return True  # the code that closes the address it moves to
        if PLACES24_OPENING_HOURS_AFTER.match(value, hit.end, min(len(value), hit.end + 40)):
            return True
        return bool(PLACES24_SERVICE_ON_A_STREET_BEFORE.search(value, max(start, hit.start - 40), hit.start))
    return False
