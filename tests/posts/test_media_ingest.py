"""Uploads: the type comes from the bytes, metadata never reaches storage, and refusals explain."""

import hashlib
import io

import av
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from PIL import Image

from posts.models import MediaAsset
from tests.posts.conftest import (
    GPS_IFD,
    camera_exif,
    encode,
    make_video,
    stored_bytes,
    stored_image,
    two_tone,
    upload,
)

pytestmark = pytest.mark.django_db


def refusal(excinfo, field: str = "file") -> tuple[str, str]:
    error = excinfo.value.error_dict[field][0]
    return error.code, error.messages[0]


def assert_no_metadata(image: Image.Image, raw: bytes) -> None:
    exif = image.getexif()
    assert dict(exif) == {}
    assert dict(exif.get_ifd(GPS_IFD)) == {}
    assert b"SERIAL-F2LXK0QJ" not in raw
    assert b"iPhone" not in raw
    assert b"Apple" not in raw
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "Comment", "Author"):
        assert key not in image.info


# --- metadata stripping -----------------------------------------------------------------


def test_gps_camera_serial_and_comments_are_gone_from_a_stored_jpeg(ingest):
    original = encode(
        two_tone((80, 60)),
        "JPEG",
        exif=camera_exif(),
        comment=b"Patient: Jane Doe",
        xmp=b"<x:xmpmeta><dc:creator>Dr Alice Adams</dc:creator></x:xmpmeta>",
    )
    assert b"SERIAL-F2LXK0QJ" in original  # the test file does carry them

    asset = ingest(upload(original, "IMG_0001.JPG"))

    raw = stored_bytes(asset)
    stored = stored_image(asset)
    assert stored.format == "JPEG"
    assert_no_metadata(stored, raw)
    assert b"Jane Doe" not in raw
    assert b"Alice Adams" not in raw
    assert (asset.kind, asset.content_type, asset.width, asset.height) == ("image", "image/jpeg", 80, 60)


def test_the_icc_colour_profile_is_kept(ingest):
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    asset = ingest(upload(encode(two_tone((40, 40)), "JPEG", icc_profile=profile, exif=camera_exif())))

    assert stored_image(asset).info.get("icc_profile") == profile


def test_the_exif_orientation_is_applied_before_the_tag_goes(ingest):
    # Orientation 6: the camera was turned; viewers rotate 90° clockwise to show it upright.
    sideways = two_tone((80, 40))
    asset = ingest(upload(encode(sideways, "JPEG", exif=camera_exif(orientation=6))))

    stored = stored_image(asset)
    assert stored.size == (40, 80)
    assert (asset.width, asset.height) == (40, 80)
    assert 0x0112 not in stored.getexif()
    # The red left half is now on top.
    top, bottom = stored.getpixel((20, 5)), stored.getpixel((20, 75))
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60


def test_png_text_chunks_and_exif_are_dropped_and_transparency_kept(ingest):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Dr Alice Adams")
    info.add_text("Comment", "Patient chart 1234")
    asset = ingest(upload(encode(two_tone((30, 30), "RGBA"), "PNG", pnginfo=info, exif=camera_exif()), "chart.png"))

    raw = stored_bytes(asset)
    stored = stored_image(asset)
    assert stored.format == "PNG" and stored.mode == "RGBA"
    assert_no_metadata(stored, raw)
    assert b"Patient chart" not in raw


def test_webp_exif_is_dropped(ingest):
    asset = ingest(upload(encode(two_tone((30, 30)), "WEBP", exif=camera_exif()), "photo.webp"))

    assert asset.content_type == "image/webp"
    assert_no_metadata(stored_image(asset), stored_bytes(asset))


def test_a_heic_photo_becomes_a_jpeg_without_its_gps(ingest):
    heic = encode(two_tone((60, 40)), "HEIF", exif=camera_exif().tobytes())

    asset = ingest(upload(heic, "IMG_4031.HEIC"))

    stored = stored_image(asset)
    assert stored.format == "JPEG"
    assert (asset.kind, asset.content_type) == ("image", "image/jpeg")
    assert asset.file.name.endswith(".jpg")
    assert asset.original_name == "IMG_4031.HEIC"
    assert_no_metadata(stored, stored_bytes(asset))


def test_a_multi_picture_jpeg_keeps_only_its_main_picture(ingest):
    # Several phone cameras write MPO: a JPEG followed by more pictures (depth, a second lens).
    main, extra = two_tone((80, 60)), Image.new("RGB", (80, 60), "green")
    mpo = encode(main, "MPO", save_all=True, append_images=[extra], exif=camera_exif())

    asset = ingest(upload(mpo, "DSC_0001.JPG"))

    stored = stored_image(asset)
    assert (stored.format, getattr(stored, "n_frames", 1)) == ("JPEG", 1)
    assert stored.getpixel((10, 30))[0] > 200  # the red half of the main picture
    assert_no_metadata(stored, stored_bytes(asset))


def test_an_animated_gif_keeps_its_frames_and_loses_its_comment(ingest):
    frames = [Image.new("RGB", (20, 20), (i * 60, 0, 255 - i * 60)) for i in range(4)]
    gif = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0, comment=b"Jane Doe")
    assert b"Jane Doe" in gif

    asset = ingest(upload(gif, "wave.gif"))

    raw = stored_bytes(asset)
    assert b"Jane Doe" not in raw
    assert (asset.kind, asset.content_type) == ("gif", "image/gif")
    stored = Image.open(io.BytesIO(raw))
    assert stored.n_frames == 4
    assert stored.info.get("loop") == 0
    assert stored.info.get("duration") == 100


def test_a_still_gif_is_an_image(ingest):
    asset = ingest(upload(encode(Image.new("P", (20, 20), 3), "GIF"), "dot.gif"))

    assert (asset.kind, asset.content_type) == ("image", "image/gif")


def test_the_stored_file_has_a_random_name_and_its_sha256(ingest):
    asset = ingest(upload(encode(two_tone((20, 20)), "JPEG"), "jane-doe-xray.jpg"))

    assert "jane" not in asset.file.name
    assert asset.file.name.startswith("media/")
    raw = stored_bytes(asset)
    assert asset.sha256 == hashlib.sha256(raw).hexdigest()
    assert asset.size_bytes == len(raw)
    assert asset.organization.name == "Alice's Clinic"
    assert asset.uploaded_by.email == "alice@example.org"


# --- the type comes from the content ------------------------------------------------------


def test_a_png_named_jpg_is_stored_as_a_png(ingest):
    asset = ingest(upload(encode(two_tone((20, 20)), "PNG"), "photo.jpg", content_type="image/jpeg"))

    assert asset.content_type == "image/png"
    assert asset.file.name.endswith(".png")
    assert stored_image(asset).format == "PNG"


def test_a_text_file_named_png_is_refused(ingest):
    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(b"Patient list\nJane Doe, 1960-01-01\n", "scan.png", content_type="image/png"))

    code, message = refusal(excinfo)
    assert code == "unsupported"
    assert message == (
        "This file is a text file. PhysSocial accepts JPEG, PNG, GIF, WebP and HEIC images, and MP4 and MOV videos."
    )
    assert MediaAsset.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "description"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (encode(two_tone((8, 8)), "BMP"), "a BMP image"),
        (encode(two_tone((8, 8)), "TIFF"), "a TIFF image"),
    ],
)
def test_other_formats_are_refused_by_name(ingest, data, description):
    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(data, "photo.jpg"))

    assert refusal(excinfo) == (
        "unsupported",
        f"This file is {description}. PhysSocial accepts JPEG, PNG, GIF, WebP and HEIC images, and MP4 and MOV videos.",
    )


def test_an_animated_webp_is_refused_with_what_to_do_instead(ingest):
    frames = [two_tone((20, 20)), Image.new("RGB", (20, 20), "green")]
    data = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100)

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(data, "wave.webp"))

    assert refusal(excinfo) == (
        "animated_unsupported",
        "Animated WebP and PNG files are not supported. Upload the animation as a GIF or an MP4 video.",
    )


# --- refusals -----------------------------------------------------------------------------


def test_an_empty_file_is_refused(ingest):
    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(b"", "photo.jpg"))

    assert refusal(excinfo) == ("empty", "This file is empty. Choose the photo or video again.")


def test_an_image_over_the_configured_size_is_refused(ingest, settings):
    settings.MEDIA_MAX_IMAGE_BYTES = 1000
    data = encode(two_tone((200, 200)), "PNG", compress_level=0)

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(data, "big.png"))

    code, message = refusal(excinfo)
    assert code == "too_large"
    assert message.startswith("This image is 117.")
    assert message.endswith("; the largest image PhysSocial accepts is 1000 bytes.")


def test_a_file_over_every_configured_size_is_refused_before_it_is_read(ingest, settings):
    settings.MEDIA_MAX_IMAGE_BYTES = 10
    settings.MEDIA_MAX_VIDEO_BYTES = 20

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(b"x" * 100, "anything.bin"))

    assert refusal(excinfo) == (
        "too_large",
        "This file is 100 bytes; PhysSocial accepts images up to 10 bytes and videos up to 20 bytes.",
    )


def test_an_image_over_the_pixel_bound_is_refused(ingest, settings):
    settings.MEDIA_MAX_IMAGE_PIXELS = 100 * 100

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(encode(Image.new("L", (101, 100)), "PNG")))

    assert refusal(excinfo) == (
        "too_many_pixels",
        "This image is 101 × 100 pixels, more than the 10,000 pixels PhysSocial accepts. "
        "Resize it and upload it again.",
    )


def test_a_decompression_bomb_is_refused_with_pillows_guard(ingest, settings, monkeypatch):
    # Pillow refuses to open images far over its own bound before we see the size.
    settings.MEDIA_MAX_IMAGE_PIXELS = 10**12
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    bomb = encode(Image.new("L", (200, 200)), "PNG")  # tiny file, 40,000 pixels

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(bomb))

    code, message = refusal(excinfo)
    assert code == "too_many_pixels"
    assert message.startswith("This image has more pixels than the ")


def test_a_truncated_jpeg_is_refused_as_damaged(ingest):
    data = encode(two_tone((200, 200)), "JPEG")

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(data[: len(data) // 2]))

    assert refusal(excinfo) == (
        "corrupt",
        "This image could not be read: the file looks damaged or incomplete. Try exporting or downloading it again.",
    )


def test_a_png_signature_followed_by_garbage_is_refused_as_damaged(ingest):
    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(b"\x89PNG\r\n\x1a\n" + b"garbage" * 20, "photo.png"))

    assert refusal(excinfo)[0] == "corrupt"


def test_a_truncated_gif_is_refused_as_damaged(ingest):
    frames = [Image.new("RGB", (20, 20), (i * 60, 0, 0)) for i in range(3)]
    gif = encode(frames[0], "GIF", save_all=True, append_images=frames[1:])

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(gif[:-30]))

    assert refusal(excinfo)[0] == "corrupt"


def test_alt_text_longer_than_every_network_accepts_is_refused(ingest):
    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(encode(two_tone((20, 20)), "JPEG")), alt_text="x" * 1001)

    assert refusal(excinfo, "alt_text") == (
        "alt_text_too_long",
        "Alt text can be at most 1,000 characters, the most every network accepts; this has 1,001.",
    )


# --- videos ---------------------------------------------------------------------------------


def test_a_video_is_measured_and_its_metadata_removed(ingest):
    original = make_video(
        size=(64, 48),
        frames=20,
        rate=10,
        metadata={"title": "Consult with Jane Doe", "location": "+43.6591-079.3884/", "comment": "SERIAL-F2LXK0QJ"},
    )
    assert b"Jane Doe" in original and b"loci" in original  # MP4 stores the place in a "loci" box

    asset = ingest(upload(original, "consult.mov", content_type="video/quicktime"), alt_text="")

    raw = stored_bytes(asset)
    assert b"Jane Doe" not in raw
    assert b"loci" not in raw
    assert b"SERIAL-F2LXK0QJ" not in raw
    assert (asset.kind, asset.content_type, asset.codec) == ("video", "video/mp4", "h264")
    assert (asset.width, asset.height) == (64, 48)
    assert asset.duration_s == pytest.approx(2.0, abs=0.15)
    assert asset.sha256 == hashlib.sha256(raw).hexdigest()
    with av.open(io.BytesIO(raw)) as container:
        assert "title" not in container.metadata
        assert "location" not in container.metadata
        assert sum(1 for _ in container.decode(video=0)) == 20


def test_a_video_filmed_upright_reports_upright_dimensions_and_keeps_its_rotation(ingest):
    asset = ingest(upload(make_video(size=(64, 48), rotation=90), "upright.mp4"))

    assert (asset.width, asset.height) == (48, 64)
    with av.open(io.BytesIO(stored_bytes(asset))) as container:
        assert abs(next(container.decode(video=0)).rotation) == 90


def test_an_iphone_hevc_mov_becomes_an_mp4_that_apple_devices_play(ingest):
    mov = make_video(fmt="mov", codec="libx265", metadata={"location": "+43.6591-079.3884/"})
    assert mov[4:12] == b"ftypqt  " and b"+43.6591" in mov

    asset = ingest(upload(mov, "IMG_0050.MOV", content_type="video/quicktime"), alt_text="")

    assert (asset.content_type, asset.codec) == ("video/mp4", "hevc")
    raw = stored_bytes(asset)
    assert b"+43.6591" not in raw
    with av.open(io.BytesIO(raw)) as container:
        assert container.streams.video[0].codec_context.codec_tag == "hvc1"


def test_a_video_longer_than_every_network_accepts_is_refused(ingest):
    # Two frames 50,000 seconds apart: almost 14 hours, longer than YouTube's 12.
    long_video = make_video(frames=2, rate=1, last_frame_at_s=50_000)

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(long_video, "lecture.mp4"))

    code, message = refusal(excinfo)
    assert code == "video_too_long"
    assert message == "This video is 13 h 53 min long; the longest any network accepts is 12 hours (YouTube)."


def test_a_video_larger_than_every_network_accepts_is_refused(ingest, settings):
    settings.MEDIA_MAX_VIDEO_BYTES = 10**15
    data = make_video()
    huge = UploadedFile(io.BytesIO(data), name="huge.mp4", content_type="video/mp4", size=300 * 1024**3)

    with pytest.raises(ValidationError) as excinfo:
        ingest(huge)

    code, message = refusal(excinfo)
    assert code == "video_too_large"
    assert message == "This video is 300.0 GB; the largest any network accepts is 256.0 GB (YouTube)."


def test_a_video_over_the_configured_size_is_refused(ingest, settings):
    settings.MEDIA_MAX_VIDEO_BYTES = 500
    data = make_video()

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(data, "clip.mp4"))

    code, message = refusal(excinfo)
    assert code == "too_large"
    assert message.endswith("the largest video PhysSocial accepts is 500 bytes.")


def test_a_damaged_video_is_refused(ingest):
    data = make_video()
    damaged = data[:40] + bytes(len(data) - 40)

    with pytest.raises(ValidationError) as excinfo:
        ingest(upload(damaged, "clip.mp4"))

    assert refusal(excinfo) == (
        "corrupt",
        "This video could not be read: the file looks damaged or incomplete. Try exporting it again as MP4.",
    )
    assert MediaAsset.objects.count() == 0
