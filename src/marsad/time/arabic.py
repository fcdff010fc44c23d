"""Arabic temporal expressions: one compiled pattern per family, each with its resolver.

Patterns run on the normalised shadow text. Each resolver turns a match into an inclusive
interval against the publication date (see :mod:`marsad.time.resolve` for the conventions).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from marsad.quantity.lexicon import CURRENCY_NOUNS, UNIT_OF
from marsad.quantity.numbers import NUMBER
from marsad.quantity.scan import alternation
from marsad.time import calendar as cal
from marsad.time import lexicon as lx
from marsad.time.calendar import Interval, InvalidDate

_E = r"(?![^\W\d_])"
_B = r"(?<![^\W_])"  # no letter or digit before


class NeedsPublished(LookupError):
    """A relative expression met in an article without a publication date."""


def _alt(words) -> str:
    return alternation(words, space=r"\s+")


_ORDINALS = (
    "الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي_عشر الثاني_عشر "
    "الثالث_عشر الرابع_عشر الخامس_عشر السادس_عشر السابع_عشر الثامن_عشر التاسع_عشر العشرين"
).split()
_UNIT_ORDINALS = _ORDINALS[:9]
#: Day ordinals 1-31 as written ("الحادي والعشرين").
DAY_ORDINALS = {w.replace("_", " "): i for i, w in enumerate(_ORDINALS, start=1)}
DAY_ORDINALS.update({f"{u} والعشرين": 21 + i for i, u in enumerate(["الحادي", *_UNIT_ORDINALS[1:]])})
DAY_ORDINALS.update({"الثلاثين": 30, "الحادي والثلاثين": 31})

_WD = _alt(list(lx.WEEKDAYS) + [w[:-1] + "ه" for w in lx.WEEKDAYS if w.endswith("ة")])
_MONTH = _alt(lx.GREGORIAN_MONTHS)
_HMONTH = _alt(lx.HIJRI_MONTHS)
_PART = _alt(lx.PARTS)
_PAST, _NEXT, _CURRENT = _alt(lx.PAST), _alt(lx.NEXT), _alt(lx.CURRENT)
_REL = rf"(?P<rel>(?:قبل\s+)?(?:{_PAST})|(?:بعد\s+)?(?:{_NEXT})|{_CURRENT})"
_PREFIX = (
    rf"{_B}(?:[وف](?=\S))?(?:(?P<since>منذ)\s+|(?P<during>خلال|طوال|طيلة)\s+)?"
    rf"(?:(?P<part>{_PART})\s+(?:شهر\s+)?)?(?:[بل](?=\S))?"
)
_YEAR_WORD = r"(?:ال)?(?:عام|سنة)"
_YEAR = rf"(?:(?:من\s+)?(?:{_YEAR_WORD}\s*)?(?P<year>\d{{4}})(?!\d)(?:\s*م{_E})?)"
_YEAR_REL = (
    rf"(?:(?:من\s+)?(?P<yrel>(?:ال)?(?:عام|سنة)\s+(?:{_PAST}|{_NEXT}|{_CURRENT})|هذا\s+العام|هذه\s+السنة))"
)
_TOD = r"(?:صباح|مساء|ليل|ليلة|ظهر|فجر|عصر|صبيحة|منتصف\s+ليل|ظهيرة)"
_ALL_UNITS = _alt(lx.UNIT_WORDS)
_HEDGE = r"(?:نحو|حوالي|قرابة|زهاء|ما\s+يقارب|ما\s+يزيد\s+(?:عن|علي)|اكثر\s+من|اقل\s+من)"
_PLURAL_UNITS = r"(?:ايام|يوما|اسابيع|اسبوعا|اشهر|شهور|شهرا|سنوات|سنين|اعوام|عاما|سنة|ساعات|ساعة|عقود)"


def year_value(m: re.Match, ctx) -> int | None:
    if m.group("year"):
        return int(m.group("year"))
    rel = m.groupdict().get("yrel")
    if rel:
        return published_of(ctx).year + direction(rel)
    return None


def published_of(ctx) -> date:
    if ctx.published is None:
        raise NeedsPublished
    return ctx.published


def direction(word: str) -> int:
    """-1 for past, +1 for next, 0 for current; "قبل الماضي" -2, "بعد المقبل" +2."""
    last = word.split()[-1]
    step = -1 if last in lx.PAST else 1 if last in lx.NEXT else 0
    return step * 2 if word.startswith(("قبل", "بعد")) else step


def _month_number(m: re.Match, ctx) -> int:
    name = re.sub(r"\s+", " ", m.group("m1"))
    month = lx.GREGORIAN_MONTHS[name]
    if m.group("m2") and lx.GREGORIAN_MONTHS[re.sub(r"\s+", " ", m.group("m2"))] != month:
        raise InvalidDate(f"two different months: {m.group(0)}")
    return month


def _strong_month_context(m: re.Match) -> bool:
    return bool(m.group("day") or m.group("year") or m.group("rel") or m.group("yrel") or m.group("m2"))


def _absolute(m: re.Match, ctx) -> Interval | None:
    """ "15 أيلول/سبتمبر 2017", "مطلع أيلول الماضي", "الثامن من مايو", "10-15 سبتمبر"."""
    month = _month_number(m, ctx)
    name = re.sub(r"\s+", " ", m.group("m1"))
    strong = _strong_month_context(m) or m.group("shahr")
    if (
        name in lx.AMBIGUOUS_MONTHS
        and not strong
        and (name != "اب" or ctx.original_char(m.start("m1")) != "آ")
    ):
        return None
    framed = strong or m.group("part") or m.group("since") or m.group("during")
    if not framed and prev_word(ctx.norm_text, m.start()) not in _MONTH_PREPOSITIONS:
        return None
    year = year_value(m, ctx)
    if year is None:
        pub = published_of(ctx)
        # With a day, compare dates ("20 مارس المقبل" written on 18 March is this March); a month
        # alone that is the current one is not "الماضي" nor "المقبل" (that is "الجاري").
        if m.group("day"):
            named, now = (month, day_number(m.group("day"))), (pub.month, pub.day)
        else:
            named, now = (month, 0), (pub.month, 0)
        if m.group("rel"):
            step = direction(m.group("rel"))
            year = pub.year
            if step < 0:
                year -= 1 if named >= now else 0
                year -= 1 if step < -1 else 0
            elif step > 0:
                year += 1 if named <= now else 0
        elif _future_context(ctx.norm_text, m.start()):
            year = pub.year + (1 if named < now else 0)
        else:
            year = cal.nearest_month_year(pub, month)
    nine_eleven = m.group("day") and month == 9 and day_number(m.group("day")) == 11 and not m.group("year")
    if nine_eleven and prev_word(ctx.norm_text, m.start()) in _NINE_ELEVEN:
        return cal.day(2001, 9, 11), cal.day(2001, 9, 11)  # the attacks, named by their date
    if m.group("day"):
        if not m.group("day")[-1].isdigit() and prev_word(ctx.norm_text, m.start()) in _PERIOD_WORDS:
            return None  # "الأسبوع الأول من أبريل" is a week, not the first
        dom = day_number(m.group("day"))
        last = cal.day(year, month, dom)
        first = cal.day(year, month, day_number(m.group("day0"))) if m.group("day0") else last
        return (first, last) if first <= last else None
    interval = cal.month_interval(year, month)
    if m.group("part"):
        return cal.part_of(interval, lx.PARTS[m.group("part")], kind="month")
    return interval


_NINE_ELEVEN = frozenset("احداث هجمات اعتداءات لاحداث لهجمات لاعتداءات".split())
_PERIOD_WORDS = frozenset("الاسبوع والاسبوع الشهر العام الربع النصف العشر الثلث".split())
_MONTH_PREPOSITIONS = frozenset("في منذ حتي قبل بعد بحلول من الي خلال وفي ومنذ وحتي وخلال".split())


def prev_word(text: str, start: int) -> str:
    """The word of letters before ``start``, spaces between (looking 12 characters back)."""
    lo = max(0, start - 12)
    end = start
    while end > lo and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > lo and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end] if end < start else ""


def day_number(text: str) -> int:
    text = re.sub(r"\s+", " ", text.removeprefix("ال"))
    return int(text) if text.isdigit() else DAY_ORDINALS["ال" + text if not text.startswith("ال") else text]


def _day_of_month(m: re.Match, ctx) -> Interval | None:
    """ "في 17 الجاري", "العاشر من الشهر المقبل": a day of this, the last or the next month."""
    if not m.group("shahr_rel") and m.group("dm_rel") not in lx.CURRENT:
        return None
    pub = published_of(ctx)
    first = cal.add_months(pub.replace(day=1), direction(m.group("dm_rel")))
    d = cal.day(first.year, first.month, day_number(m.group("dom")))
    return d, d


def _numeric(m: re.Match, ctx) -> Interval:
    if m.group("iy"):
        d = cal.day(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    else:
        d = cal.day(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return d, d


def _year(m: re.Match, ctx) -> Interval | None:
    y1 = int(m.group("y1"))
    marked = m.group("kw") or m.group("part") or m.group("since") or m.group("era") or m.group("during")
    if m.group("era") and m.group("era").startswith("ه"):
        start = cal.hijri_interval(y1, 1)[0]
        end = cal.hijri_interval(int(m.group("y2") or y1), 12)[1]
        return start, end
    if not marked:
        limit = (ctx.published.year + 10) if ctx.published else 2100
        if not 1800 <= y1 <= limit or _counted_after(ctx.norm_text, m.end()):
            return None
        if _bound_before(ctx.norm_text, m.start()):
            return None
        if prev_word(ctx.norm_text, m.start()) not in _MONTH_PREPOSITIONS and not _YEAR_FRAME_RE.search(
            ctx.norm_text, max(0, m.start() - 2), m.start()
        ):
            return None  # "القضية 2000": a bare number needs "في"، "منذ" or brackets to be a year
    interval = cal.year_interval(y1)
    if m.group("y2"):
        y2 = int(m.group("y2"))
        if y2 <= y1:
            return None
        interval = (interval[0], cal.year_interval(y2)[1])
    elif m.group("part"):
        interval = cal.part_of(interval, lx.PARTS[m.group("part")], kind="year")
    return interval


_YEAR_FRAME_RE = re.compile(r"(?:^|[(\[«،,])\s*$", re.MULTILINE)
_NEXT_WORD_RE = re.compile(r"\s*(?:من\s+)?(?:ال)?([^\W\d_]+)")
_BOUND_BEFORE_RE = re.compile(r"(?:اكثر\s+من|نحو|حوالي|قرابة|اقل\s+من|الي|بلغ|\$)\s*$")


def _counted_after(text: str, end: int) -> bool:
    """A noun after the number makes it a count ("2015 شخصا"), not a year."""
    word = _NEXT_WORD_RE.match(text, end)
    return bool(word) and (word.group(1) in UNIT_OF or word.group(1) in CURRENCY_NOUNS)


def _bound_before(text: str, start: int) -> bool:
    return bool(_BOUND_BEFORE_RE.search(text, max(0, start - 12), start))


def _relative_period(m: re.Match, ctx) -> Interval | None:
    """ "الأسبوع الماضي", "العام المقبل", "هذا الشهر", "نهاية العام"."""
    unit = m.group("unit").removeprefix("ال")
    if not (m.group("this") or m.group("rel") or m.group("part")):
        return None
    if not m.group("unit").startswith("ال") and not m.group("this"):
        return None
    pub = published_of(ctx)
    step = direction(m.group("rel")) if m.group("rel") else 0
    if unit == "اسبوع":
        if step == 0:
            interval = cal.week_of(pub)
        elif step < 0:  # the seven days before publication
            interval = pub + timedelta(days=7 * step), pub + timedelta(days=7 * step + 6)
        else:
            interval = pub + timedelta(days=7 * step - 6), pub + timedelta(days=7 * step)
        kind = "week"
    elif unit == "شهر":
        first = cal.add_months(pub.replace(day=1), step)
        interval, kind = cal.month_interval(first.year, first.month), "month"
    else:
        interval, kind = cal.year_interval(pub.year + step), "year"
    if m.group("part"):
        return cal.part_of(interval, lx.PARTS[m.group("part")], kind=kind)
    return interval


def _deictic(m: re.Match, ctx) -> Interval | None:
    """ "أمس", "اليوم", "غدا", "بعد غد", "أمس الأحد", "مساء أمس", "الليلة الماضية"."""
    word = re.sub(r"\s+", " ", m.group("deictic"))
    text = ctx.norm_text
    described = _followed_by_adjective(text, m.end()) or prev_word(text, m.start()) in _SAME_DAY
    if word == "اليوم" and not m.group("wd") and described:
        return None  # "اليوم الأول", "في مثل هذا اليوم", "بنفس اليوم": not today
    pub = published_of(ctx)
    offset = {
        "امس": -1, "الامس": -1, "البارحة": -1, "الليلة الماضية": -1, "امس الاول": -2,
        "اول امس": -2, "اول من امس": -2, "غدا": 1, "بعد غد": 2, "غد": 1,
    }.get(word, 0)  # fmt: skip
    d = pub + timedelta(days=offset)
    if m.group("wd"):
        weekday = _weekday(m.group("wd"))
        if d.weekday() != weekday:  # the weekday is the firmer word
            d = cal.weekday_before(pub, weekday) if offset < 0 else cal.weekday_on_or_before(pub, weekday)
            if offset > 0:
                d = cal.weekday_after(pub, weekday)
    return d, d


_SAME_DAY = frozenset("هذا نفس بنفس ذات وبنفس ذلك تلك المصري".split())  # المصري اليوم: a paper
_ADJ_AFTER_RE = re.compile(r"\s+ال[^\W\d_]+")


def _followed_by_adjective(text: str, end: int) -> bool:
    """ "اليوم الأول", "اليوم العالمي": a day described, not today."""
    return bool(_ADJ_AFTER_RE.match(text, end))


def _weekday(word: str) -> int:
    word = word[:-1] + "ة" if word.endswith("ه") else word
    return lx.WEEKDAYS[word]


_NOT_WEEKDAY_BEFORE_RE = re.compile(r"(?:بين|كلا|هذين|من)\s+$")


def _weekday_expr(m: re.Match, ctx) -> Interval | None:
    """ "الثلاثاء" (the last on or before publication), "يوم الجمعة المقبل", "السبت الماضي"."""
    wd = m.group("wd")
    framed = m.group("yawm") or m.group("tod") or m.group("rel")
    if (
        wd.startswith("الاثنين")
        and not framed
        and _NOT_WEEKDAY_BEFORE_RE.search(ctx.norm_text, max(0, m.start() - 8), m.start())
    ):
        return None  # "بين الاثنين" is "between the two"
    if _ORDINAL_AFTER_RE.match(ctx.norm_text, m.end()):
        return None  # "الجمعة الثالثة": the third Friday of the protests, a name
    pub = published_of(ctx)
    weekday = _weekday(wd)
    step = direction(m.group("rel")) if m.group("rel") else 0
    if step == 0 and _future_context(ctx.norm_text, m.start()):
        d = pub + timedelta(days=(weekday - pub.weekday()) % 7)  # "ستعقد الجمعة": the coming one
    elif step < 0:
        d = cal.weekday_before(pub, weekday) - timedelta(days=7 * (-step - 1))
    elif step > 0:
        d = cal.weekday_after(pub, weekday) + timedelta(days=7 * (step - 1))
    else:
        d = cal.weekday_on_or_before(pub, weekday)
    if m.group("wd2"):  # "ليل الأحد-الإثنين"
        return d, d + timedelta(days=(_weekday(m.group("wd2")) - weekday) % 7)
    return d, d


_ORDINAL_AFTER_RE = re.compile(
    r"\s+(?:الاولي|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|الاخيرة)(?![^\W\d_])"
)
# A verb in the future ("ستعقد", "سيزور": سـ and a common news verb) or a word of plans shortly
# before the expression; a bare سـ prefix would also take names (سيرغي) and nouns (سيارة).
_FUTURE_STEMS = (
    "تم كون عقد زور بدا صل توجه شارك جري علن لتقي عود ستمر نظر صدر حضر ناقش بحث دخل غادر قوم لقي "
    "نطلق قام جتمع ستضيف فتتح صوت جتمعون ستانف"
)
_FUTURE_RE = re.compile(
    rf"(?<![^\W\d_])(?:[وف]?س[يت](?:{'|'.join(_FUTURE_STEMS.split())})[^\W\d_]*|المقرر|المقررة|المرتقب|"
    r"المرتقبة|المزمع|يعتزم|تعتزم|يتوجه|تتوجه|بحلول|موعد|موعدا)(?![^\W\d_])"
)


# Letters every future hint holds: without any of them, the pattern need not run.
_FUTURE_HINTS = ("سي", "ست", "المقرر", "المرتقب", "المزمع", "عتزم", "توجه", "بحلول", "موعد")


def _future_context(text: str, start: int) -> bool:
    lo = max(0, start - 45)
    segment = text[lo:start]
    return any(h in segment for h in _FUTURE_HINTS) and bool(_FUTURE_RE.search(text, lo, start))


DECADES = {"عشرينيات": 20, "ثلاثينيات": 30, "اربعينيات": 40, "خمسينيات": 50, "ستينيات": 60,
            "سبعينيات": 70, "ثمانينيات": 80, "تسعينيات": 90}  # fmt: skip
CENTURIES = {"الماضي": 20, "العشرين": 20, "التاسع عشر": 19, "الثامن عشر": 18, "الحالي": 21,
              "الحادي والعشرين": 21}  # fmt: skip


Resolver = Callable[[re.Match, object], Interval | None]

#: How many characters before its key word a family's match may begin: a clitic (وقبل), the
#: prefix (وخلال أواخر شهر), then the family's own words (هذا، يوم، منتصف ليل، ما بين).
REACH = {"ago": 4, "decade": 25, "numeric": 25, "relative": 30, "season": 30, "weekday": 35, "year": 35,
         "deictic": 40}  # fmt: skip
DEFAULT_REACH = 50
#: The digits that numeric dates and years hinge on (10/05/2017, 2017): one scan for both.
DIGIT_GATE = r"\d(?:[/.\-]\d|\d{3})"


def families() -> list[tuple[str, tuple[str, ...] | str, str, Resolver]]:
    """(name, gate, pattern, resolver) for every Arabic family.

    The gate names what every match holds: key words (found by :class:`~marsad.quantity.scan.KeyGate`
    where they begin a word, clitics aside) or "digits" (:data:`DIGIT_GATE`). The pattern is only tried
    shortly before them, which keeps the stage fast on long articles.
    """
    day = rf"(?:ال)?\d{{1,2}}|{_alt(DAY_ORDINALS)}"
    absolute = (
        rf"{_PREFIX}(?P<core>(?:{_TOD}\s+)?(?:(?:يوم\s+)?(?:{_WD})\s+(?:الموافق\s+)?)?"
        rf"(?:يوم\s+)?(?:(?P<day0>\d{{1,2}})\s*(?:-|–|و|الي|حتي)\s*)?(?:(?P<day>{day})\s+(?:من\s+)?)?"
        rf"(?:(?P<shahr>شهر)\s+)?(?P<m1>{_MONTH}){_E}(?:(?:\s*[/(\-–]\s*|\s+)(?P<m2>{_MONTH}){_E}(?:\s*\))?)?"
        rf"(?:\s+(?:من\s+)?{_YEAR}|\s+{_REL}{_E}|\s+{_YEAR_REL})?)"
    )
    numeric = (
        rf"{_PREFIX}(?P<core>(?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<mo>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?!\d)"
    )
    year = (
        rf"{_PREFIX}(?P<core>(?:(?P<kw>{_YEAR_WORD}|(?:ال)?عامي|(?:ال)?عامين|(?:ال)?سنتي|(?:ال)?فترة)\s*)?"
        rf"(?:(?:ما\s+)?بين\s+)?(?P<y1>\d{{4}})(?!\d)(?:\s*(?:-|–|الي|حتي|و)\s*(?P<y2>\d{{4}})(?!\d))?"
        rf"(?:\s*(?P<era>م|ه|هجرية|للهجرة|ميلادية|للميلاد){_E})?)"
    )
    relative = (
        rf"{_PREFIX}(?P<core>(?:(?P<this>هذا|هذه)\s+)?(?P<unit>(?:ال)?(?:اسبوع|شهر|عام|سنة)){_E}"
        rf"(?:\s+(?:الميلادي|الميلادية|الهجري|الهجرية))?(?:\s+{_REL}{_E})?)"
    )
    deictic = (
        rf"{_PREFIX}(?P<core>(?:{_TOD}\s+)?(?:يوم\s+)?(?P<deictic>امس\s+الاول|اول\s+(?:من\s+)?امس|بعد\s+غد|"
        rf"الليلة\s+الماضية|الامس|امس|اليوم|غدا|البارحة|الليلة){_E}(?:\s+(?P<wd>{_WD}){_E})?)"
    )
    weekday = (
        rf"{_PREFIX}(?P<core>(?:(?P<tod>{_TOD})\s+)?(?:(?P<yawm>يوم)\s+)?(?P<wd>{_WD}){_E}"
        rf"(?:(?(tod)(?:\s*[-–/]\s*|\s+)|\s*[-–/]\s*)(?P<wd2>{_WD}){_E}|\s+{_REL}{_E})?)"
    )
    ago = (
        rf"{_B}(?:[وف](?=\S))?(?P<core>(?P<dir>قبل|منذ)\s+(?:{_HEDGE}\s+)?(?:(?P<n>{NUMBER})\s+)?"
        rf"(?P<aunit>{_ALL_UNITS}){_E})"
    )
    recent = (
        rf"{_PREFIX}(?P<core>(?:(?P<pn1>(?:ال)?(?:\d+|{NUMBER}))\s+)?(?P<punit>(?:ال)?(?:{_PLURAL_UNITS}|"
        rf"{_alt(lx.DUAL_UNITS)})){_E}(?:\s+(?P<pn2>(?:ال)?(?:{NUMBER})))?(?:\s+القليلة)?"
        rf"\s+(?P<prel>الماضية|الماضيين|الاخيرة|الاخيرين|المقبلة|المقبلين|القادمة|القادمين|المنصرمة|"
        rf"الفايتة){_E})"
    )
    season_source = (
        rf"{_PREFIX}(?P<core>(?:(?P<this>هذا|هذه)\s+)?(?:فصل\s+)?(?P<season>(?:ال)?(?:ربيع|صيف|خريف|شتاء)){_E}"
        rf"(?:\s+{_YEAR}|\s+{_REL}{_E}|\s+(?P<yrel>(?:ال)?(?:عام|سنة)\s+(?:{_PAST}|{_NEXT}|{_CURRENT})))?)"
    )
    decade = (
        rf"{_PREFIX}(?P<core>(?P<decade>(?:ال)?(?:{_alt(DECADES)}))(?:\s+(?:من\s+)?القرن\s+"
        rf"(?P<cent>{_alt(CENTURIES)}))?{_E}|القرن\s+(?P<cent2>{_alt(CENTURIES)}){_E})"
    )
    hijri = (
        rf"{_PREFIX}(?P<core>(?:(?P<hday>{day})\s+(?:من\s+)?)?(?:(?P<hshahr>شهر)\s+)?(?P<hm>{_HMONTH}){_E}"
        rf"(?:\s+(?:من\s+)?(?:(?:ال)?عام\s+)?(?P<hy>\d{{3,4}})\s*(?:ه|هجرية|للهجرة){_E}|\s+(?P<hrel>{_PAST}|"
        rf"{_NEXT}|{_CURRENT}){_E})?)"
    )
    day_of_month = (
        rf"{_PREFIX}(?P<core>(?:يوم\s+)?(?P<dom>{day})\s+(?:من\s+)?(?:(?P<shahr_rel>الشهر)\s+)?"
        rf"(?P<dm_rel>{_PAST}|{_NEXT}|{_CURRENT}){_E})"
    )
    from marsad.time.counted import ago_expr, recent_expr
    from marsad.time.periods import decade_or_century, hijri_date, season

    first = sorted({name.split()[0] for name in lx.GREGORIAN_MONTHS})
    hijri_keys = sorted(
        {name.split()[-1] if name.startswith("ذ") else name.split()[0] for name in lx.HIJRI_MONTHS}
    )
    weekdays = tuple(w[:-1] + "ه" if w.endswith("ة") else w for w in lx.WEEKDAYS) + tuple(lx.WEEKDAYS)
    return [
        ("absolute", tuple(first), absolute, _absolute),
        ("numeric", "digits", numeric, _numeric),
        ("day_of_month", ("الجاري", "الحالي", "الشهر"), day_of_month, _day_of_month),
        ("hijri", tuple(hijri_keys), hijri, hijri_date),
        ("ago", ("قبل", "منذ"), ago, ago_expr),
        ("recent", ("الماضي", "الاخير", "المقبل", "القادم", "المنصرم", "الفايت"), recent, recent_expr),
        ("season", ("ربيع", "صيف", "خريف", "شتاء"), season_source, season),
        ("decade", (*DECADES, "القرن"), decade, decade_or_century),
        ("year", "digits", year, _year),
        ("relative", ("اسبوع", "شهر", "عام", "سنة"), relative, _relative_period),
        ("deictic", ("امس", "اليوم", "غد", "الليلة", "البارحة"), deictic, _deictic),
        ("weekday", weekdays, weekday, _weekday_expr),
    ]
