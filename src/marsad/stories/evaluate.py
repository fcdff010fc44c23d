"""Scoring near-duplicate detection and story merging against gold, pair by pair.

The story gold (``tests/stories/gold_stories.json``) lists stories by article id: their
``members``, ``related`` articles whose pairs are not scored, and their ``split``: settings
are chosen on ``dev``; ``test`` is for evaluation only. A pair of members of one
story is a positive; a pair of a member with an article that is neither a member nor
related to its story is a negative; other pairs are not scored.

Near-duplicates have a reference instead of a hand-made gold: two articles are copies when
their sentences match (at most a fifth of a sentence's words changed) with a Jaccard
similarity of at least one half: most of each text is in the other, as in a syndicated copy
or a light rewrite, not a short item quoted inside a long roundup. It is measured on
sentences, not on the shingles the detector hashes, and is exact where MinHash estimates.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from marsad.nlp.normalize import normalize_text

_SENTENCE_RE = re.compile(r"(?<=[.!?؟])\s+|\n")
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class StoryGold:
    story_of: dict[str, int]  # member article -> story number
    related: list[set[str]]  # per story

    @property
    def positives(self) -> int:
        sizes: dict[int, int] = {}
        for s in self.story_of.values():
            sizes[s] = sizes.get(s, 0) + 1
        return sum(n * (n - 1) // 2 for n in sizes.values())

    def label(self, a: str, b: str) -> bool | None:
        """True for a scored positive, False for a scored negative, None when not scored."""
        sa, sb = self.story_of.get(a), self.story_of.get(b)
        if sa is None and sb is None:
            return None
        if sa is not None and sa == sb:
            return True
        if (sa is not None and b in self.related[sa]) or (sb is not None and a in self.related[sb]):
            return None
        return False


def load_story_gold(path: Path, split: str | None = None) -> StoryGold:
    """The gold's stories, or only those of one ``split`` (``dev`` or ``test``)."""
    stories = json.loads(path.read_text(encoding="utf-8"))["stories"]
    if split is not None:
        stories = [s for s in stories if s.get("split", "dev") == split]
    story_of = {a: n for n, s in enumerate(stories) for a in s["members"]}
    return StoryGold(story_of, [set(s["related"]) for s in stories])


def score_pairs(pairs: Iterable[tuple[str, str]], gold: StoryGold) -> Scores:
    """Predicted "same story" pairs scored against the gold."""
    tp = fp = 0
    for pair in {tuple(sorted(p)) for p in pairs if p[0] != p[1]}:
        label = gold.label(*pair)
        if label is True:
            tp += 1
        elif label is False:
            fp += 1
    return Scores(tp, fp, gold.positives - tp)


def group_pairs(groups: Iterable[Iterable[str]], keep: set[str] | None = None) -> Iterable[tuple[str, str]]:
    """Every pair inside each group; with ``keep``, only pairs touching one of those ids."""
    for group in groups:
        members = sorted(set(group))
        if keep is not None and not keep.intersection(members):
            continue
        for a, b in combinations(members, 2):
            if keep is None or a in keep or b in keep:
                yield a, b


def sentences(text: str) -> list[frozenset[str]]:
    out = []
    for s in _SENTENCE_RE.split(text):
        words = _WORD_RE.findall(normalize_text(s, ta_marbuta=True).lower())
        if len(words) >= 6:
            out.append(frozenset(words))
    return out


def _matched(a: list[frozenset[str]], b: list[frozenset[str]]) -> int:
    return sum(1 for s in a if any(len(s & t) >= 0.8 * len(s) for t in b))


def sentence_share(a: list[frozenset[str]], b: list[frozenset[str]]) -> float:
    """Share of the shorter text's sentences found in the other with at most a fifth of
    their words changed."""
    if len(a) > len(b):
        a, b = b, a
    return _matched(a, b) / len(a) if a else 0.0


def sentence_jaccard(a: list[frozenset[str]], b: list[frozenset[str]]) -> float:
    """Jaccard similarity of two texts counted in matching sentences: the reference for copies."""
    if not a or not b:
        return 0.0
    m = min(_matched(a, b), _matched(b, a))
    return m / (len(a) + len(b) - m)


def pairwise_groups(predicted: Iterable[Iterable[str]], reference: Iterable[Iterable[str]]) -> Scores:
    """Pairwise agreement of two groupings (each a partition of some of the ids)."""
    pred = set(group_pairs(predicted))
    ref = set(group_pairs(reference))
    return Scores(len(pred & ref), len(pred - ref), len(ref - pred))


def components(pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(root(x), set()).add(x)
    return list(groups.values())
