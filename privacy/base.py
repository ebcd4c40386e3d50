"""What every rule of the text guard shares: the categories, a raw hit, and the text it looks at."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Category(StrEnum):
    NAME = "name"
    DATE = "date"
    AGE = "age"
    HEALTH_CARD = "health_card"
    NATIONAL_ID = "national_id"
    RECORD_NUMBER = "record_number"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    POSTAL_CODE = "postal_code"
    URL_HANDLE = "url_handle"
    PLATE = "plate"
    DEVICE_SERIAL = "device_serial"
    ROOM = "room"
    ENCOUNTER = "encounter"
    MEDICAL_ADVICE = "medical_advice"
    COMMERCIAL_INTEREST = "commercial_interest"
    HEATED = "heated"


# What can identify a patient blocks by default; the rest is a professional judgement the author makes.
WARNING_CATEGORIES = frozenset(
    {Category.ENCOUNTER, Category.MEDICAL_ADVICE, Category.COMMERCIAL_INTEREST, Category.HEATED}
)
IDENTIFIER_CATEGORIES = frozenset(Category) - WARNING_CATEGORIES


@dataclass(frozen=True)
class Hit:
    """One rule's answer, before it becomes a Finding: where, what, why, and the one-click fix."""

    category: Category
    start: int
    end: int
    reason_code: str
    # "" removes the span, a phrase replaces it; None means no one-click fix makes sense.
    replacement: str | None = ""


# A full stop after a title or an initial ("Mr. K", "M. Caron", "J. Smith", "Prof. Ito") does not end a sentence.
SENTENCE_END = re.compile(
    r"(?<=[.!?…])(?<!\b[A-Z]\.)(?<!Mr\.)(?<!Ms\.)(?<!Dr\.)(?<!St\.)(?<!no\.)(?<!Mrs\.)(?<!Dre\.)(?<!Prof\.)(?<!Rev\.)\s+|\n+"
)


@dataclass
class Text:
    """A field's text with the language it is in, and the windows rules read their context from."""

    value: str
    language: str  # "en" or "fr"
    _sentence_cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def lower(self) -> str:
        # Offsets must stay those of the value: a few characters ("İ") grow when lower-cased.
        lowered = self.value.lower()
        return lowered if len(lowered) == len(self.value) else self.value

    @cached_property
    def sentence_bounds(self) -> list[tuple[int, int]]:
        bounds, start = [], 0
        for match in SENTENCE_END.finditer(self.value):
            bounds.append((start, match.start()))
            start = match.end()
        bounds.append((start, len(self.value)))
        return bounds

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentence_bounds]

    def sentence_around(self, position: int) -> tuple[int, int]:
        index = max(0, bisect_right(self._sentence_starts, position) - 1)
        return self.sentence_bounds[index]

    def sentence_has(self, pattern: re.Pattern[str], position: int) -> bool:
        """Whether the sentence holding ``position`` matches; remembered, so many matches in one long
        sentence cost one search, not one each."""
        start, end = self.sentence_around(position)
        key = (pattern.pattern, start)
        if key not in self._sentence_cache:
            self._sentence_cache[key] = bool(pattern.search(self.value, start, end))
        return self._sentence_cache[key]

    def window(self, start: int, end: int, *, before: int = 60, after: int = 60) -> str:
        return self.lower[max(0, start - before) : end + after]


def words(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of the phrases as whole words."""
    body = "|".join(sorted(alternatives, key=len, reverse=True))
    return re.compile(rf"(?<![\w@#])(?:{body})(?![\w])", re.IGNORECASE)
