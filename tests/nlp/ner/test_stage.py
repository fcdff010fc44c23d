from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.article import Article, Sentence, Token, validate
from marsad.nlp.ner import load_ner_model, recognize_entities


@pytest.fixture(scope="module")
def model():
    return load_ner_model()


def article(text: str, **layers) -> Article:
    return Article(id="t", text=text, origin="test", published=date(2018, 6, 4), **layers)


def mentions(result: Article) -> list[tuple[str, str]]:
    return [(result.text[e.start : e.end], e.type) for e in result.entities]


def test_entities_from_regex_tokens_have_exact_offsets(model) -> None:
    text = "وقال الرئيس المصري حسني مبارك في القاهرة إن الأمم المتحدة ستساعد.\nوزار بغداد أمس."
    result = recognize_entities(article(text), model=model)
    assert validate(result) == []
    found = mentions(result)
    assert ("حسني مبارك", "PER") in found
    assert ("القاهرة", "LOC") in found
    assert ("بغداد", "LOC") in found
    assert [e.id for e in result.entities] == [f"e{i}" for i in range(1, len(found) + 1)]
    assert [e.start for e in result.entities] == sorted(e.start for e in result.entities)


def test_glued_preposition_is_left_out_but_not_a_first_letter(model) -> None:
    result = recognize_entities(article("وصل الوفد بالأمس إلى لبنان ثم توجه الوزير إلى بدمشق ."), model=model)
    found = [t for t, _ in mentions(result)]
    assert "لبنان" in found
    assert "دمشق" in found


def test_uses_the_articles_tokens_and_sentences(model) -> None:
    text = "وصل الرئيس الأمريكي باراك أوباما إلى باريس أمس. ثم عاد إلى واشنطن."
    cut = text.index(".") + 1
    # Tokens as a segmenter gives them: no token for the full stops.
    tokens = tuple(Token(m.start(), m.end(), m.start(), m.end()) for m in re.finditer(r"[^\s.]+", text))
    sentences = (Sentence(0, cut), Sentence(cut + 1, len(text)))
    result = recognize_entities(article(text, tokens=tokens, sentences=sentences), model=model)
    assert validate(result) == []
    found = mentions(result)
    assert ("باريس", "LOC") in found and ("واشنطن", "LOC") in found
    assert ("باراك أوباما", "PER") in found


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "Reuters said on Monday that talks would resume.", "2018 15 ٣٠٠ 7", "..."],
)
def test_odd_text_gives_a_sound_article(model, text: str) -> None:
    result = recognize_entities(article(text), model=model)
    assert validate(result) == []
    assert result.errors == ()


def test_diacritics_and_tatweel_inside_names_keep_offsets(model) -> None:
    text = "وقال الرئيس الفلسطيني مَحْمُود عبّاس في رام الله ."
    result = recognize_entities(article(text), model=model)
    assert validate(result) == []
    assert any(t.startswith("مَحْمُود") and ty == "PER" for t, ty in mentions(result))


def test_a_2000_word_sentence_is_tagged(model) -> None:
    text = " ".join(["في", "بغداد"] * 1000)
    result = recognize_entities(article(text), model=model)
    assert validate(result) == []
    assert len(result.entities) > 100


class FixedTagger:
    """Stands in for the CRF: fixed tags, so the stage's own rules are tested alone."""

    def __init__(self, tags: list[list[str]], real) -> None:
        self.tags = tags
        self.rank = real.rank
        self.titles = real.titles

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        return self.tags


def test_titles_are_kept_out_of_person_names(model) -> None:
    text = "وقال الرئيس المدعو أحمد حسن إن"
    tagger = FixedTagger([["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS", "O"]], model)
    result = recognize_entities(article(text), model=tagger)
    assert mentions(result) == [("أحمد حسن", "PER")]


def test_a_person_that_is_only_a_title_is_dropped(model) -> None:
    tagger = FixedTagger([["O", "B-PERS", "O"]], model)
    assert recognize_entities(article("وقال الرئيس إن"), model=tagger).entities == ()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="بغداد وقال الرئيس محمد في ــ ًٌٍَُِّْ .،؟!\n«»abc 123٣", max_size=120))
def test_any_text_gives_sound_entities(model, text: str) -> None:
    result = recognize_entities(article(text), model=model)
    assert validate(result) == []
    assert [e.id for e in result.entities] == [f"e{i}" for i in range(1, len(result.entities) + 1)]
    assert all(
        e.start < e.end and text[e.start : e.end].strip() == text[e.start : e.end] for e in result.entities
    )
