"""Stories: the articles, from any outlet, that report the same piece of news.

Outlets that write a story independently share few phrases but many names and words, so
articles are compared by the cosine of TF-IDF vectors over normalised words of the headline
and the lead (where news puts who, what and where), plus that of the headlines alone. The
analysis adds what words miss: the share of named entities two articles have in common, the
share of their resolved places, and whether their main events (the first each article
reports) are of one type: "Russia expels 23 diplomats" and "Britain accuses Putin" share
every word but not their event. News moves fast: the next step of a storyline (a reaction, a
retaliation) is published hours later and shares most of the words, so the score loses a
little for every hour between two articles, and a little for two articles from one outlet
(an outlet rarely reports one piece of news twice; it reports its follow-ups). Clusters grow
by average linkage: two clusters join when their articles are, on average, similar enough,
taking the most similar pairs first; pairs are ordered by score and then by id, so the
stories depend only on the set of articles.

The weights were chosen on the dev half of the story gold (``tests/stories/gold_stories.json``,
``python benchmarks/store.py quality``): the setting that reached precision 0.9 and recall 0.8
there with the best F1. Articles without analysis (no entities, places or events) are scored
on their words alone; :data:`TEXT_ONLY` is the setting for that case.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from scipy import sparse

from marsad.nlp.normalize import normalize_text
from marsad.stories.merge import stem

_WORD_RE = re.compile(r"[^\W\d_]{2,}|\d+")
_PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال")


@dataclass(frozen=True, slots=True)
class StorySettings:
    threshold: float = 0.30  # average score for two clusters to join
    window_hours: float = 48.0  # only articles published this close are compared
    min_cosine: float = 0.05  # pairs sharing fewer words are never compared further
    per_hour: float = 0.0195  # score lost per hour between two articles
    same_site: float = 0.1  # score lost by two articles of one outlet
    title_weight: float = 2.0  # a headline word counts this many lead words
    lead_words: int = 80
    title_cosine: float = 0.5  # weight of the headlines' own cosine
    names: float = 0.28  # weight of the share of named entities in common
    places: float = 0.07  # weight of the share of resolved places in common
    same_kind: float = 0.15  # added when the main events are of one type


#: For articles without analysis: headline and lead words only, as tuned before the analysis
#: features existed.
TEXT_ONLY = StorySettings(
    threshold=0.16, min_cosine=0.0, per_hour=0.01, same_site=0.05, title_cosine=0.0, names=0.0, places=0.0,
    same_kind=0.0,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoryDoc:
    id: str
    published: datetime | None  # a date alone counts as its noon
    title: str | None
    text: str
    site: str | None = None
    kind: str | None = None  # type of the article's main (first) event
    names: frozenset[str] = frozenset()  # named entities, as :func:`name_key` folds them
    places: frozenset[int] = frozenset()  # geonameids of the resolved places

    @property
    def hour(self) -> float | None:
        if self.published is None:
            return None
        when = self.published
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.timestamp() / 3600.0


def terms(text: str) -> list[str]:
    """Normalised words with the article and its leading conjunctions and prepositions off."""
    out = []
    for word in _WORD_RE.findall(normalize_text(text, ta_marbuta=True).lower()):
        for prefix in _PROCLITICS:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        out.append(word)
    return out


def name_key(text: str) -> str:
    """An entity's words folded and crudely stemmed, so "الرئيس الإندونيسي" meets "رئيس إندونيسيا"."""
    return " ".join(stem(w) for w in normalize_text(text, ta_marbuta=True).split())


def _counts(doc: StoryDoc, settings: StorySettings, lead: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    for t in terms(doc.text)[: settings.lead_words] if lead else ():
        counts[t] += 1.0
    for t in terms(doc.title or ""):
        counts[t] += settings.title_weight
    return counts


def _share(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _matrix(docs: list[StoryDoc], settings: StorySettings, *, lead: bool = True) -> sparse.csr_matrix:
    counts = [_counts(d, settings, lead) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocab = {t: i for i, t in enumerate(sorted(df))}
    n = len(docs)
    rows, cols, vals = [], [], []
    for r, c in enumerate(counts):
        for t, tf in c.items():
            rows.append(r)
            cols.append(vocab[t])
            # Words in one article only link nothing; very common words say little.
            vals.append((1.0 + math.log(tf)) * math.log((n + 1) / df[t]) if df[t] > 1 else 0.0)
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def similar_pairs(docs: list[StoryDoc], settings: StorySettings) -> dict[tuple[int, int], float]:
    """The score of every pair of dated articles within the window (i < j), when their
    words overlap more than ``min_cosine``."""
    m = _matrix(docs, settings)
    titles = _matrix(docs, settings, lead=False) if settings.title_cosine else None
    hours = {i: h for i, d in enumerate(docs) if (h := d.hour) is not None}
    days: dict[int, list[int]] = {}
    for i, h in hours.items():
        days.setdefault(int(h // 24), []).append(i)
    reach = math.ceil(settings.window_hours / 24)
    pairs: dict[tuple[int, int], float] = {}
    for day in sorted(days):
        left = days[day]
        right = [i for d in range(day, day + reach + 1) for i in days.get(d, ())]
        if len(right) < 2:
            continue
        sims = (m[left] @ m[right].T).tocoo()
        heads: dict[tuple[int, int], float] = {}
        if titles is not None:
            t = (titles[left] @ titles[right].T).tocoo()
            heads = dict(zip(zip(t.row.tolist(), t.col.tolist(), strict=True), t.data.tolist(), strict=True))
        for a, b, cos in zip(sims.row, sims.col, sims.data, strict=True):
            i, j = left[a], right[b]
            gap = abs(hours[i] - hours[j])
            if i == j or cos <= settings.min_cosine or gap > settings.window_hours:
                continue
            score = cos - settings.per_hour * gap
            score += settings.title_cosine * heads.get((a, b), 0.0)
            di, dj = docs[i], docs[j]
            if di.site and di.site == dj.site:
                score -= settings.same_site
            if di.kind and di.kind == dj.kind:
                score += settings.same_kind
            score += settings.names * _share(di.names, dj.names)
            score += settings.places * _share(di.places, dj.places)
            pairs[(min(i, j), max(i, j))] = float(score)
    return pairs


def cluster_stories(
    docs: Iterable[StoryDoc],
    settings: StorySettings | None = None,
    together: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Article id to story id (the id of the story's earliest article).

    ``together`` maps an article to one it must share a story with (a near-duplicate to its
    original)."""
    settings = settings or StorySettings()
    docs = sorted({d.id: d for d in docs}.values(), key=lambda d: d.id)
    index = {d.id: i for i, d in enumerate(docs)}
    cluster = list(range(len(docs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(docs))}

    def join(a: int, b: int) -> None:
        ca, cb = cluster[a], cluster[b]
        if ca == cb:
            return
        keep, gone = min(ca, cb), max(ca, cb)
        for i in members[gone]:
            cluster[i] = keep
        members[keep].extend(members.pop(gone))

    for article, other in sorted((together or {}).items()):
        if article in index and other in index:
            join(index[article], index[other])
    pairs = similar_pairs(docs, settings) if len(docs) > 1 else {}
    for (i, j), sim in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if sim < settings.threshold:
            break
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        total = sum(pairs.get((min(a, b), max(a, b)), 0.0) for a in members[ci] for b in members[cj])
        if total / (len(members[ci]) * len(members[cj])) >= settings.threshold:
            join(i, j)
    out = {}
    for group in members.values():
        first = min(group, key=lambda i: (docs[i].hour or math.inf, docs[i].id))
        for i in group:
            out[docs[i].id] = docs[first].id
    return out
