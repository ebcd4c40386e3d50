"""The JavaScript speaks the page's language: Django's JavaScript catalogue, one cacheable address per
language, loaded before our scripts; its French catalogue (djangojs.po) lacks nothing that
``makemessages -d djangojs`` finds in static/js."""

import polib
import pytest

from physsocial.i18n import LOCALE_DIR, gettext_tools_missing, untranslated_entries

FRENCH_JS = LOCALE_DIR / "fr" / "LC_MESSAGES" / "djangojs.po"


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


def test_makemessages_finds_no_javascript_string_that_french_lacks():
    """``makemessages -d djangojs -l fr`` on a copy of the project (physsocial.i18n, as for the
    django domain): every entry it adds or leaves empty is a string in static/js nobody translated."""
    if missing := gettext_tools_missing():
        pytest.skip(f"GNU gettext is not installed ({', '.join(missing)} missing)")

    untranslated = [entry.msgid for entry in untranslated_entries("fr", domain="djangojs")]

    assert untranslated == [], "translate these in locale/fr/LC_MESSAGES/djangojs.po"


def test_french_weeks_start_on_monday_as_the_calendar_shows_them(client):
    catalogue = client.get("/jsi18n/fr/").content.decode()

    assert '"FIRST_DAY_OF_WEEK": 1' in catalogue
