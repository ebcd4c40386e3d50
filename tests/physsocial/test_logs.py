"""What `make run` prints: one clock (UTC) on every line, and no chatter from the idle dispatcher."""

import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

UTC_STAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.\d{3}Z ")


def run_until(command: list[str], *, seen: str, then_s: float, env: dict[str, str], tmp_path) -> str:
    """Run ``command`` until it prints a line matching ``seen`` (or 60 s pass), ``then_s`` more
    seconds, stop it as `make run` does, and return what it printed. Waiting for a line rather than
    a fixed time: on a busy machine beat takes several seconds just to start."""
    log = tmp_path / "output.log"
    with log.open("w") as sink:
        proc = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, text=True, env={**os.environ, **env}, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not re.search(seen, log.read_text()):
            time.sleep(0.1)
        time.sleep(then_s)
        proc.terminate()
        proc.wait(timeout=20)
    return log.read_text()


@pytest.fixture
def beat_output(tmp_path):
    def run(level: str, *, seen: str, then_s: float = 0) -> str:
        # A local zone on the machine: the lines must still be in UTC.
        env = {"TZ": "America/Toronto", "DISPATCH_INTERVAL_S": "0.5", "LOG_FORMAT": "text"}
        command = [sys.executable, "-m", "celery", "-A", "physsocial", "beat", "-l", level]
        command += ["-s", str(tmp_path / "schedule")]
        return run_until(command, seen=seen, then_s=then_s, env=env, tmp_path=tmp_path)

    return run


def test_beat_logs_in_utc_with_a_z_and_keeps_the_dispatch_tick_off_info(beat_output):
    # Started, then long enough for several 0.5 s ticks, none of which may show at INFO.
    output = beat_output("info", seen=r"beat: Starting", then_s=2)

    stamped = [UTC_STAMP.match(line) for line in output.splitlines() if " INFO " in line]
    assert stamped and all(stamped), output
    logged_at = datetime.fromisoformat(stamped[0][1]).replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - logged_at).total_seconds()) < 60
    assert "dispatch_due" not in output


def test_the_dispatch_tick_shows_at_debug_level(beat_output):
    output = beat_output("debug", seen=r"Sending due task .*dispatch_due")

    assert re.search(r"DEBUG celery.beat Scheduler: Sending due task .*scheduler.tasks.dispatch_due", output), output
