"""The composer in a real Chromium: a wristband photo uploaded in place is read, and its image shows
the name read from it, the text and the boxes, and blocks scheduling. Skipped without Chromium."""

from __future__ import annotations

import pytest

from accounts.models import ConnectedAccount
from posts.models import MediaAsset, Post
from tests.browser_support import BROWSER_TEST, signed_in_page
from tests.image_reading import IMAGES, tasks_run_at_once  # noqa: F401 (a fixture)

pytestmark = [*BROWSER_TEST, pytest.mark.usefixtures("tasks_run_at_once")]


@pytest.fixture
def page(settings, tmp_path, live_server, alice, org):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    with signed_in_page(live_server, alice, org) as page:
        yield page


def test_a_wristband_uploaded_in_the_composer_shows_the_name_read_on_the_image(page, org):
    x = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic X"
    )
    page.goto("/compose/")
    page.check(f'input[name="accounts"][value="{x.pk}"]')
    page.fill("#text", "A day on the ward.")
    wristband = (IMAGES / "wristband_en.jpg").read_bytes()

    page.set_input_files(
        "#composer-files", files=[{"name": "wristband.jpg", "mimeType": "image/jpeg", "buffer": wristband}]
    )

    page.wait_for_selector(".upload-item.done")
    asset = MediaAsset.objects.get(organization=org)
    reading = page.wait_for_selector(f"#reading-{asset.pk}[data-state=read]", timeout=30_000)
    finding = reading.query_selector('.privacy-finding[data-category="name"]')
    assert finding.query_selector("mark").text_content() == "SMITH, John A"
    assert "A name on a wristband, label or chart identifies the patient." in finding.text_content()
    assert reading.query_selector(".reading-text").text_content().startswith("SMITH, John A\nDOB")
    assert len(reading.query_selector_all("svg.reading-boxes rect.text-box")) == 3

    page.click("button[name=action][value=now]")
    errors = page.wait_for_selector(".form-errors")
    assert "“SMITH, John A” (a patient's name)" in errors.text_content()
    assert not Post.objects.filter(targets__state="scheduled").exists()
