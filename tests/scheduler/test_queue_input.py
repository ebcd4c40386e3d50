"""Reordering the queue with ids no database can hold says the list is stale; it does not crash."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.scheduler.test_queue_views import HTMX, account, default, order, queued  # noqa: F401


@pytest.mark.parametrize("bad", [str(2**63), str(10**30), "-1", "abc"])
def test_reordering_with_an_impossible_id_is_refused_and_changes_nothing(bob_client, queued, account, bad):  # noqa: F811
    before = order(account)
    response = bob_client.post(
        reverse("queue-reorder", args=[account.pk]), {"target": [queued[1].pk, bad, queued[0].pk]}, **HTMX
    )
    assert response.status_code == 200
    assert "Reload" in response.content.decode() or "reload" in response.content.decode()
    assert order(account) == before
