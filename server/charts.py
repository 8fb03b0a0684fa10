"""A small bar chart of counts over time, laid out here and drawn as inline SVG by the
template (no script, nothing fetched)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

WIDTH, HEIGHT, MARGIN = 560, 120, 24


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: str
    count: int


@dataclass
class Chart:
    bars: list[Bar] = field(default_factory=list)
    first: str = ""
    last: str = ""
    peak: int = 0
    width: int = WIDTH
    height: int = HEIGHT
    margin: int = MARGIN


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def counts_by_day(points: Iterable[tuple[str, int]]) -> Chart:
    """One bar per day from the first to the last date (days without counts are gaps);
    values that are not dates are left out."""
    counts: Counter[date] = Counter()
    for value, count in points:
        day = _day(value)
        if day is not None:
            counts[day] += count
    if not counts:
        return Chart()
    first, last = min(counts), max(counts)
    days = (last - first).days + 1
    slot = (WIDTH - 2 * MARGIN) / days
    peak = max(counts.values())
    plot = HEIGHT - 2 * MARGIN
    bars = []
    for day, count in sorted(counts.items()):
        height = max(1.0, plot * count / peak)
        bars.append(Bar(x=round(MARGIN + slot * (day - first).days + slot * 0.1, 1),
                        y=round(HEIGHT - MARGIN - height, 1), width=round(max(slot * 0.8, 1), 1),
                        height=round(height, 1), day=day.isoformat(), count=count))
    return Chart(bars, first.isoformat(), last.isoformat(), peak)
