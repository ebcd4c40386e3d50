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


def test_every_refusal_and_flash_message_is_marked_for_translation():
    found = []
    for app in APPS:
        for path in sorted((REPOSITORY / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and reports_to_people(node):
                    for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                        for line, text in unmarked_sentences(argument):
                            found.append(f"{path.relative_to(REPOSITORY)}:{line}: {text}")
    assert found == []


# What a form or a model shows beside a field. The API's serializers (serializers.py, api*.py) are left
# out: their help texts describe the API to programmers in the OpenAPI schema, which stays in English.
FIELD_WORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}


def describes_the_api(path: Path) -> bool:
    return path.name == "serializers.py" or (path.name.startswith("api") and "models" not in path.parts)


def test_every_label_and_help_text_of_a_field_is_marked_for_translation():
    found = []
    for app in APPS:
        for path in sorted((REPOSITORY / app).rglob("*.py")):
            if "migrations" in path.parts or describes_the_api(path):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    for keyword in node.keywords:
                        if keyword.arg in FIELD_WORDS:
                            for line, text in unmarked_sentences(keyword.value):
                                found.append(f"{path.relative_to(REPOSITORY)}:{line}: {text}")
    assert found == []
