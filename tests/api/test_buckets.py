"""Timeline buckets: weeks when the bulk of the events spans more than half a year."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from marsad.api.buckets import bulk_span, timeline, week_start


def test_a_few_stray_dates_do_not_make_weeks() -> None:
    month = [(date(2018, 3, 1) + timedelta(days=i), 10, 12) for i in range(30)]
    stray = [(date(1867, 5, 1), 1, 1), (date(1990, 1, 1), 1, 1)]
    result = timeline(month + stray, "auto")
    assert result.interval == "day"
    assert [b.date for b in result.data][:2] == [date(1867, 5, 1), date(1990, 1, 1)]


def test_a_long_spread_makes_weeks_starting_on_monday() -> None:
    days = [(date(2018, 1, 1) + timedelta(days=7 * i), 1, 2) for i in range(52)]
    result = timeline(days, "auto")
    assert result.interval == "week"
    assert all(b.date.weekday() == 0 for b in result.data)
    assert sum(b.count for b in result.data) == 52 and sum(b.reports for b in result.data) == 104


def test_empty() -> None:
    assert timeline([], "auto").data == []


@given(st.lists(st.tuples(st.dates(date(1900, 1, 1), date(2100, 1, 1)), st.integers(0, 50)), max_size=60))
def test_weeks_keep_every_event(rows: list[tuple[date, int]]) -> None:
    counted = [(d, n, n) for d, n in rows]
    weeks = timeline(counted, "week")
    assert sum(b.count for b in weeks.data) == sum(n for _, n in rows)
    assert [b.date for b in weeks.data] == sorted({week_start(d) for d, n in rows if n})
    nonzero = sorted((d, n) for d, n in rows if n)
    if nonzero:
        assert 0 <= bulk_span(nonzero) <= (nonzero[-1][0] - nonzero[0][0]).days
