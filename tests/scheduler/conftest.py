"""Fixtures for the publishing engine: networks pointed at the simulator, accounts, targets.

Accounts are real simulator accounts (``new_account``) connected through
``accounts.connections.connect_with_tokens``, so every publish goes over HTTP
through the real adapter.
"""

import io
import shutil
import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from accounts import connections
from posts.media.ingest import ingest_upload
from posts.models import Post, PostMedia, PostTarget, TargetState
from simulator.networks import linkedin as sim_linkedin
from simulator.networks import twitter as sim_twitter


@pytest.fixture(autouse=True)
def networks(networks_at_simulator):
    """Every network pointed at the running simulator, as make run does; budgets in their own Redis keys."""
    settings = networks_at_simulator
    settings.PUBLISH_BUDGET_KEY_PREFIX = f"test:{uuid.uuid4().hex}"
    settings.PUBLIC_BASE_URL = "https://physsocial.example"
    return settings


@pytest.fixture
def x_user(simulator):
    return sim_twitter.new_account(simulator)


@pytest.fixture
def x_account(org, alice, x_user):
    return connections.connect_with_tokens(
        organization=org,
        network="twitter",
        access_token=x_user["access_token"],
        refresh_token=x_user["refresh_token"],
        by=alice,
    )


@pytest.fixture
def linkedin_member(simulator):
    return sim_linkedin.new_account(simulator)


@pytest.fixture
def linkedin_account(org, alice, linkedin_member):
    return connections.connect_with_tokens(
        organization=org,
        network="linkedin",
        access_token=linkedin_member["access_token"],
        refresh_token=linkedin_member["refresh_token"],
        by=alice,
    )


@pytest.fixture
def make_post(org, bob):
    """``make_post(text)``: a post by Bob (an editor) in Alice's clinic."""

    def make(text="Flu shots at the clinic this Saturday, 9 to 12.", **fields):
        return Post.objects.create(organization=org, author=bob, text=text, **fields)

    return make


@pytest.fixture
def schedule(make_post):
    """``schedule(account, text=..., at=now)``: a target scheduled for ``account``, due at ``at``."""

    def make(account, *, post=None, text=None, at=None, **fields):
        post = post or make_post(**({"text": text} if text is not None else {}))
        at = at or timezone.now()
        fields = {"state": TargetState.SCHEDULED, "scheduled_at": at, "due_at": at, **fields}
        return PostTarget.objects.create(post=post, account=account, **fields)

    return make


@pytest.fixture
def target(schedule, x_account):
    """A post to X, due now."""
    return schedule(x_account)


@pytest.fixture
def photo_post(settings, tmp_path, make_post):
    """A post with one photo (alt text "A waiting room"), stored under a throwaway MEDIA_ROOT."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 30, 30)).save(buffer, "JPEG")
    upload = SimpleUploadedFile("flu-clinic.jpg", buffer.getvalue(), content_type="image/jpeg")
    post = make_post(text="Our flu clinic, ready for Saturday.")
    asset = ingest_upload(
        organization=post.organization, uploaded_by=post.author, uploaded_file=upload, alt_text="A waiting room"
    )
    PostMedia.objects.create(post=post, asset=asset)
    return post


def remove_media_files(settings):
    """The photo's file and its renditions are gone from storage (a bucket emptied by mistake)."""
    shutil.rmtree(settings.MEDIA_ROOT)
    shutil.rmtree(settings.MEDIA_CACHE_DIR, ignore_errors=True)


def make_due(target):
    """Time passes: the target's next attempt is due now (the dispatcher would send it)."""
    PostTarget.objects.filter(pk=target.pk).update(due_at=timezone.now() - timedelta(seconds=1))


@pytest.fixture
def worker_app():
    """A Celery app for a real worker started in the test, with a queue of its own (publishing and
    dispatch alike), so no other worker on the test's Redis can take our messages."""
    from celery import Celery
    from kombu import Queue

    from physsocial.celery import app as project_app
    from scheduler import tasks as scheduler_tasks

    app = Celery("physsocial-test")
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.task_default_queue = f"test-worker-{uuid.uuid4().hex}"
    app.conf.task_queues = (Queue(app.conf.task_default_queue),)
    app.conf.task_routes = {}
    app.set_current()
    # Registered, as autodiscovery does in a real worker.
    assert {scheduler_tasks.publish_target.name, scheduler_tasks.publish_targets.name} <= set(app.tasks)
    yield app
    project_app.set_current()
