"""The scan API that the composer, the validate endpoint and the engine's re-check will call."""

import json
import subprocess
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from privacy.text import REASONS, Finding, apply_fix, detect_language, scan

ROOT = Path(__file__).resolve().parents[2]


def test_findings_name_their_field_and_offsets_into_that_fields_text():
    fields = {"body": "Thanks all.", "twitter": "My patient Mrs. Jones went home."}
    [finding] = scan(fields)
    assert finding.field == "twitter"
    assert fields["twitter"][finding.start : finding.end] == finding.excerpt == "Mrs. Jones"


def test_identifiers_block_and_professional_risks_warn_by_default():
    findings = scan({"body": "@kate you should stop taking the ibuprofen. DOB March 3, 1931."})
    severities = {str(finding.category): finding.severity_default for finding in findings}
    assert severities == {"medical_advice": "warn", "date": "block"}


def test_every_finding_carries_a_reason_code_and_its_plain_sentence():
    [finding] = scan({"body": "MRN 7730219 again."})
    assert finding.reason_code == "record_number"
    assert finding.reason == REASONS["record_number"]


def test_the_one_click_fix_replaces_a_name_with_a_generic_phrase():
    [english] = scan({"body": "Shout out to Mrs. Singh for walking today!"})
    [french] = scan({"body": "Bravo à Mme Roy qui a marché aujourd'hui!"})
    assert english.replacement == "a patient"
    assert french.replacement == "une patiente"


def test_a_name_after_the_word_patient_is_removed_rather_than_replaced():
    [finding] = scan({"body": "My patient Mrs. Jones went home."})
    assert finding.replacement == ""


def test_an_encounter_story_has_no_one_click_fix():
    [finding] = scan({"body": "Today in our ER a 34-year-old woman from Kenora with vision loss."})
    assert finding.replacement is None


def test_a_finding_cannot_be_changed_once_made():
    [finding] = scan({"body": "MRN 7730219 again."})
    with pytest.raises(FrozenInstanceError):
        finding.start = 0  # type: ignore[misc]
    assert isinstance(finding, Finding)


def test_empty_fields_and_clean_posts_give_no_findings():
    assert scan({}) == []
    assert scan({"body": "", "alt_text": "A sunrise over the lake."}) == []


def test_the_language_is_detected_per_field():
    assert detect_language("La patiente a eu son congé aujourd'hui et elle est contente.") == "fr"
    assert detect_language("The patient went home today and she is happy.") == "en"


def test_a_given_language_is_used_for_the_replacement():
    [finding] = scan({"body": "Bravo Mme Roy!"}, language="fr")
    assert finding.replacement == "une patiente"


def test_the_package_imports_neither_django_nor_our_apps():
    code = (
        "import sys, privacy.text; "
        "print([m for m in sys.modules if m.split('.')[0] in "
        "{'django', 'posts', 'accounts', 'scheduler', 'audit', 'physsocial'}])"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout.replace("'", '"')) == []


def test_the_fix_replaces_a_name_with_a_generic_phrase():
    text = "Shout out to Mrs. Singh for walking today!"
    [finding] = scan({"body": text})
    assert apply_fix(text, finding) == "Shout out to a patient for walking today!"


def test_the_fix_removes_a_span_without_leaving_double_spaces():
    text = "My patient Mrs. Jones went home. DOB March 3, 1931."
    fixed = text
    for finding in reversed(scan({"body": text})):
        fixed = apply_fix(fixed, finding)
    assert fixed == "My patient went home. DOB."


def test_a_warning_without_a_fix_cannot_be_applied():
    text = "Today in our ER a 34-year-old woman from Kenora with vision loss."
    [finding] = scan({"body": text})
    with pytest.raises(ValueError):
        apply_fix(text, finding)


def test_offsets_stay_right_when_lower_casing_would_lengthen_the_text():
    text = "İstanbul trip. My patient Mrs. Jones in bed 4."
    assert [text[f.start : f.end] for f in scan({"body": text})] == ["Mrs. Jones", "bed 4"]
