"""The shell every page shares: navigation, switcher, messages, accessibility, settings and vendored files."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.models import User
from tests.fixtures import verify_session

NAV_PAGES = ["home", "compose", "calendar", "queue", "connected-accounts", "campaigns", "organization", "settings"]


class Page(HTMLParser):
    """The parts of a page these tests look at: elements in order, labels, form fields."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.label_for: set[str] = set()
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag, **attrs):
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def fields(self):
        return [
            (tag, attrs)
            for tag, attrs in self.elements
            if tag in {"input", "select", "textarea"} and attrs.get("type") not in {"hidden", "submit"}
        ]


def page_of(response) -> Page:
    return Page(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("name", NAV_PAGES)
def test_each_section_of_the_navigation_renders_for_a_signed_in_member(alice_client, name):
    response = alice_client.get(reverse(name), follow=True)

    assert response.status_code == 200
    assert page_of(response).find("nav", **{"aria-label": "Main"})


@pytest.mark.django_db
@pytest.mark.parametrize("name", [*NAV_PAGES, "organization", "two-factor", "password_change"])
def test_each_section_sends_an_anonymous_visitor_to_log_in(client, name):
    url = reverse(name)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


@pytest.mark.django_db
def test_the_navigation_links_every_section_and_marks_the_current_one(alice_client):
    page = page_of(alice_client.get(reverse("queue")))

    links = {a["href"] for a in page.find("a") if "href" in a}
    for name in ["compose", "calendar", "queue", "connected-accounts", "campaigns", "organization", "settings"]:
        assert reverse(name) in links, name
    assert [a["href"] for a in page.find("a", **{"aria-current": "page"})] == [reverse("queue")]


@pytest.mark.django_db
def test_home_greets_the_user_and_names_the_active_organization_and_role(alice_client):
    page = alice_client.get(reverse("home")).content.decode()

    assert "Welcome, Alice Adams" in page
    assert "You are working in <strong>Alice&#x27;s Clinic</strong> as owner" in page
    assert reverse("two-factor-setup") in page


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["login", "signup", "password_reset", "home"])
def test_every_page_starts_with_a_skip_link_to_the_main_content(client, alice, name):
    if name == "home":
        client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    page = page_of(client.get(reverse(name)))

    first_link = page.find("a")[0]
    assert first_link == {"class": "skip-link", "href": "#main"}
    assert page.find("main", id="main")
    assert page.find("header") and page.find("footer")
    assert page.find("html", lang="en")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["login", "signup", "password_reset", "settings", "password_change", "two-factor-setup", "two-factor-disable"],
)
def test_every_form_field_has_a_label(alice_client, name):
    if name == "two-factor-disable":
        verify_session(alice_client, User.objects.get(email="alice@example.org"))
    if name in {"login", "signup", "password_reset"}:
        alice_client.post(reverse("logout"))

    page = page_of(alice_client.get(reverse(name)))

    fields = page.fields()
    assert fields
    for tag, attrs in fields:
        assert attrs.get("id") in page.label_for, f"{tag} {attrs.get('name')} has no label on {name}"


@pytest.mark.django_db
def test_field_errors_are_tied_to_their_field_for_screen_readers(client):
    response = client.post(reverse("signup"), {"email": "not an address"})

    email = page_of(response).find("input", name="email")[0]
    assert email["aria-invalid"] == "true"
    assert "id_email_error" in email["aria-describedby"]


@pytest.mark.django_db
def test_htmx_is_loaded_and_sends_the_csrf_token_with_every_request(alice_client):
    response = alice_client.get(reverse("home"))
    page = page_of(response)

    scripts = [s["src"] for s in page.find("script") if "src" in s]
    assert "/static/vendor/htmx-2.0.11/htmx.min.js" in scripts
    body = page.find("body")[0]
    token = re.fullmatch(r'\{"X-CSRFToken": "(\w+)"\}', body["hx-headers"]).group(1)
    assert token == response.context["csrf_token"]


@pytest.mark.django_db
def test_every_static_file_the_shell_loads_is_checked_in_with_its_licence(client):
    page = page_of(client.get(reverse("login")))
    loaded = [a["href"] for a in page.find("link", rel="stylesheet")] + [s["src"] for s in page.find("script")]
    # The one script Django writes itself: the JavaScript's translations.
    static = [url for url in loaded if url != reverse("javascript-catalog", args=["en"])]

    root = Path(settings.BASE_DIR) / "static"
    for url in static:
        path = root / url.removeprefix(settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/")
        assert path.is_file(), url
        if "/vendor/" in url:
            assert list(path.parent.glob("LICENSE*")), f"no licence beside {url}"
            assert path.parent.name in (root / "vendor" / "README.md").read_text()


@pytest.mark.django_db
def test_the_switcher_lists_the_users_organizations_and_posts_to_the_switch(alice_client, alice):
    page = page_of(alice_client.get(reverse("home")))

    form = page.find("form", action=reverse("organization-switch"))
    assert form and form[0]["method"] == "post"
    options = {o["value"]: "selected" in o for o in page.find("option")}
    personal = alice.memberships.get(organization__kind="personal").organization
    assert options == {"alices-clinic": True, personal.slug: False}
    assert page.find("select", name="organization", id="org-switcher")
    assert "org-switcher" in page.label_for


@pytest.mark.django_db
def test_switching_organization_shows_the_new_one_on_the_page_the_user_was_on(alice_client, alice):
    personal = alice.memberships.get(organization__kind="personal").organization

    response = alice_client.post(
        reverse("organization-switch"), {"organization": personal.slug, "next": reverse("queue")}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("queue")
    options = {o["value"]: "selected" in o for o in page_of(response).find("option")}
    assert options[personal.slug] is True


@pytest.mark.django_db
def test_logging_out_is_a_button_in_a_post_form(alice_client):
    page = page_of(alice_client.get(reverse("home")))

    assert page.find("form", action=reverse("logout"), method="post")


@pytest.mark.django_db
def test_settings_saves_the_profile_and_says_so(alice_client, alice):
    response = alice_client.post(
        reverse("settings"),
        {"display_name": "Dr. Alice Adams", "professional_title": "MD, FRCPC", "time_zone": "Europe/Paris"},
        follow=True,
    )

    alice.refresh_from_db()
    assert (alice.display_name, alice.professional_title, alice.time_zone) == (
        "Dr. Alice Adams",
        "MD, FRCPC",
        "Europe/Paris",
    )
    status = page_of(response).find("p", role="status")
    assert status and "Your profile is saved." in response.content.decode()


@pytest.mark.django_db
def test_settings_refuses_an_unknown_time_zone_next_to_the_field_and_keeps_the_rest(alice_client, alice):
    response = alice_client.post(
        reverse("settings"),
        {"display_name": "Dr. Alice Adams", "professional_title": "MD", "time_zone": "Mars/Olympus_Mons"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["time_zone"]
    assert 'value="Dr. Alice Adams"' in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice Adams"


@pytest.mark.django_db
def test_settings_links_password_two_factor_and_api_tokens(alice_client):
    page = alice_client.get(reverse("settings")).content.decode()

    assert f'href="{reverse("password_change")}"' in page
    assert f'href="{reverse("two-factor")}"' in page
    assert f'href="{reverse("api-tokens")}"' in page


@pytest.mark.django_db
def test_errors_are_announced_as_alerts(client):
    client.get(reverse("login-code"))  # without a password first: an error message, then the login page

    page = page_of(client.get(reverse("login")))

    assert page.find("p", role="alert", **{"class": "message message-error"})
