"""Autosave keeps one draft per composer page, marked as unsaved work until its author saves it."""

import threading
import uuid

import pytest
from django.db import connection
from django.urls import reverse

from accounts.models import ConnectedAccount
from posts import services
from posts.models import Post


@pytest.fixture
def x_account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic on X"
    )


def autosave(client, account, text, **data):
    return client.post(reverse("compose-autosave"), {"text": text, "accounts": [account.pk], **data})


def test_a_new_composer_page_holds_its_own_draft_key(alice_client):
    first = alice_client.get(reverse("compose")).content.decode()
    second = alice_client.get(reverse("compose")).content.decode()

    def key(html):
        return html.split('name="draft_key" value="')[1].split('"')[0]

    assert uuid.UUID(key(first)) != uuid.UUID(key(second))


def test_two_autosaves_sent_before_the_first_answered_update_one_draft(alice_client, x_account):
    key = str(uuid.uuid4())

    # Neither request knows the post's id yet: both carry only the page's key.
    autosave(alice_client, x_account, "Flu", draft_key=key)
    autosave(alice_client, x_account, "Flu shots", draft_key=key)

    post = Post.objects.get()
    assert (post.text, post.is_autosaved, str(post.draft_key)) == ("Flu shots", True, key)


@pytest.mark.django_db(transaction=True)
def test_two_autosaves_at_the_same_moment_make_one_draft(org, alice, x_account):
    key = uuid.uuid4()
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def save(text):
        start.wait()
        try:
            services.autosave_draft(
                organization=org, author=alice, draft_key=key, text=text, account_ids=[x_account.pk]
            )
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(text,)) for text in ("Flu", "Flu shots")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    post = Post.objects.get()
    assert post.text in ("Flu", "Flu shots") and post.targets.count() == 1


def test_the_posts_list_marks_an_autosaved_draft_as_unsaved_until_it_is_saved(alice_client, x_account):
    key = str(uuid.uuid4())
    autosave(alice_client, x_account, "Flu shots", draft_key=key)
    assert "Unsaved draft" in alice_client.get(reverse("posts")).content.decode()

    # The page's submit reaches the same draft, even before the autosave's answer gave it the id.
    response = alice_client.post(
        reverse("compose"), {"text": "Flu shots", "accounts": [x_account.pk], "draft_key": key, "action": "draft"}
    )

    assert response.status_code == 302
    post = Post.objects.get()
    assert post.is_autosaved is False
    assert "Unsaved draft" not in alice_client.get(reverse("posts")).content.decode()


def test_an_autosave_arriving_after_the_author_saved_leaves_the_saved_draft(alice_client, x_account):
    key = str(uuid.uuid4())
    alice_client.post(
        reverse("compose"),
        {"text": "Flu shots all week", "accounts": [x_account.pk], "draft_key": key, "action": "draft"},
    )

    autosave(alice_client, x_account, "Flu shots", draft_key=key)

    post = Post.objects.get()
    assert (post.text, post.is_autosaved) == ("Flu shots all week", False)


def test_editing_a_saved_draft_marks_the_autosaved_changes_as_unsaved(alice_client, alice, org, x_account):
    post = services.create_post(organization=org, author=alice, text="Flu", account_ids=[x_account.pk])

    autosave(alice_client, x_account, "Flu shots", post_id=post.pk)

    post.refresh_from_db()
    assert (post.text, post.is_autosaved) == ("Flu shots", True)


def test_a_malformed_draft_key_is_explained(alice_client, x_account):
    response = autosave(alice_client, x_account, "Flu", draft_key="not-a-key")

    assert "This page is out of date. Reload it" in response.content.decode()
    assert not Post.objects.exists()
