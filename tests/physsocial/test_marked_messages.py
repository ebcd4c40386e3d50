"""What we refuse or report to people is marked for translation: no sentence written as a plain
literal (or an f-string) inside a ValidationError, PermissionDenied, Http404 or a flash message.

The catalogue test only sees marked strings and the page checks only the pages they render, so a
refusal that skips gettext would stay English on an error path nobody walks in French."""

import ast
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
APPS = ("accounts", "analytics", "audit", "campaigns", "physsocial", "posts", "scheduler")
REFUSALS = {"ValidationError", "PermissionDenied", "Http404"}
FLASHES = {"success", "error", "info", "warning"}
TRANSLATING = {"_", "gettext", "gettext_lazy", "ngettext", "pgettext", "pgettext_lazy", "ngettext_lazy", "gettext_noop"}


def name_of(call: ast.Call) -> str:
    return getattr(call.func, "id", None) or getattr(call.func, "attr", "")


def reports_to_people(call: ast.Call) -> bool:
    if name_of(call) in REFUSALS:
        return True
    # messages.error(request, …), not logger.error(…): logs stay in English for whoever runs the site.
    owner = getattr(call.func, "value", None)
    return name_of(call) in FLASHES and getattr(owner, "id", "") == "messages"


def unmarked_sentences(node: ast.AST):
    """Sentences under ``node`` that no translating call wraps."""
    if isinstance(node, ast.Call) and name_of(node) in TRANSLATING:
        return
    if isinstance(node, ast.JoinedStr):
        # f"{limit:,}" only formats a value; words around it would be a sentence to translate.
        words = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        if any(character.isalpha() for character in words):
            yield node.lineno, ast.unparse(node)[:80]
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value.strip():
        yield node.lineno, node.value[:80]
        return
    for child in ast.iter_child_nodes(node):
        yield from unmarked_sentences(child)


def calls_in_the_apps(leave_out=lambda path: False):
    """Every call in the apps' code (migrations and what ``leave_out`` names aside), with its file's name."""
    for app in APPS:
        for path in sorted((REPOSITORY / app).rglob("*.py")):
            if "migrations" in path.parts or leave_out(path):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    yield path.relative_to(REPOSITORY), node


def test_every_refusal_and_flash_message_is_marked_for_translation():
    found = []
    for path, call in calls_in_the_apps():
        if reports_to_people(call):
            for argument in [*call.args, *(keyword.value for keyword in call.keywords)]:
                found += [f"{path}:{line}: {text}" for line, text in unmarked_sentences(argument)]
    assert found == []


# What a form or a model shows beside a field. The API's serializers (serializers.py, api*.py) are left
# out: their help texts describe the API to programmers in the OpenAPI schema, which stays in English.
FIELD_WORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}


def describes_the_api(path: Path) -> bool:
    return path.name == "serializers.py" or (path.name.startswith("api") and "models" not in path.parts)


def test_every_label_and_help_text_of_a_field_is_marked_for_translation():
    found = []
    for path, call in calls_in_the_apps(leave_out=describes_the_api):
        for keyword in call.keywords:
            if keyword.arg in FIELD_WORDS:
                found += [f"{path}:{line}: {text}" for line, text in unmarked_sentences(keyword.value)]
    assert found == []
