"""Timeline buckets: daily counts rolled up into weeks when the events span a long time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from marsad.api.schemas import Bucket, TimelineAggregate

#: Beyond this many days between the bulk's first and last event, bars are weeks.
WEEKS_AFTER_DAYS = 180
#: Share of the events whose span decides: a few dates decades away (history recalled, a
#: misread year) must not turn a month of news into weekly bars. The page's axis uses the same.
COVER = 0.9


def bulk_span(days: list[tuple[date, int]]) -> int:
    """Days between the ends of the shortest run of ``days`` (sorted) holding COVER of the count."""
    total = sum(n for _, n in days)
    best = (days[-1][0] - days[0][0]).days
    inside, lo = 0, 0
    for hi, (day, n) in enumerate(days):
        inside += n
        while lo < hi and inside - days[lo][1] >= total * COVER:
            inside -= days[lo][1]
            lo += 1
        if inside >= total * COVER:
            best = min(best, (day - days[lo][0]).days)
    return best


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def timeline(counts: Iterable[tuple[date, int, int]], interval: str) -> TimelineAggregate:
    """Non-empty buckets in date order from ``(day, events, reports)`` rows; ``auto`` picks
    weeks when the bulk of the events spans more than half a year."""
    days = sorted((d, n, r) for d, n, r in counts if n)
    if interval == "auto":
        span = bulk_span([(d, n) for d, n, _ in days]) if days else 0
        interval = "week" if span > WEEKS_AFTER_DAYS else "day"
    if interval == "day":
        return TimelineAggregate(
            interval="day", data=[Bucket(date=d, count=n, reports=r) for d, n, r in days]
        )
    weeks: dict[date, list[int]] = {}
    for d, n, r in days:
        slot = weeks.setdefault(week_start(d), [0, 0])
        slot[0] += n
        slot[1] += r
    return TimelineAggregate(
        interval="week", data=[Bucket(date=d, count=n, reports=r) for d, (n, r) in sorted(weeks.items())]
    )
