"""The event stage's view of an article: token keys, sentences and clauses."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.article import Article
from marsad.events.lexicon import key, lemma
from marsad.events.text import view

_LETTERS = "ابتةثجحخدذرسشصضطظعغفقكلمنهويىأإآؤئءـًٌٍَُِّْ،.؟ \n«»0123456789AbÇ"


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=_LETTERS, max_size=120))
def test_keys_are_the_keys_of_each_word_and_stem(text, lexicon):
    v = view(Article(id="t", text=text, origin="test", published=date(2018, 6, 4)), lexicon)
    for i, tok in enumerate(v.tokens):
        assert v.full[i] == key(text[tok.start : tok.end])
        stem = key(text[tok.stem_start : tok.stem_end]) if tok.stem_end > tok.stem_start else v.full[i]
        assert v.stem[i] == stem
        assert v.lem[i] == lemma(stem)


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=_LETTERS, max_size=120))
def test_every_token_has_one_sentence_and_one_clause(text, lexicon):
    v = view(Article(id="t", text=text, origin="test", published=date(2018, 6, 4)), lexicon)
    assert len(v.sent_of) == len(v.clause_of) == len(v.tokens)
    assert v.sent_of == sorted(v.sent_of)
    for s, (first, end) in enumerate(v.sent_span):
        assert all(v.sent_of[i] == s for i in range(first, end))
    for c, clause in enumerate(v.clauses):
        assert all(v.clause_of[i] == c for i in range(clause.first, clause.end))


def test_a_word_with_diacritics_has_the_stem_key_without_them(lexicon):
    text = "وقُتِلَ خمسة."
    v = view(Article(id="t", text=text, origin="test", published=date(2018, 6, 4)), lexicon)
    assert v.full[0] == "وقتل"
    assert v.stem[0] in ("قتل", "وقتل")


def test_lemmas_drop_plural_and_feminine_endings():
    assert lemma("مسلحون") == "مسلح"
    assert lemma("انتحاريا") == "انتحاري"
    assert lemma("مظاهره") == "مظاهر"
    assert lemma("قوه") == "قوه"
    assert lemma("ون") == "ون"
