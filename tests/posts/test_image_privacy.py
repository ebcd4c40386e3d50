"""The privacy guard reads every uploaded image in a worker: the text in it is checked like any
text of the post (field "media:<id>"), an image still being read cannot be scheduled yet, one
that could not be read says so, and a face needs the author's word that everyone agreed.

Real OCR (RapidOCR) on the labelled test images; the task runs eagerly when the upload commits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from posts import services
from posts.media.ingest import ingest_upload
from posts.models import FaceConsent, ImageReading, TargetState
from posts.privacy import PrivacyBlocked
from tests.image_reading import tasks_run_at_once, test_image  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("tasks_run_at_once")
CLEAN_TEXT = "Our clinic's new waiting room opens on Monday."
ALT = "A photo from the clinic."


@pytest.fixture
def upload(org, alice, django_capture_on_commit_callbacks):
    """``upload(name)``: Alice uploads a test image; the worker's task runs when the upload commits."""

    def run(name: str):
        with django_capture_on_commit_callbacks(execute=True):
            return ingest_upload(organization=org, uploaded_by=alice, uploaded_file=test_image(name), alt_text=ALT)

    return run


def schedule(org, author, accounts, media, **kwargs):
    return services.create_post(
        organization=org,
        author=author,
        text=CLEAN_TEXT,
        media_ids=[asset.pk for asset in media],
        account_ids=[accounts["twitter"].pk],
        schedule="at",
        scheduled_at=timezone.now() + timedelta(days=1),
        **kwargs,
    )


def test_an_upload_is_pending_until_the_worker_stores_what_it_read(org, alice):
    asset = ingest_upload(organization=org, uploaded_by=alice, uploaded_file=test_image("wristband_en.jpg"))
    assert asset.reading.state == ImageReading.State.PENDING  # no commit yet, so no task

    from posts.tasks import read_image

    read_image.delay(asset.pk)

    reading = ImageReading.objects.get(asset=asset)
    assert reading.state == ImageReading.State.READ
    assert reading.text.splitlines()[0] == "SMITH, John A"
    assert "MRN 00482913" in reading.text
    first = reading.lines[0]
    assert first["text"] == "SMITH, John A" and first["width"] > 0 and first["height"] > 0
    assert reading.faces == [] and reading.faces_checked
    assert reading.engine.startswith("rapidocr") and reading.read_at is not None


def test_a_wristband_is_flagged_with_the_name_read_from_it(org, upload):
    wristband = upload("wristband_en.jpg")

    findings = services.check_privacy(organization=org, text=CLEAN_TEXT, media_ids=[wristband.pk])

    assert [(f.field, f.category, f.excerpt, f.severity) for f in findings] == [
        (f"media:{wristband.pk}", "name", "SMITH, John A", "block"),
        (f"media:{wristband.pk}", "date", "04/12/1961", "block"),
        (f"media:{wristband.pk}", "record_number", "00482913", "block"),
        (f"media:{wristband.pk}", "date", "2026-11-28", "block"),
    ]
    assert findings[0].reason == "A name on a wristband, label or chart identifies the patient."


def test_scheduling_a_post_with_the_wristband_is_refused_but_a_draft_is_kept(org, alice, accounts, upload):
    wristband = upload("wristband_en.jpg")

    with pytest.raises(PrivacyBlocked) as refused:
        schedule(org, alice, accounts, [wristband])
    assert any("“SMITH, John A”" in line for line in refused.value.messages)

    draft = services.create_post(organization=org, author=alice, text=CLEAN_TEXT, media_ids=[wristband.pk])
    assert draft.media.get() == wristband


def test_a_clean_photo_has_no_finding_and_is_scheduled(org, alice, accounts, upload):
    coffee = upload("coffee.jpg")

    assert services.check_privacy(organization=org, text=CLEAN_TEXT, media_ids=[coffee.pk]) == []
    post = schedule(org, alice, accounts, [coffee])
    assert post.targets.get().state == TargetState.SCHEDULED


def test_an_image_still_being_read_is_not_scheduled_yet(org, alice, accounts):
    asset = ingest_upload(organization=org, uploaded_by=alice, uploaded_file=test_image("coffee.jpg"), alt_text=ALT)

    with pytest.raises(ValidationError) as refused:
        schedule(org, alice, accounts, [asset])
    assert refused.value.message_dict["media"] == [
        "“coffee.jpg” is still being read for the privacy check; try again in a moment."
    ]
    [image] = services.check_images(organization=org, media_ids=[asset.pk])
    assert image.pending and image.as_dict()["state"] == "pending"


def test_an_image_that_could_not_be_read_says_so_and_is_not_called_clean(org, alice, accounts, upload):
    asset = ingest_upload(organization=org, uploaded_by=alice, uploaded_file=test_image("wristband_en.jpg"))
    asset.file.storage.delete(asset.file.name)  # the stored copy is gone before the worker gets to it
    from posts.tasks import read_image

    read_image.delay(asset.pk)

    [image] = services.check_images(organization=org, media_ids=[asset.pk])
    assert image.not_read and image.text == "" and image.findings == []
    assert image.not_read_reason == "The stored file could not be opened, so nothing in it was read."


def test_a_face_needs_the_authors_confirmation_before_scheduling(org, bob, accounts, upload):
    portrait = upload("astronaut.jpg")
    assert len(ImageReading.objects.get(asset=portrait).faces) == 1

    with pytest.raises(ValidationError) as refused:
        schedule(org, bob, accounts, [portrait])
    assert refused.value.message_dict["media"] == [
        "“astronaut.jpg” shows a face: confirm that every identifiable person in it agreed to its posting, "
        "or remove the image."
    ]

    post = schedule(org, bob, accounts, [portrait], face_consents=[portrait.pk])

    assert post.targets.get().state == TargetState.SCHEDULED
    consent = FaceConsent.objects.get(post=post)
    assert (consent.asset, consent.confirmed_by) == (portrait, bob)
    event = AuditEvent.objects.get(action="post.face_consent")
    assert (event.post_id, event.details["media_id"], event.details["file"]) == (post.pk, portrait.pk, "astronaut.jpg")


def test_a_consent_given_once_holds_for_later_edits_of_the_post(org, bob, accounts, upload):
    portrait = upload("astronaut.jpg")
    post = services.create_post(
        organization=org, author=bob, text=CLEAN_TEXT, media_ids=[portrait.pk], face_consents=[portrait.pk]
    )

    services.update_post(post, by=bob, account_ids=[accounts["twitter"].pk], schedule="now")

    assert post.targets.get().state == TargetState.SCHEDULED
    assert AuditEvent.objects.filter(action="post.face_consent").count() == 1


def test_consent_for_an_image_not_in_the_post_is_refused(org, bob, upload):
    portrait, coffee = upload("astronaut.jpg"), upload("coffee.jpg")

    with pytest.raises(ValidationError) as refused:
        services.create_post(
            organization=org, author=bob, text=CLEAN_TEXT, media_ids=[coffee.pk], face_consents=[portrait.pk]
        )
    assert refused.value.message_dict["face_consents"] == [
        "Consent was confirmed for an image that is not in this post."
    ]


def test_the_review_page_shows_what_was_read_in_an_image_with_its_boxes_and_findings(
    org, alice_client, member, accounts, django_capture_on_commit_callbacks
):
    from accounts.models import Role
    from accounts.privacy_policy import policy_blocking

    contributor = member(Role.CONTRIBUTOR)
    org.privacy_policy = policy_blocking([])  # everything warns, so the post can wait for review
    org.save(update_fields=["privacy_policy"])
    with django_capture_on_commit_callbacks(execute=True):
        wristband = ingest_upload(
            organization=org, uploaded_by=contributor, uploaded_file=test_image("wristband_en.jpg"), alt_text=ALT
        )
    post = services.create_post(
        organization=org,
        author=contributor,
        text=CLEAN_TEXT,
        media_ids=[wristband.pk],
        account_ids=[accounts["twitter"].pk],
        schedule="at",
        scheduled_at=timezone.now() + timedelta(days=1),
    )
    assert post.targets.get().state == TargetState.IN_REVIEW

    page = alice_client.get(reverse("review")).content.decode()

    assert f'id="reading-{post.pk}-{wristband.pk}"' in page
    assert "SMITH, John A" in page and 'class="text-box"' in page
    assert "A name on a wristband, label or chart identifies the patient." in page
    assert 'name="face_consents"' not in page  # the reviewer reads; the author confirms consent


@pytest.mark.parametrize(
    ("code", "stored", "french"),
    [
        (
            "engine_missing",
            "The text in this image was not read: the OCR engine is not installed (rapidocr).",
            "Le texte de cette image n’a pas été lu\u00a0: le moteur de reconnaissance de texte (OCR) "
            "n’est pas installé.",
        ),
        (
            "too_large",
            "This image is too large to read (9000 × 9000 pixels); a smaller copy can be checked.",
            "Cette image est trop grande pour être lue\u00a0; une copie plus petite peut être vérifiée.",
        ),
        (
            "storage_unreadable",
            "The stored file could not be opened, so nothing in it was read.",
            "Le fichier enregistré n’a pas pu être ouvert\u00a0: rien n’y a été lu.",
        ),
    ],
)
def test_why_an_image_was_not_read_is_said_in_the_readers_language(code, stored, french):
    from django.utils import translation

    from posts.privacy import not_read_reason

    reading = ImageReading(state=ImageReading.State.NOT_READ, not_read_code=code, not_read_reason=stored)
    with translation.override("fr"):
        assert not_read_reason(reading) == french
    with translation.override("en"):
        assert not_read_reason(reading) == stored  # English keeps the detail
