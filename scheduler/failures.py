"""The failure centre: every target of an organization that did not go out, with how to fix it.

Failed targets and those whose outcome a person must check, newest first, each with its account
and post for the reason and the fix (``PostTarget.fix``). Two queries whatever the number of
failures: a count and a capped list.
"""

from __future__ import annotations

from accounts.models import ConnectedAccount, Organization
from posts.models import PostTarget
from scheduler.dashboard import Section

#: Rows the page lists; the count says how many more there are (retrying the first makes room).
SHOWN = 200


def failures_for(organization: Organization, *, account: ConnectedAccount | None = None) -> Section[PostTarget]:
    """The targets of ``organization`` that did not go out (only ``account``'s, when given). Reads
    only; the caller checks that the person may see the organization's posts."""
    targets = PostTarget.objects.for_organization(organization).did_not_go_out()
    if account is not None:
        targets = targets.filter(account=account)
    rows = targets.select_related("account", "post__author").order_by("-updated_at", "-pk")[:SHOWN]
    return Section(count=targets.count(), items=list(rows))
