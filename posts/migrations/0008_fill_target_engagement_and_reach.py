"""Engagement and reach for the targets whose figures were read before the columns existed,
from their ``metrics`` by the same definitions the collector now applies (``posts.metrics``)."""

from django.db import migrations

from posts import metrics

BATCH = 1000


def fill(apps, schema_editor):
    PostTarget = apps.get_model("posts", "PostTarget")
    read = PostTarget.objects.exclude(metrics={}).select_related("account").only("pk", "metrics", "account__network")
    batch = []
    for target in read.order_by("pk").iterator(chunk_size=BATCH):
        network = target.account.network
        target.engagement = metrics.engagement(network, target.metrics)
        target.reach = metrics.reach(network, target.metrics)
        batch.append(target)
        if len(batch) == BATCH:
            PostTarget.objects.bulk_update(batch, ["engagement", "reach"])
            batch = []
    PostTarget.objects.bulk_update(batch, ["engagement", "reach"])


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0007_target_engagement_and_reach_columns"),
    ]

    # Backwards: the columns go with 0007, nothing to undo here.
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
