"""A small trained model that reads a room, a bed or a place someone stays as a patient's, or not.

    >>> from privacy.base import Text
    >>> from privacy.place_model import places
    >>> text = Text("Mme Gagnon, 34 SA, contractions, installée dans la cabine 5 avec une infirmière.", "fr")
    >>> [text.value[hit.start : hit.end] for hit in places(text)]
    ['cabine 5']

The room and address rules (``clinical``, ``identifiers``) are written per habit and carry poorly to a new author
(the fifteenth author's rooms 4 of 10, addresses 1 of 6): each writes a ferry's cabin, a campground's site or a
delivery room her own way. This model reads what they share: a place word followed by a number or a letter ("bed
4B", « salle 5 », "site 42", "LDR 3"), or a street or lodging word with a proper name (« chemin du Bassin »,
"Camping de la Pointe-Basse", "27 Birch Hill Rd"), said beside a patient rather than a talk, a clinic's contact
details or a venue. Its features are generic: the candidate's kind and shape (how many digits, a letter, a street
number), never its words; the lower-cased words around it; a patient-like name, an age, a relative's word, a care,
birth or death word near it; the sentence's tense; event, venue and clinic-contact words (a suite beside a street
number, a postal code, a phone); whether a person is the sentence's subject. ``bench/train_place_model.py`` fits it
with scikit-learn (logistic regression) and writes its weights, a plain JSON table, to ``place_model.json`` beside
this file; scoring here is a sum of weights in plain Python, the table read once per process on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

from privacy import clinical, date_model, identifiers, lexicon, stories, weights
from privacy.base import Category, Hit, Text, words

MODEL_FILE = Path(__file__).with_name("place_model.json")

# The place words, by the kind of place they name; the kind is a feature, the word itself never is.
PLACE_KINDS = {
    "bed": r"bed|lit|civière|civiere|stretcher|cot|bunk|crib|berceau|chair|fauteuil|chaise|brancard",
    "room": r"room|rm|chambre|ch\.|suite|box|bay|cubicle|cabin|cabine|cell|cellule|pod|isolette|resus|apartment|"
    r"appartement|appt|apt|unit|hall|trailer|roulotte|tent|tente",
    "care_room": r"salle|(?-i:LDR|LDRP|OR|PACU|SDN|L&D)|delivery\s+room|birthing\s+room|labou?r\s+room",
    "site": r"site|lot|emplacement|terrain|campsite",
}
# A number or a letter a place is known by: "4B", "3B-12", "5W-12", "412", "C", "C-14".
PLACE_NUMBER = r"(?-i:\d{1,2}[A-Z]?[-.]\d{1,4}[A-Z]?|\d{1,4}[A-Z]?|[A-Z]-?\d{1,3}|[A-Z])(?![\w-]|[.,]\d)"
ROOM_CANDIDATE = re.compile(
    r"(?<![\w@#/])(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in PLACE_KINDS.items())
    + rf")\s*(?:#|n°|no\.?|number|numéro)?\s*(?P<number>{PLACE_NUMBER})",
    re.IGNORECASE,
)
CAPITALISED = r"[A-ZÉÈÀÂÎÔÇ][\w'’-]*"
LINKS_FR = r"(?:(?:de\s+la|de\s+l['’]|des|du|de|d['’]|à\s+la|aux?)\s*)"
STREET_WORDS_EN = (
    r"Street|Avenue|Road|Boulevard|Drive|Crescent|Lane|Trail|Terrace|Circle|Highway|Concession|Sideroad|Grove|Row"
)
STREET_SHORT = r"St|Ave|Rd|Blvd|Dr|Cres|Ct|Hwy|Ln|Court|Way|Place|Line|Gardens|Heights|Close|Park"
STREET_WORDS_FR = (
    r"rue|avenue|boulevard|boul\.|chemin|rang|route|montée|côte|allée|impasse|traverse|promenade|croissant|"
    r"terrasse|cours|place|sentier|lotissement|résidence|cité|hameau|lieu-dit"
)
# Where one stays that is not a street: a campground, a shelter, a lodge, a seniors' home, a trailer park.
LODGING_WORDS = (
    r"camping|campground|gîte|gite|refuge|shelter|foyer|motel|auberge|pension|trailer\s+park|parc\s+de\s+roulottes|"
    r"encampment|campement|rooming\s+house|maison\s+de\s+chambres|HLM|chalet|cabin|camp"
)
STREET_CANDIDATE = re.compile(
    r"(?<![\w@#/])(?:"
    # "27 Birch Hill Rd", "on George Street", "Kings Road": capitalised words then a street word.
    rf"(?P<street_en>(?P<number_en>\d{{1,5}}[A-Z]?,?\s+)?(?:{CAPITALISED}\s+){{1,3}}(?:{STREET_WORDS_EN})\b\.?"
    # A short form or a word that names other things is a street only after a number: not "Fort St. James", "the
    # Provincial Court", "Central Park".
    rf"|(?P<number_only>\d{{1,5}}[A-Z]?,?\s+(?:{CAPITALISED}\s+){{1,3}}(?:{STREET_SHORT})\b\.?))"
    # « 48, rue d'Italie », « chemin du Bassin », « traverse des Bonnes-Grâces », « rang 4 ».
    rf"|(?P<street_fr>(?P<number_fr>\d{{1,5}}(?:\s?(?:bis|ter))?,?\s+)?(?i:{STREET_WORDS_FR})\s+{LINKS_FR}?"
    rf"(?:{CAPITALISED}(?:\s+{CAPITALISED}){{0,2}}|\d{{1,3}}(?!\w)))"
    # « Camping de la Pointe-Basse », "the Harbourview Campground", « foyer Forbin ».
    rf"|(?P<lodging>(?i:{LODGING_WORDS})\s+{LINKS_FR}?{CAPITALISED}(?:\s+{CAPITALISED}){{0,2}}"
    rf"|(?:{CAPITALISED}\s+){{1,3}}(?i:{LODGING_WORDS})\b)"
    r")"
)
STREET_KINDS = ("street_en", "street_fr", "lodging")
ENGLISH_STREETS = ("street_en", "number_only")
# The capitalised words a street candidate may not start with: sentence openers and articles ("The Road to…").
NOT_A_STREET_START = frozenset(
    "the a an this that our my his her their on in at to from and or but so if when i we you he she it they "
    "le la les un une ce cette notre mon ma son sa leur et ou mais si quand je nous vous il elle on "
    "dr dre mr mrs ms mme m".split()
)

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
CONTEXT_WORDS = 2

# A clinic's own contact details: a suite beside a street number, a postal code, a phone, opening hours.
SPANMODEL21_CLINIC_CONTACT = words(
    "suite",
    "bureau",
    "local",
    "office",
    "clinic",
    "clinique",
    "cabinet",
    "call",
    "appelez",
    "phone",
    "tel",
    "tél",
    "téléphone",
    "fax",
    "hours",
    "heures d'ouverture",
    "horaire",
    "appointment",
    "appointments",
    "rendez-vous",
    "rdv",
    "parking",
    "stationnement",
    "entrance",
    "entrée",
    "moving",
    "moved",
    "déménage",
    "déménagé",
    "new address",
    "nouvelle adresse",
    "located",
    "situé",
    "située",
    "welcome",
    "bienvenue",
    "open",
    "ouvert",
    "walk-in",
)
# An organization's own place, said as ours: "our address stays the same", « notre nouvelle adresse », "our office".
SPANMODEL21_OWN_PLACE = re.compile(
    r"\b(?:our|notre|nos)\s+(?:new\s+|nouvelle\s+|nouveau\s+|nouveaux\s+)?(?:address|adresse|clinic|clinique|office|"
    r"offices|bureau|bureaux|cabinet|location|locaux|practice|building|immeuble|pharmacy|pharmacie|centre|center|"
    r"unit|unité|team|équipe)\b|\b(?:cabinet|office|clinic|clinique)\s+(?:au|at|à|situé|located)\b",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?<!\d)(?:\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|0\d(?:[\s.]\d\d){4})(?!\d)")
# The talk, class or event a room hosts, and where events are held: « salle de conférence », "Room 201".
SPANMODEL21_EVENT = words(
    "talk",
    "webinar",
    "webinaire",
    "conference",
    "conférence",
    "lecture",
    "seminar",
    "séminaire",
    "workshop",
    "atelier",
    "meeting",
    "réunion",
    "session",
    "séance",
    "course",
    "cours",
    "class",
    "training",
    "formation",
    "simulation",
    "sim",
    "orientation",
    "register",
    "registration",
    "inscription",
    "rsvp",
    "join us",
    "joignez-vous",
    "rounds",
    "grand rounds",
    "présentation",
    "presentation",
    "symposium",
    "congrès",
    "journée",
    "lunch",
    "dîner",
    "food",
    "pizza",
    "café",
    "coffee",
    "potluck",
    "party",
    "fête",
)
# A thing found or kept in a place, not a person: "lost and found", « objets trouvés », "supply room".
SPANMODEL21_THING = words(
    "lost and found",
    "objets trouvés",
    "supply",
    "supplies",
    "fournitures",
    "stock",
    "cart",
    "chariot",
    "crash cart",
    "equipment",
    "équipement",
    "fridge",
    "frigo",
    "printer",
    "imprimante",
    "keys",
    "clés",
    "clefs",
    "charger",
    "chargeur",
)
# Where the patient was, said of a person: placed, lying, staying, born, sleeping, admitted in it.
SPANMODEL21_STAY = words(
    "in",
    "into",
    "dans",
    "en",
    "au",
    "at",
    "on",
    "sur",
    "installé",
    "installée",
    "admis",
    "admise",
    "admitted",
    "transferred",
    "transféré",
    "transférée",
    "moved to",
    "lives",
    "lived",
    "living",
    "habite",
    "vit",
    "vivait",
    "stays",
    "staying",
    "stayed",
    "séjour",
    "sleeps",
    "slept",
    "dort",
    "dormait",
    "hébergé",
    "hébergée",
    "born",
    "né",
    "née",
    "nés",
    "nées",
    "died",
    "décédé",
    "décédée",
    "lying",
    "couché",
    "couchée",
)
RELATIVE = re.compile(
    rf"\b(?:{clinical.RELATIVES}|mom|mum|dad|nana|grandma|grandpa|mamie|papi|mémère|pépère)\b", re.IGNORECASE
)
COURTESY_NAME = date_model.COURTESY_NAME
AGE = re.compile(
    r"\b\d{1,3}[- ]?(?:year[- ]old|yo|y/o|ans|mois|months? old|weeks? old|semaines|SA|wk|weeks)\b"
    r"|,\s*\d{1,3}\s*,|\(\d{1,3}\)|\b[GP]\d{1,2}P\d",
    re.IGNORECASE,
)
POSTAL = re.compile(rf"{identifiers.POSTAL_CA.pattern}|(?<!\d)\d{{5}}(?=\s+[A-ZÉ])")
# A whiteboard, a wristband, a label, a list: where rooms are written beside names.
BOARD = words(
    "board",
    "whiteboard",
    "tableau",
    "tableau blanc",
    "wristband",
    "bracelet",
    "label",
    "étiquette",
    "screenshot",
    "capture",
    "census",
    "list",
    "liste",
    "slide",
    "photo",
)
# Who the sentence is about, said first: a name, a titled name, a pronoun, "the patient", "baby".
SUBJECT = re.compile(
    r"^\W*(?:(?-i:(?:Mrs?|Ms|Mme|Mlle|M)\.?\s+[A-ZÉ])|(?:he|she|il|elle|they|ils|elles|baby|bébé|the patient|"
    r"le patient|la patiente|my patient|mon patient|ma patiente|our patient)\b|(?-i:[A-ZÉ][a-zà-ÿ]+)\s*(?:,|\(|\s"
    r"(?:is|was|has|had|est|a|était|avait|came|went|got|arrived)\b))",
    re.IGNORECASE,
)
FIRST_PERSON = words("i", "we", "je", "j", "nous", "on", "my", "our", "notre", "nos", "mon", "ma", "mes")
CUES = (
    ("care", stories.CARE_NEARBY, 100, 100),
    ("care_event", stories.CARE_EVENTS, 100, 100),
    ("care_cue", lexicon.CARE_CUES, 60, 60),
    ("birth", lexicon.BIRTH_CUES, 80, 80),
    ("death", lexicon.DEATH_CUES, 80, 80),
    ("person", lexicon.PERSON_CUES, 80, 80),
    ("room_person", clinical.ROOM_PERSON_CUES, 60, 60),
    ("relative", RELATIVE, 80, 80),
    ("age", AGE, 80, 80),
    ("titled_name", COURTESY_NAME, 80, 80),
    ("public", lexicon.PUBLIC_ROLE_CUES, 60, 60),
    ("organization", lexicon.ORGANIZATION_CUES, 60, 60),
    ("event", lexicon.EVENT_CUES, 80, 80),
    ("event_word", SPANMODEL21_EVENT, 80, 80),
    ("room_event", clinical.ROOM_EVENT_CUES, 80, 80),
    ("venue", date_model.SPANMODEL19_VENUE, 40, 60),
    ("clinic_contact", SPANMODEL21_CLINIC_CONTACT, 80, 80),
    ("phone", PHONE, 120, 120),
    ("own_place", SPANMODEL21_OWN_PLACE, 80, 40),
    ("postal", POSTAL, 20, 80),
    ("thing", SPANMODEL21_THING, 60, 60),
    ("board", BOARD, 120, 60),
    ("stay", SPANMODEL21_STAY, 25, 0),
    ("doctor", date_model.DOCTOR_NAMED, 80, 80),
    ("future", date_model.SPANMODEL19_FUTURE, 60, 60),
    ("past", date_model.SPANMODEL19_PAST, 60, 60),
    ("past_verb", date_model.PAST_VERB, 40, 40),
    ("first_person", FIRST_PERSON, 40, 40),
    ("date", date_model.CANDIDATE, 60, 60),
    ("clock", date_model.TIME_NEAR, 40, 40),
    ("address_person", identifiers.ADDRESS_PERSON_CUES, 80, 80),
)


def candidates(text: Text) -> list[tuple[int, int, dict[str, float]]]:
    """Each room-like or street-like span of the text, with its features: ``(start, end, {feature: value})``."""
    value = text.value
    found = [(m.start(), m.end(), _room_kind(m), _room_shape(m)) for m in ROOM_CANDIDATE.finditer(value)]
    # "RR 2, Site 5, Box 12" is a rural address, which ``privacy.identifiers`` reads whole.
    rural = [match.span() for match in identifiers.RURAL_ADDRESS.finditer(value)]
    found = [c for c in found if c[2] and not any(s <= c[0] < e for s, e in rural)]
    for match in STREET_CANDIDATE.finditer(value):
        kind = "street_en" if match.lastgroup in ENGLISH_STREETS else _street_kind(match)
        first_word = re.match(r"[\w'’]+", value[match.start() :])
        if kind is None or (first_word and first_word.group().lower() in NOT_A_STREET_START):
            continue
        if any(start < match.end() and match.start() < end for start, end, _, _ in found):
            continue  # a room's own number is no street ("Room 7, IWK 5th floor")
        numbered = bool(match.group("number_en") or match.group("number_fr") or match.group("number_only"))
        found.append((match.start(), match.end(), kind, ["street_number"] if numbered else ["no_number"]))
    if not found:
        return []
    found.sort()
    lower = text.lower
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(value)]
    token_starts = [start for start, _ in tokens]
    cue_positions = {name: [m.start() for m in pattern.finditer(value)] for name, pattern, _, _ in CUES}
    post = {
        f"lang={text.language}": 1.0,
        "long_post": float(len(value) > 600),
        "many_places": float(len(found) >= 3),
        "care_story": float(stories.tells_a_care_story(text)),
        # A post that gives a phone or asks to call or register is a notice, whatever its places.
        "post_phone": float(bool(cue_positions["phone"])),
        "post_event": float(bool(cue_positions["event_word"] or cue_positions["room_event"])),
    }
    result = []
    for start, end, kind, shape in found:
        features = {"bias": 1.0, f"kind={kind}": 1.0, **{name: v for name, v in post.items() if v}}
        features.update({f"shape={part}": 1.0 for part in shape})
        features.update({f"{kind}&{part}": 1.0 for part in shape})
        first = bisect_left(token_starts, start)
        after = bisect_left(token_starts, end)
        for offset in range(1, CONTEXT_WORDS + 1):
            features[f"w-{offset}={_context_word(value, lower, tokens, first - offset)}"] = 1.0
            features[f"w+{offset}={_context_word(value, lower, tokens, after + offset - 1)}"] = 1.0
        sentence_start, sentence_end = text.sentence_around(start)
        for name, _pattern, before, beyond in CUES:
            positions = cue_positions[name]
            if weights.any_between(positions, start - before, start) or weights.any_between(
                positions, end, end + beyond
            ):
                features[f"near_{name}"] = 1.0
            elif weights.any_between(positions, sentence_start, sentence_end):
                features[f"sentence_{name}"] = 1.0
        if clinical.ROOM_IN_BUILDING.search(value[end : end + 80]):
            features["in_building"] = 1.0
        if re.match(r"\s*(?:,\s*)?(?:de|du|of|at|à|au)\s+(?:l['’]|la\s+|the\s+)?[A-ZÉ]", value[end : end + 20]):
            features["of_named_place"] = 1.0
        if SUBJECT.match(value[sentence_start:sentence_end]):
            features["person_subject"] = 1.0
        if date_model._first_name_in(value, lower, tokens, sentence_start, sentence_end):
            features["sentence_first_name"] = 1.0
        result.append((start, end, features))
    return result


# A number that counts something is no room's: "OR 4 days a week", « unité 7 jours sur 7 », "unit 47 times".
COUNTED_AFTER = re.compile(
    r"\s*(?:/|-)?\s*(?:days?|nights?|weeks?|months?|years?|hours?|hrs?|h\b|minutes?|min\b|times|visits|patients|beds|"
    r"jours?|nuits?|semaines?|mois|ans|années|heures?|fois|visites|lits|%)",
    re.IGNORECASE,
)


def _room_kind(match: re.Match) -> str | None:
    kind = next(kind for kind in PLACE_KINDS if match.group(kind))
    word, number = match.group(kind), match.group("number")
    if COUNTED_AFTER.match(match.string, match.end()):
        return None
    # A lone capital after an English word is mostly the next sentence or a name ("in bed I read"; "cot A" is rare):
    # only rooms and bays are lettered alone, and only written in capitals before it ("Bay C", "Box B").
    if number.isalpha() and (kind not in ("room", "care_room") or not word[:1].isupper()):
        return None
    if kind == "care_room" and word.isupper() and len(word) <= 2 and not number[:1].isdigit():
        return None  # "OR A"
    return kind


def _room_shape(match: re.Match) -> list[str]:
    number = match.group("number")
    digits = sum(char.isdigit() for char in number)
    shape = [f"digits={min(digits, 4)}"]
    if any(char.isalpha() for char in number):
        shape.append("letter")
    if "-" in number or "." in number:
        shape.append("compound")
    if match.group()[:1].isupper():
        shape.append("capitalised")
    if "#" in match.group():
        shape.append("hash")
    return shape


def _street_kind(match: re.Match) -> str | None:
    return next((kind for kind in STREET_KINDS if match.group(kind)), None)


def _context_word(value: str, lower: str, tokens: list[tuple[int, int]], index: int) -> str:
    if not 0 <= index < len(tokens):
        return "<s>"
    start, end = tokens[index]
    word, low = value[start:end], lower[start:end]
    if word[0].isdigit():
        return "<number>"
    if word[0].isupper() and low not in KEPT_CAPITALISED:
        return "<first name>" if low in lexicon.FIRST_NAMES else "<capitalised>"
    return low


KEPT_CAPITALISED = frozenset(
    "on in at since the my our his her he she we i le la les depuis en au du dans mr mrs ms m mme dr dre".split()
)


def _model() -> dict:
    return weights.table(MODEL_FILE)


def scores(text: Text, model: dict | None = None) -> list[tuple[int, int, float]]:
    """Each place-like span with the model's probability that it is where a patient is or stays."""
    return weights.logistic_scores(candidates(text), model or _model())


def spans(text: Text, model: dict | None = None, threshold: float | None = None) -> list[tuple[int, int, float]]:
    model = model or _model()
    threshold = model["threshold"] if threshold is None else threshold
    return weights.kept_above(text, scores(text, model), threshold, vetoed)


def vetoed(text: Text, start: int, end: int) -> bool:
    """The room and address rules' generic vetoes, which the model keeps as they do: whatever else its sentence tells,
    a place is no patient's when nobody is in its sentence or the one before ("Bay 1 to Bay 12 are colour-coded",
    "dialysis chair 12 is broken again"); a room is a venue in a named building, when a talk, a class or a meeting is
    in its sentence, or when it is a team's unit ("the Unit 4B team") or a suite after a street number; a street is
    an organization's or a donor's when the sentence says so before it ("Her practice is now at…", « Merci à M.
    Tremblay, rue Principale »)."""
    value = text.value
    if not clinical._someone_near(text, start):
        return True
    sentence_start, sentence_end = text.sentence_around(start)
    if category(text, start) == Category.ROOM or ROOM_CANDIDATE.match(value, start):
        return bool(
            clinical.ROOM_IN_BUILDING.search(value[end : end + 80])
            or clinical.STREET_BEFORE.search(value[max(0, start - 60) : start])
            or clinical.ROOM_TEAM_OF_A_UNIT.search(value, max(0, start - 20), start)
            or clinical.ROOM_TEAM_AFTER.match(value, end)
            or clinical.ROOM_OR_AT_A_TIME.fullmatch(value, start, end)
            # The sentence's other words, not the room's own ("salle" names a delivery room as well as a hall).
            or clinical.ROOM_EVENT_CUES.search(value, sentence_start, start)
            or clinical.ROOM_EVENT_CUES.search(value, end, sentence_end)
        )
    # As the street rules read it: an organization named in the 100 characters before ("three family doctors in a
    # converted house on Main Street"), or a workplace just before in its sentence ("Her practice is now at…").
    before = lexicon.ORGANIZATION_NAMES.sub(" clinic ", text.window(start, start, before=100, after=0))
    return bool(
        lexicon.ORGANIZATION_CUES.search(before)
        or SPANMODEL21_WORKPLACE.search(value, max(sentence_start, start - 60), start)
        or text.sentence_has(identifiers.THANKED, start)
    )


# A workplace said just before a street: it is the workplace's address, told to be found.
SPANMODEL21_WORKPLACE = words(
    "practice",
    "office",
    "clinic",
    "clinique",
    "cabinet",
    "pharmacy",
    "pharmacie",
    "bureau",
    "bureaux",
    "moved",
    "moving",
    "déménagé",
    "déménage",
    "located",
    "situé",
    "située",
    "new address",
    "nouvelle adresse",
)


def category(text: Text, start: int) -> Category:
    """A room, bed or cabin is a room; a street, a campground's site or a shelter is an address."""
    match = ROOM_CANDIDATE.match(text.value, start)
    return Category.ROOM if match and not match.group("site") else Category.ADDRESS


def places(text: Text) -> list[Hit]:
    """The model's rooms and places where a patient stays, removed by the one-click fix as the rules' are."""
    return [
        Hit(category(text, start), start, end, "room" if category(text, start) == Category.ROOM else "address", "")
        for start, end, _ in spans(text)
    ]


RULES = (places,)
