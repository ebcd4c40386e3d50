"""The media library's rules: alt text, and deleting an asset with its files."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from accounts.models import User
from physsocial import input_rules
from posts.media.describe import invalid
from posts.media.limits import alt_text_max_length
from posts.models import MediaAsset


def clean_alt_text(alt_text: str) -> str:
    """Alt text trimmed; raises ValidationError({"alt_text": ...}) when a network would refuse it."""
    alt_text = (alt_text or "").strip()
    try:
        input_rules.check_text(alt_text, field=gettext("The alt text"))
    except ValidationError as error:
        raise ValidationError({"alt_text": error.messages}) from None
    limit = alt_text_max_length()
    if len(alt_text) > limit:
        raise invalid(
            gettext(
                "Alt text can be at most %(limit)s characters, the most every network accepts; this has %(length)s."
            )
            % {
                "limit": number_format(limit, force_grouping=True),
                "length": number_format(len(alt_text), force_grouping=True),
            },
            "alt_text_too_long",
            field="alt_text",
        )
    return alt_text


def alt_text_required(organization) -> bool:
    """Whether images in ``organization`` need alt text before they are posted (the default)."""
    return bool(getattr(organization, "alt_text_required", True))


def alt_text_missing(asset: MediaAsset) -> bool:
    """True for an image or GIF without alt text in an organization that requires it."""
    return asset.is_visual and not asset.alt_text.strip() and alt_text_required(asset.organization)


def update_alt_text(asset: MediaAsset, *, alt_text: str, by: User) -> MediaAsset:
    """Set the asset's alt text. Raises ValidationError({"alt_text": ...}) when it is too long,
    or is emptied on an image in an organization that requires it. Safe to repeat."""
    alt_text = clean_alt_text(alt_text)
    if not alt_text and asset.is_visual and alt_text_required(asset.organization):
        raise invalid(
            gettext("Describe the image for people who use a screen reader; %(name)s requires alt text on every image.")
            % {"name": asset.organization.name},
            "alt_text_required",
            field="alt_text",
        )
    asset.alt_text = alt_text
    asset.save(update_fields=["alt_text"])
    return asset


def delete_asset(asset: MediaAsset, *, by: User) -> None:
    """Delete an unused asset, its renditions and their files.

    Raises ValidationError when a post uses it. Files go once the transaction
    commits, so a rollback never leaves a row pointing at nothing.
    """
    uses = asset.attachments.count()
    if uses:
        raise ValidationError(
            ngettext(
                "This file is used by %(uses)s post. Remove it from them first, or keep it in the library.",
                "This file is used by %(uses)s posts. Remove it from them first, or keep it in the library.",
                uses,
            )
            % {"uses": uses},
            code="in_use",
        )
    storage = asset.file.storage
    names = {asset.file.name, *asset.renditions.values_list("file", flat=True)}
    try:
        asset.delete()
    except (ProtectedError, RestrictedError):  # attached by someone else since the count
        raise ValidationError(
            gettext("This file has just been added to a post, so it was kept."), code="in_use"
        ) from None
    transaction.on_commit(lambda: [storage.delete(name) for name in names if name])
