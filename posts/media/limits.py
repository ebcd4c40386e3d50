"""The bounds on media: our own (from settings) and what each network accepts."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils.translation import gettext_lazy

import platforms
from physsocial.networks import network_label
from platforms.base import Limits

logger = logging.getLogger(__name__)

MB = 1024 * 1024

# Defaults for the settings below (the lead wires them into settings.py from the environment).
DEFAULT_MAX_IMAGE_BYTES = 30 * MB
DEFAULT_MAX_VIDEO_BYTES = 1024 * MB
# A 48-megapixel phone photo is 8064 x 6048 = 48.8 million pixels.
DEFAULT_MAX_IMAGE_PIXELS = 60_000_000
# An animation decodes every frame: allow this many times the still-image bound in total.
ANIMATION_PIXEL_FACTOR = 5

ACCEPTED_TYPES = gettext_lazy("JPEG, PNG, GIF, WebP and HEIC images, and MP4 and MOV videos")


def max_image_bytes() -> int:
    return int(getattr(settings, "MEDIA_MAX_IMAGE_BYTES", DEFAULT_MAX_IMAGE_BYTES))


def max_video_bytes() -> int:
    return int(getattr(settings, "MEDIA_MAX_VIDEO_BYTES", DEFAULT_MAX_VIDEO_BYTES))


def max_image_pixels() -> int:
    return int(getattr(settings, "MEDIA_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS))


# --- what each network accepts ------------------------------------------------------------


def network_limits(network: str) -> Limits:
    """What ``network`` accepts, from its adapter (``ValueError`` for an unknown network)."""
    return platforms.adapter_class(network).limits


def all_networks() -> list[tuple[str, str, Limits]]:
    """(network, label, limits) of every network whose adapter imports.

    Adapters import lazily so that one broken SDK does not take every network
    down; a network that cannot load here is left out of "any network accepts".
    """
    found = []
    for network in platforms.NETWORKS:
        try:
            adapter = platforms.adapter_class(network)
        except ImportError:
            logger.exception("media: the %s adapter does not import", network)
            continue
        found.append((network, network_label(network), adapter.limits))
    return found


def alt_text_max_length() -> int:
    """The longest alt text every network takes (X's 1,000 characters today)."""
    lengths = [limits.alt_text_max_length for _, _, limits in all_networks() if limits.alt_text_max_length]
    return min(lengths, default=1000)
