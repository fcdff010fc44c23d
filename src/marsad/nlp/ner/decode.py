"""Viterbi decoding of a trained CRFsuite model in numpy, from cached per-word label scores.

A linear-chain CRF scores label ``y`` at a token as the sum of the weights of the token's
attributes for ``y``. Most attributes belong to one word (its own, or the ones it lends its
neighbours), so their sums are computed once per word and a sentence's scores are a few array
additions; CRFsuite would look every attribute string up again on every token. The decoder
gives CRFsuite's own answers (a test compares them) several times faster, except that it keeps
to valid BIO sequences (no I-X after O), which CRFsuite may break.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pycrfsuite

#: Sentences decoded together; sorted by length first so that little padding is decoded.
BATCH = 128
#: The score of a label sequence that breaks BIO: no path takes it while another exists.
FORBIDDEN = -1e9


@dataclass(frozen=True)
class CrfWeights:
    """A trained model's labels, state weights (one row per attribute) and transition weights."""

    labels: tuple[str, ...]
    rows: dict[str, int]
    state: np.ndarray  # (attributes + 1, labels); the last row is zeros, for unknown attributes
    transition: np.ndarray  # (labels, labels): from the row's label to the column's
    start: np.ndarray  # (labels,): added at a sentence's first token

    @classmethod
    def from_crfsuite(cls, crf: bytes) -> CrfWeights:
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(crf)
        info = tagger.info()
        labels = tuple(tagger.labels())
        column = {label: i for i, label in enumerate(labels)}
        rows: dict[str, int] = {}
        for attr, _ in info.state_features:
            rows.setdefault(attr, len(rows))
        state = np.zeros((len(rows) + 1, len(labels)))
        for (attr, label), weight in info.state_features.items():
            state[rows[attr], column[label]] = weight
        transition = np.zeros((len(labels), len(labels)))
        for (before, after), weight in info.transitions.items():
            transition[column[before], column[after]] = weight
        # Only valid BIO: I-X follows B-X or I-X, never O, another type or the sentence start.
        start = np.zeros(len(labels))
        for b, after in enumerate(labels):
            if after.startswith("I-"):
                start[b] = FORBIDDEN
                for a, before in enumerate(labels):
                    if before[2:] != after[2:]:
                        transition[a, b] = FORBIDDEN
        return cls(labels, rows, state, transition, start)

    def score(self, attributes: Iterable[str]) -> np.ndarray:
        """Summed label scores of ``attributes`` (those the model does not know weigh nothing)."""
        missing = len(self.rows)
        return self.state[[self.rows.get(a, missing) for a in attributes]].sum(axis=0)

    def scores(self, groups: list[list[str]]) -> np.ndarray:
        """``(groups, labels)``: :meth:`score` of each group of attributes, in one pass."""
        missing = len(self.rows)
        get = self.rows.get
        rows: list[int] = []
        starts = []
        for attrs in groups:
            starts.append(len(rows))
            rows.append(missing)  # the zero row first: an empty group still sums to zero
            rows.extend([get(a, missing) for a in attrs])
        return np.add.reduceat(self.state[rows], starts)

    def decode(self, scores: np.ndarray, lengths: np.ndarray) -> list[list[str]]:
        """Best label sequence of each sentence; ``scores`` holds the ``(tokens, labels)`` scores
        of all sentences one after another, ``lengths`` their token counts (none empty)."""
        starts = np.cumsum(lengths) - lengths
        out: list[list[str]] = [[] for _ in lengths]
        order = np.argsort(lengths, kind="stable")
        for first in range(0, len(order), BATCH):
            batch = order[first : first + BATCH]
            batch_lengths = lengths[batch]
            steps = np.arange(batch_lengths.max())
            inside = steps < batch_lengths[:, None]
            padded = scores[np.where(inside, starts[batch][:, None] + steps, 0)]
            paths = self._viterbi(padded, batch_lengths)
            for b, n in enumerate(batch):
                out[n] = [self.labels[k] for k in paths[b, : batch_lengths[b]].tolist()]
        return out

    def _viterbi(self, padded: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """``(sentences, steps)`` best label indexes for ``(sentences, steps, labels)`` scores."""
        best = padded[:, 0] + self.start
        back = np.zeros(padded.shape, dtype=np.intp)
        for t in range(1, padded.shape[1]):
            candidates = best[:, :, None] + self.transition
            back[:, t] = candidates.argmax(axis=1)
            # A finished sentence keeps its scores: its padding must not move them.
            best = np.where((t < lengths)[:, None], candidates.max(axis=1) + padded[:, t], best)
        current = best.argmax(axis=1)
        path = np.zeros(padded.shape[:2], dtype=np.intp)
        rows = np.arange(len(padded))
        for t in range(padded.shape[1] - 1, 0, -1):
            path[:, t] = current
            current = np.where(t < lengths, back[rows, t, current], current)
        path[:, 0] = current
        return path
