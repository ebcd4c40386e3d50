"""Sizes, durations and ratios as people say them, and the shape of an upload's error."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


def describe_size(size_bytes: int) -> str:
    return filesizeformat(size_bytes).replace("\xa0", " ")


def describe_duration(seconds: float) -> str:
    """ "45 seconds", "2 min 20 s", "1 h 5 min"."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} min {secs} s" if secs else f"{minutes} minute{'s' if minutes != 1 else ''}"


def describe_ratio(ratio: float) -> str:
    """A ratio as people know it: "4:5", "16:9", else "0.56:1"."""
    for name, value in _NAMED_RATIOS:
        if abs(ratio - value) < 0.005:
            return name
    return f"{ratio:.2f}:1"


_NAMED_RATIOS = (
    ("1:1", 1.0),
    ("4:5", 0.8),
    ("5:4", 1.25),
    ("4:3", 4 / 3),
    ("3:4", 0.75),
    ("3:2", 1.5),
    ("2:3", 2 / 3),
    ("16:9", 16 / 9),
    ("9:16", 9 / 16),
    ("1.91:1", 1.91),
)


def invalid(message: str, code: str, field: str = "file") -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})
