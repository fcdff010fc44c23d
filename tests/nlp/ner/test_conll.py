from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from marsad.nlp.ner.conll import chunks, evaluate, parse_conll


def test_parse_keeps_sentences_and_missing_tag_column() -> None:
    lines = ["بغداد\tB-LOC", "أمس\tO", "", "", "عمان", "اليوم", ""]
    first, second = parse_conll(lines)
    assert first.tokens == ["بغداد", "أمس"] and first.tags == ["B-LOC", "O"]
    assert second.tokens == ["عمان", "اليوم"] and second.tags is None


def test_chunks_follow_conlleval_for_stray_inside_tags() -> None:
    assert chunks(["B-PERS", "I-PERS", "O", "I-LOC", "I-ORG"]) == {
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
    }
    assert chunks(["B-LOC", "B-LOC"]) == {(0, 1, "LOC"), (1, 2, "LOC")}


def test_evaluate_counts_exact_matches_only() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]
    scores = evaluate(gold, pred)
    assert scores["LOC"].f1 == 100.0
    assert scores["PERS"].precision == 0.0
    assert scores["micro"].correct == 1 and scores["micro"].gold == 2 and scores["micro"].predicted == 2
    assert scores["micro"].f1 == 50.0


tags = st.lists(st.sampled_from(["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "I-ORG"]), max_size=30)


@given(tags)
def test_perfect_prediction_scores_100_or_nothing(sentence: list[str]) -> None:
    micro = evaluate([sentence], [sentence])["micro"]
    assert micro.f1 == (100.0 if micro.gold else 0.0)


@given(tags)
def test_chunks_are_disjoint_and_inside_the_sentence(sentence: list[str]) -> None:
    spans = sorted(chunks(sentence))
    for (_, b, _), (c, _, _) in itertools.pairwise(spans):
        assert b <= c
    assert all(0 <= a < b <= len(sentence) for a, b, _ in spans)
