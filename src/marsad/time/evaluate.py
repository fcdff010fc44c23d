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
class TimemlScore:
    gold: int
    predicted: int
    exact: int
    overlap_gold: int  # gold spans overlapped by some prediction
    overlap_predicted: int  # predictions overlapping some gold span
    calendar_gold: int  # gold DATE/TIME spans whose value is a calendar date, month or year
    calendar_exact: int  # ... found with the exact span
    calendar_value: int  # ... and the same interval


def score_timeml(path: Path, *, published: date, rules: TimeRules | None = None) -> TimemlScore:
    """Spans against ``timex3_spans.jsonl``; every document is taken as published on ``published``."""
    rules = rules or load_time_rules()
    counts = dict.fromkeys(TimemlScore.__dataclass_fields__, 0)
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        article = Article(id=doc["doc"], text=doc["text"], origin=str(path), published=published)
        found = {(t.start, t.end): (t.from_, t.to) for t in resolve_times(article, rules=rules).times}
        gold = doc["timex3"]
        counts["gold"] += len(gold)
        counts["predicted"] += len(found)
        spans = [(g["start"], g["end"]) for g in gold]
        counts["exact"] += sum(span in found for span in spans)
        counts["overlap_gold"] += sum(any(s < e2 and s2 < e for s2, e2 in found) for s, e in spans)
        counts["overlap_predicted"] += sum(any(s < e2 and s2 < e for s2, e2 in spans) for s, e in found)
        for g in gold:
            if g["type"] not in ("DATE", "TIME") or not _CALENDAR_VALUE.match(g["value"].split("T")[0]):
                continue
            counts["calendar_gold"] += 1
            span = (g["start"], g["end"])
            if span in found:
                counts["calendar_exact"] += 1
                counts["calendar_value"] += found[span] == _interval(g["value"].split("T")[0])
    return TimemlScore(**counts)


def _interval(value: str) -> tuple[date, date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return year_interval(parts[0])
    if len(parts) == 2:
        return month_interval(*parts)
    d = date(*parts)
    return d, d
