"""The media library pages: upload, alt text, delete, thumbnails, and who may do what."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from accounts.models import Role
from posts.media.ingest import ingest_upload
from posts.media.library import alt_text_missing, update_alt_text
from posts.media.renditions import THUMBNAIL_EDGE, rendition_for
from posts.models import MediaAsset, Post, PostMedia
from tests.fixtures import signed_in_client
from tests.posts.conftest import GPS_IFD, camera_exif, encode, make_video, stored_image, two_tone, upload

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def photo(ingest):
    return ingest(upload(encode(two_tone((300, 200)), "JPEG"), "clinic-door.jpg"), alt_text="The clinic's front door.")


@pytest.fixture
def charlies_photo(charlie, charlies_org):
    data = upload(encode(two_tone((30, 20)), "JPEG"), "charlie.jpg")
    return ingest_upload(organization=charlies_org, uploaded_by=charlie, uploaded_file=data, alt_text="Charlie")


def phone_photo(name: str = "IMG_0042.JPG") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, encode(two_tone((80, 40)), "JPEG", exif=camera_exif(orientation=6)), "image/jpeg")


# --- the page -------------------------------------------------------------------------


def test_the_library_lists_the_active_organizations_uploads_only(alice_client, photo, charlies_photo):
    response = alice_client.get(reverse("media-library"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "clinic-door.jpg" in page
    assert "charlie.jpg" not in page
    assert "300 × 200 px" in page
    assert "The clinic&#x27;s front door." in page
    assert reverse("media-thumbnail", args=[photo.pk]) in page
    assert 'id="upload-form"' in page
    assert "js/upload.js" in page


def test_an_image_without_alt_text_is_flagged_in_the_library(alice_client, ingest):
    ingest(upload(encode(two_tone((30, 30)), "JPEG"), "no-alt.jpg"), alt_text="")

    page = alice_client.get(reverse("media-library")).content.decode()

    assert "No alt text yet. Add it before this image can be posted." in page


def test_a_video_shows_its_duration_and_codec(alice_client, ingest):
    ingest(upload(make_video(frames=20), "consult.mp4"), alt_text="")

    page = alice_client.get(reverse("media-library")).content.decode()

    assert "consult.mp4" in page
    assert "2 seconds" in page
    assert "h264" in page


def test_a_viewer_sees_the_library_without_the_upload_form(member, photo):
    viewer = signed_in_client(Client(), member(Role.VIEWER), photo.organization)

    page = viewer.get(reverse("media-library")).content.decode()

    assert "clinic-door.jpg" in page
    assert 'id="upload-form"' not in page
    assert "Save alt text" not in page


# --- uploading ------------------------------------------------------------------------------


def test_uploading_without_javascript_stores_a_clean_file_and_returns_to_the_library(alice_client, org):
    response = alice_client.post(
        reverse("media-upload"), {"file": phone_photo(), "alt_text": "Our new waiting room."}, follow=True
    )

    assert response.redirect_chain == [(reverse("media-library"), 302)]
    assert "IMG_0042.JPG is in the library." in response.content.decode()
    asset = MediaAsset.objects.get(organization=org)
    assert (asset.alt_text, asset.width, asset.height) == ("Our new waiting room.", 40, 80)
    assert dict(stored_image(asset).getexif().get_ifd(GPS_IFD)) == {}


def test_the_upload_script_gets_the_new_card(alice_client, org):
    response = alice_client.post(reverse("media-upload"), {"file": phone_photo()}, headers=HTMX)

    assert response.status_code == 201
    asset = MediaAsset.objects.get(organization=org)
    card = response.content.decode()
    assert f'id="media-{asset.pk}"' in card
    assert "IMG_0042.JPG" in card
    assert "No alt text yet." in card


def test_the_composers_upload_gets_a_ticked_picker_tile_asking_for_alt_text(alice_client, org):
    response = alice_client.post(reverse("media-upload"), {"file": phone_photo(), "into": "composer"}, headers=HTMX)

    assert response.status_code == 201
    asset = MediaAsset.objects.get(organization=org)
    tile = response.content.decode()
    assert f'id="choice-{asset.pk}"' in tile
    assert f'name="media" value="{asset.pk}" data-kind="image" checked' in tile
    assert f'data-url="{reverse("media-alt-text", args=[asset.pk])}" open' in tile
    assert "no alt text" in tile


def test_a_refused_upload_explains_itself_to_the_upload_script(alice_client, org):
    text = SimpleUploadedFile("scan.png", b"Patient list: Jane Doe\n", "image/png")

    response = alice_client.post(reverse("media-upload"), {"file": text}, headers=HTMX)

    assert response.status_code == 400
    assert "This file is a text file. PhysSocial accepts JPEG, PNG" in response.content.decode()
    assert not MediaAsset.objects.exists()


def test_a_refused_upload_without_javascript_shows_the_page_with_the_reason(alice_client, org):
    text = SimpleUploadedFile("scan.png", b"Patient list: Jane Doe\n", "image/png")

    response = alice_client.post(reverse("media-upload"), {"file": text})

    assert response.status_code == 400
    page = response.content.decode()
    assert "This file is a text file." in page
    assert 'id="upload-form"' in page


def test_an_upload_without_a_file_asks_for_one(alice_client, org):
    response = alice_client.post(reverse("media-upload"), {"alt_text": "x"}, headers=HTMX)

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_viewer_cannot_upload(member, org):
    viewer = signed_in_client(Client(), member(Role.VIEWER), org)

    response = viewer.post(reverse("media-upload"), {"file": phone_photo()})

    assert response.status_code == 403
    assert not MediaAsset.objects.exists()


def test_a_contributor_can_upload(member, org):
    contributor = signed_in_client(Client(), member(Role.CONTRIBUTOR), org)

    response = contributor.post(reverse("media-upload"), {"file": phone_photo()}, headers=HTMX)

    assert response.status_code == 201


def test_an_upload_goes_to_the_active_organization(charlie_client, charlies_org, org):
    charlie_client.post(reverse("media-upload"), {"file": phone_photo()})

    assert MediaAsset.objects.get().organization == charlies_org


# --- alt text -------------------------------------------------------------------------------


def test_alt_text_is_edited_in_place(bob_client, photo):
    response = bob_client.post(
        reverse("media-alt-text", args=[photo.pk]), {"alt_text": "  The door, painted blue.  "}, headers=HTMX
    )

    assert response.status_code == 200
    assert "The door, painted blue." in response.content.decode()
    photo.refresh_from_db()
    assert photo.alt_text == "The door, painted blue."


def test_alt_text_cannot_be_emptied_where_the_organization_requires_it(bob_client, photo):
    response = bob_client.post(reverse("media-alt-text", args=[photo.pk]), {"alt_text": " "}, headers=HTMX)

    assert response.status_code == 400
    assert (
        "Describe the image for people who use a screen reader; Alice&#x27;s Clinic requires alt text on every image."
        in response.content.decode()
    )
    photo.refresh_from_db()
    assert photo.alt_text == "The clinic's front door."


def test_alt_text_may_be_emptied_where_the_organization_makes_it_optional(photo):
    photo.organization.alt_text_required = False  # the Organization field is still to come

    update_alt_text(photo, alt_text="", by=None)

    assert not alt_text_missing(photo)
    assert MediaAsset.objects.get(pk=photo.pk).alt_text == ""


def test_alt_text_edit_without_javascript_redirects_with_a_message(bob_client, photo):
    response = bob_client.post(reverse("media-alt-text", args=[photo.pk]), {"alt_text": "Blue door."}, follow=True)

    assert response.redirect_chain == [(reverse("media-library"), 302)]
    assert "Alt text saved." in response.content.decode()


def test_a_viewer_cannot_edit_alt_text(member, photo):
    viewer = signed_in_client(Client(), member(Role.VIEWER), photo.organization)

    assert viewer.post(reverse("media-alt-text", args=[photo.pk]), {"alt_text": "x"}).status_code == 403


# --- deleting ---------------------------------------------------------------------------


def test_an_unused_upload_is_deleted_with_its_files(bob_client, photo, django_capture_on_commit_callbacks):
    rendition = rendition_for(photo, network="instagram", variant="pad")
    storage = photo.file.storage
    names = [photo.file.name, rendition.file.name]

    with django_capture_on_commit_callbacks(execute=True):
        response = bob_client.post(reverse("media-delete", args=[photo.pk]), headers=HTMX)

    assert response.status_code == 200
    assert response.content == b""
    assert not MediaAsset.objects.filter(pk=photo.pk).exists()
    assert not any(storage.exists(name) for name in names)


def test_an_upload_used_by_a_post_is_kept_with_an_explanation(bob_client, alice, photo):
    post = Post.objects.create(organization=photo.organization, author=alice, text="Our door is open.")
    PostMedia.objects.create(post=post, asset=photo)

    response = bob_client.post(reverse("media-delete", args=[photo.pk]), headers=HTMX)

    assert response.status_code == 409
    page = response.content.decode()
    assert "This file is used by 1 post. Remove it from them first, or keep it in the library." in page
    assert "used in 1 post" in page
    assert MediaAsset.objects.filter(pk=photo.pk).exists()


def test_deleting_without_javascript_redirects_with_a_message(bob_client, photo):
    response = bob_client.post(reverse("media-delete", args=[photo.pk]), follow=True)

    assert "clinic-door.jpg was deleted." in response.content.decode()


def test_a_contributor_cannot_delete(member, photo):
    contributor = signed_in_client(Client(), member(Role.CONTRIBUTOR), photo.organization)

    assert contributor.post(reverse("media-delete", args=[photo.pk])).status_code == 403
    assert MediaAsset.objects.filter(pk=photo.pk).exists()


# --- files and thumbnails ---------------------------------------------------------------


def test_the_thumbnail_is_a_small_jpeg(alice_client, photo):
    response = alice_client.get(reverse("media-thumbnail", args=[photo.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert max(image.size) <= THUMBNAIL_EDGE


def test_a_video_thumbnail_is_its_first_frame_standing_upright(alice_client, ingest):
    video = ingest(upload(make_video(size=(64, 48), rotation=90), "upright.mp4"), alt_text="")

    response = alice_client.get(reverse("media-thumbnail", args=[video.pk]))

    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.width < image.height


def test_the_full_file_is_served_to_members(bob_client, photo):
    response = bob_client.get(reverse("media-file", args=[photo.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


def test_signed_out_visitors_are_sent_to_log_in(client, photo):
    response = client.get(reverse("media-file", args=[photo.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- isolation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "media-file"),
        ("get", "media-thumbnail"),
        ("post", "media-alt-text"),
        ("post", "media-delete"),
    ],
)
def test_an_outsider_gets_404_for_another_organizations_media(charlie_client, photo, method, name):
    response = getattr(charlie_client, method)(reverse(name, args=[photo.pk]), {"alt_text": "mine now"})

    assert response.status_code == 404
    photo.refresh_from_db()
    assert photo.alt_text == "The clinic's front door."


def test_an_outsiders_library_does_not_show_the_organizations_media(charlie_client, photo, charlies_photo):
    page = charlie_client.get(reverse("media-library")).content.decode()

    assert "charlie.jpg" in page
    assert "clinic-door.jpg" not in page
