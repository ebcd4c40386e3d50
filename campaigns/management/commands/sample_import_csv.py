"""Write a sample CSV of posts in our import layout for an organization, with a few bad rows.

    python manage.py sample_import_csv --organization my-clinic --rows 200 --output sample.csv

The preview then shows each bad row's problem on its line (see campaigns/sample.py); the good
rows import in the browser (Posts → Import from CSV) or through ``POST /api/v1/posts/import/``.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from accounts.models import Organization
from campaigns.sample import sample_csv, sample_rows


class Command(BaseCommand):
    help = "Write a sample CSV of posts (our import layout) with a few bad rows, for a demo of the import."

    def add_arguments(self, parser):
        parser.add_argument("--organization", required=True, help="The organization's slug.")
        parser.add_argument("--rows", type=int, default=200)
        parser.add_argument("--no-bad-rows", action="store_true", help="Only good rows.")
        parser.add_argument("--output", default="-", help="A file to write, or - for the standard output.")

    def handle(self, *args, organization, rows, no_bad_rows, output, **options):
        found = Organization.objects.filter(slug=organization).first()
        if found is None:
            raise CommandError(f"No organization has the slug {organization!r}.")
        try:
            data = sample_csv(found, rows=rows, with_bad_rows=not no_bad_rows)
            _rows, bad = sample_rows(found, rows=rows, with_bad_rows=not no_bad_rows)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if output == "-":
            sys.stdout.write(data.decode())
        else:
            with open(output, "wb") as file:
                file.write(data)
        lines = ", ".join(f"{line} ({column or 'row'})" for line, column in sorted(bad.items()))
        self.stderr.write(f"{rows} rows; bad on purpose: {lines or 'none'}.")
