"""Time the CSV import: preview (every row checked) and import of a 1,000-row file.

    DATABASE_URL=postgres://user:pass@host:5432/db .venv/bin/python bench/import_csv.py [--rows 1000] [--runs 3]

A fresh database beside the one ``DATABASE_URL`` names (bench/common.py's ``Stack``; SQLite
without it, whose figures are not representative) gets an organization in Toronto with two X
accounts (connected through the simulator, as in production) and a LinkedIn page. Each run
builds the demo's sample file (campaigns/sample.py) of ``--rows`` good rows, a day later than the
previous run's so no row repeats one imported before, and times, in this process:

* **preview**: ``plan_import``, every row read and checked with the composer's rules and the
  privacy guard, nothing saved;
* **import**: ``run_import`` of that plan, the rows' posts through ``create_posts`` (audit, targets);

It prints each one's median wall time over ``--runs``, the CPU this process spent per row
(``time.process_time``; the database server's is not in it), and **the floor**, measured in the
same run before and after: one trivial query through the ORM, median of 200; with **the ratio**
of preview + import to it. Target (issue 14): preview + import of 1,000 rows under 10 s on two cores.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Stack, StackConfig, database_description, machine_description, query_floor_ms, seed_accounts  # noqa: E402

TARGET_S = 10.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000, help="rows per file")
    parser.add_argument("--runs", type=int, default=3, help="files previewed and imported")
    parser.add_argument("--profile", default="", help="write a cProfile of the timed calls to this file")
    args = parser.parse_args(argv)

    with Stack(StackConfig(label="import")) as stack:
        from accounts.models import ConnectedAccount
        from campaigns.importing import ImportOptions, plan_import, run_import
        from campaigns.sample import sample_csv

        print(f"PhysSocial CSV import bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
        print(f"  machine    {machine_description()}")
        print(f"  database   {database_description()}")

        seed = seed_accounts(stack, 2, prefix="import")
        organization = seed.organization
        organization.time_zone = "America/Toronto"
        organization.save(update_fields=["time_zone"])
        ConnectedAccount.objects.create(
            organization=organization,
            network="linkedin",
            kind="linkedin_organization",
            external_id="import-linkedin",
            display_name="Bench clinic on LinkedIn",
            handle="bench-clinic",
        )
        options = ImportOptions(layout="physsocial")
        # Warm up: the first call loads the privacy guard's word lists and the hashtag tables.
        warm_up = sample_csv(organization, rows=5, with_bad_rows=False, start=date(date.today().year + 1, 1, 4))
        run_import(
            plan_import(organization=organization, by=seed.author, data=warm_up, options=options), by=seed.author
        )
        load_before = os.getloadavg()[0]
        floor_before = query_floor_ms(organization)
        previews, imports, cpu_preview, cpu_import = [], [], [], []
        profile = cProfile.Profile() if args.profile else None
        for run in range(args.runs):
            # A day later each run: the same times, other texts (no row repeats one imported
            # before), and every run within the 730 days ahead a post may be scheduled.
            start = date(date.today().year + 1, 1, 10) + timedelta(days=run)
            data = sample_csv(organization, rows=args.rows, with_bad_rows=False, start=start)
            if profile:
                profile.enable()
            cpu, started = time.process_time(), time.perf_counter()
            plan = plan_import(organization=organization, by=seed.author, data=data, options=options)
            previews.append(time.perf_counter() - started)
            cpu_preview.append(time.process_time() - cpu)
            ready = len(plan.ready)
            assert ready == args.rows, [row.errors for row in plan.rows if row.errors][:3]
            cpu, started = time.process_time(), time.perf_counter()
            run_import(plan, by=seed.author)
            imports.append(time.perf_counter() - started)
            cpu_import.append(time.process_time() - cpu)
            if profile:
                profile.disable()
            assert plan.created == args.rows, [row.errors for row in plan.rows if row.errors][:3]
            print(f"  run {run + 1}      preview {previews[-1]:.2f} s, import {imports[-1]:.2f} s")
        floor_after = query_floor_ms(organization)
        if profile:
            profile.dump_stats(args.profile)

        floor = statistics.median([floor_before, floor_after])
        preview, imported = statistics.median(previews), statistics.median(imports)
        total = preview + imported
        per_row_preview = statistics.median(cpu_preview) / args.rows * 1000
        per_row_import = statistics.median(cpu_import) / args.rows * 1000
        print(f"  preview    median {preview:.2f} s for {args.rows:,} rows; CPU {per_row_preview:.2f} ms per row")
        print(f"  import     median {imported:.2f} s for {args.rows:,} rows; CPU {per_row_import:.2f} ms per row")
        print(f"  floor      {floor_before:.3f} ms before, {floor_after:.3f} ms after (one trivial query)")
        print(f"  ratio      preview + import = {total * 1000 / floor:,.0f} times the floor")
        print(f"  load       {load_before:.1f} -> {os.getloadavg()[0]:.1f} (1-minute average)")
        met = total < TARGET_S
        print(f"\ntarget preview + import of {args.rows:,} rows < {TARGET_S:.0f} s: {'met' if met else 'NOT met'}")
        return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
