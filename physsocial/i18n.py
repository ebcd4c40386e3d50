"""Compile the translation catalogues: ``python -m physsocial.i18n``.

Each ``locale/<language>/LC_MESSAGES/*.po`` becomes the ``.mo`` Django reads, with polib (pure
Python), so a fresh machine needs no gettext tools. The ``.mo`` files are built, never committed.
Fuzzy and empty entries are left out, as msgfmt does: the English shows until they are translated.

``python -m physsocial.i18n --check`` lists the strings a catalogue still lacks (see
``untranslated_entries``); that one step needs GNU gettext, as Django's makemessages does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

REPOSITORY = Path(__file__).resolve().parent.parent
LOCALE_DIR = REPOSITORY / "locale"

# What makemessages must not read: other people's code, tests, built files. The README's
# "Adding a language" command passes the same list. makemessages also ignores any folder whose
# name matches, at any depth: "media" here would skip templates/media.
NOT_OUR_STRINGS = (".venv", "staticfiles", "tests", "bench", "static/vendor")
# Left out of the copy as well: uploads, run files, and what is not ours to copy.
NOT_COPIED = ("media", "var", "node_modules", ".git")


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


def gettext_tools_missing() -> list[str]:
    """The GNU gettext programs makemessages needs that this machine lacks."""
    return [tool for tool in ("xgettext", "msgmerge", "msguniq") if shutil.which(tool) is None]


def untranslated_entries(language: str = "fr", domain: str = "django") -> list[polib.POEntry]:
    """The entries of ``language``'s catalogue that are missing, fuzzy or empty once makemessages
    has read today's code: each is an English string a person of that language would still see.

    makemessages rewrites the catalogue it updates, so it runs on a copy of the project in a
    temporary folder: the repository's ``.po`` is never touched.
    """
    with tempfile.TemporaryDirectory(prefix="physsocial-makemessages-") as folder:
        copy = Path(folder) / "project"
        ignored = {REPOSITORY / name for name in NOT_OUR_STRINGS + NOT_COPIED}
        shutil.copytree(
            REPOSITORY,
            copy,
            ignore=lambda directory, names: [
                name
                for name in names
                if Path(directory) / name in ignored or name in ("__pycache__", ".git") or name.endswith(".mo")
            ],
        )
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "--locale", language, "--domain", domain, "--no-location"]
            + [f"--ignore={name}" for name in NOT_OUR_STRINGS],
            cwd=copy,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            check=True,
            capture_output=True,
        )
        catalogue = polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / f"{domain}.po"))
    return [
        entry
        for entry in catalogue
        if not entry.obsolete
        and (entry.fuzzy or not (entry.msgstr or (entry.msgstr_plural and all(entry.msgstr_plural.values()))))
    ]


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        if missing_tools := gettext_tools_missing():
            sys.exit(f"GNU gettext is needed for the check ({', '.join(missing_tools)} missing)")
        untranslated = [
            (domain, entry) for domain in ("django", "djangojs") for entry in untranslated_entries(domain=domain)
        ]
        for domain, entry in untranslated:
            sys.stdout.write(f"{domain}: {'fuzzy' if entry.fuzzy else 'missing'}: {entry.msgid!r}\n")
        sys.exit(1 if untranslated else 0)
    for path in compile_catalogues():
        sys.stdout.write(f"compiled {path.relative_to(LOCALE_DIR.parent)}\n")
