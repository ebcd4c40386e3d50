"""Read configuration from the environment, failing with one clear line.

Every setting PhysSocial has comes through these helpers, so a wrong or
missing value stops start-up with a sentence naming the variable instead
of a stack trace somewhere deep in Django.
"""

import os
import re
import sys
from pathlib import Path

import dj_database_url
import dj_email_url


class ConfigurationError(Exception):
    """A variable in the environment is missing or malformed."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        # Docker secrets and systemd credentials arrive as files.
        file_path = os.environ.get(f"{name}_FILE")
        if file_path:
            try:
                value = Path(file_path).read_text().strip()
            except OSError as exc:
                raise ConfigurationError(
                    f"{name}_FILE points to {file_path!r}, which cannot be read: {exc.strerror}."
                ) from None
    if value is None:
        if default is None:
            raise ConfigurationError(f"{name} must be set.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}.") from None


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a number, not {raw!r}.") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


_RATE = re.compile(r"(\d+)/(second|minute|hour|day)")


def env_rate(name: str, default: str) -> str | None:
    """A rate limit such as ``600/minute``, in the form Django REST framework's throttles read; empty: no limit."""
    raw = env_str(name, default)
    rate = raw.replace(" ", "").lower()
    if rate == "":
        return None
    if not _RATE.fullmatch(rate):
        raise ConfigurationError(
            f"{name} must be a rate such as 600/minute (a whole number, then /second, /minute, /hour or /day), "
            f"or empty for no limit, not {raw!r}."
        )
    return rate


def env_database(name: str, default: str) -> dict:
    raw = env_str(name, default)
    try:
        return dj_database_url.parse(raw, conn_max_age=0)
    except Exception:
        raise ConfigurationError(f"{name} is not a database URL Django understands: {raw.split('@')[-1]!r}.") from None


def env_email(name: str, default: str) -> dict:
    raw = env_str(name, default)
    try:
        parsed = dj_email_url.parse(raw)
        parsed["EMAIL_BACKEND"]  # an unknown scheme parses but names no backend
        return parsed
    except Exception:
        raise ConfigurationError(
            f"{name} is not an e-mail URL (smtp://, console://, …): {raw.split('@')[-1]!r}."
        ) from None


def exit_on_configuration_error(exc: ConfigurationError) -> None:
    """Print one line and stop; used by manage.py, wsgi and celery entry points."""
    sys.stderr.write(f"PhysSocial configuration error: {exc}\n")
    sys.exit(2)
