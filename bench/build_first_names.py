"""Add the US Census Bureau's 1990 first names to privacy/first_names.txt, less everyday words and places.

Run once, by hand, in a throwaway virtualenv (none of these is a dependency of PhysSocial; the guard only reads
the text file):

    python3 -m venv ../names-venv && ../names-venv/bin/pip install names==0.3.0 english-words==2.0.2 wordfreq==3.1.1
    ../names-venv/bin/python bench/build_first_names.py

The census lists are public domain; the PyPI package ``names`` (MIT) ships them. A census name is left out when it
is also an everyday word, where a capital letter at the start of a sentence would make it look like a name:
a lower-case entry in Webster's Second (english-words, MIT) that is common in English (wordfreq, Apache-2.0, Zipf
frequency >= 3), common in French (Zipf >= 4), two letters or fewer, or one of the places, months and brands below.
"""

from __future__ import annotations

from pathlib import Path

import names
from english_words import get_english_words_set
from wordfreq import zipf_frequency

FIRST_NAMES = Path(__file__).resolve().parent.parent / "privacy" / "first_names.txt"
HEADER = (
    '# From the US Census Bureau\'s 1990 first names (public domain; as shipped in the PyPI package "names" 0.3.0,\n'
    "# MIT), less those already above, those that are also common English or French words (wordfreq 3.1.1, Zipf\n"
    "# frequency >= 3 with a lower-case entry in Webster's 2nd from english-words 2.0.2, or >= 4 in French), and\n"
    "# places, months and brands (carolina, april, porsche…). Built by bench/build_first_names.py.\n"
)
# Places, months, days and brands among the census names: words a post uses far more often for the thing.
PLACES_AND_THINGS = set(
    """
    america april argentina asia burma carolina cleveland dallas denver florida georgia houston india israel january
    kenya maryland nevada september sunday trinidad venice valencia raleigh roma santa numbers irish hang columbus
    orlando lincoln madonna porsche alberta adelaide augusta lamar stanford hilton elvis isis marx reagan roosevelt
    hillary cornell edison darwin lourdes montreal quebec ottawa toronto vancouver regina victoria calgary halifax
    virginia dakota indiana louisiana tennessee kansas arizona montana missouri vermont
    """.split()
)


def census_first_names() -> set[str]:
    folder = Path(names.__file__).parent
    return {
        line.split()[0].lower()
        for file in ("dist.male.first", "dist.female.first")
        for line in (folder / file).read_text().splitlines()
        if line.strip()
    }


def everyday_word(name: str, webster: set[str]) -> bool:
    english, french = zipf_frequency(name, "en"), zipf_frequency(name, "fr")
    return (name in webster and english >= 3.0) or french >= 4.0 or len(name) <= 2 or name in PLACES_AND_THINGS


def main() -> None:
    text = FIRST_NAMES.read_text(encoding="utf-8")
    ours = text.split(HEADER)[0]
    known = {line for line in ours.splitlines() if line and not line.startswith("#")}
    webster = get_english_words_set(["web2"], lower=False)
    added = sorted(name for name in census_first_names() - known if not everyday_word(name, webster))
    FIRST_NAMES.write_text(ours + HEADER + "\n".join(added) + "\n", encoding="utf-8")
    print(f"{len(added)} census first names added to {FIRST_NAMES.name}")


if __name__ == "__main__":
    main()
