"""Names told by habits of clinicians' writing that the sentence rules of ``privacy.clinical`` do not read.

Each function reads one habit, found in a second author's posts and general to how clinicians write:

* a name beside a record: a date of birth, a chart or card number, a street address ("DOB 03/17/1938,
  Harold P., chart 2281907", "Marguerite Deschênes, 17 Elm Crescent"), or the document it was read off
  ("an OHIP card for Raymond Achterberg", « au nom de « Réal Thériault » », "his obituary says Jonathan Ricci");
* a name a tracking board writes after the bed ("Civière 14 : Bergeron, Y.");
* a name said or a nickname given ("Her name was Grace", « Elle s'appelait Thérèse », "his friends called him
  Jojo"), but not a pseudonym the author chose ("let's call her Anna");
* a patient addressed by the name in her own e-mail address ("…from bev.mcallister62@…. Bev, you've made my week");
* a name with something of its care ("the lab lost Edith's bloodwork", « le dossier de Gisèle »);
* a pseudonym the author chose ("let's call her Anna", "Sarah (not her real name)") is no one's name.

Colleagues stay out the way they do elsewhere: a title ("Dr. Walsh") or a role beside the name; those rules
live in ``privacy.stories``, which calls these.
"""

from __future__ import annotations

import re
import unicodedata

from privacy import clinical, lexicon
from privacy.base import Category, Hit, Text

NAME_WORD = clinical.NAME_WORD
# A person as a record writes one: "Harold P.", "Raymond Achterberg", "M. et Mme Charron", "Beaulieu, Raymonde".
RECORD_NAME = (
    rf"(?:(?:M\.|Mme|Mlle|Mrs?\.|Ms\.?)\s+(?:(?:et|and)\s+(?:Mme|Mrs\.?)\s+)?)?"
    rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}(?:\s+[A-Z]\.)?"
    rf"|{NAME_WORD},\s*(?:{NAME_WORD}|[A-Z]\.)"
)
# A record's word counts with its value: "chart 2281907", "DDN 1934-06-21", not "Sarah, chart review at noon".
_RECORD_CUE = (
    r"(?:DOB|D\.O\.B\.?|DDN|date of birth|date de naissance|née? le|MRN|chart|dossier|HSN|PHN|NAM|RAMQ|OHIP|"
    r"SSN|SIN|NAS|NIR|IPP|"
    r"health card|carte)\b\s*[:#]?\s*(?:no\.?\s*|n°\s*)?"
    rf"(?:\d|[A-Z]{{4}}\s?\d|(?:{lexicon.MONTHS_EN}|{lexicon.MONTHS_FR})\b)"
)
# After the name: a record's cue, a long number (a card, a chart), or a street address.
RECORD_AFTER = re.compile(
    rf"\s*[»\"”)]?\s*[,(:–-]\s*(?:(?:no\.?|n°|#)\s*)?"
    # a phone number is the clinic's more often than the patient's: privacy.identifiers judges those
    rf"(?:{_RECORD_CUE}|(?!(?:1[ -])?\d{{3}}[ -]\d{{3}}[ -]\d{{4}}\b|0\d(?:[ .]?\d\d){{4}}\b)\d[\d -]{{6,}}\d"
    rf"|\d{{1,5}}[A-Z]?,?\s+{clinical.STREET})",
    re.IGNORECASE,
)
NAME_THEN_RECORD = re.compile(rf"(?<![\w'’.-])(?P<name>{RECORD_NAME})(?=(?i:{RECORD_AFTER.pattern}))")
# Before the name: a date of birth, or the document the name was read off.
RECORD_BEFORE = re.compile(
    r"(?:(?:DOB|D\.O\.B\.?|DDN|date of birth|date de naissance)\s*:?\s*[\d/.-]{6,10}\s*,\s*"
    r"|(?:(?:health|OHIP|insurance|ID|hospital|MSP|care)\s+card|carte|folder|wallet|portefeuille|porte-cartes|"
    r"wristband|bracelet|label|étiquette|prescription|ordonnance|requisition|sticker|autocollant|tag|tattoo|tatouage)"
    r"\b(?:[^.!?\n]{0,70}?(?:\bfor|\bof|belonging to|au nom de|appartenant à|labell?ed|étiquetée?|marquée?|"
    # What a thing of the patient's reads: 'the sticker says "Nana Ruth"', « son tatouage « Maman Josiane » ».
    r"says|said|reads|read|dit|disait|indique)\s*[«\"“]?|\s*[«\"“])\s*"
    r"|(?:return address|adresse de retour|obituary|avis de décès|nécrologie|death notice)\s+"
    r"(?:said|says|read|reads|dit|disait|indique|indiquait)\s*:?\s*[«\"“]?\s*)$",
    re.IGNORECASE,
)
DOCUMENT_CUE = re.compile(
    r"DOB|D\.O\.B|DDN|date of birth|date de naissance|card|carte|folder|wallet|portefeuille|wristband|bracelet|"
    r"label|étiquet|prescription|ordonnance|requisition|sticker|autocollant|tag|tattoo|tatouage|"
    r"return address|adresse de retour|obituary|avis de décès|"
    r"nécrologie|death notice",
    re.IGNORECASE,
)
RECORD_NAME_AT = re.compile(rf"(?<![\w'’.-])(?P<name>{RECORD_NAME})")
# A tracking board: the bed, then the name ("Civière 14 : Bergeron, Y.", "Bed 4 - K. Lindqvist").
BED_THEN_NAME = re.compile(
    rf"(?<!\w)(?:bed|lit|civière|stretcher|room|chambre|bay)\s*#?\s*\d{{1,4}}[A-Z]?\s*[:–—-]\s*"
    rf"(?-i:(?P<name>{NAME_WORD},\s*(?:{NAME_WORD}|[A-Z]\.)|(?:[A-Z]\.\s?)?{NAME_WORD}(?:\s+{NAME_WORD})?))",
    re.IGNORECASE,
)
# A name as a board or a screen prints it, an initial and a surname in capitals ("B. LEFEBVRE", "LEFEBVRE, B."),
# in a post that speaks of a board or a screen; four capitals at least, so an initial and an acronym ("J. CDC")
# are none.
NAME_IN_CAPITALS = re.compile(
    r"(?<![\w.'’-])(?:[A-Z]\.\s?(?P<after>[A-Z]{4,}(?:-[A-Z]{3,})?)|(?P<before>[A-Z]{4,}(?:-[A-Z]{3,})?),\s?[A-Z]\.)"
    r"(?![\w-])"
    # As a band, a label or a board prints it, short or accented surnames too: "CYR, M.", « HACHÉ N. », « DELMAS
    # Yvette », "MATEO R-C" (a first name and the initials of two surnames).
    r"|(?<![\w.'’-])(?P<surname>[A-ZÀ-ÖØ-Þ]{3,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?)(?:,\s?|\s)[A-Z]\.(?![\w-])"
    r"|(?<![\w.'’-])(?P<family>[A-ZÀ-ÖØ-Þ]{3,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?)\s(?P<given>[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+)(?![\w-])"
    r"|(?<![\w.'’-])(?P<first>[A-ZÀ-ÖØ-Þ]{3,})\s[A-Z](?:-[A-Z])?(?=\s+(?:DOB|DDN|\d))"
)
NAME_IN_CAPITALS_BOARD = re.compile(
    r"\b(?:tracking board|whiteboard|board|screen|monitor|census|tableau|écran|babillard|band|wristband|bracelet|"
    r"label|étiquette|sticker|DOB|DDN|date de naissance)s?\b",
    re.IGNORECASE,
)
# A record's line: the name, a dash, a date of birth (« HACHÉ N. – 17-04-1933 – VIT-2219047 »).
DATE_AFTER_A_NAME = re.compile(r"\s*[–—-]\s*\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d\b")
SALUTATIONS = frozenset({"m.", "mme", "mlle", "mr.", "mrs.", "ms.", "ms", "mr", "mrs"})


# A place or an organization with an address or a number: "Kenora Public Library, 24 Main St S.".
PLACE_WORDS = frozenset(
    "library bibliothèque hall centre center church église school école arena aréna park parc pharmacy pharmacie "
    "hospital hôpital clinic clinique lodge manor house maison office bureau residence résidence foundation "
    "fondation legion légion public health santé street st avenue road chapel chapelle cathedral cathédrale temple "
    "mosque mosquée synagogue funeral funéraire institute institut university université faculty faculté campus "
    "building bâtiment".split()
)


# A word that goes on in lower case after an apostrophe is a brand or a service, not a surname (O'Brien, D'Amours):
# « Agri'écoute : 09 69 39 29 19 ».
BRAND_APOSTROPHE = re.compile(r"\w['’](?!s\b)[a-zà-ÿ]")


def _a_person(name: str) -> bool:
    if BRAND_APOSTROPHE.search(name):
        return False
    words = [word.lower().rstrip(".") for word in re.split(r"[\s,-]+", name) if word]
    words = [word for word in words if word + "." not in SALUTATIONS and word not in SALUTATIONS | {"et", "and"}]
    words = [word for word in words if len(word) > 1]  # "HALVORSEN, I.": an initial is no pronoun
    return bool(words) and not any(word in lexicon.NOT_A_NAME or word in PLACE_WORDS for word in words)


def _not_a_colleague_or_place(text: Text, start: int) -> bool:
    before = text.value[max(0, start - 12) : start]
    return not (
        re.search(r"(?:\bDr|\bDre|\bPre|\bPr|\bProf|\bMe)\.?\s*$", before) or clinical.names_a_place(text, start)
    )


def _patients_name(text: Text, start: int, end: int, reason: str) -> list[Hit]:
    """The name at ``start:end`` as a patient's, with "a patient" as its fix; none when it is nobody's name, a
    colleague's (a doctor's title before it) or a place's."""
    if _a_person(text.value[start:end]) and _not_a_colleague_or_place(text, start):
        return [Hit(Category.NAME, start, end, reason, clinical._patient_phrase(text, ""))]
    return []


def _patients_named_by(text: Text, pattern: re.Pattern[str], reason: str) -> list[Hit]:
    """:func:`_patients_name` for the ``name`` group of each of ``pattern``'s matches."""
    hits = []
    for match in pattern.finditer(text.value):
        hits += _patients_name(text, *match.span("name"), reason)
    return hits


def names_on_records(text: Text) -> list[Hit]:
    """A name beside a date of birth, a chart or card number or a street address, or read off a document."""
    hits, spans = [], set()
    for match in NAME_THEN_RECORD.finditer(text.value):
        spans.add(match.span("name"))
    if DOCUMENT_CUE.search(text.value):  # most posts name no document: skip reading before every name
        for match in RECORD_NAME_AT.finditer(text.value):
            before = text.value[max(0, match.start() - 90) : match.start()]
            if RECORD_BEFORE.search(before):
                spans.add(match.span("name"))
    for match in BED_THEN_NAME.finditer(text.value):
        if not text.sentence_has(clinical.ROOM_EVENT_CUES, match.start()):
            spans.add(match.span("name"))
    board = NAME_IN_CAPITALS_BOARD.search(text.value)
    if board or DATE_AFTER_A_NAME.search(text.value):
        for match in NAME_IN_CAPITALS.finditer(text.value):
            if not (board or DATE_AFTER_A_NAME.match(text.value, match.end())):
                continue
            surname = match["after"] or match["before"] or match["surname"] or match["family"] or match["first"]
            if surname.lower() in lexicon.NOT_A_NAME:
                continue
            if match["given"] and match["given"].lower() not in lexicon.FIRST_NAMES:
                continue  # « DELMAS Yvette », not "ICU Today"
            if match["first"] and match["first"].lower() not in lexicon.FIRST_NAMES:
                continue
            spans.add(match.span())
    for start, end in sorted(spans):
        hits += _patients_name(text, start, end, "name_patient")
    return hits


# Things of one person's care, after a possessive ("Edith's bloodwork") or before « de » (« le dossier de Gisèle »).
_CARE_THINGS_EN = (
    r"bloodwork|blood work|blood tests?|labs?|lab results|results|chart|scans?|mri|ct|x-rays?|biopsy|surgery|"
    r"operation|appointment|meds|medications?|prescription|discharge|admission|wound|cast|stitches|diagnosis|"
    r"file|records|referral|requisition|"
    r"prognosis|treatment|chemo|dialysis|iv|catheter|insulin|oxygen|fever|seizures?|vitals|room|bed"
)
_CARE_THINGS_FR = (
    r"dossier|prise de sang|prises de sang|bilan sanguin|résultats|chimio|chirurgie|opération|rendez-vous|"
    r"médicaments|diagnostic|traitement|plâtre|glycémie|pansement|biopsie|radiographie|scan|congé|insuline"
)
# An operation on a part of the body is no eponym's, so any name may own it: "So glad Ron's knee replacement went well".
_OPERATIONS = (
    r"(?:knee|hip|shoulder|ankle|wrist|back|spine|heart|cataract|gallbladder|hernia|bypass|valve)\s+"
    r"(?:replacement|surgery|operation|repair|scope|transplant)"
)
NAME_WITH_CARE = re.compile(
    rf"(?<![\w.'’])(?P<operated>{NAME_WORD})(?:'s|’s)\s+(?i:(?:first|last|latest|new)\s+)?(?i:{_OPERATIONS})\b|"
    rf"(?<![\w.'’])(?P<name>{NAME_WORD})(?:'s|’s)\s+(?i:(?:first|last|latest|new|morning|weekly)\s+)?"
    rf"(?i:{_CARE_THINGS_EN})\b"
    rf"|(?<!\w)(?i:{_CARE_THINGS_FR})\s+(?:de|d['’])\s*(?:(?:la petite|le petit|M\.|Mme)\s+)?(?P<name_fr>{NAME_WORD})"
)


def names_with_their_care(text: Text) -> list[Hit]:
    """A known first name with a thing of its care: "the lab lost Edith's bloodwork AGAIN"; not an eponym
    ("Alzheimer's diagnosis": not a first name) nor a titled colleague ("Dr. Sarah's clinic")."""
    hits = []
    for match in NAME_WITH_CARE.finditer(text.value):
        group = next(group for group in ("operated", "name", "name_fr") if match[group])
        start, end = match.span(group)
        name = match[group]
        known = name.lower() in lexicon.FIRST_NAMES or group == "operated"
        if group == "name" and not known and name.lower() not in lexicon.NOT_A_NAME:
            # "Noah Akavak's file": a surname owns the care too when a known first name comes before it.
            start = clinical._with_first_name(text, start)
            known = start < match.start(group)
        if not known or name.lower() in lexicon.NOT_A_NAME:
            continue
        if _not_a_colleague_or_place(text, start) and clinical._clinical_name(text, start, end, name):
            hits.append(Hit(Category.NAME, start, end, "name_in_care", clinical._patient_phrase(text, "")))
    return hits


EMAIL_LOCAL_NAME = re.compile(r"(?<![\w.+-])(?P<first>[a-zà-ÿ]{3,})(?P<rest>[._-][\w.-]*|\d[\w.-]*)@[\w-]+\.[\w.-]+")
# The address is the patient's when the sentence says a patient wrote from it.
WRITTEN_BY_A_PATIENT = re.compile(
    r"(?<!\w)(?:patient|patiente|sent me|wrote me|wrote to me|e-?mailed me|m['’]a écrit|m['’]a envoyé|"
    r"personal address|adresse personnelle)(?!\w)",
    re.IGNORECASE,
)
VOCATIVE_AFTER = re.compile(
    r"\s*,\s*(?:you|your|you've|you're|you’re|thank|thanks|if|vous|tu|t['’]|ton|ta|votre|merci|si)(?!\w)",
    re.IGNORECASE,
)

VOCATIVE_BEFORE = re.compile(r",\s*$")
VOCATIVE_END = re.compile(r"\s*[,.!?]")


def patients_addressed_by_their_address(text: Text) -> list[Hit]:
    """A patient who wrote from a personal address, then addressed by the name it holds:
    "A patient sent me an e-mail from bev.mcallister62@…. Bev, you've made my whole week!"."""
    if "@" not in text.value:
        return []
    names = {
        match["first"].capitalize()
        for match in EMAIL_LOCAL_NAME.finditer(text.value)
        if text.sentence_has(WRITTEN_BY_A_PATIENT, match.start())
    }
    hits = []
    for name in names - {word.capitalize() for word in lexicon.NOT_A_NAME}:
        for match in re.finditer(rf"(?<![\w@.#/-]){re.escape(name)}(?![\w@-])", text.value):
            # Addressed: "Bev, you've made my week", or set off by commas, "That's not how it works, Kev, but…".
            if VOCATIVE_AFTER.match(text.value, match.end()) or (
                VOCATIVE_BEFORE.search(text.value, max(0, match.start() - 3), match.start())
                and VOCATIVE_END.match(text.value, match.end())
            ):
                hits.append(Hit(Category.NAME, match.start(), match.end(), "name_in_care", ""))
    return hits


# A name the author made up for the story identifies no one: "let's call her Anna", "Sarah (not her real name)".
PSEUDONYM_GIVEN = re.compile(
    rf"(?:(?i:let['’]s|I['’]ll|we['’]ll|I will|we will)\s+call\s+(?i:him|her|them)|(?i:appelons-(?:le|la|les)|"
    rf"que j['’]appellerai|que nous appellerons|que j['’]appelle ici))\s*[«\"“]?\s*"
    rf"(?P<name>(?:(?:Mrs?|Ms|Mme|M)\.?\s+)?(?:{NAME_WORD}|[A-Z]\b))"
    rf"|(?P<name_then>{NAME_WORD})\s*[»\"”]?\s*\((?i:not (?:her|his|their) real name|names? changed|"
    rf"nom fictif|prénom fictif|pas son vrai (?:nom|prénom)|nom changé|prénom changé|pseudonyme?)\)"
)


PSEUDONYM_CUE = re.compile(r"call|appel|real name|changed|fictif|vrai|changé|pseudonym", re.IGNORECASE)


def pseudonyms(text: Text) -> set[str]:
    if not PSEUDONYM_CUE.search(text.value):
        return set()  # the pattern tries every capitalized word; most posts hold none of its cues
    return {match["name"] or match["name_then"] for match in PSEUDONYM_GIVEN.finditer(text.value)}


# A name then what it is to the author: "Les Gagnon, nos patients depuis trois générations", "Ernie, one of my
# longtime patients".
NAME_THEN_PATIENT = re.compile(
    # A nickname in quotes too: « Pensée pour « Ti-Gus », notre patient des soins palliatifs ».
    rf"(?<![\w'’.-])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*[»\"”]?\s*,\s*"
    r"(?i:(?:our|my|a|one of our|one of my|nos|mes|notre|ma|mon|un de nos|une de nos|l'une? de mes)\s+"
    r"(?:(?:long-?time|longtime|former|first|youngest|oldest|dear|fidèles?|anciens?|anciennes?)\s+)?"
    r"(?:patients?|patientes?))(?!\w)(?!\s+(?:advisory|partner|partenaire|navigator|relations))"
)


def names_said_to_be_patients(text: Text) -> list[Hit]:
    """A name followed by "our patient", « nos patients »: the author says who it is."""
    hits = []
    for match in NAME_THEN_PATIENT.finditer(text.value):
        start, end = match.span("name")
        family = re.match(r"(?:Les|The)\s+", match["name"])  # « Les Gagnon, nos patients… »
        start += family.end() if family else 0
        hits += _patients_name(text, start, end, "name_patient")
    return hits


# A patient told of the author's pride or encouraged, by name, at the end of a post about their care: "14 months
# sober today. So proud of you, Ray.", « Fière de toi, Ti-Jean. ». The post must be about care; a colleague named
# with a role stays out.
PRIDE_THEN_NAME = re.compile(
    rf"(?<!\w)(?i:(?:so\s+|very\s+|really\s+|super\s+)?proud of you|(?:si\s+|tellement\s+)?fi(?:er|ère|ers|ères)\s+"
    # The pride closes the sentence: "So proud of you, Megan, for finishing your residency" is a colleague's feat.
    rf"de\s+(?:toi|vous)"
    # Or the encouragement a patient gets: "Keep fighting, Nora.", « Lâche pas, Ti-Jean ! ».
    rf"|keep (?:it up|going|fighting)|hang in there|lâche pas|tiens bon|continue comme ça)"
    rf"\s*,\s*(?P<name>{NAME_WORD})(?=\s*(?:[.!]|$))"
)


def names_told_of_pride(text: Text) -> list[Hit]:
    return _patients_named_by(text, PRIDE_THEN_NAME, "name_in_care")


# New parents congratulated on a birth, and the newborns named after it: "Congratulations to Jane Doe and Sam on the
# arrival of their twins, Ada and Leo, born…", « Félicitations à Julie et Marc pour la naissance de leur fille, Léa ».
# On a birthing unit the mother is a patient, and the babies are; a colleague named with a role stays out.
BIRTH_CONGRATULATED = re.compile(
    r"(?<!\w)(?i:congratulations|congrats|félicitations|bravo)\s+(?i:to|à|aux)\s+(?P<parents>[^.!?;:]{1,80}?)\s+"
    r"(?i:on the (?:arrival|birth)\s+of|pour la naissance\s+(?:de|d['’])|pour l['’]arrivée\s+(?:de|d['’])"
    # Or straight on the baby: "Congrats to the Kakfwi family on baby Ethan", « Félicitations aux Roy pour bébé Léa ».
    r"|on(?=\s+(?:baby|their))|pour(?=\s+(?:bébé|leur)))\s*"
    r"(?i:their\s+|leur\s+|leurs\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?i:twins|triplets|baby|son|daughter|boy|girl|little one|jumeaux|jumelles|triplés|fille|fils|bébé|garçon)"
    rf"(?:\s*,?\s*(?P<babies>{NAME_WORD}(?:\s*(?:,|and|et|&)\s*{NAME_WORD})*))?"
)
NAME_RUN = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD})*")
# A newborn welcomed by name: "Welcome to the world, Ada!", « Bienvenue au monde, Léo ! ».
WELCOMED_TO_THE_WORLD = re.compile(
    r"(?<!\w)(?i:welcome to the world|welcome earthside|bienvenue au monde|bienvenue parmi nous)\s*,?\s*"
    rf"(?:(?i:little|baby|petit|petite|bébé)\s+)?(?P<babies>{NAME_WORD}(?:\s*(?:,|and|et|&)\s*{NAME_WORD})*)"
)

# The mother called by what her baby will call her, in a post telling a birth: « Maman Kim Roy a tout fait seule »,
# "Mom Tessa pushed for twenty minutes". Not in a post telling no birth (« Maman Louise aurait eu 90 ans »).
PARENT_NAMED_AT_A_BIRTH = re.compile(
    rf"(?<![\w'’-])(?:Maman|Papa|Mom|Mum|Dad)\s+(?P<babies>{NAME_WORD}(?:\s+{NAME_WORD})?)"
)
A_BIRTH_TOLD = re.compile(
    r"(?<!\w)(?:est née?|sont nés|naissance|accouchement|accouché|was born|were born|born at|delivered|delivery|"
    r"gave birth|labou?r and delivery|en travail|in labou?r|labou?r|apgars?|newborn|nouveau-née?|c-section|"
    r"césarienne|shoulder dystocia|dystocie)(?!\w)",
    re.IGNORECASE,
)


# A baby named by a parent: "Dad finally gets in and names her Storm", « son père l'a appelée Aurore ».
BABY_NAMED_BY_A_PARENT = re.compile(
    rf"(?<!\w)(?i:names|named|calls|called)\s+(?i:her|him|the baby|the girl|the boy)\s+(?P<babies>{NAME_WORD})"
    rf"|(?<!\w)(?i:l['’]a|l['’]ont)\s+(?i:appelée?|prénommée?|nommée?)\s+(?P<babies_fr>{NAME_WORD})"
)
# A baby named right after the birth is told: "she delivered a healthy 3.2 kg girl, Nova, at 03:55", « elle a mis au
# monde un petit garçon, Élio ».
BABY_NAMED_AFTER_THE_BIRTH = re.compile(
    r"(?<!\w)(?i:delivered|gave birth to|welcomed|a accouché d['’]|a donné naissance à|a mis au monde)\s*"
    r"(?i:an?|her|their|une?|sa|son|leur)?\s+(?:[\w.,'’-]+\s+){0,3}?"
    r"(?i:girl|boy|baby|son|daughter|fille|garçon|bébé|fils)\s*,?\s*(?i:named\s+|prénommée?\s+)?"
    rf"(?P<babies>{NAME_WORD})(?=\s*[,.!;]|\s+(?i:at|à|who|qui|born|née?|weighing|pesant)\b)"
)
# A baby named, then when it was born: « La Puce, née à 27 semaines, a quitté la néonat », "Mila, born at 31 weeks".
# A nickname may take an article, which is no part of the name.
BABY_NAMED_THEN_BORN = re.compile(
    rf"(?<![\w'’-])(?:(?:La|Le|Little|Baby|Bébé|P['’]tite?|Ti)\s+)?(?P<babies>{NAME_WORD})\s*,\s*"
    r"(?i:born|née?s?)\s+(?i:at|à)\s+\d{2}\s*(?i:weeks|wks|semaines|SA)\b"
)


WEEKDAY = re.compile(f"(?i:{lexicon.WEEKDAYS_EN}|{lexicon.WEEKDAYS_FR})")


def names_of_a_birth(text: Text) -> list[Hit]:
    hits = []
    parents_at_a_birth = PARENT_NAMED_AT_A_BIRTH.finditer(text.value) if A_BIRTH_TOLD.search(text.value) else ()
    for match in (
        *BIRTH_CONGRATULATED.finditer(text.value),
        *WELCOMED_TO_THE_WORLD.finditer(text.value),
        *BABY_NAMED_AFTER_THE_BIRTH.finditer(text.value),
        *BABY_NAMED_THEN_BORN.finditer(text.value),
        *(BABY_NAMED_BY_A_PARENT.finditer(text.value) if A_BIRTH_TOLD.search(text.value) else ()),
        *parents_at_a_birth,
    ):
        for group in ("parents", "babies", "babies_fr"):
            if group not in match.re.groupindex or not match[group]:
                continue
            named_at_birth = match.re in (BABY_NAMED_AFTER_THE_BIRTH, BABY_NAMED_THEN_BORN, BABY_NAMED_BY_A_PARENT)
            for name in NAME_RUN.finditer(match[group]):
                start = match.start(group) + name.start()
                # In a baby's naming slot a month or a place is the baby's name: "a girl, Nova", "a boy, August".
                a_baby = named_at_birth and not WEEKDAY.fullmatch(name.group())
                if (a_baby or _a_person(name.group())) and _not_a_colleague_or_place(text, start):
                    hits.append(Hit(Category.NAME, start, start + len(name.group()), "name_patient", ""))
    return hits


# Someone described, then named in apposition: "He's a retired long-haul trucker, Arvo Haukka, and he lives
# alone", "The index case was a line cook, Tomasz Wrona, who worked four shifts". In a post about care that is the
# patient; a role in the description ("a retired nurse, Jane Doe") makes a colleague, which privacy.stories reads.
DESCRIBED_THEN_NAMED = re.compile(
    r"(?:['’]s|(?<!\w)(?:is|was|est|était))\s+(?:a|an|un|une)\s+(?:[a-zà-ÿ'’-]+\s+){0,3}[a-zà-ÿ'’-]+\s*,\s*"
    rf"(?P<name>{NAME_WORD}\s+{NAME_WORD})(?=\s*,|\s+(?:and|et|who|qui)\b)"
)


def names_after_a_description(text: Text) -> list[Hit]:
    hits = []
    for match in DESCRIBED_THEN_NAMED.finditer(text.value):
        start, end = match.span("name")
        if clinical._clinical_name(text, start, end, match["name"].split()[-1]):  # not "a local hero, Terry Fox"
            hits += _patients_name(text, start, end, "name_in_care")
    return hits


# A patient who agreed to something, thanked by name in the same sentence: "with a real patient who kindly agreed to
# be filmed: thank you Gareth!", « une patiente qui a accepté d'être filmée : merci Lise ! ».
PATIENT_WHO_THEN_THANKED = re.compile(
    r"(?<!\w)(?i:patient|patiente)\s+(?i:who|qui)\b[^.!?]{0,80}?(?i:thank you|thanks|merci)\s*,?\s*(?:(?i:to|à)\s+)?"
    # The name closes the thanks: "thank you Twitter for the engagement" thanks no one in particular.
    rf"(?P<name>{NAME_WORD})(?=\s*(?:[!.,;]|$))"
)
# A name, then what it is to the author and an injury: « c'est bien Mathéo, notre ailier d'ouverture blessé aux
# genou », "Maya, our goalie who tore her ACL".
NAME_THEN_INJURED = re.compile(
    rf"(?<![\w'’.-])(?P<name>{NAME_WORD})\s*,\s*(?i:notre|nos|our|my|mon|ma)\s+(?:[\w'’-]+\s+){{0,3}}?"
    r"(?i:blessée?s?|injured|hurt|opérée?|who (?:tore|broke|injured|hurt|fractured))(?!\w)"
)


def patients_thanked_or_hurt(text: Text) -> list[Hit]:
    return [
        hit
        for pattern in (PATIENT_WHO_THEN_THANKED, NAME_THEN_INJURED)
        for hit in _patients_named_by(text, pattern, "name_patient")
    ]


# A person who opens a sentence that goes on to their own care: "Kokum Edna Whitehead showed me how she manages
# her sugars", « Lucienne m'a montré comment elle gère sa glycémie ». The care must follow "her"/"his" at once:
# "how she checks her patients' sugars" is a colleague's work.
_OWN_CARE_THINGS = (
    r"sugars|blood sugars?|diabetes|insulin|glucose|blood pressure|meds|medications|pills|dialysis|inhaler|oxygen|"
    r"chemo|wound|ostomy|cancer|glycémies?|insuline|diabète|médicaments|pilules|pompe|dialyse|oxygène|chimio|plaie|"
    r"stomie|tension"
)
SUBJECT_WITH_OWN_CARE = re.compile(
    rf"(?:(?P<prefix>{NAME_WORD})\s+)?(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s+[^.!?]{{0,60}}?"
    r"\b(?:she|he|elle|il)\b[^.!?]{0,30}?\b(?:her|his|sa|son|ses)\s+(?:own\s+)?"
    rf"(?:{_OWN_CARE_THINGS})(?![\w'’-])"
)


def names_with_their_own_care(text: Text) -> list[Hit]:
    hits = []
    for sentence_start, _ in text.sentence_bounds:
        while text.value[sentence_start : sentence_start + 1].isspace():
            sentence_start += 1
        match = SUBJECT_WITH_OWN_CARE.match(text.value, sentence_start)
        if not match:
            continue
        group = "name"
        if match["prefix"] and match["prefix"].lower() in lexicon.FIRST_NAMES:
            group = "prefix"  # "Edna Whitehead showed…": the first name is the prefix
        elif match["name"].split()[0].lower() not in lexicon.FIRST_NAMES:
            continue
        hits += _patients_name(text, match.start(group), match.end("name"), "name_in_care")
    return hits


# The person a reply is addressed to shares the patient's surname when they write about a parent: "@gilles_roy_71 …
# Mme Roy a choisi de ne pas être réanimée". A titled name whose surname a handle holds is the addressee (privacy.
# clinical leaves it out), unless its sentence tells that person's care in the third person, with no "you" in it.
CARE_OF_THE_NAMED = re.compile(
    r"(?<!\w)(?:dossier|chart|réanimée?|resuscitated|DNR|palliative|palliatifs|died|décédée?|chemo|chimio|dialysis|"
    r"dialyse|admitted|admise?|hospitalisée?|hospitalized|diagnosed|diagnostiquée?)(?!\w)",
    re.IGNORECASE,
)
SECOND_PERSON = re.compile(r"(?<!\w)(?:you|your|vous|votre|vos|tu|ton|ta|tes)(?!\w)", re.IGNORECASE)


def titled_relatives_of_the_addressee(text: Text) -> list[Hit]:
    if "@" not in text.value:
        return []
    handles = [handle.lower() for handle in re.findall(r"@\w+", text.value)]
    hits = []
    for match in clinical.HONORIFIC.finditer(text.value):
        surname = match["name"].split()[-1]
        if len(surname) <= 2 or not any(surname.lower() in handle for handle in handles):
            continue
        if text.sentence_has(CARE_OF_THE_NAMED, match.start()) and not text.sentence_has(SECOND_PERSON, match.start()):
            hits.append(Hit(Category.NAME, match.start(), match.end(), "name_titled", ""))
    return hits


# --- Habits of a fourth author's posts, each general to how clinicians write. ---

# A person who agreed to be filmed, photographed or written about is the patient the post shows: "Thanks to Bill
# Oyelaran, who agreed to be filmed", « merci à Lucien Gagné, qui a accepté d'être filmé ». A colleague keeps a title
# or a role beside the name, which the caller reads.
AGREED_TO_BE_SHOWN = re.compile(
    rf"(?<![\w'’.-])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*,\s*(?:who|qui)\s+"
    r"(?i:(?:(?:very\s+)?kindly|generously|graciously|bravely|gentiment|généreusement|courageusement)\s+)?"
    r"(?i:agreed|consented|accepted|gave\s+(?:us|me)\s+(?:permission|consent)|allowed\s+(?:us|me)|"
    r"a\s+(?:bien\s+)?(?:voulu|accepté|consenti)|(?:nous|m['’])a\s+(?:permis|autorisée?s?))(?!\w)"
    # To be shown or told, not any favour: « Boris Cyrulnik, qui a accepté de préfacer le livre » is no patient.
    r"[^.!?\n]{0,30}?(?i:film|photo|pictur|record|video|vidéo|shar|show|tell|told|post|publi|interview|stor|"
    r"témoign|racont|partag|enregistr|montr|entrevue|histoire)"
)
# A name then an age in apposition: "Tyler, a 19-year-old I treated", "Kenji Arsenault, a 17-year-old defenceman",
# « Kevin, un garçon de 12 ans ».
NAME_THEN_AGED = re.compile(
    rf"(?<![\w'’.-])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*,\s*"
    r"(?:(?i:an?)\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?i:years?|months?|weeks?)[- ]old"
    r"|(?i:une?)\s+(?:[\wà-ÿ'’-]+\s+){0,2}?de\s+\d{1,3}\s+(?i:ans|mois))(?![\w-])"
)
# A name then the patient it is, however described: "Winnie, the most stubborn patient in my practice", « Gilles,
# le plus fidèle de mes patients ». No preposition may stand between: "Jo, our nurse for patients" is staff.
NAME_THEN_DESCRIBED_PATIENT = re.compile(
    rf"(?<![\w'’.-])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*,\s*"
    r"(?i:the|le|la|l['’]|one of the|l['’]une? de mes|l['’]une? de nos|one of my|one of our)\s*"
    r"(?:(?!(?i:for|of|with|to|pour|des?|du|avec|à|aux)\b)[\wà-ÿ'’-]+\s+){0,3}?"
    r"(?i:patients?|patientes?)(?!\w)(?!\s+(?i:advisory|partner|partenaire|navigator|relations|advocate))"
)


AT_A_PLACE_BEFORE = re.compile(r"(?<!\w)(?i:in|at|from|near|(?<!merci )(?<!grâce )à|en|au|près de)\s+$")


def names_shown_with_consent_or_age(text: Text) -> list[Hit]:
    """A name, then that its person agreed to be shown, their age as "a 19-year-old", or that they are a patient
    however described."""
    hits = []
    for pattern in (AGREED_TO_BE_SHOWN, NAME_THEN_AGED, NAME_THEN_DESCRIBED_PATIENT):
        for match in pattern.finditer(text.value):
            start, end = match.span("name")
            if pattern is NAME_THEN_AGED and AT_A_PLACE_BEFORE.search(text.value, max(0, start - 16), start):
                continue  # "at our ER in Cochrane, a 17-year-old came in": the town, then the patient
            # Consent to be filmed is no film: the fiction and public-role cues are not read for it.
            if pattern is AGREED_TO_BE_SHOWN or clinical._clinical_name(text, start, end, match["name"].split()[-1]):
                hits += _patients_name(text, start, end, "name_patient")
    return hits


# A French card or wallet "of" someone, found or forgotten: « Carte d'assurance maladie de Paul Gendron oubliée à
# l'accueil », « le portefeuille de Mme Roy ». Only these things: « ordonnance de Tylenol » names a drug.
CARD_OF_NAME = re.compile(
    r"(?i:carte\s+(?:d['’]assurance[\s-]maladie|soleil|d['’]hôpital)|portefeuille|porte-cartes|sac à main)"
    r"\b[^.!?\n]{0,40}?\s(?:de|d['’])\s*(?:(?:M\.|Mme|Mlle)\s+)?"
    rf"(?-i:(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?))"
)


def names_on_a_card_in_french(text: Text) -> list[Hit]:
    """The owner of a health card or a wallet, named after « de »."""
    return _patients_named_by(text, CARD_OF_NAME, "name_on_label")


# Clinical shorthand puts the age right before the name, with no article: "Peds ER: 6-year-old Maya swallowed a
# magnet", "4-month-old Theo presented with…". With an article or a possessive it describes ("a 72-year-old Cree
# man", "our 9-year-old Labrador"), so none may stand before; and a verb must follow the name.
AGE_THEN_NAME = re.compile(
    r"(?<![\w'’-])\d{1,3}[- ](?i:years?|yrs?|months?|weeks?|days?)[- ]old\s+"
    rf"(?-i:(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?))"
    r"(?:\s*,\s*who\b|\s+(?:[a-z]+ed|is|was|has|had|came|comes|went|fell|got|ate|took|broke|swallowed|swallows|"
    r"presents|arrives|needs|walked|left|went|spent|told|taught|drew|made|rang|won)\b)"
)
DESCRIBED_BEFORE = re.compile(r"(?i:\b(?:a|an|the|my|our|his|her|their|your|this|that)\s+)$")


def names_right_after_their_age(text: Text) -> list[Hit]:
    """A name right after an age in clinical shorthand: "6-year-old Maya swallowed a magnet"."""
    hits = []
    for match in AGE_THEN_NAME.finditer(text.value):
        start, end = match.span("name")
        if DESCRIBED_BEFORE.search(text.value, max(0, match.start() - 8), match.start()):
            continue
        if clinical._clinical_name(text, start, end, match["name"].split()[-1]):
            hits += _patients_name(text, start, end, "name_with_age")
    return hits


# The family of a named person, in a post about care: "Anyone know the family of Doris Lafleur? She left her hearing
# aids in our ER", « la famille de Gérard Poulin nous a écrit ».
FAMILY_OF = re.compile(
    rf"(?<!\w)(?i:(?:the\s+)?famil(?:y|ies)\s+of|(?:la\s+)?famille\s+(?:de|d['’]))\s*"
    rf"(?:(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?)\s+)?(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)"
)
# A patient's belongings found with a name on them: 'Lock screen says "Mandeep"', « avec « Mamie Ginette » en fond
# d'écran ».
NAME_ON_A_SCREEN = re.compile(
    r"(?i:lock\s?screen|home\s?screen|wallpaper|screen|phone case|fond d['’]écran|écran(?: de verrouillage)?)\s+"
    r"(?i:says|said|reads|read|shows|showed|dit|disait|affiche|affichait|indique)\s*:?\s*[«\"“]?\s*"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)"
    rf"|[«\"“]\s*(?P<name_then>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*[»\"”]\s+"
    r"(?i:en fond d['’]écran|comme fond d['’]écran|sur l['’]écran|as (?:the |its )?(?:wallpaper|lock\s?screen)|on the "
    r"(?:lock\s?)?screen)"
)
# A patient given a nickname of endearment in quotes: 'Our little buddy "Tank" in PICU bed 3', « Notre petit « Ti-Loup »
# a soufflé ses bougies dans la chambre 7 »; or a nickname said after the name: « Kévin Roux, dit « Ketchup » ».
ENDEARED = re.compile(
    r"(?<!\w)(?i:our|my|notre|mon|ma)\s+(?i:little|tiny|wee|brave|sweet|petite?|brave|jeune)\s+"
    r"(?:(?i:buddy|champ|warrior|fighter|guy|man|lady|girl|boy|one|patient|patiente|bonhomme|guerrier|guerrière|"
    r"champion|championne|homme|bout de chou|trésor|protégée?|coco|cocotte)\s+)?"
    rf"[«\"“]\s*(?P<name>{NAME_WORD})\s*[»\"”]"
    rf"|(?<=[\wà-ÿ])\s*,?\s+(?i:dite?|alias|aka|a\.k\.a\.|known as|surnommée?)\s*[«\"“]\s*"
    rf"(?P<name_then>{NAME_WORD})\s*[»\"”]"
)


_AN_ANIMAL_AFTER = re.compile(
    r"\s*,\s*(?:our|the|a|an|notre|la|le|un|une)?\s*(?:[\w'’-]+\s+){0,2}"
    r"(?:dog|cat|puppy|kitten|horse|mascot|chien|chienne|chat|chatte|chiot|mascotte)\b",
    re.IGNORECASE,
)


def names_by_the_patients_things(text: Text) -> list[Hit]:
    """The family of a named person beside care, a name on a found phone's screen, a patient's nickname."""
    hits = []
    for match in FAMILY_OF.finditer(text.value):
        start, end = match.span("name")
        if clinical._clinical_name(text, start, end, match["name"].split()[-1]):
            hits += _patients_name(text, start, end, "name_relative")
    for pattern in (NAME_ON_A_SCREEN, ENDEARED):
        for match in pattern.finditer(text.value):
            group = "name" if match["name"] else "name_then"
            if _AN_ANIMAL_AFTER.match(text.value, match.end()):
                continue  # "Our little buddy «Rex», the therapy dog"
            hits += _patients_name(text, *match.span(group), "name_in_care")
    return hits


# A patient's own handle holds the first name the post then uses: "Une patiente de 16 ans… son compte Instagram,
# @lou.mange.bien… Lou choisit elle-même ce qu'elle partage".
HANDLE_FIRST_WORD = re.compile(r"(?<![\w.@])@(?P<first>[a-zà-ÿ]{3,})(?:[._-]|\d)[\w.-]*")


def patients_named_by_their_handle(text: Text) -> list[Hit]:
    if "@" not in text.value:
        return []
    names = {
        match["first"].capitalize()
        for match in HANDLE_FIRST_WORD.finditer(text.value)
        if text.sentence_has(WRITTEN_BY_A_PATIENT, match.start())
    }
    hits = []
    for name in names - {word.capitalize() for word in lexicon.NOT_A_NAME}:
        for match in re.finditer(rf"(?<![\w@.#/-]){re.escape(name)}(?![\w@-])", text.value):
            hits += _patients_name(text, match.start(), match.end(), "name_in_care")
    return hits


# Someone thanked by name, then told when the author will see them at a visit: "Thanks for the kind words, Linda!
# … See you both at his 6-week check", « Merci pour votre message, Lise ! On se voit au suivi de mars ».
THANKED_BY_NAME = re.compile(rf"(?<!\w)(?i:thanks|thank you|merci)\b[^.!?\n]{{0,50}}?,\s*(?P<name>{NAME_WORD})\s*[!.]")
SEE_YOU_AT_A_VISIT = re.compile(
    r"(?<!\w)(?:see you|à bientôt|on se voit|au plaisir de vous (?:re)?voir|je vous vois)\b[^.!?\n]{0,30}?"
    # Their own visit: "at his 6-week check", « à votre suivi »; not "the follow-up symposium".
    r"\b(?:your|his|her|their|votre|ton|ta|son|sa|leur)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:appointment|check|check-?up|visit|follow-?up|rendez-vous|suivi|contrôle|visite)s?(?!\w)",
    re.IGNORECASE,
)


def patients_thanked_before_a_visit(text: Text) -> list[Hit]:
    if not SEE_YOU_AT_A_VISIT.search(text.value):
        return []
    return _patients_named_by(text, THANKED_BY_NAME, "name_in_care")


# A full name arriving the way patients arrive, whatever the first name: "Jessa Bergstrom arrived at 35 weeks in
# active labour", « Aurélie Chabert est arrivée en travail », "Tom Reyes came in by ambulance".
ARRIVED_IN_NEED = re.compile(
    rf"(?<![\w'’.-])(?P<name>{NAME_WORD}\s+{NAME_WORD})\s+"
    r"(?:arrived|came in|showed up|presented|was brought in|est arrivée?|s['’]est présentée?|a été amenée?)\b"
    r"[^.!?\n]{0,40}?\b(?i:in (?:active |early )?labou?r|at \d{2} weeks|by ambulance|in cardiac arrest|"
    r"in respiratory distress|unresponsive|en travail|à \d{2} semaines|en ambulance|en arrêt cardiaque|"
    r"inconsciente?)(?!\w)"
)


def patients_arriving_in_need(text: Text) -> list[Hit]:
    hits = []
    for match in ARRIVED_IN_NEED.finditer(text.value):
        start, end = match.span("name")
        if clinical._clinical_name(text, start, end, match["name"].split()[-1]):
            hits += _patients_name(text, start, end, "name_in_care")
    return hits


# --- Habits of the seventh to ninth authors' posts, each general to how clinicians write. ---

# A patient or a relative answered by first name, about their own care, in the second person: "Doris, stop the
# metformin the morning of your CT", "So sorry for your loss, Trish. Your dad…", « Merci Sandrine pour ton message…
# ta maman peut revenir », "Yes Carol, we got the referral back… will call you". A name opening a sentence or after
# a greeting, set off by a comma (or « Merci Sandrine pour »), or closing a clause after one.
ADDRESSED_BY_NAME = re.compile(
    r"(?:(?<![^\s.!?…])(?=[A-ZÉ])|(?i:\b(?:yes|no|oui|non|hi|hello|hey|dear|bonjour|salut|thank you|thanks|merci|"
    r"cher|chère)\b)\s*,?\s*)"
    rf"(?P<name>{NAME_WORD})(?=\s*[,!]|\s+(?:pour|for)\b)"
    rf"|,\s*(?P<closing>{NAME_WORD})\s*[.!]"
)
SENTENCE_OPENS_BEFORE = re.compile(r"(?:^|[.!?…»\"”]\s+|\n)$")
ADDRESSED_OWN_CARE = re.compile(
    rf"(?<!\w)(?:your|ton|ta|tes|votre|vos)\s+(?:[\w'’-]+\s+)?(?:{clinical.RELATIVES}|mom|mum|dad|maman|papa|loss|"
    r"words|story|message|ct|mri|scan|results?|referral|appointment|surgery|meds|medications?|foot|hip|knee|back|"
    r"pied|hanche|genou|dos|rendez-vous|résultats|pansement|opération|traitement|ordonnance)(?!\w)"
    r"|(?<!\w)(?:referral|gallbladder|biopsy|results|rendez-vous|résultats|pansement)(?!\w)",
    re.IGNORECASE,
)
ADDRESSEE_SECOND_PERSON = re.compile(r"(?<!\w)(?:you|your|vous|votre|vos|tu|ton|ta|tes|t['’])(?!\w)", re.IGNORECASE)


def patients_addressed_by_name(text: Text) -> list[Hit]:
    hits = []
    for match in ADDRESSED_BY_NAME.finditer(text.value):
        group = "name" if match["name"] else "closing"
        start, end = match.span(group)
        name = match[group]
        if name.lower() not in lexicon.FIRST_NAMES or name.lower() in lexicon.NOT_A_NAME:
            continue
        if group == "name" and match.start() == start and not SENTENCE_OPENS_BEFORE.search(text.value, 0, start):
            continue  # a capitalised word mid-sentence with a comma after it is no one addressed
        sentence_start, _ = text.sentence_around(start)
        _, next_end = text.sentence_around(min(len(text.value) - 1, text.sentence_around(start)[1] + 1))
        window = text.value[sentence_start:next_end]
        if ADDRESSEE_SECOND_PERSON.search(window) and ADDRESSED_OWN_CARE.search(window):
            hits += _patients_name(text, start, end, "name_in_care")
    return hits


# A patient named by a courtesy title and an initial, as a case is presented: "91 isn't old, said Mr. F. on
# admission", « Mme L., 93 ans, « démente » selon le courrier ». Not before a surname ("M. J. Tremblay" is read whole).
TITLED_INITIAL = re.compile(r"(?<![\w.])(?:Mrs?|Ms|Mme|Mlle|M)\.?\s+[A-Z]\.(?!\s?[A-Z][a-zà-ÿ])(?!\w)")


def patients_named_by_a_titled_initial(text: Text) -> list[Hit]:
    return [
        Hit(Category.NAME, match.start(), match.end(), "name_initials", "")
        for match in TITLED_INITIAL.finditer(text.value)
    ]


# A family signing a letter quoted in a post: '— Fiona, Rory and Desmond Gallagher."', « Signé Louise, Danielle et
# Pierre Gauvreau ». Several first names and the surname they share make a family, not an author's pen name.
FAMILY_SIGNING = re.compile(
    rf"(?:(?<=[—–]\s)|(?<=[—–])|(?i:signé|signed|love|with love|sincerely|avec amour|affectueusement)\s*,?\s+)"
    rf"(?P<names>{NAME_WORD}(?:\s*,\s*{NAME_WORD})*\s+(?:and|et|&)\s+{NAME_WORD}\s+{NAME_WORD})(?=\s*[.!\"”»]|\s*$)"
)


def families_signing_a_letter(text: Text) -> list[Hit]:
    hits = []
    for match in FAMILY_SIGNING.finditer(text.value):
        for name in re.finditer(NAME_WORD, match["names"]):
            start = match.start("names") + name.start()
            hits += _patients_name(text, start, start + len(name.group()), "name_relative")
    return hits


# Someone a patient keeps asking or calling for, by name: 'she keeps asking for "Donnie"', « elle réclame « Jojo » ».
# In quotes, or in English after "for" with a known first name.
ASKED_FOR_BY_NAME = re.compile(
    r"(?<!\w)(?i:asking|asks|asked|calling|calls|called|crying|cries|cried|réclame|réclamait|demande|demandait|"
    r"appelle|appelait)\s+(?:(?i:for|après)\s+)?"
    rf"(?:[«\"“]\s*(?P<quoted>{NAME_WORD})\s*[»\"”]|(?<=for )(?P<name>{NAME_WORD})(?!\s*[A-Z]))"
)


def names_asked_for(text: Text) -> list[Hit]:
    hits = []
    for match in ASKED_FOR_BY_NAME.finditer(text.value):
        group = "quoted" if match["quoted"] else "name"
        if group == "name" and match[group].lower() not in lexicon.FIRST_NAMES:
            continue
        hits += _patients_name(text, *match.span(group), "name_relative")
    return hits


# A child thanked with a parent, in the name's own words: "Thank you Sione and his mom for the hand-drawn card",
# « Merci à Léa et à sa maman pour le dessin ». A colleague is thanked without a parent beside.
THANKED_WITH_A_PARENT = re.compile(
    rf"(?<!\w)(?i:thank you|thanks|merci|bravo|kudos|shoutout|shout-out)\s+(?i:to\s+|à\s+)?(?P<name>{NAME_WORD})\s+"
    r"(?i:and|et)\s+(?:(?i:à)\s+)?(?i:his|her|their|sa|son|ses)\s+"
    r"(?i:mom|mum|mother|dad|father|parents|family|maman|papa|mère|père|parents|famille)(?!\w)"
)
# Greetings passed through the one written to: "so glad he's walking again. Tell Gerald I said hi", « Dites bonjour
# à Gérard de ma part ».
GREETINGS_PASSED = re.compile(
    rf"(?<!\w)(?i:tell|give)\s+(?P<name>{NAME_WORD})\s+(?i:I\s+said\s+(?:hi|hello)|my\s+(?:best|love|regards))"
    rf"|(?<!\w)(?i:dites|dis)\s+(?i:bonjour|salut)\s+(?i:à)\s+(?P<name_fr>{NAME_WORD})"
)


# The child's own care, told beside the thanks: "three months since his appendectomy", « après son plâtre ».
CHILDS_CARE = re.compile(
    rf"(?<!\w)(?:{_CARE_THINGS_EN}|{_CARE_THINGS_FR}|[a-z]+{clinical.OPERATION_SUFFIX})(?!\w)",
    re.IGNORECASE,
)


def names_thanked_with_a_parent_or_greeted(text: Text) -> list[Hit]:
    hits = []
    for match in (*THANKED_WITH_A_PARENT.finditer(text.value), *GREETINGS_PASSED.finditer(text.value)):
        group = "name_fr" if match.re is GREETINGS_PASSED and match["name_fr"] else "name"
        if match[group].lower() in lexicon.NOT_A_NAME:
            continue
        if match.re is THANKED_WITH_A_PARENT and not CHILDS_CARE.search(text.value, match.end(), match.end() + 160):
            continue  # "Thanks Kim and her family for hosting our barbecue": a colleague's family
        hits += _patients_name(text, *match.span(group), "name_in_care")
    return hits


# --- Habits of the tenth and eleventh authors' posts (names19), each general to how clinicians write. ---

# A name that owns a part of the body, an injury, a device or a contact point is the patient's: "about Milo's wrist",
# "Joanasie's dislocated finger", "three years since Jaylen's overdose", "Kenny's number: 709-…", « sur le nez de
# Lenny », « le code postal de Nelly ». No bare fracture or disease: "Smith's fracture", « maladie de Parkinson »,
# « fracture de Colles » are eponyms.
NAMES19_BODY_PARTS_EN = (
    # "Mike's head of department", "Ana's hand-washing poster": a head that leads, a hand that is a compound's, no body.
    r"wrist|arm|elbow|hand(?!-|\s+(?:hygiene|washing|off|over|surgeon|book|out))|finger|thumb|leg|knee|ankle|foot|toe|hip|shoulder|collarbone|clavicle|neck|"
    r"head(?!\s+(?:of|nurse|coach|office|start))|nose|jaw|"
    r"ribs?|spine|hamstring|ACL|MCL|Achilles|tendon|shin|heel|skull|eye"
)
NAMES19_INJURED = r"broken|fractured|dislocated|sprained|torn|injured|sore|swollen|burned|burnt|left|right|bad|good"
NAMES19_POSSESSED_EN = (
    rf"(?:(?i:{NAMES19_INJURED})\s+){{0,2}}(?i:{NAMES19_BODY_PARTS_EN})"
    r"|(?i:concussion|sprain|overdose|OD|relapse|burns?|injury|injuries|EpiPen|epi-pen|inhaler|insulin pump|pump|"
    r"crutches|sling|brace|(?:[A-Z]{2,3}\s+)?health card|care card|postal code|address|tent|bunk|van)"
    # A number or a phone is someone's when one follows: "Kenny's number (he asked): 709-…", not "Jo's number one fan".
    r"|(?i:number|phone|cell|cell number|phone number)(?=[^.!?\n]{0,60}\d)"
)
NAMES19_BODY_PARTS_FR = (
    # « le bras droit de Julie » is her right-hand person.
    r"poignet|bras(?!\s+droit)|coude|main|doigt|pouce|jambe|genou|cheville|pied|orteil|hanche|épaule|clavicule|cou|"
    r"tête|nez|"
    r"mâchoire|côtes?|dos|colonne|ischio-jambiers?|tendon|tibia|talon|crâne|œil|yeux"
)
NAMES19_POSSESSED_FR = (
    rf"(?:{NAMES19_BODY_PARTS_FR})(?:\s+(?:gauche|droite?))?"
    r"|commotion|entorse|surdose|overdose|rechute|brûlures?|blessure|plâtre|béquilles|attelle|EpiPen|pompe|"
    r"inhalateur|carte(?:\s+d['’]assurance[\s-]maladie|\s+vitale|\s+soleil)?|code postal|adresse|tente|"
    r"(?:numéro|téléphone|cellulaire|portable)(?=[^.!?\n]{0,60}\d)"
)
NAMES19_NAME_WITH_THINGS = re.compile(
    rf"(?<![\w.'’@#])(?P<name>{NAME_WORD})(?:'s|’s)\s+(?:{NAMES19_POSSESSED_EN})(?![\w-])"
    rf"|(?<![\w-])(?i:{NAMES19_POSSESSED_FR})\s+(?:de|d['’])\s*(?P<name_fr>{NAME_WORD})(?![\w'’-])"
)


# A number at a desk, an office or a clinic is a colleague's: "Emily's phone number at the front desk".
NAMES19_AT_WORK = re.compile(
    r"(?<!\w)(?:front desk|desk|reception|receptionist|office|clinic line|appointments?|booking|secrétariat|"
    r"secrétaire|accueil|bureau|réception|rendez-vous|poste)(?!\w)",
    re.IGNORECASE,
)
NAMES19_CONTACT_POINT = re.compile(r"number|phone|cell|numéro|téléphone|cellulaire|portable", re.IGNORECASE)


def names19_names_with_their_things(text: Text) -> list[Hit]:
    """A known first name that owns a part of the body, an injury, a device or a contact point; an unknown one too
    when the injury is told ("Joanasie's dislocated finger")."""
    hits = []
    for match in NAMES19_NAME_WITH_THINGS.finditer(text.value):
        group = "name" if match["name"] else "name_fr"
        name = match[group].lower()
        told = re.match(rf"(?i:{NAMES19_INJURED})\s", text.value[match.end(group) + 3 :]) and group == "name"
        if name in lexicon.NOT_A_NAME or not (name in lexicon.FIRST_NAMES or told):
            continue
        start, end = match.span(group)
        if NAMES19_CONTACT_POINT.search(match.group()) and text.sentence_has(NAMES19_AT_WORK, start):
            continue
        # A body part is no addressee's: "@maddie_and_milo_mama … about Milo's wrist" names the child.
        if _names19_no_public_figure(text, start, end):
            hits += _patients_name(text, start, end, "name_in_care")
    return hits


# A name in a bed, a birthing room, a bunk or a cell is a patient's, whatever else the sentence tells (rounds, a game
# of cards): "Shoutout to Lily in bed 7", "Nadia in LDR 2 at 11:58 pm", « Kervens … au secteur D, cellule 12 ».
# A meeting may be in room 6, never in bed 7.
NAMES19_NAME_IN_A_BED = re.compile(
    rf"(?<![\w.'’@#])(?P<name>{NAME_WORD}),?\s+(?:(?i:in|from|at|on|au|du|de la|dans la|dans le)\s+)"
    r"(?:(?i:bed|bunk|stretcher|incubator|isolette|cell|lit|civière|couchette|couveuse|cellule|incubateur)\s*#?\s*\d"
    # Staff work in an operating room or at triage; only a patient is in a birthing or recovery room.
    r"|(?-i:LDR|PACU)\s*#?\s*\d)"
)
# The relative of a named person is a patient's: « rappeler Mme Simard, mère de Zachary », « la sœur de Frantz
# Dorval », « Aux parents de Nolan (gardien, #30) : son IRM… », "the parents of Maya". The person is the patient.
NAMES19_RELATIVE_OF = re.compile(
    r"(?<![\w-])(?i:(?:parents|mère|père|maman|papa|sœur|soeur|frère|fils|fille|grand-mère|grand-père|mamie|papi|"
    r"tante|oncle|conjointe?|épouse|mari|femme|famille)\s+(?:de|d['’])|"
    r"(?:parents|mom|mother|dad|father|sister|brother|grandmother|grandfather|grandma|grandpa|family|wife|husband)"
    r"\s+of)\s*(?:(?:la petite|le petit|little)\s+)?"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)(?![\w'’-])"
)


# "The mother of Jesus" in a nativity scene is no patient's relative.
NAMES19_HOLY_FAMILY = frozenset({"jesus", "jésus", "christ", "god", "dieu"})


def names19_names_in_beds_or_of_relatives(text: Text) -> list[Hit]:
    hits = []
    for match in NAMES19_NAME_IN_A_BED.finditer(text.value):
        if match["name"].lower() in lexicon.FIRST_NAMES:
            hits += _patients_name(text, *match.span("name"), "name_patient")
    for match in NAMES19_RELATIVE_OF.finditer(text.value):
        start, end = match.span("name")
        if NAMES19_THANKED_BEFORE.search(text.value, max(text.sentence_around(start)[0], start - 60), start):
            continue  # « Merci au père de Julien, qui a réparé nos fauteuils »: a volunteer thanked
        if match["name"].lower() in NAMES19_HOLY_FAMILY:
            continue
        words = match["name"].lower().split()
        # A full name is a person's whatever its first name: « la sœur de Frantz Dorval ».
        known = words[0] in lexicon.FIRST_NAMES or len(words) == 2
        if known and not set(words) & lexicon.NOT_A_NAME and clinical._clinical_name(text, start, end, words[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    return hits


# A name as a label, a band or a board prints it, in capitals, opening a quote the post reads off it: 'the label reads
# "TREVOR MACISAAC — hydromorphone 8 mg"', 'The ER board: "BOUTILIER K — Resus 2"', « au nom de « ÉLIOT GIRARD » »,
# « le tableau affiche « Ch. 4 DESROSIERS M.-È. – P-38 » ». A full name needs a known first name at either end; a
# surname with initials needs a dash, a comma or the quote's end after it, so an acronym and a dose ("OD ?fent")
# are none.
NAMES19_CAPITALS = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’]{1,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?"
NAMES19_QUOTED_CAPITALS = re.compile(
    r"[«\"“]\s*(?:(?i:ch\.|bed|lit|room|rm|chambre|civière|bay)\s*\d{1,4}[A-Z]?\s*[:–—-]?\s*)?"
    rf"(?:(?P<full>{NAMES19_CAPITALS},?\s+{NAMES19_CAPITALS})(?=\s*(?:[–—,:»\"”]|-\s))"
    rf"|(?P<initialled>[A-ZÀ-ÖØ-Þ]{{3,}}(?:-[A-ZÀ-ÖØ-Þ]{{2,}})?,?\s+[A-ZÀ-ÖØ-Þ]\.?(?:-?[A-ZÀ-ÖØ-Þ]\.?)?)"
    r"(?=\s*(?:[–—,:»\"”]|-\s)))"
)


def _names19_known_first_name(word: str) -> bool:
    plain = unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()
    return word.lower() in lexicon.FIRST_NAMES or plain in lexicon.FIRST_NAMES


def names19_names_in_capitals_quoted(text: Text) -> list[Hit]:
    if not NAME_IN_CAPITALS_BOARD.search(text.value):
        return []
    hits = []
    for match in NAMES19_QUOTED_CAPITALS.finditer(text.value):
        group = "full" if match["full"] else "initialled"
        words = [word for word in re.split(r"[\s,]+", match[group]) if len(word.rstrip(".")) > 2]
        if not words or any(word.lower() in lexicon.NOT_A_NAME for word in words):
            continue
        if group == "full" and not (_names19_known_first_name(words[0]) or _names19_known_first_name(words[-1])):
            continue
        if words[0].lower() in NAMES19_BANNER_WORDS:
            continue
        hits += _patients_name(text, *match.span(group), "name_on_label")
    return hits


# A name, then in a clause or a participle what happened to them as a patient: "Rosie Tavares, who turned 5 in room
# 4218", "Theo 🎨 who broke his arm", "Alfie, who I met in the shelter beds", "Dale Kowalski, treated at the clinic",
# « Noé Lachance, qui sort après 6 semaines », « Béatrice, qui souffle ses 6 bougies », « Dieudonné, celui qui dort au
# refuge », « Killian Baylac, brûlé le 31 décembre », « Nawel, revenue de sa fracture du doigt ».
# Where someone with no home sleeps: "Tom sleeps at the hospital on call nights" is staff, « Julie dort au chalet » at
# home.
NAMES19_ROUGH_SLEEPING = (
    r"shelter|refuge|tent|tente|van|car\b|voiture|street|rue|park|parc|bridge|pont|encampment|campement|lot\b|"
    r"stationnement|couch|sofa|canapé|foyer|bunk|squat|doorway|porche|abri|mission"
)
NAMES19_CARE_IN_A_CLAUSE = (
    rf"(?:broke|fractured|tore|sprained|dislocated|burned|burnt|hurt|injured)\s+(?:his|her|their|a|the)\s+"
    rf"(?:[\w-]+\s+)?(?i:{NAMES19_BODY_PARTS_EN})|overdosed|relapsed|collapsed|"
    # An age turned, not "turned 5 years of work into this".
    r"turned\s+\d{1,3}(?!\d|\s*(?:years?|months?|%)\s+(?:of|into))|"
    # Not "was born": "Jenna, who was born in Halifax" is a biography; a birth story has its own rules.
    r"was\s+(?:admitted|discharged|diagnosed|hurt|injured|treated|transferred|intubated|airlifted)|"
    r"(?:is|was)\s+going\s+home|went\s+home|"
    rf"(?:sleeps|slept|lives|dort|dormait|vit)\s+(?:at|in|on|under|behind|au|à\s+la|aux|dans|sous|derrière)\s+"
    rf"[^.!?\n]{{0,40}}?(?i:{NAMES19_ROUGH_SLEEPING})|"
    r"met\b[^.;!?]{0,40}\b(?:in|at)\s+(?:the\s+|a\s+)?(?:shelter|detox|encampment|jail|prison)|beds?\s+\d|room\s+\d|"
    r"s['’]est\s+(?:cassée?|fracturée?|brûlée?|blessée?|luxée?|tordu)|a\s+fait\s+une\s+(?:surdose|overdose|rechute)|"
    # « qui sort de congé » is a colleague back from leave; one leaves hospital, detox or prison.
    r"sort(?:ait)?\s+(?:après\s+\d|(?:de|du)\s+(?:l['’]hôpital|l['’]unité|réa|prison|détention|cure|désintox|"
    r"l['’]urgence|soins)|aujourd|ce\s+matin|demain)|souffle\s+ses\s+\d+\s+bougies|"
    r"fête\s+ses\s+\d+\s+ans(?!\s+(?:de|d['’]))|"  # not « ses 30 ans de carrière »
    r"(?:lit|chambre|civière)\s+\d|hospitalisée?|opérée?|plâtrée?"
)
NAMES19_NAME_THEN_CLAUSE = re.compile(
    rf"(?<![\w'’.@#-])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*(?:[^\w\s.,;:!?()«»\"“”'’-]{{1,3}}\s*)?"
    r"(?:,\s*)?(?P<who>(?i:who|qui|celui\s+qui|celle\s+qui))\b(?P<clause>[^.;!?\n]{0,70})"
)
NAMES19_NAME_THEN_PARTICIPLE = re.compile(
    rf"(?<![\w'’.@#-])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*,\s*"
    r"(?:treated|admitted|discharged|airlifted|intubated|born|brûlée?|opérée?|hospitalisée?|admise?|plâtrée?|"
    r"née?\s+(?:le|à|en)|revenue?\s+(?:de|d['’])\s*(?:sa|son)\s+(?:fracture|blessure|commotion|entorse|opération|"
    r"chirurgie|rupture)|back\s+from\s+(?:his|her|their)\s+(?:fracture|injury|concussion|surgery))(?![\w-])"
)
NAMES19_CARE_IN_A_CLAUSE = re.compile(rf"(?<![\w-])(?:{NAMES19_CARE_IN_A_CLAUSE})(?![\w-])", re.IGNORECASE)


NAMES19_MET_AT = re.compile(r"\bmet\b", re.IGNORECASE)
NAMES19_BACK_FROM_AN_INJURY = re.compile(r"\s*,\s*(?:revenue?|back\s+from)\s", re.IGNORECASE)
NAMES19_THANKED_BEFORE = re.compile(
    r"(?:thanks to|thank you to|thanks,|kudos to|congratulations to|congrats to|welcome|merci à|merci aux|merci au|"
    r"bravo à|félicitations à|bienvenue)[^.!?]*$",
    re.IGNORECASE,
)


def names19_names_with_care_told_after(text: Text) -> list[Hit]:
    hits = []
    for pattern in (NAMES19_NAME_THEN_CLAUSE, NAMES19_NAME_THEN_PARTICIPLE):
        for match in pattern.finditer(text.value):
            if pattern is NAMES19_NAME_THEN_CLAUSE and not NAMES19_CARE_IN_A_CLAUSE.search(match["clause"]):
                continue
            start, end = match.span("name")
            words = match["name"].lower().split()
            # A known first name, a full name, or anyone "celui qui" points at is a person.
            person = words[0] in lexicon.FIRST_NAMES or len(words) == 2
            if pattern is NAMES19_NAME_THEN_CLAUSE and match["who"].lower().startswith(("who", "celui", "celle")):
                person = True  # "who" follows a person; « qui » a town as often (« Lévis, qui sort du lot »)
            if pattern is NAMES19_NAME_THEN_PARTICIPLE and AT_A_PLACE_BEFORE.search(
                text.value, max(0, start - 16), start
            ):
                continue  # "a retired operator from Verdun, admitted to our unit", « né à Bordeaux, hospitalisé »
            if pattern is NAMES19_NAME_THEN_PARTICIPLE and NAMES19_BACK_FROM_AN_INJURY.match(
                text.value, match.end("name")
            ):
                person = True  # « Nawel, revenue de sa fracture »: only a person comes back from an injury
            if not person or set(words) & lexicon.NOT_A_NAME:
                continue
            # A patient is thanked too (« Merci à Rosalie, qui sort aujourd'hui de l'unité »); only meeting someone at
            # a shelter is a volunteer's or a worker's story as often ("Thanks to Sam, who I met at the shelter").
            met = pattern is NAMES19_NAME_THEN_CLAUSE and NAMES19_MET_AT.search(match["clause"])
            if met and NAMES19_THANKED_BEFORE.search(
                text.value, max(text.sentence_around(start)[0], start - 60), start
            ):
                continue
            if _names19_no_public_figure(text, start, end):
                hits += _patients_name(text, start, end, "name_in_care")
    return hits


def _names19_no_public_figure(text: Text, start: int, end: int) -> bool:
    """Not a place, a public figure, a character or an author cited: the care told says the rest, so the public
    roles' cues of :func:`clinical._clinical_name` ("a cast signing party") are not read."""
    return not (
        clinical.names_a_place(text, start)
        or clinical.CITED_AFTER.match(text.value, end)
        or lexicon.PUBLIC_FIGURES.search(text.value, max(0, start - 20), end + 20)
        or clinical.FICTION_CUES.search(text.window(start, end, before=40, after=50))
    )


# A young athlete named with their position or jersey number is the player a sports-medicine post treats: "your centre
# Owen (#22, U16) can return to play", "Deshawn, our 15-year-old sprinter with the hamstring avulsion", « Pour ton
# talonneur Hugo (n° 2) », « notre ouvreur Clément, n° 10 ». A coach, a physio and a referee hold no position.
NAMES19_POSITIONS = (
    r"goalie|goaltender|goalkeeper|keeper|centre|center|winger|defenceman|defenseman|defender|striker|forward|"
    r"midfielder|sprinter|pitcher|catcher|shortstop|quarterback|linebacker|point guard|setter|libero|hooker|fly-half|"
    r"scrum-half|gymnast|swimmer|skater|wrestler|runner|jumper|gardienne?|ailière?|talonneur|ouvreur|pilier|"
    r"demi de mêlée|arrière|milieu|attaquante?|défenseure?|passeuse|passeur|libéro|sprinteuse|sprinteur|gymnaste|"
    r"nageuse|nageur|patineuse|patineur|lutteuse|lutteur|coureuse|coureur|sauteuse|sauteur"
)
# An injury or its care in the player's sentence makes the player a patient.
NAMES19_SPORTS_CARE = re.compile(
    rf"(?<![\w-])(?:{NAMES19_BODY_PARTS_EN}|{NAMES19_BODY_PARTS_FR}|injur\w*|concussion|commotion|protocol\w*|"
    r"return(?:ed|s)?\s+to|cleared|fracture\w*|sprain\w*|entorse|avulsion|tear|torn|déchirure|rupture|MRI|IRM|"
    r"x-rays?|rehab|réadaptation|blessée?|injured|hurt|surgery|chirurgie|opérée?|cast|plâtre|stitches|"
    r"retour\s+au\s+jeu|reprend\w*|back\s+(?:on|to|in))(?![\w-])",
    re.IGNORECASE,
)
NAMES19_AGE_OR_TEAM = r"(?:\d{1,2}-year-old|U\d{1,2}|M\d{1,2}|star|starting|young|jeune|petite?)"
NAMES19_PLAYER = re.compile(
    r"(?<![\w'’-])(?i:our|your|my|his|her|their|the team's|notre|ton|ta|votre|leur|mon|ma|nos|vos)\s+"
    rf"(?:(?i:{NAMES19_AGE_OR_TEAM})\s+)?(?i:{NAMES19_POSITIONS})(?:\s+(?i:{NAMES19_AGE_OR_TEAM}))?\s*,?\s+"
    rf"(?P<name>{NAME_WORD})(?![\w'’-])"
    rf"|(?<![\w'’.@#-])(?P<name_then>{NAME_WORD})\s*,\s*(?i:our|my|your|notre|ton|ta|votre)\s+"
    rf"(?:(?i:{NAMES19_AGE_OR_TEAM})\s+)?(?i:{NAMES19_POSITIONS})(?![\w-])"
    rf"|(?<![\w'’.@#-])(?P<name_numbered>{NAME_WORD})\s*(?:\(|,)\s*(?:(?i:{NAMES19_POSITIONS})\s*,\s*)?"
    # A jersey, not a rank: "Sam, #1 fan of the Jets".
    r"(?:#|n°\s?|no\.\s?)\d{1,2}(?!\d)(?!\s+(?:fan|in|of|on|pick|seed|choice|priority|rule|tip))"
)
# A baby or a relative named in apposition: "Her baby girl, Winter, arrived at 03:52", « Appel de la maman, Samira,
# à 2 h », « le fils de Mme Voltaire, Stéphane, passera ». A baby's name is any word set off so.
NAMES19_BABY = r"baby girl|baby boy|baby|newborn|bébé|petite fille|petit garçon|nouveau-née?"
NAMES19_KIN_IN_APPOSITION = re.compile(
    # Not the author's own: "our baby, Hope," "my son, Ethan," are family.
    r"(?<![\w'’-])(?<![Mm]y )(?<![Oo]ur )(?<![Mm]on )(?<![Nn]otre )(?<![Mm]a )"
    rf"(?:(?P<baby>(?i:{NAMES19_BABY}))|(?i:la maman|le papa|la mère|le père|le fils|la fille|la sœur|"
    r"le frère|la conjointe|le conjoint|l['’]épouse|le mari)(?:\s+(?:de|d['’])\s*(?:(?:M\.|Mme|Mrs?\.?|Ms\.?)\s+)?"
    rf"{NAME_WORD})?)\s*,\s*(?P<name>{NAME_WORD})\s*,"
)
# A nickname the patient chose or everyone uses: 'insisted I call her "Captain."', « Nounours (c'est comme ça que tout
# le monde l'appelle au CAARUD) »; a name, then in brackets that its person let the author tell: "Desmond (he said I
# could tell this)". A pseudonym the author chose ("let's call her Anna") is left out by the caller.
NAMES19_NICKNAME = re.compile(
    r"(?<!\w)(?i:(?:wanted|asked|insisted|told)\s+(?:me\s+|us\s+|that\s+)?(?:I|we|us|me|everyone)\s+(?:to\s+)?call\s+"
    r"(?:him|her|them)|(?:voulait|exigeait)\s+qu['’]on\s+l['’]appelle)\s*[«\"“]\s*"
    rf"(?P<name>{NAME_WORD})"
    rf"|(?<![\w'’.@#-])(?P<name_then>{NAME_WORD})\s*\((?i:c['’]est\s+comme\s+ça\s+qu[^)]{{0,40}}l['’]appel|"
    r"that['’]s\s+what\s+[^)]{0,30}call(?:s|ed)?\s+(?:him|her|them)|"
    r"as\s+(?:everyone|we\s+all|the\s+staff)\s+call(?:s|ed)?\s+(?:him|her|them)|"
    r"(?:he|she|they|il|elle)\s+(?:said|agreed|told me|gave me|let me|m['’]a\s+(?:dit|permis|autorisée?)|a\s+accepté)"
    r"[^)]{0,40}?(?:tell|share|post|write|permission|racont|partag|publi|écrire))"
)
# Where a named person sleeps or lives, and a note to self pointing a name at it: "the van Cheryl sleeps in at the
# mall lot", "Frankie = tent behind the centre", « Ginette dort sous le pont ».
NAMES19_SLEEPS_AT = re.compile(
    # Only where nobody works or is at home: a shelter, a tent, a car, the street ("Tom sleeps at the hospital on call
    # nights" is staff).
    rf"(?<![\w'’.@#-])(?P<name>{NAME_WORD})\s+(?:sleeps|slept|is\s+sleeping|lives|is\s+living|dort|dormait|vit|vivait)"
    r"\s+(?:(?:under|behind|sous|derrière)\s|(?:in\s+at|in|at|on|au|à\s+la|à\s+l['’]|aux|dans)\s+"
    rf"(?=[^.!?\n]{{0,40}}?(?i:{NAMES19_ROUGH_SLEEPING})))"
    rf"|(?<![\w'’.@#-])(?P<name_noted>{NAME_WORD})\s*=\s*(?i:tent|bunk|bed|van|car|shelter|room|tente|lit|refuge|"
    r"chambre|voiture)\b"
)
# A reply to a coach or a parent about a named child's care: "@coach_x about Jordan's…", « @papa_pompier_13 Pour Lyna,
# non, la glace sur une brûlure ». The name the handle holds is the addressee's, not a patient's.
NAMES19_REPLY_ABOUT = re.compile(
    rf"^(?:@\w+\s+)+(?i:pour|for|about|re|concernant|au sujet de)\s*:?\s+(?P<name>{NAME_WORD})\s*[,:]"
)

# Care in a reply's sentence: advice, a treatment, an injury.
NAMES19_CARE_IN_A_REPLY = re.compile(
    rf"{NAMES19_SPORTS_CARE.pattern}|brûlure|burn|ibuprof\w*|acetaminophen|acétaminophène|paracétamol|fever|fièvre|"
    r"rash|dose|consult\w*|urgences?|ER\b|ED\b|EpiPen|allerg\w*|asthm\w*|glace|ice\b",
    re.IGNORECASE,
)
# Words that open a banner, not a name: « BIENVENUE MARIE », "HAPPY BIRTHDAY SARAH".
NAMES19_BANNER_WORDS = frozenset(
    "welcome bienvenue happy joyeux joyeuse bonne bon merci thanks thank bravo go love congrats félicitations".split()
)


def names19_players_kin_nicknames_and_shelters(text: Text) -> list[Hit]:
    hits = []
    for pattern in (
        NAMES19_PLAYER,
        NAMES19_KIN_IN_APPOSITION,
        NAMES19_NICKNAME,
        NAMES19_SLEEPS_AT,
        NAMES19_REPLY_ABOUT,
    ):
        for match in pattern.finditer(text.value):
            group = next(name for name, value in match.groupdict().items() if value and name != "baby")
            start, end = match.span(group)
            name = match[group].lower()
            # Any word a baby is named by, a nickname, or one whose person let the author tell is a name.
            anyone = bool((pattern is NAMES19_KIN_IN_APPOSITION and match["baby"]) or pattern is NAMES19_NICKNAME)
            if name in lexicon.NOT_A_NAME and not anyone or not (anyone or name in lexicon.FIRST_NAMES):
                continue
            if pattern is NAMES19_PLAYER and not text.sentence_has(NAMES19_SPORTS_CARE, start):
                continue  # "Congrats to our striker Emma on her scholarship": a player, not a patient
            if pattern is NAMES19_REPLY_ABOUT and not text.sentence_has(NAMES19_CARE_IN_A_REPLY, start):
                continue  # "@dr_jones Re Bob, the lecture is at noon"
            if pattern is NAMES19_REPLY_ABOUT and any(
                name in handle.lower() for handle in re.findall(r"@\w+", text.value)
            ):
                continue
            if _names19_no_public_figure(text, start, end):
                hits.append(Hit(Category.NAME, start, end, "name_patient", clinical._patient_phrase(text, "")))
    return hits


# Initials with an age, as a case is presented: « L. M., 15 ans, gardienne de l'équipe », "J.T., 15, collapsed at the
# meet", "R.K. (82) fell at home". Two initials and an age set off: nobody writes a colleague so.
NAMES19_INITIALS_WITH_AGE = re.compile(
    r"(?<![\w.'’-])(?P<name>[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?)\s*(?:,\s*|\(\s*)\d{1,3}"
    r"(?:\s*(?:ans|an|y/?o|yo|years?(?:\s+old)?|-year-old|mois|months?))?\s*[,)]"
)
# An age right before a known first name, after "from", "to", "for" or a colon rather than an article: "from 8-year-old
# Arlo: 'can I have a robot arm?'", « de la part de Lou, 7 ans » is read elsewhere.
NAMES19_AGE_THEN_NAME = re.compile(
    r"(?<![\w-])(?i:from|to|for|with|by|de|pour|avec|à)\s+\d{1,2}[- ](?i:years?|months?)[- ]old\s+"
    rf"(?P<name>{NAME_WORD})(?=\s*[:,;—–\"“«(]|\s+(?i:who|qui|says|said|told|asked)\b)"
)
# Parents and their babies in a birth story: "Hannah and Jesse's twins, Odin and Freya, born Nov 27", « les jumelles de
# Sarah et Karim, Léa et Inès ». Any word that names a twin set off so is a name.
NAMES19_PARENTS_OF_BABIES = re.compile(
    rf"(?<![\w'’.-])(?P<first>{NAME_WORD})\s+(?:and|et|&)\s+(?P<second>{NAME_WORD})(?:['’]s)?\s+"
    r"(?i:twins|triplets|baby|babies|newborns?|daughter|son|jumeaux|jumelles|triplés|bébés?)(?![\w-])"
    # A party for the parents-to-be is a staff event: "Kevin and Amy's baby shower is Friday".
    r"(?!\s+(?:shower|announcement|reveal|photos?|registry))"
)
NAMES19_POSSESSIVE = re.compile(r"['’]s$")
NAMES19_TWINS_NAMED = re.compile(
    r"(?<![\w-])(?i:twins|triplets|jumeaux|jumelles|triplés|babies|bébés)\s*,\s*"
    rf"(?P<first>{NAME_WORD})\s*(?:,\s*)?(?:and|et|&)\s+(?P<second>{NAME_WORD})\s*,"
)
# A child named with their school in a post about an injury: "Ollie from Queen Elizabeth Annex", « Maëlle de la
# polyvalente de L'Ancienne-Lorette est de retour au volleyball, 4 mois après sa fracture ».
NAMES19_SCHOOL = (
    r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:Elementary|School|Secondary|Annex|Academy|Middle|High|Collegiate|Public)\b"
    r"|(?i:l['’]école|la polyvalente|le collège|le lycée|le cégep|la maternelle|l['’]académie)\b"
)
NAMES19_NAME_WITH_SCHOOL = re.compile(
    rf"(?<![\w'’.@#-])(?P<name>{NAME_WORD})\s+(?:(?i:from|at|of)\s+(?:the\s+)?(?={NAMES19_SCHOOL})"
    r"|(?:de|du|d['’])\s+(?=(?i:la polyvalente|l['’]école|le collège|le lycée|le cégep|la maternelle)|"
    r"(?:l['’]école|la polyvalente|du collège|du lycée|du cégep)))"
)


def names19_initials_ages_births_and_schools(text: Text) -> list[Hit]:
    hits = []
    for match in NAMES19_INITIALS_WITH_AGE.finditer(text.value):
        hits.append(Hit(Category.NAME, *match.span("name"), "name_initials", clinical._patient_phrase(text, "")))
    for match in NAMES19_AGE_THEN_NAME.finditer(text.value):
        if match["name"].lower() in lexicon.FIRST_NAMES and _names19_no_public_figure(text, *match.span("name")):
            hits += _patients_name(text, *match.span("name"), "name_with_age")
    for pattern in (NAMES19_PARENTS_OF_BABIES, NAMES19_TWINS_NAMED):
        for match in pattern.finditer(text.value):
            # Parents need a known first name each; babies' names may be any word.
            # A name word holds its possessive ("Jesse's"): the name is the word before it.
            spans = {
                group: (match.start(group), match.end(group) - 2 * bool(NAMES19_POSSESSIVE.search(match[group])))
                for group in ("first", "second")
            }
            said = {group: text.value[slice(*span)].lower() for group, span in spans.items()}
            known = pattern is NAMES19_TWINS_NAMED or all(name in lexicon.FIRST_NAMES for name in said.values())
            for group in ("first", "second"):
                if known and said[group] not in lexicon.NOT_A_NAME:
                    hits.append(Hit(Category.NAME, *spans[group], "name_relative", ""))
    for match in NAMES19_NAME_WITH_SCHOOL.finditer(text.value):
        start, end = match.span("name")
        if NAMES19_THANKED_BEFORE.search(text.value, max(text.sentence_around(start)[0], start - 60), start):
            continue  # "Thanks to Jane from Lord Roberts Elementary for hosting our concussion talk": a teacher
        if match["name"].lower() in lexicon.FIRST_NAMES and text.sentence_has(NAMES19_SPORTS_CARE, start):
            hits += _patients_name(text, start, end, "name_in_care")
    return hits


def names19_names(text: Text) -> list[Hit]:
    """Every names19 habit's hits; the caller leaves out colleagues and people met in a role."""
    return [hit for rule in NAMES19_RULES for hit in rule(text)]


NAMES19_RULES = (
    names19_names_with_their_things,
    names19_names_in_beds_or_of_relatives,
    names19_names_in_capitals_quoted,
    names19_names_with_care_told_after,
    names19_players_kin_nicknames_and_shelters,
    names19_initials_ages_births_and_schools,
)


# A relative spoken of by the kin word a family calls them, or as someone else's relative: "his uncle Yakubu",
# « sa grand-mère Mama Essi », « Tonton Roland du marché », « Gramoun Élie a fêté ses 95 ans », "Jaxon's great-grandma".
# In a clinician's post that family is a patient's; the author's own ("my uncle Gerald") is left to the older rules.
NAMES20_KIN_WORDS = (
    r"great-grandma|great-grandpa|great-grandmother|great-grandfather|grandma|grandpa|grandmother|grandfather|granny|"
    r"nana|uncle|aunt|auntie|aunty|cousin|stepdad|stepmom|stepmum|arrière-grand-mère|arrière-grand-père|grand-mère|"
    r"grand-père|grand-maman|grand-papa|oncle|tante|cousine|tonton|tatie|tata|tantine|mamie|mamy|papi|papy|pépère|"
    r"mémère|gramoun|granmoun"
)
# The kin words only a family says as a title, capitalised before the name; "Mama", "Papa" only after a kin word
# ("sa grand-mère Mama Essi"), since alone they open brands ("Papa John's").
NAMES20_KIN_TITLE = (
    r"Uncle|Auntie|Aunty|Grandma|Grandpa|Granny|Nana|Tonton|Tatie|Tata|Tantine|Mamie|Mamy|Papi|Papy|Pépère|Mémère|"
    r"Gramoun|Granmoun|Kokum|Mushum"
)
NAMES20_KIN_NAMED = re.compile(
    rf"(?<![\w'’-])(?:(?P<owner>his|her|their|the\s+(?:child|boy|girl|baby|patient)['’]s|sa|son|leur|ses)\s+"
    rf"(?i:{NAMES20_KIN_WORDS})\s*,?\s+(?:(?:Mama|Papa|Mamá|Papá|{NAMES20_KIN_TITLE})\s+)?"
    rf"|(?<![\w'’.-])(?:{NAMES20_KIN_TITLE})\s+)"
    rf"(?P<name>{NAME_WORD})"
)
# A kin title closing a sentence after a comma speaks to the author's own family.
NAMES20_ADDRESSED = re.compile(r"\s*(?:[.!?]|$)")
NAMES20_OWN_FAMILY_BEFORE = re.compile(r"(?i:\b(?:my|our|mon|ma|mes|notre|nos)\s+)$")
# A name's possessive before a kin word: "Jaxon's great-grandma, 97, knitted a toque".
NAMES20_NAME_THEN_KIN = re.compile(
    rf"(?<![\w'’.@#-])(?P<name>{NAME_WORD})['’]s\s+(?i:{NAMES20_KIN_WORDS}|mom|mum|dad|mama|papa)\b"
)


def names20_kin_named(text: Text) -> list[Hit]:
    """A person named by a family's kin word or as another's relative, not the author's own family."""
    hits = []
    for pattern in (NAMES20_KIN_NAMED, NAMES20_NAME_THEN_KIN):
        for match in pattern.finditer(text.value):
            start, end = match.span("name")
            if match["name"].lower() in lexicon.NOT_A_NAME:
                continue
            if NAMES20_OWN_FAMILY_BEFORE.search(text.value, max(0, match.start() - 8), match.start()):
                continue  # "my Uncle Gerald", « ma Tatie Suzanne »: the author's own family
            if _names20_title_of_a_brand(text, match):
                continue
            if _names20_spoken_to(text, match):
                continue  # "Please stop asking me at dinner parties, Uncle Rick.": the author's own, spoken to
            if _names19_no_public_figure(text, start, end):
                hits += _patients_name(text, start, end, "name_relative")
    return hits


def _names20_spoken_to(text: Text, match: re.Match) -> bool:
    """A kin title between a comma and the sentence's end: the author speaks to their own family."""
    return (
        not match.groupdict().get("owner")
        and text.value[: match.start()].rstrip().endswith(",")
        and bool(NAMES20_ADDRESSED.match(text.value, match.end()))
    )


def _names20_title_of_a_brand(text: Text, match: re.Match) -> bool:
    """ "Uncle Ben's rice", "Auntie Anne's pretzels": a kin title then a possessive names a brand, not a person."""
    said = text.value[match.start() : match.end() + 2]
    return said.startswith(tuple(NAMES20_KIN_TITLE.split("|"))) and bool(re.search(r"['’]s\b", said))


# A name as a wristband, a screen or a label prints it, surname in capitals then the given name, with the record that
# follows: '"ANDERSON, Jolene 04/03/1987"', '"WHITECAP, RONALD HSN 712…"', « DUBOIS, Mélanie DDN 02/05/1990 ».
NAMES20_LABEL_NAME = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][A-Z'’-]{2,}\s*,\s*(?:[A-Z][a-zà-ÿ'’-]+|[A-ZÉÈ][A-ZÉÈ'’-]+)(?:\s+[A-Z]\.)?)"
    r"(?=\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|DOB|DDN|HSN|HCN|MRN|NAM|RAMQ|PHN|ULI|dossier|chart|n[ée]e?\b|born\b|\d{4,}))"
)
# A quoted card or letter signed off by its writers: '"…With love from Marjorie & Len Kowalchuk, Meadow Lake."',
# « … Avec toute notre reconnaissance, Armand Bolduc et sa fille Chantal, Magog. », "…Love, the Okafor family".
NAMES20_SIGNED_OFF = re.compile(
    r"(?i:with (?:all (?:our|my) )?(?:love|thanks|gratitude)(?: from)?|love(?: from)?|all (?:our|my) love|"
    r"(?:many |with )?thanks(?: again)?|gratefully|sincerely|warmly|xoxo|hugs|"
    r"avec (?:toute )?(?:notre|ma) (?:reconnaissance|gratitude|amitié)|avec (?:tout )?(?:notre|mon) amour|"
    r"(?:un grand )?merci encore|affectueusement|bisous|amitiés|de la part de)\s*,?\s+"
    rf"(?P<name>{NAME_WORD}(?:\s+(?:&|and|et)\s+{NAME_WORD})?(?:\s+{NAME_WORD})?)"
    r"(?=\s*(?:,|\.|!|»|\"|”|\s+(?:et|and)\s+(?:sa|son|ses|his|her|their)\b))"
)
NAMES20_QUOTED = re.compile(r"«[^»\n]{10,400}»|\"[^\"\n]{10,400}\"|“[^”\n]{10,400}”")
# A found thing carrying its owner's name: « un lecteur de glycémie… au nom de Benoît Chiasson. Passez à l'accueil. »
NAMES20_FOUND_IN_THE_NAME_OF = re.compile(
    rf"(?<!\w)(?i:au nom de|in the name of|with the name|labell?ed|made out to)\s+(?P<name>{NAME_WORD}\s+{NAME_WORD})"
    # or the family it belongs to: "I think it belongs to the Savoie family", « il appartient à la famille Haché »
    rf"|(?<!\w)(?i:belongs?\s+to\s+the)\s+(?P<family>{NAME_WORD})\s+(?i:family)\b"
    rf"|(?<!\w)(?i:appartient\s+à\s+la\s+famille)\s+(?P<famille>{NAME_WORD})"
)
NAMES20_FOUND = re.compile(
    r"(?i:\b(?:found|lost|left behind|lost and found|retrouvée?s?|trouvée?s?|perdue?s?|oubliée?s?|"
    r"passez à l['’]accueil|at the front desk|à l['’]accueil|objets? trouvés?)\b)"
)


def names20_names_as_labels_and_sign_offs(text: Text) -> list[Hit]:
    """A name printed on a wristband or a screen with its record, a quoted card's signature, a found thing's owner."""
    hits = []
    for match in NAMES20_LABEL_NAME.finditer(text.value):
        hits += _patients_name(text, *match.span("name"), "name_patient")
    quotes = [quote.span() for quote in NAMES20_QUOTED.finditer(text.value)]
    for match in NAMES20_SIGNED_OFF.finditer(text.value):
        start, end = match.span("name")
        if not any(left < start and end < right for left, right in quotes):
            continue  # "Thanks, Dr. Amy" in the author's own words is a colleague thanked, left to the older rules
        for name in re.finditer(r"[^\s&]+(?:\s+[^\s&]+)*", match["name"]):
            for part in re.split(r"\s+(?:and|et)\s+", name.group()):
                offset = start + name.start() + name.group().index(part)
                if _names19_no_public_figure(text, offset, offset + len(part)):
                    hits += _patients_name(text, offset, offset + len(part), "name_patient")
    for match in NAMES20_FOUND_IN_THE_NAME_OF.finditer(text.value):
        group = next(name for name in ("name", "family", "famille") if match[name])
        start, end = match.span(group)
        if text.sentence_has(NAMES20_FOUND, start) or NAMES20_FOUND.search(text.value, max(0, start - 200), end + 60):
            if clinical._clinical_name(text, start, end, match[group].split()[-1]):
                hits += _patients_name(text, start, end, "name_patient")
    return hits


def names20_names(text: Text) -> list[Hit]:
    """Every names20 habit's hits; the caller leaves out colleagues and people met in a role."""
    return [hit for rule in NAMES20_RULES for hit in rule(text)]


NAMES20_RULES = (names20_kin_named, names20_names_as_labels_and_sign_offs)


# --- Habits of the fourteenth and fifteenth authors' posts (names21), each general to how clinicians write. ---

# A nickname built on a first name, as Quebec and Acadia say them: « Ti-Guy », « Ti-Jean », « P'tit-Louis ».
NAMES21_NICKNAME_PREFIX = re.compile(r"^(?:Ti|P['’]tit|P['’]tite|Big|Lil|Li['’]l)-(?P<first>[A-ZÉ][a-zà-ÿ]+)$")


def _names21_patient(text: Text, start: int, end: int) -> Hit:
    return Hit(Category.NAME, start, end, "name_patient", clinical._patient_phrase(text, ""))


def names21_first_name(word: str) -> bool:
    """A first name the lexicon knows, or a nickname built on one (« Ti-Guy »)."""
    nickname = NAMES21_NICKNAME_PREFIX.match(word)
    if nickname:
        return nickname["first"].lower() not in lexicon.NOT_A_NAME
    return word.lower() in lexicon.FIRST_NAMES and word.lower() not in lexicon.NOT_A_NAME


# A thing said to be someone's: "the insulin pen … belongs to Ray Nakamura", « le sac appartient à Josée Roy ».
NAMES21_BELONGS_TO = re.compile(
    rf"(?<!\w)(?i:belongs?\s+to|belonged\s+to|belonging\s+to|appartient\s+à|appartenait\s+à|appartenant\s+à)\s+"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)(?![\w'’-])(?P<from>\s+(?:from|du|de la|des)\s+(?:the\s+)?[a-zà-ÿ])?"
)
# Someone described with an indefinite article, then named in full between commas: "a tourist from Ohio with
# frostbite to both feet, Gary Whitmore, SSN…", « un ouvrier agricole de 34 ans, Rodrigo Alvarado, travailleur… ».
NAMES21_DESCRIBED_THEN_NAMED = re.compile(
    r"(?<!\w)(?:a|an|un|une)\s+[^,.;:!?\n()]{3,70}?,\s*"
    rf"(?P<name>{NAME_WORD}\s+{NAME_WORD})(?=\s*[,;:(]|\s+(?:who|qui|and|et)\b)"
)
# A first name or nickname, then who they are: « Justin, le jeune travailleur de la ferme », « Ti-Guy, le gars du
# quai », « Ginette, la fille de M. Lussier », "Jordie, the guy from the tents", "Ginette, Mr. Lussier's daughter".
NAMES21_PERSON_NOUNS = (
    r"gars|fille|fils|femme|mari|homme|dame|garçon|enfant|bébé|ado|adolescente?|gamine?|voisine?|cousine?|mère|père|"
    r"sœur|frère|grand-mère|grand-père|petite?-fille|petit-fils|conjointe?|blonde|chum|travailleur|travailleuse|"
    r"ouvrier|ouvrière|agriculteur|agricultrice|fermier|fermière|pêcheur|pêcheuse|camionneur|bûcheron|joueur|joueuse|"
    r"étudiante?|retraitée?|"
    r"guy|girl|boy|kid|son|daughter|wife|husband|man|woman|lady|gentleman|teen|teenager|neighbou?r|cousin|mother|"
    r"father|sister|brother|grandmother|grandfather|grandson|granddaughter|partner|farmhand|worker|fisherman|farmer|"
    r"trucker|logger|miner|player|student|retiree|rancher|cowboy|welder"
)
NAMES21_NAMED_THEN_WHO = re.compile(
    rf"(?<![\w'’.-])(?P<name>{NAME_WORD}),\s+"
    r"(?:(?:le|la|l['’]|the|our|notre)\s*(?:(?:jeune|petite?|vieux|vieille|young|little|old)\s+)?"
    rf"(?i:{NAMES21_PERSON_NOUNS})|(?:M\.|Mme|Mr\.|Mrs\.|Ms\.)\s+{NAME_WORD}['’]s\s+(?i:{NAMES21_PERSON_NOUNS}))"
    r"(?![\w-])"
)


def names21_belongings_and_appositions(text: Text) -> list[Hit]:
    """A thing that belongs to a named person; a person described then named in full; a first name, then who they
    are. Titles, places and public figures stay out; the caller leaves out colleagues named with their role."""
    hits = []
    for match in NAMES21_BELONGS_TO.finditer(text.value):
        start, end = match.span("name")
        words = match["name"].split()
        # One unknown word is someone's when told where they are from: "belongs to Jordie from the tents".
        someone = len(words) == 2 or names21_first_name(words[0]) or match["from"]
        if someone and clinical._clinical_name(text, start, end, words[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    for match in NAMES21_DESCRIBED_THEN_NAMED.finditer(text.value):
        start, end = match.span("name")
        words = match["name"].split()
        if names21_first_name(words[0]) and clinical._clinical_name(text, start, end, words[-1]):
            hits += _patients_name(text, start, end, "name_in_care")
    for match in NAMES21_NAMED_THEN_WHO.finditer(text.value):
        start, end = match.span("name")
        if names21_first_name(match["name"]) and clinical._clinical_name(text, start, end, match["name"]):
            hits += _patients_name(text, start, end, "name_in_care")
    return hits


# A fundraiser's link is named for the one it helps: "gofundme.com/f/nanna-june-heart-trip … Nanna June made it",
# « leetchi.com/c/courage-ilyes-b … Ilyes est sorti de réa ». The link's words, capitalised in the text, are a name.
NAMES21_FUNDRAISER_LINK = re.compile(
    r"(?i:gofundme\.com|leetchi\.com|gogetfunding\.com|justgiving\.com|helloasso\.com|lepotcommun\.fr|"
    r"fundrazr\.com|kisskissbankbank\.com|givesendgo\.com|cagnotte[\w.-]*\.\w+)/(?P<slug>[\w/.-]+)"
)
NAMES21_CAPITALISED_RUN = re.compile(rf"(?<![\w@#/.'’-])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})(?![\w/-])")
NAMES21_DATE_WORD = re.compile(
    rf"^(?i:{lexicon.MONTHS_EN}|{lexicon.MONTHS_FR}|{lexicon.WEEKDAYS_EN}|{lexicon.WEEKDAYS_FR})$"
)


def names21_named_in_a_fundraiser_link(text: Text) -> list[Hit]:
    """Capitalised words of the text that a fundraiser's link spells: the person it raises money for."""
    slug_words = {
        word
        for match in NAMES21_FUNDRAISER_LINK.finditer(text.value)
        for word in re.split(r"[-_/.\d]+", match["slug"].lower())
        if len(word) > 2
    }
    if not slug_words:
        return []
    hits = []
    for match in NAMES21_CAPITALISED_RUN.finditer(text.value):
        words = match["name"].split()
        if not all(word.lower() in slug_words for word in words):
            continue
        if len(words) == 1 and (NAMES21_DATE_WORD.match(words[0]) or words[0].lower() in lexicon.NOT_A_NAME):
            continue  # "June" alone may be the month; "Nanna June" is a name
        if clinical._clinical_name(text, match.start(), match.end(), words[-1]) and _not_a_colleague_or_place(
            text, match.start()
        ):
            hits.append(_names21_patient(text, match.start(), match.end()))
    return hits


# A newborn as a cot card or an isolette labels one, before a first name is given: "Baby Boy LeBlanc",
# "Baby Girl O'Neil", « Bébé garçon Tremblay », « Bébé fille Nguyen ».
NAMES21_SURNAME = r"(?:[DLO]['’]|Ma?c|Le|La|De|Van|Von)?[A-ZÉÈ][a-zà-ÿ'’]+(?:-[A-ZÉÈ][a-zà-ÿ'’]+)?"
NAMES21_NEWBORN_LABEL = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:Baby\s+(?:Boy|Girl)|Bébé\s+(?:[Gg]arçon|[Ff]ille)|Twin\s+[AB]|Jumeau\s+[AB])\s+"
    rf"{NAMES21_SURNAME})(?![\w'’-])"
)


# A player named by the number on their jersey and their team: "#17 on the U15 AA team", « numéro 22 des
# Pionniers », or the number then the name: "Then #9, Kenzie Bullock, showed up with a headache".
NAMES21_JERSEY = re.compile(
    r"(?<![\w#])(?P<player>(?:#|(?i:no\.|number|numéro|n°)\s?)(?P<number>\d{1,2})"
    r"(?:\s+(?:on|of|for)\s+the\s+(?:[\w'’-]+\s+){0,3}?(?i:team|squad)\b"
    rf"|\s+(?:des|du|de\s+la|de\s+l['’])\s*{NAME_WORD}(?:\s+{NAME_WORD})?))"
    rf"|(?<![\w#])#\d{{1,2}}\s*,\s*(?P<name>{NAME_WORD}\s+{NAME_WORD})(?=\s*,)"
)
NAMES21_SPORT = re.compile(
    r"(?<!\w)(?:hockey|football|soccer|rugby|basketball|baseball|ringuette|ringette|lacrosse|volleyball|team|player|"
    r"coach|game|match|équipe|joueur|joueuse|entraîneur|entraîneuse|U\d{1,2}|M\d{1,2})(?!\w)",
    re.IGNORECASE,
)


NAMES21_SCHOOL = re.compile(
    r"(?<!\w)(?:school|high|grade\s+\d{1,2}|école|polyvalente|secondaire|collège|cégep|lycée)(?!\w)", re.IGNORECASE
)


# A boat is often named for its owner's family, and a small port knows it: « capitaine du Marie-Josée B. »,
# "skipper of the Lisa Marie", "aboard the Jenny Lynn".
NAMES21_BOAT = re.compile(
    r"(?<!\w)(?i:capitaine|captain|skipper|propriétaire|owner|deckhand|aide-pêcheur|aboard|à bord)\s+"
    r"(?:du|de la|of the|on the|the)\s+(?:(?:F/V|M/V|bateau|boat|crabier|homardier|chalutier)\s+)?"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?(?:\s+[A-Z]\.)?)"
)


# A patient's pet, named in quotes or after "named": « le chien d'une patiente, « Pistou », attaché devant chez
# elle », "her cat, "Mittens", was still in the apartment", "his dog named Biscuit".
NAMES21_PET = (
    r"dog|cat|puppy|kitten|horse|pony|parrot|heeler|retriever|husky|chien|chienne|chat|chatte|chiot|chaton|cheval|"
    r"jument|perroquet"
)
NAMES21_PET_NAMED = re.compile(
    r"(?<!\w)(?:(?i:his|her|their|the patient['’]s|sa|son|leur)\s+(?:[\w'’-]+\s+)?(?i:" + NAMES21_PET + r")"
    r"|(?i:le|la|the)\s+(?i:" + NAMES21_PET + r")\s+(?:d['’]une?|de\s+(?:M\.|Mme|la|notre)|of\s+(?:a|our|the))\s+"
    r"(?:[\w'’.-]+\s*){1,2}?)"
    rf"\s*(?:,\s*[«\"“]\s*(?P<quoted>{NAME_WORD})\s*[»\"”]|,?\s+(?i:named|called|nommée?|appelée?)\s+(?P<named>{NAME_WORD}))"
)


# A badge or a name tag read aloud: 'his badge still clipped to his vest: "R. Kaminski, ID T-40913"'.
# So is a parcel's label or its back: 'Return label: "H. Tsannie, Box 44…"', « au dos : « Famille Malgorn, 12 hent… ».
NAMES21_BADGE = re.compile(
    r"(?<!\w)(?i:badge|name\s?tag|lanyard|ID card|employee card|insigne|porte-nom|carte d['’]employé|"
    r"return label|shipping label|mailing label|au dos|on the back|étiquette d['’]expédition)"
    r"[^.!?\n«\"“]{0,60}?(?::|(?i:says|said|reads|read|dit|indique))\s*[«\"“]\s*"
    rf"(?P<name>(?:Famille\s+|Family\s+|The\s+)?(?:[A-Z]\.\s?)?{NAME_WORD}(?:\s+{NAME_WORD})?)"
)


# A full name's possessive before a body part, whatever is said of it: "Post-op X-ray of Ty Crowchild's plated
# clavicle", "Maria Lopez's newly casted wrist".
NAMES21_FULL_NAME_WITH_BODY = re.compile(
    rf"(?<![\w.'’@#])(?P<name>{NAME_WORD}\s+{NAME_WORD})['’]s\s+(?:[a-z-]+\s+){{0,2}}"
    rf"(?i:{NAMES19_BODY_PARTS_EN})(?![\w-])"
)


def names21_labels_players_boats_pets_badges(text: Text) -> list[Hit]:
    """A newborn's cot label, a player's jersey, a boat named for its owner, a patient's pet, a badge, a full name's
    body part."""
    hits = []
    for match in NAMES21_NEWBORN_LABEL.finditer(text.value):
        hits.append(_names21_patient(text, *match.span("name")))
    if NAMES21_SPORT.search(text.value):
        for match in NAMES21_JERSEY.finditer(text.value):
            if match["player"] and not text.sentence_has(NAMES21_SCHOOL, match.start()):
                continue  # "#44 on the Lacombe team" is many players over the years; with the school, one child
            if match["player"]:
                hits.append(_names21_patient(text, *match.span("player")))
            else:  # the jersey says a player, whatever the first name
                hits += _patients_name(text, *match.span("name"), "name_patient")
    for match in NAMES21_BOAT.finditer(text.value):
        if names21_first_name(match["name"].split()[0].split("-")[0]):  # "du" before it is no place here
            hits.append(Hit(Category.NAME, *match.span("name"), "name_relative", ""))
    for match in NAMES21_PET_NAMED.finditer(text.value):
        group = "quoted" if match["quoted"] else "named"
        if match[group].lower() not in lexicon.NOT_A_NAME:
            hits.append(Hit(Category.NAME, *match.span(group), "name_in_care", ""))
    for match in NAMES21_BADGE.finditer(text.value):
        start, end = match.span("name")
        if clinical._clinical_name(text, start, end, match["name"].split()[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    for match in NAMES21_FULL_NAME_WITH_BODY.finditer(text.value):
        start, end = match.span("name")
        if clinical._clinical_name(text, start, end, match["name"].split()[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    return hits


# A family signing a card by its surname in the plural: '"…thank you for Isla and Finn. Love, the Kinsellas."',
# "Much love from the Boudreaus". Inside a quoted card only: "Love, the Oilers" in the author's words is a team.
NAMES21_FAMILY_SIGNING = re.compile(
    r"(?i:love|with love|love from|lots of love|much love|all our love|thanks|thank you|many thanks|cheers|"
    r"xoxo|hugs|gratefully|sincerely|warmly)\s*(?:,\s*|\s+from\s+)"
    rf"(?P<name>the\s+{NAME_WORD}s)(?=\s*[,.!»\"”])"
)


def names21_families_signing_a_card(text: Text) -> list[Hit]:
    quotes = [quote.span() for quote in NAMES20_QUOTED.finditer(text.value)]
    hits = []
    for match in NAMES21_FAMILY_SIGNING.finditer(text.value):
        start, end = match.span("name")
        if any(left < start and end < right for left, right in quotes) and _a_person(match["name"][4:-1]):
            hits.append(Hit(Category.NAME, start, end, "name_relative", ""))
    return hits


# A patient's close relative named after the kin word, a comma or not: "His dad, Jonah Friesen, gave me permission",
# « Son père Karim m'a envoyé un texto »; or the relative named after the one they are kin to: « le fils de Mme
# Voltaire, Stéphane, passera », "Mrs. Osei's daughter, Abena, called". The author's own family ("my dad") stays out.
NAMES21_CLOSE_KIN = (
    r"dad|mom|mum|father|mother|son|daughter|husband|wife|brother|sister|partner|père|mère|papa|maman|fils|fille|"
    r"mari|femme|épouse|conjointe?|frère|sœur|soeur|chum|blonde"
)
NAMES21_KIN_THEN_NAME = re.compile(
    rf"(?<![\w'’-])(?i:his|her|their|the patient['’]s|the baby['’]s|son|sa|ses|leur)\s+(?i:{NAMES21_CLOSE_KIN})"
    rf"(?:\s*,\s*(?P<full>{NAME_WORD}\s+{NAME_WORD})(?=\s*,)|\s+(?P<first>{NAME_WORD})(?![\w'’-]))"
)
NAMES21_KIN_OF_THEN_NAME = re.compile(
    rf"(?<![\w'’-])(?:(?i:{NAMES21_CLOSE_KIN}|aunt|uncle|grandmother|grandfather|grandma|grandpa|tante|oncle|"
    r"grand-mère|grand-père|cousine?)\s+"
    # « la tante du petit de Groix, Gwenola, au 06… »: the one they are kin to may be told, not named
    r"(?:(?i:du|de la|des)\s+(?:petite?|bébé|patiente?|garçon|fille|jeune)(?:\s+(?:de|d['’])\s*[\w'’-]+)?\s*"
    r"|(?i:of the)\s+(?:little\s+)?(?:boy|girl|baby|patient|kid)(?:\s+from\s+[\w'’-]+)?\s*"
    r"|(?i:de|d['’]|of)\s*(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?)?\s*)"
    rf"|(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?)\s+{NAME_WORD}['’]s\s+(?i:{NAMES21_CLOSE_KIN})\s*)"
    rf"(?:{NAME_WORD}(?:\s+{NAME_WORD})?\s*)?,\s*(?P<name>{NAME_WORD})(?=\s*,)"
)
# A patient remembered at their death by first name: "Rest easy, Kenzie.", "Fly high, Noah 🕊️", « Repose en paix,
# Léo ». Only a known first name, so "Rest easy, Canada" and a public figure's full name stay out.
NAMES21_FAREWELL = re.compile(
    r"(?<!\w)(?i:rest easy|rest in peace|RIP|R\.I\.P\.|fly high|sleep tight|sleep well|repose en paix|"
    rf"repose-toi bien|vole haut|dors bien)\s*,?\s+(?P<name>{NAME_WORD})(?![\w'’-])(?!\s+{NAME_WORD})"
)
NAMES21_LIFE_SPAN = re.compile(r"\s*[.,]?\s*(?:\d{4}|\w{3,9}\.? \d{1,2},? \d{4})\s*[–—-]\s*\w")
# A child called little or baby at a sentence's start, where the capital says nothing: "3/ Little Jaani flew out on
# the medevac", « Petit Noé est rentré chez lui ». Mid-sentence, "Little Women" is a title; there the older rule reads
# the lower case.
NAMES21_LITTLE_AT_THE_START = re.compile(
    rf"(?:^|[.!?…]\s+|\d/\s*|\n\s*)(?:Little|Baby|Petite?|Bébé)\s+(?P<name>{NAME_WORD})(?![\w'’-])"
    rf"(?=\s+(?:[a-zà-ÿ]|{NAME_WORD}\s+[a-zà-ÿ]))"
)


def names21_kin_farewells_and_little_ones(text: Text) -> list[Hit]:
    """A patient's relative named by kin, a patient remembered at death, a child called little at a sentence's
    start."""
    hits = []
    for match in NAMES21_KIN_THEN_NAME.finditer(text.value):
        group = "full" if match["full"] else "first"
        start, end = match.span(group)
        words = match[group].split()
        if (group == "full" or names21_first_name(words[0])) and clinical._clinical_name(text, start, end, words[-1]):
            hits += _patients_name(text, start, end, "name_relative")
    for match in NAMES21_KIN_OF_THEN_NAME.finditer(text.value):
        start, end = match.span("name")  # set off by commas after the kin word, any capitalised word is a name
        if clinical._clinical_name(text, start, end, match["name"]):
            hits += _patients_name(text, start, end, "name_relative")
    for match in NAMES21_FAREWELL.finditer(text.value):
        start, end = match.span("name")
        # A first name the lexicon does not know is still one with a life's span after it: "Kenzie. 2017 – 2026".
        known = names21_first_name(match["name"]) or NAMES21_LIFE_SPAN.match(text.value, end)
        if known and clinical._clinical_name(text, start, end, match["name"]):
            hits += _patients_name(text, start, end, "name_patient")
    for match in NAMES21_LITTLE_AT_THE_START.finditer(text.value):
        start, end = match.span("name")
        if names21_first_name(match["name"]) or text.value.count(match["name"]) > 1:
            if clinical._clinical_name(text, start, end, match["name"]):
                hits += _patients_name(text, start, end, "name_patient")
    return hits


# A fundraiser held for someone names the one it helps: "Questions about Mia's bottle drive go to her dad",
# "the benefit supper for Gord Leblanc", « la cagnotte pour Milo », « le souper-bénéfice de Ginette ».
NAMES21_FUNDRAISER = (
    r"bottle drive|fundraiser|fund-raiser|benefit(?: supper| dinner| concert| game)?|gofundme|go fund me|raffle|"
    r"cagnotte|collecte(?: de fonds)?|souper-bénéfice|soirée-bénéfice|levée de fonds|tirage"
)
NAMES21_FUNDRAISER_FOR = re.compile(
    rf"(?<![\w.'’@#])(?P<owner>{NAME_WORD}(?:\s+{NAME_WORD})?)['’]s\s+(?i:{NAMES21_FUNDRAISER})(?![\w-])"
    rf"|(?<![\w-])(?i:{NAMES21_FUNDRAISER})\s+(?i:for|pour|de|d['’]|au profit de)\s*"
    rf"(?P<helped>{NAME_WORD}(?:\s+{NAME_WORD})?)(?![\w'’-])"
)
# A patient's classmate, teammate or friend told of by name, in a sentence of care: "paper cranes for their classmate
# Nora Melanson, who is on the ward", « pour leur coéquipier Samuel, hospitalisé depuis lundi ».
NAMES21_PEER = (
    r"classmate|teammate|schoolmate|friend|buddy|bestie|best friend|camarade(?: de classe)?|coéquipière?|"
    r"amie?|meilleure? amie?|copine?|pote"
)
NAMES21_PEER_NAMED = re.compile(
    rf"(?<![\w'’-])(?i:their|his|her|our|leur|son|sa|notre)\s+(?i:{NAMES21_PEER})\s*,?\s+"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)(?![\w'’-])"
)
NAMES21_PEER_IN_CARE = re.compile(
    r"(?<!\w)(?:on the ward|in (?:the )?hospital|in the ICU|in the PICU|in the NICU|admitted|hospitalisée?|"
    r"hospitalizée?|hospitalized|à l['’]hôpital|aux soins intensifs|en chimio|chemo|on dialysis|in treatment|"
    r"en traitement|recovering|se remet)(?!\w)",
    re.IGNORECASE,
)


def names21_fundraisers_and_peers(text: Text) -> list[Hit]:
    """The one a fundraiser is held for; a patient's classmate or teammate named beside their stay in hospital."""
    hits = []
    for match in NAMES21_FUNDRAISER_FOR.finditer(text.value):
        group = "owner" if match["owner"] else "helped"
        start, end = match.span(group)
        words = match[group].split()
        if (len(words) == 2 or names21_first_name(words[0])) and clinical._clinical_name(text, start, end, words[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    for match in NAMES21_PEER_NAMED.finditer(text.value):
        start, end = match.span("name")
        words = match["name"].split()
        if not text.sentence_has(NAMES21_PEER_IN_CARE, start):
            continue  # "our friend Jake from the radio" is no patient
        if (len(words) == 2 or names21_first_name(words[0])) and clinical._clinical_name(text, start, end, words[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    return hits


def names21_names(text: Text) -> list[Hit]:
    """Every names21 habit's hits; the caller leaves out colleagues and people met in a role."""
    return [hit for rule in NAMES21_RULES for hit in rule(text)]


NAMES21_RULES = (
    names21_belongings_and_appositions,
    names21_named_in_a_fundraiser_link,
    names21_labels_players_boats_pets_badges,
    names21_families_signing_a_card,
    names21_kin_farewells_and_little_ones,
    names21_fundraisers_and_peers,
)


# --- Habits of the sixteenth and seventeenth authors' posts (names22), each general to how clinicians write. ---

# A name written on the body or on a thing, in quotes: a tattoo's lettering ('the koi fish with "Marisol" in script',
# « l'hirondelle avec « Maëlle » en lettres cursives », « un loup avec « Maxime » en dessous »), a cake's icing, a
# jersey's back, an engraved bracelet. The quotes and a word of lettering or of the thing in the sentence say it.
NAMES22_QUOTED_NAME = re.compile(
    # A cake's wish may come before the name: '"Happy 80th Doris!"', « Bon anniversaire Ginette ».
    r"[«\"“]\s*(?:(?i:happy|joyeux|joyeuse|bon|bonne|congrats|congratulations|félicitations|welcome home|"
    r"get well soon|bon retour|we love you|on t['’]aime)\b[^«»\"“”\n]{0,30}?\s)?"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*[!.]?\s*[»\"”]"
)
NAMES22_INSCRIBED = re.compile(
    r"(?<![\w-])(?:tattoo(?:s|ed)?|tatouage|tatouée?|tatoo|ink(?:ed)?|script|cursive|lettering|letters|lettres?|"
    r"written|wrote|écrit|inscrit|inscription|engraved|gravée?|embroidered|brodée?|cake|gâteau|icing|jersey|maillot|"
    r"chandail|bracelet|necklace|collier|pendentif|locket|medallion|médaillon|underneath|en dessous)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# A nickname in quotes, with what the person wants to be called: 'the whole story with "Bumble" (that's what she
# wants me to call her)', « « Titi » (c'est comme ça qu'elle veut qu'on l'appelle) ».
NAMES22_NICKNAME_ASKED_FOR = re.compile(
    r"\s*\(?\s*(?:[^.!?()\n]{0,40}?)(?i:call (?:her|him|them)|calls? (?:herself|himself|themselves)|goes by|"
    r"nickname|surnom|l['’]appelle|qu['’]on l['’]appelle|appelle-la|appelle-le|se fait appeler)"
)


def names22_no_place_or_figure(text: Text, match: re.Match[str]) -> bool:
    start, end = match.span("name")
    return not (
        clinical.names_a_place(text, start)
        or lexicon.PUBLIC_FIGURES.search(text.value, max(0, start - 20), end + 20)
        or clinical.FICTION_CUES.search(text.window(start, end, before=40, after=50))
    )


def names22_names_written_or_asked_for(text: Text) -> list[Hit]:
    """A first name in quotes in a sentence about lettering on the body or on a thing; a nickname in quotes with
    what its owner wants to be called. A quoted title ("Grandma's spot") is no first name and stays out."""
    hits = []
    for match in NAMES22_QUOTED_NAME.finditer(text.value):
        start, end = match.span("name")
        words = match["name"].split()
        nickname = NAMES22_NICKNAME_ASKED_FOR.match(text.value, match.end())
        written = names21_first_name(words[0]) and text.sentence_has(NAMES22_INSCRIBED, start)
        if not (written or nickname) or match["name"].lower() in lexicon.NOT_A_NAME:
            continue
        # What a thing "says" or "reads" is its lettering, no public figure's statement: the place, fiction and
        # public-figure checks still apply to a written name.
        if (written and names22_no_place_or_figure(text, match)) or clinical._clinical_name(
            text, start, end, words[-1]
        ):
            hits.append(Hit(Category.NAME, start, end, "name_in_care", ""))
    return hits


# A reader addressed by first name in a post about them, the name set off at a clause's start and the second person
# after it: "(And yes, Tamsin, you'll recognize your back)", "Tyler, you know who you are", « Anne, on vous doit
# tout », « Léa, tu peux être fière ». Only a first name the lexicon knows.
NAMES22_ADDRESSED = re.compile(
    rf"(?<![\w'’-])(?P<name>{NAME_WORD})\s*,\s+"
    r"(?=(?i:you|you['’](?:re|ll|ve|d)|your|tu|t['’]|ta|ton|vous|votre|on vous|on t['’]|je te|je vous|we|nous)\b)"
)
# What comes before an addressed name: a sentence's or a thread part's start, a bracket, or "yes," / « oui, ».
NAMES22_CLAUSE_START_BEFORE = re.compile(r"(?:^|[.!?…(:/\n]|\b(?i:yes|oui|and|et|so|alors|ok|okay|hey|oh|bon),?)\s*$")


def names22_readers_addressed(text: Text) -> list[Hit]:
    """A known first name said to its owner at a clause's start, the second person right after it; the caller
    reads it in a post about care only."""
    hits = []
    for match in NAMES22_ADDRESSED.finditer(text.value):
        start, end = match.span("name")
        if not NAMES22_CLAUSE_START_BEFORE.search(text.value, max(0, start - 12), start):
            continue
        if names21_first_name(match["name"]) and clinical._clinical_name(text, start, end, match["name"]):
            hits.append(Hit(Category.NAME, start, end, "name_in_care", ""))
    return hits


# A family or its home named by the surname: "a young man from the Mamakwa family", "the Sakchekapo home", « la
# famille Tremblay », « chez les Tremblay », « la maison des Gagnon ». A donor family, a fund or a named wing
# ("the Tremblay family's gift") stays out.
NAMES22_FAMILY_OR_HOME = re.compile(
    rf"(?<![\w'’-])(?:the|The)\s+(?P<en>{NAME_WORD})\s+(?:family|home|household|house|farm|camp|kids|boys|girls|"
    r"twins|clan)(?![\w-])"
    r"|(?<![\w'’-])(?:[Ll]a\s+famille|[Cc]hez\s+les|[Ll]a\s+maison\s+des|[Ll]es\s+enfants\s+des|[Ll]a\s+ferme\s+des)"
    rf"\s+(?P<fr>{NAME_WORD})(?![\w'’-])"
)
NAMES22_FAMILY_AS_DONOR_OR_FUND = re.compile(
    r"(?<![\w-])(?:foundation|fondation|fund|fonds|award|prix|bourse|scholarship|trust|donat\w+|dons?|gift|"
    r"généros\w+|generous\w*|sponsor\w*|commandit\w+|endow\w+|pavilion|pavillon|wing|aile|thanks?|"
    r"thank you|merci|remercie\w*|gratitude|reconnaissance)(?![\w-])",
    re.IGNORECASE,
)


def names22_families_and_homes(text: Text) -> list[Hit]:
    """A surname naming a family or its home, not as a donor or a fund; the caller reads it in a post about care
    only."""
    hits = []
    for match in NAMES22_FAMILY_OR_HOME.finditer(text.value):
        group = "en" if match["en"] else "fr"
        start, end = match.span(group)
        if text.sentence_has(NAMES22_FAMILY_AS_DONOR_OR_FUND, start):
            continue
        hits += _patients_name(text, start, end, "name_relative")
    return hits


# Someone named in full with where mail reaches them: « Demandez à Jocelyn Paquette, de J0X 1W0, qui a dormi dans son
# VTT », "ask Dale Moriarty of K0H 1X0". A postal code right after a full name is that person's.
NAMES22_NAME_THEN_POSTAL_CODE = re.compile(
    rf"(?<![\w'’.-])(?P<name>{NAME_WORD}\s+{NAME_WORD})\s*,?\s+(?:(?i:de|du|d['’]|from|of|in|à)\s*)?"
    r"[A-CEGHJ-NPR-TVXY]\d[A-CEGHJ-NPR-TV-Z]\s?\d[A-CEGHJ-NPR-TV-Z]\d(?!\w)"
)
# A lay person by what they are in the story, then their first name between commas: « le propriétaire, Réjean, est
# stable », « la personne cas source, Léa, étudiante », "the driver, Kyle, was unhurt", "the index case, Noor, …".
NAMES22_LAY_ROLES = (
    r"propriétaire|owner|conducteur|conductrice|driver|passag(?:er|ère)|passenger|victime|victim|blessée?|"
    r"chasseur|chasseuse|hunter|motoneigiste|snowmobiler|randonneur|randonneuse|hiker|skieur|skieuse|skier|"
    r"cycliste|cyclist|piéton|piétonne|pedestrian|personne(?: cas source| cas index)?|cas source|cas index|"
    r"source case|index case|first case|premier cas|patiente?|client|cliente|locataire|tenant|campeur|campeuse|"
    r"camper|nageur|nageuse|swimmer|baigneur|baigneuse|pêcheur|pêcheuse|fisherman"
)
NAMES22_LAY_ROLE_THEN_NAMED = re.compile(
    rf"(?<![\w'’-])(?i:le|la|l['’]|the|notre|our)\s*(?:[\w'’-]+\s+)?(?i:{NAMES22_LAY_ROLES})\s*,\s*"
    rf"(?P<name>{NAME_WORD})\s*,"
)


def names22_named_with_a_postal_code_or_a_lay_role(text: Text) -> list[Hit]:
    """A full name with its postal code; a known first name between commas after a lay person's role."""
    hits = []
    for match in NAMES22_NAME_THEN_POSTAL_CODE.finditer(text.value):
        start, end = match.span("name")
        if names21_first_name(match["name"].split()[0]) and clinical._clinical_name(
            text, start, end, match["name"].split()[-1]
        ):
            hits += _patients_name(text, start, end, "name_patient")
    for match in NAMES22_LAY_ROLE_THEN_NAMED.finditer(text.value):
        start, end = match.span("name")
        if names21_first_name(match["name"]) and clinical._clinical_name(text, start, end, match["name"]):
            hits += _patients_name(text, start, end, "name_in_care")
    return hits


def names22_names(text: Text) -> list[Hit]:
    """Every names22 habit's hits; the caller leaves out colleagues and people met in a role."""
    return [hit for rule in NAMES22_RULES for hit in rule(text)]


def names22_names_in_care(text: Text) -> list[Hit]:
    """The names22 habits read only in a post about care (a reader addressed, a family named by its surname)."""
    return [hit for rule in NAMES22_RULES_IN_CARE for hit in rule(text)]


NAMES22_RULES = (names22_names_written_or_asked_for, names22_named_with_a_postal_code_or_a_lay_role)
NAMES22_RULES_IN_CARE = (names22_readers_addressed, names22_families_and_homes)


# --- Habits of the eighteenth to twentieth authors' posts (names23), each general to how clinicians write. ---

NAMES23_FULL_NAME = rf"{NAME_WORD}\s+{NAME_WORD}"
# A young athlete named with a jersey or a bib number right after the name: "Brody Lindqvist, #27 on the Eagles",
# "Carter Mah, #9:", « le petit William Tapp, n° 88 des Aigles ». A number sign right after a name is a player's.
NAMES23_NAME_THEN_JERSEY = re.compile(
    rf"(?<![\w'’.@#-])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*,?\s*(?:#|n°\s?|no\.\s?|number\s)\d{{1,3}}(?![\d,.]\d)"
    r"(?=\s*(?:[,:;)]|$|\s+(?:on|of|for|with|sur|des|du|de|chez|avec|au|à)\b))"
)
# Someone described by what they do or their age, then named in full between commas: "a bull rider, Colt Ermineskin,
# from the Maskwacis area", « Ado de 16 ans, Enzo Chabert, collision avec un skieur », "a 12-year-old goalie, Liam
# Roy,". The person noun says a person, whatever the first name.
NAMES23_PEOPLE = (
    rf"{NAMES21_PERSON_NOUNS}|"
    r"rider|skier|snowboarder|skater|goalie|goaltender|defenceman|defenseman|forward|winger|jockey|roper|wrestler|"
    r"swimmer|runner|gymnast|dancer|athlete|climber|hiker|cyclist|biker|snowmobiler|camper|hunter|surfer|"
    r"skieur|skieuse|surfeur|surfeuse|gardien|gardienne|cavalier|cavalière|nageur|nageuse|coureur|coureuse|"
    r"gymnaste|danseur|danseuse|athlète|grimpeur|grimpeuse|randonneur|randonneuse|cycliste|motoneigiste|chasseur|"
    r"toddler|infant|baby|newborn|pupil|nourrisson|bambin|écolier|écolière|élève|patient|patiente"
)
NAMES23_DESCRIBED_THEN_NAMED = re.compile(
    r"(?<![\w'’-])(?:(?i:a|an|un|une)\s+(?:[\w'’-]+\s+){0,3}?|^|(?<=[.!?:/\n]\s))"
    rf"(?i:{NAMES23_PEOPLE})(?:\s+(?:de|of|aged)\s+\d{{1,2}}\s*(?:ans|mois|years?(?:\s+old)?|months?(?:\s+old)?))?"
    rf"\s*,\s*(?P<name>{NAMES23_FULL_NAME})\s*(?=[,:;(]|\s+(?:who|qui|and|et)\b)"
)
# A full name, then what the author's team did for them: "Kenzie Lavallee, the goalie we rehabbed", « Léa Roy, la
# skieuse qu'on a opérée ».
NAMES23_NAMED_THEN_OUR_CARE = re.compile(
    rf"(?<![\w'’.@#-])(?P<name>{NAMES23_FULL_NAME}),\s+(?:the|our|le|la|l['’]|notre)\s*(?:[\w'’-]+\s+){{1,2}}?"
    r"(?:(?:we|I)\s+(?:\w+ed|saw|sewed|treated|operated on|casted|scoped|sent)\b"
    r"|(?:que|qu['’])\s*(?:on|nous|j['’]ai|je)\b)"
)
# A name given after "the name of": "told me the name of the teen they carried off the run: Gage Wolfleg", « le nom
# de l'ado qu'ils ont évacué : Enzo Chabert ».
NAMES23_NAME_OF_THEN_NAMED = re.compile(
    r"(?i:\bthe name of|\ble nom de|\ble nom du|\ble nom d['’])\b[^.!?\n]{3,100}?[:—–]\s*"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)(?![\w'’-])"
)
# A pupil named with the school grade: « Zoé Marchand, élève de CM1 », "Noah Bell, a grade 3 student", "Ruby
# Ostrowski, age 7, from Sunnyside School".
NAMES23_NAME_THEN_GRADE = re.compile(
    rf"(?<![\w'’.@#-])(?P<name>{NAMES23_FULL_NAME}),\s+(?:"
    r"(?:élève|écolier|écolière)\s+(?:de|en)\s+(?:CP|CE1|CE2|CM1|CM2|maternelle|\d{1,2}e|\d(?:re|e)\s+année)"
    r"|(?:a\s+)?(?:grade|Grade)\s+\d{1,2}\s+(?:student|pupil)|(?:in\s+)?(?:grade|Grade)\s+\d{1,2}\b"
    r"|age\s+\d{1,2}\b|âgée?\s+de\s+\d{1,2}\s+ans)"
)


def names23_athletes_pupils_and_names_given(text: Text) -> list[Hit]:
    """A young athlete named with a jersey number or by what they do, a name given after "the name of", a pupil
    with a grade, a full name with what the author's team did for them."""
    hits = []
    for match in NAMES23_NAME_THEN_JERSEY.finditer(text.value):
        start, end = match.span("name")
        words = match["name"].split()
        if (len(words) == 2 or names21_first_name(words[0])) and clinical._clinical_name(text, start, end, words[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    for pattern in (NAMES23_NAMED_THEN_OUR_CARE, NAMES23_NAME_OF_THEN_NAMED):
        for match in pattern.finditer(text.value):
            start, end = match.span("name")
            if clinical._clinical_name(text, start, end, match["name"].split()[-1]):
                hits += _patients_name(text, start, end, "name_patient")
    for match in NAMES23_NAME_THEN_GRADE.finditer(text.value):
        start, end = match.span("name")
        if clinical._clinical_name(text, start, end, match["name"].split()[-1]):
            hits += _patients_name(text, start, end, "name_with_age")
    return hits


def names23_names(text: Text) -> list[Hit]:
    """Every names23 habit's hits; the caller leaves out colleagues and people met in a role."""
    return [hit for rule in NAMES23_RULES for hit in rule(text)]


def names23_names_in_care(text: Text) -> list[Hit]:
    """The names23 habits read only in a post about care (children beside a parent, residents on their birthdays)."""
    return [hit for rule in NAMES23_RULES_IN_CARE for hit in rule(text)]


# A newborn's first name with the birth weight: « Élodie 1,650 kg et Mathis 1,720 kg », "Nora 3.2 kg and Eli 2.9 kg".
NAMES23_NAME_THEN_BIRTH_WEIGHT = re.compile(
    rf"(?<![\w'’.@#-])(?P<name>{NAME_WORD})\s*[,:(]?\s*(?:\d[,.]\d{{1,3}}\s*kg|\d{{3,4}}\s*(?:g|grammes)|\d{{1,2}}\s*lbs?)"
    r"(?![\w])"
)
# Twins or triplets named together: « Jumelles Clara et Jade Morin », "twins Ava and Leo", and, once twins are in the
# post, two first names joined: « Éloïse et Samuel vont à la garderie ».
NAMES23_TWINS = re.compile(r"(?i:\b(?:twins?|triplets?|jumeaux|jumelles?|jumeau|triplés|triplées)\b)")
NAMES23_TWO_FIRST_NAMES = re.compile(
    rf"(?<![\w'’.@#-])(?P<first>{NAME_WORD})\s+(?:et|and|&)\s+(?P<second>{NAME_WORD}(?:\s+{NAME_WORD})?)(?![\w'’-])"
)
# Little ones named by their family's surname: « les petits Benali », "the little Okafors".
NAMES23_LITTLE_ONES = re.compile(
    rf"(?<![\w'’-])(?:[Ll]es\s+(?:petits|petites|enfants|jumeaux|jumelles)|[Tt]he\s+little)\s+(?P<name>{NAME_WORD})"
    r"(?![\w'’-])"
)
# A patient's name said as their possessive or in apposition: "it's my patient's — Jenna's", "my patient, Roxy,".
NAMES23_MY_PATIENT_NAMED = re.compile(
    r"(?<![\w'’-])(?i:my|our|mon|ma|notre)\s+(?i:young\s+|little\s+|jeune\s+|petite?\s+)?(?i:patient|patiente)"
    r"(?:['’]s)?\s*[,—–:]\s*(?P<name>[A-ZÉÈÀÂÎÔÇ][a-zà-ÿ]+(?:-[A-ZÉÈÀÂÎÔÇ][a-zà-ÿ]+)?)(?:['’]s)?"
    r"(?=\s*[,.;:!?)]|\s+(?:who|qui|is|est|was|a)\b)"
)
# A parent named by the child's word for them in a birth or a care story: « Papa Jonathan a coupé le cordon », "Mom
# Shauna was furious". Then a verb; the author's own ("my Dad Rick") is left out.
NAMES23_PARENT_TITLED = re.compile(
    rf"(?<![\w'’.-])(?:Papa|Maman|Mom|Mum|Dad|Daddy|Mommy|Mama)\s+(?P<name>{NAME_WORD})(?=\s+[a-zà-ÿ])"
)
# A resident wished a birthday or an anniversary a care home keeps: "Happy 102nd birthday to Lottie", "Happy 65th
# anniversary to Bill and June Stratton", « Bon 101e anniversaire à Mémé Fine ». A great age or a long marriage.
NAMES23_GRANNY = r"(?:Mémé|Pépé|Mamie|Papi|Papy|Grand-maman|Grand-papa|Grandma|Grandpa|Granny|Nana|Gramma)\s+"
NAMES23_WISHED_A_GREAT_AGE = re.compile(
    r"(?i:happy|bon|bonne|joyeux|joyeuse)\s+(?P<ordinal>\d{2,3})\s*(?:st|nd|rd|th|e|ème|er)?\s+"
    r"(?i:birthday|anniversary|wedding anniversary|anniversaire|anniversaire de mariage|fête)\s+(?i:to|à)\s+"
    r"(?:(?i:our|notre|nos)\s+(?:[\w'’-]+\s+)?)?"
    rf"(?P<name>(?:{NAMES23_GRANNY})?{NAME_WORD}(?:\s+(?:and|et|&)\s+{NAME_WORD})?(?:\s+{NAME_WORD})?)(?![\w'’-])"
)
# A resident said by the room or with "our resident": "Bill and June Stratton in room 307", "Lottie, our resident
# poet", « Gérard, notre doyen », « Mme Roy de la chambre 12 ».
NAMES23_NAMED_AS_A_RESIDENT = re.compile(
    rf"(?<![\w'’.@#-])(?P<name>{NAME_WORD}(?:\s+(?:and|et|&)\s+{NAME_WORD})?(?:\s+{NAME_WORD})?)"
    r"(?:\s*,?\s+(?:in|en|de la|dans la)\s+(?:room|chambre)\s+\d{1,4}\b"
    r"|\s*,\s+(?:our|notre)\s+(?:resident|résidente?|pensionnaire|doyenne?|centenaire)\b)"
)
# A spouse or a child addressed in a patient's quoted words: 'looked at his wife and said, "Rita, you were right"'.
NAMES23_KIN_ADDRESSED_IN_QUOTES = re.compile(
    r"(?i:\b(?:his|her|their|sa|son|ses)\s+(?:wife|husband|daughter|son|partner|femme|mari|épouse|époux|fille|fils|"
    r"conjointe?)\b)[^.!?\n]{0,30}?(?i:said|told|whispered|asked|dit|a dit|lui a dit|a murmuré|a demandé)\s*,?\s*:?\s*"
    rf"[«\"“]\s*(?P<name>{NAME_WORD})\s*,"
)


def _names23_first_name(word: str) -> bool:
    """A first name the lexicon knows, with or without its accents (« Éloïse » as "Eloise")."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return names21_first_name(word) or names21_first_name(plain)


def names23_described_then_named(text: Text) -> list[Hit]:
    """Someone described by what they do or their age, then named in full between commas; in a post about care, as
    "a local teenager, Arvo Haukka," outside it may be anyone."""
    hits = []
    for match in NAMES23_DESCRIBED_THEN_NAMED.finditer(text.value):
        start, end = match.span("name")
        if clinical._clinical_name(text, start, end, match["name"].split()[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    return hits


def names23_children_beside_a_parent(text: Text) -> list[Hit]:
    """Newborns by their birth weights, twins named together, little ones by the family's surname, a patient named
    as "my patient's"."""
    hits = []
    for match in NAMES23_NAME_THEN_BIRTH_WEIGHT.finditer(text.value):
        if names21_first_name(match["name"]):
            hits += _patients_name(text, *match.span("name"), "name_patient")
    if NAMES23_TWINS.search(text.value):
        for match in NAMES23_TWO_FIRST_NAMES.finditer(text.value):
            second = match["second"].split()
            if _names23_first_name(match["first"]) and _names23_first_name(second[0]):
                start, end = match.span("first")
                if clinical._clinical_name(text, start, end, match["second"].split()[-1]):
                    hits += _patients_name(text, start, end, "name_patient")
                    hits += _patients_name(text, *match.span("second"), "name_patient")
    for match in NAMES23_LITTLE_ONES.finditer(text.value):
        if match["name"].lower() not in lexicon.NOT_A_NAME and not names21_first_name(match["name"]):
            hits += _patients_name(text, *match.span("name"), "name_relative")
    for match in NAMES23_MY_PATIENT_NAMED.finditer(text.value):
        if _names23_first_name(match["name"]):
            hits += _patients_name(text, *match.span("name"), "name_patient")
    # A parent by the child's word for them in a birth's story: « Maman Louise me manque » is the author's own.
    births = lexicon.BIRTH_CUES.search(text.value) or NAMES23_TWINS.search(text.value)
    for match in NAMES23_PARENT_TITLED.finditer(text.value) if births else ():
        if _names23_first_name(match["name"]) and not NAMES20_OWN_FAMILY_BEFORE.search(
            text.value, max(0, match.start() - 8), match.start()
        ):
            hits += _patients_name(text, *match.span("name"), "name_relative")
    return hits


def names23_residents_and_their_kin(text: Text) -> list[Hit]:
    """Care-home residents wished a great age or a long marriage, named with their room or as "our resident", and a
    spouse addressed in a patient's quoted words."""
    hits = []
    for match in NAMES23_WISHED_A_GREAT_AGE.finditer(text.value):
        great = int(match["ordinal"]) >= (50 if "anniv" in match.group(0).lower() else 80)
        birthday = "birthday" in match.group(0).lower() or "fête" in match.group(0).lower()
        if great and (not birthday or int(match["ordinal"]) >= 80):
            hits += _names23_each_person(text, match)
    for match in NAMES23_NAMED_AS_A_RESIDENT.finditer(text.value):
        if names21_first_name(match["name"].split()[0]):
            hits += _names23_each_person(text, match)
    for match in NAMES23_KIN_ADDRESSED_IN_QUOTES.finditer(text.value):
        if names21_first_name(match["name"]):
            hits += _patients_name(text, *match.span("name"), "name_relative")
    return hits


def _names23_each_person(text: Text, match: re.Match[str]) -> list[Hit]:
    """A couple's two names ("Bill and June Stratton") as two findings, each with the shared surname."""
    start, end = match.span("name")
    couple = re.search(r"\s+(?:and|et|&)\s+", text.value[start:end])
    if not couple:
        return _patients_name(text, start, end, "name_patient")
    second = Hit(Category.NAME, start + couple.end(), end, "name_patient", clinical._patient_phrase(text, ""))
    # The second name may be a month or a word too ("June Stratton"): the couple's shared surname says a person.
    return [*_patients_name(text, start, start + couple.start(), "name_patient"), second]


NAMES23_RULES = (
    names23_athletes_pupils_and_names_given,
    names23_children_beside_a_parent,
    names23_residents_and_their_kin,
)
NAMES23_RULES_IN_CARE = (names23_described_then_named,)


# --- Habits of the twenty-first and twenty-second authors' posts (names24), each general to how clinicians write. ---

NAMES24_FULL_NAME = rf"{NAME_WORD}\s+{NAME_WORD}"
# A contact tracer's list: a full name, then in lower case what the person does or where, each entry closed by a
# semicolon ("Ann Roe, bakery, days; Tim Lo, forklift, nights; …", « Luc Roy, cuisine, soir ; Léa Gagné, caisse… »).
NAMES24_LISTED = re.compile(
    rf"(?:(?<=[:;])|(?<=[:;]\s)|(?<=[:;]\s\s))(?:(?:and|et)\s+)?(?P<name>{NAMES24_FULL_NAME})\s*,\s+(?=[a-zà-ÿ])"
)
# A post about exposures and the people exposed, in either language.
NAMES24_CONTACT_CUES = re.compile(
    r"(?i:\bcontacts?\b|contact[- ]tracing|exposures?\b|exposed|expos[ée]e?s\b|index case|cas index|cas contacts?|"
    r"outbreak|éclosion|cluster|flambée|dépistage|screen(?:ed|ing)?\b)"
)
# One contact named: "TB contact Ann Roe, cook at the hotel", « cas contact : Léa Gagné, même classe ».
NAMES24_ONE_CONTACT = re.compile(
    rf"(?<![\w-])(?i:contact|cas contact|close contact|household contact|contact étroit)\s*:?\s+"
    rf"(?P<name>{NAMES24_FULL_NAME})(?=\s*[,(;])"
)
# Someone of the patient's, named by how they know them: "her coworker Joe Bain, same shift", « son collègue Marc
# Roy, même quart », « sa voisine Gisèle ». Another's colleague is a contact, not the author's colleague.
NAMES24_SOMEONE_OF_THEIRS = re.compile(
    r"(?<![\w-])(?i:his|her|their|son|sa|ses|leur|leurs)\s+(?i:co-?workers?|colleagues?|workmates?|collègues?|"
    r"roommates?|colocs?|colocataires?|neighbou?rs?|voisine?s?|boss|patronne?|employers?|employeur|employeuse|"
    r"carpool(?:er)?s?)\s+"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)(?![\w'’-])(?!\.\s*[A-Z])"
)


def names24_contacts_listed(text: Text) -> list[Hit]:
    """People listed by a contact tracer, and a contact named, in a post about exposures."""
    if not NAMES24_CONTACT_CUES.search(text.value):
        return []
    hits = []
    listed = [match for match in NAMES24_LISTED.finditer(text.value) if _a_person(match["name"])]
    for match in [*(listed if len(listed) >= 2 else ()), *NAMES24_ONE_CONTACT.finditer(text.value)]:
        start, end = match.span("name")
        if _a_person(match["name"]) and clinical._clinical_name(text, start, end, match["name"].split()[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    return hits


def names24_someone_of_theirs(text: Text) -> list[Hit]:
    """Someone of the patient's named by how they know them, in a post about exposures; read by the caller without
    the colleagues' test, since the colleague is the patient's."""
    if not NAMES24_CONTACT_CUES.search(text.value):
        return []
    hits = []
    for match in NAMES24_SOMEONE_OF_THEIRS.finditer(text.value):
        start, end = match.span("name")
        words = match["name"].split()
        if len(words) == 1 and not _names23_first_name(words[0]):
            continue
        if _a_person(match["name"]) and clinical._clinical_name(text, start, end, words[-1]):
            hits += _patients_name(text, start, end, "name_relative")
    return hits


# Initials between commas, the way a case is kept anonymous but still named: "the new isolate, D.M., matches",
# « un étudiant, Antoine V., qui m'autorise ». A province or a country in initials is none ("Vancouver, B.C.,").
NAMES24_INITIALS_BETWEEN_COMMAS = re.compile(
    r"(?<=,)\s*(?P<name>[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?)(?=\s*[,;)])"
    rf"|(?<=,)\s*(?P<first>{NAME_WORD}\s+[A-Z]\.)(?=\s*[,;)])"
)
NAMES24_PLACES_IN_INITIALS = frozenset(
    "A.B. B.C. M.B. N.B. N.L. N.S. N.T. N.U. O.N. P.E. Q.C. S.K. Y.T. P.E.I. U.S. U.K. D.C. A.M. P.M. U.S.A. "
    "N.W.T. E.U. R.U. N.-B. N.-É. Î.-P.-É. T.N.-O. C.-B. J.C. B.A. M.A. M.D. R.N. P.S. N.B.".split()
)


def names24_initials_in_apposition(text: Text) -> list[Hit]:
    """A patient's initials set between commas, in a post about care."""
    hits = []
    for match in NAMES24_INITIALS_BETWEEN_COMMAS.finditer(text.value):
        if match["name"] and re.sub(r"\s", "", match["name"]) not in NAMES24_PLACES_IN_INITIALS:
            hits.append(Hit(Category.NAME, *match.span("name"), "name_initials", ""))
    return hits


# Described with "a" or « un », then named by a first name and an initial: « un étudiant de Montpellier, Antoine V., »,
# "a trucker from Hay River, Dwayne K.,". A trade after an indefinite article describes a patient, not a colleague.
NAMES24_DESCRIBED_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:a|an|un|une)\s+[\w'’-]+(?:\s+(?:de|d['’]|du|from|in|at|à|of)\s*[\w'’-]+){0,2}\s*,\s*$"
)


def names24_described_then_initialled(text: Text) -> list[Hit]:
    """A first name and an initial between commas after a description with an indefinite article; read by the
    caller without the colleagues' test (the trade in the description is the patient's)."""
    hits = []
    for match in NAMES24_INITIALS_BETWEEN_COMMAS.finditer(text.value):
        if not match["first"] or not _names23_first_name(match["first"].split()[0]):
            continue
        start, end = match.span("first")
        if NAMES24_DESCRIBED_BEFORE.search(text.value, max(0, start - 60), start) and clinical._clinical_name(
            text, start, end, match["first"].split()[0]
        ):
            hits += _patients_name(text, start, end, "name_patient")
    return hits


# A message passed to someone by first name: "Tell Marv the cast comes off Friday", « Dites à Ginette que … ».
NAMES24_TELL = re.compile(
    rf"(?<![\w'’-])(?:[Tt]ell|[Rr]emind|[Dd]ites à|[Dd]is à|[Rr]appelez à|[Rr]appelle à)\s+(?P<name>{NAME_WORD})"
    r"(?=\s+(?:the|that|to|we|I|about|his|her|their|it|not|she|he|you|que|qu['’]|de|d['’]|on|nous|je|la|le|les)\b)"
)
# Who it was, said by name and then by what the reader knows of them: "yes, it was Mona, the one from Tuesday's
# flight", « oui, c'était Ginette, celle du 4e ».
NAMES24_IT_WAS = re.compile(
    r"(?i:\bit was|\bit's|\bthat was|\bthat's|c['’]était|c['’]est)\s+"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*,\s+"
    r"(?i:the one|the lady|the man|the guy|the woman|the girl|the boy|the kid|celle|celui|la dame|le monsieur)\b"
)


def names24_messages_passed(text: Text) -> list[Hit]:
    """A first name a message is passed to; read only in a post about care ("Tell Marv the cast comes off")."""
    hits = []
    for match in NAMES24_TELL.finditer(text.value):
        if _names23_first_name(match["name"]):
            start, end = match.span("name")
            if clinical._clinical_name(text, start, end, match["name"]):
                hits += _patients_name(text, start, end, "name_in_care")
    return hits


def names24_recognised(text: Text) -> list[Hit]:
    """Someone recognised by name, then by what the reader knows of them."""
    hits = []
    for match in NAMES24_IT_WAS.finditer(text.value):
        start, end = match.span("name")
        if _a_person(match["name"]) and clinical._clinical_name(text, start, end, match["name"].split()[-1]):
            hits += _patients_name(text, start, end, "name_patient")
    return hits


# A name with an age closing its sentence, "Driver Dana Roy, 38. Plate …", and a name with where they belong and an
# age, "Walt from the co-op, 97,", « Gilles du garage, 88 ans, ».
NAMES24_NAME_THEN_AGE_AT_A_STOP = re.compile(
    rf"(?<![\w.'’-])(?P<name>{NAMES24_FULL_NAME})\s*,\s*(?P<age>\d{{1,3}})(?:\s*(?:ans|yo|y/o|years? old))?\.(?=\s|$)"
)
NAMES24_NAME_FROM_THEN_AGE = re.compile(
    rf"(?<![\w.'’-])(?P<name>{NAME_WORD})\s+(?:from|of|at|de|du|d['’]|de la|de l['’])\s*(?:(?:the|our|la|le|l['’])\s*)?"
    r"[a-zà-ÿ][\w'’-]*(?:\s+[a-zà-ÿ][\w'’-]*)?\s*,\s*(?P<age>\d{1,3})(?:\s*(?:ans|yo|y/o|years? old))?\s*[,.)]"
)


def names24_names_with_an_age(text: Text) -> list[Hit]:
    """A full name with an age before a full stop; a first name with where they belong, then an age."""
    hits = []
    for pattern in (NAMES24_NAME_THEN_AGE_AT_A_STOP, NAMES24_NAME_FROM_THEN_AGE):
        for match in pattern.finditer(text.value):
            start, end = match.span("name")
            words = match["name"].split()
            if int(match["age"]) > 110 or not _a_person(match["name"]):
                continue
            if clinical.STREET_AFTER_NUMBER.match(text.value, match.end("age")):
                continue
            if clinical._clinical_name(text, start, end, words[-1]):
                hits += _patients_name(text, start, end, "name_with_age")
    return hits


# A family named by its surname with what is theirs: "the Wiebe family's bins", "the Cook family file", « le dossier de
# la famille Cook », « la ferme de la famille Roy ». Not a fund or a building named for a family ("the Weston Family
# Foundation": capitalised).
NAMES24_FAMILY_THINGS = (
    r"file|chart|records?|farm|home|house|yard|land|bins?|barn|quarter|cabin|truck|dog|kids|children|fridge|door|"
    r"dossier|ferme|maison|cour|terre|chalet|grange|camion|chien|enfants"
)
NAMES24_FAMILYS_THING = re.compile(
    rf"(?<![\w'’-])(?i:the)\s+(?P<name>{NAME_WORD})\s+family(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:{NAMES24_FAMILY_THINGS})\b"
    rf"|(?<![\w'’-])(?:{NAMES24_FAMILY_THINGS})\s+(?:de la|of the)\s+famille\s+(?P<nom>{NAME_WORD})(?![\w'’-])"
)


def names24_families_by_their_things(text: Text) -> list[Hit]:
    """A family named by its surname with its file, farm or home: the surname is the patient's."""
    hits = []
    for match in NAMES24_FAMILYS_THING.finditer(text.value):
        group = "name" if match["name"] else "nom"
        said = match[group]
        if _names23_first_name(said) or not _a_person(said):
            continue
        start, end = match.span(group)
        if clinical._clinical_name(text, start, end, said):
            hits += _patients_name(text, start, end, "name_relative")
    return hits


# A name printed in capitals on a record found or sent: « au nom de DUBOIS Marcel », "filed under the name of HART
# Lena", "in the name of Lena HART".
NAMES24_IN_THE_NAME_OF = re.compile(
    r"(?i:\bau nom de|\bsous le nom de|\bin the name of|\bunder the name(?: of)?)\s+[«\"“]?\s*"
    r"(?P<name>[A-ZÀ-ÖØ-Þ]{3,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?\s+"
    rf"{NAME_WORD}|{NAME_WORD}\s+[A-ZÀ-ÖØ-Þ]{{3,}}(?:-[A-ZÀ-ÖØ-Þ]{{2,}})?)(?![\w'’-])"
)
# A first name that owns a vehicle in a crash or a care story: "Tom's logging truck rolled", « le camion de Réal ».
NAMES24_VEHICLES = (
    r"truck|pickup|car|van|rig|semi|sled|snowmobile|skidoo|ski-doo|quad|atv|side-by-side|boat|trailer|tractor|"
    r"combine|motorcycle|bike|camion|voiture|bateau|motoneige|vtt|remorque|tracteur|moto"
)
NAMES24_OWNS_A_VEHICLE = re.compile(
    rf"(?<![\w'’.-])(?P<name>{NAME_WORD})['’]s\s+(?:[a-z-]+\s+){{0,2}}?(?i:{NAMES24_VEHICLES})\b"
    rf"|(?<![\w-])(?i:{NAMES24_VEHICLES})\s+(?:de|d['’])\s*(?P<nom>{NAME_WORD})(?![\w'’-])"
)
NAMES24_INCIDENT = re.compile(
    r"(?i:crash|rollover|rolled|jackknif|collision|collided|accident|flipped|overturned|injur|hurt|fracture|\bfx\b|"
    r"tonneau|renvers|blessé)"
)


def names24_records_and_vehicles(text: Text) -> list[Hit]:
    """A name in capitals a record was made in; a first name owning a vehicle in a crash or a care story."""
    hits = []
    for match in NAMES24_IN_THE_NAME_OF.finditer(text.value):
        hits += _patients_name(text, *match.span("name"), "name_on_label")
    if NAMES24_INCIDENT.search(text.value) or clinical.CLINICAL_CUES.search(text.value):
        for match in NAMES24_OWNS_A_VEHICLE.finditer(text.value):
            group = "name" if match["name"] else "nom"
            start, end = match.span(group)
            if _names23_first_name(match[group]) and clinical._clinical_name(text, start, end, match[group]):
                hits += _patients_name(text, start, end, "name_patient")
    return hits


# Someone described with "a" or « une », then named by a first name and counted: "a woman, Mona, 36 weeks,", « un
# homme, Réal, 58 ans, ». The count right after says a patient.
NAMES24_DESCRIBED_NAMED_COUNTED = re.compile(
    r"(?<![\w'’-])(?i:a|an|un|une)\s+(?:[\w'’-]+\s+){0,2}?"
    rf"(?i:{NAMES23_PEOPLE})\s*,\s*(?P<name>{NAME_WORD})\s*,\s*\d{{1,3}}\s*"
    r"(?i:ans|years?|yo|y/o|weeks?|semaines?|SA|months?|mois)?\s*[,.]"
)


def names24_described_named_and_counted(text: Text) -> list[Hit]:
    """A person described with an indefinite article, then a first name, then an age or a term of pregnancy."""
    hits = []
    for match in NAMES24_DESCRIBED_NAMED_COUNTED.finditer(text.value):
        start, end = match.span("name")
        if _a_person(match["name"]) and clinical._clinical_name(text, start, end, match["name"]):
            hits += _patients_name(text, start, end, "name_with_age")
    return hits


# Someone described by where they are, then named by a known first name between commas: "the guy in bed 9 at the
# Union Gospel shelter, Marcus, grey toque", « la dame de la chambre 4, Simone, ». Read in a post about care.
NAMES24_DESCRIBED_WHERE_THEN_NAMED = re.compile(
    r"(?<![\w'’-])(?i:the|a|an|le|la|l['’]|un|une)\s*(?i:"
    rf"{NAMES23_PEOPLE})\s+(?i:in|at|on|from|with|dans|au|à|du|de la|de|sur)\s+[^,.;:!?\n]{{1,40}}?,\s*"
    rf"(?P<name>{NAME_WORD})\s*(?=,|\s+[—–-]\s)"
)


def names24_described_where_then_named(text: Text) -> list[Hit]:
    """A person described by where they are, then named by a known first name between commas."""
    hits = []
    for match in NAMES24_DESCRIBED_WHERE_THEN_NAMED.finditer(text.value):
        start, end = match.span("name")
        if _names23_first_name(match["name"]) and clinical._clinical_name(text, start, end, match["name"]):
            hits += _patients_name(text, start, end, "name_patient")
    return hits


def names24_names(text: Text) -> list[Hit]:
    """Every names24 habit's hits; the caller leaves out colleagues and people met in a role."""
    return [hit for rule in NAMES24_RULES for hit in rule(text)]


def names24_names_of_theirs(text: Text) -> list[Hit]:
    """The names24 habits whose person the role words beside them make the patient's, not the author's colleague."""
    return [*names24_someone_of_theirs(text), *names24_described_then_initialled(text)]


# A patient's news by first name at a sentence's or a thread part's opening, in a post about care: "Gord is fine,
# chest tube out", « Réjean va bien, drain retiré ». The older rule reads "is home", "is recovering".
NAMES24_NEWS_OF = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=/\s)|(?<=\n))(?P<name>{NAME_WORD})\s+"
    r"(?:is|was)\s+(?:fine|doing (?:well|great|ok|better)|stable|awake|extubated|off the vent|"
    r"out of (?:surgery|the ICU|the OR|hospital)|up and walking|eating again|sitting up)\b"
    rf"|(?:^|(?<=[.!?]\s)|(?<=/\s)|(?<=\n))(?P<nom>{NAME_WORD})\s+"
    r"(?:va bien|va mieux|est stable|est réveillée?|est extubée?|est sortie? (?:du bloc|de réa|des soins intensifs)|"
    r"remange|se lève)\b"
)


def names24_news_of_a_patient(text: Text) -> list[Hit]:
    """A first name given with a patient's news at a sentence's opening; read only in a post about care."""
    hits = []
    for match in NAMES24_NEWS_OF.finditer(text.value):
        group = "name" if match["name"] else "nom"
        said = match[group]
        if said.lower() in lexicon.NOT_A_NAME or said.lower() in NAMES24_KIN_WORDS:
            continue
        start, end = match.span(group)
        # A word no first name ("Tylenol is fine") is a patient's only with a detail of their care after it.
        if not _names23_first_name(said) and not NAMES24_NEWS_DETAIL.match(text.value, match.end()):
            continue
        if clinical._clinical_name(text, start, end, said):
            hits += _patients_name(text, start, end, "name_in_care")
    return hits


NAMES24_NEWS_DETAIL = re.compile(
    r",\s*(?:[\w-]+\s+){0,2}(?:out|off|removed|retirée?s?|enlevée?s?|home|extubated|extubée?|discharged|walking)\b"
)
NAMES24_KIN_WORDS = frozenset(
    "mom mum dad mother father grandma grandpa nana papa maman mamie papi baby bébé everyone everybody".split()
)


def names24_names_in_care(text: Text) -> list[Hit]:
    """The names24 habits read only in a post about care (a message passed to a first name, initials)."""
    return [hit for rule in NAMES24_RULES_IN_CARE for hit in rule(text)]


NAMES24_RULES = (
    names24_contacts_listed,
    names24_recognised,
    names24_names_with_an_age,
    names24_families_by_their_things,
    names24_records_and_vehicles,
    names24_described_named_and_counted,
)
NAMES24_RULES_IN_CARE = (
    names24_messages_passed,
    names24_initials_in_apposition,
    names24_news_of_a_patient,
    names24_described_where_then_named,
)
