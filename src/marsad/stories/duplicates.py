"""Near-duplicates: syndicated copies and light rewrites of one report.

Each article gets a MinHash signature of the word shingles of its normalised text (alef,
ya and ta marbuta folded, diacritics dropped, so spelling variants of one copy agree). LSH
finds candidate pairs; a pair is linked when the Jaccard similarity of their shingles reaches
:attr:`DuplicateSettings.jaccard` (0.44 matches best, on ant_news_ar, the sentence-level
reference of :mod:`marsad.stories.evaluate`: half the sentences shared). When the texts are
at hand, candidates are checked on their exact shingles: with 128 permutations the MinHash
estimate of a 0.48 pair is often below 0.44 (and of a 0.40 pair above it), which misses light
rewrites and links unrelated items; the signature only proposes pairs.
Containment (most of a short text inside a long one) is off by default: on news it links
short items to the roundups that quote them, which are not copies. Linked articles form
groups; the earliest published in each group is the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.nlp.normalize import normalize_text

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's permutation scheme: the stored values depend on it
SHINGLE = 4  # words per shingle
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DuplicateSettings:
    jaccard: float = 0.44  # linked when estimated Jaccard similarity reaches this
    containment: float | None = None  # or when this share of the shorter text is in the longer
    candidates: float = 0.3  # LSH threshold that proposes pairs to check


@dataclass(frozen=True, slots=True)
class Signature:
    hashvalues: bytes  # NUM_PERM unsigned 32-bit values, little-endian
    size: int  # number of distinct shingles

    def minhash(self) -> MinHash:
        values = np.frombuffer(self.hashvalues, dtype="<u4")
        return MinHash(num_perm=NUM_PERM, hashvalues=values, seed=1, scheme=SCHEME)


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    published: date | None
    signature: Signature


@dataclass(frozen=True, slots=True)
class Duplicate:
    article: str
    original: str
    similarity: float  # estimated Jaccard similarity with the original


def shingles(text: str) -> set[str]:
    words = _WORD_RE.findall(normalize_text(text, ta_marbuta=True).lower())
    if len(words) <= SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> Signature:
    found = shingles(text)
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in found])
    return Signature(mh.hashvalues.astype("<u4").tobytes(), len(found))


def _exact_jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _containment(jaccard: float, a: int, b: int) -> float:
    """Share of the smaller set inside the larger, from their Jaccard similarity and sizes."""
    if min(a, b) == 0:
        return 0.0
    return min(1.0, jaccard * (a + b) / ((1.0 + jaccard) * min(a, b)))


def linked(a: Signature, b: Signature, settings: DuplicateSettings, jaccard: float | None = None) -> bool:
    if a.size == 0 or b.size == 0:
        return False
    j = a.minhash().jaccard(b.minhash()) if jaccard is None else jaccard
    if j >= settings.jaccard:
        return True
    return settings.containment is not None and _containment(j, a.size, b.size) >= settings.containment


def _original_key(item: Item) -> tuple:
    return (item.published or date.max, item.id)


def find_duplicates(
    items: Iterable[Item],
    settings: DuplicateSettings | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[Duplicate]:
    """Every article that copies another, with the original of its group. With ``texts``
    (article id to text), candidate pairs are judged on their exact shingles."""
    settings = settings or DuplicateSettings()
    by_id = {item.id: item for item in items if item.signature.size}
    ids = sorted(by_id)
    hashes = {i: by_id[i].signature.minhash() for i in ids}
    exact: dict[str, set[str]] = {}  # shingles of the candidates seen so far, for this call only

    def similarity(i: str, j: str) -> float:
        if texts is None or i not in texts or j not in texts:
            return hashes[i].jaccard(hashes[j])
        for k in (i, j):
            if k not in exact:
                exact[k] = shingles(texts[k])
        return _exact_jaccard(exact[i], exact[j])

    lsh = MinHashLSH(threshold=settings.candidates, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for i in ids:
            session.insert(i, hashes[i])
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in ids:
        for j in lsh.query(hashes[i]):
            if j <= i or root(i) == root(j):
                continue
            jac = similarity(i, j)
            if linked(by_id[i].signature, by_id[j].signature, settings, jac):
                ri, rj = root(i), root(j)
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[str, list[Item]] = {}
    for i in ids:
        groups.setdefault(root(i), []).append(by_id[i])
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(members, key=_original_key)
        out.extend(
            Duplicate(m.id, original.id, similarity(m.id, original.id))
            for m in sorted(members, key=_original_key)
            if m is not original
        )
    return out
