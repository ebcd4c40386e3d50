"""The profiling loop: one publish after another, in this process, at 0 ms simulated latency.

    DATABASE_URL=postgres://... .venv/bin/python bench/profile_publish.py [--count 600] [--batch 10]
        [--profile FILE] [--top 30] [--ab OTHER_TREE]

Not a bench of the workers (bench/publish.py is): no Celery, no threads, so what it measures is the
publish itself (the claim, the re-check before sending, the budget, the request, the statements),
as ``scheduler.services.publish_target`` runs it. Targets are scheduled through ``schedule_targets``
as in bench/publish.py. Prints the median CPU per publish (``time.process_time``, blocks of 50), the same run's floor
(bench/publish.py's: one bare HTTP POST + one UPDATE) and the ratio of the two, and,
with ``--profile``, writes a cProfile (CPU time) of the loop and prints its top functions by cumulative time.

``--batch N`` publishes N targets at a time through ``services.publish_targets``, as a burst's
batched messages do (the workers take up to ``DISPATCH_BATCH_MAX``, 10, per message); 0 (the
default) one at a time through ``publish_target``.

``--ab OTHER_TREE`` runs this loop twice, in two processes: one on this tree's code, one on the code
of another checkout (its apps and ``bench`` package; e.g. main's worktree), each with its own
database, simulator and Redis, and has them publish blocks of 20 in turn, so the machine's load
weighs on both alike; then prints the median CPU per publish of each and their difference.
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

# The code measured: this tree's, or another checkout's (set by --ab for its second process).
sys.path.insert(0, os.environ.get("PROFILE_PUBLISH_CODE") or str(Path(__file__).resolve().parent.parent))

from bench.common import Stack, StackConfig, now_utc, schedule_targets, seed_accounts  # noqa: E402
from bench.publish import measure_floor  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--profile", default="", help="write a cProfile of the loop to this file")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--batch", type=int, default=0, help="publish N targets per publish_targets call")
    parser.add_argument("--ab", default="", metavar="OTHER_TREE", help="interleave with another checkout's code")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)  # one side of --ab
    parser.add_argument(
        "--ab-fingerprint", action="store_true", help="alternate targets with and without the fingerprint"
    )
    parser.add_argument(
        "--unchecked", action="store_true", help="targets without the fingerprint scheduling keeps (a full re-scan)"
    )
    args = parser.parse_args(argv)
    if args.ab:
        return ab_trees(args)

    with Stack(StackConfig(latency_ms=0, label="profile")) as stack:
        seed = seed_accounts(stack, args.accounts)
        from scheduler.services import publish_target, publish_targets

        due = now_utc() - timedelta(seconds=1)
        checked = not args.unchecked
        warm = list(schedule_targets(seed, f"warm{os.getpid()}", [due] * 50, checked=checked).values())
        for target_id in warm:  # connections, caches, twitter-text's expressions
            publish_target(target_id)
        # Named as bench/publish.py names its runs: the texts' digits are the privacy scan's work too.
        targets = list(schedule_targets(seed, f"burst{os.getpid()}", [due] * args.count, checked=checked).values())
        # Timed by CPU, not the wall: waits for the database and the simulator are not our CPU.
        if args.ab_fingerprint:
            return ab(seed, count=args.count, due=due)
        if args.serve:
            return serve(targets, batch=args.batch)
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        blocks = []
        for first in range(0, len(targets), 50):
            begun = time.process_time()
            if profiler:
                profiler.enable()
            block = targets[first : first + 50]
            for start in range(0, len(block), args.batch or 1):
                if args.batch:
                    publish_targets(block[start : start + args.batch])
                else:
                    publish_target(block[start])
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


def serve(targets: list[int], *, batch: int) -> int:
    """One side of --ab: publish the next ``n`` targets each time a line "n" arrives on stdin, and
    answer with their CPU per publish (ms); stop at end of input."""
    import scheduler
    from scheduler.services import publish_target, publish_targets

    print(f"code from {Path(scheduler.__file__).resolve().parent.parent}", flush=True)
    print("ready", flush=True)
    position = 0
    for line in sys.stdin:
        block = targets[position : position + int(line)]
        position += len(block)
        begun = time.process_time()
        for start in range(0, len(block), batch or 1):
            if batch:
                publish_targets(block[start : start + batch])
            else:
                publish_target(block[start])
        print(f"cpu {(time.process_time() - begun) / max(1, len(block)) * 1000:.4f}", flush=True)
    from posts.models import PostTarget

    published = PostTarget.objects.filter(pk__in=targets[:position], state="published").count()
    print(f"{published}/{position} published", flush=True)
    return 0


def ab_trees(args: argparse.Namespace, *, block: int = 20) -> int:
    """This tree's code against another checkout's, in two processes taking turns block by block."""
    import subprocess

    command = [sys.executable, str(Path(__file__).resolve()), "--serve", "--count", str(args.count)]
    command += ["--accounts", str(args.accounts), "--batch", str(args.batch)]
    command += ["--unchecked"] if args.unchecked else []
    sides = {"this tree": Path(__file__).resolve().parent.parent, f"other ({args.ab})": Path(args.ab).resolve()}
    procs = {}
    for label, code in sides.items():
        env = {**os.environ, "PROFILE_PUBLISH_CODE": str(code)}
        # Run from the tree measured: Celery's Django fix-up puts the working directory first on sys.path.
        procs[label] = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=code
        )
    try:
        for label, proc in procs.items():
            while (line := proc.stdout.readline()) and line.strip() != "ready":
                print(f"[{label}] {line.rstrip()}")
            if not line:
                raise RuntimeError(f"{label}: the loop did not start")
        cpu: dict[str, list[float]] = {label: [] for label in procs}
        for _ in range(args.count // block):
            for label, proc in procs.items():
                proc.stdin.write(f"{block}\n")
                proc.stdin.flush()
                while not (line := proc.stdout.readline()).startswith("cpu "):
                    if not line:
                        raise RuntimeError(f"{label}: the loop stopped")
                    print(f"[{label}] {line.rstrip()}")
                cpu[label].append(float(line.split()[1]))
    finally:
        for label, proc in procs.items():
            proc.stdin.close()
            for line in proc.stdout:
                print(f"[{label}] {line.rstrip()}")
            proc.wait(timeout=120)
    medians = {label: statistics.median(times) for label, times in cpu.items()}
    for label, times in cpu.items():
        print(f"{label}: median {medians[label]:.3f} ms CPU per publish ({len(times)} blocks of {block})")
    mine, other = medians.values()
    wins = sum(a < b for a, b in zip(*cpu.values(), strict=True))
    print(
        f"this tree {mine - other:+.3f} ms ({(mine / other - 1) * 100:+.1f} %) against the other; "
        f"lower in {wins} of {len(cpu['this tree'])} pairs of blocks; batch {args.batch or 'off'}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
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
