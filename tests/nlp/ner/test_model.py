from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from marsad.nlp.ner import evaluate, load_ner_model, read_conll, train_ner
from marsad.nlp.ner.model import shipped_model_dir

# Floor for the shipped model on ANERcorp dev: a change may raise it, not silently lower it.
DEV_MICRO_F1_FLOOR = 74.5

TINY = """\
وقال\tO
الرئيس\tO
محمد\tB-PERS
عباس\tI-PERS
في\tO
رام\tB-LOC
الله\tI-LOC
.\tO

وزار\tO
الوزير\tO
علي\tB-PERS
حسن\tI-PERS
بغداد\tB-LOC
.\tO

وأعلنت\tO
الأمم\tB-ORG
المتحدة\tI-ORG
أمس\tO
.\tO
"""


@pytest.fixture(scope="module")
def model():
    return load_ner_model()


def test_shipped_model_has_a_manifest_with_provenance(model) -> None:
    manifest = model.manifest
    assert manifest["command"].startswith("marsad train ner")
    assert set(manifest["sha256"]) >= {"model.crfsuite", "clusters.tsv.gz", "gazetteer.tsv"}
    assert "anercorp_dev" in manifest["figures"]


def test_tags_are_bio_over_the_four_labels(model) -> None:
    sentences = [["وقال", "الرئيس", "المصري", "حسني", "مبارك", "في", "القاهرة", "."], []]
    tags = model.tag(sentences)
    assert [len(t) for t in tags] == [8, 0]
    allowed = {"O"} | {f"{p}-{label}" for p in "BI" for label in ("PERS", "LOC", "ORG", "MISC")}
    assert set(tags[0]) <= allowed
    assert tags[0][6] == "B-LOC"
    assert tags[0][3:5] == ["B-PERS", "I-PERS"]


def test_bad_input_does_not_break_the_tagger(model) -> None:
    long = ["كلمة"] * 2000
    sentences = [long, ["Reuters", "reported", "on", "Monday"], ["2018", "15", "٣"], ["مُحَمَّــد", "بيروت"]]
    tags = model.tag(sentences)
    assert [len(t) for t in tags] == [2000, 4, 3, 2]
    assert set(tags[2]) == {"O"}


def test_model_survives_pickling(model) -> None:
    again = pickle.loads(pickle.dumps(model))
    sentence = [["زار", "الملك", "عبدالله", "عمان", "."]]
    assert again.tag(sentence) == model.tag(sentence)


def test_train_writes_a_loadable_model(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "train.conll").write_text("\n".join([TINY] * 3), encoding="utf-8")
    out = tmp_path / "model"
    manifest = train_ner(data, out, resources_dir=shipped_model_dir(), max_iterations=30)
    assert manifest["train_sentences"] == 9
    model = load_ner_model(out)
    assert model.tag([["وأعلنت", "الأمم", "المتحدة", "أمس", "."]]) == [["O", "B-ORG", "I-ORG", "O", "O"]]


def test_missing_model_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="marsad train ner"):
        load_ner_model(tmp_path)


@pytest.mark.shared_data
def test_shipped_model_quality_on_anercorp_dev(model, shared_data: Path) -> None:
    dev = read_conll(shared_data / "anercorp" / "dev.conll")
    scores = evaluate([s.tags for s in dev], model.tag([s.tokens for s in dev]))
    assert scores["micro"].f1 >= DEV_MICRO_F1_FLOOR


def test_numpy_decoder_agrees_with_crfsuite(model) -> None:
    import pycrfsuite

    crfsuite = pycrfsuite.Tagger()
    crfsuite.open_inmemory(model.crf)
    sentences = [
        ["وقال", "الرئيس", "المصري", "حسني", "مبارك", "في", "القاهرة", "."],
        ["بغداد"],
        ["أعلنت", "وزارة", "الخارجية", "الأمريكية", "أن", "كوندوليزا", "رايس", "ستزور", "لبنان", "."],
    ]
    expected = [crfsuite.tag(model.extractor.sentence_features(s, {})) for s in sentences]
    assert model.tag(sentences, consistent=False) == expected
    # Word scores are kept from the first call.
    assert model.tag(sentences[::-1], consistent=False) == expected[::-1]


def test_a_full_word_cache_is_emptied_without_changing_tags(model, monkeypatch) -> None:
    from marsad.nlp.ner import model as model_module

    monkeypatch.setattr(model_module, "CACHE_WORDS", 12)
    monkeypatch.setattr(model_module, "CHUNK_TOKENS", 6)
    small = load_ner_model()
    sentences = [
        ["وقال", "الرئيس", "المصري", "حسني", "مبارك", "في", "القاهرة", "."],
        ["وزار", "الوزير", "علي", "حسن", "بغداد", "."],
        ["أعلنت", "الأمم", "المتحدة", "أن", "كوفي", "أنان", "سيزور", "دمشق", "وبيروت", "."],
    ]
    assert small.tag(sentences) == model.tag(sentences)
    assert len(small._index) <= 12
