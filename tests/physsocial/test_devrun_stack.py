"""`make run`'s process manager (physsocial.devrun stack): Ctrl-C stops the app first, quietly."""

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

# A stand-in for a process of the stack: says it is ready, and on SIGTERM takes a moment to
# stop (as a Celery worker's warm shutdown does) before saying so.
FAKE_PROCESS = """
import signal, sys, time
def stop(*_):
    time.sleep({linger})
    print("{name} stopped", flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
print("{name} ready", flush=True)
while True:
    time.sleep(0.05)
"""


def write_procfile(tmp_path: Path, processes: dict[str, float]) -> Path:
    lines = []
    for name, linger in processes.items():
        script = tmp_path / f"{name}.py"
        script.write_text(FAKE_PROCESS.format(name=name, linger=linger))
        lines.append(f"{name}: {sys.executable} {script}")
    procfile = tmp_path / "Procfile"
    procfile.write_text("\n".join(lines) + "\n")
    return procfile


def start_stack(procfile: Path) -> tuple[subprocess.Popen, queue.Queue]:
    # A process group of its own, like `make run` in a terminal, which Ctrl-C signals as a whole.
    stack = subprocess.Popen(
        [sys.executable, "-m", "physsocial.devrun", "stack", str(procfile)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in stack.stdout], daemon=True).start()
    return stack, lines


def read_until(lines: queue.Queue, wanted: set[str], seen: list[str], *, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not all(any(w in line for line in seen) for w in wanted):
        seen.append(lines.get(timeout=max(0.1, deadline - time.monotonic())))


def test_ctrl_c_stops_the_app_before_redis_and_the_simulator_and_ends_quietly(tmp_path):
    procfile = write_procfile(tmp_path, {"simulator": 0, "redis": 0, "worker": 0.5, "web": 0})
    stack, lines = start_stack(procfile)
    seen: list[str] = []
    read_until(lines, {"simulator ready", "redis ready", "worker ready", "web ready"}, seen)

    os.killpg(stack.pid, signal.SIGINT)
    assert stack.wait(timeout=20) == 0
    read_until(lines, {"simulator stopped", "redis stopped"}, seen)

    order = [line.split("| ", 1)[1].strip() for line in seen if line.split("| ", 1)[-1].strip().endswith("stopped")]
    assert set(order[:2]) == {"worker stopped", "web stopped"}
    assert set(order[2:]) == {"redis stopped", "simulator stopped"}
    assert "Traceback" not in "".join(seen)


def test_every_line_carries_the_time_in_utc_and_the_process_name(tmp_path):
    stack, lines = start_stack(write_procfile(tmp_path, {"web": 0}))
    seen: list[str] = []
    read_until(lines, {"web ready"}, seen)
    os.killpg(stack.pid, signal.SIGINT)
    stack.wait(timeout=20)

    clock, name, _ = next(line for line in seen if "web ready" in line).split(maxsplit=2)
    assert name == "web"
    printed = datetime.strptime(clock, "%H:%M:%S")
    now = datetime.now(UTC)
    seconds_apart = (now.hour - printed.hour) * 3600 + (now.minute - printed.minute) * 60 + now.second - printed.second
    assert min(seconds_apart % 86400, -seconds_apart % 86400) < 60


def test_a_process_that_exits_on_its_own_stops_the_stack_with_its_code(tmp_path):
    procfile = write_procfile(tmp_path, {"redis": 0})
    procfile.write_text(procfile.read_text() + f"web: {sys.executable} -c 'import sys; sys.exit(3)'\n")
    stack, lines = start_stack(procfile)
    assert stack.wait(timeout=20) == 3
