"""What the trained models (``privacy.name_model``, ``privacy.date_model``, ``privacy.place_model``) share: a table of
weights read once from a JSON file beside them, and a logistic score summed over each candidate's features, in plain
Python."""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path


@cache
def table(path: Path) -> dict:
    """The model's weights, intercept and threshold, read on first use and kept for the process."""
    return json.loads(path.read_text(encoding="utf-8"))


def logistic_scores(
    candidates: Iterable[tuple[int, int, dict[str, float]]], model: dict
) -> list[tuple[int, int, float]]:
    """Each candidate span with the model's probability, the logistic of its weighted features."""
    weights, bias = model["weights"], model["intercept"]
    scored = []
    for start, end, features in candidates:
        total = bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
        scored.append((start, end, 1.0 / (1.0 + math.exp(-total))))
    return scored


def kept_above(
    text, scored: list[tuple[int, int, float]], threshold: float, vetoed: Callable
) -> list[tuple[int, int, float]]:
    """The scored spans at or above the threshold that the model's own vetoes leave (the dates and places models')."""
    return [(start, end, p) for start, end, p in scored if p >= threshold and not vetoed(text, start, end)]


def any_between(positions: list[int], low: int, high: int) -> bool:
    """Whether a sorted list of positions has one in [low, high)."""
    at = bisect_left(positions, low)
    return at < len(positions) and positions[at] < high
