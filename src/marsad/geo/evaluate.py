"""Score place resolution against a hand-made gold of toponym mentions in news articles.

Gold format (JSON): ``{"corpus": ..., "articles": [{"id", "published", "sentences": [[start, end]],
"mentions": [{"start", "end", "text", "level", "geonameid", "lat", "lon", "relation"}],
"ignore": [[start, end]]}]}``. Only the annotated sentences count, and ``ignore`` spans (toponyms the
gold cannot pin) do not count at all: a predicted place there is neither right nor wrong.
"""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.article import Article, Place
from marsad.geo.gazetteer import Gazetteer, haversine_km
from marsad.geo.resolve import GeoSettings, resolve_places

THRESHOLDS_KM = (1.0, 25.0, 161.0)


@dataclass
class GeoScores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    level: int = 0
    within: dict[float, int] = field(default_factory=lambda: dict.fromkeys(THRESHOLDS_KM, 0))
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def as_dict(self) -> dict:
        f1 = 2 * self.precision * self.recall / (self.precision + self.recall) if self.matched else 0.0
        out = {
            "gold_mentions": self.gold,
            "predicted": self.predicted,
            "detection_precision": round(self.precision, 3),
            "detection_recall": round(self.recall, 3),
            "detection_f1": round(f1, 3),
            "exact_id_of_found": round(self.exact / self.matched, 3) if self.matched else 0.0,
            "level_of_found": round(self.level / self.matched, 3) if self.matched else 0.0,
        }
        for km, n in self.within.items():
            out[f"acc@{km:g}km_of_found"] = round(n / self.matched, 3) if self.matched else 0.0
            out[f"acc@{km:g}km_of_gold"] = round(n / self.gold, 3) if self.gold else 0.0
        return out


def read_corpus(path: Path, ids: set[str]) -> dict[str, dict]:
    """The records of ``ids`` from a JSON Lines corpus (optionally gzip-compressed)."""
    opener = gzip.open if path.suffix == ".gz" else open
    found = {}
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("id") in ids:
                found[record["id"]] = record
    return found


def _same_place(p: Place, g: dict) -> bool:
    if g.get("relation"):
        r = g["relation"]
        return p.relation is not None and p.relation.direction == r["direction"] and p.relation.of == r["of"]
    if g.get("geonameid") is None and g.get("level") == "region":
        # A region GeoNames has no id for (شرق الفرات، الساحل الغربي): the same region of Marsad's table.
        return (
            p.level == "region" and p.lat is not None and haversine_km(p.lat, p.lon, g["lat"], g["lon"]) < 1.0
        )
    return p.geonameid is not None and p.geonameid == g.get("geonameid")


def score_article(article: Article, gold: dict, scores: GeoScores) -> None:
    sentences = gold.get("sentences") or [[0, len(article.text)]]

    def inside(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in sentences)

    ignored = gold.get("ignore") or []  # toponyms the gold cannot pin (rivers, unlisted districts)
    predicted = [
        p
        for p in article.places
        if inside(p.start, p.end) and not any(a < p.end and p.start < b for a, b in ignored)
    ]
    mentions = gold["mentions"]
    scores.gold += len(mentions)
    scores.predicted += len(predicted)
    used: set[int] = set()
    for g in mentions:
        if article.text[g["start"] : g["end"]] != g["text"]:
            scores.errors.append(f"{gold['id']}: gold span {g['start']}:{g['end']} is not «{g['text']}»")
        best, overlap = None, 0
        for k, p in enumerate(predicted):
            common = min(p.end, g["end"]) - max(p.start, g["start"])
            if k not in used and common > overlap:
                best, overlap = k, common
        if best is None:
            continue
        used.add(best)
        p = predicted[best]
        scores.matched += 1
        scores.exact += _same_place(p, g)
        scores.level += p.level == g["level"]
        if p.lat is not None and g.get("lat") is not None:
            d = haversine_km(p.lat, p.lon, g["lat"], g["lon"])
            for km in THRESHOLDS_KM:
                scores.within[km] += d <= km


def evaluate(
    gold_path: Path, corpus_path: Path, *, gazetteer: Gazetteer, settings: GeoSettings | None = None
) -> GeoScores:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    records = read_corpus(corpus_path, {a["id"] for a in gold["articles"]})
    scores = GeoScores()
    started = time.perf_counter()
    for entry in gold["articles"]:
        record = records.get(entry["id"])
        if record is None:
            scores.errors.append(f"{entry['id']}: not in {corpus_path}")
            continue
        article = Article(
            id=record["id"],
            text=record["text"],
            origin=str(corpus_path),
            published=date.fromisoformat(record["published"][:10]),
        )
        score_article(resolve_places(article, gazetteer=gazetteer, settings=settings), entry, scores)
    scores.seconds = time.perf_counter() - started
    return scores
