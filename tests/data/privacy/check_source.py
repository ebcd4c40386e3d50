"""Check one author's marked-up source before it is built: every line parses, every label names a category, no label
starts or ends with a space; then print what the part holds (posts by language and kind, lengths, labels).

    python tests/data/privacy/check_source.py tests/data/privacy/heldout56.src.txt

Written for the helpers who write a new author's part (see "Writing a new author's part" in this folder's README):
it reads only the source it is given, never the guard.
"""

import sys
from collections import Counter
from pathlib import Path

from build import parse_line

IDENTIFIERS = {
    "name", "date", "age", "health_card", "national_id", "record_number", "phone", "email", "address",
    "postal_code", "url_handle", "plate", "device_serial", "room",
}  # fmt: skip
WARNINGS = {"encounter", "medical_advice", "commercial_interest", "heated"}
LONG = 600


def check(source: Path) -> list[dict]:
    posts = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        post = parse_line(line)
        if post["language"] not in ("en", "fr"):
            raise SystemExit(f"line {number}: the language is en or fr, not {post['language']!r}")
        for label in post["labels"]:
            if label["category"] not in IDENTIFIERS | WARNINGS:
                raise SystemExit(f"line {number}: no category is called {label['category']!r}")
            if label["text"] != label["text"].strip():
                raise SystemExit(f"line {number}: the label {label['text']!r} starts or ends with a space")
        posts.append(post)
    return posts


def kind_of(post: dict) -> str:
    categories = {label["category"] for label in post["labels"]}
    return "identifier" if categories & IDENTIFIERS else "warnings only" if categories else "clean"


if __name__ == "__main__":
    posts = check(Path(sys.argv[1]))
    lengths = sorted(len(post["text"]) for post in posts)
    print(f"{len(posts)} posts, {sum(length >= LONG for length in lengths)} long; lengths {lengths[0]}–{lengths[-1]}")
    print(dict(Counter((post["language"], kind_of(post)) for post in posts)))
    print(dict(Counter(label["category"] for post in posts for label in post["labels"]).most_common()))
