"""The privacy guard at the edge: every text of a post, scanned by ``privacy.text``, judged by the
organization's policy and explained in the reader's language.

``privacy.text`` knows nothing of Django; here a post's texts become named fields ("text",
"text:twitter", "thread:2", "title:youtube", "link", "alt:<media id>"), each finding gets the
organization's severity ("block" or "warn") and its reason translated. Scheduling refuses a post
with a "block" finding (``PrivacyBlocked``); drafts may hold anything. The engine asks again just
before publishing, on the draft it is about to send. Text only: images are read by OCR, which is
far too slow for a request, and are not checked here yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Organization
from accounts.privacy_policy import CATEGORY_LABELS
from physsocial.networks import network_label
from privacy.text import REASONS, scan

BLOCK, WARN = "block", "warn"

# The privacy core's reasons, repeated as literals so makemessages collects them (the core keeps
# them in English and imports no Django); a test checks this table against privacy.text.REASONS.
REASON_MSGIDS = (
    gettext_noop("A name with a courtesy title reads as a patient or a patient's relative."),
    gettext_noop("A name given to a patient can identify them."),
    gettext_noop("The name of a patient's relative can identify the patient."),
    gettext_noop("A name with an age reads as a patient's."),
    gettext_noop("A first name in a story of care can identify the patient."),
    gettext_noop("A patient's initials can identify them in a small community."),
    gettext_noop("This name was given earlier in the text to a patient or a patient's relative."),
    gettext_noop("A date of birth identifies a person; keep only the year, or leave it out."),
    gettext_noop("A date tied to someone's care can identify them; keep only the year, or leave it out."),
    gettext_noop('An age over 89 is rare enough to identify a person; say "over 90" instead.'),
    gettext_noop("This looks like a health card number."),
    gettext_noop("This looks like a British Columbia personal health number."),
    gettext_noop("This looks like a US Social Security number."),
    gettext_noop("This looks like a Social Insurance Number."),
    gettext_noop("This looks like a medical record or chart number."),
    gettext_noop("This phone number seems to belong to a person rather than an organization."),
    gettext_noop("This e-mail address seems to belong to a person rather than an organization."),
    gettext_noop("A street address near a person can identify them."),
    gettext_noop("A postal or ZIP code near a person narrows them down to a few streets."),
    gettext_noop("A fundraiser or memorial page points at one person."),
    gettext_noop("This link or handle points at a patient or their family."),
    gettext_noop("Replying to someone about their own care tells everyone that they are a patient."),
    gettext_noop("A licence plate identifies its owner."),
    gettext_noop("A device serial number is linked to the patient who carries it."),
    gettext_noop("A bed, room or ward tied to a person can identify them."),
    gettext_noop("A recent, local encounter story can let the patient or their family recognise themselves."),
    gettext_noop("This reads as medical advice to one person, which a public post cannot give safely."),
    gettext_noop("A discount code or affiliate link is a commercial interest; add a disclosure such as #ad."),
    gettext_noop("Praise for a product without a disclosure can hide a commercial interest."),
    gettext_noop("This reads as heated or insulting; the colleges expect courtesy in public."),
    gettext_noop("This reads as shouting; the colleges expect courtesy in public."),
)


def category_label(category: str) -> str:
    return _(CATEGORY_LABELS.get(category, category))


@dataclass(frozen=True)
class PrivacyFinding:
    """One finding as the edge shows it: the organization's severity and a translated reason."""

    category: str
    severity: str  # "block" or "warn"
    field: str
    start: int
    end: int
    excerpt: str
    reason: str
    replacement: str | None
    # The composer's input holding the field's text ("text", "t-12", "o-12-title"), "" when none.
    input_name: str = ""

    @property
    def blocks(self) -> bool:
        return self.severity == BLOCK

    def as_dict(self) -> dict[str, Any]:
        keys = ("category", "severity", "excerpt", "start", "end", "field", "reason")
        return {key: getattr(self, key) for key in keys}

    def sentence(self) -> str:
        return _("“%(excerpt)s” (%(category)s): %(reason)s") % {
            "excerpt": self.excerpt,
            "category": category_label(self.category),
            "reason": self.reason,
        }


class PrivacyBlocked(ValidationError):
    """Scheduling refused: the post holds what the organization's policy blocks."""

    def __init__(self, findings: Sequence[PrivacyFinding]):
        self.findings = [finding for finding in findings if finding.blocks]
        lines = [_("This post may identify a patient, so it cannot be scheduled; change it or save it as a draft.")] + [
            finding.sentence() for finding in self.findings
        ]
        super().__init__(lines, code="privacy_blocked")


@dataclass
class PostTexts:
    """A post's texts by field name, and the composer input each one is typed in."""

    fields: dict[str, str]
    inputs: dict[str, str]

    def add(self, name: str, value: Any, *, input_name: str = "") -> None:
        if isinstance(value, str) and value.strip():
            self.fields[name] = value
            if input_name:
                self.inputs[name] = input_name


def _add_options(texts: PostTexts, network: str, options: Mapping[str, Any], *, account_id: int | None) -> None:
    for position, part in enumerate(options.get("thread") or (), start=2):
        texts.add(f"thread:{position}", part)
    for option in ("title", "tags"):
        value = options.get(option)
        if isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        texts.add(f"{option}:{network}", value, input_name=f"o-{account_id}-{option}" if account_id is not None else "")


def post_texts(
    *,
    text: str,
    link: str,
    media: Iterable[Any] = (),
    tailored: Iterable[tuple[Any, str, Mapping[str, Any]]] = (),
) -> PostTexts:
    """Every text of a post: the base text, the link, each file's alt text, and per account
    (``tailored``: ``(account, its own text, its options)``) its text, thread parts, title and tags."""
    texts = PostTexts(fields={}, inputs={})
    texts.add("text", text, input_name="text")
    for account, own_text, options in tailored:
        name = f"text:{account.network}"
        if name in texts.fields and texts.fields[name] != own_text:
            name = f"text:{account.network}:{account.pk}"
        texts.add(name, own_text, input_name=f"t-{account.pk}")
        _add_options(texts, account.network, options or {}, account_id=account.pk)
    texts.add("link", link, input_name="link")
    for asset in media:
        texts.add(f"alt:{asset.pk}", getattr(asset, "alt_text", ""))
    return texts


def draft_texts(network: str, draft: Any) -> PostTexts:
    """The texts of the draft the engine is about to send (``platforms.base.Draft``)."""
    texts = PostTexts(fields={}, inputs={})
    if draft is None:
        return texts
    texts.add(f"text:{network}", draft.text)
    _add_options(texts, network, {**(draft.options or {}), "thread": draft.thread}, account_id=None)
    texts.add("link", draft.link)
    for position, item in enumerate(draft.media, start=1):
        texts.add(f"alt:{position}", item.alt_text)
    return texts


def check(organization: Organization, texts: PostTexts) -> list[PrivacyFinding]:
    """The findings in ``texts``, with the organization's severity; ~1 ms for a post."""
    return [
        PrivacyFinding(
            category=str(finding.category),
            severity=organization.privacy_severity(finding.category),
            field=finding.field,
            start=finding.start,
            end=finding.end,
            excerpt=finding.excerpt,
            reason=_(REASONS.get(finding.reason_code, finding.reason)),
            replacement=finding.replacement,
            input_name=texts.inputs.get(finding.field, ""),
        )
        for finding in scan(texts.fields)
    ]


def refuse_if_blocked(organization: Organization, texts: PostTexts) -> list[PrivacyFinding]:
    """Raise ``PrivacyBlocked`` when the policy blocks one of the findings; else return them."""
    findings = check(organization, texts)
    if any(finding.blocks for finding in findings):
        raise PrivacyBlocked(findings)
    return findings


def engine_refusal(organization: Organization, network: str, draft: Any) -> str:
    """What the engine says when it must not send ``draft``: "" when the policy lets it go."""
    blocked = [finding for finding in check(organization, draft_texts(network, draft)) if finding.blocks]
    if not blocked:
        return ""
    categories = sorted({category_label(finding.category) for finding in blocked})
    return _(
        "Not sent to %(network)s: the post now holds %(what)s, which this organization blocks to protect "
        "patients. Edit the post, then schedule it again."
    ) % {"network": network_label(network), "what": ", ".join(categories)}
