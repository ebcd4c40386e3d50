"""A post's internal comments never leave PhysSocial: the network receives the post, not the talk about it."""

import json

from posts import comments
from posts.models import TargetState
from scheduler import services


def test_a_commented_post_goes_out_without_its_comments(target, alice, simulator):
    comments.add_comment(target.post, by=alice, body="Internal: check the dosage with @bob@example.org first.")

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    sent = json.dumps(simulator.requests_to("twitter"), ensure_ascii=False, default=repr)
    assert "Flu shots at the clinic this Saturday" in sent
    assert "dosage" not in sent and "bob@example.org" not in sent
