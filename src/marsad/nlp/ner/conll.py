"""CoNLL files and conlleval-style scoring (entity level, exact match, per type and micro)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

LABELS = ("PERS", "LOC", "ORG", "MISC")


@dataclass(frozen=True, slots=True)
class ConllSentence:
    tokens: list[str]
    tags: list[str] | None  # None when the file has no tag column


def read_conll(path: Path) -> list[ConllSentence]:
    """Sentences of a ``token<TAB>tag`` file; a blank line ends a sentence, the tag may be absent."""
    with open(path, encoding="utf-8") as f:
        return list(parse_conll(f))


def parse_conll(lines: Iterable[str]) -> Iterator[ConllSentence]:
    tokens: list[str] = []
    tags: list[str] = []
    tagged = True
    for line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            if tokens:
                yield ConllSentence(tokens, tags if tagged else None)
            tokens, tags, tagged = [], [], True
            continue
        token, sep, tag = line.partition("\t")
        tokens.append(token)
        tag = tag.strip()
        tags.append(tag or "O")
        tagged = tagged and bool(sep and tag)
    if tokens:
        yield ConllSentence(tokens, tags if tagged else None)


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or "-" not in tag:
        return "O", ""
    prefix, _, label = tag.partition("-")
    return prefix, label


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` with conlleval's rules (a stray I- starts an entity)."""
    spans = set()
    start, label = None, ""
    for i, tag in enumerate((*tags, "O")):
        prefix, kind = _split(tag)
        ends = start is not None and (prefix in ("O", "B") or kind != label)
        if ends:
            spans.add((start, i, label))
            start = None
        if prefix in ("B", "I") and start is None:
            start, label = i, kind
    return spans


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    correct: int


def _score(gold: int, predicted: int, correct: int) -> Score:
    p = 100.0 * correct / predicted if predicted else 0.0
    r = 100.0 * correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(round(p, 2), round(r, 2), round(f, 2), gold, predicted, correct)


def evaluate(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, Score]:
    """Per-type scores and ``"micro"`` over sentences of gold and predicted BIO tags."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    n_gold, n_pred, n_ok = Counter(), Counter(), Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError(f"sentence of {len(g_tags)} gold tags but {len(p_tags)} predicted")
        g, p = chunks(g_tags), chunks(p_tags)
        n_gold.update(label for *_, label in g)
        n_pred.update(label for *_, label in p)
        n_ok.update(label for *_, label in g & p)
    labels = sorted(set(n_gold) | set(n_pred))
    scores = {label: _score(n_gold[label], n_pred[label], n_ok[label]) for label in labels}
    scores["micro"] = _score(sum(n_gold.values()), sum(n_pred.values()), sum(n_ok.values()))
    return scores


def format_scores(scores: dict[str, Score]) -> str:
    """A plain table: type, precision, recall, F1, gold and predicted counts."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for label, s in scores.items():
        lines.append(
            f"{label:<6} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.gold:6d} {s.predicted:6d}"
        )
    return "\n".join(lines)
