#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "physsocial.settings")
    from django.core.management import execute_from_command_line

    from physsocial.env import ConfigurationError, exit_on_configuration_error

    try:
        execute_from_command_line(sys.argv)
    except ConfigurationError as exc:
        exit_on_configuration_error(exc)


if __name__ == "__main__":
    main()
