"""One line per expectation: what the guard flags in a text, as (category, excerpt) pairs."""

from privacy.text import scan


def flagged(text: str, *, language: str | None = None) -> list[tuple[str, str]]:
    return [(str(finding.category), finding.excerpt) for finding in scan({"body": text}, language=language)]


def categories(text: str, *, language: str | None = None) -> set[str]:
    return {category for category, _ in flagged(text, language=language)}
