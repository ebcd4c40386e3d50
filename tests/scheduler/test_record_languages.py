"""What the engine writes on a post's record (its state, its publish log) is in the author's language;
the network's own words stay as the network gave them."""

from posts.models import FailureReason, Post, TargetState
from scheduler import services

TWEETS = "POST /2/tweets"


def written_by(target, language):
    author = target.post.author
    author.language = language
    author.save(update_fields=["language"])


def test_a_french_author_reads_the_wait_for_a_rate_limit_in_french(target, simulator):
    written_by(target, "fr")
    simulator.fail("twitter", TWEETS, status=429, reset_in=600)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED
    assert target.error_message.startswith("X nous a demandé de ralentir\u00a0; prochain essai à ")
    assert " h " in target.error_message  # 14 h 05, as Québec writes the time


def test_a_refusal_keeps_the_networks_words_inside_a_french_sentence(target, simulator):
    written_by(target, "fr")
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.FAILED
    assert target.error_message.startswith("X a refusé cette publication\u00a0: ")
    assert "duplicate" in target.error_message.lower()  # X's own words, untranslated


def test_an_english_author_reads_english(target, simulator):
    written_by(target, "en")
    simulator.fail("twitter", TWEETS, status=429, reset_in=600)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.error_message.startswith("X asked us to slow down; next try at ")


def test_a_french_authors_post_stopped_by_the_privacy_guard_says_why_in_french(target, simulator):
    written_by(target, "fr")
    # Changed after scheduling, as an import or the API could: the engine's own check stops it.
    Post.objects.filter(pk=target.post_id).update(text="Ma patiente Mme Tremblay, née le 3 mars 1931, va mieux.")

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert simulator.posts_for() == []
    assert target.state == TargetState.FAILED
    assert target.error_message.startswith("Non envoyée à X")


def test_a_french_authors_post_that_no_longer_fits_the_network_says_why_in_french(target, simulator):
    written_by(target, "fr")
    Post.objects.filter(pk=target.post_id).update(text="Vaccination " * 40)  # 480 characters for X's 280

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert simulator.posts_for() == []
    assert target.failure_reason == FailureReason.INVALID
    assert target.error_message.startswith("X\u00a0: 480 caractères sur 280")
