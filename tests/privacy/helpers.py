"""One line per expectation: what the guard flags in a text, as (category, excerpt) pairs."""

from privacy.base import Category, Hit, Text
from privacy.public_roles import vetoed
from privacy.text import scan


def flagged(text: str, *, language: str | None = None) -> list[tuple[str, str]]:
    return [(str(finding.category), finding.excerpt) for finding in scan({"body": text}, language=language)]


def categories(text: str, *, language: str | None = None) -> set[str]:
    return {category for category, _ in flagged(text, language=language)}


def hit_on(text: str, excerpt: str, category: Category = Category.NAME, *, last: bool = False) -> Hit:
    """A finding on ``excerpt`` (its first occurrence, or its ``last``), as the language model would give it."""
    start = text.rindex(excerpt) if last else text.index(excerpt)
    return Hit(category, start, start + len(excerpt), "language_model")


def kept_when_flagged(
    text: str, excerpt: str, category: Category = Category.NAME, language: str = "en", *, last: bool = False
) -> bool:
    """Whether a finding on ``excerpt`` survives the vetoes, whichever rule or model found it."""
    return bool(vetoed(Text(text, language), [hit_on(text, excerpt, category, last=last)]))
