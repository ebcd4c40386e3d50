"""Fixtures every test can use: the platform simulator and adapter configs.

Adapters run for real over HTTP against the simulator; nothing of ours is
mocked. Per-area fixtures live in tests/<area>/conftest.py.
"""

import dataclasses

import pytest
from cryptography.fernet import Fernet

from platforms import NETWORKS
from platforms.base import NetworkConfig
from simulator.core import SimulatorServer, build_simulator

pytest_plugins = ["tests.fixtures", "tests.ci_rules", "pytester"]


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request in French (a user's choice, Accept-Language) leaves French active in this thread,
    as it would in a web server's thread until its next request; the next test starts in English."""
    yield
    from django.utils import translation

    translation.deactivate()


def pytest_sessionstart(session):
    """The translations, as ``make test`` compiles them, for a bare ``pytest`` run too."""
    from physsocial.i18n import compile_catalogues

    compile_catalogues()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """SQLite: a file, as in development, never the shared-cache memory database, which refuses a
    second writer at once instead of waiting for the lock. So the engine's chaos and concurrency
    tests (real worker threads) run on a plain `make test` too, not only on PostgreSQL."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    # Worker and live-server threads would keep their connections open (CONN_MAX_AGE), and an open
    # connection stops the test database from being dropped at the end.
    database["CONN_MAX_AGE"] = 0
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "physsocial-test.sqlite3")


# The simulator's registered apps (see simulator/core.py SANDBOX_CLIENTS).
SIM_PREFIX = {"twitter": "twitter", "facebook": "facebook", "instagram": "facebook", "linkedin": "linkedin"}


@pytest.fixture(scope="session")
def simulator_server():
    server = SimulatorServer(build_simulator(), "127.0.0.1", 0)
    server.start_in_thread()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def simulator(simulator_server):
    """The running simulator, with posts, faults and recorded requests forgotten."""
    sim = simulator_server.simulator
    sim.reset()
    sim.latency_s = 0.0
    yield sim
    sim.reset()


def simulator_config(base_url: str, network: str, **overrides) -> NetworkConfig:
    """The NetworkConfig make run uses for a network, pointed at a simulator."""
    from simulator.core import SANDBOX_CLIENTS

    app = "google" if network == "youtube" else SIM_PREFIX[network]
    client_id, client_secret = SANDBOX_CLIENTS[app]
    values = {
        "twitter": {"api_url": f"{base_url}/twitter", "authorize_url": f"{base_url}/twitter/i/oauth2/authorize"},
        "facebook": {"api_url": f"{base_url}/facebook", "www_url": f"{base_url}/facebook", "version": "v24.0"},
        "instagram": {"api_url": f"{base_url}/facebook", "www_url": f"{base_url}/facebook", "version": "v24.0"},
        "linkedin": {"api_url": f"{base_url}/linkedin", "www_url": f"{base_url}/linkedin", "version": "202611"},
        "youtube": {
            "api_url": f"{base_url}/google",
            "oauth_url": f"{base_url}/google",
            "token_url": f"{base_url}/google/token",
        },
    }[network]
    options = {"client_id": client_id, "client_secret": client_secret, "timeout_s": 5.0, "poll_interval_s": 0.05}
    return NetworkConfig(**{**values, **options, **overrides})


# One token-encryption key for the whole run: tests never read another run's tokens.
TOKEN_KEY = Fernet.generate_key().decode()


@pytest.fixture
def networks_at_simulator(settings, simulator):
    """Every network pointed at the running simulator, as make run does, with tokens encrypted."""
    settings.TOKEN_ENCRYPTION_KEYS = [TOKEN_KEY]
    settings.PLATFORM_TIMEOUT_S = 5.0
    settings.PLATFORMS = {n: dataclasses.asdict(simulator_config(simulator.base_url, n)) for n in NETWORKS}
    return settings


@pytest.fixture
def sim_config(simulator):
    """``sim_config("twitter")``: a NetworkConfig pointing at the running simulator."""
    return lambda network, **overrides: simulator_config(simulator.base_url, network, **overrides)
