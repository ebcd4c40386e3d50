"""The compose file, .env.example, the README and the settings agree.

Docker cannot run on our machines, so these tests read the files instead:
a variable the settings do not read, a volume nobody declares, or a command
naming a module that does not exist would break a deployment silently.
"""

import importlib
import re
import shlex
from pathlib import Path

import pytest
import yaml
from django.urls import resolve

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
APP_SERVICES = ("web", "worker", "beat")
REQUIRED_IN_PRODUCTION = {"SECRET_KEY", "ALLOWED_HOSTS", "PUBLIC_BASE_URL", "TOKEN_ENCRYPTION_KEYS"}


def variables_read_by_settings() -> set[str]:
    source = (ROOT / "physsocial" / "settings.py").read_text()
    return set(re.findall(r'env_\w+\(\s*"([A-Z0-9_]+)"', source))


def env_example() -> dict[str, str]:
    pairs = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            pairs[name.strip()] = value
    return pairs


# Read by compose itself (interpolation) rather than by PhysSocial.
COMPOSE_ONLY = {"POSTGRES_PASSWORD"}


def test_every_variable_in_env_example_is_read_by_the_settings():
    unknown = set(env_example()) - variables_read_by_settings() - COMPOSE_ONLY
    assert not unknown, f".env.example names variables the settings never read: {sorted(unknown)}"


def test_env_example_gives_every_variable_production_requires():
    assert REQUIRED_IN_PRODUCTION <= set(env_example())


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_set_only_variables_the_settings_read(service):
    environment = COMPOSE["services"][service]["environment"]
    assert set(environment) <= variables_read_by_settings()
    assert environment["DJANGO_DEBUG"] == "false"
    assert COMPOSE["services"][service]["env_file"] == ".env"


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_reach_the_database_and_redis_services_by_name(service):
    environment = COMPOSE["services"][service]["environment"]
    assert "@db:5432/" in environment["DATABASE_URL"]
    assert environment["REDIS_URL"].startswith("redis://redis:6379")
    depends = COMPOSE["services"][service]["depends_on"]
    assert depends["db"]["condition"] == depends["redis"]["condition"] == "service_healthy"


def test_uploaded_media_live_on_a_named_volume_at_media_root():
    web = COMPOSE["services"]["web"]
    media_root = web["environment"]["MEDIA_ROOT"]
    assert f"media:{media_root}" in web["volumes"]
    assert f"media:{media_root}" in COMPOSE["services"]["worker"]["volumes"]
    assert {"postgres", "media"} <= set(COMPOSE["volumes"])
    assert "postgres:/var/lib/postgresql/data" in COMPOSE["services"]["db"]["volumes"]


def test_web_serves_the_wsgi_application_with_gunicorn_after_migrating():
    command = COMPOSE["services"]["web"]["command"]
    assert "manage.py migrate" in command
    module, _, attribute = re.search(r"gunicorn (\S+)", command)[1].partition(":")
    assert callable(getattr(importlib.import_module(module), attribute))


@pytest.mark.parametrize("service", ["worker", "beat"])
def test_celery_services_load_our_app(service):
    words = shlex.split(COMPOSE["services"][service]["command"])
    assert words[:3] == ["celery", "-A", "physsocial"]
    assert importlib.import_module(words[2]).celery_app.main == "physsocial"


def test_two_workers_run_so_a_burst_drains_twice_as_fast():
    assert COMPOSE["services"]["worker"]["deploy"]["replicas"] >= 2


def test_every_long_running_service_has_a_health_check():
    for name in ("web", "worker", "db", "redis"):
        assert "healthcheck" in COMPOSE["services"][name], name


def test_web_health_check_calls_our_health_endpoint():
    url = COMPOSE["services"]["web"]["healthcheck"]["test"][-1]
    assert resolve(url.split(":8000", 1)[1]).url_name == "healthz"


def test_the_readme_documents_every_variable_the_settings_read():
    readme = (ROOT / "README.md").read_text()
    missing = sorted(name for name in variables_read_by_settings() if f"`{name}`" not in readme)
    assert not missing, f"README.md's table lacks: {missing}"
