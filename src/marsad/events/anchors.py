"""Where, when and how many for one event, chosen among the article's places, times and
quantities by how close they stand to its trigger.

The search widens step by step: the trigger's clause, the clause governing it (the one a
subordinate عندما / الذي / أن clause hangs on), the stretch of the sentence, the sentence,
and for a place the article's dateline. Among places at the same step the most specific wins
(إعزاز before حلب in «وسط مدينة إعزاز شمالي حلب»), then one after a locative word, then the
nearest. Without a stated time the event gets the publication date as a coarse interval.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from marsad.article import Article, Place, Quantity, TimeExpr
from marsad.events.lexicon import key
from marsad.events.text import View
from marsad.events.triggers import Mention

_LEVEL_RANK = {"relative": 0, "town": 0, "city": 1, "region": 2, "admin1": 2, "country": 3}
_LOCATIVE = frozenset(
    key(w)
    for w in (
        "في قرب وسط داخل شمال جنوب شرق غرب شمالي جنوبي شرقي غربي أطراف ريف محيط مدينة بلدة قرية حي منطقة"
    ).split()
)
PEOPLE_UNITS = frozenset(
    {None, "person", "child", "family", "refugee", "displaced", "fighter", "soldier", "detainee"}
)
_DATELINE_RE = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?[-–—ـ:(]")
_DATELINE_REACH = 80
_CASUALTY_REACH = 3
# What a toll's figure follows: ... إلى 19 (rose to), بلغ 19 (reached).
_TOLL_TO_RE = re.compile(r"(?:\b[وف]?(?:إلى|الى|بلغ|وصل)\s+(?:نحو\s+|حوالي\s+)?)$")
_PLACE_SENTENCES_BACK = 2


@dataclass(frozen=True, slots=True)
class Window:
    """Time fallback: publication date minus ``coarse_days`` (planned events: plus ``planned_days``)."""

    coarse_days: int = 7
    planned_days: int = 30


def steps(v: View, m: Mention) -> list[tuple[int, int]]:
    """Token ranges to search, nearest first: clause, governing clause, stretch, sentence."""
    c = v.clause_of[m.tok]
    clause = v.clauses[c]
    ranges = [(clause.first, clause.end)]
    lo, _ = v.sent_span[v.sent_of[m.tok]]
    if clause.subordinate and c > 0 and v.clauses[c - 1].first >= lo:
        prev = v.clauses[c - 1]
        ranges.append((prev.first, prev.end))
    ranges.append(v.stretch(m.tok))
    ranges.append(v.sent_span[v.sent_of[m.tok]])
    return ranges


def _chars(v: View, first: int, end: int) -> tuple[int, int]:
    return v.tokens[first].start, v.tokens[end - 1].end


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    """The article's places by offset and by how often each is named, built once per article
    so that choosing one event's place does not walk every place of a long article."""

    starts: tuple[int, ...]  # start offsets, ascending
    order: tuple[int, ...]  # place indexes in that order
    ranked: tuple[tuple[tuple, tuple[int, ...]], ...]  # (place key, its indexes), most named first
    longest: int = 0  # characters of the longest place mention

    @classmethod
    def build(cls, places: Sequence[Place], opening: int) -> PlaceIndex:
        pairs = sorted((p.start, i) for i, p in enumerate(places))
        named: dict[tuple, list[int]] = {}
        for i, p in enumerate(places):
            if p.end > opening:
                named.setdefault(_place_key(p), []).append(i)
        ranked = sorted(named.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
        return cls(
            tuple(a for a, _ in pairs),
            tuple(i for _, i in pairs),
            tuple((k, tuple(v)) for k, v in ranked),
            max((p.end - p.start for p in places), default=0),
        )

    def within(self, lo: int, hi: int) -> tuple[int, ...]:
        """Indexes of the places starting in ``lo:hi``, in text order."""
        return self.order[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def near(self, start: int, end: int) -> tuple[int, ...]:
        """Indexes of the places that may overlap ``start:end`` (a superset, in text order)."""
        return self.within(start - self.longest, end)


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the choice of one event's place needs to know besides its trigger."""

    exclude: frozenset[int] = frozenset()  # places standing for a participant (the actor's country)
    own: frozenset[int] = frozenset()  # token indexes of the event's words
    others: Sequence[int] = ()  # token indexes of every event word of the sentence
    scope: tuple[int, int] | None = None  # token range of the attribution frame covering it
    dateline: int | None = None  # the dateline's place, when the article offers no other
    opening: int = 0  # character offset where the text after the dateline starts
    index: PlaceIndex | None = None  # built from the places when not given


def _candidate(
    v: View, places: Sequence[Place], i: int, ctx: PlaceContext, sentence: tuple[int, int]
) -> bool:
    """A place of the event's sentence that is not the dateline, the speaker's whereabouts
    (وقال مسؤول في الدفاع المدني بالبلدة إن ...) or the place of another event word."""
    p = places[i]
    if i in ctx.exclude or p.end <= ctx.opening:
        return False
    j = _token_at(v, p.start)
    if ctx.scope is not None and not ctx.scope[0] <= j < ctx.scope[1] and sentence[0] <= j < sentence[1]:
        return False
    return not (ctx.others and _nearest(v, list(ctx.others), j) not in ctx.own)


def choose_place(v: View, places: Sequence[Place], m: Mention, ctx: PlaceContext) -> tuple[int | None, bool]:
    """The index of the event's place, and whether it came from the event's own sentence.
    Without one there, a reader takes the place the text last named (the previous sentences
    of the paragraph), else the place the article names most, else the dateline."""
    if not places or not v.tokens:
        return ctx.dateline, False
    index = ctx.index or PlaceIndex.build(places, ctx.opening)
    trigger = v.tokens[m.tok].start
    sentence = v.sent_span[v.sent_of[m.tok]]
    for first, end in steps(v, m):
        lo, hi = _chars(v, first, end)
        best = None
        for i in index.within(lo, hi):
            p = places[i]
            if p.end > hi or not _candidate(v, places, i, ctx, sentence):
                continue
            j = _token_at(v, p.start)
            locative = (j > 0 and v.full[j - 1] in _LOCATIVE) or v.text[p.start] == "ب"
            rank = (_LEVEL_RANK.get(p.level, 2), not locative, abs(p.start - trigger))
            if best is None or rank < best[0]:
                best = (rank, i)
        if best is not None:
            return best[1], True
    return _context_place(v, places, m, ctx, index), False


def _context_place(
    v: View, places: Sequence[Place], m: Mention, ctx: PlaceContext, index: PlaceIndex
) -> int | None:
    s = v.sent_of[m.tok]
    lo = v.sentences[max(0, s - _PLACE_SENTENCES_BACK)].start
    start = v.sentences[s].start
    if "\n" in v.text[lo:start]:
        lo = v.text.rindex("\n", lo, start)
    away = {_place_key(places[i]) for i in ctx.exclude}
    before = [
        i
        for i in index.within(lo, start)
        if places[i].end > ctx.opening and _place_key(places[i]) not in away
    ]
    if before:
        return before[-1]
    usable = [(k, found) for k, found in index.ranked if k not in away]
    if usable:
        top = usable[0][1]
        return top[0] if len(top) > 1 else min(found[0] for _, found in usable)
    return ctx.dateline


def _place_key(p: Place) -> tuple:
    return p.geonameid, p.name


def find_dateline(article: Article) -> tuple[int | None, int]:
    """The place a dateline opens the article with («بيروت - رويترز», «دمشق (أ ف ب) -») and
    the offset where the text after the dateline starts (0 without one). A dateline says where
    the reporter is (CNN Arabic datelines nearly every story «دبي»), so its place stands in for
    the place of an event only in an article that names no other place after it."""
    for i, p in enumerate(article.places):
        if p.start > _DATELINE_REACH:
            break
        found = _DATELINE_RE.match(article.text, p.end)
        if found and "\n" not in article.text[: p.start]:
            after = found.end()
            return (None if any(q.start >= after for q in article.places) else i), after
    return None, 0


def choose_time(
    v: View, article: Article, m: Mention, own: frozenset[int], others: Sequence[int]
) -> int | None:
    """The time expression nearest the trigger, step by step (:func:`steps`), among those that
    belong to this event: a time whose nearest event word is another event's (قتلوا الأربعاء)
    is that event's, and a time inside a subordinate clause the trigger is not in (حيث شغل
    منصبه عام 2016) describes something else. A clause right after the trigger that says when
    it happened («هجوم ...، وقع قبل عشرة أيام») is searched first."""
    times = article.times
    if not times or not v.tokens:
        return None
    trigger = v.tokens[m.tok].start
    trigger_clause = v.clause_of[m.tok]
    when = _when_clause_time(v, times, trigger_clause)
    if when is not None:
        return when
    words = sorted({*own, *others})
    ranges = steps(v, m)
    happened = _happened_clause(v, m)
    if happened is not None:
        ranges.insert(1, happened)
    for first, end in ranges:
        lo, hi = _chars(v, first, end)
        inside = []
        for i, t in enumerate(times):
            if not (lo <= t.start and t.end <= hi):
                continue
            j = _token_at(v, t.start)
            clause = v.clauses[v.clause_of[j]]
            if v.clause_of[j] != trigger_clause and clause.subordinate and (first, end) != happened:
                continue
            if words and _nearest(v, words, j) not in own:
                continue
            inside.append((abs(t.start - trigger), i))
        if inside:
            return min(inside)[1]
    return None


_WHEN = frozenset(key(w) for w in "عندما حين حينما لما".split())


def _when_clause_time(v: View, times: Sequence[TimeExpr], c: int) -> int | None:
    """«منذ أوائل 2014 عندما تم هزيمتهم»: a when-clause right after a time is dated by it."""
    clause = v.clauses[c]
    if clause.opener not in _WHEN or clause.first == 0:
        return None
    before = v.tokens[clause.first - 1].end
    for i, t in enumerate(times):
        if t.end == before or (t.end < before and not v.text[t.end : before].strip(" ،,")):
            return i
    return None


_HAPPENED = frozenset(key(w) for w in "وقع وقعت جرى جرت حدث حدثت تم نفذ نفذت".split())


def _happened_clause(v: View, m: Mention) -> tuple[int, int] | None:
    c = v.clause_of[m.tok] + 1
    if c >= len(v.clauses) or v.sent_of[v.clauses[c].first] != v.sent_of[m.tok]:
        return None
    clause = v.clauses[c]
    j = clause.first + 1 if v.is_punct(clause.first) else clause.first
    if j < clause.end and (v.full[j] in _HAPPENED or v.stem[j] in _HAPPENED):
        return clause.first, clause.end
    return None


def _token_at(v: View, char: int) -> int:
    lo, hi = 0, len(v.tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if v.tokens[mid].end <= char:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, len(v.tokens) - 1)


def _nearest(v: View, words: list[int], j: int) -> int:
    """The event word a time at token ``j`` belongs to: one of its clause, else the closest."""
    return min(words, key=lambda w: (v.clause_of[w] != v.clause_of[j], abs(w - j), w))


def coarse_interval(published: date | None, modality: str, window: Window) -> tuple[date, date] | None:
    if published is None:
        return None
    if modality == "planned":
        return published, _day(published.toordinal() + window.planned_days)
    return _day(published.toordinal() - window.coarse_days), published


def _day(ordinal: int) -> date:
    """The day of this ordinal, kept inside the calendar (years 1 to 9999)."""
    return date.fromordinal(min(max(ordinal, 1), date.max.toordinal()))


def choose_counts(
    v: View, quantities: Sequence[Quantity], m: Mention, merged: list[Mention], spans: list[tuple[int, int]]
) -> list[tuple[str, int]]:
    """``(what, index)`` of the figures the event reports: killed, injured, else people."""
    if not quantities:
        return []
    first, end = v.stretch(m.tok)
    lo, hi = _chars(v, first, end)
    usable = [
        i
        for i, q in enumerate(quantities)
        if lo <= q.start and q.end <= hi and q.currency is None and q.unit in PEOPLE_UNITS
    ]
    counts: list[tuple[str, int]] = []
    for other in [m, *merged]:
        what = other.sense.casualty
        if what is None or any(w == what for w, _ in counts):
            continue
        near = _next_to(v, quantities, [i for i in usable if all(i != j for _, j in counts)], other)
        if near is not None:
            counts.append((what, near))
    if not counts:
        inside = [
            i for i in usable if any(s <= quantities[i].start and quantities[i].end <= e for s, e in spans)
        ]
        if inside:
            counts.append(("people", inside[0]))
    counts.sort(key=lambda c: c[0] != "killed")
    return counts


def _next_to(v: View, quantities: Sequence[Quantity], usable: list[int], m: Mention) -> int | None:
    """A figure just after a casualty word (مقتل خمسة) or just before it (خمسة أشخاص قتلوا);
    for a toll (ارتفع عدد القتلى جراء الغارات ... إلى 19 شخصا), the figure it rose or came to."""
    if m.first > 0 and v.stem[m.first - 1] == "عدد":
        sentence_end = v.tokens[v.sent_span[v.sent_of[m.last]][1] - 1].end
        for i in usable:
            start = quantities[i].start
            after = v.tokens[m.last].end <= start <= sentence_end
            if after and _TOLL_TO_RE.search(v.text, start - 24, start):
                return i
    after_lo = v.tokens[m.last].end
    after_hi = v.tokens[min(len(v.tokens) - 1, m.last + _CASUALTY_REACH)].end
    before_lo = v.tokens[max(0, m.first - _CASUALTY_REACH - 1)].start
    before_hi = v.tokens[m.first].start
    after = [i for i in usable if after_lo <= quantities[i].start <= after_hi]
    before = [i for i in usable if before_lo <= quantities[i].end <= before_hi]
    return (after or before or [None])[0]
