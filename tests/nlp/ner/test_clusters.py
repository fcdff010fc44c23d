from __future__ import annotations

import gzip
import json
from pathlib import Path

from marsad.nlp.ner.clusters import build_clusters, corpus_sentences, load_clusters


def test_corpus_sentences_fold_and_split_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"title": "قصف #حلب", "text": "وصل الوفد إلى الدوحة.\nثم غادر"}) + "\n")
    assert list(corpus_sentences(path)) == [
        ["قصف", "حلب"],
        ["وصل", "الوفد", "الي", "الدوحه", "."],
        ["ثم", "غادر"],
    ]


def test_words_in_the_same_contexts_share_a_cluster(tmp_path: Path) -> None:
    cities = ["بغداد", "دمشق", "القاهرة", "بيروت"]
    verbs = ["قال", "أعلن", "أكد", "أوضح"]
    sentences = []
    for i in range(400):
        sentences.append(["وصل", "الوفد", "إلى", cities[i % 4], "أمس", "."])
        sentences.append(["الوزير", verbs[i % 4], "أن", "الاتفاق", "قريب", "."])
    out = tmp_path / "clusters.tsv.gz"
    size = build_clusters(sentences, out, min_count=2, dims=4, granularities=(2, 4), n_contexts=50)
    table = load_clusters(out)
    assert size == len(table) == 17
    assert len({table[c][0] for c in cities}) == 1
    assert table[cities[0]][0] != table[verbs[0]][0]
