"""The privacy guard at the edge: every text of a post, scanned by ``privacy.text``, judged by the
organization's policy and explained in the reader's language.

``privacy.text`` knows nothing of Django; here a post's texts become named fields ("text",
"text:twitter", "thread:2", "title:youtube", "link", "alt:<media id>"), each finding gets the
organization's severity ("block" or "warn") and its reason translated. Scheduling refuses a post
with a "block" finding (``PrivacyBlocked``); drafts may hold anything. The engine asks again just
before publishing, on the draft it is about to send.

Images are read once, by a worker, after upload (``posts.media.reading``): the text OCR read is
scanned like any other text, as the field "media:<asset id>", and an image with a face needs the
author's word that every identifiable person consented. An image still being read cannot be
scheduled yet; one that could not be read says so, and is never taken for clean.

What people decided (an owner's release, a "not a patient" mark; ``posts.privacy_decisions``) is
applied to any findings, text or image, by ``apply_decisions``: every check given the saved post uses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy, gettext_noop
from django.utils.translation import gettext as _

from accounts.models import Organization
from accounts.privacy_policy import CATEGORY_LABELS
from physsocial.networks import network_label
from posts.media import reading as media_reading
from posts.models import FaceConsent, ImageReading, MediaAsset
from privacy import images as image_reading
from privacy.text import REASONS, scan, texts_digest

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
    gettext_noop("A name on a wristband, label or chart identifies the patient."),
    gettext_noop("The words around this name read like those around a patient's name."),
    gettext_noop("The language model reads this as something that can identify a patient."),
    gettext_noop("A date of birth identifies a person; keep only the year, or leave it out."),
    gettext_noop("A date tied to someone's care can identify them; keep only the year, or leave it out."),
    gettext_noop('An age over 89 is rare enough to identify a person; say "over 90" instead.'),
    gettext_noop("This looks like a health card number."),
    gettext_noop("This looks like a British Columbia personal health number."),
    gettext_noop("This looks like a US Social Security number."),
    gettext_noop("This looks like a Social Insurance Number."),
    gettext_noop("This looks like a French social security number (NIR)."),
    gettext_noop("This looks like a passport number."),
    gettext_noop("This looks like a Belgian national register number (NISS)."),
    gettext_noop("This looks like a Swiss social security number (AVS)."),
    gettext_noop("A worker's employee or badge number identifies them to their workplace."),
    gettext_noop("This looks like a medical record or chart number."),
    gettext_noop("A licence, permit or status card's number identifies its holder."),
    gettext_noop("A number named as someone's card, tag, file, flight or registration points at that person."),
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
# Why an image was not read, as privacy.images and posts.media.reading store it (the same way:
# English in the row, translated when shown).
NOT_READ_MSGIDS = (
    gettext_noop("This file is empty, so there was no image to read."),
    gettext_noop("This file could not be opened as an image, so nothing in it was read."),
    gettext_noop("The stored file could not be opened, so nothing in it was read."),
)


# Reasons with a technical detail ("(9000 × 9000 pixels)", "(rapidocr)") are stored with a code: another
# language gets the same reason without the detail.
NOT_READ_BY_CODE = {
    image_reading.ENGINE_MISSING: gettext_lazy("The text in this image was not read: the OCR engine is not installed."),
    image_reading.ENGINE_FAILED: gettext_lazy("The text in this image was not read: the OCR engine failed on it."),
    image_reading.TOO_LARGE: gettext_lazy("This image is too large to read; a smaller copy can be checked."),
}


def not_read_reason(reading: ImageReading) -> str:
    """Why ``reading``'s image was not read, in the reader's language."""
    stored = reading.not_read_reason
    if not stored or stored in NOT_READ_MSGIDS:
        return _(stored) if stored else ""
    general = NOT_READ_BY_CODE.get(reading.not_read_code)
    if general is None or (get_language() or "en").startswith("en"):
        return stored
    return str(general)


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
    # What people decided about it (``apply_decisions``): a "not a patient" mark (a
    # ``FindingDismissal``) silences it; an owner's or admin's release (a ``PrivacyRelease``)
    # lets a blocking finding go out.
    dismissal: Any = dataclass_field(default=None, compare=False)
    release: Any = dataclass_field(default=None, compare=False)

    @property
    def blocks(self) -> bool:
        """Whether it stops scheduling: the policy blocks it and nobody released or dismissed it."""
        return self.severity == BLOCK and self.dismissal is None and self.release is None

    @property
    def is_dismissed(self) -> bool:
        return self.dismissal is not None

    @property
    def is_released(self) -> bool:
        return self.release is not None

    @property
    def key(self) -> tuple[str, str, str]:
        return decision_key(self.field, self.category, self.excerpt)

    def decisions_dict(self) -> dict[str, Any]:
        """``dismissed`` and ``released`` as the API shows them: who, when and why, or None."""
        dismissal, release = self.dismissal, self.release
        return {
            "dismissed": None
            if dismissal is None
            else {
                "id": dismissal.pk,
                "by": str(dismissal.marked_by),
                "reason": dismissal.reason,
                "at": dismissal.created_at,
            },
            "released": None
            if release is None
            else {"id": release.pk, "by": str(release.released_by), "reason": release.reason, "at": release.created_at},
        }

    def as_dict(self) -> dict[str, Any]:
        keys = ("category", "severity", "excerpt", "start", "end", "field", "reason")
        return {key: getattr(self, key) for key in keys}

    def sentence(self) -> str:
        return _("“%(excerpt)s” (%(category)s): %(reason)s") % {
            "excerpt": self.excerpt,
            "category": category_label(self.category),
            "reason": self.reason,
        }


def decision_key(field_name: str, category: str, excerpt: str) -> tuple[str, str, str]:
    """What a release or a "not a patient" mark is matched on: the same words, of the same
    category, in the same kind of field. The kind is the field's name before its first ":" ("text",
    "thread", "alt", "media"...), because the engine names the texts it sends by network and
    position ("text:twitter", "alt:1") where the composer names them by post ("text", "alt:<id>")."""
    return field_name.partition(":")[0], str(category), excerpt


def apply_decisions(
    findings: Iterable[PrivacyFinding], *, releases: Iterable[Any] = (), dismissals: Iterable[Any] = ()
) -> list[PrivacyFinding]:
    """``findings`` with what people decided about them: each one a dismissal matches carries it
    (and no longer warns or blocks), each blocking one a release listed carries that release.

    Takes findings of any field (texts, and the images' "media:<asset id>"), as long as they have
    ``field``, ``category``, ``excerpt`` and ``severity``. ``releases``: ``PrivacyRelease`` rows,
    newest first (the one shown is the latest that covers the finding); ``dismissals``:
    ``FindingDismissal`` rows. A release covers only the findings it lists: a new one blocks."""
    dismissed = {decision_key(d.field, d.category, d.excerpt): d for d in dismissals}
    released: dict[tuple[str, str, str], Any] = {}
    for release in releases:
        for item in release.findings or ():
            key = decision_key(str(item.get("field", "")), str(item.get("category", "")), str(item.get("excerpt", "")))
            released.setdefault(key, release)
    return [
        replace(
            finding,
            dismissal=dismissed.get(finding.key),
            release=released.get(finding.key) if finding.severity == BLOCK else None,
        )
        for finding in findings
    ]


def decide_for_post(findings: Iterable[PrivacyFinding], post: Any) -> list[PrivacyFinding]:
    """``apply_decisions`` with ``post``'s releases and dismissals (two queries); a post not saved
    yet (None) has none. No query when nothing was found: the engine asks before every send."""
    findings = list(findings)
    if not findings or post is None or post.pk is None:
        return findings
    return apply_decisions(
        findings,
        releases=post.privacy_releases.select_related("released_by").order_by("-created_at", "-pk"),
        dismissals=post.finding_dismissals.select_related("marked_by"),
    )


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


def saved_post_texts(post: Any) -> PostTexts:
    """The texts of a saved post, named as the composer names them."""
    targets = post.targets.select_related("account").order_by("pk")
    return post_texts(
        text=post.text,
        link=post.link,
        media=[attachment.asset for attachment in post.attachments.select_related("asset").order_by("position")],
        tailored=[(target.account, target.text_override, target.options) for target in targets],
    )


def check(organization: Organization, texts: PostTexts, *, post: Any = None) -> list[PrivacyFinding]:
    """The findings in ``texts``, with the organization's severity; ~1 ms for a post. With
    ``post``, its releases and "not a patient" marks are applied (``decide_for_post``)."""
    return decide_for_post(_scan(organization, texts), post)


#: The scans already made of the same texts, while ``remembering_scans`` is in force.
_remembered_scans: ContextVar[dict[tuple, list] | None] = ContextVar("remembered_privacy_scans", default=None)


@contextmanager
def remembering_scans(memo: dict[tuple, list]) -> Iterator[None]:
    """Within this block, texts scanned before (into ``memo``) are not scanned again: an import's
    preview and the import itself ask about each row's texts once each, and the scan is a pure
    function of the texts (the organization's severities and the post's decisions apply after)."""
    token = _remembered_scans.set(memo)
    try:
        yield
    finally:
        _remembered_scans.reset(token)


def _found_in(fields: dict[str, str]) -> list:
    memo = _remembered_scans.get()
    if memo is None:
        return scan(fields)
    key = tuple(fields.items())
    if key not in memo:
        memo[key] = scan(fields)
    return memo[key]


def _scan(organization: Organization, texts: PostTexts) -> list[PrivacyFinding]:
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
        for finding in _found_in(texts.fields)
    ]


def refuse_if_blocked(
    organization: Organization,
    texts: PostTexts,
    *,
    post: Any = None,
    media: Sequence[MediaAsset] = (),
    readings: Mapping[int, ImageReading | None] | None = None,
) -> list[PrivacyFinding]:
    """Raise ``PrivacyBlocked`` when the policy blocks one of the findings (in the texts or read in
    ``media``) that ``post``'s decisions do not cover; else return them. ``readings``: see ``readings_of``."""
    findings = check(organization, texts, post=post) + image_findings(organization, media, post=post, readings=readings)
    if any(finding.blocks for finding in findings):
        raise PrivacyBlocked(findings)
    return findings


def refuse_saved_post_if_blocked(post: Any) -> list[PrivacyFinding]:
    """``refuse_if_blocked`` for a saved post as it stands: approving it or moving it on the
    calendar or in the queue asks again, since its text or the policy may have changed."""
    media = [attachment.asset for attachment in post.attachments.select_related("asset")]
    return refuse_if_blocked(post.organization, saved_post_texts(post), post=post, media=media)


def scanned_clean_digest(network: str, draft: Any) -> str:
    """The fingerprint (``privacy.text.texts_digest``) of the texts the engine would check for
    ``draft``, when the scan finds nothing in them; "" when it finds something. Kept on a target
    when it is scheduled (``PostTarget.texts_scanned_clean``), so the engine need not scan the very
    same texts again under the very same rules."""
    texts = draft_texts(network, draft)
    return "" if _found_in(texts.fields) else texts_digest(texts.fields)


def engine_refusal(
    organization: Organization,
    network: str,
    draft: Any,
    *,
    post: Any = None,
    media: Sequence[MediaAsset] = (),
    scanned_clean: str = "",
) -> str:
    """What the engine says when it must not send ``draft`` of ``post`` with its files ``media``
    (their readings done: see ``posts.media.reading.read_pending``): "" when the policy, or the
    post's releases and "not a patient" marks, let it go.

    ``scanned_clean``: the target's ``texts_scanned_clean``. When the draft's texts have exactly
    that fingerprint, the scan would find nothing again, and nothing found is nothing to block
    whatever the policy, the releases and the marks say now: the texts are not scanned again. A
    text changed since (through the API, an import), or a rule, changes the fingerprint, and the
    texts are scanned in full. Images are checked in full either way."""
    texts = draft_texts(network, draft)
    if scanned_clean and texts_digest(texts.fields) == scanned_clean:
        text_findings: list[PrivacyFinding] = []
    else:
        text_findings = check(organization, texts, post=post)
    findings = text_findings + image_findings(organization, media, post=post)
    blocked = [finding for finding in findings if finding.blocks]
    if blocked:
        categories = sorted({category_label(finding.category) for finding in blocked})
        return _(
            "Not sent to %(network)s: the post now holds %(what)s, which this organization blocks to protect "
            "patients. Edit the post, then schedule it again."
        ) % {"network": network_label(network), "what": ", ".join(categories)}
    return ""


# --- images ------------------------------------------------------------------------------------


def image_field(asset_id: int) -> str:
    return f"media:{asset_id}"


def readings_of(media: Iterable[MediaAsset]) -> dict[int, ImageReading | None]:
    """Each image's reading (None: none laid yet), in one query: for a caller checking many posts
    (an import), which passes it as ``readings`` to the checks below."""
    images = {asset.pk for asset in media if asset.is_visual}
    known: dict[int, ImageReading | None] = dict.fromkeys(images)
    if images:
        known.update({reading.asset_id: reading for reading in ImageReading.objects.filter(asset_id__in=images)})
    return known


def _readings(
    media: Sequence[MediaAsset], known: Mapping[int, ImageReading | None] | None = None
) -> dict[int, ImageReading]:
    """The readings of ``media``'s images; those ``known`` beforehand are not read again."""
    images = [asset.pk for asset in media if asset.is_visual]
    known = known or {}
    found = {pk: known[pk] for pk in images if known.get(pk) is not None}
    missing = [pk for pk in images if pk not in known]
    if missing:
        found.update({reading.asset_id: reading for reading in ImageReading.objects.filter(asset_id__in=missing)})
    return found


def image_findings(
    organization: Organization,
    media: Sequence[MediaAsset],
    *,
    post: Any = None,
    readings: Mapping[int, ImageReading | None] | None = None,
) -> list[PrivacyFinding]:
    """The findings in the text read from each image of ``media``, as field "media:<asset id>", with
    the organization's severity (and ``post``'s decisions): the same core, the same shape as a
    text's findings."""
    texts = PostTexts(fields={}, inputs={})
    readings = _readings(media, readings)
    for asset in media:
        reading = readings.get(asset.pk)
        if reading is not None and reading.state == ImageReading.State.READ:
            texts.add(image_field(asset.pk), reading.text)
    return check(organization, texts, post=post) if texts.fields else []


@dataclass(frozen=True)
class ImageCheck:
    """What the guard knows of one image of a post: its reading's state, the text read and where,
    its faces, whether consent for them is still missing, and the findings in its text."""

    asset: MediaAsset
    state: str  # ImageReading.State; "pending" too when no reading was ever laid (an older upload)
    text: str
    lines: list[dict[str, Any]]
    faces: list[dict[str, int]]
    faces_checked: bool
    not_read_reason: str
    consented: bool
    findings: list[PrivacyFinding]

    @property
    def pending(self) -> bool:
        return self.state == ImageReading.State.PENDING

    @property
    def not_read(self) -> bool:
        return self.state == ImageReading.State.NOT_READ

    @property
    def needs_consent(self) -> bool:
        return bool(self.faces) and not self.consented

    @property
    def name(self) -> str:
        return self.asset.original_name or _("image %(id)s") % {"id": self.asset.pk}

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.asset.pk,
            "state": self.state,
            "text": self.text,
            "lines": self.lines,
            "faces": len(self.faces),
            "faces_checked": self.faces_checked,
            "face_consent_required": self.needs_consent,
            "not_read_reason": self.not_read_reason,
        }


def consented_assets(post: Any) -> set[int]:
    """The images of ``post`` whose faces its author confirmed consent for."""
    if post is None or post.pk is None:
        return set()
    return set(FaceConsent.objects.filter(post=post).values_list("asset_id", flat=True))


def image_checks(
    organization: Organization,
    media: Sequence[MediaAsset],
    *,
    consented: set[int] = frozenset(),
    readings: Mapping[int, ImageReading | None] | None = None,
    post: Any = None,
) -> list[ImageCheck]:
    """One ``ImageCheck`` per image of ``media`` (videos are not read), in the post's order; with ``post``,
    its releases and "not a patient" marks applied to the findings."""
    readings = _readings(media, readings)
    findings = image_findings(organization, media, readings=readings, post=post)
    checks = []
    for asset in media:
        if not asset.is_visual:
            continue
        reading = readings.get(asset.pk)
        state = reading.state if reading is not None else ImageReading.State.PENDING
        if state == ImageReading.State.PENDING:
            media_reading.enqueue_if_stuck(asset)
        checks.append(
            ImageCheck(
                asset=asset,
                state=state,
                text=reading.text if reading else "",
                lines=list(reading.lines) if reading else [],
                faces=list(reading.faces) if reading else [],
                faces_checked=bool(reading and reading.faces_checked),
                not_read_reason=not_read_reason(reading) if reading else "",
                consented=asset.pk in consented,
                findings=[finding for finding in findings if finding.field == image_field(asset.pk)],
            )
        )
    return checks


def saved_image_checks(post: Any) -> list[ImageCheck]:
    """What the guard read in a saved post's images, as a reviewer sees it: text, boxes, findings, faces."""
    media = [attachment.asset for attachment in post.attachments.select_related("asset").order_by("position")]
    return image_checks(post.organization, media, consented=consented_assets(post), post=post)


def refuse_unready_images(
    organization: Organization,
    media: Sequence[MediaAsset],
    *,
    consented: set[int] = frozenset(),
    readings: Mapping[int, ImageReading | None] | None = None,
) -> None:
    """Raise ValidationError (on ``media``) when an image is still being read, or shows a face whose
    consent the author has not confirmed: scheduling waits for both."""
    problems = []
    for image in image_checks(organization, media, consented=consented, readings=readings):
        if image.pending:
            problems.append(
                ValidationError(
                    _("“%(name)s” is still being read for the privacy check; try again in a moment.")
                    % {"name": image.name},
                    code="image_being_read",
                )
            )
        elif image.needs_consent:
            problems.append(
                ValidationError(
                    _(
                        "“%(name)s” shows a face: confirm that every identifiable person in it agreed to its "
                        "posting, or remove the image."
                    )
                    % {"name": image.name},
                    code="face_consent_required",
                )
            )
    if problems:
        raise ValidationError({"media": problems})


def engine_face_refusal(network: str, media: Sequence[MediaAsset], *, consented: set[int]) -> str:
    """What the engine says when an image of the post shows a face nobody confirmed consent for."""
    readings = _readings(media)
    for asset in media:
        reading = readings.get(asset.pk)
        if reading is not None and reading.faces and asset.pk not in consented:
            return _(
                "Not sent to %(network)s: “%(name)s” shows a face and nobody confirmed that the people in it "
                "agreed. Confirm it on the post, then schedule it again."
            ) % {"network": network_label(network), "name": asset.original_name or asset.pk}
    return ""
