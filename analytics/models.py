"""How published posts did, read from the networks: one row per target per collection, and each
account's follower count once a day.

The latest figures of a target are also kept on the target itself (``PostTarget.metrics``) so
lists read them without a join. A metric a network does not give for an account type is absent
from ``values``, never zero. ``analytics`` sits above ``scheduler``: it reads published targets
and spends the engine's Redis budgets.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MetricSnapshot(models.Model):
    class Stage(models.TextChoices):
        HOUR = "1h", _("1 hour after publishing")
        DAY = "24h", _("24 hours after publishing")
        WEEK = "7d", _("7 days after publishing")
        MONTH = "30d", _("30 days after publishing")
        ON_DEMAND = "now", _("Read on demand")

    target = models.ForeignKey("posts.PostTarget", on_delete=models.CASCADE, related_name="metric_snapshots")
    stage = models.CharField(max_length=4, choices=Stage.choices)
    values = models.JSONField(default=dict, help_text=_("Metric name to value, as the network gives it."))
    collected_at = models.DateTimeField()

    class Meta:
        ordering = ["-collected_at"]
        indexes = [models.Index(fields=["target", "-collected_at"], name="snapshot_target_time_idx")]

    def __str__(self) -> str:
        return f"{self.values} for target {self.target_id} at {self.collected_at:%Y-%m-%d %H:%M}"


class FollowerCount(models.Model):
    account = models.ForeignKey("accounts.ConnectedAccount", on_delete=models.CASCADE, related_name="follower_counts")
    day = models.DateField()
    followers = models.PositiveBigIntegerField()
    collected_at = models.DateTimeField()

    class Meta:
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["account", "day"], name="one_follower_count_per_account_day")]

    def __str__(self) -> str:
        return f"{self.followers} followers of {self.account_id} on {self.day}"
