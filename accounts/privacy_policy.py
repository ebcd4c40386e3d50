"""An organization's privacy policy: for each category of the privacy guard, warn or block.

Identifiers block by default and professional risks warn (``privacy.text.SEVERITY_DEFAULT``);
``Organization.privacy_severity`` answers for one category. The labels name each category in
plain words, for the settings page and for the messages that refuse a post.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_noop

from privacy.text import BLOCK, SEVERITY_DEFAULT, WARN, Category

CATEGORY_LABELS: dict[str, str] = {
    Category.NAME: gettext_noop("a patient's name"),
    Category.DATE: gettext_noop("a date of birth or of care"),
    Category.AGE: gettext_noop("an age over 89"),
    Category.HEALTH_CARD: gettext_noop("a health card number"),
    Category.NATIONAL_ID: gettext_noop("a social security or insurance number"),
    Category.RECORD_NUMBER: gettext_noop("a medical record number"),
    Category.PHONE: gettext_noop("a personal phone number"),
    Category.EMAIL: gettext_noop("a personal e-mail address"),
    Category.ADDRESS: gettext_noop("a street address"),
    Category.POSTAL_CODE: gettext_noop("a postal or ZIP code"),
    Category.URL_HANDLE: gettext_noop("a link or handle pointing at a patient"),
    Category.PLATE: gettext_noop("a licence plate"),
    Category.DEVICE_SERIAL: gettext_noop("a device serial number"),
    Category.ROOM: gettext_noop("a room, bed or ward"),
    Category.ENCOUNTER: gettext_noop("a recognisable encounter story"),
    Category.MEDICAL_ADVICE: gettext_noop("individual medical advice"),
    Category.COMMERCIAL_INTEREST: gettext_noop("an undisclosed commercial interest"),
    Category.HEATED: gettext_noop("a heated or insulting tone"),
}


def policy_blocking(categories: Iterable[str]) -> dict[str, str]:
    """The policy in which exactly ``categories`` block, as stored: only the choices that differ
    from the guard's defaults, so the defaults' own changes reach organizations that kept them."""
    chosen = set(categories)
    severities = {category: BLOCK if category.value in chosen else WARN for category in Category}
    return {
        category.value: severity for category, severity in severities.items() if severity != SEVERITY_DEFAULT[category]
    }
