"""Compile the translation catalogues: ``python -m physsocial.i18n``.

Each ``locale/<language>/LC_MESSAGES/*.po`` becomes the ``.mo`` Django reads, with polib (pure
Python), so a fresh machine needs no gettext tools. The ``.mo`` files are built, never committed.
Fuzzy and empty entries are left out, as msgfmt does: the English shows until they are translated.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write the ``.mo`` of every ``.po`` under ``locale_dir`` that is missing or older; returns them."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        catalogue = polib.pofile(str(po_path))
        for entry in list(catalogue):
            if entry.obsolete or entry.fuzzy or not (entry.msgstr or any(entry.msgstr_plural.values())):
                catalogue.remove(entry)
        catalogue.save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_catalogues():
        sys.stdout.write(f"compiled {path.relative_to(LOCALE_DIR.parent)}\n")
