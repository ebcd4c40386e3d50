"""Organization logos are re-encoded like media uploads: no EXIF, GPS or embedded profile survives,
and what is not a usable image is refused with a plain sentence next to the logo field."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, PngImagePlugin

from accounts import services

GPS_IFD = 0x8825
GPS = {1: "N", 2: (43.0, 39.0, 11.5), 3: "W", 4: (79.0, 23.0, 2.25)}


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


FIELDS = {"name": "Alice's Clinic", "time_zone": "America/Toronto"}


def edit(client, org, upload):
    return client.post(f"/organizations/{org.slug}/edit/", {**FIELDS, "logo": upload})


def jpeg_from_a_phone(size=(640, 480)) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (1, 114, 173))
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif.get_ifd(GPS_IFD).update(GPS)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, icc_profile=srgb, comment=b"Dr. Jane Doe's phone")
    return SimpleUploadedFile("jane-doe-clinic.jpg", buffer.getvalue(), content_type="image/jpeg")


def png_with_profile_and_text() -> SimpleUploadedFile:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Dr. Jane Doe")
    buffer = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGBA", (64, 64), (200, 30, 30, 128)).save(buffer, "PNG", pnginfo=info, icc_profile=srgb)
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims to be ``width`` × ``height``: what a decompression bomb looks like to Pillow."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def stored(org) -> bytes:
    org.refresh_from_db()
    with org.logo.open("rb") as handle:
        return handle.read()


def test_a_logo_loses_its_exif_gps_comment_and_colour_profile(alice_client, org):
    upload = jpeg_from_a_phone()

    response = edit(alice_client, org, upload)

    assert response.status_code == 302
    data = stored(org)
    with Image.open(io.BytesIO(data)) as logo:
        assert logo.format == "JPEG"
        assert not logo.getexif()
        assert not logo.getexif().get_ifd(GPS_IFD)
        assert "icc_profile" not in logo.info and "comment" not in logo.info
    assert b"Apple" not in data and b"Jane Doe" not in data


def test_a_png_logo_loses_its_text_and_profile_and_keeps_its_transparency(alice_client, org):
    edit(alice_client, org, png_with_profile_and_text())

    data = stored(org)
    with Image.open(io.BytesIO(data)) as logo:
        assert logo.format == "PNG" and logo.mode == "RGBA"
        assert "icc_profile" not in logo.info and "Author" not in logo.info
        assert logo.getpixel((0, 0))[3] == 128
    assert b"Jane Doe" not in data


def test_the_stored_file_is_the_re_encoded_one_under_a_random_name(alice_client, org):
    upload = jpeg_from_a_phone(size=(3000, 1500))
    original = upload.read()
    upload.seek(0)

    edit(alice_client, org, upload)

    data = stored(org)
    assert data != original
    assert org.logo.name.startswith("logos/") and "jane-doe" not in org.logo.name
    with Image.open(io.BytesIO(data)) as logo:
        assert logo.size == (1024, 512)


def test_a_file_that_is_not_an_image_is_refused_with_a_plain_message(alice_client, org):
    not_an_image = SimpleUploadedFile("logo.png", b"%PDF-1.4 not a picture", content_type="image/png")

    response = edit(alice_client, org, not_an_image)

    assert response.status_code == 400
    page = response.content.decode()
    error = page[page.index('id="id_logo_error"') :].split("</small>")[0]
    assert "This file is a PDF document. Please choose a PNG, JPEG or WebP image." in error
    org.refresh_from_db()
    assert not org.logo


@pytest.mark.parametrize("size", [(5000, 5000), (30000, 30000)], ids=["over our bound", "over Pillow's bomb guard"])
def test_a_decompression_bomb_is_refused_with_a_plain_message(alice_client, org, size):
    bomb = SimpleUploadedFile("logo.png", png_header_only(*size), content_type="image/png")

    response = edit(alice_client, org, bomb)

    assert response.status_code == 400
    page = response.content.decode()
    error = page[page.index('id="id_logo_error"') :].split("</small>")[0]
    assert "This image has more than 16 million pixels, more than a logo needs. Resize it and try again." in error
    org.refresh_from_db()
    assert not org.logo


def test_a_damaged_image_is_refused_and_nothing_else_changes(alice, org):
    data = jpeg_from_a_phone().read()
    damaged = SimpleUploadedFile("logo.jpg", data[: len(data) // 3], content_type="image/jpeg")

    with pytest.raises(services.ValidationError) as refused:
        services.update_organization(org, by=alice, name="Renamed", logo=damaged)

    assert refused.value.message_dict["logo"] == [
        "This image could not be read: the file looks damaged or incomplete. Try exporting it again."
    ]
    org.refresh_from_db()
    assert org.name == "Alice's Clinic" and not org.logo
