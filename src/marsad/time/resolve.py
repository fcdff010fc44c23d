"""The "when" stage: temporal expressions as inclusive calendar intervals.

Every expression is resolved against the article's publication date. Conventions:

- a date is that day; a month, year, season, decade or century is all of it; ranges
  ("بين 10 و15 سبتمبر", "2011-2015") run from the first to the last;
- a month without a year is the one within five months ahead of publication, else the past
  one; "أيلول الماضي" the last September before publication's month, "المقبل" the next;
- a weekday alone ("الثلاثاء") is the last one on or before publication, "الماضي" the last
  one before it, "المقبل"/"القادم" the next one after it; with أمس/اليوم/غدا the weekday wins;
- "الأسبوع الماضي" is the seven days before publication, "الأسبوع المقبل" the seven after,
  "هذا الأسبوع" the Sunday-Saturday week; "الشهر/العام الماضي" the previous calendar month/year;
- parts: a month splits at the 10th and 20th (مطلع 1-10, منتصف 11-20, أواخر/نهاية 21-end), a
  year into thirds of four months, anything else into thirds of its days;
- "منذ X" runs from the start of X to publication; "خلال" and "طوال" are kept in the span;
- "قبل يومين" is that day, "قبل شهرين"/"قبل عامين" that calendar month/year, "منذ عامين"
  the two years up to publication; "الأيام/الأسابيع/الأشهر/السنوات الماضية" without a number
  are the last 7 days, 4 weeks, 6 months or 5 years before publication, with a number that many;
- winter Y runs from December Y-1 to February Y; decades and centuries are 1980-1989, 1900-1999.

Without a publication date only absolute expressions are kept and a diagnostic says so.
Spans leave out a leading و/ف and prepositions such as في, so ``text[start:end]`` is the
expression itself ("مطلع أيلول/سبتمبر الماضي", "خلال الأسبوع الماضي", "أمس الأحد").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache

from marsad.article import Article, TimeExpr
from marsad.nlp.normalize import Normalized, normalize
from marsad.quantity.scan import KeyGate, matches_near
from marsad.time import arabic, english
from marsad.time.arabic import NeedsPublished, Resolver
from marsad.time.calendar import InvalidDate

STAGE = "time"
_LATIN_RE = re.compile(r"[A-Za-z]{3}")
_LATIN_BYTES_RE = re.compile(rb"[A-Za-z]{3}")


def _has_latin(text: str) -> bool:
    """Whether ``text`` has a Latin word; its ASCII characters alone answer "no" faster."""
    return bool(_LATIN_BYTES_RE.search(text.encode("ascii", "ignore"))) and bool(_LATIN_RE.search(text))


@dataclass(frozen=True, slots=True)
class TimeSettings:
    """``english``: also look for English expressions (only where the text has Latin words)."""

    english: bool = True


@dataclass(frozen=True, slots=True)
class Family:
    """One family of expressions: its gate bit, how far before its key word a match may
    begin, the groups a match may begin with (prefix first), its pattern and resolver."""

    name: str
    bit: int
    reach: int
    start_groups: tuple[str, ...]
    since: bool  # the pattern has "منذ X": the interval then runs to publication ...
    y2: bool  # ... unless it names its own end ("منذ 2011 حتى 2015")
    pattern: re.Pattern
    resolve: Resolver


@dataclass(frozen=True, slots=True)
class TimeRules:
    """Compiled families and the gate that finds their key words; built by
    :func:`load_time_rules`. English families share :func:`english.gate_hits`.
    """

    arabic: tuple[Family, ...]
    english: tuple[Family, ...]
    gate: KeyGate


_ENGLISH_BIT = 1 << 31


def _family(name: str, bit: int, source: str, fn: Resolver) -> Family:
    pattern = re.compile(source)
    groups = pattern.groupindex
    start_groups = tuple(g for g in ("since", "during", "part", "core") if g in groups)
    reach = arabic.REACH.get(name, arabic.DEFAULT_REACH)
    return Family(name, bit, reach, start_groups, "since" in groups, "y2" in groups, pattern, fn)


def load_time_rules() -> TimeRules:
    """Compile every family's pattern and the key-word gate (a fraction of a second: do it
    once, pass it down)."""
    families, keys, digit_mask = [], {}, 0
    for i, (name, gate, source, fn) in enumerate(arabic.families()):
        bit = 1 << i
        if gate == "digits":
            digit_mask |= bit
        else:
            for key in gate:
                keys[key] = keys.get(key, 0) | bit
        families.append(_family(name, bit, source, fn))
    english_families = tuple(
        _family(name, _ENGLISH_BIT, source, fn) for name, _, source, fn in english.families()
    )
    return TimeRules(
        tuple(families),
        english_families,
        KeyGate(keys, whole=frozenset({"اب"}), digits=(arabic.DIGIT_GATE, digit_mask)),
    )


@cache
def _default_rules() -> TimeRules:
    return load_time_rules()


@dataclass(frozen=True, slots=True)
class _Context:
    published: date | None
    norm: Normalized

    @property
    def norm_text(self) -> str:
        return self.norm.text

    def original_char(self, i: int) -> str:
        """The character of the article's text behind shadow position ``i``."""
        start, _ = self.norm.to_original(i, i + 1)
        return self.norm.original[start]


def resolve_times(
    article: Article, *, rules: TimeRules | None = None, settings: TimeSettings | None = None
) -> Article:
    """Fill ``times`` with the article's temporal expressions as intervals, in text order."""
    rules = rules or _default_rules()
    settings = settings or TimeSettings()
    norm = normalize(article.text)
    ctx = _Context(article.published, norm)
    hits = rules.gate.hits(norm.text)
    families = rules.arabic
    if settings.english and _has_latin(norm.text):
        families += rules.english
        hits[_ENGLISH_BIT] = english.gate_hits(norm.text)
    candidates: list[tuple[int, int, date, date]] = []
    unresolved: list[str] = []
    invalid: list[str] = []
    for family in families:
        starts = hits.get(family.bit)
        if not starts:
            continue
        for m in matches_near(family.pattern, norm.text, starts, family.reach):
            for group in family.start_groups:  # the first that took part: prefix before core
                start = m.start(group)
                if start >= 0:
                    break
            try:
                interval = family.resolve(m, ctx)
            except NeedsPublished:
                unresolved.append(m.group("core"))
                continue
            except (InvalidDate, OverflowError) as exc:  # overflow: a day before year 1 or after 9999
                invalid.append(f"{m.group(0).strip()!r} ({exc})")
                continue
            if interval is None:
                continue
            first, last = interval
            since = family.since and m.group("since") and not (family.y2 and m.group("y2"))
            if since and ctx.published and first <= ctx.published:
                last = max(last, ctx.published)
            candidates.append((start, m.end(), first, last))
    times = []
    for start, end, first, last in _longest_first(candidates):
        o_start, o_end = norm.to_original(start, end)
        times.append(TimeExpr(o_start, o_end, first, last))
    times.sort(key=lambda t: t.start)
    out = article.with_layers(times=tuple(times))
    if unresolved:
        out = out.with_error(
            "no_published_date",
            STAGE,
            f"{len(unresolved)} relative time expression(s) left out: the article has no publication "
            f"date (e.g. {unresolved[0]!r}); give one with --published",
        )
    for message in invalid[:5]:
        out = out.with_error("invalid_date", STAGE, f"not a calendar date: {message}")
    return out


def _longest_first(candidates):
    """Non-overlapping candidates, the longest winning (then the earliest)."""
    starts: list[int] = []  # of the spans taken, in text order, and their ends
    ends: list[int] = []
    chosen = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        start, end = cand[0], cand[1]
        i = bisect_right(starts, start)
        if (i and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        chosen.append(cand)
    return chosen
