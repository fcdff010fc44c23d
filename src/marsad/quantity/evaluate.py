"""Exactness of the quantity stage on a hand-checked gold of Arabic news sentences.

The gold is JSON (``records``: ``article``, ``published``, ``sentence``, ``quantities`` with
``start``/``end`` and the expected ``value low high approximate unit currency``). Each
sentence is analysed alone, after the time stage (whose expressions are not quantities).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.article import Article
from marsad.quantity.extract import QuantityRules, extract_quantities, load_quantity_rules
from marsad.time.resolve import TimeRules, load_time_rules, resolve_times

FIELDS = ("value", "low", "high", "approximate", "unit", "currency")


@dataclass(frozen=True, slots=True)
class Score:
    gold: int
    predicted: int
    span_matches: int
    value_matches: int  # exact span and every field right
    number_matches: int  # exact span and value/low/high right (unit or currency may differ)

    @property
    def span_recall(self) -> float:
        return self.span_matches / self.gold if self.gold else 0.0

    @property
    def span_precision(self) -> float:
        return self.span_matches / self.predicted if self.predicted else 0.0

    @property
    def exact(self) -> float:
        return self.value_matches / self.gold if self.gold else 0.0

    @property
    def numbers_exact(self) -> float:
        return self.number_matches / self.gold if self.gold else 0.0


def load_gold(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["records"]


def score_gold(
    records: Iterable[dict], *, rules: QuantityRules | None = None, time_rules: TimeRules | None = None
) -> Score:
    rules = rules or load_quantity_rules()
    time_rules = time_rules or load_time_rules()
    gold = predicted = spans = values = numbers = 0
    for rec in records:
        article = Article(
            id=rec["article"],
            text=rec["sentence"],
            origin="gold",
            published=date.fromisoformat(rec["published"]),
        )
        article = extract_quantities(resolve_times(article, rules=time_rules), rules=rules)
        found = {(q.start, q.end): tuple(getattr(q, f) for f in FIELDS) for q in article.quantities}
        gold += len(rec["quantities"])
        predicted += len(found)
        for q in rec["quantities"]:
            got = found.get((q["start"], q["end"]))
            if got is None:
                continue
            spans += 1
            want = tuple(q[f] for f in FIELDS)
            values += got == want
            numbers += got[:3] == want[:3]
    return Score(gold, predicted, spans, values, numbers)
