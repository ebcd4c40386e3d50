"""The profiling loop: one publish after another, in this process, at 0 ms simulated latency.

    DATABASE_URL=postgres://... .venv/bin/python bench/profile_publish.py [--count 600] [--profile FILE]
        [--top 30]

Not a bench of the workers (bench/publish.py is): no Celery, no threads, so what it measures is the
publish itself (the claim, the re-check before sending, the budget, the request, the statements),
as ``scheduler.services.publish_target`` runs it. Targets are scheduled through ``schedule_targets``
as in bench/publish.py. Prints the median CPU per publish (``time.process_time``, blocks of 50), the same run's floor
(bench/publish.py's: one bare HTTP POST + one UPDATE) and the ratio of the two, and,
with ``--profile``, writes a cProfile (CPU time) of the loop and prints its top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Stack, StackConfig, now_utc, schedule_targets, seed_accounts  # noqa: E402
from bench.publish import measure_floor  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--profile", default="", help="write a cProfile of the loop to this file")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--ab", action="store_true", help="alternate targets with and without the fingerprint")
    parser.add_argument(
        "--unchecked", action="store_true", help="targets without the fingerprint scheduling keeps (a full re-scan)"
    )
    args = parser.parse_args(argv)

    with Stack(StackConfig(latency_ms=0, label="profile")) as stack:
        seed = seed_accounts(stack, args.accounts)
        from scheduler.services import publish_target

        due = now_utc() - timedelta(seconds=1)
        checked = not args.unchecked
        warm = list(schedule_targets(seed, f"warm{os.getpid()}", [due] * 50, checked=checked).values())
        for target_id in warm:  # connections, caches, twitter-text's expressions
            publish_target(target_id)
        # Named as bench/publish.py names its runs: the texts' digits are the privacy scan's work too.
        targets = list(schedule_targets(seed, f"burst{os.getpid()}", [due] * args.count, checked=checked).values())
        # Timed by CPU, not the wall: waits for the database and the simulator are not our CPU.
        if args.ab:
            return ab(seed, count=args.count, due=due)
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        blocks = []
        for first in range(0, len(targets), 50):
            begun = time.process_time()
            if profiler:
                profiler.enable()
            for target_id in targets[first : first + 50]:
                publish_target(target_id)
            if profiler:
                profiler.disable()
            blocks.append((time.process_time() - begun) / len(targets[first : first + 50]) * 1000)
        from posts.models import PostTarget

        published = PostTarget.objects.filter(pk__in=targets, state="published").count()
        median = statistics.median(blocks)
        print(
            f"{published}/{len(targets)} published; CPU per publish median {median:.2f} ms "
            f"(blocks of 50: {', '.join(f'{ms:.2f}' for ms in blocks)})"
        )
        floor = measure_floor(stack, seed)
        print(
            f"floor {floor.ms:.2f} ms (one bare POST + one UPDATE, as bench/publish.py measures it): "
            f"a publish costs {floor.ratio(median):.2f} x the floor in-process (load average {os.getloadavg()[0]:.1f})"
        )
        if profiler:
            profiler.dump_stats(args.profile)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
    return 0


def ab(seed, *, count: int, due) -> int:
    """Targets with the fingerprint scheduling keeps and without it, published alternately one by
    one, so the machine's load weighs on both alike; the median CPU of each."""
    from scheduler.services import publish_target

    with_it = list(schedule_targets(seed, f"burst{os.getpid()}a", [due] * count).values())
    without = list(schedule_targets(seed, f"burst{os.getpid()}b", [due] * count, checked=False).values())
    cpu: dict[str, list[float]] = {"with the fingerprint": [], "without (full re-scan)": []}
    for pair in zip(with_it, without, strict=True):
        for times, target_id in zip(cpu.values(), pair, strict=True):
            begun = time.process_time()
            publish_target(target_id)
            times.append((time.process_time() - begun) * 1000)
    for label, times in cpu.items():
        print(
            f"{label}: median {statistics.median(times):.2f} ms, mean {statistics.fmean(times):.2f} ms ({len(times)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
