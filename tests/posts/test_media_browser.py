"""The media library in a real Chromium: upload with the progress script, edit alt text, delete.

Skipped when Playwright or Debian's Chromium is not installed.
"""

import io

import pytest
from PIL import Image

from posts.models import MediaAsset
from tests.browser_support import BROWSER_TEST, signed_in_page
from tests.posts.conftest import GPS_IFD, camera_exif, encode, stored_image, two_tone

pytestmark = BROWSER_TEST


@pytest.fixture
def page(live_server, alice, org):
    with signed_in_page(live_server, alice, org) as page:
        yield page


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
    page.wait_for_function(f"() => document.querySelector('#media-{asset.pk} img').naturalWidth > 0")

    page.fill(f"#asset{asset.pk}_alt_text", "")
    page.click(f"#media-{asset.pk} >> text=Save alt text")
    error = page.wait_for_selector(f"#media-{asset.pk} .media-error")
    assert "requires alt text on every image" in error.text_content()

    page.fill(f"#asset{asset.pk}_alt_text", "The waiting room, with six chairs.")
    page.click(f"#media-{asset.pk} >> text=Save alt text")
    page.wait_for_function(
        f"() => document.querySelector('#media-{asset.pk} img').alt === 'The waiting room, with six chairs.'"
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
