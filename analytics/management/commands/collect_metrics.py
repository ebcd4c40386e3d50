"""``python manage.py collect_metrics [--all]``: one collection round now, outside Celery."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from analytics import collection


class Command(BaseCommand):
    help = "Read the figures of published posts that are due (1 h, 24 h, 7 d, 30 d after publishing)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Read every published post's figures now, whatever its age (the schedule is left as it is).",
        )

    def handle(self, *args, everything: bool = False, **options) -> None:
        report = collection.collect(everything=everything, max_seconds=float("inf"))
        self.stdout.write(
            f"Read {report.targets_read} posts of {report.accounts} accounts in {report.calls} requests; "
            f"{report.followers} follower counts; {report.postponed} left for later."
        )
        for problem in report.problems:
            self.stderr.write(problem)
