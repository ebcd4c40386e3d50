"""Time the Analytics page over a year of 10,000 published posts across 200 accounts.

    DATABASE_URL=postgres://user:pass@host:5432/db .venv/bin/python bench/analytics_page.py [--posts 10000]
        [--accounts 200] [--requests 40]

A fresh database beside the one ``DATABASE_URL`` names (bench/common.py's ``Stack``; SQLite
without it, whose figures are not representative) gets an organization in Toronto's time zone
with ``--accounts`` accounts spread over the five networks, ``--posts`` published posts spread
evenly over one year, each with its network's figures (``PostTarget.metrics``), a fifth of them
in one of five campaigns, and a follower count per account per day. Then the page's own request,
``GET /analytics/?start=…&end=…`` for that year, runs through Django's whole stack (middleware,
session, permission, form, every aggregate, the templates) ``--requests`` times in this process,
after a few warm-up requests. It prints:

* the wall time of one render, median and p95 (target: p95 < 300 ms);
* the CPU this process spent per render (``time.process_time``; the database server's is not in it);
* the queries per render, which must not grow with the posts stored;
* **the floor**, measured in the same run before and after: one trivial query through the ORM
  (``Organization.objects.filter(pk=…).exists()``), median of 200; and **the ratio** of the
  render's median to it, which says more than milliseconds on a busy, shared machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Stack, StackConfig, database_description, machine_description, percentile, query_floor_ms  # noqa: E402

YEAR_START = date(2026, 1, 1)
YEAR_END = date(2026, 12, 31)
KINDS = {
    "twitter": "x_user",
    "facebook": "facebook_page",
    "instagram": "instagram_business",
    "linkedin": "linkedin_organization",
    "youtube": "youtube_channel",
}


def figures(network: str, n: int) -> dict[str, int]:
    """Plausible figures of post ``n`` on ``network``, under the collector's names."""
    base = 5 + (n * 7919) % 97
    return {
        "twitter": {"likes": base, "shares": base // 4, "comments": base // 9, "views": base * 40},
        "facebook": {"likes": base, "comments": base // 5, "shares": base // 8, "views": base * 30},
        "instagram": {
            "likes": base * 2,
            "comments": base // 4,
            "saves": base // 6,
            "reach": base * 25,
            "views": base * 35,
        },
        "linkedin": {"likes": base, "comments": base // 6, "shares": base // 10, "views": base * 20},
        "youtube": {"views": base * 50, "likes": base, "comments": base // 7},
    }[network]


def seed(posts: int, accounts: int):
    from accounts.models import ConnectedAccount, Membership, Organization, Role, User
    from analytics.models import FollowerCount
    from campaigns.models import Campaign
    from posts.models import Post, PostTarget, TargetState

    author = User.objects.create_user(email="analytics-author@example.org", password=None, display_name="Dr. Bench")
    organization = Organization.objects.create(
        name="Analytics clinic", slug="analytics-clinic", time_zone="America/Toronto"
    )
    Membership.objects.create(organization=organization, user=author, role=Role.OWNER)
    networks = list(KINDS)
    connected = ConnectedAccount.objects.bulk_create(
        ConnectedAccount(
            organization=organization,
            network=networks[n % len(networks)],
            kind=KINDS[networks[n % len(networks)]],
            external_id=f"bench-{n}",
            display_name=f"Bench account {n}",
        )
        for n in range(accounts)
    )
    campaigns = Campaign.objects.bulk_create(
        Campaign(
            organization=organization,
            name=f"Campaign {n}",
            slug=f"campaign-{n}",
            starts_on=YEAR_START,
            ends_on=YEAR_END,
        )
        for n in range(5)
    )
    created = Post.objects.bulk_create(
        (
            Post(
                organization=organization,
                author=author,
                text=f"Bench post {n}: flu shots at the clinic this Saturday, 9 to 12.",
                campaign=campaigns[n % 5] if n % 5 == 0 else None,
            )
            for n in range(posts)
        ),
        batch_size=1000,
    )
    start = datetime.combine(YEAR_START, datetime.min.time(), tzinfo=UTC)
    every = timedelta(days=365) / posts

    def published(n: int, post: Post) -> PostTarget:
        account = connected[n % accounts]
        target = PostTarget(
            post=post,
            account=account,
            state=TargetState.PUBLISHED,
            published_at=start + n * every,
            external_id=f"ext-{n}",
            external_url=f"https://example.com/post/{n}",
        )
        # As the collector leaves them: the figures, and the engagement and reach they make.
        target.set_figures(
            figures(account.network, n), network=account.network, collected_at=start + n * every + timedelta(days=1)
        )
        return target

    PostTarget.objects.bulk_create((published(n, post) for n, post in enumerate(created)), batch_size=1000)
    FollowerCount.objects.bulk_create(
        (
            FollowerCount(
                account=account, day=YEAR_START + timedelta(days=d), followers=1000 + d * (i % 7), collected_at=start
            )
            for i, account in enumerate(connected)
            for d in range(365)
        ),
        batch_size=5000,
    )
    return organization, author


def profile(one_render, connection) -> None:
    """Each query of one render with its wall time, then the functions of 10 renders by own CPU."""
    import cProfile
    import pstats

    timed: list[tuple[float, str, Any]] = []

    def timing(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timed.append(((time.perf_counter() - started) * 1000, sql, params))

    with connection.execute_wrapper(timing):
        one_render()
    print("\nqueries of one render (ms, SQL):")
    for ms, sql, _params in timed:
        print(f"  {ms:7.1f}  {sql[:160]}")
    if connection.vendor == "postgresql":
        print("\nplans of the queries over the posts' targets:")
        for _ms, sql, params in timed:
            if "posts_posttarget" in sql:
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                    print(f"\n{sql}\n" + "\n".join(row[0] for row in cursor.fetchall()))
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(10):
        one_render()
    profiler.disable()
    print("\n10 renders under cProfile:")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000, help="published posts over the year")
    parser.add_argument("--accounts", type=int, default=200, help="accounts they are spread over")
    parser.add_argument("--requests", type=int, default=40, help="timed renders of the year's page")
    parser.add_argument(
        "--profile", action="store_true", help="then print where a render's time goes: each query, and cProfile"
    )
    args = parser.parse_args(argv)

    with Stack(StackConfig(label="analytics")) as stack:
        from django.conf import settings
        from django.db import connection
        from django.test import Client
        from django.test.utils import override_settings

        from accounts.services import ACTIVE_ORGANIZATION_SESSION_KEY

        vendor = connection.vendor
        connection.ensure_connection()
        print(f"PhysSocial analytics page bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
        print(f"  machine    {machine_description()}")
        print(f"  database   {database_description()}")
        print(f"  work dir   {stack.workdir.name}")

        # Static files are not collected for a bench: name them as in development (the manifest
        # lookup production makes instead is a dict lookup, not what this measures).
        plain = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        override_settings(STORAGES=plain).enable()
        organization, author = seed(args.posts, args.accounts)
        with connection.cursor() as cursor:
            # What autovacuum does to a table after a bulk load in production: statistics, and on
            # PostgreSQL the visibility map too, without which no index-only scan can happen.
            cursor.execute("VACUUM (ANALYZE)" if connection.vendor == "postgresql" else "ANALYZE")

        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(author, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session[ACTIVE_ORGANIZATION_SESSION_KEY] = organization.pk
        session.save()
        params = {"start": YEAR_START.isoformat(), "end": YEAR_END.isoformat()}

        def one_render() -> int:
            response = client.get("/analytics/", params)
            assert response.status_code == 200, response.content[:500]
            return len(response.content)

        load_before = os.getloadavg()[0]
        floor_before = query_floor_ms(organization)
        for _ in range(3):
            size = one_render()
        queries: list[str] = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            one_render()
        wall, cpu = [], []
        for _ in range(args.requests):
            cpu_started, started = time.process_time(), time.perf_counter()
            one_render()
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        floor_after = query_floor_ms(organization)

        floor = statistics.median([floor_before, floor_after])
        median, p95 = statistics.median(wall), percentile(wall, 95)
        print(f"  stored     {args.posts:,} published posts over a year, {args.accounts} accounts, 5 networks")
        print(f"  answer     {size / 1024:.0f} kB of HTML; {len(queries)} queries per render")
        print(f"  render     median {median:.1f} ms, p95 {p95:.1f} ms ({args.requests} renders)")
        print(f"  CPU        {statistics.median(cpu):.1f} ms per render (this process: Django, not the database)")
        print(f"  floor      {floor_before:.3f} ms before, {floor_after:.3f} ms after (one trivial query)")
        print(f"  ratio      {median / floor:.0f} times the floor")
        print(f"  load       {load_before:.1f} -> {os.getloadavg()[0]:.1f} (1-minute average)")
        if args.profile:
            profile(one_render, connection)
        met = p95 < 300
        print(f"\ntarget p95 < 300 ms: {'met' if met else 'NOT met'}{'' if vendor == 'postgresql' else ' (on SQLite)'}")
        return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
