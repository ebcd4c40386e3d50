"""The networks' descriptions (``platforms/description.py``) in the reader's language.

``platforms`` stays free of Django, so its words are only marked there; this
is where they are translated, for labels on pages and messages and for the
JSON the composer's JavaScript reads.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.utils.translation import gettext

from platforms.description import DESCRIPTIONS, NetworkDescription, Option, describe


def network_label(network: str) -> str:
    """ "X", "Facebook", … as people know the network (ValueError for an unknown one)."""
    return gettext(describe(network).label)


def option_choices(network: str, name: str) -> dict[str, str]:
    """Value -> label of one of ``network``'s choice options, e.g. YouTube's privacy settings."""
    return {choice.value: gettext(choice.label) for choice in describe(network).option(name).choices}


def _option_json(option: Option) -> dict[str, Any]:
    return {
        "name": option.name,
        "kind": option.kind,
        "label": gettext(option.label),
        "choices": [{"value": choice.value, "label": gettext(choice.label)} for choice in option.choices],
        "default": option.default,
        "blank_label": gettext(option.blank_label) if option.blank_label else "",
        "in_composer": option.in_composer,
    }


def description_json(description: NetworkDescription) -> dict[str, Any]:
    return {
        "label": gettext(description.label),
        "text_name": gettext(description.text_name),
        "link_placement": description.link_placement,
        "link_card": description.link_card,
        "preview_cutoff": description.preview_cutoff,
        "media": asdict(description.media),
        "title": asdict(description.title) if description.title else None,
        "options": [_option_json(option) for option in description.options],
    }


def descriptions_json() -> dict[str, dict[str, Any]]:
    """Every network's description, keyed by network, for ``json_script`` (the composer reads it)."""
    return {network: description_json(description) for network, description in DESCRIPTIONS.items()}
