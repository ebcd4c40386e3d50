"""The composer's and the hashtag-set page's forms.

The composer's fields depend on the organization's accounts (one text and a
few options per account), so ``ComposerState`` reads them from the POST by
name instead of declaring a Django field for each. It keeps every value as
typed, so a refused submission shows the page again with nothing lost;
``content_kwargs`` turns it into what ``posts.services`` expects, and the
services do all the checking.

Field names: ``text``, ``link``, ``accounts`` (ids), ``media`` (ids, in order),
``t-<account>`` (that account's text), ``o-<account>-<option>`` (its options;
Instagram's per-file fit is ``o-<account>-fit-<asset>``), ``scheduled_local``
(``YYYY-MM-DDTHH:MM`` in the user's zone), ``action`` (``at``, ``queue``, ``now``, ``draft``,
``keep``; ``:valid`` goes ahead with the ready networks only, ``queue:setup`` first creates the
default posting schedule, ``:release`` first releases what the privacy policy blocks, with
``privacy_release_reason``, ``draft:ask_release`` saves a draft and asks the owners and admins to
release it), ``privacy_checklist`` (the pre-publish checklist, ticked), ``post_id``, ``draft_key`` (the
page's autosave key, a UUID) and ``campaign`` (a campaign id, or empty).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from physsocial import input_rules
from platforms import describe
from posts.models import Post
from posts.services import LOCAL_INPUT_FORMAT as LOCAL_FORMAT

# The composer's buttons: what each asks the service for.
ACTIONS = {"draft", "at", "queue", "now", "keep"}


def _int_list(values: list[str]) -> list[int]:
    """The ids among ``values``; anything that cannot be an id (text, beyond 2^63 - 1) is left out."""
    result = []
    for value in values:
        number = input_rules.parse_id(value)
        if number is not None and number not in result:
            result.append(number)
    return result


@dataclass
class ComposerState:
    """Everything the composer shows, as typed (strings), from a POST or a saved post."""

    post_id: int | None = None
    text: str = ""
    link: str = ""
    account_ids: list[int] = field(default_factory=list)
    media_ids: list[int] = field(default_factory=list)
    # The images whose author confirms, by ticking the box on them, that everyone in them agreed.
    face_consents: list[int] = field(default_factory=list)
    texts: dict[int, str] = field(default_factory=dict)  # account id → its own text
    options: dict[int, dict[str, Any]] = field(default_factory=dict)  # account id → raw options
    scheduled_local: str = ""
    action: str = "draft"
    valid_only: bool = False
    set_up_queue: bool = False
    campaign_id: int | None = None
    # The privacy guard: release what it blocks first (owners, admins), or ask them to.
    release: bool = False
    release_reason: str = ""
    ask_release: bool = False
    checklist_ticked: bool = False
    # The composer page's key: its autosaves and its submit find the one draft it started.
    draft_key: uuid.UUID | None = None
    # Ids in the POST that cannot be ids (a tampered or very stale page): refused, not dropped.
    input_errors: list[str] = field(default_factory=list)

    @classmethod
    def from_post_data(cls, data: QueryDict, *, networks: dict[int, str]) -> ComposerState:
        """Read the composer's POST; ``networks`` maps the organization's account ids to networks."""
        action, _, flag = (data.get("action") or "draft").partition(":")
        state = cls(
            post_id=input_rules.parse_id(data.get("post_id", "")),
            text=data.get("text", ""),
            link=data.get("link", "").strip(),
            account_ids=[pk for pk in _int_list(data.getlist("accounts")) if pk in networks],
            media_ids=_int_list(data.getlist("media")),
            scheduled_local=data.get("scheduled_local", "").strip(),
            action=action if action in ACTIONS else "draft",
            valid_only=flag == "valid",
            set_up_queue=action == "queue" and flag == "setup",
            campaign_id=input_rules.parse_id(data.get("campaign", "")),
            release=flag == "release" and action in ("at", "queue", "now", "keep"),
            release_reason=data.get("privacy_release_reason", ""),
            ask_release=action == "draft" and flag == "ask_release",
            checklist_ticked=data.get("privacy_checklist") in ("on", "true"),
        )
        # A box left ticked on an image since taken out of the post means nothing.
        state.face_consents = [pk for pk in _int_list(data.getlist("face_consents")) if pk in state.media_ids]
        given = [*data.getlist("accounts"), *data.getlist("media"), *data.getlist("post_id"), *data.getlist("campaign")]
        if any(input_rules.parse_id(value) is None for value in given if value != ""):
            state.input_errors.append(
                gettext("One of the accounts or files on this page is not one PhysSocial knows. Reload the page.")
            )
        if data.get("draft_key"):
            try:
                state.draft_key = uuid.UUID(data["draft_key"][:64])
            except ValueError:
                state.input_errors.append(gettext("This page is out of date. Reload it; nothing you saved is lost."))
        for account_id, network in networks.items():
            state.texts[account_id] = data.get(f"t-{account_id}", "")
            options: dict[str, Any] = {}
            # The options the network's description says the page sends.
            for option in describe(network).options:
                if not option.in_composer:
                    continue
                if option.kind == "fit":
                    prefix = f"o-{account_id}-{option.name}-"
                    fit = {key.removeprefix(prefix): data[key] for key in data if key.startswith(prefix) and data[key]}
                    if fit:
                        options[option.name] = fit
                    continue
                value = data.get(f"o-{account_id}-{option.name}", "")
                if value != "":
                    # Checkboxes send "true"; the services take booleans.
                    options[option.name] = value in ("true", "on") if option.kind == "flag" else value
            state.options[account_id] = options
        return state

    @classmethod
    def new(cls, *, scheduled_local: str = "") -> ComposerState:
        """An empty composer page, with its own draft key; ``scheduled_local``: a time to start from
        (the calendar's free slot), as the date-and-time field holds it."""
        return cls(draft_key=uuid.uuid4(), scheduled_local=scheduled_local)

    @classmethod
    def from_post(cls, post: Post, *, scheduled_local: str = "") -> ComposerState:
        """An existing post; ``scheduled_local``: its current time as the date-and-time field holds it."""
        state = cls(
            post_id=post.pk,
            text=post.text,
            link=post.link,
            media_ids=list(post.attachments.order_by("position").values_list("asset_id", flat=True)),
            scheduled_local=scheduled_local,
            draft_key=post.draft_key or uuid.uuid4(),
            campaign_id=post.campaign_id,
        )
        for target in post.targets.all():
            state.account_ids.append(target.account_id)
            state.texts[target.account_id] = target.text_override
            options = dict(target.options or {})
            if isinstance(options.get("tags"), list):
                options["tags"] = ", ".join(options["tags"])
            state.options[target.account_id] = options
        return state

    def overrides(self) -> dict[int, dict[str, Any]]:
        """Per chosen account: its text and options, as the services take them."""
        return {
            account_id: {"text": self.texts.get(account_id, ""), "options": self.options.get(account_id, {})}
            for account_id in self.account_ids
        }

    def check_input(self) -> None:
        """Raise ValidationError when the POST held something no service could take."""
        if self.input_errors:
            raise ValidationError(self.input_errors)

    def content_kwargs(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "link": self.link,
            "media_ids": self.media_ids,
            "account_ids": self.account_ids,
            "overrides": self.overrides(),
            "campaign_id": self.campaign_id,
        }

    def local_time(self) -> datetime | None:
        """The picked wall-clock time (naive), or None. Raises ValidationError when unreadable."""
        if not self.scheduled_local:
            return None
        try:
            return datetime.strptime(self.scheduled_local[:16], LOCAL_FORMAT)
        except ValueError:
            raise ValidationError({"scheduled_at": gettext("Pick the date and time with the calendar.")}) from None


class HashtagSetForm(forms.Form):
    name = forms.CharField(max_length=80, label=_("Name"))
    hashtags = forms.CharField(
        label=_("Hashtags"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Separate them with spaces or commas: #MedTwitter #CDNHealth"),
    )
    personal = forms.BooleanField(
        required=False, label=_("Only for me"), help_text=_("Otherwise everyone in the organization can insert it.")
    )
