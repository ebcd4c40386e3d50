"""Renditions: each network gets the asset in a format, size and shape it accepts, made once."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image

from platforms import adapter_class
from posts.media.handoff import media_item_for, prune_media_cache
from posts.media.renditions import aspect_ratio_problem, rendition_for
from posts.models import MediaRendition
from tests.posts.conftest import encode, make_video, noise, stored_bytes, stored_image, two_tone, upload

pytestmark = pytest.mark.django_db

INSTAGRAM = adapter_class("instagram").limits


def allowed_on_instagram(width: int, height: int) -> bool:
    return INSTAGRAM.min_aspect_ratio <= width / height <= INSTAGRAM.max_aspect_ratio


def test_an_image_that_suits_the_network_is_not_copied(ingest):
    asset = ingest(upload(encode(two_tone((400, 300)), "JPEG")))

    rendition = rendition_for(asset, network="twitter")

    assert rendition.file.name == asset.file.name
    assert (rendition.content_type, rendition.width, rendition.height) == ("image/jpeg", 400, 300)
    assert rendition.size_bytes == asset.size_bytes


def test_a_rendition_is_made_once_and_reused(ingest):
    asset = ingest(upload(encode(two_tone((400, 500)), "WEBP"), "photo.webp"))

    first = rendition_for(asset, network="instagram")
    second = rendition_for(asset, network="instagram")

    assert first.pk == second.pk
    assert first.file.name == second.file.name
    assert MediaRendition.objects.filter(asset=asset).count() == 1


def test_a_png_too_heavy_for_x_is_resized_under_its_byte_limit(ingest):
    limit = adapter_class("twitter").limits.image_max_bytes
    asset = ingest(upload(encode(noise((1600, 1600)), "PNG", compress_level=1), "scan.png"))
    assert asset.size_bytes > limit

    rendition = rendition_for(asset, network="twitter")

    data = stored_bytes(rendition)
    assert rendition.size_bytes == len(data) <= limit
    image = stored_image(rendition)
    assert image.format == "PNG"  # X takes PNG: kept, only smaller
    assert image.size == (rendition.width, rendition.height)
    assert image.width < 1600
    assert image.width == image.height


def test_a_jpeg_too_heavy_for_instagram_is_brought_under_its_byte_limit(ingest):
    asset = ingest(upload(encode(noise((3500, 3500)), "JPEG", quality=100)))
    assert asset.size_bytes > INSTAGRAM.image_max_bytes

    rendition = rendition_for(asset, network="instagram")

    assert len(stored_bytes(rendition)) <= INSTAGRAM.image_max_bytes
    assert stored_image(rendition).format == "JPEG"


def test_webp_becomes_jpeg_for_instagram_and_facebook(ingest):
    asset = ingest(upload(encode(two_tone((400, 400)), "WEBP"), "photo.webp"))

    for network in ("instagram", "facebook"):
        rendition = rendition_for(asset, network=network)
        image = stored_image(rendition)
        assert (image.format, rendition.content_type) == ("JPEG", "image/jpeg")
        assert rendition.file.name.endswith(".jpg")


def test_transparency_becomes_white_when_instagram_needs_a_jpeg(ingest):
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (0, 0, 50, 100))
    asset = ingest(upload(encode(image, "PNG"), "logo.png"))

    rendition = rendition_for(asset, network="instagram")

    stored = stored_image(rendition)
    assert stored.format == "JPEG"
    assert stored.getpixel((90, 50)) >= (250, 250, 250)  # transparent: white, not black
    red = stored.getpixel((10, 50))
    assert red[0] > 240 and red[1] < 20


def test_png_stays_png_where_the_network_takes_it(ingest):
    asset = ingest(upload(encode(two_tone((100, 100), "RGBA"), "PNG"), "logo.png"))

    assert rendition_for(asset, network="linkedin").content_type == "image/png"


def test_an_animated_gif_is_refused_for_instagram_with_what_to_do(ingest):
    frames = [Image.new("RGB", (20, 20), (i * 60, 0, 0)) for i in range(3)]
    asset = ingest(upload(encode(frames[0], "GIF", save_all=True, append_images=frames[1:]), "wave.gif"))

    with pytest.raises(ValidationError) as excinfo:
        rendition_for(asset, network="instagram")

    assert excinfo.value.messages == [
        "Instagram does not take animated GIFs. Upload the animation as an MP4 video instead."
    ]
    assert rendition_for(asset, network="twitter").file.name == asset.file.name


# --- Instagram's aspect ratios -----------------------------------------------------------


def test_a_tall_image_has_an_aspect_ratio_problem_on_instagram_with_fixes(ingest):
    asset = ingest(upload(encode(two_tone((900, 1600)), "JPEG"), "story.jpg"))

    problem = aspect_ratio_problem(asset, "instagram")

    assert problem.message == (
        "Instagram shows images between 4:5 (portrait) and 1.91:1 (landscape); this image is 9:16, too tall. "
        "Crop it to 4:5 or add bars to fill the frame."
    )
    assert [fix.variant for fix in problem.fixes] == ["crop", "pad", "pad_blur"]
    assert problem.fixes[0].label == "Crop the top and bottom to 4:5"
    assert problem.target_ratio == pytest.approx(0.8)
    assert aspect_ratio_problem(asset, "twitter") is None


def test_a_wide_image_has_an_aspect_ratio_problem_on_instagram(ingest):
    asset = ingest(upload(encode(two_tone((900, 300)), "JPEG"), "panorama.jpg"))

    problem = aspect_ratio_problem(asset, "instagram")

    assert problem.message.startswith("Instagram shows images between 4:5 (portrait) and 1.91:1 (landscape); ")
    assert "this image is 3.00:1, too wide." in problem.message
    assert problem.fixes[0].label == "Crop the sides to 1.91:1"


def test_a_french_reader_is_told_about_the_shape_in_french(ingest):
    asset = ingest(upload(encode(two_tone((900, 300)), "JPEG"), "panorama.jpg"))

    with translation.override("fr"):
        problem = aspect_ratio_problem(asset, "instagram")

    assert problem.message.startswith("Instagram affiche les images entre 4:5 (portrait) et 1.91:1 (paysage)\u00a0; ")
    assert problem.fixes[0].label == "Recadrer les côtés en 1.91:1"


def test_a_square_image_has_no_aspect_ratio_problem(ingest):
    asset = ingest(upload(encode(two_tone((500, 500)), "JPEG")))

    assert aspect_ratio_problem(asset, "instagram") is None


@pytest.mark.parametrize("size", [(900, 1600), (1001, 1600), (900, 300), (1911, 999)])
@pytest.mark.parametrize("variant", ["crop", "pad", "pad_blur"])
def test_crop_and_pad_renditions_have_a_ratio_instagram_accepts(ingest, size, variant):
    asset = ingest(upload(encode(two_tone(size), "JPEG")))
    assert not allowed_on_instagram(*size)

    rendition = rendition_for(asset, network="instagram", variant=variant)

    image = stored_image(rendition)
    assert image.size == (rendition.width, rendition.height)
    assert allowed_on_instagram(image.width, image.height)
    if variant == "crop":
        assert image.width <= size[0] and image.height <= size[1]
    else:
        assert image.width >= size[0] and image.height >= size[1]


def test_the_pad_variant_letterboxes_on_white(ingest):
    asset = ingest(upload(encode(two_tone((900, 300)), "JPEG")))

    image = stored_image(rendition_for(asset, network="instagram", variant="pad"))

    assert image.getpixel((450, 2)) >= (250, 250, 250)  # the bar above
    assert image.getpixel((700, image.height // 2))[2] > 200  # the picture, blue half


def test_each_variant_is_its_own_rendition(ingest):
    asset = ingest(upload(encode(two_tone((900, 1600)), "JPEG")))

    variants = {rendition_for(asset, network="instagram", variant=v).pk for v in ("default", "crop", "pad")}

    assert len(variants) == 3
    default = rendition_for(asset, network="instagram")
    assert (default.width, default.height) == (900, 1600)  # default leaves the shape to the author


def test_an_unknown_variant_is_a_programming_error(ingest):
    asset = ingest(upload(encode(two_tone((50, 50)), "JPEG")))

    with pytest.raises(ValueError, match="Unknown variant 'stretch'"):
        rendition_for(asset, network="instagram", variant="stretch")


# --- what adapters receive ----------------------------------------------------------------


def test_instagram_gets_a_signed_url_and_a_local_copy_of_the_rendition(ingest):
    asset = ingest(upload(encode(two_tone((400, 400)), "WEBP"), "photo.webp"))

    item = media_item_for(asset, network="instagram")

    rendition = MediaRendition.objects.get(asset=asset, network="instagram")
    assert item.url.startswith("https://physsocial.example.org/media-library/signed/")
    assert item.url.endswith("/media.jpg")
    assert item.read() == stored_bytes(rendition)
    assert (item.kind, item.content_type, item.width, item.height) == ("image", "image/jpeg", 400, 400)
    assert item.size_bytes == rendition.size_bytes
    assert item.alt_text == "A chart of flu vaccination rates by month."


def test_networks_that_receive_bytes_get_no_url(ingest):
    asset = ingest(upload(encode(two_tone((40, 40)), "JPEG")))

    item = media_item_for(asset, network="twitter")

    assert item.url == ""
    assert item.read() == stored_bytes(asset)


def test_a_video_goes_to_networks_as_uploaded(ingest):
    asset = ingest(upload(make_video(frames=20), "clip.mp4"), alt_text="")

    item = media_item_for(asset, network="instagram")

    assert (item.kind, item.content_type) == ("video", "video/mp4")
    assert item.duration_s == pytest.approx(2.0, abs=0.15)
    assert item.read() == stored_bytes(asset)
    assert item.url.startswith("https://physsocial.example.org/media-library/signed/")


def test_the_local_copy_cache_can_be_pruned(ingest, settings):
    from datetime import timedelta

    asset = ingest(upload(encode(two_tone((40, 40)), "JPEG")))
    media_item_for(asset, network="twitter")

    assert prune_media_cache(older_than=timedelta(days=1)) == 0
    assert prune_media_cache(older_than=timedelta(seconds=-1)) == 1


def test_on_local_storage_adapters_read_the_stored_file_itself(ingest, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    settings.MEDIA_ROOT = str(tmp_path / "media")
    asset = ingest(upload(encode(two_tone((40, 40)), "JPEG")))

    item = media_item_for(asset, network="twitter")

    assert item.path == str(tmp_path / "media" / asset.file.name)
    assert item.read() == stored_bytes(asset)
