"""Turn the marked-up sources (``*.src.txt``) into the labelled JSONL files the tests and the bench read.

A source line is ``lang|kind|text``, where each labelled span is written ``[[category:span]]``. Lines that
start with ``#`` are comments. Run ``python tests/data/privacy/build.py`` after editing a source, or
``python tests/data/privacy/build.py --generate`` to rebuild the generated part of the tuning set as well.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([a-z_]+):(.+?)\]\]")


# Each other author's file and the prefix of its posts' ids: "hN" for the author first held out as heldoutN (the
# second author's posts are h3-…), kept when the set moved to tuning so that an id in an old note still finds its post.
AUTHOR_PREFIXES = {
    **{number: f"h{number + 1}" for number in range(2, 43)},
    **{43: "h48", 44: "h49", 45: "h50", 46: "h51"},  # written to be trained on
    **{47: "h44", 48: "h45", 49: "h46", 50: "h47"},  # heldout44–47, measured once in the fourteenth session
    **{51: "h56", 52: "h57", 53: "h58", 54: "h59"},  # written to be trained on, in the fifteenth
    **{55: "h52", 56: "h53", 57: "h54", 58: "h55"},  # heldout52–55, measured once in the fifteenth session
    **{59: "h64", 60: "h65", 61: "h66", 62: "h67"},  # written to be trained on, in the sixteenth
}


def parse_line(line: str) -> dict:
    language, kind, marked = line.split("|", 2)
    text, labels, cursor = [], [], 0
    length = 0
    for match in MARK.finditer(marked):
        before = marked[cursor : match.start()]
        text.append(before)
        length += len(before)
        span = match.group(2)
        labels.append({"category": match.group(1), "start": length, "end": length + len(span), "text": span})
        text.append(span)
        length += len(span)
        cursor = match.end()
    text.append(marked[cursor:])
    plain = "".join(text)
    # A mistyped mark ("[[name:Bob]" or "[name:Bob]]") would otherwise end up as text and leave a span unlabelled.
    if "[[" in plain or "]]" in plain:
        raise ValueError(f"unbalanced label mark in: {marked[:80]!r}")
    return {"text": plain, "language": language, "kind": kind, "labels": labels}


def convert(source: Path, target: Path, prefix: str) -> int:
    posts = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            posts.append(parse_line(line))
    with target.open("w", encoding="utf-8") as out:
        for number, post in enumerate(posts, start=1):
            out.write(json.dumps({"id": f"{prefix}-{number:03d}", **post}, ensure_ascii=False) + "\n")
    return len(posts)


if __name__ == "__main__":
    if "--generate" in sys.argv:
        import generate

        (HERE / "tune_generated.src.txt").write_text(generate.source_text(), encoding="utf-8")
    count = convert(HERE / "tune_handwritten.src.txt", HERE / "tune_handwritten.jsonl", "th")
    count_generated = convert(HERE / "tune_generated.src.txt", HERE / "tune_generated.jsonl", "tg")
    count_pages = convert(HERE / "tune_pageposts.src.txt", HERE / "tune_pageposts.jsonl", "tp")
    count_long = convert(HERE / "tune_long.src.txt", HERE / "tune_long.jsonl", "tl")
    count_long += convert(HERE / "tune_long2.src.txt", HERE / "tune_long2.jsonl", "tm")
    count_heldout = convert(HERE / "heldout.src.txt", HERE / "heldout.jsonl", "ho")
    author_counts = [
        convert(HERE / f"tune_author{number}.src.txt", HERE / f"tune_author{number}.jsonl", prefix)
        for number, prefix in AUTHOR_PREFIXES.items()
    ]
    heldout_counts = {
        source.name.removesuffix(".src.txt"): convert(
            source, source.with_name(source.name.replace(".src.txt", ".jsonl")), "h" + source.name[7:-8]
        )
        for source in sorted(HERE.glob("heldout[0-9]*.src.txt"))
    }
    print(
        f"tune: {count} handwritten + {count_generated} generated + {count_pages} page posts + {count_long} long "
        f"+ {sum(author_counts)} by {len(author_counts)} other authors; held-out: {count_heldout} first (seen since)"
        + "".join(f", {posts} {name}" for name, posts in heldout_counts.items())
    )
