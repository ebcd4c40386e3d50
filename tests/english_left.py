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
# "Compose", "Queue", "Message", "Actions", "Notifications", "Date".
ENGLISH_WORDS = frozenset(
    """
    the and with your you are is was has have not this that these those from into which what when
    there their them they will would could should can't don't isn't it's of to in for by at
    who how why here only all more than after before again about
    post posts posting draft drafts schedule scheduled queued account accounts settings media
    organization network networks calendar campaign campaigns review approve approved reject
    analytics status details
    save cancel delete edit remove upload uploaded connect connected disconnect reconnect
    publish published retry failed failure failures sign log password e-mail email
    add show hide close open new back send search filter create update choose select
    preview next previous today week month yes no none nothing never always
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
