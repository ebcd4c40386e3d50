"""Analytics benchmark: one full collection round of 10,000 published posts across 200 accounts,
then the same round on a worker while steady publishing runs.

    .venv/bin/python bench/metrics.py [--posts 10000] [--accounts 200] [--latency-ms 100]
        [--workers 2] [--concurrency 16] [--rate 10] [--duration 60] [--keep-logs]

What it prints (targets on a 2-core machine in brackets):

* ``round``: one round in this process (analytics.collection.collect), every post due: the API
  calls it made and the batching ratio (posts read per metrics call) [X: 100 ids a call allowed,
  so 50 posts per account make one call], the follower reads (once a day per account), the
  round's wall time at the simulator's latency, and this process's CPU per post read and per
  call, each also as a ratio to the *floor* bench/publish.py measures in the same run (one bare
  HTTP POST to the simulator + one UPDATE of a row), so the figure does not depend on the CPU.
* ``publishing during a round``: the same posts due again, the round enqueued as beat would
  (its own "analytics" queue) while ``--rate`` posts a second are published for ``--duration``
  seconds; the publishing lag must stay within the engine's steady target [p99 <= 1 s], with
  0 duplicates and 0 missing, and the round must finish.

Set ``DATABASE_URL=postgres://...`` for representative figures (SQLite otherwise). Accounts are X
accounts (bench/common.py seeds those); the simulator records the posts as published 2 hours ago.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    Stack,
    StackConfig,
    collect,
    machine_description,
    now_utc,
    percentile,
    schedule_targets,
    seed_accounts,
    wait_until_settled,
)
from bench.publish import Floor, cpu_seconds, measure_floor, print_floor  # noqa: E402

LAG_TARGET_S = 1.0  # the engine's steady-publishing target (bench/publish.py)


def seed_published(stack: Stack, seed, *, posts: int) -> list[int]:
    """``posts`` published targets spread evenly over the seed's accounts, known to the simulator."""
    from posts.models import Post, PostTarget, TargetState

    per_account = posts // len(seed.accounts)
    published_at = now_utc() - timedelta(hours=2)
    targets = []
    for account in seed.accounts:
        ids = stack.sim(
            "POST",
            "/_sim/published",
            {"network": "twitter", "account_id": account.external_id, "count": per_account, "age_s": 7200},
        )["ids"]
        made = Post.objects.bulk_create(
            [Post(organization=seed.organization, author=seed.author, text=f"Published {i}") for i in ids]
        )
        targets += [
            PostTarget(
                post=post,
                account=account,
                state=TargetState.PUBLISHED,
                external_id=external_id,
                published_at=published_at,
                metrics_due_at=published_at + timedelta(hours=1),
            )
            for post, external_id in zip(made, ids, strict=True)
        ]
    return [t.pk for t in PostTarget.objects.bulk_create(targets, batch_size=2000)]


def make_due(target_ids: list[int]) -> None:
    from posts.models import PostTarget

    PostTarget.objects.filter(pk__in=target_ids).update(metrics_due_at=now_utc() - timedelta(minutes=1))


def round_in_process(stack: Stack, seed, target_ids: list[int]) -> None:
    from analytics import collection

    before = measure_floor(stack, seed)
    started, cpu = time.monotonic(), time.process_time()
    report = collection.collect(max_seconds=float("inf"))
    elapsed, cpu = time.monotonic() - started, time.process_time() - cpu
    after = measure_floor(stack, seed)
    blocks = before.blocks_ms + after.blocks_ms
    floor = Floor(statistics.median(blocks), blocks)
    print_floor(floor)
    metric_calls = report.calls - report.followers
    per_post_ms = cpu * 1000 / max(report.targets_read, 1)
    per_call_ms = cpu * 1000 / max(report.calls, 1)
    print(
        f"  calls      {report.calls} = {metric_calls} metrics reads for {report.targets_read} posts "
        f"({report.targets_read / max(metric_calls, 1):.0f} posts a call) + {report.followers} follower reads; "
        f"{report.postponed} postponed"
    )
    print(
        f"  time       {elapsed:.1f} s for the round at {stack.config.latency_ms:g} ms a call "
        f"({elapsed / max(report.calls, 1) * 1000:.0f} ms a call, one account after another)"
    )
    print(
        f"  CPU        {per_post_ms:.3f} ms per post read = {floor.ratio(per_post_ms):.2f} x the floor; "
        f"{per_call_ms:.1f} ms per call = {floor.ratio(per_call_ms):.1f} x the floor "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    assert report.targets_read == len(target_ids), (report.targets_read, len(target_ids))


def publishing_alone(stack: Stack, seed, *, rate: float, duration_s: float) -> float:
    """The same steady publishing without a round: the control, on the same machine and load."""
    count = int(rate * duration_s)
    start = now_utc() + timedelta(seconds=max(5.0, 2 * stack.config.dispatch_interval_s))
    times = [start + timedelta(seconds=n / rate) for n in range(count)]
    run = f"alone{os.getpid()}"
    numbers = schedule_targets(seed, run, times, checked=False)
    wait_until_settled(list(numbers.values()), timeout_s=duration_s + 120)
    time.sleep(1)
    report = collect(stack, run, numbers)
    p50, p95, p99 = (percentile(report.lags_s, p) for p in (50, 95, 99))
    print(
        f"  control    {count} posts without a round: lag p50 {p50:.3f} s   p95 {p95:.3f} s   p99 {p99:.3f} s   "
        f"published {report.published}/{report.total}, duplicates {report.duplicates}, missing {report.missing} "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    return p99


def round_during_publishing(stack: Stack, seed, target_ids: list[int], *, rate: float, duration_s: float) -> bool:
    from analytics.tasks import collect_metrics
    from posts.models import PostTarget

    count = int(rate * duration_s)
    start = now_utc() + timedelta(seconds=max(5.0, 2 * stack.config.dispatch_interval_s))
    times = [start + timedelta(seconds=n / rate) for n in range(count)]
    run = f"during{os.getpid()}"
    numbers = schedule_targets(seed, run, times, checked=False)
    make_due(target_ids)
    worker_cpu = sum(cpu_seconds(pid) for pid in stack.worker_pids)
    time.sleep(max((start - now_utc()).total_seconds() + 2, 0))
    round_started = now_utc()
    collect_metrics.delay()  # as beat sends it: the "analytics" queue
    round_done_s = None
    deadline = time.monotonic() + duration_s + 30
    while time.monotonic() < deadline:
        read = PostTarget.objects.filter(pk__in=target_ids, metrics_collected_at__gte=round_started).count()
        if read == len(target_ids) and round_done_s is None:
            round_done_s = (now_utc() - round_started).total_seconds()
        if round_done_s is not None and now_utc() > times[-1] + timedelta(seconds=5):
            break
        time.sleep(1)
    settled = wait_until_settled(list(numbers.values()), timeout_s=120)
    read = PostTarget.objects.filter(pk__in=target_ids, metrics_collected_at__gte=round_started).count()
    worker_cpu = sum(cpu_seconds(pid) for pid in stack.worker_pids) - worker_cpu
    time.sleep(1)
    report = collect(stack, run, numbers)
    lags = report.lags_s
    p50, p95, p99 = (percentile(lags, p) for p in (50, 95, 99))
    print(f"  publishing {count} posts, {rate:g} a second for {duration_s:g} s; the round enqueued 2 s in")
    print(f"  load       average {os.getloadavg()[0]:.1f} at the end")
    longest = max(lags, default=float("nan"))
    print(f"  lag        p50 {p50:.3f} s   p95 {p95:.3f} s   p99 {p99:.3f} s   max {longest:.3f} s")
    finished = f"finished in {round_done_s:.1f} s" if round_done_s else "stopped at its time limit"
    print(
        f"  round      {finished} on a worker thread, {read} of {len(target_ids)} posts read (it pauses while posts "
        f"wait past their time; the rest stay due for the next round); worker CPU {worker_cpu:.1f} s for "
        "publishing and the round together"
    )
    print(
        f"  published  {report.published}/{report.total}   duplicates {report.duplicates}   "
        f"missing {report.missing}   unsettled {report.unsettled}"
    )
    met = (
        settled
        and report.published == report.total
        and report.duplicates == 0
        and report.missing == 0
        and p99 <= LAG_TARGET_S
    )
    print(
        f"  target     p99 <= {LAG_TARGET_S:g} s while a round runs, 0 duplicates, 0 missing: "
        f"{'MET' if met else 'NOT MET'}"
    )
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rate", type=float, default=10.0, help="posts a second published during the round")
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--keep-logs", action="store_true")
    args = parser.parse_args(argv)
    config = StackConfig(
        latency_ms=args.latency_ms,
        concurrency=args.concurrency,
        workers=args.workers,
        label="bench-metrics",
        keep=args.keep_logs,
        # No beat-sent rounds of its own: the bench sends the one it measures.
        env={"METRICS_ROUND_INTERVAL_S": "86400"},
    )
    with Stack(config) as stack:
        from django.db import connection

        print(f"PhysSocial analytics bench, {now_utc():%Y-%m-%d %H:%M} UTC")
        print(f"  machine    {machine_description()}")
        print(f"  database   {connection.vendor}; simulator latency {args.latency_ms:g} ms")
        seed = seed_accounts(stack, args.accounts)
        target_ids = seed_published(stack, seed, posts=args.posts)
        print(f"\nround: {len(target_ids)} published posts due across {len(seed.accounts)} X accounts")
        round_in_process(stack, seed, target_ids)
        print("\npublishing during a round (on the workers, as beat runs it)")
        stack.start_worker()
        stack.start_beat()
        publishing_alone(stack, seed, rate=args.rate, duration_s=args.duration)
        met = round_during_publishing(stack, seed, target_ids, rate=args.rate, duration_s=args.duration)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
