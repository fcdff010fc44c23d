from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.nlp.ner.text import strip_enclitic, strip_proclitics, tokenize, word_key


def test_tokenize_splits_punctuation_and_keeps_clitics() -> None:
    assert tokenize("وقال الرئيس: «لن نتراجع»، في بيروت.") == [
        "وقال", "الرئيس", ":", "«", "لن", "نتراجع", "»", "،", "في", "بيروت", ".",
    ]  # fmt: skip


def test_tokenize_keeps_marks_and_tatweel_inside_a_word() -> None:
    assert tokenize("مُحَمَّد بـــيروت") == ["مُحَمَّد", "بـــيروت"]


def test_word_key_folds_spelling_variants() -> None:
    assert word_key("إسطنبول") == word_key("اسطنبول")
    assert word_key("مُحَمَّد") == word_key("محمد")
    assert word_key("الدوحة") == word_key("الدوحه")
    assert word_key("Reuters") == "reuters"


def test_proclitics_are_stripped_but_short_stems_kept() -> None:
    assert strip_proclitics("والجيش") == ("وال", "جيش")
    assert strip_proclitics("للجيش") == ("لل", "جيش")
    assert strip_proclitics("بداعش") == ("ب", "داعش")
    assert strip_proclitics("وله") == ("", "وله")
    assert strip_enclitic("حكومتها") == ("حكومت", "ها")


@given(st.text(alphabet="وفبلكالدعشمحنه ", max_size=20))
def test_stripping_is_a_split_of_the_key(key: str) -> None:
    pro, stem = strip_proclitics(key)
    assert pro + stem == key
    base, suffix = strip_enclitic(stem)
    assert base + suffix == stem
