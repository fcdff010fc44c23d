from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.nlp.ner.decode import FORBIDDEN, CrfWeights

LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC")


def weights(transition: np.ndarray) -> CrfWeights:
    start = np.array([FORBIDDEN if label.startswith("I-") else 0.0 for label in LABELS])
    return CrfWeights(LABELS, {}, np.zeros((1, len(LABELS))), transition, start)


def valid(path: tuple[str, ...]) -> bool:
    return all(not tag.startswith("I-") or (i and path[i - 1][2:] == tag[2:]) for i, tag in enumerate(path))


def brute_force(w: CrfWeights, scores: np.ndarray) -> list[str]:
    best, best_path = -np.inf, None
    for path in itertools.product(range(len(LABELS)), repeat=len(scores)):
        total = w.start[path[0]] + sum(scores[t, k] for t, k in enumerate(path))
        total += sum(w.transition[a, b] for a, b in itertools.pairwise(path))
        if total > best:
            best, best_path = total, path
    return [LABELS[k] for k in best_path]


matrix = st.integers(0, 2**32 - 1).map(lambda seed: np.random.default_rng(seed))


@settings(max_examples=40, deadline=None)
@given(matrix, st.lists(st.integers(1, 4), min_size=1, max_size=5))
def test_batched_viterbi_finds_the_best_valid_path_of_each_sentence(rng, lengths) -> None:
    transition = rng.normal(size=(len(LABELS), len(LABELS)))
    for b, after in enumerate(LABELS):  # as from_crfsuite forbids them
        for a, before in enumerate(LABELS):
            if after.startswith("I-") and before[2:] != after[2:]:
                transition[a, b] = FORBIDDEN
    w = weights(transition)
    scores = rng.normal(size=(sum(lengths), len(LABELS))) * 3
    decoded = w.decode(scores, np.array(lengths))
    starts = np.cumsum(lengths) - lengths
    for path, start, n in zip(decoded, starts, lengths, strict=True):
        assert valid(tuple(path))
        assert path == brute_force(w, scores[start : start + n])
