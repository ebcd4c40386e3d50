"""Publishing benchmark: real worker and beat processes against the platform simulator.

    .venv/bin/python bench/publish.py [--scenario steady|burst|tick|consumer|all] [--latency-ms 100]
        [--workers 2] [--concurrency 16] [--dispatch-interval 2] [--accounts 200] [--tick-rows 1000000]
        [--switch-interval S] [--conn-max-age S] [--ack-emulation on|off] [--prefetch N] [--keep-logs]

Set ``DATABASE_URL=postgres://...`` to measure on PostgreSQL (a throwaway
database is created next to the one named, and dropped afterwards); without
it a SQLite file is used, and its figures are not representative. Set
``REDIS_URL`` to use a running Redis instead of the embedded redis-server.

Scenarios (targets on a 2-core machine in brackets):

* ``steady``: 10 posts a second for 60 seconds, over ``--accounts`` X accounts
  [p99 lag <= 1 s];
* ``burst``: 2,000 targets due within the same second across 200 accounts
  [drained, p99 lag <= 15 s];
* ``tick``: one dispatcher tick with 1,000,000 future targets stored
  [<= 50 ms on PostgreSQL], with the EXPLAIN of the due query;
* ``consumer`` (not in ``all``): publish tasks for missing targets, to measure how many
  messages a second one worker takes off the broker when the tasks cost nothing.

``--workers`` runs several worker processes; ``--switch-interval``, ``--conn-max-age``,
``--ack-emulation`` and ``--prefetch`` override the project's settings of those names
(see bench/RESULTS.md for what each one did).
Each run stops every process it started and drops its database, also on
Ctrl-C; the worker, beat and simulator logs are kept with ``--keep-logs``.

Beside every lag the publishing scenarios print the worker processes' CPU per
publish (their user + system time over the run, divided by the posts published)
[<= 5 ms], and that figure divided by a *floor* measured in the same run, just
before and just after it: the CPU this process spends on one bare HTTP POST of a
post to the simulator (requests' Session, answered at 0 ms) plus one UPDATE of
a row (Django's ORM), median of 10 blocks of 60. The ratio says how many such
minimal "send and record" steps a publish costs, whatever the CPU's speed or the
machine's load; wall-clock lag depends on both. The load average is printed
with every figure.

Every scenario also checks 0 duplicates and 0 missing against the simulator's
record. Lag is the time the simulator recorded the post minus the time it was
scheduled for; it includes the simulated network latency, because the
simulator records a post after that delay, as a network would.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    Report,
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


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process, from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


@dataclass(frozen=True)
class Floor:
    """The CPU of the least a publish can do on this machine, measured in this run: one HTTP POST
    of a post to the simulator (requests' Session, the client stack the adapters use, answered at
    0 ms) plus one UPDATE of a target row (Django's ORM). Dividing the workers' CPU per publish by
    it gives a figure that does not depend on the CPU's speed or on how busy the machine is."""

    ms: float  # median over the blocks
    blocks_ms: tuple[float, ...]

    def ratio(self, cpu_ms: float) -> float:
        return cpu_ms / self.ms if self.ms > 0 else float("nan")


def measure_floor(stack: Stack, seed, *, blocks: int = 5, per_block: int = 60, waiting: bool = False) -> Floor:
    """Median CPU (this process's process time) of one bare POST + one UPDATE, over ``blocks`` blocks.

    ``waiting``: the simulator answers after the run's latency, as it does a publish. On this kind of
    machine code that runs after a 100 ms wait costs more CPU than the same code in a tight loop (cold
    caches, a CPU that slowed down meanwhile), so this floor is the like-for-like one for a publish."""
    import requests
    from django.utils import timezone

    from posts.models import PostTarget

    run = f"floor{time.monotonic_ns()}"  # X refuses the same text twice from one account
    row = next(iter(schedule_targets(seed, run, [now_utc() + timedelta(days=365)], checked=False).values()))
    accounts = seed.sim_accounts
    url = f"{stack.sim_url}/twitter/2/tweets"
    latency_s = stack.config.latency_ms / 1000
    if not waiting:
        stack.sim("POST", "/_sim/latency", {"latency_s": 0})  # the floor is CPU; waiting would only lengthen the run
    try:
        with requests.Session() as session:
            results = []
            for block in range(blocks + 1):  # the first block warms the connection and the caches up
                begun = time.process_time()
                for n in range(per_block):
                    user = accounts[n % len(accounts)]
                    answer = session.post(
                        url,
                        json={"text": f"{run} {block}.{n}"},
                        headers={"Authorization": f"Bearer {user['access_token']}"},
                        timeout=10,
                    )
                    answer.raise_for_status()
                    PostTarget.objects.filter(pk=row).update(updated_at=timezone.now())
                if block:
                    results.append((time.process_time() - begun) / per_block * 1000)
    finally:
        stack.sim("POST", "/_sim/latency", {"latency_s": latency_s})
    return Floor(statistics.median(results), tuple(results))


def print_floor(floor: Floor, *, waiting: Floor | None = None, latency_ms: float = 0) -> None:
    blocks = ", ".join(f"{ms:.2f}" for ms in floor.blocks_ms)
    print(
        f"  floor      {floor.ms:.2f} ms CPU for one bare HTTP POST to the simulator + one UPDATE "
        f"(median of {len(floor.blocks_ms)} blocks: {blocks}; load average {os.getloadavg()[0]:.1f})"
    )
    if waiting is not None:
        blocks = ", ".join(f"{ms:.2f}" for ms in waiting.blocks_ms)
        print(
            f"  floor      {waiting.ms:.2f} ms CPU for the same, answered after {latency_ms:g} ms as a publish is "
            f"(median of {len(waiting.blocks_ms)} blocks: {blocks})"
        )


def print_report(
    name: str,
    report: Report,
    *,
    concurrency: int,
    latency_ms: float,
    lag_target_s: float,
    cpu_ms: float,
    floor: Floor,
    load: tuple[float, float],
) -> bool:
    lags = report.lags_s
    capacity = concurrency / (latency_ms / 1000) if latency_ms else float("inf")
    throughput = report.throughput()
    p50, p95, p99 = (percentile(lags, p) for p in (50, 95, 99))
    print(
        f"  lag        p50 {p50:.3f} s   p95 {p95:.3f} s   p99 {p99:.3f} s   "
        f"max {max(lags, default=float('nan')):.3f} s   (load average {load[0]:.1f} -> {load[1]:.1f})"
    )
    print(
        f"  CPU        {cpu_ms:.2f} ms per publish in the worker processes = {floor.ratio(cpu_ms):.2f} x the floor "
        f"({floor.ms:.2f} ms); the ratio moves far less than the ms with the CPU's speed and the load"
    )
    print(
        f"  throughput {throughput:.1f} posts/s; simulator capacity at concurrency {concurrency} and "
        f"{latency_ms:g} ms = {capacity:.0f}/s; ratio {throughput / capacity:.1%}"
    )
    failed = report.states["failed"]
    attention = report.states["needs_attention"]
    print(
        f"  published  {report.published}/{report.total}   failed {failed}   needs_attention {attention}   "
        f"duplicates {report.duplicates}   missing {report.missing}   unsettled {report.unsettled}"
    )
    if report.reasons:
        print(f"  reasons    {dict(report.reasons)}")
    met = (
        report.duplicates == 0
        and report.missing == 0
        and report.published == report.total
        and bool(lags)
        and p99 <= lag_target_s
    )
    print(f"  target     p99 <= {lag_target_s:g} s, 0 duplicates, 0 missing: {'MET' if met else 'NOT MET'}")
    return met


CPU_TARGET_MS = 5.0  # the workers' CPU per publish, as this bench prints it


def run_publishing(
    stack: Stack, seed, *, name: str, count: int, times: Callable[[], list], timeout_s: float, lag_target_s: float
) -> bool:
    from scheduler.models import PublishAttempt

    before = measure_floor(stack, seed)
    run = f"{name}{os.getpid()}"
    # The times are taken once the targets' fingerprints are: scheduling them is not part of the lag.
    numbers = schedule_targets(seed, run, times, count=count)
    worker_cpu = sum(cpu_seconds(pid) for pid in stack.worker_pids)
    others = {name: stack.procs[name].pid for name in ("simulator", "redis", "beat") if name in stack.procs}
    others_cpu = {name: cpu_seconds(pid) for name, pid in others.items()}
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    settled = wait_until_settled(list(numbers.values()), timeout_s=timeout_s)
    elapsed = time.monotonic() - started
    worker_cpu = sum(cpu_seconds(pid) for pid in stack.worker_pids) - worker_cpu
    others_cpu = {name: cpu_seconds(pid) - others_cpu[name] for name, pid in others.items()}
    load_after = os.getloadavg()[0]
    time.sleep(1)  # let a late duplicate, if any, reach the simulator's record
    report = collect(stack, run, numbers)
    attempts = PublishAttempt.objects.filter(target_id__in=numbers.values()).count()
    after = measure_floor(stack, seed)
    # Measured just before and just after the run, on the same machine and load: the median of both.
    blocks = before.blocks_ms + after.blocks_ms
    floor = Floor(statistics.median(blocks), blocks)
    # Fewer, shorter blocks: each POST waits for the latency.
    waiting = measure_floor(stack, seed, blocks=3, per_block=20, waiting=True) if stack.config.latency_ms else None
    if not settled:
        print(f"  NOT SETTLED within {timeout_s:.0f} s")
    print(
        f"  attempts   {attempts} logged; worker CPU {worker_cpu:.1f} s over {elapsed:.1f} s "
        f"({worker_cpu / max(elapsed, 1e-9):.0%} of one core); load average {load_before:.1f} -> {load_after:.1f}"
    )
    print("  CPU        " + "   ".join(f"{name} {seconds:.1f} s" for name, seconds in others_cpu.items()))
    print_floor(floor, waiting=waiting, latency_ms=stack.config.latency_ms)
    cpu_ms = worker_cpu * 1000 / max(report.published, 1)
    lag_met = print_report(
        name,
        report,
        concurrency=stack.config.concurrency * stack.config.workers,
        latency_ms=stack.config.latency_ms,
        lag_target_s=lag_target_s,
        cpu_ms=cpu_ms,
        floor=floor,
        load=(load_before, load_after),
    )
    cpu_met = cpu_ms <= CPU_TARGET_MS
    print(
        f"  target     worker CPU per publish <= {CPU_TARGET_MS:g} ms: {'MET' if cpu_met else 'NOT MET'} "
        f"({cpu_ms:.2f} ms, {floor.ratio(cpu_ms):.2f} x the floor"
        + (f", {waiting.ratio(cpu_ms):.2f} x the floor that waits as a publish does)" if waiting else ")")
    )
    return lag_met and cpu_met


def scenario_steady(stack: Stack, seed, *, rate: float = 10.0, duration_s: float = 60.0) -> bool:
    count = int(rate * duration_s)
    print(f"\nsteady: {count} targets, {rate:g} a second for {duration_s:g} s, over {len(seed.accounts)} accounts")

    def times() -> list:
        start = now_utc() + timedelta(seconds=max(5.0, 2 * stack.config.dispatch_interval_s))
        return [start + timedelta(seconds=n / rate) for n in range(count)]

    return run_publishing(
        stack, seed, name="steady", count=count, times=times, timeout_s=duration_s + 120, lag_target_s=1.0
    )


def scenario_burst(stack: Stack, seed, *, count: int = 2000) -> bool:
    accounts = len(seed.accounts)
    print(f"\nburst: {count} targets due within the same second, across {accounts} accounts")

    def times() -> list:
        start = now_utc() + timedelta(seconds=max(8.0, 2 * stack.config.dispatch_interval_s))
        start = start.replace(microsecond=0) + timedelta(seconds=1)
        return [start + timedelta(seconds=n / count) for n in range(count)]

    return run_publishing(stack, seed, name="burst", count=count, times=times, timeout_s=240, lag_target_s=15.0)


def scenario_tick(stack: Stack, seed, *, rows: int, repeats: int = 30) -> bool:
    from django.db import connection, transaction

    from posts.models import PostTarget
    from scheduler import services

    print(f"\ntick: dispatcher tick with {rows:,} future targets stored")
    started = time.monotonic()
    insert_future_targets(stack, seed, rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  inserted {PostTarget.objects.count():,} targets in {time.monotonic() - started:.1f} s")

    def timed_ticks() -> list[float]:
        durations = []
        for _ in range(repeats):
            begun = time.perf_counter()
            services.dispatch_due()
            durations.append((time.perf_counter() - begun) * 1000)
        return durations

    empty = timed_ticks()
    print(
        f"  empty tick   median {statistics.median(empty):.2f} ms   p95 {percentile(empty, 95):.2f} ms   "
        f"max {max(empty):.2f} ms   ({repeats} ticks, nothing due)"
    )
    # A tick that claims 100 due targets and enqueues their tasks (no worker runs; the queue is purged).
    due_ticks = []
    for _ in range(5):
        times = [now_utc() - timedelta(seconds=1)] * 100
        schedule_targets(seed, f"tick{time.monotonic_ns()}", times, checked=False)
        begun = time.perf_counter()
        claimed = services.dispatch_due()
        due_ticks.append((time.perf_counter() - begun) * 1000)
        assert len(claimed) == 100, len(claimed)
    stack.purge_queue()
    print(f"  100-due tick median {statistics.median(due_ticks):.2f} ms   max {max(due_ticks):.2f} ms   (5 ticks)")

    now = now_utc()
    due = PostTarget.objects.due(now + services.dispatch_interval()).not_enqueued_since(now - services.requeue_after())
    stale = PostTarget.objects.stale_leases(now).not_enqueued_since(now - services.requeue_after())
    options = {"analyze": True} if stack.is_postgres else {}
    with transaction.atomic():
        locked = connection.features.has_select_for_update_skip_locked
        for label, query in (("due", due), ("stale leases", stale)):
            if locked:
                query = query.select_for_update(skip_locked=True)
            plan = query.values_list("pk", "due_at")[:5000].explain(**options)
            print(f"  EXPLAIN {'ANALYZE ' if options else ''}of the {label} query:")
            print("    " + plan.replace("\n", "\n    "))
    median = statistics.median(empty)
    met = median <= 50 and stack.is_postgres
    target = "MET" if met else ("NOT MET" if stack.is_postgres else "not measured (SQLite)")
    print(f"  target     median empty tick <= 50 ms on PostgreSQL: {target}")
    return met or not stack.is_postgres


def scenario_consumer(stack: Stack, *, count: int = 2000) -> bool:
    """How fast one worker takes messages off the broker when the tasks themselves cost nothing:
    publish tasks for targets that do not exist (one SELECT each, no network), queued while no
    worker runs, then timed from the worker's start until the queue is empty."""
    import redis

    from scheduler.tasks import publish_target

    print(f"\nconsumer: {count} publish tasks for missing targets (the worker's message rate alone)")
    stack.stop("beat")
    for name in [name for name in stack.procs if name.startswith("worker")]:
        stack.stop(name)
    client = redis.Redis.from_url(stack.redis_url)
    for n in range(count):
        publish_target.apply_async((10**12 + n,))
    stack.start_worker()
    worker_cpu = sum(cpu_seconds(pid) for pid in stack.worker_pids)
    started = time.monotonic()
    while client.llen("celery") or client.hlen("unacked"):
        if time.monotonic() - started > 300:
            print("  NOT DRAINED within 300 s")
            return False
        time.sleep(0.02)
    elapsed = time.monotonic() - started
    worker_cpu = sum(cpu_seconds(pid) for pid in stack.worker_pids) - worker_cpu
    print(
        f"  drained in {elapsed:.1f} s after the worker was ready: {count / elapsed:.0f} messages/s; "
        f"worker CPU {worker_cpu * 1000 / count:.2f} ms per message (load average {os.getloadavg()[0]:.1f})"
    )
    return True


def insert_future_targets(stack: Stack, seed, rows: int) -> None:
    """``rows`` scheduled targets due over the next year: COPY on PostgreSQL, bulk_create elsewhere."""
    from django.db import connection

    from posts.models import Post, PostTarget

    per_post = len(seed.accounts)  # one target per (post, account)
    post_count = -(-rows // per_post)
    posts = Post.objects.bulk_create(
        [Post(organization=seed.organization, author=seed.author, text=f"Future post {n}") for n in range(post_count)],
        batch_size=5000,
    )
    now = now_utc()

    def row(n: int):
        post = posts[n // per_post]
        account = seed.accounts[n % per_post]
        due = now + timedelta(hours=1) + timedelta(seconds=(n * 31_536_000) // rows)
        return post.pk, account.pk, due

    if stack.is_postgres:
        table = PostTarget._meta.db_table
        columns = (
            "post_id, account_id, text_override, options, state, scheduled_at, due_at, is_queued, attempts, "
            "published_parts, failure_reason, error_message, external_id, external_url, created_at, updated_at, "
            "metrics, texts_scanned_clean"
        )
        with connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg 3's cursor, for COPY
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for n in range(rows):
                    post_id, account_id, due = row(n)
                    copy.write_row(
                        (
                            post_id,
                            account_id,
                            "",
                            "{}",
                            "scheduled",
                            due,
                            due,
                            False,
                            0,
                            "[]",
                            "",
                            "",
                            "",
                            "",
                            now,
                            now,
                            "{}",
                            "",
                        )
                    )
        return
    batch = []
    for n in range(rows):
        post_id, account_id, due = row(n)
        batch.append(
            PostTarget(post_id=post_id, account_id=account_id, state="scheduled", scheduled_at=due, due_at=due)
        )
        if len(batch) == 20_000:
            PostTarget.objects.bulk_create(batch)
            batch = []
    PostTarget.objects.bulk_create(batch)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", choices=["steady", "burst", "tick", "consumer", "all"], default="all")
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--concurrency", type=int, default=16, help="threads per worker process")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (make run starts 2)")
    parser.add_argument("--dispatch-interval", type=float, default=2.0, help="DISPATCH_INTERVAL_S, seconds")
    parser.add_argument("--accounts", type=int, default=200, help="X accounts the posts are spread over")
    parser.add_argument("--rate", type=float, default=10.0, help="steady: posts per second")
    parser.add_argument("--duration", type=float, default=60.0, help="steady: seconds")
    parser.add_argument("--burst", type=int, default=2000, help="burst: targets due in the same second")
    parser.add_argument("--tick-rows", type=int, default=1_000_000, help="tick: future targets stored")
    parser.add_argument("--switch-interval", type=float, help="WORKER_SWITCH_INTERVAL_S (0: Python's default)")
    parser.add_argument("--conn-max-age", type=int, help="DATABASE_CONN_MAX_AGE, seconds (0: a connection per task)")
    parser.add_argument(
        "--ack-emulation", choices=["on", "off"], help="CELERY_BROKER_ACK_EMULATION (kombu's Redis transport)"
    )
    parser.add_argument("--prefetch", type=int, help="CELERY_WORKER_PREFETCH_MULTIPLIER")
    parser.add_argument("--keep-logs", action="store_true", help="keep the worker, beat and simulator logs")
    args = parser.parse_args(argv)

    config = StackConfig(
        latency_ms=args.latency_ms,
        concurrency=args.concurrency,
        workers=args.workers,
        dispatch_interval_s=args.dispatch_interval,
        label="bench",
        keep=args.keep_logs,
        env={
            **({"WORKER_SWITCH_INTERVAL_S": str(args.switch_interval)} if args.switch_interval is not None else {}),
            **({"DATABASE_CONN_MAX_AGE": str(args.conn_max_age)} if args.conn_max_age is not None else {}),
            **({"CELERY_BROKER_ACK_EMULATION": str(args.ack_emulation == "on")} if args.ack_emulation else {}),
            **({"CELERY_WORKER_PREFETCH_MULTIPLIER": str(args.prefetch)} if args.prefetch else {}),
        },
    )
    scenarios = ["steady", "burst", "tick"] if args.scenario == "all" else [args.scenario]
    results: dict[str, bool] = {}
    with Stack(config) as stack:
        from django.db import connection

        vendor = connection.vendor
        connection.ensure_connection()
        version = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}" if vendor == "postgresql" else ""
        print(f"PhysSocial publishing bench, {now_utc():%Y-%m-%d %H:%M} UTC")
        print(f"  machine    {machine_description()}")
        database = f"PostgreSQL {version}" if vendor == "postgresql" else "SQLite (figures NOT representative)"
        redis = "embedded redis-server" if stack.embedded_redis else stack.redis_url.split("@")[-1]
        print(f"  database   {database}; Redis: {redis}")
        print(
            f"  simulator  latency {args.latency_ms:g} ms; workers: {args.workers} x celery --pool threads "
            f"-c {args.concurrency}; "
            f"beat: dispatch every {args.dispatch_interval:g} s"
        )
        seed = seed_accounts(stack, args.accounts)
        if {"steady", "burst", "consumer"} & set(scenarios):
            stack.start_worker()
            stack.start_beat()
        for name in scenarios:
            if name == "steady":
                results[name] = scenario_steady(stack, seed, rate=args.rate, duration_s=args.duration)
            elif name == "burst":
                results[name] = scenario_burst(stack, seed, count=args.burst)
            elif name == "consumer":
                results[name] = scenario_consumer(stack, count=args.burst)
            elif name == "tick":
                stack.stop("beat")
                stack.stop("worker")
                results[name] = scenario_tick(stack, seed, rows=args.tick_rows)
    print("\nsummary: " + ", ".join(f"{k} {'met' if v else 'NOT met'}" for k, v in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
