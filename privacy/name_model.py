"""A small trained model that reads a capitalised word as part of a patient's name, or not.

    >>> from privacy.base import Text
    >>> from privacy.name_model import names
    >>> [(hit.start, hit.end) for hit in names(Text("Mr. Ilyas Qureshi, 91, lives alone.", "en"))]
    [(0, 17)]

The rules (``clinical``, ``stories``, ``name_habits``) catch each author's habits once they are seen; this
model adds what the words around a name say, weighed from every author's labelled posts at once. It is a
logistic regression over generic features of each capitalised word (its shape, whether it is a known first
name, where it sits in its sentence, the lower-cased words around it, titles, nearby care, relative and
public-role words from ``privacy.lexicon``, the language); never the word itself, so no corpus's names are
learnt. ``bench/train_name_model.py`` fits it with scikit-learn and writes its weights, a plain JSON table,
to ``name_model.json`` beside this file; scoring here is a sum of weights, in plain Python, and the table is
read once per process, on first use.
"""

from __future__ import annotations

import re
from pathlib import Path

from privacy import clinical, lexicon, name_habits, stories, weights
from privacy.base import Category, Hit, Text

MODEL_FILE = Path(__file__).with_name("name_model.json")

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
SENTENCE_END_TOKENS = frozenset({".", "!", "?", "/", "…", ":", "\n", "|", "•", "-", "—", "(", '"', "“", "«"})
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "m", "mme", "mlle", "madame", "monsieur", "mademoiselle"})
DOCTOR_TITLES = frozenset({"dr", "dre", "docteur", "docteure", "doctor", "prof", "pr", "professor", "nurse"})
# Words that make the next capitalised one a place: "St. Michael's", "Sainte-Justine", "mont Albert".
PLACE_WORDS = frozenset(
    "st ste saint sainte mont mount lake lac fort port rue avenue allée boulevard boul chemin impasse école collège "
    "pavillon résidence residence manoir manor villa foyer chsld clsc hôpital hospital clinique clinic lodge".split()
)
OWN = frozenset({"my", "our", "mon", "ma", "mes", "notre", "nos"})
# Context read around a word, as (feature, pattern, characters before, characters after).
CUES = (
    ("person", lexicon.PERSON_CUES, 60, 60),
    ("care", lexicon.CARE_CUES, 120, 120),
    ("birth", lexicon.BIRTH_CUES, 80, 80),
    ("death", lexicon.DEATH_CUES, 80, 80),
    ("public", lexicon.PUBLIC_ROLE_CUES, 40, 40),
    ("organization", lexicon.ORGANIZATION_CUES, 40, 40),
    ("event", lexicon.EVENT_CUES, 80, 80),
    ("public_figure", lexicon.PUBLIC_FIGURES, 0, 0),
    ("organization_name", lexicon.ORGANIZATION_NAMES, 0, 0),
)
# Feasts, capitalised like names and said beside family and care ("her last Easter at home"). « Noël » is also a
# first name, so it stays a candidate.
HOLIDAYS = frozenset(
    "christmas xmas easter thanksgiving hanukkah chanukah halloween ramadan diwali kwanzaa pâques toussaint "
    "hallowe'en".split()
)
# Cues that are names themselves: a word inside one is not a patient's.
SPAN_CUES = frozenset({"public_figure", "organization_name"})


def shape(word: str) -> str:
    if len(word) == 1:
        return "X"
    if word.isupper():
        return "XX"
    if word[1:].islower():
        return "Xx"
    return "XxX"


def candidates(text: Text) -> list[tuple[int, int, dict[str, float]]]:
    """Each capitalised word of the text, with its features: ``(start, end, {feature: value})``."""
    value, lower = text.value, text.lower
    tokens = [(match.start(), match.end()) for match in TOKEN.finditer(value)]
    words_lower = [lower[start:end] for start, end in tokens]
    context = [_context_word(value[start:end], low) for (start, end), low in zip(tokens, words_lower, strict=True)]
    cue_positions, cue_spans = {}, {}
    for name, pattern, _, _ in CUES:
        matches = list(pattern.finditer(value))
        cue_positions[name] = [match.start() for match in matches]
        if name in SPAN_CUES:
            cue_spans[name] = [(match.start(), match.end()) for match in matches]
    titled = {words_lower[index + 1] for index in range(len(tokens) - 1) if _is_title(words_lower, index)}
    doctors = doctors_named(words_lower)
    capitalised = {}
    for start, end in tokens:
        word = value[start:end]
        if word[0].isupper():
            capitalised[word.lower()] = capitalised.get(word.lower(), 0) + 1
    found = []
    for index, (start, end) in enumerate(tokens):
        word = value[start:end]
        if not word[0].isalpha() or not word[0].isupper():
            continue
        if start and value[start - 1] in "#@":
            continue  # a hashtag or a handle: the identifiers' rules read those
        if value[end : end + 1] == "&" or (start and value[start - 1] == "&") or value[end : end + 2] == ".-":
            continue  # a letter of an abbreviation ("M&M", "Q&A", « N.-B. »), not "M." before a name
        if words_lower[index] in HOLIDAYS:
            continue  # "his first Christmas cooking": a feast is nobody's name
        low = words_lower[index]
        features = {"bias": 1.0, f"shape={shape(word)}": 1.0, f"lang={text.language}": 1.0}
        previous = _word(words_lower, index - 1)
        sentence_start = previous in SENTENCE_END_TOKENS or previous == "<s>"
        if previous == "." and index >= 2 and len(words_lower[index - 2]) <= 3:
            sentence_start = _is_metres(words_lower, index - 2) or (
                words_lower[index - 2] not in ANY_TITLE and len(words_lower[index - 2]) > 1
            )
        if sentence_start:
            features["sentence_start"] = 1.0
        if low in lexicon.FIRST_NAMES:
            features["first_name"] = 1.0
            features[f"first_name&sentence_start={sentence_start}"] = 1.0
        if low in lexicon.NOT_A_NAME:
            features["not_a_name"] = 1.0
        if low in TITLES:
            features["is_title"] = 1.0
        if low in DOCTOR_TITLES:
            features["is_doctor_title"] = 1.0
        if len(word) <= 2 and _word(words_lower, index + 1) == ".":
            features["initial"] = 1.0
        for offset in (-2, -1, 1, 2):
            features[f"w{offset:+d}={_word(context, index + offset)}"] = 1.0
        for offset, side in ((-1, "previous"), (1, "next")):
            neighbour = index + offset
            if 0 <= neighbour < len(tokens) and value[tokens[neighbour][0]].isupper():
                features[f"{side}_capitalised"] = 1.0
        back = words_lower[max(0, index - 3) : index]
        if any(_is_courtesy_title(words_lower, at) for at in range(max(0, index - 2), index)):
            features["after_title"] = 1.0
        if any(token in DOCTOR_TITLES for token in back[-2:]):
            features["after_doctor_title"] = 1.0
        if any(token in PLACE_WORDS for token in back[-2:]) or low in PLACE_WORDS:
            features["place"] = 1.0
        if any(token in OWN for token in back):
            features["after_own"] = 1.0
        if _word(words_lower, index + 1) in ("'s", "’s") or low.endswith(("'s", "’s")):
            features["possessive"] = 1.0
        if low in titled:
            features["titled_elsewhere"] = 1.0
        if low in doctors:
            features["doctor_elsewhere"] = 1.0
        if capitalised.get(low, 0) > 1:
            features["repeated"] = 1.0
        for name, _pattern, reach_before, reach_after in CUES:
            if name in cue_spans:
                if any(s <= start and end <= e for s, e in cue_spans[name]):
                    features[f"in_{name}"] = 1.0
            elif weights.any_between(cue_positions[name], start - reach_before, end + reach_after):
                features[f"cue_{name}"] = 1.0
        features.update(_phrase_features(value, start, end))
        sentence_start_at, sentence_end_at = text.sentence_around(start)
        for name in ("person", "care"):
            if weights.any_between(cue_positions[name], sentence_start_at, sentence_end_at):
                features[f"sentence_{name}"] = 1.0
        for name, pattern in (
            ("nm19_sentence_past", NAMEMODEL19_PAST),
            ("nm19_sentence_future", NAMEMODEL19_FUTURE),
            ("nm19_sentence_date", NAMEMODEL19_DATE_OR_AGE),
        ):
            if text.sentence_has(pattern, start):
                features[name] = 1.0
        found.append((start, end, features))
    return found


# What is said right beside a name, in any words an author may choose: its age in apposition ("Tyler, a 19-year-old",
# « Lou, 16 ans »), that it is a patient ("Winnie, the most stubborn patient"; "my patient Ada"), that its person
# agreed to be shown ("Bill Oyelaran, who agreed to be filmed"), that it is addressed ("Thanks, Linda!"), or quoted.
NEXT_NAME_WORDS = re.compile(r"(?:[ \t'’-]+[A-ZÀ-Ö][\w'’-]*)*")
AGE_AFTER = re.compile(
    r"\s*[,(]\s*(?:\d{1,3}\s*(?:ans|yo|y/o|years?|months?|mois|[,)])"
    r"|(?:an?|une?)\s+(?:\d{1,3}|[a-z]+)[- ](?:year|month|week))"
    # A career's length is no age: « Sylvie M., 38 ans de carrière », "Pat, 30 years of service".
    r"(?!\s*(?:de\s+(?:carrière|service|métier|pratique|maison)|d['’](?:expérience|ancienneté)|"
    r"of\s+(?:service|practice|experience|nursing)|on\s+the|in\s+(?:practice|nursing)))",
    re.IGNORECASE,
)
PATIENT_AFTER = re.compile(
    r"\s*,\s*(?:the|a|an|our|my|one of (?:my|our|the)|le|la|l['’]|une?|notre|ma|mon|l['’]une? de (?:mes|nos))\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:patients?|patientes?)\b",
    re.IGNORECASE,
)
PATIENT_BEFORE = re.compile(
    r"\b(?:patients?|patientes?|pt)\s*,?\s*"  # "my patient Ada", « la patiente Mme Roy »
    r"(?:(?:M\.|Mme|Mrs?\.?|Ms\.?)\s*)?$",
    re.IGNORECASE,
)
AGREED_AFTER = re.compile(
    r"\s*,\s*(?:who|qui)\s+(?:\w+\s+){0,2}?"
    r"(?:agreed|consented|accepted|allowed|a accepté|a consenti|a permis|m['’]a permis)"
    # to be shown or told: not "agreed to write the preface"
    r"[^.!?\n]{0,30}?(?:film|photo|pictur|record|video|vidéo|shar|show|tell|told|post|publi|interview|stor|"
    r"témoign|racont|partag|enregistr|montr|entrevue|histoire)",
    re.IGNORECASE,
)
ADDRESSED_BEFORE = re.compile(
    r"(?:thanks|thank you|merci|bravo|congrats|congratulations|félicitations|hi|hello|bonjour|salut|proud of you|"
    r"fière? de toi)[^.!?\n]{0,40}?,\s*$",
    re.IGNORECASE,
)
# Working roles beyond care: a peer worker, a driver, a shop's owner, front-desk staff (« pair aidant », « notre
# chauffeur », "the bakery owner, Ms. X"). Only the model reads these; the public-roles pass has its own.
NAMEMODEL19_MORE_ROLES = (
    r"pairs?[ -]aidants?|paires?[ -]aidantes?|peer(?:[ -]support)?[ -]workers?|peer|driver|chauffeur|chauffeuse|"
    r"owner|propriétaire|receptionist|réceptionniste|paramedic|ambulanci\w+|technician|technicien\w*|doula|"
    r"MOA|staff|intern|interne|externe|officer|agente?|organizer|organisatrice|organisateur|speaker|"
    r"conférencière?|animatrice|animateur|associée?|médecin|physician|doctor|founder|fondatrice|"
    r"fondateur|director|directrice|directeur|councillor|conseillère?|elder|aîné|aînée"
)
ROLE_BESIDE = re.compile(
    r"\s*,\s*(?:our|my|the|notre|la|le|l['’])?\s*(?:[\w'’-]+\s+){0,2}?(?:nurse|infirmière|"
    r"[\w-]*(?:ologist|ologue|ician|iatrist|iatre|thérapeute|therapist)|pharmacist|pharmacienne?|coordinator|"
    r"coordonnatrice|manager|gestionnaire|résidente?|resident|student|étudiante?|clerk|commis|préposée?|volunteer|bénévole|"
    rf"{NAMEMODEL19_MORE_ROLES})s?\b",
    re.IGNORECASE,
)


# Where a patient is: "Mr. G in dialysis chair 4", « M. F (lit 4) », "Bill (93), in bed 2", "from room 212".
BED_AFTER = re.compile(
    r"[^.!?\n]{0,14}?\b(?:bed|beds|lit|chair|fauteuil|room|chambre|box|bay|civière|stretcher|bassinet|isolette|"
    r"couveuse)\s*#?\s*\d",
    re.IGNORECASE,
)


# A colleague's role or calling right before the name: "our social worker Ms. Dana W.", « notre psychologue, Mme
# Karine B. », "NP Chantelle", "Rev. Ingrid", "Elder Joseph", "Imam Ahmad".
ROLE_BEFORE = re.compile(
    r"\b(?:(?:our|my|the|notre|nos|la|le|l['’])\s+(?:[\w'’-]+\s+){0,3}?(?:nurse|infirmière|"
    r"[\w-]*(?:ologist|ologue|ician|iatrist|iatre|thérapeute|therapist)|pharmacist|pharmacienne?|coordinator|"
    r"coordonnatrice|manager|gestionnaire|résidente?|resident|student|étudiante?|clerk|commis|préposée?|volunteer|"
    r"bénévole|specialist|spécialiste|social worker|travailleuse sociale|travailleur social|chaplain|aumônière?|"
    r"secretary|secrétaire|"
    r"colleague|collègue|navigator|navigatrice|interpreter|interprète|cadre|midwife|sage-femme|"
    rf"{NAMEMODEL19_MORE_ROLES})s?"
    r"|NP|RN|RT|SW|rev|reverend|rabbi|imam|pastor|pasteure?|elder|aîné|aînée)"
    r"\s*[.,:]?\s*(?:(?:Mrs?|Ms|Mme|Mlle|M)\.?\s+)?$",
    re.IGNORECASE,
)


# The sentence's tense: a story is told in the past (« est arrivé », "was admitted"), an event announced in the
# future or the present (« nous accueillons », "will speak"); and a day, a date or an age said in it.
NAMEMODEL19_PAST = re.compile(
    r"\b(?:was|were|had|did|came|went|told|said|died|\w{3,}ed|"
    r"(?:a|ai|as|avons|avez|ont|est|suis|es|sommes|sont)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|i|ie|u|ue|is|it)|"
    r"\w+(?:ait|aient|ais))\b",
    re.IGNORECASE,
)
NAMEMODEL19_FUTURE = re.compile(
    r"\b(?:will|'ll|going to|join us|register|welcome|bienvenue|va|vont|allons|\w{3,}(?:era|eront|erons|ira|iront)|"
    r"sera|seront|aura|auront|rejoignez|inscri\w*|accueill\w*|join)\b",
    re.IGNORECASE,
)
NAMEMODEL19_DATE_OR_AGE = re.compile(
    rf"\b(?:{lexicon.MONTHS_EN}|{lexicon.MONTHS_FR}|{lexicon.WEEKDAYS_EN}|{lexicon.WEEKDAYS_FR}|yesterday|tonight|"
    r"today|this morning|last night|hier|ce matin|cette nuit|aujourd'hui|\d{1,3}[- ]?(?:year|yo|y/o|ans|mois|months?|"
    r"weeks?|semaines))\b",
    re.IGNORECASE,
)


# The words of a name before this one, with their titles: "Ms. Dana " before "Whitcombe".
PREVIOUS_NAME_WORDS = re.compile(r"(?:[A-ZÀ-Ö][\w'’-]*\.?[ \t]+)*$")
# Named in one list with a doctor: "Mme Danièle Roux et le Dr Karim Haddad", "Dr. Lee, Dr. Park and Sam Tran".
DOCTOR_LISTED_AFTER = re.compile(r"\s*(?:,|and|et|&)\s*(?:(?:the|le|la)\s+)?(?:Dre?|Pre?|Prof)\b\.?\s+[A-ZÀ-Ö]")
DOCTOR_LISTED_BEFORE = re.compile(
    r"\b(?:Dre?|Pre?|Prof)\b\.?\s+[A-ZÀ-Ö][\w'’-]*(?:\s+[A-ZÀ-Ö][\w'’-]*)*\s*(?:\([^)]{0,20}\))?\s*"
    r"(?:,|and|et|&)\s*(?:(?:and|et)\s+)?$"
)


def _phrase_features(value: str, start: int, end: int) -> dict[str, float]:
    run_end = NEXT_NAME_WORDS.match(value, end).end()  # after the whole name: "Kenji Arsenault, a 17-year-old"
    # before the whole name too: "my patient Ada Lovelace", "notre psychologue, Mme Karine Bessette"
    run_start = PREVIOUS_NAME_WORDS.search(value, max(0, start - 40), start).start()
    before = value[max(0, run_start - 40) : run_start]
    features = {}
    for name, pattern, at in (
        ("age_after", AGE_AFTER, run_end),
        ("patient_after", PATIENT_AFTER, run_end),
        ("agreed_after", AGREED_AFTER, run_end),
        ("role_after", ROLE_BESIDE, run_end),
        ("bed_after", BED_AFTER, run_end),
    ):
        if pattern.match(value, at):
            features[name] = 1.0
    if PATIENT_BEFORE.search(before):
        features["patient_before"] = 1.0
    if ROLE_BEFORE.search(before):
        features["role_before"] = 1.0
    if DOCTOR_LISTED_AFTER.match(value, run_end) or DOCTOR_LISTED_BEFORE.search(before):
        features["listed_with_doctor"] = 1.0
    if ADDRESSED_BEFORE.search(before) and value[run_end : run_end + 2].strip()[:1] in ("!", ".", ",", ""):
        features["addressed"] = 1.0
    if value[max(0, start - 2) : start].strip() in QUOTES:
        features["quoted"] = 1.0
    return features


def doctors_named(words_lower: list[str]) -> set[str]:
    """The words named with a doctor's title anywhere in the text: "Dr. Margaret Chen … Rest well, Margaret"."""
    named = set()
    for index, word in enumerate(words_lower):
        if word in DOCTOR_TITLES:
            following = [w for w in words_lower[index + 1 : index + 7] if w != "."][:3]
            for name in following:
                if not name[0].isalpha():
                    break
                named.add(name)
    return named


KEPT_AS_THEY_ARE = TITLES | DOCTOR_TITLES | OWN | lexicon.NOT_A_NAME
ANY_TITLE = TITLES | DOCTOR_TITLES


def _context_word(word: str, low: str) -> str:
    """A neighbour as a feature: lower-case words as they are; numbers, first names (also in an address or a
    handle) and other capitalised words by their kind only, so that no name read in training becomes a weight."""
    if word[0].isdigit():
        return "<number>"
    if low in KEPT_AS_THEY_ARE:
        return low
    if low in lexicon.FIRST_NAMES:
        return "<first name>"
    return "<capitalised>" if word[0].isupper() else low


def _is_title(words_lower: list[str], index: int) -> bool:
    following = index + 2 if _word(words_lower, index + 1) == "." else index + 1
    return _is_courtesy_title(words_lower, index) and following == index + 1


def _is_courtesy_title(words_lower: list[str], index: int) -> bool:
    """ "M." before a name is "Monsieur"; after a number it is metres ("1,000 m. Use SPF 30"), and the word after
    it starts a sentence."""
    return words_lower[index] in TITLES and not _is_metres(words_lower, index)


def _is_metres(words_lower: list[str], index: int) -> bool:
    return words_lower[index] == "m" and index > 0 and words_lower[index - 1][:1].isdigit()


def _word(words_lower: list[str], index: int) -> str:
    return words_lower[index] if 0 <= index < len(words_lower) else "<s>"


def _model() -> dict:
    return weights.table(MODEL_FILE)


def scores(text: Text, model: dict | None = None) -> list[tuple[int, int, float]]:
    """Each capitalised word with the model's probability that it is part of a patient's name."""
    return weights.logistic_scores(candidates(text), model or _model())


BESIDE_A_NAME = 0.3
JOINER = re.compile(r"[ \t'’-]{1,2}|\.[ \t]?|[ \t]")


def _joined(text: Text, first: tuple | list, second: tuple | list) -> bool:
    """Two words of one name: next to each other, a full stop between them only after an initial or a title
    ("R. T.", "Mr. Okoro"), never after a whole word ("…called Anna. Anna was…")."""
    gap = text.value[first[1] : second[0]]
    if not JOINER.fullmatch(gap):
        return False
    word = text.lower[first[0] : first[1]]
    return "." not in gap or len(word) <= 2 or word in ANY_TITLE


def spans(text: Text, model: dict | None = None, threshold: float | None = None) -> list[tuple[int, int, float]]:
    """Runs of adjacent words the model reads as a name, each with its best word's probability; then the
    same names said again elsewhere in the text ("Jorge Almeida … Jorge"), as the rules do. A title alone
    ("M." before a minister's name) is not a name."""
    model = model or _model()
    threshold = model["threshold"] if threshold is None else threshold
    scored = scores(text, model)
    chosen = {index for index, (_, _, probability) in enumerate(scored) if probability >= threshold}
    # A chosen word takes the capitalised words right beside it that the model half believes: the whole name,
    # "Winston Okoro", not only the surname it was sure of.
    for index in sorted(chosen):
        if _only_titles(text.lower[scored[index][0] : scored[index][1]]):
            continue  # a title alone says nothing of the word after it ("Mr. Bean")
        for step in (-1, 1):
            at = index
            while 0 <= at + step < len(scored) and scored[at + step][2] >= BESIDE_A_NAME:
                first, second = sorted((at, at + step))
                if not _joined(text, scored[first], scored[second]):
                    break
                at += step
                chosen.add(at)
    runs: list[list] = []
    for index in sorted(chosen):
        start, end, probability = scored[index]
        if runs and _joined(text, runs[-1], scored[index]):
            runs[-1][1], runs[-1][2] = end, max(runs[-1][2], probability)
        else:
            runs.append([start, end, probability])
    doctors = doctors_named([text.lower[start:end] for start, end in _token_bounds(text)])
    found = [
        run
        for run in runs
        if not _only_titles(text.lower[run[0] : run[1]])
        and not doctors & set(_name_words(text.lower[run[0] : run[1]]))
        and not _a_place(text, run[0], run[1])
    ]
    said = {word for start, end, _ in found for word in _name_words(text.lower[start:end])}
    for start, end, _ in scored:
        if text.lower[start:end] in said and not any(s <= start < e for s, e, _ in found):
            found.append([start, end, 0.0])
    return sorted((start, end, probability) for start, end, probability in found)


def _token_bounds(text: Text) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in TOKEN.finditer(text.value)]


def _name_words(span: str) -> list[str]:
    return [word for word in TOKEN.findall(span) if len(word) > 2 and word not in ANY_TITLE]


def _a_place(text: Text, start: int, end: int) -> bool:
    """A run that is or follows a place word: "St. Michael's", "Hôpital Sainte-Justine". After a courtesy title a
    saint is a surname ("Mme Saint-Pierre", "M. St-Onge"), and a place word before a stop or a colon is not the
    name's ("Teaching pearl from clinic: Mrs. Okafor", "…run my clinic. Walter …")."""
    before = re.findall(r"\w+|[^\w\s]", text.lower[max(0, start - 24) : start])  # « l'école » gives « école »
    inside = TOKEN.findall(text.lower[start:end])
    if inside and inside[0] not in TITLES and PLACE_WORDS & set(inside):
        return True
    # The place word may stand a word or two back: "allée des Érables", « l'école secondaire Jean-Baptiste-Meilleur ».
    for back, word in enumerate(reversed(before[-3:])):
        if word in PLACE_WORDS and all(
            between[0].isalpha() or between in "'’" for between in before[len(before) - back :]
        ):
            return True
    return before[-2:-1] == ["st"]  # "St. Michael's"


def _only_titles(span: str) -> bool:
    # "henderson's" is a word too: "Mrs. Henderson's discharge" is more than a title.
    return all(word in ANY_TITLE for word in TOKEN.findall(span) if word[0].isalpha())


def names(text: Text) -> list[Hit]:
    """The model's names, less those the rules know are no patient's: a colleague named with a role or a
    title anywhere in the post, the author's own family outside a story of care, a name the author made up."""
    patient = "un patient" if text.language == "fr" else "a patient"
    return [
        Hit(Category.NAME, *_whole_compound(text, start, _without_possessive(text, start, end)), "name_model", patient)
        for start, end in vetted(text, spans(text))
    ]


COMPOUND_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]*-$")
COMPOUND_AFTER = re.compile(r"-[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]*")


def _whole_compound(text: Text, start: int, end: int) -> tuple[int, int]:
    """A word is scored alone, but "Anne" in "Jo-Anne" is the whole first name: the vetoes read it whole ("midwives
    Hannah Ryan and Jo-Anne MacNeil"), and the one-click fix replaces it whole."""
    before = COMPOUND_BEFORE.search(text.value, max(0, start - 20), start)
    after = COMPOUND_AFTER.match(text.value, end)
    return (before.start() if before else start), (after.end() if after else end)


POSSESSIVE_END = re.compile(r"['’]s$", re.IGNORECASE)
# A word that names a group of people, by the plural after it: "Black patients were 28 % less likely…", « les
# familles Innues ». No one's name is followed by "patients" (the retrained names model read "Black" so).
GROUP_OF_PEOPLE_AFTER = re.compile(
    r"\s+(?:patients|people|persons|families|communities|women|men|children|youth|adults|residents|Canadians|"
    r"patientes|personnes|familles|femmes|hommes|enfants|communautés|jeunes|aînés)\b"
)


def _without_possessive(text: Text, start: int, end: int) -> int:
    """A token is "Doreen's" whole; the name, as the rules and the one-click fix take it, is "Doreen"."""
    possessive = POSSESSIVE_END.search(text.value, start, end)
    return possessive.start() if possessive and possessive.start() > start else end


def vetted(text: Text, found: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    if not found:
        return []
    if stories.PSEUDONYM.search(text.value):
        return []  # "not her real name": the names in this post were made up; the rules read the rest
    _, colleagues = stories._people(text)
    colleagues = {word.lower() for word in colleagues}
    made_up = {word.lower() for name in name_habits.pseudonyms(text) for word in TOKEN.findall(name)}
    # A doctor named with a title is a colleague everywhere in the post: "Dr Jacques-Henri Morissette …
    # Merci pour tout, Jacques-Henri."
    colleagues |= {
        word.lower() for match in clinical.DOCTOR_NAMED.finditer(text.value) for word in TOKEN.findall(match.group())
    }
    kept = []
    for found_start, found_end, _ in found:
        # "Henri" in "Dr Jacques-Henri Morissette" is read as the whole hyphenated name it belongs to.
        start, end = _whole_hyphenated(text, found_start, found_end)
        words = {word for word in TOKEN.findall(text.lower[start:end]) if word[0].isalpha()} - TITLES - DOCTOR_TITLES
        if (
            words & colleagues
            or words & made_up
            or stories._named_as_colleague(text, _with_title(text, _list_start(text, start)), end)
            or _a_thing_named_in_quotes(text, start, end)
            or stories.AN_ANIMAL_AFTER.match(text.value, end)
            or _an_authors_work(text, start, end)
            or _not_a_patient_by_the_rules(text, start, end)
            or NAMEMODEL19_ONE_OF_OURS_AFTER.match(text.value, end)
            or POSSESSIVE_END.sub("", text.lower[start:end]) in lexicon.PROVINCES_AND_COUNTRIES
            or (len(words) == 1 and GROUP_OF_PEOPLE_AFTER.match(text.value, end))
        ):
            continue
        kept.append((found_start, found_end))
    return kept


# One of the author's own group named by what they are to it, and nothing more said in the apposition: "Mathéo,
# notre ailier, qui a marqué samedi", "Sam, our goalie, made the save". Told of care it is a patient again: « Mathéo,
# notre ailier blessé au genou ». Only the model's hits: the rules read their own cues.
NAMEMODEL19_ONE_OF_OURS_AFTER = re.compile(
    r"\s*,\s*(?:our|my|notre|mon|ma)\s+(?!(?:patients?|patientes?|clients?|clientes?)\b)[\w'’-]+\s*,", re.IGNORECASE
)


# Someone's published work names its author, not a patient: "Allan Kellehear's work on compassionate cities",
# "Atul Gawande's book", « les travaux de Cicely Saunders ».
WORK_AFTER = re.compile(
    r"(?:[\s'’-]*[A-ZÀ-Ö][\w'’-]*)*(?<=['’]s)\s+(?:\w+\s+)?(?:work\s+(?:on|in|about)|books?|research|"
    r"essays?|articles?|lectures?|podcast|theory|framework|writings)\b"
)
WORK_BEFORE = re.compile(
    r"(?i:\b(?:travaux|livre|livres|ouvrage|ouvrages|article|articles|étude|études|recherches|conférence|théorie|"
    r"écrits|essai)\s+(?:de|d['’]))\s*$"
)


def _an_authors_work(text: Text, start: int, end: int) -> bool:
    return bool(WORK_AFTER.match(text.value, end) or WORK_BEFORE.search(text.value, max(0, start - 30), start))


# The names before this one in a list: "especially Farrah Q. and " before "Bao-Tran N.".
NAMES_LISTED_BEFORE = re.compile(
    r"(?:[A-ZÀ-Ö][\w'’.-]*[ \t]+)*[A-ZÀ-Ö][\w'’.-]*(?:[ \t]*,[ \t]*|[ \t]+(?:and|et|&)[ \t]+)$"
)


def _list_start(text: Text, start: int) -> int:
    """Where a list of names holding this one starts: names listed together share the role said before the first
    ("the nurses at our unit, especially Farrah Q. and Bao-Tran N.")."""
    for _ in range(4):
        listed = NAMES_LISTED_BEFORE.search(text.value, max(0, start - 60), start)
        if not listed:
            break
        start = listed.start()
    return start


NAME_HYPHEN_PART_BEFORE = re.compile(r"[\w'’]+-$")
NAME_HYPHEN_PART_AFTER = re.compile(r"-[\w'’]+")


def _whole_hyphenated(text: Text, start: int, end: int) -> tuple[int, int]:
    """Widen a span that is a part of a hyphenated name ("Henri" of "Jacques-Henri", "Ahmed" of "McTavish-Ahmed")
    to the whole word, so that the title before it and the role around it are read."""
    while before := NAME_HYPHEN_PART_BEFORE.search(text.value, max(0, start - 40), start):
        start = before.start()
    while after := NAME_HYPHEN_PART_AFTER.match(text.value, end):
        end = after.end()
    return start, end


def _not_a_patient_by_the_rules(text: Text, start: int, end: int) -> bool:
    """What the rules know of any name: a place ("école Jean-Baptiste-Meilleur", "allée des Érables"), a thing
    ("the Jasper trail"), a public role, a character of a series or the person a reply is addressed to."""
    first = _first_name_word(text, start, end)
    surname = text.value[start:end].split()[-1]
    return (
        clinical.names_a_place(text, start)
        or clinical.names_a_place(text, first)
        or clinical.names_a_thing(text, start, end)
        or not clinical._clinical_name(text, first, end, surname)
    )


def _first_name_word(text: Text, start: int, end: int) -> int:
    """Where the name proper starts, past a courtesy title: "Mrs. Hale" is read from "Hale"."""
    title = re.match(r"(?:Mrs?|Ms|Mme|Mlle|M|Miss|Mx)\.?\s+", text.value[start:end])
    return start + title.end() if title else start


TITLE_BEFORE = re.compile(r"\b(?:Mrs?|Ms|Mme|Mlle|M|Miss|Mx)\.?\s+$")


def _with_title(text: Text, start: int) -> int:
    """Where the name starts with its courtesy title: the role before "Mme Jacinthe Roussel" is read from "Mme"."""
    title = TITLE_BEFORE.search(text.value, max(0, start - 8), start)
    return title.start() if title else start


# A word in quotes names a thing or a nickname; the rules tell which ("« Gérard », her IV pole").
QUOTES = frozenset({'"', "“", "«", "'", "‘"})
CLOSING_QUOTES = frozenset({'"', "”", "»", "'", "’"})
# Someone called by a name: « ses amies l'appelaient « Juju » », "everyone called him 'Bear'".
CALLED_BEFORE = re.compile(
    r"(?:\b(?:l['’]|les\s+)appel\w*|\bappel\w*|\bsurnomm\w*|\bcall(?:s|ed|ing)?\s+(?:him|her|them|me|us))"
    r"[^.!?\n]{0,12}$",
    re.IGNORECASE,
)


def _a_thing_named_in_quotes(text: Text, start: int, end: int) -> bool:
    """One word alone in quotes names a thing ("her IV pole « Gérard »"); a person is called by it, and more in
    the quotes (« Réal Thériault », "K. Lindqvist – bed 14", a lock screen's "Brianna O.") is read off a page."""
    if text.value[max(0, start - 2) : start].strip() not in QUOTES:
        return False
    closes = text.value[end : end + 2].strip()[:1] in CLOSING_QUOTES
    return closes and not CALLED_BEFORE.search(text.value, max(0, start - 40), start)


RULES = (names,)
