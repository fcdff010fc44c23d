"""Calendar arithmetic for inclusive date intervals: months, parts of periods, weekdays, Hijri."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Interval = tuple[date, date]


class InvalidDate(ValueError):
    """A date the text names that no calendar has ("31 فبراير", month 13)."""


def day(year: int, month: int, dom: int) -> date:
    try:
        return date(year, month, dom)
    except ValueError as exc:
        raise InvalidDate(f"{year:04d}-{month:02d}-{dom:02d}: {exc}") from exc


def month_interval(year: int, month: int) -> Interval:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        raise InvalidDate(f"month {year}-{month}")
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_interval(year: int) -> Interval:
    if not 1 <= year <= 9999:
        raise InvalidDate(f"year {year}")
    return date(year, 1, 1), date(year, 12, 31)


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's last day."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise InvalidDate(f"year {year}")
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def part_of(interval: Interval, third: int, *, kind: str) -> Interval:
    """The beginning (0), middle (1) or end (2) of a month, year or any other period.

    A month splits at the 10th and 20th (مطلع أيلول → 1st-10th), a year into four-month thirds
    (أواخر 2015 → September-December), other periods into thirds of their days.
    """
    start, end = interval
    if kind == "month":
        bounds = ((1, 10), (11, 20), (21, end.day))[third]
        return start.replace(day=bounds[0]), start.replace(day=bounds[1])
    if kind == "year":
        first = 1 + 4 * third
        return date(start.year, first, 1), month_interval(start.year, first + 3)[1]
    days = (end - start).days + 1
    edge = max(1, round(days / 3))
    if third == 0:
        return start, start + timedelta(days=edge - 1)
    if third == 2:
        return end - timedelta(days=edge - 1), end
    return start + timedelta(days=edge), end - timedelta(days=edge)


def weekday_on_or_before(d: date, weekday: int) -> date:
    return d - timedelta(days=(d.weekday() - weekday) % 7)


def weekday_before(d: date, weekday: int) -> date:
    return weekday_on_or_before(d - timedelta(days=1), weekday)


def weekday_after(d: date, weekday: int) -> date:
    return d + timedelta(days=(weekday - d.weekday() - 1) % 7 + 1)


def nearest_month_year(published: date, month: int) -> int:
    """The year of a month named without one: up to three months ahead, else the past one.

    News names a coming month ("الانتخابات في أكتوبر") or, more often, a past one ("في مارس"
    written in October); a month more than eight months back is next year's ("يناير" in December).
    """
    ahead = month - published.month
    if ahead > 3:
        return published.year - 1
    if ahead < -8:
        return published.year + 1
    return published.year


def week_of(d: date) -> Interval:
    """The Sunday-to-Saturday week that holds ``d`` (the week as most Arab countries count it)."""
    start = d - timedelta(days=(d.weekday() + 1) % 7)
    return start, start + timedelta(days=6)


def season_interval(year: int, months: tuple[int, int]) -> Interval:
    first, last = months
    if first > last:  # winter: December of the year before to February
        return date(year - 1, first, 1), month_interval(year, last)[1]
    return date(year, first, 1), month_interval(year, last)[1]


def hijri_interval(year: int, month: int, dom: int | None = None) -> Interval:
    """A Hijri day or month as Gregorian dates (Umm al-Qura calendar, 1343-1500 AH)."""
    from hijridate import Hijri

    try:
        if dom is not None:
            g = Hijri(year, month, dom).to_gregorian()
            return date(g.year, g.month, g.day), date(g.year, g.month, g.day)
        first = Hijri(year, month, 1)
        g1 = first.to_gregorian()
        g2 = Hijri(year, month, first.month_length()).to_gregorian()
    except (ValueError, OverflowError) as exc:
        raise InvalidDate(f"Hijri {year}-{month}-{dom}: {exc}") from exc
    return date(g1.year, g1.month, g1.day), date(g2.year, g2.month, g2.day)


def hijri_year_of(d: date) -> int:
    from hijridate import Gregorian

    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError) as exc:
        raise InvalidDate(f"no Hijri year for {d}: {exc}") from exc
