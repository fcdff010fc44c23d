"""The Arabic NER tagger: a linear-chain CRF over word, clitic, cluster and gazetteer features.

A model is a directory: ``model.crfsuite`` (the CRF), ``clusters.tsv.gz`` (word clusters built
from unlabelled news), ``gazetteer.tsv`` (project-authored word lists) and ``manifest.json``.
The package ships one under ``marsad/data/ner``; :func:`load_ner_model` reads it by default.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite

from marsad.nlp.ner.clusters import load_clusters
from marsad.nlp.ner.conll import LABELS, evaluate, read_conll
from marsad.nlp.ner.consistency import propagate
from marsad.nlp.ner.decode import CrfWeights
from marsad.nlp.ner.features import PAD, WINDOW, FeatureExtractor
from marsad.nlp.ner.text import strip_proclitics, word_key

MODEL_FILE = "model.crfsuite"
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv"
MANIFEST_FILE = "manifest.json"

#: Longest sentence handed to the CRF in one piece; longer ones are tagged in windows.
MAX_SENTENCE = 300
#: How the shipped tagger turns the CRF's weights into tags (recorded in the manifest).
TAGGING = (
    "Viterbi over the CRF weights in numpy, restricted to valid BIO; names tagged within 30 "
    "sentences are tagged where they recur untagged (marsad.nlp.ner.consistency)"
)
#: Words whose label scores a loaded model keeps between calls (emptied when full): about
#: the vocabulary of 10,000 news articles, 72 MB at most.
CACHE_WORDS = 200_000
#: Tokens scored and decoded together (at most CACHE_WORDS).
CHUNK_TOKENS = 20_000


def shipped_model_dir() -> Path:
    """The model directory inside the installed package."""
    return Path(str(resources.files("marsad") / "data" / "ner"))


def load_gazetteer(path: Path) -> dict[str, tuple[str, ...]]:
    """``folded word -> groups`` from a ``word<TAB>group`` list (``#`` starts a comment)."""
    table: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            words, _, group = line.rpartition("\t")
            for word in words.split():
                table.setdefault(word_key(word), set()).add(group.strip())
    return {word: tuple(sorted(groups)) for word, groups in table.items()}


@dataclass
class NerModel:
    """A loaded tagger. Picklable: it carries the CRF as bytes and rebuilds its weights after
    unpickling. Each word's label scores are kept between calls (most words of news repeat)."""

    crf: bytes
    extractor: FeatureExtractor
    manifest: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Frequency rank of each word of the clusters' corpus (the table is in frequency order).
        self.rank = {word: i for i, word in enumerate(self.extractor.clusters)}
        # Words that precede a person's name without being part of it (الرئيس، المدعو).
        self.titles = frozenset(w for w, groups in self.extractor.gazetteer.items() if "title" in groups)
        self._weights = weights = CrfWeights.from_crfsuite(self.crf)
        self._pad = np.stack([weights.score(attrs) for attrs in PAD])
        # Keys that a weighted word-bigram attribute names on its right (bi-) or left (bi+)
        # side: the bigram lookup is skipped for every other token.
        self._right = {a.rsplit("|", 1)[1] for a in weights.rows if a.startswith("bi-=")}
        self._left = {a[4:].split("|", 1)[0] for a in weights.rows if a.startswith("bi+=")}
        self._index: dict[str, int] = {}  # word -> row of the score table
        self._keys: list[str] = []  # folded word, by row
        self._stems: list[str] = []  # folded word without proclitics, by row
        self._table = np.zeros((CACHE_WORDS, 1 + len(WINDOW), len(weights.labels)))

    def __getstate__(self) -> dict[str, Any]:
        return {"crf": self.crf, "extractor": self.extractor, "manifest": self.manifest}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def _rows(self, tokens: list[str]) -> np.ndarray:
        """Score-table rows of ``tokens``, scoring the words not seen before."""
        index = self._index
        if len(index) + len(tokens) > CACHE_WORDS:
            index.clear()
            self._keys.clear()
            self._stems.clear()
        rows = []
        for token in tokens:
            row = index.get(token)
            if row is None:
                row = index[token] = len(self._keys)
                own, lent, key = self.extractor.word_entry(token)
                self._table[row] = self._weights.scores([own, *lent])
                self._keys.append(key)
                self._stems.append(strip_proclitics(key)[1])
            rows.append(row)
        return np.array(rows, dtype=np.intp)

    def _scores(self, rows: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """``(tokens, labels)`` scores of sentences laid end to end (their words' table ``rows``),
        as the CRF sums them."""
        words = self._table[rows]
        out = words[:, 0].copy()
        n = len(rows)
        position = np.arange(n) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        length = np.repeat(lengths, lengths)
        for slot, (offset, _) in enumerate(WINDOW):
            # Token i gets what word i + offset lends it, or padding past its sentence's edge.
            inside = (position + offset >= 0) & (position + offset < length)
            lent = words[np.clip(np.arange(n) + offset, 0, n - 1), slot + 1]
            out += np.where(inside[:, None], lent, self._pad[slot])
        keys = [self._keys[row] for row in rows.tolist()]
        weights = self._weights
        first = (position == 0).tolist()
        last = (position == length - 1).tolist()
        for i, key in enumerate(keys):
            if key in self._right or "|" in key:
                row = weights.rows.get(f"bi-={'^' if first[i] else keys[i - 1]}|{key}")
                if row is not None:
                    out[i] += weights.state[row]
            if key in self._left or "|" in key:
                row = weights.rows.get(f"bi+={key}|{'$' if last[i] else keys[i + 1]}")
                if row is not None:
                    out[i] += weights.state[row]
        return out

    def tag(self, sentences: list[list[str]], *, consistent: bool = True) -> list[list[str]]:
        """BIO tags over ``PERS LOC ORG MISC`` for each token of each sentence.

        With ``consistent`` (sentences in text order), names tagged in one sentence are tagged
        where they recur untagged nearby (:mod:`marsad.nlp.ner.consistency`).
        """
        pieces, owners = [], []
        for n, tokens in enumerate(sentences):
            for start in range(0, len(tokens), MAX_SENTENCE):
                pieces.append(tokens[start : start + MAX_SENTENCE])
                owners.append(n)
        tags: list[list[str]] = []
        keys: list[list[str]] = []
        stems: list[list[str]] = []
        first = 0
        while first < len(pieces):
            # Chunks of at most CHUNK_TOKENS tokens, so that one chunk fits the score table.
            last, size = first, 0
            while last < len(pieces) and (last == first or size + len(pieces[last]) <= CHUNK_TOKENS):
                size += len(pieces[last])
                last += 1
            lengths = np.array([len(p) for p in pieces[first:last]])
            rows = self._rows([t for p in pieces[first:last] for t in p]).tolist()
            tags.extend(self._weights.decode(self._scores(np.array(rows), lengths), lengths))
            offset = 0
            for n in lengths.tolist():
                keys.append([self._keys[r] for r in rows[offset : offset + n]])
                stems.append([self._stems[r] for r in rows[offset : offset + n]])
                offset += n
            first = last
        if consistent:
            tags = propagate(keys, stems, tags)
        out: list[list[str]] = [[] for _ in sentences]
        for n, piece_tags in zip(owners, tags, strict=True):
            out[n].extend(piece_tags)
        return out


def load_ner_model(path: Path | str | None = None) -> NerModel:
    """The model in directory ``path``; by default the one shipped with the package."""
    directory = Path(path) if path is not None else shipped_model_dir()
    model_file = directory / MODEL_FILE
    if not model_file.is_file():
        raise FileNotFoundError(
            f"no NER model at {model_file}; build one with `marsad train ner --out {directory}`"
        )
    manifest_file = directory / MANIFEST_FILE
    manifest = json.loads(manifest_file.read_text(encoding="utf-8")) if manifest_file.is_file() else {}
    extractor = FeatureExtractor(
        load_clusters(directory / CLUSTERS_FILE), load_gazetteer(directory / GAZETTEER_FILE)
    )
    return NerModel(model_file.read_bytes(), extractor, manifest)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_ner(
    data_dir: Path,
    out_dir: Path,
    *,
    resources_dir: Path | None = None,
    c1: float = 0.02,
    c2: float = 0.01,
    max_iterations: int = 200,
) -> dict[str, Any]:
    """Train on ``data_dir/train.conll``, score on ``dev.conll``, write the model to ``out_dir``.

    Clusters and gazetteer come from ``resources_dir`` (default: the shipped model directory)
    and are copied beside the CRF. Returns the manifest written.
    """
    source = Path(resources_dir) if resources_dir is not None else shipped_model_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in (CLUSTERS_FILE, GAZETTEER_FILE):
        if not (out_dir / name).exists() or not (out_dir / name).samefile(source / name):
            shutil.copyfile(source / name, out_dir / name)
    extractor = FeatureExtractor(
        load_clusters(out_dir / CLUSTERS_FILE), load_gazetteer(out_dir / GAZETTEER_FILE)
    )
    train = read_conll(data_dir / "train.conll")
    started = time.perf_counter()
    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations}
    trainer = pycrfsuite.Trainer(verbose=False)
    cache: dict = {}
    for sentence in train:
        trainer.append(extractor.sentence_features(sentence.tokens, cache), sentence.tags)
    trainer.set_params({**params, "feature.possible_transitions": True})
    trainer.train(str(out_dir / MODEL_FILE))
    seconds = time.perf_counter() - started
    model = NerModel((out_dir / MODEL_FILE).read_bytes(), extractor)
    manifest: dict[str, Any] = {
        "name": "marsad Arabic NER (CRF)",
        "labels": list(LABELS),
        "trained_on": "ANERcorp train.conll (document-order split; dev for tuning only)",
        "licence": "ANERcorp: research use (Benajiba et al. 2007); clusters from ANT corpus v2.1 "
        "(Apache-2.0, cite Chouigui et al.)",
        "command": "marsad train ner --data DATA/anercorp --out src/marsad/data/ner",
        "clusters": "marsad train clusters --corpus DATA/ant_news_ar/ant_news_ar.jsonl.gz "
        "(PPMI-SVD word vectors, spherical k-means at 64/256/1024; retrain the tagger after)",
        "gazetteer": "project-authored word lists (gazetteer.tsv)",
        "tagging": TAGGING,
        "date": date.today().isoformat(),
        "params": params,
        "train_sentences": len(train),
        "train_seconds": round(seconds, 1),
    }
    dev_file = data_dir / "dev.conll"
    if dev_file.is_file():
        dev = read_conll(dev_file)
        scores = evaluate([s.tags for s in dev], model.tag([s.tokens for s in dev]))
        manifest["figures"] = {"anercorp_dev": {k: v.f1 for k, v in scores.items()}}
    files = (MODEL_FILE, CLUSTERS_FILE, GAZETTEER_FILE)
    manifest["sha256"] = {name: _sha256(out_dir / name) for name in files}
    (out_dir / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest
