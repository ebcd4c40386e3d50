"""Scan a post's texts for what could identify a patient, and for professional risks.

    >>> from privacy.text import scan
    >>> [f.category for f in scan({"body": "My patient Mrs. Jones, DOB March 3, 1931, is home."})]
    [<Category.NAME: 'name'>, <Category.DATE: 'date'>]

``scan`` takes every text of a post by field name (the base text, each network's text, alt texts,
a YouTube title…) and answers a list of :class:`Finding`, each naming its field and its character
offsets in that field, so an editor can highlight it and offer the one-click fix. Rules are ours:
regular expressions with context windows and hand-written word lists (``privacy.lexicon``), plus
the ``phonenumbers`` library, plus three small trained models, for patients' names (``privacy.name_model``),
dates (``privacy.date_model``) and rooms and places where a patient stays (``privacy.place_model``), each a table
of weights read from a file beside it on first use, and a gazetteer of towns (``privacy.gazetteer``, GeoNames'
places in ``places.txt``) that vetoes a town read as a name. Then a fine-tuned language model (``privacy.tagger``)
reads the text: it drops the rules' identifiers it reads as clean and adds what it reads as an identifier where no
rule found one. Nothing is downloaded, at import or at run time.

``reason`` is a plain English sentence kept as a message id: the Django edge translates it with
``gettext(REASONS[finding.reason_code])`` (or ``gettext(finding.reason)``); ``privacy`` itself
imports nothing from Django.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

from privacy import (
    clinical,
    conduct,
    date_model,
    gazetteer,
    identifiers,
    name_model,
    place_model,
    places,
    public_roles,
    stories,
    tagger,
)
from privacy.base import IDENTIFIER_CATEGORIES, WARNING_CATEGORIES, Category, Hit, Text

__all__ = [
    "REASONS",
    "RULES_VERSION",
    "SEVERITY_DEFAULT",
    "Category",
    "Finding",
    "apply_fix",
    "detect_language",
    "scan",
    "texts_digest",
]

BLOCK, WARN = "block", "warn"
SEVERITY_DEFAULT: dict[Category, str] = {
    **{category: BLOCK for category in IDENTIFIER_CATEGORIES},
    **{category: WARN for category in WARNING_CATEGORIES},
}

# Message ids, in English, for a later gettext wrapper; keyed by the rule's reason code.
REASONS: dict[str, str] = {
    "name_titled": "A name with a courtesy title reads as a patient or a patient's relative.",
    "name_patient": "A name given to a patient can identify them.",
    "name_relative": "The name of a patient's relative can identify the patient.",
    "name_with_age": "A name with an age reads as a patient's.",
    "name_in_care": "A first name in a story of care can identify the patient.",
    "name_initials": "A patient's initials can identify them in a small community.",
    "name_again": "This name was given earlier in the text to a patient or a patient's relative.",
    "name_on_label": "A name on a wristband, label or chart identifies the patient.",
    "name_model": "The words around this name read like those around a patient's name.",
    "language_model": "The language model reads this as something that can identify a patient.",
    "date_of_birth": "A date of birth identifies a person; keep only the year, or leave it out.",
    "date_of_care": "A date tied to someone's care can identify them; keep only the year, or leave it out.",
    "age_over_89": 'An age over 89 is rare enough to identify a person; say "over 90" instead.',
    "health_card": "This looks like a health card number.",
    "bc_phn": "This looks like a British Columbia personal health number.",
    "ssn": "This looks like a US Social Security number.",
    "sin": "This looks like a Social Insurance Number.",
    "nir": "This looks like a French social security number (NIR).",
    "passport": "This looks like a passport number.",
    "niss": "This looks like a Belgian national register number (NISS).",
    "avs": "This looks like a Swiss social security number (AVS).",
    "personnel_number": "A worker's employee or badge number identifies them to their workplace.",
    "record_number": "This looks like a medical record or chart number.",
    "licence_number": "A licence, permit or status card's number identifies its holder.",
    "named_code": "A number named as someone's card, tag, file, flight or registration points at that person.",
    "phone": "This phone number seems to belong to a person rather than an organization.",
    "email": "This e-mail address seems to belong to a person rather than an organization.",
    "address": "A street address near a person can identify them.",
    "postal_code": "A postal or ZIP code near a person narrows them down to a few streets.",
    "fundraiser": "A fundraiser or memorial page points at one person.",
    "profile": "This link or handle points at a patient or their family.",
    "handle_of_patient": "Replying to someone about their own care tells everyone that they are a patient.",
    "plate": "A licence plate identifies its owner.",
    "device_serial": "A device serial number is linked to the patient who carries it.",
    "room": "A bed, room or ward tied to a person can identify them.",
    "encounter": "A recent, local encounter story can let the patient or their family recognise themselves.",
    "medical_advice": "This reads as medical advice to one person, which a public post cannot give safely.",
    "commercial_offer": "A discount code or affiliate link is a commercial interest; add a disclosure such as #ad.",
    "commercial_interest": "Praise for a product without a disclosure can hide a commercial interest.",
    "heated": "This reads as heated or insulting; the colleges expect courtesy in public.",
    "heated_shouting": "This reads as shouting; the colleges expect courtesy in public.",
}


@dataclass(frozen=True)
class Finding:
    category: Category
    severity_default: str  # "block" or "warn"; the organization's policy may change it
    field: str
    start: int
    end: int
    excerpt: str
    reason_code: str
    reason: str
    # The one-click fix: a generic phrase ("a patient"), "" to remove the span, None when none makes sense.
    replacement: str | None


FRENCH_WORDS = frozenset(
    "le la les des du un une et est pour dans avec sur au aux ce cette qui que pas ne je nous vous il elle "
    "son sa ses mon ma mes notre nos leur été très plus où ça c'est j'ai d'un d'une l'équipe merci mais "
    "chez par sont avons avez ont fait aujourd'hui hier".split()
)
ENGLISH_WORDS = frozenset(
    "the and of to in is for with on at this that was my our you he she his her it be are from have has "
    "we they today thanks thank who what just all not an".split()
)
WORD = re.compile(r"[a-zà-ÿ']+")


def detect_language(text: str) -> str:
    """English or French, by which language's common words the text uses more; English when unsure."""
    tokens = WORD.findall(text.lower())
    french = sum(token in FRENCH_WORDS for token in tokens)
    english = sum(token in ENGLISH_WORDS for token in tokens)
    return "fr" if french > english else "en"


RULES = (
    *identifiers.RULES,
    *stories.RULES,
    *clinical.RULES,
    *conduct.RULES,
    *name_model.RULES,
    *date_model.RULES,
    *place_model.RULES,
    *places.RULES,
    *places.PLACES23_RULES,
    *places.PLACES24_RULES,
    *gazetteer.RULES,
)
# The language model (``privacy.tagger``) reads after the rules: it drops their hits it reads as clean and adds its
# own where no rule found anything. False (``bench/privacy.py --without tagger``) leaves it out.
TAGGER = True
# Where two rules claim the same characters, the more specific one wins (a health card is not a phone);
# a name and a date, or any warning and an identifier, may overlap and are both kept.
PRECEDENCE = [
    Category.HEALTH_CARD,
    Category.NATIONAL_ID,
    Category.RECORD_NUMBER,
    Category.DEVICE_SERIAL,
    Category.PLATE,
    Category.POSTAL_CODE,
    Category.EMAIL,
    Category.URL_HANDLE,
    Category.PHONE,
]
COMPETING = frozenset(PRECEDENCE)
RANK = {category: index for index, category in enumerate(PRECEDENCE)}


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Drop duplicates and the weaker of two overlapping number-like identifiers."""
    kept: list[Hit] = []
    ordered = sorted(hits, key=lambda hit: (RANK.get(hit.category, len(RANK)), -(hit.end - hit.start), hit.start))
    for hit in ordered:
        if any(_overlaps(hit, other) and _competes(hit, other) for other in kept):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda hit: (hit.start, hit.end, hit.category))


def _overlaps(first: Hit, second: Hit) -> bool:
    return first.start < second.end and second.start < first.end


def _competes(first: Hit, second: Hit) -> bool:
    return first.category == second.category or (first.category in COMPETING and second.category in COMPETING)


def _rule_hits(
    text: Text, *, colleagues_elsewhere: frozenset[str] = frozenset(), ahead: tagger.ReadAhead | None = None
) -> list[Hit]:
    """Every rule's hits on one text, less the vetoed ones; then the language model's reading (see ``TAGGER``),
    which ``ahead`` may have started on another thread."""
    hits = public_roles.vetoed(
        text, [hit for rule in RULES for hit in rule(text)], colleagues_elsewhere=colleagues_elsewhere
    )
    if TAGGER:
        if ahead:
            ahead.wait_for(text.value)
        kept = [hit for hit in hits if not tagger.reads_as_clean(text, hit)]
        # Where a rule found the identifier, its span, reason and fix stand ("4471823", not the model's "MRN 4471823").
        identifiers_kept = [hit for hit in kept if hit.category in IDENTIFIER_CATEGORIES]
        added = [hit for hit in tagger.tagged(text) if not any(_overlaps(hit, other) for other in identifiers_kept)]
        hits = kept + public_roles.vetoed(text, added, colleagues_elsewhere=colleagues_elsewhere)
    return identifiers.ids25_postal_codes_out_of_addresses(text, hits)


def scan_text(value: str, *, language: str | None = None) -> list[Hit]:
    text = Text(value, language or detect_language(value))
    hits = _rule_hits(text, ahead=tagger.ReadAhead([value]) if TAGGER else None)
    return _resolve([*hits, *stories.names24_nicknames_beside(text, hits)])


def _scan_texts(fields: Mapping[str, str], *, language: str | None) -> dict[str, list[Hit]]:
    """Each field's hits, then the names found in one field looked for in the others: a post's texts are
    read together (a thread's parts, the base text and a network's own), so "Okafor" in part 3 is the
    "Mr. Okafor" of part 1."""
    texts = {field: Text(value, language or detect_language(value)) for field, value in fields.items() if value}
    ahead = tagger.ReadAhead([text.value for text in texts.values()]) if TAGGER else None
    # A veto (someone in a public role, a holiday, an organisation…) applies to every rule's hits, the model's too;
    # a person met in a role in one text ("Rev. Ingrid Solheim") is a colleague in the others.
    colleagues = (
        frozenset().union(*map(public_roles.people_in_roles, texts.values())) if len(texts) > 1 else frozenset()
    )
    hits = {field: _rule_hits(text, colleagues_elsewhere=colleagues, ahead=ahead) for field, text in texts.items()}
    # A quoted nickname right after a name kept, whichever rule or model found the name.
    hits = {field: [*found, *stories.names24_nicknames_beside(texts[field], found)] for field, found in hits.items()}
    if len(texts) > 1:
        tokens = {field: stories.name_tokens(texts[field], hits[field]) for field in texts}
        for field, text in texts.items():
            elsewhere = set().union(*(tokens[other] for other in texts if other != field)) - tokens[field]
            recalled = stories.recalled_from_other_texts(text, elsewhere, hits[field])
            hits[field] += public_roles.vetoed(text, recalled, colleagues_elsewhere=colleagues)
    return {field: _resolve(field_hits) for field, field_hits in hits.items()}


def scan(fields: Mapping[str, str], *, language: str | None = None) -> list[Finding]:
    """Every finding in every field, in field order then position; empty when the post is clean.

    Field names are the caller's: the edge can use e.g. ``"body"``, ``"text:twitter"``, ``"alt:<media id>"``,
    ``"thread:2"``, ``"youtube_title"``; they come back unchanged in ``Finding.field``.
    """
    findings = []
    for field, hits in _scan_texts(fields, language=language).items():
        value = fields[field]
        for hit in hits:
            findings.append(
                Finding(
                    category=hit.category,
                    severity_default=SEVERITY_DEFAULT[hit.category],
                    field=field,
                    start=hit.start,
                    end=hit.end,
                    excerpt=value[hit.start : hit.end],
                    reason_code=hit.reason_code,
                    reason=REASONS[hit.reason_code],
                    replacement=hit.replacement,
                )
            )
    return findings


def _rules_version() -> str:
    """A digest of everything a scan's answer depends on besides its texts: this package's code, word
    lists and the names model's weights (``name_model.json``), and the ``phonenumbers`` release. Any
    change to a rule or a retrained model changes it, with nobody to remember to bump a number."""
    digest = hashlib.sha256(phonenumbers.__version__.encode())
    package = Path(__file__).parent
    for path in sorted([*package.glob("*.*"), *package.glob("tagger/*.*")]):
        if path.suffix in (".py", ".txt", ".json", ".onnx"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


RULES_VERSION = _rules_version()


def texts_digest(fields: Mapping[str, str]) -> str:
    """A fingerprint of what ``scan(fields)`` answers from: the texts (with their field names) and
    ``RULES_VERSION``. Two equal fingerprints mean the same scan, so the same findings."""
    encoded = json.dumps([RULES_VERSION, list(fields.items())], ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \t]+(?=[,.;:!?)])")
DOUBLE_SPACE = re.compile(r"[ \t]{2,}")


def apply_fix(value: str, finding: Finding) -> str:
    """The field's text with the finding's one-click fix applied, spaces tidied where a span was removed.

    Apply fixes from the last finding to the first: offsets after an applied fix move.
    """
    if finding.replacement is None:
        raise ValueError(f"{finding.category} has no one-click fix")
    fixed = value[: finding.start] + finding.replacement + value[finding.end :]
    if finding.replacement:
        return fixed
    around = slice(max(0, finding.start - 1), finding.start + 2)
    tidied = SPACE_BEFORE_PUNCTUATION.sub("", DOUBLE_SPACE.sub(" ", fixed[around]))
    return fixed[: around.start] + tidied + fixed[around.stop :]
