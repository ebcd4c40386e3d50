"""How every process logs: times in UTC, and the dispatcher's idle tick out of sight.

``settings.LOGGING`` uses these for web, worker and beat alike (physsocial/celery.py hands
Celery's logging over to it).
"""

from __future__ import annotations

import logging
import time

from pythonjsonlogger.json import JsonFormatter


class UTCFormatter(logging.Formatter):
    """``2026-12-02T20:40:41.123Z``: the stored times and the simulator are in UTC, and Django sets
    the process's zone to ``TIME_ZONE``, so local times would name a zone the line does not show."""

    converter = time.gmtime
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"


class UTCJsonFormatter(JsonFormatter):
    converter = time.gmtime
    default_time_format = UTCFormatter.default_time_format
    default_msec_format = UTCFormatter.default_msec_format


# Celery's own bookkeeping about the dispatcher's tick: beat's "Sending due task", the
# worker's "received" and "succeeded". Three lines every DISPATCH_INTERVAL_S buried the demo
# logins and invitation e-mails; the tick's work, when there is some, is logged by
# scheduler.services.dispatch_due ("dispatched N targets").
DISPATCH_TASK = "scheduler.tasks.dispatch_due"
TICK_LOGGERS = frozenset({"celery.beat", "celery.worker.strategy", "celery.app.trace"})


class DispatchTickAtDebug(logging.Filter):
    """Shows Celery's lines about the dispatch task at DEBUG, not INFO."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name not in TICK_LOGGERS or record.levelno != logging.INFO:
            return True
        if DISPATCH_TASK not in _arguments_text(record.args):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


def _arguments_text(args: object) -> str:
    if isinstance(args, dict):
        return " ".join(str(value) for value in args.values())
    if isinstance(args, tuple):
        return " ".join(str(value) for value in args)
    return str(args or "")
