"""Exactness of the time stage on a hand-checked gold and span agreement with TimeML files.

The gold is JSON (``records``: ``article``, ``published``, ``sentence``, ``times`` with
``start``/``end``/``from``/``to``); each sentence is analysed alone against its article's
publication date. TimeML (HeidelTime-style ``timex3_spans.jsonl``) gives spans without a
document date, so there only spans are scored, plus the values of exactly matched dates.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.article import Article
from marsad.time.calendar import month_interval, year_interval
from marsad.time.resolve import TimeRules, load_time_rules, resolve_times


@dataclass(frozen=True, slots=True)
class Score:
    """Counts behind the figures: exact spans and, among them, exact intervals."""

    gold: int
    predicted: int
    span_matches: int
    value_matches: int

    @property
    def span_recall(self) -> float:
        return self.span_matches / self.gold if self.gold else 0.0

    @property
    def span_precision(self) -> float:
        return self.span_matches / self.predicted if self.predicted else 0.0

    @property
    def exact(self) -> float:
        """Gold expressions found with the exact span and the exact interval."""
        return self.value_matches / self.gold if self.gold else 0.0


def load_gold(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["records"]


def score_gold(records: Iterable[dict], *, rules: TimeRules | None = None) -> Score:
    rules = rules or load_time_rules()
    gold = predicted = spans = values = 0
    for rec in records:
        article = Article(
            id=rec["article"],
            text=rec["sentence"],
            origin="gold",
            published=date.fromisoformat(rec["published"]),
        )
        found = {
            (t.start, t.end): (t.from_.isoformat(), t.to.isoformat())
            for t in resolve_times(article, rules=rules).times
        }
        expected = {(t["start"], t["end"]): (t["from"], t["to"]) for t in rec["times"]}
        gold += len(expected)
        predicted += len(found)
        for span, interval in expected.items():
            if span in found:
                spans += 1
                values += found[span] == interval
    return Score(gold, predicted, spans, values)


_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class SpanCounts:
    """Gold spans of one TIMEX3 type: how many, found exactly, overlapped by a prediction."""

    gold: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, exact: bool, overlap: bool) -> SpanCounts:
        return SpanCounts(self.gold + 1, self.exact + exact, self.overlap + overlap)


@dataclass(frozen=True, slots=True)
class TimemlScore:
    """Span agreement with TimeML: strict (same offsets) and relaxed (overlapping).

    The stage marks calendar intervals only, so TimeML's DURATION ("ثلاث سنوات") and SET
    ("كل يوم") spans count as misses; ``by_type`` shows recall per TIMEX3 type.
    """

    gold: int
    predicted: int
    exact: int
    overlap_gold: int  # gold spans overlapped by some prediction
    overlap_predicted: int  # predictions overlapping some gold span
    calendar_gold: int  # gold DATE/TIME spans whose value is a calendar date, month or year
    calendar_exact: int  # ... found with the exact span
    calendar_value: int  # ... and the same interval
    by_type: dict[str, SpanCounts]

    @property
    def strict(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of exact spans."""
        return _prf(self.exact, self.exact, self.predicted, self.gold)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        """Precision (predictions overlapping a gold span), recall (gold spans overlapped), F1."""
        return _prf(self.overlap_predicted, self.overlap_gold, self.predicted, self.gold)


def _prf(right_predicted: int, right_gold: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = right_predicted / predicted if predicted else 0.0
    r = right_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_timeml(path: Path, *, published: date, rules: TimeRules | None = None) -> TimemlScore:
    """Spans against ``timex3_spans.jsonl``; every document is taken as published on ``published``."""
    rules = rules or load_time_rules()
    counts = dict.fromkeys(("gold", "predicted", "exact", "overlap_gold", "overlap_predicted"), 0)
    counts |= dict.fromkeys(("calendar_gold", "calendar_exact", "calendar_value"), 0)
    by_type: dict[str, SpanCounts] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        article = Article(id=doc["doc"], text=doc["text"], origin=str(path), published=published)
        found = {(t.start, t.end): (t.from_, t.to) for t in resolve_times(article, rules=rules).times}
        gold = doc["timex3"]
        counts["gold"] += len(gold)
        counts["predicted"] += len(found)
        spans = [(g["start"], g["end"]) for g in gold]
        counts["overlap_predicted"] += sum(any(s < e2 and s2 < e for s2, e2 in spans) for s, e in found)
        for g, (s, e) in zip(gold, spans, strict=True):
            exact = (s, e) in found
            overlap = any(s < e2 and s2 < e for s2, e2 in found)
            counts["exact"] += exact
            counts["overlap_gold"] += overlap
            by_type[g["type"]] = by_type.get(g["type"], SpanCounts()).add(exact, overlap)
            if g["type"] not in ("DATE", "TIME") or not _CALENDAR_VALUE.match(g["value"].split("T")[0]):
                continue
            counts["calendar_gold"] += 1
            if exact:
                counts["calendar_exact"] += 1
                counts["calendar_value"] += found[(s, e)] == _interval(g["value"].split("T")[0])
    return TimemlScore(**counts, by_type=dict(sorted(by_type.items())))


def _interval(value: str) -> tuple[date, date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return year_interval(parts[0])
    if len(parts) == 2:
        return month_interval(*parts)
    d = date(*parts)
    return d, d
