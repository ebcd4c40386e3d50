"""Time one month's range of the content calendar with 10,000 posts stored.

    DATABASE_URL=postgres://user:pass@host:5432/db .venv/bin/python bench/calendar_range.py [--posts 10000]
        [--spread-days 365] [--requests 60]

(Named ``calendar_range``, not ``calendar``: run as a script, this folder comes first on
``sys.path``, and a ``calendar.py`` here would hide Python's own ``calendar`` module from
Django and every other bench.)

A fresh database beside the one ``DATABASE_URL`` names (bench/common.py's ``Stack``; SQLite
without it, whose figures are not representative) gets an organization with five accounts and
``--posts`` scheduled posts, spread evenly over ``--spread-days`` from the range's start. Then
the page's own request, ``GET /calendar/events/?start=…&end=…`` for one month, runs through
Django's whole stack (middleware, session, permission, form, query, JSON) ``--requests`` times
in this process, after a few warm-up requests. It prints:

* the wall time of one request, median and p95 (target: p95 ≤ 100 ms on PostgreSQL);
* the CPU this process spent per request (``time.process_time``; the database server's is not in it);
* the queries per request, which must not grow with the posts stored;
* **the floor**, measured in the same run before and after: one trivial query through the ORM
  (``Organization.objects.filter(pk=…).exists()``), median of 200; and **the ratio** of the
  request's median to it, which says more than milliseconds on a busy, shared machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    Stack,
    StackConfig,
    database_description,
    machine_description,
    percentile,
    query_floor_ms,
    schedule_targets,
    seed_accounts,
)  # noqa: E402

MONTH_START = datetime(2027, 3, 1, tzinfo=UTC)
MONTH_END = datetime(2027, 4, 1, tzinfo=UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000, help="posts stored")
    parser.add_argument("--spread-days", type=int, default=365, help="days the posts are spread over from March 1")
    parser.add_argument("--requests", type=int, default=60, help="timed requests of the month's range")
    args = parser.parse_args(argv)

    with Stack(StackConfig(label="calendar")) as stack:
        from django.db import connection
        from django.test import Client

        from accounts.services import ACTIVE_ORGANIZATION_SESSION_KEY

        vendor = connection.vendor
        connection.ensure_connection()
        print(f"PhysSocial calendar bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
        print(f"  machine    {machine_description()}")
        print(f"  database   {database_description()}")

        seed = seed_accounts(stack, 5, prefix="calendar")
        every = timedelta(days=args.spread_days) / args.posts
        schedule_targets(seed, "calendar", [MONTH_START + n * every for n in range(args.posts)], checked=False)
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute("ANALYZE")

        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(seed.author, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session[ACTIVE_ORGANIZATION_SESSION_KEY] = seed.organization.pk
        session.save()
        params = {"start": MONTH_START.isoformat(), "end": MONTH_END.isoformat(), "timeZone": "UTC"}

        def one_request() -> int:
            response = client.get("/calendar/events/", params)
            assert response.status_code == 200, response.content[:500]
            return len(response.content)

        load_before = os.getloadavg()[0]
        floor_before = query_floor_ms(seed.organization)
        for _ in range(5):
            size = one_request()
        queries: list[str] = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            one_request()
        items = len(client.get("/calendar/events/", params).json())
        wall, cpu = [], []
        for _ in range(args.requests):
            cpu_started, started = time.process_time(), time.perf_counter()
            one_request()
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        floor_after = query_floor_ms(seed.organization)

        floor = statistics.median([floor_before, floor_after])
        median, p95 = statistics.median(wall), percentile(wall, 95)
        print(f"  stored     {args.posts:,} posts over {args.spread_days} days; the month holds {items:,} items")
        print(f"  answer     {size / 1024:.0f} kB of JSON; {len(queries)} queries per request")
        print(f"  request    median {median:.1f} ms, p95 {p95:.1f} ms ({args.requests} requests)")
        print(f"  CPU        {statistics.median(cpu):.1f} ms per request (this process: Django, not the database)")
        print(f"  floor      {floor_before:.3f} ms before, {floor_after:.3f} ms after (one trivial query)")
        print(f"  ratio      {median / floor:.0f} times the floor")
        print(f"  load       {load_before:.1f} -> {os.getloadavg()[0]:.1f} (1-minute average)")
        met = vendor == "postgresql" and p95 <= 100
        print(f"\ntarget p95 <= 100 ms on PostgreSQL: {'met' if met else 'NOT met'}")
        return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
