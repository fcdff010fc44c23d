"""English temporal expressions, for English articles and English quoted inside Arabic ones."""

from __future__ import annotations

import re
from datetime import timedelta

from marsad.time import calendar as cal
from marsad.time import lexicon as lx
from marsad.time.arabic import NeedsPublished, Resolver
from marsad.time.calendar import Interval

_MONTH = "|".join(sorted(lx.ENGLISH_MONTHS, key=len, reverse=True))
_WD = "|".join(lx.ENGLISH_WEEKDAYS)
_PART = r"(?P<part>early|mid|late|the\s+(?:beginning|middle|end)\s+of|(?:beginning|middle|end)\s+of)"
_PREFIX = rf"(?i:\b(?:(?P<since>since)\s+|(?P<during>during|throughout)\s+)?(?:{_PART}[\s-]+)?)"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "few": 3, "several": 3}  # fmt: skip
# What every English expression holds: a month or weekday (by its first three letters), a
# deictic word, last/past/next/coming/this, ago, or a four-digit year. Latin words and years are
# found by one pattern led by a character class (fast to scan), then kept by a set lookup.
_LATIN_WORD_OR_YEAR_RE = re.compile(r"[A-Za-z\d](?:(?<=\d)\d{3}|(?<=[A-Za-z])[A-Za-z]*)")
_KEY_PREFIXES = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split()
)
_KEY_WORDS = frozenset("yesterday today tomorrow tonight last past next coming this ago".split())


def gate_hits(text: str) -> list[int]:
    """Where English expressions may hold their key word (see above), in text order."""
    hits = []
    for m in _LATIN_WORD_OR_YEAR_RE.finditer(text):
        word = m.group()
        if word[0].isdigit() or word[:3].lower() in _KEY_PREFIXES or word.lower() in _KEY_WORDS:
            hits.append(m.start())
    return hits


_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade"}


def _third(part: str | None) -> int | None:
    if not part:
        return None
    part = part.lower()
    return 0 if ("early" in part or "beginning" in part) else 1 if ("mid" in part) else 2


def published_of(ctx):
    if ctx.published is None:
        raise NeedsPublished
    return ctx.published


def _date(m: re.Match, ctx) -> Interval | None:
    """ "12 September 2017", "September 12, 2017", "September 2017", "in September", "late 2015"."""
    month = lx.ENGLISH_MONTHS[m.group("mon").lower().rstrip(".")]
    year = int(m.group("y")) if m.group("y") else None
    dom = m.group("d1") or m.group("d2")
    if year is None:
        if not (dom or m.group("inprep") or m.group("part") or m.group("since")):
            return None  # "May" alone is most often the verb
        pub = published_of(ctx)
        year = cal.nearest_month_year(pub, month)
        if m.group("last"):
            year = pub.year - (1 if month >= pub.month else 0)
    if dom:
        d = cal.day(year, month, int(dom))
        return d, d
    interval = cal.month_interval(year, month)
    third = _third(m.group("part"))
    return interval if third is None else cal.part_of(interval, third, kind="month")


def _year(m: re.Match, ctx) -> Interval | None:
    y = int(m.group("yy"))
    if not 1900 <= y <= 2100:
        return None
    third = _third(m.group("part"))
    interval = cal.year_interval(y)
    return interval if third is None else cal.part_of(interval, third, kind="year")


def _deictic(m: re.Match, ctx) -> Interval:
    pub = published_of(ctx)
    word = m.group("word").lower()
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(re.sub(r"\s+", " ", word), 0)
    d = pub + timedelta(days=offset)
    return d, d


def _relative(m: re.Match, ctx) -> Interval:
    pub = published_of(ctx)
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[m.group("which").lower()]
    unit = m.group("unit").lower()
    if unit in ("summer", "winter", "spring", "autumn", "fall"):
        months = lx.SEASONS[{"summer": "صيف", "winter": "شتاء", "spring": "ربيع"}.get(unit, "خريف")]
        year = pub.year
        this = cal.season_interval(year, months)
        if step < 0 and this[1] >= pub:
            year -= 1
        elif step > 0 and this[0] <= pub:
            year += 1
        return cal.season_interval(year, months)
    if unit == "week":
        if step == 0:
            return cal.week_of(pub)
        return (pub - timedelta(days=7), pub - timedelta(days=1)) if step < 0 else (
            pub + timedelta(days=1), pub + timedelta(days=7))  # fmt: skip
    if unit == "month":
        first = cal.add_months(pub.replace(day=1), step)
        return cal.month_interval(first.year, first.month)
    return cal.year_interval(pub.year + step)


def _weekday(m: re.Match, ctx) -> Interval:
    pub = published_of(ctx)
    weekday = lx.ENGLISH_WEEKDAYS[m.group("wd").lower()]
    which = (m.group("which") or "").lower()
    if which == "last":
        d = cal.weekday_before(pub, weekday)
    elif which in ("next", "coming"):
        d = cal.weekday_after(pub, weekday)
    else:
        d = cal.weekday_on_or_before(pub, weekday)
    return d, d


def _ago(m: re.Match, ctx) -> Interval | None:
    pub = published_of(ctx)
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _NUMBERS[n]
    unit = _UNITS[m.group("unit").lower().rstrip("s")]
    if unit in ("day", "week"):
        d = pub - timedelta(days=count * (7 if unit == "week" else 1))
        return d, d
    d = cal.add_months(pub, -count * {"month": 1, "year": 12, "decade": 120}[unit])
    return cal.month_interval(d.year, d.month) if unit == "month" else cal.year_interval(d.year)


def _recent(m: re.Match, ctx) -> Interval:
    pub = published_of(ctx)
    n = (m.group("n") or "").lower()
    unit = _UNITS[m.group("unit").lower().rstrip("s")]
    count = int(n) if n.isdigit() else _NUMBERS.get(n, {"day": 7, "week": 4, "month": 6, "year": 5}[unit])
    if unit in ("day", "week"):
        return pub - timedelta(days=count * (7 if unit == "week" else 1)), pub - timedelta(days=1)
    return cal.add_months(pub, -count * (12 if unit == "year" else 1)), pub - timedelta(days=1)


def families() -> list[tuple[str, str, str, Resolver]]:
    """(name, gate, pattern, resolver) for every English family (see :func:`arabic.families`)."""
    num = r"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
    date = (
        rf"{_PREFIX}(?i:(?:(?P<inprep>in|on|by|until|from)\s+)?(?P<core>(?:(?P<last>last)\s+)?"
        rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<mon>{_MONTH})\.?"
        rf"(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y>\d{{4}}))?)\b)"
    )
    fams = [
        ("en_date", date, _date),
        ("en_year", rf"{_PREFIX}(?i:(?:in\s+)?(?P<core>(?P<yy>\d{{4}}))\b(?!\s*(?:people|%)))", _year),
        (
            "en_deictic",
            r"(?i:\b(?P<core>(?P<word>yesterday|today|tomorrow|tonight|last\s+night))\b)",
            _deictic,
        ),
        (
            "en_relative",
            r"(?i:\b(?P<core>(?P<which>last|past|next|coming|this)\s+"
            r"(?P<unit>week|month|year|summer|winter|spring|autumn|fall))\b)",
            _relative,
        ),
        (
            "en_weekday",
            rf"(?i:\b(?:on\s+)?(?P<core>(?:(?P<which>last|next|coming|this)\s+)?(?P<wd>{_WD}))\b)",
            _weekday,
        ),
        (
            "en_ago",
            rf"(?i:\b(?P<core>(?P<n>{num})\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago)\b)",
            _ago,
        ),
        (
            "en_recent",
            rf"(?i:\b(?P<core>(?:in|over|during)\s+the\s+(?:past|last)\s+(?:(?P<n>{num}|few|several)\s+)?"
            r"(?P<unit>days|weeks|months|years))\b)",
            _recent,
        ),
    ]
    return [(name, "english", source, fn) for name, source, fn in fams]
