"""The JavaScript speaks the page's language: Django's JavaScript catalogue, one cacheable address per
language, loaded before our scripts; its French catalogue (djangojs.po) lacks nothing that
``makemessages -d djangojs`` finds in static/js."""

import shutil

import polib
import pytest
from django.core.management import call_command

from physsocial.i18n import LOCALE_DIR

REPOSITORY = LOCALE_DIR.parent
FRENCH_JS = LOCALE_DIR / "fr" / "LC_MESSAGES" / "djangojs.po"
# What makemessages reads besides our code: the vendored libraries are not ours to translate.
NOT_OURS = {".git", ".venv", "locale", "media", "staticfiles", "node_modules"}


def test_the_catalogue_speaks_the_language_its_address_names(client):
    french = client.get("/jsi18n/fr/", HTTP_ACCEPT_LANGUAGE="en")
    english = client.get("/jsi18n/en/", HTTP_ACCEPT_LANGUAGE="fr")

    assert '"Change view": "Changer de vue"' in french.content.decode()
    assert "Changer de vue" not in english.content.decode()
    assert french["Content-Type"].startswith("text/javascript") and french["Content-Language"] == "fr"


def test_browsers_keep_the_catalogue_and_ask_again_cheaply(client):
    first = client.get("/jsi18n/fr/")
    again = client.get("/jsi18n/fr/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert "max-age=3600" in first["Cache-Control"] and "public" in first["Cache-Control"]
    assert again.status_code == 304


def test_a_language_we_do_not_speak_has_no_catalogue(client):
    assert client.get("/jsi18n/xx/").status_code == 404


def test_every_page_loads_the_catalogue_of_its_language_before_any_script(client):
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    scripts = [part.split('"', 1)[0] for part in page.split('<script src="')[1:]]
    assert scripts[0] == "/jsi18n/fr/"


def test_no_french_javascript_entry_is_fuzzy_or_empty():
    catalogue = polib.pofile(str(FRENCH_JS))

    live = [entry for entry in catalogue if not entry.obsolete]
    untranslated = [entry.msgid for entry in live if entry.fuzzy or not entry.translated()]

    assert untranslated == []


def test_makemessages_finds_no_javascript_string_that_french_lacks(tmp_path, monkeypatch, settings):
    """Run ``makemessages -d djangojs -l fr`` on a copy of the French catalogue: every entry it
    adds or leaves empty is a string in static/js nobody translated."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext is not installed (xgettext, msgmerge): makemessages needs it")
    # makemessages writes into ./locale; give it a tree whose locale is a copy and whose code is ours.
    for entry in REPOSITORY.iterdir():
        if entry.name not in NOT_OURS and not entry.name.startswith("."):
            (tmp_path / entry.name).symlink_to(entry)
    copy = tmp_path / "locale" / "fr" / "LC_MESSAGES" / "djangojs.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(FRENCH_JS, copy)
    monkeypatch.chdir(tmp_path)
    settings.LOCALE_PATHS = [tmp_path / "locale"]

    vendored = ["static/vendor/*"]
    call_command("makemessages", domain="djangojs", locale=["fr"], symlinks=True, ignore_patterns=vendored, verbosity=0)

    known = {entry.msgid for entry in polib.pofile(str(FRENCH_JS)) if entry.translated()}
    missing = [entry.msgid for entry in polib.pofile(str(copy)) if not entry.obsolete and entry.msgid not in known]
    assert missing == [], "translate these in locale/fr/LC_MESSAGES/djangojs.po"


def test_french_weeks_start_on_monday_as_the_calendar_shows_them(client):
    catalogue = client.get("/jsi18n/fr/").content.decode()

    assert '"FIRST_DAY_OF_WEEK": 1' in catalogue
