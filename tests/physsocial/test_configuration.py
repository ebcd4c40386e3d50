"""Configuration comes from the environment and fails with one clear line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-for-the-test-only",
    "ALLOWED_HOSTS": "physsocial.example.org",
    "PUBLIC_BASE_URL": "https://physsocial.example.org",
    "TOKEN_ENCRYPTION_KEYS": "cHJvZHVjdGlvbi1rZXktZm9yLXRoZS10ZXN0LW9ubHk=",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION and not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_DEBUG": "false"}, "SECRET_KEY must be set."),
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG must be true or false, not 'maybe'."),
        ({**PRODUCTION, "SECRET_KEY": "short"}, "SECRET_KEY must be a random string of at least 50 characters"),
        ({**PRODUCTION, "PUBLIC_BASE_URL": "physsocial.example.org"}, "PUBLIC_BASE_URL must start with http://"),
        ({"DATABASE_URL": "nonsense://db"}, "DATABASE_URL is not a database URL"),
        ({"LOGIN_FAILURE_LIMIT": "five"}, "LOGIN_FAILURE_LIMIT must be a whole number, not 'five'."),
        ({"EMAIL_URL": "pigeon://coop"}, "EMAIL_URL is not an e-mail URL"),
        ({"TOKEN_ENCRYPTION_KEYS": "not-a-key"}, "TOKEN_ENCRYPTION_KEYS entry 1 is not a Fernet key"),
        ({"API_RATE_PER_TOKEN": "lots"}, "API_RATE_PER_TOKEN must be a rate such as 600/minute"),
        ({"SIGNUP_RATE_PER_ADDRESS": "10/fortnight"}, "SIGNUP_RATE_PER_ADDRESS must be a rate such as 600/minute"),
        ({"TRUSTED_PROXY_COUNT": "-1"}, "TRUSTED_PROXY_COUNT must be 0 or more, not -1."),
    ],
)
def test_bad_configuration_stops_start_up_with_one_line_naming_the_variable(env, message):
    result = run_manage("check", **env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("PhysSocial configuration error: ")
    assert message in lines[0]


def test_production_values_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_secret_can_come_from_a_file(tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text(PRODUCTION["SECRET_KEY"] + "\n")
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_manage("check", **env, SECRET_KEY_FILE=str(secret_file))
    assert result.returncode == 0, result.stderr
