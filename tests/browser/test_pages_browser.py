"""Every page in the navigation, in a real Chromium, as a signed-in owner sees it.

Each page must load without a JavaScript error or a missing static file, have
exactly one h1, and give every form field a label. Playwright drives Debian's
Chromium against pytest-django's live server; skipped when either is missing.
"""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.models import ConnectedAccount
from posts import services
from posts.media.ingest import ingest_upload
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST

# Pages a signed-in person reaches besides the main navigation.
OTHER_PAGES = ["/", "/hashtags/", "/settings/api-tokens/", "/two-factor/", "/organizations/"]

# Every form field that is neither hidden nor a button, with no label and no aria name.
UNLABELLED_FIELDS = """() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter((field) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(field.type))
    .filter((field) => field.labels.length === 0
        && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
    .map((field) => field.outerHTML.slice(0, 120))"""


@pytest.fixture
def clinic(settings, tmp_path, org, alice):
    """An organization with content on every page: accounts, a photo, hashtag sets."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    for network, kind in [("twitter", "x_user"), ("linkedin", "linkedin_member"), ("facebook", "facebook_page")]:
        # No avatar_url: a picture on a real network's host would fail to load here, offline.
        ConnectedAccount.objects.create(
            organization=org, network=network, kind=kind, external_id=f"{network}-1", display_name=f"Clinic {network}"
        )
    buffer = BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 200)).save(buffer, format="JPEG")
    photo = SimpleUploadedFile("waiting-room.jpg", buffer.getvalue(), content_type="image/jpeg")
    ingest_upload(organization=org, uploaded_by=alice, uploaded_file=photo, alt_text="Our waiting room.")
    services.seed_demo_hashtag_sets(org)
    return org


@pytest.fixture
def browser_page(clinic, live_server, alice):
    """A Chromium tab signed in as Alice, the owner, with problems on each page collected in page.problems."""
    with signed_in_page(live_server, alice, clinic, viewport={"width": 1280, "height": 800}) as page:
        problems: list[str] = []
        page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
        page.on(
            "response",
            lambda response: response.status >= 400 and problems.append(f"{response.status}: {response.url}"),
        )
        page.problems = problems
        yield page


def navigation_paths(page) -> list[str]:
    page.goto("/")
    hrefs = page.eval_on_selector_all("header nav a[href]", "links => links.map((a) => a.getAttribute('href'))")
    return list(dict.fromkeys([*hrefs, *OTHER_PAGES]))


def test_every_navigation_page_loads_cleanly_with_one_h1_and_labelled_fields(browser_page):
    page = browser_page
    paths = navigation_paths(page)
    for section in ["/compose/", "/posts/", "/media-library/", "/queue/", "/accounts/", "/notifications/"]:
        assert section in paths, section

    found = {}
    for path in paths:
        page.problems.clear()
        response = page.goto(path)
        page.wait_for_load_state("networkidle")
        found[path] = {
            "status": response.status,
            "h1": page.locator("h1").count(),
            "unlabelled": page.evaluate(UNLABELLED_FIELDS),
            "problems": list(page.problems),
        }

    clean = {"status": 200, "h1": 1, "unlabelled": [], "problems": []}
    assert {path: seen for path, seen in found.items() if seen != clean} == {}


def test_no_navigation_page_is_wider_than_a_phone(browser_page):
    page = browser_page
    paths = navigation_paths(page)
    page.set_viewport_size({"width": 390, "height": 844})

    too_wide = {}
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        extra = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if extra > 0:
            too_wide[path] = extra

    assert too_wide == {}
