"""Scoring the event stage against gold data.

Two gold sets:

- the UniversalPetrarch Arabic gold standard (one PROTEST or ASSAULT event per sentence, with
  its trigger and actor words): the share of sentences where an event of the gold type has the
  gold trigger, the share whose gold actor is found as the event's actor, and the extra
  PROTEST/ASSAULT events per sentence;
- an annotated set of whole articles (``docs/annotation.md``): precision and recall by type,
  modality and source accuracy over matched events, and the share of gold events whose type,
  place (within 50 km; the country for a country) and time (overlapping intervals) are all right.

A predicted event matches a gold one when its trigger, or one of its merged mentions,
overlaps the gold trigger or one of the gold event's other mentions.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.article import Article, Event
from marsad.events.lexicon import key
from marsad.geo.gazetteer import haversine_km

PLACE_KM = 50.0
_CLITICS = ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل")


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_WORD_RE = re.compile(r"[^\W_]+")


def core(word: str) -> str:
    """A word without its leading conjunction, preposition or article, for loose comparison."""
    w = key(word)
    for p in _CLITICS:
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p) :]
    return w


def _words(text: str) -> set[str]:
    """Words without the punctuation stuck to them: «المارينز» and المارينز are one word."""
    return {core(w) for w in _WORD_RE.findall(key(text)) if len(w) > 1}  # marks dropped first


# --- UniversalPetrarch gold standard -------------------------------------------------------


@dataclass
class PetrarchScores:
    sentences: int = 0
    hits: int = 0  # an event of the gold type with the gold trigger (type alone when none)
    with_trigger: int = 0
    trigger_hits: int = 0  # primary trigger only
    trigger_hits_any: int = 0  # primary trigger or a merged mention
    with_source: int = 0
    source_found: int = 0
    extra: int = 0
    modality: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:.1f}% ({a}/{b})" if b else "n/a"

        return [
            f"sentences: {self.sentences}",
            f"event of the gold type with the gold trigger (type alone when no trigger is given): "
            f"{pct(self.hits, self.sentences)}",
            f"  sentences with a gold trigger, matched by the event's trigger: "
            f"{pct(self.trigger_hits, self.with_trigger)}",
            f"  ... by its trigger or a merged mention: {pct(self.trigger_hits_any, self.with_trigger)}",
            f"gold source actor found as the event's actor: {pct(self.source_found, self.with_source)}",
            f"extra PROTEST/ASSAULT events per sentence: {self.extra / max(1, self.sentences):.3f}",
            "modality of matched events: " + ", ".join(f"{k} {v}" for k, v in self.modality.most_common()),
        ]


def _trigger_words(article: Article, ev: Event, *, merged: bool) -> set[str]:
    spans = [(ev.trigger_start, ev.trigger_end), *(ev.mentions if merged else ())]
    return set().union(*(_words(article.text[s:e]) for s, e in spans))


def score_petrarch(records: Iterable[dict], analyze: Callable[[dict], Article]) -> PetrarchScores:
    """``analyze`` turns one gold record (``text``, ``published``) into an analysed article."""
    scores = PetrarchScores()
    for record in records:
        gold = record["events"][0]
        gold_type = gold["plover"]
        article = analyze(record)
        events = [e for e in article.events if e.type in ("PROTEST", "ASSAULT")]
        typed = [e for e in events if e.type == gold_type]
        gold_trigger = _words(gold["eventtext"])
        scores.sentences += 1
        match = None
        if gold_trigger:
            scores.with_trigger += 1
            strict = [e for e in typed if _trigger_words(article, e, merged=False) & gold_trigger]
            loose = [e for e in typed if _trigger_words(article, e, merged=True) & gold_trigger]
            scores.trigger_hits += bool(strict)
            scores.trigger_hits_any += bool(loose)
            match = (strict or loose or [None])[0]
        elif typed:
            match = typed[0]
        scores.hits += match is not None
        scores.extra += len(events) - (match is not None)
        if match is not None:
            scores.modality[match.modality] += 1
        gold_source = _words(gold["sourcetext"])
        if gold_source:
            scores.with_source += 1
            actors = [
                article.text[p.start : p.end]
                for p in (match.participants if match else ())
                if p.role == "actor"
            ]
            scores.source_found += any(_words(a) & gold_source for a in actors)
    return scores


# --- annotated articles ----------------------------------------------------------------------


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class AnnotatedScores:
    articles: int = 0
    by_type: dict[str, Tally] = field(default_factory=dict)
    matched: int = 0
    modality_right: int = 0
    source_right: int = 0
    gold: int = 0
    full_right: int = 0  # type, place and time all right
    place_right: int = 0
    time_right: int = 0
    confusions: Counter = field(default_factory=Counter)

    def total(self) -> Tally:
        t = Tally()
        for x in self.by_type.values():
            t.tp, t.fp, t.fn = t.tp + x.tp, t.fp + x.fp, t.fn + x.fn
        return t

    def lines(self) -> list[str]:
        out = [f"articles: {self.articles}, gold events: {self.gold}"]
        out.append(f"{'type':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for name, t in sorted(self.by_type.items(), key=lambda kv: -(kv[1].tp + kv[1].fn)):
            p, r, f = t.prf()
            out.append(f"{name:<10} {t.tp + t.fn:>5} {t.tp + t.fp:>5} {p:>6.1%} {r:>6.1%} {f:>6.1%}")
        t = self.total()
        p, r, f = t.prf()
        out.append(f"{'all':<10} {t.tp + t.fn:>5} {t.tp + t.fp:>5} {p:>6.1%} {r:>6.1%} {f:>6.1%}")
        m = max(1, self.matched)
        out.append(
            f"modality accuracy over matched events: {self.modality_right / m:.1%} "
            f"({self.modality_right}/{m})"
        )
        out.append(
            f"source accuracy over matched events: {self.source_right / m:.1%} ({self.source_right}/{m})"
        )
        g = max(1, self.gold)
        out.append(
            f"gold events with type, place and time all right: {self.full_right / g:.1%} "
            f"({self.full_right}/{g})"
        )
        out.append(f"  place right: {self.place_right / g:.1%}; time right: {self.time_right / g:.1%}")
        if self.confusions:
            out.append(
                "type confusions (gold->predicted): "
                + ", ".join(f"{a}->{b} {n}" for (a, b), n in self.confusions.most_common(8))
            )
        return out


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _overlaps(a: Sequence[int], b: Sequence[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pred_spans(ev: Event) -> list[tuple[int, int]]:
    return [(ev.trigger_start, ev.trigger_end), *ev.mentions]


def _gold_spans(g: dict) -> list[Sequence[int]]:
    return [g["trigger"], *g.get("also", ())]


def place_right(article: Article, ev: Event, gold: dict | None) -> bool:
    place = article.places[ev.place] if ev.place is not None else None
    if gold is None or place is None:
        return gold is None and place is None
    if gold.get("level") == "country":
        return place.country == gold.get("country")
    if place.lat is None or place.lon is None:
        return False
    return haversine_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= PLACE_KM


def time_right(ev: Event, gold: Sequence[str] | None) -> bool:
    if gold is None or ev.time_from is None or ev.time_to is None:
        return gold is None and ev.time_from is None
    return ev.time_from <= date.fromisoformat(gold[1]) and date.fromisoformat(gold[0]) <= ev.time_to


def score_article(article: Article, gold_events: list[dict], scores: AnnotatedScores) -> None:
    scores.articles += 1
    preds = list(article.events)
    used: set[int] = set()
    for g in gold_events:
        scores.gold += 1
        spans = _gold_spans(g)
        overlapping = [
            i
            for i, ev in enumerate(preds)
            if i not in used and any(_overlaps(p, s) for p in _pred_spans(ev) for s in spans)
        ]
        same = [i for i in overlapping if preds[i].type == g["type"]]
        tally = scores.by_type.setdefault(g["type"], Tally())
        if not same:
            tally.fn += 1
            if overlapping:
                scores.confusions[(g["type"], preds[overlapping[0]].type)] += 1
            continue
        i = same[0]
        used.add(i)
        ev = preds[i]
        tally.tp += 1
        scores.matched += 1
        scores.modality_right += ev.modality == g["modality"]
        gold_source = g.get("source")
        scores.source_right += (ev.source is None and gold_source is None) or (
            ev.source is not None
            and gold_source is not None
            and _overlaps((ev.source.start, ev.source.end), gold_source)
        )
        p_ok, t_ok = place_right(article, ev, g.get("place")), time_right(ev, g.get("time"))
        scores.place_right += p_ok
        scores.time_right += t_ok
        scores.full_right += p_ok and t_ok
    for i, ev in enumerate(preds):
        if i not in used:
            scores.by_type.setdefault(ev.type, Tally()).fp += 1
