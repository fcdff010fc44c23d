"""Word clusters from unlabelled news, the tagger's main defence against unseen words.

Each frequent word gets a vector from positive PMI counts of its neighbours (two words either
side, position kept), reduced by truncated SVD; spherical k-means then groups the vectors at
several granularities, which the tagger uses like Brown-cluster prefixes. The result is a
small gzipped TSV: ``word<TAB>c1<TAB>c2...``, one column per granularity.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from marsad.nlp.ner.text import tokenize, word_key

GRANULARITIES = (64, 256, 1024)


def corpus_sentences(path: Path) -> Iterator[list[str]]:
    """Folded tokens of each paragraph of a JSON Lines news corpus (``title`` and ``text``)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for field in ("title", "text"):
                for paragraph in (record.get(field) or "").splitlines():
                    tokens = [word_key(t) for t in tokenize(paragraph.replace("#", " "))]
                    if tokens:
                        yield tokens


def _vectors(
    sentences: list[list[int]], vocab_size: int, n_contexts: int, dims: int, window: int
) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    flat = np.fromiter((i for s in sentences for i in (*s, -1)), dtype=np.int64)
    rows, cols = [], []
    for slot, offset in enumerate(o for o in range(-window, window + 1) if o != 0):
        words = flat[max(0, -offset) : len(flat) - max(0, offset)]
        ctx = flat[max(0, offset) : len(flat) - max(0, -offset)]
        keep = (words >= 0) & (words < vocab_size) & (ctx >= 0) & (ctx < n_contexts)
        rows.append(words[keep])
        cols.append(ctx[keep] + slot * n_contexts)
    r, c = np.concatenate(rows), np.concatenate(cols)
    shape = (vocab_size, 2 * window * n_contexts)
    counts = coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=shape).tocsr()
    counts.sum_duplicates()
    # PPMI with context-distribution smoothing (alpha 0.75).
    row_sum = np.asarray(counts.sum(axis=1)).ravel()
    col_sum = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
    coo = counts.tocoo()
    pmi = np.log(coo.data * col_sum.sum() / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=shape).tocsr()
    u, s, _ = svds(ppmi, k=dims, random_state=0)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return vectors.astype(np.float32)


def _kmeans(vectors: np.ndarray, k: int, iterations: int, seed: int) -> np.ndarray:
    """Spherical k-means (cosine) from random seeds; a fixed seed keeps rebuilds identical."""
    rng = np.random.default_rng(seed)
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)]
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        for start in range(0, len(vectors), 20000):
            labels[start : start + 20000] = np.argmax(vectors[start : start + 20000] @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, vectors)
        empty = np.bincount(labels, minlength=k) == 0
        sums[empty] = vectors[rng.choice(len(vectors), size=int(empty.sum()), replace=False)]
        centres = sums / (np.linalg.norm(sums, axis=1, keepdims=True) + 1e-9)
    return labels


def build_clusters(
    sentences: Iterable[list[str]],
    out: Path,
    *,
    min_count: int = 5,
    max_vocab: int = 100_000,
    n_contexts: int = 5000,
    dims: int = 100,
    window: int = 2,
    granularities: tuple[int, ...] = GRANULARITIES,
    iterations: int = 15,
) -> int:
    """Write the cluster table for the words of ``sentences`` to ``out``; returns its size."""
    sentences = list(sentences)
    freq = Counter(w for s in sentences for w in s)
    words = [w for w, n in freq.most_common(max_vocab) if n >= min_count]
    index = {w: i for i, w in enumerate(words)}
    ids = [[index.get(w, len(words)) for w in s] for s in sentences]
    vectors = _vectors(ids, len(words), min(n_contexts, len(words)), dims, window)
    columns = [_kmeans(vectors, k, iterations, seed=k) for k in granularities]
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        for i, word in enumerate(words):
            f.write(word + "".join(f"\t{col[i]}" for col in columns) + "\n")
    return len(words)


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """``word -> (cluster id per granularity)``, ids as strings ready for features."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        table = {}
        for line in f:
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table
