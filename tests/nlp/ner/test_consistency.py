from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.nlp.ner.consistency import propagate
from marsad.nlp.ner.text import strip_proclitics, word_key


def run(sentences: list[list[str]], tags: list[list[str]], **kwargs) -> list[list[str]]:
    keys = [[word_key(t) for t in s] for s in sentences]
    stems = [[strip_proclitics(k)[1] for k in s] for s in keys]
    return propagate(keys, stems, tags, **kwargs)


def test_a_name_tagged_once_is_tagged_where_it_recurs_with_a_proclitic() -> None:
    sentences = [["أعلن", "البنك", "التجاري", "أرباحه"], ["وقال", "رئيس", "للبنك", "التجاري", "إن"]]
    tags = [["O", "B-ORG", "I-ORG", "O"], ["O"] * 5]
    assert run(sentences, tags)[1] == ["O", "O", "B-ORG", "I-ORG", "O"]


def test_tagged_words_are_never_changed_and_far_sentences_do_not_count() -> None:
    sentences = [["زار", "عمان"], ["في", "عمان"], ["ثم", "عمان"]]
    tags = [["O", "B-LOC"], ["O", "B-PERS"], ["O", "O"]]
    out = run(sentences, tags, window=1)
    assert out[:2] == tags[:2]
    assert out[2] == ["O", "B-PERS"]  # the nearer sentence's reading wins
    assert run(sentences, [["O", "B-LOC"], ["O", "O"], ["O", "O"]], window=1)[2] == ["O", "O"]


def test_short_single_words_are_not_copied() -> None:
    tags = [["B-PERS"], ["O", "O"]]
    assert run([["أم"], ["قال", "أم"]], tags) == tags


def test_a_stretch_that_continues_another_name_is_left_alone() -> None:
    sentences = [["مصر", "."], ["مصر", "الجديدة"]]
    tags = [["B-LOC", "O"], ["O", "I-LOC"]]
    assert run(sentences, tags)[1] == ["O", "I-LOC"]


labels = st.sampled_from(["O", "O", "O", "B-PERS", "I-PERS", "B-LOC"])
words = st.sampled_from(["بغداد", "وبغداد", "علي", "حسن", "في", "قال"])


@given(st.lists(st.lists(st.tuples(words, labels), max_size=8), max_size=6))
def test_only_o_tags_change_and_lengths_stay(sentences) -> None:
    tokens = [[w for w, _ in s] for s in sentences]
    tags = [[t for _, t in s] for s in sentences]
    out = run(tokens, tags)
    assert [len(t) for t in out] == [len(t) for t in tags]
    for before, after in zip(tags, out, strict=True):
        assert all(a == b for a, b in zip(before, after, strict=True) if a != "O")
    assert run(tokens, out) == out  # a second pass finds nothing new
