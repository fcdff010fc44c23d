"""The "how many" stage: counts, bounds, vague amounts and money as :class:`Quantity` records.

A quantity's span runs from its hedge or bound ("أكثر من", "نحو") over the number and the
thing counted to a trailing bound ("على الأقل"): «أكثر من 800 عائلة» → low 801, unit family.
Conventions (settled in the project's worked examples):

- a point figure sets ``value``; "أكثر من N" sets ``low`` N+1, "أقل من N" ``high`` N-1,
  "على الأقل"/"لا يقل عن" ``low`` N, "ما يصل إلى"/"حتى" ``high`` N; ``value`` is then null;
- hedges ("نحو"، "حوالي"، "قرابة"، "زهاء"، "ما يقارب"، "تقريبا") keep ``value`` and set
  ``approximate``;
- vague amounts are bounds: عشرات 20-99, مئات 200-999, آلاف 2000-9999, عشرات الآلاف
  20000-99999 ...; بضعة/عدة 3-9 (times a scale word after them: بضعة آلاف 3000-9000);
- ranges ("بين 10 و20", "من 10 إلى 20", "10-20") set ``low`` and ``high``;
- money carries an ISO 4217 ``currency`` and unit ``money``; a bare ليرة/دينار/ريال takes the
  currency the article names elsewhere (الليرة التركية) or the one country it mentions, else null.

Years, dates, clock times, identifiers (القرار 2254), model names (إس-400), phone-like digit
runs and numbers inside the article's time expressions are not quantities; nor are definite
numbers after a noun ("المتهمين الأربعة"), which restate a count given before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.article import Article, Quantity
from marsad.nlp.normalize import Normalized, normalize
from marsad.quantity import lexicon as lx
from marsad.quantity.numbers import DIGITS, NUMBER, NUMBER_WORDS, parse_digits, parse_number
from marsad.quantity.scan import KeyGate, alternation, matches_near
from marsad.time.lexicon import GREGORIAN_MONTHS

STAGE = "quantity"


@dataclass(frozen=True, slots=True)
class QuantitySettings:
    """``skip_times``: leave out numbers inside the article's ``times`` spans."""

    skip_times: bool = True


def _alt(words) -> str:
    return alternation(words)


def _phrases(table: dict[str, str]) -> dict[str, str]:
    return {p: kind for kind, alts in table.items() for p in alts.split("|")}


_BEFORE = _phrases(lx.BEFORE)
_AFTER = _phrases(lx.AFTER)
_NISBA_ALT = _alt(lx.NISBA)
_E = r"(?![^\W\d_])"
_LATIN_RE = re.compile(r"[A-Za-z]")
_LATIN_AFTER_RE = re.compile(r"\s*[A-Za-z]")
_QUOTED_NAME_RE = re.compile(r"[\"”»]")
_CURRENT_MONTH_RE = re.compile(r"\s+(?:من\s+)?(?:الشهر\s+)?(?:الجاري|الحالي)")
_CHANGE_RE = re.compile(
    r"(?:ارتفع|يرتفع|ترتفع|انخفض|ينخفض|تنخفض|تراجع|يتراجع|زاد|يزيد|قفز|هبط|رفع|خفض)\S*\s+(?:\S+\s+){0,2}$"
)
_LISTED_RE = re.compile(r"([^\W\d_]+)\s+\d+\s*و\s*$")
_YEAR_RANGE = (1800, 2100)


@dataclass(frozen=True, slots=True)
class QuantityRules:
    """The compiled patterns of the stage (about 0.1 s to build, so built once by the caller).

    ``gate`` finds digits and the words a quantity hinges on (number words, vague amounts,
    duals): the full pattern is only tried at the word starts shortly before them.
    """

    quantity: re.Pattern
    month_after: re.Pattern
    gate: KeyGate
    openers: frozenset[str]  # the words a quantity may begin with before its number, with clitics


# Clitics a number word may carry (وثلاثة، بالعشرات، ولمئتي), as the pattern allows them.
_GATE_PREFIXES = frozenset(c1 + c2 for c1 in ("", "و", "ف") for c2 in ("", "ب", "ل", "ال", "بال", "لل"))


def load_quantity_rules() -> QuantityRules:
    """Compile the quantity patterns; pass the result to every :func:`extract_quantities` call."""
    quantity = re.compile(
        rf"(?<![^\W_])(?:[وف](?=\S))?(?:[بل](?=\S))?"
        rf"(?:(?P<before>{_alt(_BEFORE)})\s*)?(?:[بل](?=\S))?(?P<al>ال(?=\d))?"
        rf"(?:(?P<range>(?:ما\s+)?بين\s+(?P<r1>{NUMBER}|{_alt(lx.DUALS)})\s+و\s*(?P<r2>{NUMBER}))"
        rf"|(?P<fromto>(?:من\s+)?(?P<f1>{NUMBER})\s+(?:الي|حتي)\s+(?P<f2>{NUMBER}))"
        rf"|(?P<dash>(?P<d1>{DIGITS})\s*[-–]\s*(?P<d2>{DIGITS}))"
        rf"|(?P<few>{_alt(lx.FEW)})(?:\s+(?P<fewscale>{_alt(k for k in lx.FEW_SCALES if k)}))?{_E}"
        rf"|(?:ال)?(?P<vague>{_alt(lx.VAGUE)}){_E}"
        rf"|(?P<num>{NUMBER})"
        rf"|(?P<dual>{_alt(lx.DUALS)}){_E})"
        rf"(?:\s*(?P<pct>{lx.PERCENT})|\s*(?P<dollar>\$)"
        rf"|\s+(?:من\s+)?(?:ال)?(?:(?P<unit>{_alt(lx.UNIT_OF)})(?!\s*\d)"
        rf"|(?P<cur>{_alt(lx.CURRENCY_NOUNS)})(?:\s+(?:ال)?(?P<adj>{_NISBA_ALT})(?:ين|ون|ة|ه|ا)?{_E})?){_E})?"
        rf"(?:\s*[،,]?\s+(?P<after>{_alt(_AFTER)}){_E})?"
    )
    month_after = re.compile(rf"\s+(?:من\s+)?(?:شهر\s+)?(?:{_alt(GREGORIAN_MONTHS)}){_E}")
    keys = {
        w for words in (NUMBER_WORDS, lx.VAGUE, lx.FEW, lx.DUALS) for phrase in words for w in phrase.split()
    }
    gate = KeyGate(dict.fromkeys(keys, 1), word_end=True, prefixes=_GATE_PREFIXES, digits=(r"\d+", 1))
    words = {w for phrase in (*_BEFORE, *lx.FEW_SCALES, "ما بين من") for w in phrase.split()} | keys
    openers = frozenset(prefix + w for prefix in _GATE_PREFIXES for w in words)
    return QuantityRules(quantity, month_after, gate, openers)


@cache
def _default_rules() -> QuantityRules:
    return load_quantity_rules()


def extract_quantities(
    article: Article, *, rules: QuantityRules | None = None, settings: QuantitySettings | None = None
) -> Article:
    """Fill ``quantities`` from the article's text (numbers too long to be figures are skipped).

    ``rules`` defaults to a shared compiled copy of :func:`load_quantity_rules`.
    """
    rules = rules or _default_rules()
    settings = settings or QuantitySettings()
    norm = normalize(article.text)
    busy = [(t.start, t.end) for t in article.times] if settings.skip_times else []
    found: list[Quantity] = []
    context: dict[str, str | None] = {}
    for m in _matches(rules, norm.text):
        q = _quantity(m, norm, rules, context)
        if q is None:
            continue
        if any(s < q.end and q.start < e for s, e in busy):
            continue
        found.append(q)
    return article.with_layers(quantities=tuple(found))


# How far before its number a quantity may begin: a clitic and a bound ("وما لا يزيد على").
_REACH = 25


def _matches(rules: QuantityRules, text: str):
    """The pattern's matches that begin shortly before digits and number words."""
    starts = rules.gate.hits(text).get(1)
    return matches_near(rules.quantity, text, starts, _REACH, rules.openers) if starts else ()


def _number(text: str | None) -> int | float | None:
    return None if text is None else parse_number(text)


def _is_not_count(m: re.Match, text: str, rules: QuantityRules) -> bool:
    """Whether the bare number of ``m`` is a year, date, identifier, clock time or code."""
    start, end = m.start("num"), m.end("num")
    core = m.group("num")
    before = text[max(0, start - 2) : start].rjust(2)  # padded: "" is in every string
    after = text[end : end + 2].ljust(2)
    if (before[-1:] in "/:-." and before[:1].isdigit()) or (after[:1] in "/:" and after[1:2].isdigit()):
        return True
    if before[-1:] in "-+" or after[:1] == "+" or _LATIN_RE.search(text[max(0, start - 3) : start]):
        return True  # F-16, إس-400
    if len(core) >= 8 and core.isdigit():
        return True  # phone numbers, ids
    if not m.group("before") and _unclitic(_prev_word(text, m.start(), 30)) in lx.NOT_COUNT_BEFORE:
        return True
    lo = max(0, m.start() - 40)
    listed = text[lo : m.start()].rstrip().endswith("و") and _LISTED_RE.search(text, lo, m.start())
    if listed and listed.group(1) in lx.NOT_COUNT_BEFORE:
        return True  # "القرارين 2216 و2231": the second identifier of a pair
    if _LATIN_AFTER_RE.match(text, end):
        return True  # "60 Minutes", "5 G": part of a name
    if _QUOTED_NAME_RE.match(text, end) and not (m.group("unit") or m.group("before")):
        return True  # "روسيا 24": the name of a channel
    if _CURRENT_MONTH_RE.match(text, end):
        return True  # "في 17 الجاري": a date
    return bool(rules.month_after.match(text, end))


def _prev_word(text: str, start: int, reach: int) -> str:
    """The letters of the word before ``start`` (within ``reach``), only non-word characters
    between; "" when a digit or nothing stands there."""
    lo, end = max(0, start - reach), start
    while end > lo and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    begin = end
    while begin > lo and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end]


def _is_lasta(m: re.Match) -> bool:
    """ "لست" and "ولست" are the verb ليس ("I am not"), not ل with six."""
    return m.group("num") == "ست" and m.string[m.start("num") - 1 : m.start("num")] == "ل"


def _unclitic(word: str) -> str:
    return word[1:] if word[:1] in "وف" and word[1:] in lx.NOT_COUNT_BEFORE else word


def _is_year(value: int | float, m: re.Match) -> bool:
    core = m.group("num")
    return (
        isinstance(value, int)
        and core.isdigit()
        and len(core) == 4
        and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]
        and not (
            m.group("unit") or m.group("cur") or m.group("pct") or m.group("before") or m.group("dollar")
        )
    )


def _quantity(
    m: re.Match, norm: Normalized, rules: QuantityRules, context: dict[str, str | None]
) -> Quantity | None:
    text = norm.text
    value = low = high = None
    if m.group("range") or m.group("fromto") or m.group("dash"):
        a, b = (m.group("r1"), m.group("r2")) if m.group("range") else (m.group("f1"), m.group("f2"))
        if m.group("dash"):
            a, b = m.group("d1"), m.group("d2")
            low, high = parse_digits(a), parse_digits(b)
            low, high = (None if x is None else _plain(x) for x in (low, high))
        else:
            low, high = (2 if a in lx.DUALS else _number(a)), _number(b)
        if low is None or high is None or low >= high:
            return None
        if m.group("fromto") and _CHANGE_RE.search(text, max(0, m.start() - 20), m.start()):
            low, high, value = None, None, high  # "ارتفع من 10 إلى 20": the figure is now 20
        if m.group("dash") and not (m.group("unit") or m.group("cur") or m.group("pct")):
            return None  # 2015-2017, scores, page spans: not counts without a unit
    elif m.group("few"):
        scale = lx.FEW_SCALES[m.group("fewscale") or ""]
        if scale == 1 and not (m.group("unit") or m.group("cur")):
            return None  # "عدة" alone qualifies anything: "عدة دول"
        low, high = 3 * scale, 9 * scale
    elif m.group("vague"):
        low, high = lx.VAGUE[m.group("vague")]
    elif m.group("num"):
        if _is_not_count(m, text, rules):
            return None
        value = parse_number(m.group("num"))
        lone_one = m.group("num") in ("واحد", "واحدة") and not m.group("unit")
        if value is None or _is_year(value, m) or lone_one or _is_lasta(m):
            return None
    else:
        value = 2
    unit, currency = _unit(m, text, context)
    start, end = _span(m)
    people_end = _nisba_plural(m, text)
    if people_end is not None:
        unit, end = "person", people_end
    if text[start - 1 : start] in '"“«' and text[end : end + 1] in '"”»' and start > 0 and end < len(text):
        return None  # "60 دقيقة" in quotes: a title
    if m.group("al") and unit is None:
        return None  # "الدورة الـ15": an ordinal
    approximate = False
    for kind in (_BEFORE.get(m.group("before") or ""), _AFTER.get(m.group("after") or "")):
        if kind == "approx":
            approximate = True
        elif kind and value is not None:
            value, low, high = _bound(kind, value, low, high, whole=unit not in lx.CONTINUOUS)
    start, end = norm.to_original(start, end)
    return Quantity(start, end, value, low, high, approximate, unit, currency)


def _plain(x) -> int | float:
    return int(x) if x.denominator == 1 else float(x)


def _bound(kind: str, value, low, high, *, whole: bool):
    """Bounds of a hedged figure: counts of whole things exclude the number itself."""
    step = 1 if whole and isinstance(value, int) else 0
    if kind == "above":
        return None, value + step, high
    if kind == "atleast":
        return None, value, high
    if kind == "below":
        return None, low, value - step
    return None, low, value  # upto


def _span(m: re.Match) -> tuple[int, int]:
    """From the bound or the number (clitics left out) to the last part matched."""
    start = (
        m.start("before")
        if m.group("before")
        else min(m.start(g) for g in ("range", "fromto", "dash", "few", "vague", "num", "dual") if m.group(g))
    )
    if m.group("vague") and m.string.startswith("ال", m.start("vague") - 2) and not m.group("before"):
        start = m.start("vague") - 2
    return start, m.end()


def _unit(m: re.Match, text: str, context: dict[str, str | None]) -> tuple[str | None, str | None]:
    if m.group("pct"):
        return "percent", None
    if m.group("dollar"):
        return "money", "USD"
    word = m.group("unit") or m.group("dual")
    if word is not None:
        return lx.UNIT_OF[word], None
    if m.group("cur") is None:
        return None, None
    family = lx.CURRENCY_NOUNS[m.group("cur")]
    adj = m.group("adj")
    if adj:
        code = lx.CURRENCY_CODES.get((family, lx.NISBA[adj]))
        if code:
            return "money", code
    if family in lx.DEFAULT_CURRENCY:
        return "money", lx.DEFAULT_CURRENCY[family]
    if family not in context:
        context[family] = _currency_from_context(family, text)
    return "money", context[family]


_NISBA_PLURAL_RE = re.compile(r"\s+([^\W\d_]{3,}(?:يين|يون)|[^\W\d_]{4,}يا)(?![^\W\d_])")
# After 11 and more the counted noun is singular: "1100 إيراني", "300 مليون مسيحي".
_NISBA_SINGULAR_RE = re.compile(r"\s+([^\W\d_]{3,}ي)(?![^\W\d_])")


def _nisba_plural(m: re.Match, text: str) -> int | None:
    """Where a plural nisba after the number ends ("6 فلسطينيين"): people counted as persons."""
    if m.group("after") or m.group("unit") or m.group("cur") or m.group("pct") or m.group("dual"):
        return None
    nxt = _NISBA_PLURAL_RE.match(text, m.end())
    if nxt is None and m.group("num") and (parse_number(m.group("num")) or 0) >= 11:
        nxt = _NISBA_SINGULAR_RE.match(text, m.end())
    return nxt.end() if nxt else None


def _currency_from_context(family: str, text: str) -> str | None:
    """The currency a bare ليرة/دينار/... means: named elsewhere in the article, else its country."""
    nouns = _alt(w for w, f in lx.CURRENCY_NOUNS.items() if f == family)
    named = {
        lx.CURRENCY_CODES.get((family, lx.NISBA[a]))
        for a in re.findall(rf"(?:ال)?(?:{nouns})\s+(?:ال)?({_NISBA_ALT})", text)
    } - {None}
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    countries = [
        code
        for (fam, country), code in lx.CURRENCY_CODES.items()
        if fam == family and country in lx.COUNTRY_NAMES
        if re.search(rf"(?<![^\W\d_])[وبل]?(?:{lx.COUNTRY_NAMES[country].replace(' ', '|')}){_E}", text)
    ]
    return countries[0] if len(countries) == 1 else None
