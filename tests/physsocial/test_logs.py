"""What `make run` prints: one clock (UTC) on every line, and no chatter from the idle dispatcher."""

import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

UTC_STAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.\d{3}Z ")


def run_briefly(command: list[str], *, seconds: float, env: dict[str, str]) -> str:
    """Run ``command`` for ``seconds``, stop it as `make run` does, and return what it printed."""
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **env},
        start_new_session=True,
    )
    time.sleep(seconds)
    proc.terminate()
    output, _ = proc.communicate(timeout=20)
    return output


@pytest.fixture
def beat_output(tmp_path):
    def run(level: str) -> str:
        # A local zone on the machine: the lines must still be in UTC.
        env = {"TZ": "America/Toronto", "DISPATCH_INTERVAL_S": "0.5", "LOG_FORMAT": "text"}
        command = [sys.executable, "-m", "celery", "-A", "physsocial", "beat", "-l", level]
        return run_briefly([*command, "-s", str(tmp_path / "schedule")], seconds=4, env=env)

    return run


def test_beat_logs_in_utc_with_a_z_and_keeps_the_dispatch_tick_off_info(beat_output):
    output = beat_output("info")

    stamped = [UTC_STAMP.match(line) for line in output.splitlines() if " INFO " in line]
    assert stamped and all(stamped), output
    logged_at = datetime.fromisoformat(stamped[0][1]).replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - logged_at).total_seconds()) < 60
    assert "dispatch_due" not in output


def test_the_dispatch_tick_shows_at_debug_level(beat_output):
    output = beat_output("debug")

    assert re.search(r"DEBUG celery.beat Scheduler: Sending due task .*scheduler.tasks.dispatch_due", output), output
