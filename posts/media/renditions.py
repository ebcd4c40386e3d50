"""Renditions: an asset made, once per network and variant, into a copy the network accepts;
and the media library's own thumbnails, kept the same way."""

from __future__ import annotations

import io
import math
import secrets
from dataclasses import dataclass

import av
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext
from PIL import Image, ImageFilter, ImageOps

from physsocial.images import encode as _encode
from physsocial.images import flatten as _flatten
from physsocial.networks import network_label
from platforms.base import Limits
from posts.media.decoding import guarded_pillow
from posts.media.describe import describe_ratio, describe_size
from posts.media.limits import network_limits
from posts.models import MediaAsset, MediaRendition

LIBRARY = "library"  # the "network" of the media library's own thumbnails
THUMBNAIL = "thumbnail"
THUMBNAIL_EDGE = 480
VARIANTS = ("default", "crop", "pad", "pad_blur")


@dataclass(frozen=True)
class RatioFix:
    variant: str  # "crop", "pad" or "pad_blur": pass to rendition_for
    label: str


@dataclass(frozen=True)
class AspectRatioProblem:
    message: str
    ratio: float
    min_ratio: float | None
    max_ratio: float | None
    target_ratio: float  # the nearest ratio the network accepts
    fixes: tuple[RatioFix, ...]


def aspect_ratio_problem(asset: MediaAsset, network: str) -> AspectRatioProblem | None:
    """Why ``network`` would refuse this image's shape, and the fixes on offer; None if it fits.

    Only still images are checked: videos and GIFs are not cropped here.
    """
    limits = network_limits(network)
    ratio = asset.aspect_ratio
    if asset.kind != MediaAsset.Kind.IMAGE or ratio is None:
        return None
    low, high = limits.min_aspect_ratio, limits.max_aspect_ratio
    too_tall = low is not None and ratio < low
    too_wide = high is not None and ratio > high
    if not (too_tall or too_wide):
        return None
    target = low if too_tall else high
    label = network_label(network)
    allowed = _describe_range(low, high)
    values = {"network": label, "allowed": allowed, "ratio": describe_ratio(ratio), "target": describe_ratio(target)}
    if too_tall:
        message = gettext(
            "%(network)s shows images %(allowed)s; this image is %(ratio)s, too tall. "
            "Crop it to %(target)s or add bars to fill the frame."
        )
        crop = gettext("Crop the top and bottom to %(target)s")
    else:
        message = gettext(
            "%(network)s shows images %(allowed)s; this image is %(ratio)s, too wide. "
            "Crop it to %(target)s or add bars to fill the frame."
        )
        crop = gettext("Crop the sides to %(target)s")
    fixes = (
        RatioFix("crop", crop % values),
        RatioFix("pad", gettext("Add white bars to make it %(target)s") % values),
        RatioFix("pad_blur", gettext("Add blurred bars to make it %(target)s") % values),
    )
    message = message % values
    return AspectRatioProblem(message, ratio, low, high, target, fixes)


def _describe_range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return gettext("between %(low)s (portrait) and %(high)s (landscape)") % {
            "low": describe_ratio(low),
            "high": describe_ratio(high),
        }
    if low is not None:
        return gettext("no taller than %(ratio)s") % {"ratio": describe_ratio(low)}
    return gettext("no wider than %(ratio)s") % {"ratio": describe_ratio(high or 0)}


def rendition_for(asset: MediaAsset, *, network: str, variant: str = "default") -> MediaRendition:
    """The asset as ``network`` accepts it, made on first use and kept.

    "default" only resizes and converts; "crop" (centre) and "pad" / "pad_blur"
    (white or blurred bars) also bring an image into the network's aspect ratios.
    A kept rendition is made again when it no longer fits the network's limits.
    Videos are posted as uploaded: their rendition is the asset itself.

    Raises ValidationError when the network takes no such media (Instagram and
    animated GIFs) or the image cannot be brought under its byte limit. Safe to
    call twice, also at once: one rendition wins, the other's file is removed.
    """
    if variant not in VARIANTS:
        raise ValueError(f"Unknown variant {variant!r}; expected one of {', '.join(VARIANTS)}.")
    limits = network_limits(network)
    existing = MediaRendition.objects.filter(asset=asset, network=network, variant=variant).first()
    if existing is not None and _still_fits(existing, limits, variant) and _file_exists(existing.file):
        return existing
    made = _make_rendition(asset, network, variant, limits)
    return _keep(asset, network, variant, made, existing)


def _file_exists(field_file: FieldFile) -> bool:
    return bool(field_file.name) and field_file.storage.exists(field_file.name)


@dataclass
class _Made:
    content_type: str
    width: int | None
    height: int | None
    data: bytes = b""  # empty: reuse the asset's file
    extension: str = ""


def _still_fits(rendition: MediaRendition, limits: Limits, variant: str) -> bool:
    asset = rendition.asset
    if asset.kind == MediaAsset.Kind.VIDEO:
        return True
    max_bytes = (limits.gif_max_bytes or limits.image_max_bytes) if asset.kind == MediaAsset.Kind.GIF else 0
    max_bytes = max_bytes or limits.image_max_bytes
    if rendition.size_bytes > max_bytes or rendition.content_type not in limits.image_types:
        return False
    if limits.image_max_pixels and (rendition.width or 0) * (rendition.height or 0) > limits.image_max_pixels:
        return False
    if variant != "default" and rendition.width and rendition.height:
        return _ratio_ok(rendition.width / rendition.height, limits)
    return True


def _ratio_ok(ratio: float, limits: Limits) -> bool:
    low, high = limits.min_aspect_ratio, limits.max_aspect_ratio
    return (low is None or ratio >= low) and (high is None or ratio <= high)


def _make_rendition(asset: MediaAsset, network: str, variant: str, limits: Limits) -> _Made:
    label = network_label(network)
    if asset.kind == MediaAsset.Kind.VIDEO:
        return _Made(asset.content_type, asset.width, asset.height)
    if asset.kind == MediaAsset.Kind.GIF:
        if "image/gif" not in limits.image_types:
            raise ValidationError(
                gettext("%(label)s does not take animated GIFs. Upload the animation as an MP4 video instead.")
                % {"label": label},
                code="gif_unsupported",
            )
        max_bytes = limits.gif_max_bytes or limits.image_max_bytes
        if asset.size_bytes > max_bytes:
            raise ValidationError(
                gettext(
                    "This GIF is %(size)s; %(label)s takes GIFs up to %(limit)s. Upload it as an MP4 video instead."
                )
                % {"size": describe_size(asset.size_bytes), "label": label, "limit": describe_size(max_bytes)},
                code="too_large",
            )
        return _Made(asset.content_type, asset.width, asset.height)
    if not limits.image_types:
        raise ValidationError(gettext("%(label)s does not take images.") % {"label": label}, code="images_unsupported")

    needs_shape = variant != "default" and not _ratio_ok(asset.aspect_ratio or 1.0, limits)
    fits_as_is = (
        asset.content_type in limits.image_types
        and asset.size_bytes <= limits.image_max_bytes
        and not (limits.image_max_pixels and (asset.width or 0) * (asset.height or 0) > limits.image_max_pixels)
        and not needs_shape
    )
    if fits_as_is:
        return _Made(asset.content_type, asset.width, asset.height)

    image = _open_stored_image(asset)
    icc_profile = image.info.get("icc_profile")
    pil_format, content_type, extension = _target_format(asset.content_type, limits.image_types, image)
    if limits.image_max_pixels and image.width * image.height > limits.image_max_pixels:
        image = _resize(image, math.sqrt(limits.image_max_pixels / (image.width * image.height)), limits)
    if needs_shape:
        image = _reshape(image, variant, limits)
    data, image = _encode_within(image, pil_format, limits.image_max_bytes, limits, icc_profile, label)
    return _Made(content_type, image.width, image.height, data=data, extension=extension)


def _open_stored_image(asset: MediaAsset) -> Image.Image:
    """The stored image, decoded. A storage failure propagates as it is; only decoding is guarded."""
    with asset.file.storage.open(asset.file.name, "rb") as handle:
        raw = handle.read()
    with guarded_pillow():
        image = Image.open(io.BytesIO(raw))
        image.load()
    return image


def _target_format(content_type: str, accepted: tuple[str, ...], image: Image.Image) -> tuple[str, str, str]:
    """Keep the format where the network takes it; else JPEG, or PNG for transparency where it can."""
    by_type = {
        "image/jpeg": ("JPEG", "image/jpeg", "jpg"),
        "image/png": ("PNG", "image/png", "png"),
        "image/webp": ("WEBP", "image/webp", "webp"),
    }
    if content_type in accepted and content_type in by_type:
        return by_type[content_type]
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if has_alpha and "image/png" in accepted:
        return by_type["image/png"]
    if "image/jpeg" in accepted:
        return by_type["image/jpeg"]
    if "image/png" in accepted:
        return by_type["image/png"]
    raise ValidationError(
        gettext("This network takes no image format PhysSocial can produce."), code="images_unsupported"
    )


def _resize(image: Image.Image, factor: float, limits: Limits) -> Image.Image:
    """Scale by ``factor``; a shape inside the network's ratios stays inside despite rounding."""
    width = max(1, math.floor(image.width * factor))
    height = max(1, math.floor(image.height * factor))
    if _ratio_ok(image.width / image.height, limits):
        if limits.min_aspect_ratio is not None and width / height < limits.min_aspect_ratio:
            height = max(1, math.floor(width / limits.min_aspect_ratio))
        if limits.max_aspect_ratio is not None and width / height > limits.max_aspect_ratio:
            width = max(1, math.floor(height * limits.max_aspect_ratio))
    return image.resize((width, height), Image.Resampling.LANCZOS)


def _reshape(image: Image.Image, variant: str, limits: Limits) -> Image.Image:
    ratio = image.width / image.height
    low, high = limits.min_aspect_ratio, limits.max_aspect_ratio
    too_tall = low is not None and ratio < low
    if variant == "crop":
        if too_tall:
            height = math.floor(image.width / low)
            top = (image.height - height) // 2
            return image.crop((0, top, image.width, top + height))
        width = math.floor(image.height * high)
        left = (image.width - width) // 2
        return image.crop((left, 0, left + width, image.height))
    if too_tall:
        size = (math.ceil(image.height * low), image.height)
    else:
        size = (image.width, math.ceil(image.width / high))
    rgb = _flatten(image)
    if variant == "pad_blur":
        background = ImageOps.fit(rgb, size).filter(ImageFilter.GaussianBlur(radius=max(size) / 40))
    else:
        background = Image.new("RGB", size, (255, 255, 255))
    background.paste(rgb, ((size[0] - rgb.width) // 2, (size[1] - rgb.height) // 2))
    return background


def _encode_within(
    image: Image.Image, pil_format: str, max_bytes: int, limits: Limits, icc_profile: bytes | None, label: str
) -> tuple[bytes, Image.Image]:
    qualities = (90, 82, 72) if pil_format in ("JPEG", "WEBP") else (90,)
    for _ in range(12):
        for quality in qualities:
            data = _encode(image, pil_format, quality=quality, icc_profile=icc_profile)
            if len(data) <= max_bytes:
                return data, image
        if image.width <= 64 or image.height <= 64:
            break
        image = _resize(image, 0.8, limits)
    raise ValidationError(
        gettext("This image could not be made small enough for %(label)s (%(size)s).")
        % {"label": label, "size": describe_size(max_bytes)},
        code="too_large",
    )


def _keep(
    asset: MediaAsset, network: str, variant: str, made: _Made, existing: MediaRendition | None
) -> MediaRendition:
    """Store ``made`` as the rendition, replacing ``existing``; when another process made
    the same rendition at the same moment, keep theirs and remove our file."""
    storage = asset.file.storage
    if made.data:
        upload_to = MediaRendition._meta.get_field("file").generate_filename(
            None, f"{secrets.token_urlsafe(18)}.{made.extension}"
        )
        name, size = storage.save(upload_to, ContentFile(made.data)), len(made.data)
    else:
        name, size = asset.file.name, asset.size_bytes
    values = {
        "file": name,
        "size_bytes": size,
        "content_type": made.content_type,
        "width": made.width,
        "height": made.height,
    }
    if existing is None:
        try:
            with transaction.atomic():
                return MediaRendition.objects.create(asset=asset, network=network, variant=variant, **values)
        except IntegrityError:
            if made.data:
                storage.delete(name)
            return MediaRendition.objects.get(asset=asset, network=network, variant=variant)
    old_name = existing.file.name
    for field, value in values.items():
        setattr(existing, field, value)
    existing.save(update_fields=list(values))
    if old_name and old_name not in (asset.file.name, name):
        transaction.on_commit(lambda: storage.delete(old_name))
    return existing


def thumbnail_for(asset: MediaAsset) -> MediaRendition:
    """A small JPEG preview for the media library (a video's first frame), made once."""
    existing = MediaRendition.objects.filter(asset=asset, network=LIBRARY, variant=THUMBNAIL).first()
    if existing is not None and _file_exists(existing.file):
        return existing
    if asset.kind == MediaAsset.Kind.VIDEO:
        with asset.file.storage.open(asset.file.name, "rb") as handle:  # streamed: videos are large
            with av.open(handle, mode="r", metadata_errors="ignore") as container:
                frame = next(container.decode(video=0))
                image = frame.to_image()
                if frame.rotation:
                    # PyAV reports the counter-clockwise turn the picture needs to stand upright.
                    image = image.rotate(frame.rotation, expand=True)
    else:
        image = _open_stored_image(asset)
    image = _flatten(image)
    image.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE), Image.Resampling.LANCZOS)
    made = _Made("image/jpeg", image.width, image.height, data=_encode(image, "JPEG", quality=82), extension="jpg")
    return _keep(asset, LIBRARY, THUMBNAIL, made, existing)
