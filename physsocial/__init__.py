import os

from physsocial.env import ConfigurationError, exit_on_configuration_error

# Every entry point (manage.py, gunicorn, celery worker and beat) imports this
# package first, so a missing or malformed variable stops each of them here
# with one line naming it, not a traceback from deep inside Django or Celery.
if os.environ.get("DJANGO_SETTINGS_MODULE", "physsocial.settings") == "physsocial.settings":
    try:
        from physsocial import settings as _settings  # noqa: F401
    except ConfigurationError as exc:
        exit_on_configuration_error(exc)

from physsocial.celery import app as celery_app  # noqa: E402

__all__ = ("celery_app",)
