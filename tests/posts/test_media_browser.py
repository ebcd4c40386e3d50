"""The media library in a real Chromium: upload with the progress script, edit alt text, delete.

Skipped when Playwright or Debian's Chromium is not installed.
"""

import io
import shutil

import pytest
from django.conf import settings as django_settings
from django.test import Client
from PIL import Image

from accounts import services
from posts.models import MediaAsset
from tests.posts.conftest import GPS_IFD, camera_exif, encode, stored_image, two_tone

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
]


@pytest.fixture
def page(live_server, alice, org, monkeypatch):
    # Playwright's sync API keeps an event loop in this thread; the test's own queries are still sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    client = Client()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[services.ACTIVE_ORGANIZATION_SESSION_KEY] = org.pk
    session.save()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(base_url=live_server.url)
        context.add_cookies(
            [
                {
                    "name": django_settings.SESSION_COOKIE_NAME,
                    "value": session.session_key,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()


def test_a_photo_is_uploaded_described_and_deleted_without_leaving_the_page(page, org):
    photo = encode(two_tone((80, 40)), "JPEG", exif=camera_exif(orientation=6))
    page.goto("/media-library/")
    page.evaluate("window.stillHere = true")

    page.set_input_files("#id_file", files=[{"name": "IMG_0042.JPG", "mimeType": "image/jpeg", "buffer": photo}])
    page.fill("#id_alt_text", "Our new waiting room.")
    page.click("#upload-form button[type=submit]")

    page.wait_for_selector("#media-grid article.media-card")
    assert page.text_content("#upload-status") == "IMG_0042.JPG is in the library."
    assert page.evaluate("window.stillHere") is True  # no reload: the card arrived by script
    asset = MediaAsset.objects.get(organization=org)
    assert dict(stored_image(asset).getexif().get_ifd(GPS_IFD)) == {}
    thumbnail = page.locator(f"#media-{asset.pk} img")
    assert thumbnail.get_attribute("alt") == "Our new waiting room."
    page.wait_for_function(f"document.querySelector('#media-{asset.pk} img').naturalWidth > 0")

    page.fill(f"#asset{asset.pk}_alt_text", "")
    page.click(f"#media-{asset.pk} >> text=Save alt text")
    error = page.wait_for_selector(f"#media-{asset.pk} .media-error")
    assert "requires alt text on every image" in error.text_content()

    page.fill(f"#asset{asset.pk}_alt_text", "The waiting room, with six chairs.")
    page.click(f"#media-{asset.pk} >> text=Save alt text")
    page.wait_for_function(
        f"document.querySelector('#media-{asset.pk} img').alt === 'The waiting room, with six chairs.'"
    )
    asset.refresh_from_db()
    assert asset.alt_text == "The waiting room, with six chairs."

    page.once("dialog", lambda dialog: dialog.accept())
    page.click(f"#media-{asset.pk} >> text=Delete")
    page.wait_for_selector(f"#media-{asset.pk}", state="detached")
    assert not MediaAsset.objects.exists()


def test_a_refused_upload_shows_the_reason_above_the_form(page, org):
    page.goto("/media-library/")

    page.set_input_files(
        "#id_file", files=[{"name": "scan.png", "mimeType": "image/png", "buffer": b"Patient list: Jane Doe\n"}]
    )
    page.click("#upload-form button[type=submit]")

    alert = page.wait_for_selector("#upload-errors [role=alert]")
    assert "This file is a text file." in alert.text_content()
    assert not MediaAsset.objects.exists()


def test_the_page_works_without_the_script(page, org, alice):
    page.route("**/upload.js", lambda route: route.abort())
    page.goto("/media-library/")
    image = io.BytesIO()
    Image.new("RGB", (30, 30), "red").save(image, "PNG")

    page.set_input_files("#id_file", files=[{"name": "dot.png", "mimeType": "image/png", "buffer": image.getvalue()}])
    page.fill("#id_alt_text", "A red square.")
    page.click("#upload-form button[type=submit]")

    page.wait_for_selector("text=dot.png is in the library.")
    assert MediaAsset.objects.get(organization=org).alt_text == "A red square."
