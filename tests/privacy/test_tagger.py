"""The language model (``privacy.tagger``): what it adds to the rules, what it takes away, and what it never touches."""

import importlib.util
import json
import threading
from pathlib import Path

import pytest

from privacy import tagger
from privacy import text as privacy_text
from privacy.base import IDENTIFIER_CATEGORIES, Category, Hit, Text

pytestmark = pytest.mark.with_tagger

BENCH = Path(__file__).resolve().parents[2] / "bench" / "privacy.py"


def found(body: str, language: str = "en") -> list[tuple[str, str, str]]:
    return [(f.category, f.excerpt, f.reason_code) for f in privacy_text.scan({"body": body}, language=language)]


def tagged_when_read_as(monkeypatch, body: str, piece: str, category: str, *, length: int | None = None) -> list[str]:
    """What the model adds when it reads one word piece of ``body`` (``piece``, or its first ``length`` characters) as
    ``category``, sure of it: the form checks after the reading are what is specified."""
    start = body.index(piece)
    end = start + (len(piece) if length is None else length)
    reading = tagger.Reading([start], [end], [0.99], [tagger.settings()["labels"].index(category)])
    monkeypatch.setattr(tagger, "read", lambda value: reading)
    return [body[hit.start : hit.end] for hit in tagger.tagged(Text(body, "en"))]


def test_the_model_comes_with_its_tokenizer_and_tags_every_identifier_category_and_no_warning():
    settings = json.loads((tagger.MODEL_DIR / "tagger.json").read_text(encoding="utf-8"))
    assert (tagger.MODEL_DIR / "tagger.onnx").is_file()
    assert (tagger.MODEL_DIR / "tokenizer.json").is_file()
    assert settings["labels"][0] == "O"
    assert set(settings["labels"][1:]) == set(IDENTIFIER_CATEGORIES)
    assert 0 < settings["keep"] < settings["add"] < 1


def test_an_empty_or_blank_text_is_read_without_error_and_finds_nothing():
    assert tagger.tagged(Text("", "en")) == []
    assert tagger.tagged(Text("   \n ", "fr")) == []


@pytest.mark.parametrize("value", ["https://oma.example.org/flu/book", "Anjali Rao", "#FluShot2026", "Post of 3/12"])
def test_a_bare_link_name_tag_or_few_words_give_the_model_nothing_to_read_and_it_adds_nothing(value):
    assert tagger.tagged(Text(value, "en")) == []


def test_a_lone_surrogate_from_a_form_is_read_as_an_unknown_character_and_offsets_stay_the_texts_own():
    body = "\ud800 My patient Mrs. Jones, born March 3, 1931, went home."
    reading = tagger.read(body)
    pieces = [body[start:end] for start, end in zip(reading.starts, reading.ends, strict=True)]
    assert pieces[:3] == ["My", "patient", "Mrs"]
    assert all(body[hit.start : hit.end].strip() for hit in tagger.tagged(Text(body, "en")))


def test_a_text_longer_than_one_window_is_read_whole_and_a_finding_past_the_first_window_keeps_its_offsets():
    filler = "Our clinic reviewed the regional screening figures with the health unit this autumn. " * 90
    body = filler + "My patient Mrs. Jones, born March 3, 1931, went home today."
    assert len(tagger._tokenizer().encode(body, add_special_tokens=False).ids) > 2 * tagger.WINDOW
    reading = tagger.read(body)
    assert len(reading.identifier) == len(reading.category) == len(reading.starts) == len(reading.ends)
    findings = privacy_text.scan({"body": body}, language="en")
    assert ("Mrs. Jones", "name") in [(f.excerpt, f.category) for f in findings]
    assert all(body[f.start : f.end] == f.excerpt for f in findings)


@pytest.mark.parametrize(
    ("category", "excerpt"),
    [
        (Category.EMAIL, "lise.tremblay@gmail.com"),
        (Category.HEALTH_CARD, "4532 281 059 KT"),
        (Category.NATIONAL_ID, "046 454 286"),
    ],
)
def test_a_finding_that_rests_on_the_texts_form_is_never_dropped_for_the_models_reading(monkeypatch, category, excerpt):
    body = f"Her file shows {excerpt} on the first page."
    start = body.index(excerpt)
    every_piece_clean = tagger.Reading([start], [start + len(excerpt)], [0.0], [1])
    monkeypatch.setattr(tagger, "read", lambda value: every_piece_clean)
    assert not tagger.reads_as_clean(Text(body, "en"), Hit(category, start, start + len(excerpt), "rule"))
    assert tagger.reads_as_clean(Text(body, "en"), Hit(Category.NAME, start, start + len(excerpt), "rule"))


def test_a_warning_is_never_dropped_for_the_models_reading():
    body = "Today in our ER a 34-year-old woman from Kenora came in with chest pain."
    hit = Hit(Category.ENCOUNTER, 0, len(body), "encounter")
    assert not tagger.reads_as_clean(Text(body, "en"), hit)


@pytest.fixture
def bench(monkeypatch):
    monkeypatch.setattr(privacy_text, "RULES", privacy_text.RULES)
    monkeypatch.setattr(privacy_text, "TAGGER", privacy_text.TAGGER)
    spec = importlib.util.spec_from_file_location("bench_privacy", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("which", ["tagger", "models"])
def test_the_bench_switches_the_model_off_its_findings_and_its_vetoes_alone_or_with_the_other_models(bench, which):
    rules = privacy_text.RULES
    bench.switch_off(which)
    assert privacy_text.TAGGER is False
    assert privacy_text.RULES == rules or which == "models"


def test_a_year_alone_is_never_added_as_a_date_of_care(monkeypatch):
    body = "My patient Mrs. Jones was first seen in 2019 and again on March 3."
    year, day = body.index("2019"), body.index("March 3")
    pieces = [(year, year + 4), (day, day + 5), (day + 6, day + 7)]
    reading = tagger.Reading([s for s, _ in pieces], [e for _, e in pieces], [0.99, 0.99, 0.99], [2, 2, 2])
    monkeypatch.setattr(tagger, "read", lambda value: reading)
    assert [body[hit.start : hit.end] for hit in tagger.tagged(Text(body, "en"))] == ["March 3"]


@pytest.mark.parametrize("field", ["DOB", "MRN", "OHIP", "NIR", "Adm", "DOA"])
def test_a_forms_field_name_left_alone_is_never_added_as_what_the_field_holds(monkeypatch, field):
    body = f"My patient, {field}, is home after the weekend."
    assert tagged_when_read_as(monkeypatch, body, field, "name") == []


@pytest.mark.parametrize(
    ("link", "someones"),
    [
        ("https://example.org/" + "a" * 60, False),
        ("https://cliniquedulac.ca/rendez-vous", False),
        ("facebook.com/julie.pelletier.qc", True),
        ("gofundme.com/f/help-tyler-heal", True),
    ],
)
def test_a_link_the_model_reads_as_someones_page_is_kept_only_on_a_site_of_peoples_pages(monkeypatch, link, someones):
    body = f"Flu shots are in, book your visit at {link} this week."
    assert bool(tagged_when_read_as(monkeypatch, body, link, "url_handle")) is someones


@pytest.mark.parametrize(
    ("link", "path", "someones"),
    [
        ("https://example.org/" + "a" * 60, "a" * 60, False),
        ("facebook.com/julie.pelletier.qc", "julie.pelletier.qc", True),
    ],
)
def test_a_link_the_model_tags_only_in_part_is_read_whole_before_its_site_is_judged(monkeypatch, link, path, someones):
    body = f"Flu shots are in, book your visit at {link}, this week."
    assert tagged_when_read_as(monkeypatch, body, path, "url_handle") == ([link] if someones else [])


@pytest.mark.parametrize(("said", "kept"), [("90-something", False), ("90s", False), ("90+", False), ("94", True)])
def test_an_age_the_model_reads_is_dropped_when_said_as_a_decade_or_with_a_plus(monkeypatch, said, kept):
    body = f"Last month I saw a {said} woman labelled as paranoid in her chart."
    assert bool(tagged_when_read_as(monkeypatch, body, said, "age", length=2)) is kept


@pytest.mark.parametrize(("span", "kept"), [("3B", False), ("59100", True), ("H2X 1Y4", True), ("02119-3807", True)])
def test_a_postal_code_the_model_reads_must_have_a_postal_codes_form(monkeypatch, span, kept):
    body = f"The family's address on the form, appartement 12, {span} Roubaix, was left on the bench."
    assert bool(tagged_when_read_as(monkeypatch, body, span, "postal_code")) is kept


def test_a_posts_texts_are_read_by_the_model_on_a_thread_of_their_own_while_the_rules_run(monkeypatch):
    threads = {}
    monkeypatch.setattr(tagger, "read", lambda value: threads.setdefault(value, threading.current_thread().name))
    texts = ["My patient Mrs. Jones went home today.", "A bare link", "Our flu clinic opens on Monday at nine."]
    ahead = tagger.ReadAhead(texts)
    for value in texts:
        ahead.wait_for(value)
    assert threads == {texts[0]: "privacy-tagger", texts[2]: "privacy-tagger"}


def test_a_reading_that_fails_on_its_thread_is_left_to_the_caller_who_meets_the_error_when_reading_again(monkeypatch):
    def unreadable(value):
        raise RuntimeError("the model file is damaged")

    monkeypatch.setattr(tagger, "read", unreadable)
    body = "My patient Mrs. Jones went home today."
    tagger.ReadAhead([body]).wait_for(body)
    with pytest.raises(RuntimeError, match="damaged"):
        privacy_text.scan({"body": body}, language="en")


def test_reading_a_posts_texts_ahead_finds_what_reading_them_in_turn_finds(monkeypatch):
    fields = {
        "body": "My patient Mrs. Jones, born March 3, 1931, went home to 14 Elm Street today.",
        "text:twitter": "Thank you to Dr. Amara Singh and the ward team for Mrs. Jones's care this week.",
    }
    ahead = privacy_text.scan(fields, language="en")

    class InTurn:
        def __init__(self, values):
            pass

        def wait_for(self, value):
            pass

    tagger.read.cache_clear()
    monkeypatch.setattr(tagger, "ReadAhead", InTurn)
    assert privacy_text.scan(fields, language="en") == ahead


@pytest.mark.parametrize(
    ("body", "word", "category"),
    [
        ("Le ionogramme de ce matin montre une natrémie basse chez plusieurs résidents du foyer.", "natrémie", "name"),
        ("Sur le port de Brest, un marin sur trois n'a pas de médecin traitant, selon l'enquête.", "marin", "name"),
        ("The lab slip came back with the word pending beside every result on the unit today.", "pending", "room"),
    ],
)
def test_one_lower_case_word_the_model_reads_as_a_name_or_a_room_is_never_added(monkeypatch, body, word, category):
    assert tagged_when_read_as(monkeypatch, body, word, category) == []


def test_a_lower_case_word_the_model_reads_as_part_of_an_address_is_kept_since_addresses_are_told_in_words(
    monkeypatch,
):
    body = "He came off the boat at the wharf in Petty Harbour, beside the stage where he keeps his traps."
    assert tagged_when_read_as(monkeypatch, body, "stage", "address") == ["stage"]


def test_the_whole_part_of_a_decimal_number_is_never_added_as_a_room(monkeypatch):
    body = "La réunion de la filière AVC est déplacée au lundi 16 h, salle 2.14 du bâtiment Hippocrate."
    assert tagged_when_read_as(monkeypatch, body, "2.14", "room", length=1) == []
    room = "Mme Roy est en chambre 214 depuis lundi, au bout du couloir."
    assert tagged_when_read_as(monkeypatch, room, "214", "room") == ["214"]


def test_a_name_right_after_patient_and_a_date_of_birth_are_never_dropped_for_the_models_reading(monkeypatch):
    body = "My patient Mrs. Jones, born March 3, 1931, went home today."
    reading = tagger.read(body)
    clean = tagger.Reading(reading.starts, reading.ends, [0.0] * len(reading.starts), reading.category)
    monkeypatch.setattr(tagger, "read", lambda value: clean)
    assert ("name", "Mrs. Jones", "name_titled") in found(body)
    assert ("date", "March 3, 1931", "date_of_birth") in found(body)


def test_lower_case_words_the_model_reads_as_a_name_are_never_added_however_many(monkeypatch):
    body = "Grosse fête dimanche à Albi pour l'anniversaire de ma grand-mère, avec toute la famille."
    assert tagged_when_read_as(monkeypatch, body, "fête dimanche", "name") == []


def test_one_capitalised_word_the_model_reads_as_an_address_is_a_place_unless_a_number_or_the_comes_before(
    monkeypatch,
):
    villages = "En cas d'urgence sur la glace, le 911, avec le village de pêche (Anse-à-Benjamin ou Grande-Baie)."
    assert tagged_when_read_as(monkeypatch, villages, "Grande-Baie", "address") == []
    code_and_town = "Elle vit seule, son adresse complète : quartier La Mauny, 97211 Rivière-Pilote, au fond."
    assert tagged_when_read_as(monkeypatch, code_and_town, "Rivière-Pilote", "address") == ["Rivière-Pilote"]
    building = "He lived in a single room at the Cobalt for three years before the overdose in the stairwell."
    assert tagged_when_read_as(monkeypatch, building, "Cobalt", "address") == ["Cobalt"]
