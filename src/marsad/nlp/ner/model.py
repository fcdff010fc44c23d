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

import pycrfsuite

from marsad.nlp.ner.clusters import load_clusters
from marsad.nlp.ner.conll import LABELS, evaluate, read_conll
from marsad.nlp.ner.features import FeatureExtractor
from marsad.nlp.ner.text import word_key

MODEL_FILE = "model.crfsuite"
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv"
MANIFEST_FILE = "manifest.json"

#: Longest sentence handed to the CRF in one piece; longer ones are tagged in windows.
MAX_SENTENCE = 300


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
    """A loaded tagger. Picklable: it carries the CRF as bytes and reopens it after unpickling."""

    crf: bytes
    extractor: FeatureExtractor
    manifest: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Frequency rank of each word of the clusters' corpus (the table is in frequency order).
        self.rank = {word: i for i, word in enumerate(self.extractor.clusters)}
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(self.crf)

    def __getstate__(self) -> dict[str, Any]:
        return {"crf": self.crf, "extractor": self.extractor, "manifest": self.manifest}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags over ``PERS LOC ORG MISC`` for each token of each sentence."""
        cache: dict = {}
        out = []
        for tokens in sentences:
            tags: list[str] = []
            for start in range(0, len(tokens), MAX_SENTENCE):
                features = self.extractor.sentence_features(tokens[start : start + MAX_SENTENCE], cache)
                tags.extend(self._tagger.tag(features))
            out.append(tags)
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
    c1: float = 0.05,
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
