"""Hashtags as X finds them (twitter-text's rules), so the composer and the server agree.

twitter-text-parser, the Python port we count characters with, has no hashtag
extraction, so the rule is rebuilt here from twitter-text's definition
(``validHashtag`` and ``extractHashtagsWithIndices``, Apache-2.0):

* a hashtag starts with ``#`` or the full-width ``＃``, at the start of the
  text or after a character that could not continue a hashtag (and is not ``&``,
  so ``&#39;`` is not a hashtag);
* it is made of letters, combining marks, decimal digits, ``_`` and a few joiners
  and punctuation marks used inside words in some scripts, and needs at least
  one letter or mark (``#2024`` is not a hashtag);
* the sign must not be followed by a variation selector or the key-cap mark
  (the ``#️⃣`` emoji), and a hashtag followed by another ``#`` or by ``://``
  does not count;
* a hashtag inside a URL (``https://example.org/#section``) does not count.

twitter-text lists the letters, marks and digits as Unicode ranges; we take
them from Python's ``unicodedata`` (categories L*, M* and Nd), which is the
same definition on a newer Unicode version. ``tests/posts/test_hashtags.py``
compares the result with the vendored twitter-text bundle the browser runs.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache

from twitter_text import extract_urls_with_indices

HASH_SIGNS = "#\uff03"
# twitter-text's hashtagSpecialChars: joiners and in-word punctuation of some scripts.
SPECIAL_CHARS = "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"


def _ranges(predicate) -> str:
    """A regex character-class body for every code point ``predicate`` accepts, as ranges."""
    parts: list[str] = []
    start = None
    for code in range(sys.maxunicode + 2):
        accepted = code <= sys.maxunicode and predicate(unicodedata.category(chr(code)))
        if accepted and start is None:
            start = code
        elif not accepted and start is not None:
            end = code - 1
            parts.append(re.escape(chr(start)) if start == end else f"{re.escape(chr(start))}-{re.escape(chr(end))}")
            start = None
    return "".join(parts)


@cache
def _pattern() -> re.Pattern[str]:
    # Built on first use: scanning every code point takes a moment we need not pay at import.
    letters = _ranges(lambda category: category[0] in "LM")
    alphanumeric = letters + _ranges(lambda category: category == "Nd") + re.escape(SPECIAL_CHARS)
    alpha = f"[{letters}]"
    alnum = f"[{alphanumeric}]"
    boundary = f"(?:^|\ufe0e|\ufe0f|$|(?!{alnum}|&).)"
    return re.compile(
        f"({boundary})([{HASH_SIGNS}])(?!\ufe0f|\u20e3)({alnum}*{alpha}{alnum}*)",
        re.IGNORECASE | re.DOTALL,
    )


# What may not follow a hashtag; matched at the hashtag's end (``match(text, pos)`` anchors there).
_END = re.compile(f"[{HASH_SIGNS}]|://")


def extract_hashtags_with_indices(text: str) -> list[tuple[str, int, int]]:
    """``(hashtag without its sign, start, end)`` for each hashtag in ``text``, in order.

    Indices count code points; ``end`` is exclusive and includes the sign.
    """
    if not text or not any(sign in text for sign in HASH_SIGNS):
        return []
    tags: list[tuple[str, int, int]] = []
    for match in _pattern().finditer(text):
        before, _sign, tag = match.groups()
        if _END.match(text, match.end()):
            continue
        start = match.start() + len(before)
        tags.append((tag, start, start + len(tag) + 1))
    urls = [(item["indices"][0], item["indices"][1]) for item in extract_urls_with_indices(text)]
    if not urls:
        return tags
    return _without_url_overlaps(tags, urls)


def _without_url_overlaps(tags: list[tuple[str, int, int]], urls: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """twitter-text's removeOverlappingEntities: in start order, drop whatever begins inside the one before."""
    entities: list[tuple[int, int, str | None]] = [(start, end, tag) for tag, start, end in tags]
    entities += [(start, end, None) for start, end in urls]
    entities.sort(key=lambda entity: entity[0])  # stable: a hashtag stays before a URL at the same place
    kept: list[tuple[int, int, str | None]] = []
    for entity in entities:
        if kept and kept[-1][1] > entity[0]:
            continue
        kept.append(entity)
    return [(tag, start, end) for start, end, tag in kept if tag is not None]


def extract_hashtags(text: str) -> list[str]:
    """The hashtags in ``text`` without their ``#``, in order, as written (duplicates kept)."""
    return [tag for tag, _start, _end in extract_hashtags_with_indices(text)]


def unique_hashtags(texts: Iterable[str]) -> list[str]:
    """Each hashtag once (the first spelling wins; #MedTwitter and #medtwitter are one tag), in order."""
    seen: dict[str, str] = {}
    for text in texts:
        for tag in extract_hashtags(text):
            seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


def is_valid_hashtag(hashtag: str) -> bool:
    """Whether ``hashtag`` (with its sign) is exactly one hashtag, as twitter-text's isValidHashtag."""
    return bool(hashtag) and extract_hashtags(hashtag) == [hashtag[1:]]


def parse_hashtag_list(value: str | Iterable[str]) -> list[str]:
    """Hashtags typed as a list ("#MedTwitter #CDNHealth", "MedTwitter, CDNHealth" or a list),
    normalised to ``#Tag`` each, duplicates dropped. Raises ValueError naming the first one
    that X would not treat as a hashtag."""
    words = value.replace(",", " ").split() if isinstance(value, str) else [str(word).strip() for word in value]
    result: dict[str, str] = {}
    for word in words:
        if not word:
            continue
        tag = word if word[0] in HASH_SIGNS else f"#{word}"
        tag = "#" + tag[1:]
        if not is_valid_hashtag(tag):
            raise ValueError(f"{word} is not a hashtag X would recognise: use letters, digits and _ only.")
        result.setdefault(tag.casefold(), tag)
    return list(result.values())


def most_used(texts_hashtags: Iterable[Iterable[str]], *, limit: int = 10) -> list[str]:
    """The ``limit`` most frequent hashtags in lists of hashtags (without signs), as ``#Tag``.

    Case-insensitive counting; each is shown in its most frequent spelling.
    """
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for tags in texts_hashtags:
        for tag in tags:
            key = tag.casefold()
            counts[key] += 1
            spellings.setdefault(key, Counter())[tag] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [f"#{spellings[key].most_common(1)[0][0]}" for key, _count in ranked]
