"""Chaos runs: break things in the middle of a burst and check every target ends right.

    .venv/bin/python bench/chaos.py [--only NAME ...] [--targets 300] [--accounts 30]
        [--latency-ms 100] [--concurrency 8] [--keep-logs]

Real worker and beat processes, the platform simulator and Redis, as in
bench/publish.py (``DATABASE_URL`` for PostgreSQL, else SQLite). Scenarios:

* ``worker-kill``: kill -9 the worker once a third of the burst is out, start a new one;
* ``redis-restart``: kill Redis (losing every queued task) mid-burst, start it again
  (only with the embedded Redis, not a ``REDIS_URL`` one);
* ``http-500``: the network answers 500 to the first 50 posts;
* ``http-500-always``: it answers 500 to every post until the targets give up;
* ``http-429``: 429 with a reset 5 seconds ahead for the first 50 posts;
* ``http-401-refresh``: every access token expires just before the burst: refresh, then post;
* ``drop-after-accept``: the network records 50 posts but hangs up before answering.

After each: every target must be published exactly once, or failed/needs
attention with the reason the scenario calls for, and the simulator's record
must show no duplicates. Lease, re-queue and backoff times are shortened
(printed at the start) so recovery takes seconds; the logic is the engine's own.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
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
    schedule_targets,
    seed_accounts,
    wait_until_settled,
)

CHAOS_SETTINGS = {  # the engine's own environment variables (README), shortened
    "PUBLISH_LEASE_S": "10",
    "DISPATCH_REQUEUE_AFTER_S": "8",
    "PUBLISH_BACKOFF_BASE_S": "1",
    "PUBLISH_MAX_ATTEMPTS": "4",
    "PLATFORM_TIMEOUT_S": "3",
}


@dataclass
class Scenario:
    name: str
    describe: str
    expect_state: str = "published"  # what every target must end as
    expect_reason: str = ""  # and with which failure_reason
    targets: int | None = None  # None: --targets


def wait_for_published(target_ids: list[int], count: int, *, timeout_s: float = 60) -> None:
    from django.db import close_old_connections

    from posts.models import PostTarget

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        close_old_connections()
        if PostTarget.objects.filter(pk__in=target_ids, state="published").count() >= count:
            return
        time.sleep(0.05)


def run_scenario(stack: Stack, seed, scenario: Scenario, *, count: int, act: Callable) -> tuple[Report, list[str]]:
    from django.db import close_old_connections

    close_old_connections()
    stack.sim("DELETE", "/_sim/faults")
    run = scenario.name.replace("-", "") + str(int(time.time()))
    due = now_utc().replace(microsecond=0) + timedelta(seconds=4)
    times = [due + timedelta(seconds=n / count) for n in range(count)]
    numbers = schedule_targets(seed, run, times)
    ids = list(numbers.values())
    act(ids, due)
    settled = wait_until_settled(ids, timeout_s=120)
    time.sleep(1)
    stack.sim("DELETE", "/_sim/faults")
    report = collect(stack, run, numbers)
    from scheduler.models import PublishAttempt

    outcomes = Counter(PublishAttempt.objects.filter(target_id__in=ids).values_list("outcome", flat=True))
    print(f"  attempts: {dict(sorted(outcomes.items()))}")
    problems = []
    if not settled:
        problems.append(f"{report.unsettled} never settled")
    if report.duplicates:
        problems.append(f"{report.duplicates} duplicates")
    if report.missing:
        problems.append(f"{report.missing} missing")
    if report.received_not_published:
        problems.append(f"{report.received_not_published} failed but on the network")
    wrong = report.total - report.states[scenario.expect_state]
    if wrong:
        problems.append(f"{wrong} not {scenario.expect_state}")
    if scenario.expect_reason:
        right = report.reasons[f"{scenario.expect_state}:{scenario.expect_reason}"]
        if right != report.total:
            problems.append(f"{report.total - right} without reason {scenario.expect_reason}")
    return report, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="scenario names to run (default: all)")
    parser.add_argument("--targets", type=int, default=300, help="targets per burst")
    parser.add_argument("--accounts", type=int, default=30)
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--keep-logs", action="store_true")
    args = parser.parse_args(argv)

    config = StackConfig(
        latency_ms=args.latency_ms,
        concurrency=args.concurrency,
        dispatch_interval_s=1.0,
        label="chaos",
        env=CHAOS_SETTINGS,
        keep=args.keep_logs,
    )
    rows = []
    with Stack(config) as stack:
        print(f"PhysSocial chaos run, {now_utc():%Y-%m-%d %H:%M} UTC; {machine_description()}")
        database = "PostgreSQL" if stack.is_postgres else "SQLite"
        print(
            f"  {database}; latency {args.latency_ms:g} ms; worker --pool threads -c {args.concurrency}; "
            f"{args.targets} targets per burst over {args.accounts} X accounts"
        )
        print(f"  settings: dispatch every 1 s, {', '.join(f'{k}={v}' for k, v in CHAOS_SETTINGS.items())}")
        seed = seed_accounts(stack, args.accounts, prefix="chaos")
        stack.start_worker()
        stack.start_beat()

        def after_a_third(action: Callable[[], None]) -> Callable:
            def act(ids, due):
                wait_for_published(ids, len(ids) // 3)
                action()

            return act

        def fault(count: int | None, **options) -> Callable:
            def act(ids, due):
                stack.sim(
                    "POST",
                    "/_sim/faults",
                    {"network": "twitter", "endpoint": "POST /2/tweets", "times": count, **options},
                )

            return act

        notes: list[str] = []

        def restart_redis() -> None:
            stack.restart_redis()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not notes:
                notes.extend(stack.restart_exited_workers())
                time.sleep(0.2)

        def kill_and_restart_worker() -> None:
            stack.kill_worker()
            time.sleep(1)
            stack.start_worker()

        def expire_tokens(ids, due) -> None:
            stack.sim("POST", "/_sim/expire-tokens", {"network": "twitter"})

        plan: list[tuple[Scenario, Callable]] = [
            (
                Scenario("worker-kill", "kill -9 the worker a third of the way in"),
                after_a_third(kill_and_restart_worker),
            ),
            (
                Scenario("redis-restart", "kill Redis a third of the way in, restart after 2 s"),
                after_a_third(restart_redis),
            ),
            (Scenario("http-500", "500 to the first 50 posts"), fault(50, status=500)),
            (
                Scenario("http-500-always", "500 to every post", "failed", "transient", targets=20),
                fault(None, status=500),
            ),
            (Scenario("http-429", "429, reset in 5 s, for the first 50 posts"), fault(50, status=429, reset_in=5)),
            (Scenario("http-401-refresh", "every access token expires before the burst"), expire_tokens),
            (
                Scenario("drop-after-accept", "50 posts recorded, then the connection dropped"),
                fault(50, drop_after_accept=True),
            ),
        ]
        for scenario, act in plan:
            if args.only and scenario.name not in args.only:
                continue
            if scenario.name == "redis-restart" and not stack.embedded_redis:
                print(f"\n{scenario.name}: skipped (REDIS_URL is set; only the embedded Redis is restarted)")
                continue
            print(f"\n{scenario.name}: {scenario.describe}", flush=True)
            started = time.monotonic()
            notes.clear()
            report, problems = run_scenario(stack, seed, scenario, count=scenario.targets or args.targets, act=act)
            verdict = "OK" if not problems else "; ".join(problems)
            for note in notes:
                print(f"  note: {note}; started again, as a supervisor would")
            print(
                f"  {dict(report.states)} {dict(report.reasons) or ''} in {time.monotonic() - started:.0f} s: {verdict}"
            )
            rows.append((scenario.name, report, verdict + "".join(f" (note: {n})" for n in notes)))

    print("\n| scenario | targets | published | failed | needs attention | duplicates | missing | verdict |")
    print("|---|---|---|---|---|---|---|---|")
    for name, report, verdict in rows:
        print(
            f"| {name} | {report.total} | {report.published} | {report.states['failed']} | "
            f"{report.states['needs_attention']} | {report.duplicates} | {report.missing} | {verdict} |"
        )
    return 0 if all(verdict.startswith("OK") for _, _, verdict in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
