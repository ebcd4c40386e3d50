"""The organization's day, weekday and hour of a stored moment, computed in the database.

PostgreSQL converts time zones itself (``AT TIME ZONE``), which Django's ``TruncDate`` and
``Extract*`` with ``tzinfo`` use. On SQLite Django runs those functions in Python, one call per
row: over a year of posts they were most of the Analytics page's time. There we shift each
moment by the zone's UTC offset with SQLite's own ``strftime`` instead, one offset for each
stretch between two clock changes, which gives the same local day and hour.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Case, CharField, DateField, F, Func, IntegerField, Value, When
from django.db.models.expressions import Expression
from django.db.models.functions import Cast, ExtractHour, ExtractIsoWeekDay, Mod, TruncDate, TruncWeek


def computed_by_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _offset(zone: ZoneInfo, moment: datetime) -> int:
    return int(moment.astimezone(zone).utcoffset().total_seconds())


def offset_stretches(zone: ZoneInfo, since: datetime, until: datetime) -> list[tuple[datetime, int]]:
    """The zone's UTC offset over [since, until) as (end of the stretch, offset in seconds), in order."""
    stretches: list[tuple[datetime, int]] = []
    moment, offset = since.astimezone(UTC), _offset(zone, since)
    while moment < until:
        step = min(moment + timedelta(days=1), until)
        if _offset(zone, step) != offset:
            # The clocks changed within this day: find the second they did.
            low, high = moment, step
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if _offset(zone, middle) == offset else (low, middle)
            stretches.append((high, offset))
            moment, offset = high, _offset(zone, high)
        else:
            moment = step
    stretches.append((until, offset))
    return stretches


def _local_text(field: str, pattern: str, zone: ZoneInfo, since: datetime, until: datetime) -> Expression:
    def shifted(offset: int) -> Func:
        return Func(
            Value(pattern), F(field), Value(f"{offset:+d} seconds"), function="strftime", output_field=CharField()
        )

    *changes, (_end, last) = offset_stretches(zone, since, until)
    if not changes:
        return shifted(last)
    whens = [When(**{f"{field}__lt": end}, then=shifted(offset)) for end, offset in changes]
    return Case(*whens, default=shifted(last), output_field=CharField())


def local_day(field: str, zone: ZoneInfo, since: datetime, until: datetime) -> Expression:
    """The day of ``field`` in ``zone``, for moments in [since, until); read it with ``as_date``."""
    if computed_by_sqlite():
        return _local_text(field, "%Y-%m-%d", zone, since, until)
    return TruncDate(field, tzinfo=zone)


def local_week(field: str, zone: ZoneInfo, since: datetime, until: datetime) -> Expression:
    """The Monday of the week of ``field`` in ``zone``, for moments in [since, until); read it
    with ``as_date``. Summing by week in the database hands Python a seventh of the rows."""
    if computed_by_sqlite():
        # SQLite's modifiers: back six days, then on to the next Monday (or stay on one).
        day = _local_text(field, "%Y-%m-%d", zone, since, until)
        return Func(day, Value("-6 days"), Value("weekday 1"), function="date", output_field=CharField())
    # A date, not a datetime: Django would otherwise make each row's Monday an aware datetime in
    # ``zone`` (a fifth of the charts' CPU over a year) only for ``as_date`` to drop the time.
    return TruncWeek(field, tzinfo=zone, output_field=DateField())


def as_date(value: date | datetime | str) -> date:
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


def local_weekday(field: str, zone: ZoneInfo, since: datetime, until: datetime) -> Expression:
    """The ISO weekday (Monday = 1 to Sunday = 7) of ``field`` in ``zone``, for moments in [since, until)."""
    if computed_by_sqlite():
        return Cast(_local_text(field, "%w", zone, since, until), IntegerField())  # Sunday = 0
    return ExtractIsoWeekDay(field, tzinfo=zone)


def local_hour(field: str, zone: ZoneInfo, since: datetime, until: datetime) -> Expression:
    """The hour (0 to 23) of ``field`` in ``zone``, for moments in [since, until)."""
    if computed_by_sqlite():
        return Cast(_local_text(field, "%H", zone, since, until), IntegerField())
    return ExtractHour(field, tzinfo=zone)


class _HoursIntoTheWeek(Func):
    """PostgreSQL: hours since Monday 00:00 of ``field AT TIME ZONE zone``, converting once (an
    ISO weekday and an hour extracted apart convert twice). 1 January 1970 was a Thursday, 72
    hours into its week. ``date_part`` rather than ``EXTRACT``: since PostgreSQL 14 the latter
    answers a numeric, whose division cost a fifth of the heat map's query; a double holds a
    microsecond's epoch exactly enough that no moment changes hour."""

    arg_joiner = " AT TIME ZONE "
    template = "MOD(CAST(FLOOR(date_part('epoch', %(expressions)s) / 3600) AS BIGINT) + 72, 168)"
    output_field = IntegerField()


def local_hour_of_week(field: str, zone: ZoneInfo, since: datetime, until: datetime) -> Expression:
    """The hour of the week of ``field`` in ``zone``, 0 (Monday 00:00) to 167 (Sunday 23:00), for
    moments in [since, until): one group key for the weekday and the hour."""
    if computed_by_sqlite():
        sunday_first = local_weekday(field, zone, since, until)  # SQLite's Sunday is 0
        monday_first = Cast(Mod(sunday_first + 6, 7), IntegerField())  # Django's MOD on SQLite is a float
        return monday_first * 24 + local_hour(field, zone, since, until)
    return _HoursIntoTheWeek(F(field), Value(zone.key))
