"""Seasons, decades, centuries and Hijri months: the longer periods of the Arabic rules."""

from __future__ import annotations

import re

from marsad.time import calendar as cal
from marsad.time import lexicon as lx
from marsad.time.arabic import (
    CENTURIES,
    DECADES,
    day_number,
    direction,
    prev_word,
    published_of,
    year_value,
)
from marsad.time.calendar import Interval


def season(m: re.Match, ctx) -> Interval | None:
    """ "صيف 2017", "ربيع العام الماضي", "الصيف الماضي", "هذا الشتاء"."""
    name = m.group("season").removeprefix("ال")
    months = lx.SEASONS[name]
    year = year_value(m, ctx)
    if year is None:
        framed = m.group("part") or m.group("since") or m.group("during")
        if not (m.group("rel") or m.group("this") or framed or prev_word(ctx.norm_text, m.start()) == "في"):
            return None
        pub = published_of(ctx)
        year = pub.year
        step = direction(m.group("rel")) if m.group("rel") else 0
        this = cal.season_interval(year, months)
        if step < 0 and this[1] >= pub:
            year -= 1
        elif step > 0 and this[0] <= pub:
            year += 1
    interval = cal.season_interval(year, months)
    if m.group("part"):
        return cal.part_of(interval, lx.PARTS[m.group("part")], kind="season")
    return interval


def _decade(m: re.Match, ctx) -> Interval | None:
    """ "الثمانينيات" (1980-1989), "تسعينيات القرن الماضي", "القرن العشرين" (1900-1999)."""
    century = CENTURIES[re.sub(r"\s+", " ", m.group("cent"))] if m.group("cent") else 20
    if m.group("cent") == "الماضي" and ctx.published and ctx.published.year < 2000:
        century = 19
    base = (century - 1) * 100
    if m.group("decade"):
        start = base + DECADES[m.group("decade").removeprefix("ال")]
        interval = cal.year_interval(start)[0], cal.year_interval(start + 9)[1]
    else:
        interval = cal.year_interval(base)[0], cal.year_interval(base + 99)[1]
    if m.group("part"):
        return cal.part_of(interval, lx.PARTS[m.group("part")], kind="period")
    return interval


def hijri_date(m: re.Match, ctx) -> Interval | None:
    """ "15 رمضان 1439 هـ", "شهر رمضان الماضي", "رمضان 1439"."""
    month = lx.HIJRI_MONTHS[re.sub(r"\s+", " ", m.group("hm"))]
    if m.group("hy"):
        year = int(m.group("hy"))
    elif m.group("hday") or m.group("hshahr") or m.group("hrel"):
        pub = published_of(ctx)
        year = cal.hijri_year_of(pub)
        step = direction(m.group("hrel")) if m.group("hrel") else 0
        this = cal.hijri_interval(year, month)
        if step < 0 and this[1] >= pub:
            year -= 1
        elif step > 0 and this[0] <= pub:
            year += 1
    else:
        return None
    if m.group("hday"):
        return cal.hijri_interval(year, month, day_number(m.group("hday")))
    return cal.hijri_interval(year, month)


def decade_or_century(m: re.Match, ctx) -> Interval | None:
    """The century alone is named in ``cent2``; the decade's century in ``cent``."""
    if m.group("cent2"):
        return _century(m.group("cent2"), m, ctx)
    return _decade(m, ctx)


def _century(name: str, m: re.Match, ctx) -> Interval:
    century = CENTURIES[re.sub(r"\s+", " ", name)]
    if name == "الماضي" and ctx.published and ctx.published.year < 2000:
        century = 19
    base = (century - 1) * 100
    interval = cal.year_interval(base)[0], cal.year_interval(base + 99)[1]
    if m.group("part"):
        return cal.part_of(interval, lx.PARTS[m.group("part")], kind="period")
    return interval
