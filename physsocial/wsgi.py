import os

from django.core.wsgi import get_wsgi_application

from physsocial.env import ConfigurationError, exit_on_configuration_error

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "physsocial.settings")

try:
    application = get_wsgi_application()
except ConfigurationError as exc:
    exit_on_configuration_error(exc)
