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
    count_author2 = convert(HERE / "tune_author2.src.txt", HERE / "tune_author2.jsonl", "h3")
    count_author3 = convert(HERE / "tune_author3.src.txt", HERE / "tune_author3.jsonl", "h4")
    count_author4 = convert(HERE / "tune_author4.src.txt", HERE / "tune_author4.jsonl", "h5")
    count_author5 = convert(HERE / "tune_author5.src.txt", HERE / "tune_author5.jsonl", "h6")
    count_author6 = convert(HERE / "tune_author6.src.txt", HERE / "tune_author6.jsonl", "h7")
    count_author7 = convert(HERE / "tune_author7.src.txt", HERE / "tune_author7.jsonl", "h8")
    count_author8 = convert(HERE / "tune_author8.src.txt", HERE / "tune_author8.jsonl", "h9")
    count_author9 = convert(HERE / "tune_author9.src.txt", HERE / "tune_author9.jsonl", "h10")
    count_author10 = convert(HERE / "tune_author10.src.txt", HERE / "tune_author10.jsonl", "h11")
    count_author11 = convert(HERE / "tune_author11.src.txt", HERE / "tune_author11.jsonl", "h12")
    count_author12 = convert(HERE / "tune_author12.src.txt", HERE / "tune_author12.jsonl", "h13")
    count_author13 = convert(HERE / "tune_author13.src.txt", HERE / "tune_author13.jsonl", "h14")
    count_author14 = convert(HERE / "tune_author14.src.txt", HERE / "tune_author14.jsonl", "h15")
    count_author15 = convert(HERE / "tune_author15.src.txt", HERE / "tune_author15.jsonl", "h16")
    count_author16 = convert(HERE / "tune_author16.src.txt", HERE / "tune_author16.jsonl", "h17")
    count_author17 = convert(HERE / "tune_author17.src.txt", HERE / "tune_author17.jsonl", "h18")
    count_author18 = convert(HERE / "tune_author18.src.txt", HERE / "tune_author18.jsonl", "h19")
    count_author19 = convert(HERE / "tune_author19.src.txt", HERE / "tune_author19.jsonl", "h20")
    count_author20 = convert(HERE / "tune_author20.src.txt", HERE / "tune_author20.jsonl", "h21")
    count_author21 = convert(HERE / "tune_author21.src.txt", HERE / "tune_author21.jsonl", "h22")
    count_author22 = convert(HERE / "tune_author22.src.txt", HERE / "tune_author22.jsonl", "h23")
    count_author23 = convert(HERE / "tune_author23.src.txt", HERE / "tune_author23.jsonl", "h24")
    count_author24 = convert(HERE / "tune_author24.src.txt", HERE / "tune_author24.jsonl", "h25")
    count_author25 = convert(HERE / "tune_author25.src.txt", HERE / "tune_author25.jsonl", "h26")
    count_author26 = convert(HERE / "tune_author26.src.txt", HERE / "tune_author26.jsonl", "h27")
    count_author27 = convert(HERE / "tune_author27.src.txt", HERE / "tune_author27.jsonl", "h28")
    count_author28 = convert(HERE / "tune_author28.src.txt", HERE / "tune_author28.jsonl", "h29")
    count_author29 = convert(HERE / "tune_author29.src.txt", HERE / "tune_author29.jsonl", "h30")
    count_author30 = convert(HERE / "tune_author30.src.txt", HERE / "tune_author30.jsonl", "h31")
    count_author31 = convert(HERE / "tune_author31.src.txt", HERE / "tune_author31.jsonl", "h32")
    count_author32 = convert(HERE / "tune_author32.src.txt", HERE / "tune_author32.jsonl", "h33")
    count_author33 = convert(HERE / "tune_author33.src.txt", HERE / "tune_author33.jsonl", "h34")
    count_author34 = convert(HERE / "tune_author34.src.txt", HERE / "tune_author34.jsonl", "h35")
    count_author35 = convert(HERE / "tune_author35.src.txt", HERE / "tune_author35.jsonl", "h36")
    count_author36 = convert(HERE / "tune_author36.src.txt", HERE / "tune_author36.jsonl", "h37")
    count_author37 = convert(HERE / "tune_author37.src.txt", HERE / "tune_author37.jsonl", "h38")
    count_author38 = convert(HERE / "tune_author38.src.txt", HERE / "tune_author38.jsonl", "h39")
    count_author39 = convert(HERE / "tune_author39.src.txt", HERE / "tune_author39.jsonl", "h40")
    count_author40 = convert(HERE / "tune_author40.src.txt", HERE / "tune_author40.jsonl", "h41")
    count_author41 = convert(HERE / "tune_author41.src.txt", HERE / "tune_author41.jsonl", "h42")
    count_author42 = convert(HERE / "tune_author42.src.txt", HERE / "tune_author42.jsonl", "h43")
    count_author43 = convert(HERE / "tune_author43.src.txt", HERE / "tune_author43.jsonl", "h48")
    count_author44 = convert(HERE / "tune_author44.src.txt", HERE / "tune_author44.jsonl", "h49")
    count_author45 = convert(HERE / "tune_author45.src.txt", HERE / "tune_author45.jsonl", "h50")
    count_author46 = convert(HERE / "tune_author46.src.txt", HERE / "tune_author46.jsonl", "h51")
    heldout44 = HERE / "heldout44.src.txt"
    count_heldout44 = convert(heldout44, HERE / "heldout44.jsonl", "h44") if heldout44.exists() else 0
    heldout45 = HERE / "heldout45.src.txt"
    count_heldout45 = convert(heldout45, HERE / "heldout45.jsonl", "h45") if heldout45.exists() else 0
    heldout46 = HERE / "heldout46.src.txt"
    count_heldout46 = convert(heldout46, HERE / "heldout46.jsonl", "h46") if heldout46.exists() else 0
    heldout47 = HERE / "heldout47.src.txt"
    count_heldout47 = convert(heldout47, HERE / "heldout47.jsonl", "h47") if heldout47.exists() else 0
    print(
        f"tune: {count} handwritten + {count_generated} generated + {count_pages} page posts + {count_long} long "
        f"+ {count_author2} second author + {count_author3} third author "
        f"+ {count_author4} fourth author + {count_author5} fifth author + {count_author6} sixth author "
        f"+ {count_author7} seventh author + {count_author8} eighth author + {count_author9} ninth author "
        f"+ {count_author10} tenth author + {count_author11} eleventh author + {count_author12} twelfth author "
        f"+ {count_author13} thirteenth author + {count_author14} fourteenth author + {count_author15} fifteenth "
        f"author + {count_author16} sixteenth author + {count_author17} seventeenth author "
        f"+ {count_author18} eighteenth author + {count_author19} nineteenth author + {count_author20} twentieth "
        f"author + {count_author21} twenty-first author + {count_author22} twenty-second author "
        f"+ {count_author23} twenty-third author + {count_author24} twenty-fourth author + {count_author25} "
        f"twenty-fifth author + {count_author26} twenty-sixth author + {count_author27} twenty-seventh author "
        f"+ {count_author28} twenty-eighth author + {count_author29} twenty-ninth author + {count_author30} thirtieth "
        f"author + {count_author31} thirty-first author + {count_author32} thirty-second author + {count_author33} "
        f"thirty-third author + {count_author34} thirty-fourth author + {count_author35} thirty-fifth author "
        f"+ {count_author36} thirty-sixth author + {count_author37} thirty-seventh author + {count_author38} "
        f"thirty-eighth author + {count_author39} thirty-ninth author + {count_author40} fortieth author "
        f"+ {count_author41} forty-first author + {count_author42} forty-second author "
        f"+ {count_author43} forty-third author "
        f"+ {count_author44} forty-fourth author "
        f"+ {count_author45} forty-fifth author "
        f"+ {count_author46} forty-sixth author; held-out: {count_heldout} "
        f"first (seen since), {count_heldout44} forty-fourth, {count_heldout45} forty-fifth, "
        f"{count_heldout46} forty-sixth, {count_heldout47} forty-seventh"
    )
