"""English and French: the person's choice wins, then the browser's; the API answers in the token
owner's language unless the request asks for another; French dates read as French readers write them.
The catalogue itself is completed by issue 16; these pin the machinery."""

import datetime
from pathlib import Path

import polib
import pytest
from django.utils import formats, translation

from accounts.api_auth import create_api_token
from physsocial.i18n import compile_catalogues, gettext_tools_missing, untranslated_entries
from tests.api.conftest import client_with
from tests.english_left import english_left


def test_a_person_who_chose_french_gets_french_whatever_the_browser_says(alice, alice_client):
    alice.language = "fr"
    alice.save()

    page = alice_client.get("/settings/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="fr">' in page and "Votre nom" in page


def test_without_a_choice_the_browser_decides(alice_client):
    page = alice_client.get("/settings/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9").content.decode()

    assert '<html lang="fr">' in page


def test_choosing_french_in_the_profile_says_so_in_french_and_remembers_it_after_signing_out(alice, alice_client):
    response = alice_client.post(
        "/settings/",
        {"display_name": "Alice", "professional_title": "", "time_zone": alice.time_zone, "language": "fr"},
    )

    assert response.cookies["django_language"].value == "fr"
    assert "Votre profil est enregistré." in alice_client.get(response.url).content.decode()


def test_someone_signed_out_picks_a_language_with_the_header_switcher(client):
    assert 'id="language-switcher"' in client.get("/accounts/login/").content.decode()

    client.post("/i18n/setlang/", {"language": "fr", "next": "/accounts/login/"})

    assert '<html lang="fr">' in client.get("/accounts/login/").content.decode()


def test_the_api_answers_in_the_token_owners_language_unless_the_request_asks(alice, org):
    alice.language = "fr"
    alice.save()
    api = client_with(create_api_token(user=alice, organization=org, name="Script")[1])

    assert api.get("/api/v1/posts/").headers["Content-Language"] == "fr"
    assert api.get("/api/v1/posts/", HTTP_ACCEPT_LANGUAGE="en").headers["Content-Language"] == "en"


def test_a_bad_token_is_refused_in_the_language_the_request_asks_for():
    response = client_with("psk_nothing").get("/api/v1/posts/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 401 and response.json()["detail"] == "Ce jeton n’est pas valide."


def test_french_dates_read_as_a_francophone_writes_them():
    moment = datetime.datetime(2026, 11, 24, 8, 30)

    with translation.override("fr"):
        assert formats.date_format(moment, "DATETIME_FORMAT") == "24 novembre 2026, 08 h 30"


def test_fuzzy_and_empty_entries_are_left_out_so_the_english_shows(tmp_path: Path):
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "fr"}
    catalogue.append(polib.POEntry(msgid="Posts", msgstr="Publications"))
    catalogue.append(polib.POEntry(msgid="Calendar", msgstr="Calendrier", flags=["fuzzy"]))
    catalogue.append(polib.POEntry(msgid="Queue", msgstr=""))
    catalogue.save(str(folder / "django.po"))

    [written] = compile_catalogues(tmp_path)

    assert {entry.msgid: entry.msgstr for entry in polib.mofile(str(written))} == {"Posts": "Publications"}
    assert compile_catalogues(tmp_path) == []  # up to date: nothing rewritten


def test_every_page_renders_in_french(settings, tmp_path, alice, org, client):
    """Every page answers in French without an error: a translation that lost or renamed one of
    its placeholders would break the page that shows it."""
    from django.test import Client

    from tests.fixtures import signed_in_client
    from tests.pages import PAGES, build_world, page_path

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    world = build_world(owner=alice, organization=org)
    alice.is_staff = alice.is_superuser = True
    alice.language = "fr"
    alice.save(update_fields=["is_staff", "is_superuser", "language"])
    member = signed_in_client(Client(), alice, org)
    clients = {"member": member, "staff": member, "anonymous": client}

    answers = {}
    for name, page in PAGES.items():
        response = clients[page.who].get(page_path(name, world), follow=True, HTTP_ACCEPT_LANGUAGE="fr")
        answers[name] = (response.status_code, response.headers.get("Content-Language"))

    assert {name: answer for name, answer in answers.items() if answer != (200, "fr")} == {}


def test_the_french_catalogue_has_every_string_of_the_code_translated():
    """makemessages, run on a copy of the project, finds no string French lacks and no fuzzy or empty
    entry: a change that adds a string translates it in the same change. Outside CI this skips on
    a machine without GNU gettext (Debian's ``gettext`` package)."""
    if missing := gettext_tools_missing():
        pytest.skip(f"GNU gettext is not installed ({', '.join(missing)} missing)")

    assert [entry.msgid for entry in untranslated_entries("fr")] == []


def test_the_english_check_finds_interface_words_but_not_what_people_wrote():
    page = (
        '<p>Save the schedule</p><button title="Cancel this post">Annuler</button>'
        "<p>Publié sur X par Clinic on X</p><textarea>Flu shots are in this week.</textarea>"
        "<p>Voir https://clinic.example/flu?utm_campaign=flu</p><code>Authorization: Token</code>"
    )

    assert english_left(page, people_wrote=["Clinic on X"]) == [
        "Save the schedule ← Save, the, schedule",
        "Cancel this post ← Cancel, this, post",
    ]


# The pages a French-speaking physician goes through most: writing, the list, the calendar, the
# approvals, the settings, the figures and the campaigns, and the queue and organization around them.
PAGES_READ_IN_FRENCH = (
    "home",
    "compose",
    "post-edit",
    "posts",
    "calendar",
    "review",
    "settings",
    "analytics",
    "campaigns",
    "campaign-detail",
    "queue",
    "queue-account",
    "target-detail",
    "media-library",
    "organization",
    "connected-accounts",
    "notifications",
    "login",
)


def test_a_french_reader_finds_no_english_left_on_the_pages_they_use_most(settings, tmp_path, alice, org, client):
    """Interface words ("the", "Save", "posts" …) in the visible text of each page, once what the
    people wrote (post texts, names: English in this world) is taken out, are English we forgot."""
    from django.test import Client

    from tests.fixtures import signed_in_client
    from tests.pages import PAGES, build_world, page_path

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    world = build_world(owner=alice, organization=org)
    alice.language = "fr"
    alice.save(update_fields=["language"])
    clients = {"member": signed_in_client(Client(), alice, org), "anonymous": client}
    pages = {}
    for name in PAGES_READ_IN_FRENCH:
        response = clients[PAGES[name].who].get(page_path(name, world), follow=True, HTTP_ACCEPT_LANGUAGE="fr")
        pages[name] = response.content.decode()
    people_wrote = _what_people_wrote()
    english = {name: english_left(html, people_wrote=people_wrote) for name, html in pages.items()}

    assert {name: found for name, found in english.items() if found} == {}


def _what_people_wrote() -> set[str]:
    """Every free text in the database (texts, names, titles): the people's words, not ours."""
    from django.apps import apps
    from django.db import models

    written = set()
    for label in ("accounts", "posts", "campaigns", "scheduler"):
        for model in apps.get_app_config(label).get_models():
            free_text = [
                field.name
                for field in model._meta.fields
                if isinstance(field, models.CharField | models.TextField) and not field.choices
            ]
            for row in model.objects.values_list(*free_text):
                written |= {value for value in row if isinstance(value, str)}
    return written


def test_french_writes_the_days_of_the_week_in_lower_case_inside_a_date():
    from datetime import date

    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override("fr"):
        assert date_format(date(2026, 1, 15), "l j F") == "jeudi 15 janvier"
