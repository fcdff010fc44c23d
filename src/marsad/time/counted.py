"""Counted spans from publication: "قبل يومين", "منذ ثلاث سنوات", "الأيام الماضية"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from marsad.quantity.numbers import parse_number
from marsad.time import calendar as cal
from marsad.time import lexicon as lx
from marsad.time.arabic import published_of
from marsad.time.calendar import Interval

_UNIT_DAYS = {"day": 1, "week": 7, "hour": 1}
_UNIT_MONTHS = {"month": 1, "year": 12, "decade": 120}


def _units_back(pub: date, n: float, unit: str, sign: int) -> date:
    if unit in _UNIT_DAYS:
        days = n * _UNIT_DAYS[unit] / (24 if unit == "hour" else 1)
        return pub + timedelta(days=sign * round(days))
    return cal.add_months(pub, sign * round(n * _UNIT_MONTHS[unit]))


def ago_expr(m: re.Match, ctx) -> Interval | None:
    """ "قبل يومين" (that day), "منذ ثلاث سنوات" (then until publication), "بعد أسبوعين"."""
    word = m.group("aunit")
    unit = lx.UNIT_WORDS[word]
    if m.group("n"):
        n = parse_number(m.group("n"))
    elif word in lx.DUAL_UNITS:
        n = 2
    elif word in _PLURAL_SINGULAR or word in ("سنين",):
        return None  # "قبل أشهر", "منذ سنوات": some months, some years
    else:
        n = 1
    if n is None or n > 10_000:
        return None
    if _RELATIVE_TO_EVENT_RE.match(ctx.norm_text, m.end()):
        return None  # "قبل يومين من الانتخابات" counts from another event
    pub = published_of(ctx)
    direction = m.group("dir")
    if direction == "منذ":
        return _units_back(pub, n, unit, -1), pub
    sign = -1 if direction == "قبل" else 1
    d = _units_back(pub, n, unit, sign)
    if unit in ("month",):
        return cal.month_interval(d.year, d.month)
    if unit in ("year", "decade"):
        return cal.year_interval(d.year)
    return d, d


# "قبل يومين من الانتخابات" counts from another event; "قبل أسبوع آخر" is a wait to come.
_RELATIVE_TO_EVENT_RE = re.compile(r"(?:\s+واحد[ةه]?)?\s+(?:من|علي|اخر|اخري|اضافي|اضافية)(?!\S)")


def recent_expr(m: re.Match, ctx) -> Interval | None:
    """ "خلال الأيام الماضية", "الأسابيع الأخيرة", "الأيام الثلاثة المقبلة", "العامين الماضيين"."""
    word = m.group("punit").removeprefix("ال")
    pub = published_of(ctx)
    unit = lx.UNIT_WORDS.get(word) or lx.UNIT_WORDS.get(_PLURAL_SINGULAR.get(word, ""), "day")
    count = m.group("pn1") or m.group("pn2")
    if word in lx.DUAL_UNITS:
        n = 2
    elif count:
        n = parse_number(count.removeprefix("ال"))
        if n is None or n > 10_000:
            return None
    else:
        n = {"day": 7, "hour": 24, "week": 4, "month": 6, "year": 5, "decade": 3}[unit]
    future = any(m.group("prel").endswith(x) for x in ("قبلة", "قبلين", "قادمة", "قادمين"))
    if future:
        return pub + timedelta(days=1), _units_back(pub, n, unit, 1)
    if unit == "hour":
        return _units_back(pub, n, unit, -1), pub
    return _units_back(pub, n, unit, -1), pub - timedelta(days=1)


_PLURAL_SINGULAR = {"ايام": "يوم", "اسابيع": "اسبوع", "اشهر": "شهر", "شهور": "شهر", "سنوات": "سنة",
                    "سنين": "سنة", "اعوام": "عام", "ساعات": "ساعة", "عقود": "عقد"}  # fmt: skip
