"""What bench/publish.py and bench/chaos.py share: the processes, a fresh database, the seed, the record.

:class:`Stack` starts the platform simulator, Redis (the embedded redis-server
unless ``REDIS_URL`` is set), a throwaway database (a new PostgreSQL database
next to the one ``DATABASE_URL`` names, else a SQLite file), and real
``celery worker`` (thread pool) and ``celery beat`` processes with the
project's settings (``bench.settings`` only turns the knobs it documents).
Every process it starts is stopped, and the throwaway database dropped, when
the ``with`` block ends: normally, on an exception, on Ctrl-C or on SIGTERM.

Each target's post text carries the run's name and the target's number
("Bench <run> post <n>: ..."), so the simulator's record (``GET /_sim/posts``)
can be matched back to the targets: that record, not our database, proves
what went out and when.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# Before anything imports the physsocial package: its __init__ loads physsocial.settings
# (reading the environment once) unless another settings module is named.
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Throwaway secrets for a throwaway database, fixed so worker, beat and the bench share them.
BENCH_SECRET_KEY = "bench-only-" + "x" * 60
BENCH_FERNET_KEY = "YmVuY2gtb25seS1mZXJuZXQta2V5LTMyLWJ5dGVzISE="
TERMINAL = ("published", "failed", "needs_attention", "cancelled")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, *, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


class Interrupted(Exception):
    """SIGTERM (or SIGINT) arrived: unwind so the processes are stopped."""


def _raise_interrupted(signum, frame) -> None:
    raise Interrupted(signal.Signals(signum).name)


@dataclass
class StackConfig:
    latency_ms: float = 100.0
    concurrency: int = 16  # threads per worker process
    workers: int = 1  # worker processes
    dispatch_interval_s: float = 2.0
    label: str = "bench"
    env: dict[str, str] = field(default_factory=dict)  # extra environment for the worker and beat
    keep: bool = False  # keep the work directory (logs) after the run


class Stack:
    """The simulator, Redis, a fresh database, a worker and beat. Use as a context manager."""

    def __init__(self, config: StackConfig):
        self.config = config
        self.workdir = Path(tempfile.mkdtemp(prefix=f"physsocial-{config.label}-"))
        self.procs: dict[str, subprocess.Popen] = {}
        self.sim_port = free_port()
        self.sim_url = f"http://127.0.0.1:{self.sim_port}"
        self.redis_url = os.environ.get("REDIS_URL", "")
        self.embedded_redis = not self.redis_url
        self.redis_port = free_port() if self.embedded_redis else 0
        self.admin_db_url = ""
        self.db_name = ""
        self.database_url = ""
        self.worker_starts = 0
        self._old_handlers: dict[int, object] = {}

    # --- lifecycle --------------------------------------------------------------------------
    def __enter__(self) -> Stack:
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._old_handlers[signum] = signal.signal(signum, _raise_interrupted)
        try:
            self.start_simulator()
            if self.embedded_redis:
                self.start_redis()
                self.redis_url = f"redis://127.0.0.1:{self.redis_port}/0"
            self.create_database()
            self.setup_django()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for name in list(self.procs):
            self.stop(name)
        if self.db_name:
            self._drop_database()
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)
        if self.config.keep:
            print(f"logs kept in {self.workdir}")
        else:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def _spawn(self, name: str, command: list[str], *, env: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        # Its own session: a Ctrl-C in the terminal reaches only us, and we stop it in order.
        proc = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        self.procs[name] = proc
        return proc

    def stop(self, name: str, *, sig: int = signal.SIGTERM, wait_s: float = 10.0) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)

    # --- the simulator and Redis ------------------------------------------------------------------
    def start_simulator(self) -> None:
        command = [PYTHON, "-m", "simulator", "--port", str(self.sim_port), "--latency-ms", str(self.config.latency_ms)]
        self._spawn("simulator", command)
        if not wait_for_port(self.sim_port):
            raise RuntimeError(f"the simulator did not start; see {self.workdir / 'simulator.log'}")

    def start_redis(self) -> None:
        from physsocial.devrun import redis_server_binary

        command = [redis_server_binary(), "--port", str(self.redis_port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.workdir)]
        self._spawn("redis", command)
        if not wait_for_port(self.redis_port):
            raise RuntimeError("the embedded redis-server did not start")

    def restart_redis(self, *, down_s: float = 2.0) -> None:
        """Stop Redis hard (everything queued in it is lost), wait, start it again on the same port."""
        self.stop("redis", sig=signal.SIGKILL)
        time.sleep(down_s)
        self.start_redis()

    def sim(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.sim_url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.loads(answer.read() or b"null")

    # --- the database -----------------------------------------------------------------------------
    def create_database(self) -> None:
        given = os.environ.get("DATABASE_URL", "")
        if given.startswith(("postgres://", "postgresql://")):
            parts = urlsplit(given)
            self.db_name = f"{parts.path.lstrip('/') or 'postgres'}_{self.config.label}_{os.getpid()}"
            self.admin_db_url = given
            self.database_url = urlunsplit(parts._replace(path=f"/{self.db_name}"))
            self._admin_sql(f'CREATE DATABASE "{self.db_name}"')
        else:
            if given:
                print(f"DATABASE_URL is not PostgreSQL; using a throwaway SQLite file instead of {given!r}")
            self.database_url = f"sqlite:///{self.workdir / 'bench.sqlite3'}"

    @property
    def is_postgres(self) -> bool:
        return bool(self.db_name)

    def _admin_sql(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_db_url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
            conn.execute(sql)

    def _drop_database(self) -> None:
        from django.db import connections

        connections.close_all()
        try:
            self._admin_sql(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
        except Exception as error:  # the run's figures matter more than a leftover database
            print(f"could not drop {self.db_name}: {error}")
        self.db_name = ""

    # --- Django, worker and beat ------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        sim = self.sim_url
        values = {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PYTHONUNBUFFERED": "1",
            # Production settings: DEBUG would keep every SQL query in memory and slow each one down.
            "DJANGO_DEBUG": "false",
            "SECRET_KEY": BENCH_SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PUBLIC_BASE_URL": "http://127.0.0.1:8000",
            "SECURE_SSL_REDIRECT": "false",
            "TOKEN_ENCRYPTION_KEYS": BENCH_FERNET_KEY,
            "LOG_FORMAT": "text",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
            "PLATFORM_TIMEOUT_S": os.environ.get("PLATFORM_TIMEOUT_S", "10"),
            "DISPATCH_INTERVAL_S": str(self.config.dispatch_interval_s),
            "TWITTER_API_URL": f"{sim}/twitter",
            "TWITTER_AUTHORIZE_URL": f"{sim}/twitter/i/oauth2/authorize",
            "TWITTER_CLIENT_ID": "sandbox-twitter-client",
            "TWITTER_CLIENT_SECRET": "sandbox-twitter-secret",
            "LINKEDIN_API_URL": f"{sim}/linkedin",
            "LINKEDIN_WWW_URL": f"{sim}/linkedin",
            "LINKEDIN_CLIENT_ID": "sandbox-linkedin-client",
            "LINKEDIN_CLIENT_SECRET": "sandbox-linkedin-secret",
            **self.config.env,
        }
        return {**os.environ, **values}

    def setup_django(self) -> None:
        import django
        from django.core.management import call_command

        os.environ.update(self.env())
        django.setup()
        call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)

    def start_worker(self, *, wait_s: float = 30.0) -> None:
        """``config.workers`` worker processes, each a thread pool of ``config.concurrency``."""
        for number in range(1, self.config.workers + 1):
            self.worker_starts += 1
            name = f"worker{number}"
            command = [PYTHON, "-m", "celery", "-A", "physsocial", "worker", "--pool", "threads"]
            command += ["-c", str(self.config.concurrency), "-l", "info", "-n", f"bench{self.worker_starts}@%h"]
            command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]  # as make run
            self._spawn(name, command, env=self.env())
            self._wait_for_worker(name, f"bench{self.worker_starts}@", wait_s)

    def _wait_for_worker(self, name: str, node: str, wait_s: float) -> None:
        deadline = time.monotonic() + wait_s
        log = self.workdir / f"{name}.log"
        while time.monotonic() < deadline:
            if self.procs[name].poll() is not None:
                raise RuntimeError(f"the worker exited; see {log}:\n{log.read_text()[-2000:]}")
            text = log.read_text() if log.exists() else ""
            if node in text and "ready." in text[text.rindex(node) :]:
                return
            time.sleep(0.2)
        raise RuntimeError(f"the worker was not ready within {wait_s} s; see {log}")

    @property
    def worker_pids(self) -> list[int]:
        return [proc.pid for name, proc in self.procs.items() if name.startswith("worker")]

    def restart_exited_workers(self) -> list[str]:
        """Start again every worker process that exited, as docker compose's ``restart: unless-stopped``
        would; returns the last line each one logged before it went."""
        notes = []
        for name, proc in list(self.procs.items()):
            if name.startswith("worker") and proc.poll() is not None:
                lines = (self.workdir / f"{name}.log").read_text().splitlines()
                last = next((line for line in reversed(lines) if "CRITICAL" in line), lines[-1] if lines else "")
                notes.append(f"{name} exited ({last.split('] ', 1)[-1][:120]})")
                del self.procs[name]
        if notes:
            self.start_worker()
        return notes

    def kill_worker(self) -> None:
        """kill -9 every worker process: no shutdown, no acknowledgement, whatever was in flight stays so."""
        for name in [name for name in self.procs if name.startswith("worker")]:
            self.stop(name, sig=signal.SIGKILL)

    def start_beat(self) -> None:
        command = [PYTHON, "-m", "celery", "-A", "physsocial", "beat", "-l", "info"]
        command += ["-s", str(self.workdir / "celerybeat-schedule"), "--pidfile", str(self.workdir / "beat.pid")]
        self._spawn("beat", command, env=self.env())

    def purge_queue(self) -> None:
        from physsocial.celery import app

        app.control.purge()


# --- seeding ---------------------------------------------------------------------------------------


@dataclass
class Seed:
    organization: object
    author: object
    accounts: list  # ConnectedAccount
    sim_accounts: list[dict]  # the simulator's answer: id, username, tokens


def seed_accounts(stack: Stack, count: int, *, prefix: str = "bench") -> Seed:
    """An organization, an author and ``count`` X accounts connected through the real service."""
    from accounts import connections
    from accounts.models import Membership, Organization, Role, User

    author = User.objects.create_user(email=f"{prefix}-author@example.org", password=None, display_name="Dr. Bench")
    organization = Organization.objects.create(name=f"{prefix} clinic", slug=f"{prefix}-clinic", time_zone="UTC")
    Membership.objects.create(organization=organization, user=author, role=Role.OWNER)
    latency_s = stack.config.latency_ms / 1000
    stack.sim("POST", "/_sim/latency", {"latency_s": 0})  # seeding is not what we measure
    try:
        sim_accounts = stack.sim("POST", "/_sim/accounts", {"network": "twitter", "count": count})
        accounts = [
            connections.connect_with_tokens(
                organization=organization,
                network="twitter",
                access_token=user["access_token"],
                refresh_token=user["refresh_token"],
                by=author,
            )
            for user in sim_accounts
        ]
    finally:
        stack.sim("POST", "/_sim/latency", {"latency_s": latency_s})
    return Seed(organization, author, accounts, sim_accounts)


def post_text(run: str, number: int) -> str:
    return f"Bench {run} post {number}: flu shots at the clinic this Saturday, 9 to 12."


TEXT = re.compile(r"^Bench (\S+) post (\d+):")


def schedule_targets(
    seed: Seed,
    run: str,
    times: list[datetime] | Callable[[], list[datetime]],
    *,
    count: int | None = None,
    accounts: list | None = None,
    checked: bool = True,
) -> dict[int, int]:
    """One post and one scheduled target per time, round-robin over the accounts; {number: target id}.

    ``checked``: each target keeps the fingerprint of its texts that scheduling through the app
    keeps (``posts.services.scanned_clean_digest``), as every post scheduled in the composer or
    the API has, so the engine checks them as it checks those (about 2 ms a target, more under
    load). ``times`` may be a function (then give ``count``), asked once that work is done, so a
    burst's moment is not eaten by it. Off for benches that measure something else."""
    from posts.models import Post, PostTarget, TargetState
    from posts.services import scanned_clean_digest

    accounts = accounts or seed.accounts
    count = len(times) if count is None else count
    posts = Post.objects.bulk_create(
        [Post(organization=seed.organization, author=seed.author, text=post_text(run, n)) for n in range(count)],
        batch_size=1000,
    )
    targets = [
        PostTarget(post=post, account=accounts[n % len(accounts)], state=TargetState.SCHEDULED)
        for n, post in enumerate(posts)
    ]
    for target in targets if checked else ():
        target.texts_scanned_clean = scanned_clean_digest(target)
    for target, at in zip(targets, times() if callable(times) else times, strict=True):
        target.scheduled_at = target.due_at = at
    targets = PostTarget.objects.bulk_create(targets, batch_size=1000)
    return {n: target.pk for n, target in enumerate(targets)}


# --- waiting and the record ------------------------------------------------------------------------


def wait_until_settled(target_ids: list[int], *, timeout_s: float, progress_s: float = 5.0) -> bool:
    """Poll until every target has left scheduled/publishing; False on timeout."""
    from django.db import close_old_connections

    from posts.models import PostTarget

    deadline = time.monotonic() + timeout_s
    next_progress = time.monotonic() + progress_s
    while time.monotonic() < deadline:
        close_old_connections()
        # An id range, not a list of 2,000 ids: bulk-created targets are consecutive, and polling must stay cheap.
        rows = PostTarget.objects.filter(pk__gte=min(target_ids), pk__lte=max(target_ids))
        states = Counter(rows.values_list("state", flat=True))
        if sum(states[s] for s in TERMINAL) == len(target_ids):
            return True
        if time.monotonic() >= next_progress:
            print("   ", dict(sorted(states.items())), flush=True)
            next_progress += progress_s
        time.sleep(0.5)
    return False


@dataclass
class Report:
    """What went out (the simulator's record) against what we scheduled (the database)."""

    total: int
    states: Counter
    reasons: Counter  # failure_reason of failed and needs_attention targets
    lags_s: list[float]  # first receipt minus scheduled time, per target received
    duplicates: int  # receipts beyond the first, over all targets
    missing: int  # published in our database but never received, or never settled
    unsettled: int  # still scheduled/publishing at the end
    received_not_published: int  # received by the network while our database says failed
    first_received: datetime | None
    last_received: datetime | None
    earliest_due: datetime | None

    @property
    def published(self) -> int:
        return self.states["published"]

    def throughput(self) -> float:
        """Posts received per second, from the first due time to the last receipt."""
        if not self.lags_s or self.last_received is None or self.earliest_due is None:
            return 0.0
        span = (self.last_received - min(self.first_received, self.earliest_due)).total_seconds()
        return len(self.lags_s) / span if span > 0 else float("inf")


def collect(stack: Stack, run: str, numbers_to_targets: dict[int, int]) -> Report:
    from posts.models import PostTarget

    received: dict[int, list[datetime]] = defaultdict(list)
    for post in stack.sim("GET", "/_sim/posts?network=twitter"):
        match = TEXT.match(post["text"])
        if match and match[1] == run:
            received[int(match[2])].append(datetime.fromisoformat(post["received_at"]))
    rows = {
        pk: (state, reason, scheduled_at)
        for pk, state, reason, scheduled_at in PostTarget.objects.filter(
            pk__in=numbers_to_targets.values()
        ).values_list("pk", "state", "failure_reason", "scheduled_at")
    }
    states: Counter = Counter()
    reasons: Counter = Counter()
    lags, duplicates, missing, unsettled, wrong = [], 0, 0, 0, 0
    for number, pk in numbers_to_targets.items():
        state, reason, scheduled_at = rows[pk]
        states[state] += 1
        times = sorted(received.get(number, []))
        if reason:
            reasons[f"{state}:{reason}"] += 1
        if times:
            lags.append((times[0] - scheduled_at).total_seconds())
            duplicates += len(times) - 1
        if state not in TERMINAL:
            unsettled += 1
            missing += 1
        elif state == "published" and not times:
            missing += 1
        elif state == "failed" and times:
            wrong += 1
    all_times = [t for times in received.values() for t in times]
    dues = [row[2] for row in rows.values()]
    return Report(
        total=len(numbers_to_targets),
        states=states,
        reasons=reasons,
        lags_s=lags,
        duplicates=duplicates,
        missing=missing,
        unsettled=unsettled,
        received_not_published=wrong,
        first_received=min(all_times) if all_times else None,
        last_received=max(all_times) if all_times else None,
        earliest_due=min(dues) if dues else None,
    )


def now_utc() -> datetime:
    return datetime.now(UTC)


def seconds_from_now(seconds: float) -> datetime:
    return now_utc() + timedelta(seconds=seconds)


def machine_description() -> str:
    import platform

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu or platform.processor() or 'unknown'}), Python {platform.python_version()}"


def query_floor_ms(organization, *, repeats: int = 200) -> float:
    """The floor of the page and import benches: one trivial query through the ORM, median of
    ``repeats``, in milliseconds. Measured in the same run, before and after, so a time can be
    printed as a ratio to it, which moves far less than the time with the machine's speed."""
    from accounts.models import Organization

    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        Organization.objects.filter(pk=organization.pk).exists()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def database_description() -> str:
    """ "PostgreSQL 15.x", or a warning that SQLite's figures do not stand for production's."""
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor != "postgresql":
        return "SQLite (NOT representative)"
    return f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 10000}"
