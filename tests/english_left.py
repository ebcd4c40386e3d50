"""Find English left on a page that should be in French.

A page's visible text (text nodes and the attributes people read or hear: title, placeholder,
aria-label, alt) is searched for words that French never uses: short function words such as
"the" or "your", and the interface's own verbs and nouns ("Save", "Schedule", "posts"). What the
people wrote (post texts, account and organization names, hashtags) is English when they write
English, so it is left out before the search; so are code samples and the networks' names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser

# Words a French page never shows, matched whole, in lower case or with a capital first letter.
# Words French also uses are left out, however common in English: "on", "or", "a", "an",
# "Compose", "Queue", "Message", "Actions", "Notifications", "Date", "zone", "change". The browser
# walk (tests/browser/test_french_walk_browser.py) reads the same list.
ENGLISH_WORDS = frozenset(
    """
    about account accounts add after again all all-day always analytics and any approve approved are at
    author back before but by calendar campaign campaigns can can't cancel cannot caption character
    characters choose clear close connect connected could create cut day delete details disconnect don't
    draft drafts e-mail each edit email events everyone failed failure failures filter for from go has
    hashtags have help here hide how in into is isn't it's less limit link list log marked may media
    month more must network networks never new next no none not nothing now of only open organization
    out password past post posting posts preview previous problem problems publish published queued
    ready reconnect reject remove retry review save saved schedule scheduled search select send settings
    should show sign state status text than that the their them then there these they this those time
    timed title to today update upload uploaded view was week what when which who why will with would
    year yes you your
    """.split()
)
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "data-label", "hx-confirm")
# Code, and what people typed into a form (their text, their link), are not the interface's words.
SKIPPED_ELEMENTS = ("script", "style", "code", "pre", "kbd", "samp", "template", "textarea")
# A word, or an identifier such as utm_campaign (one word, not "campaign").
WORD = re.compile(r"[^\W\d_][\w'’-]*")
ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+")
# Time zones keep their IANA names in every language ("America/Port of Spain").
TIME_ZONE = re.compile(r"\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[^,;()]*")


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self._skipping.append(tag)
        if not self._skipping:
            self.pieces += [value for name, value in attrs if name in READ_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.pieces.append(data)


def visible_text(html: str) -> list[str]:
    """The text of ``html`` a person reads or a screen reader says, piece by piece."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return [" ".join(piece.split()) for piece in parser.pieces]


def english_left(html: str, *, people_wrote: Iterable[str] = ()) -> list[str]:
    """The pieces of ``html``'s visible text that still contain an English word, once what people
    wrote (``people_wrote``: texts, names), web and e-mail addresses and time zones are taken out; each piece
    is followed by the English words found in it."""
    written = sorted({" ".join(text.split()) for text in people_wrote if text and text.strip()}, key=len, reverse=True)
    left = []
    for piece in visible_text(html):
        remainder = TIME_ZONE.sub(" ", ADDRESS.sub(" ", piece))
        for text in written:
            remainder = remainder.replace(text, " ")
        if english := [word for word in WORD.findall(remainder) if _as_listed(word) and word.lower() in ENGLISH_WORDS]:
            left.append(f"{piece} ← {', '.join(english)}")
    return left


def _as_listed(word: str) -> bool:
    """A word counts as written (all lower case) or capitalized, not in capitals such as an acronym."""
    return word == word.lower() or word == word.capitalize()
