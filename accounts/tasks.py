"""Celery tasks for connected accounts: thin, take ids, delegate to accounts.connections."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from accounts import connections
from accounts.models import ConnectedAccount
from platforms.base import PlatformError

logger = logging.getLogger(__name__)


@shared_task
def refresh_expiring_tokens() -> int:
    """Beat: queue a refresh for every active account whose token expires within the margin."""
    account_ids = connections.accounts_to_refresh()
    margin_s = int(connections.REFRESH_MARGIN.total_seconds())
    for account_id in account_ids:
        refresh_account_tokens.delay(account_id, within_s=margin_s)
    return len(account_ids)


@shared_task(acks_late=True)
def refresh_account_tokens(account_id: int, within_s: int | None = None) -> None:
    """Refresh one account's tokens (on demand, or from the beat task with ``within_s``).

    Safe to run twice: the service locks the row and, with ``within_s``, skips
    a token that someone else already renewed.
    """
    account = ConnectedAccount.objects.filter(pk=account_id).first()
    if account is None:
        return
    expiring_before = timezone.now() + timedelta(seconds=within_s) if within_s is not None else None
    try:
        connections.refresh_account_tokens(account, expiring_before=expiring_before)
    except PlatformError as exc:
        # Recorded on the account (and e-mailed when it needs reconnecting); the next beat tries again.
        logger.warning("token refresh for account %s failed: %s", account_id, type(exc).__name__)
