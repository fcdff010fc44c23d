from datetime import date

import pytest

from marsad.article import (
    Article,
    Entity,
    Event,
    Place,
    Quantity,
    Sentence,
    Source,
    Token,
    content_id,
    validate,
)

TEXT = "قتل خمسة أشخاص في إدلب."


def article(**layers):
    return Article(id="t", text=TEXT, origin="test", published=date(2018, 6, 4), **layers)


def test_sound_article_has_no_problems():
    a = article(
        sentences=(Sentence(0, len(TEXT)),),
        tokens=(Token(0, 3, 0, 3),),
        entities=(Entity("e1", 18, 22, "LOC"),),
        places=(Place(18, 22, "Idlib", "city", 169389, "SY", 35.93, 36.63, entity="e1"),),
        quantities=(Quantity(4, 14, value=5),),
        events=(
            Event(
                "v1",
                "ASSAULT",
                0,
                3,
                Sentence(0, len(TEXT)),
                place=0,
                quantity=0,
                source=Source(18, 22, "e1"),
            ),
        ),
    )
    assert validate(a) == []
    assert a.span_text(18, 22) == "إدلب"


@pytest.mark.parametrize(
    ("layers", "problem"),
    [
        ({"sentences": (Sentence(0, 99),)}, "sentences[0]: span 0:99 outside"),
        ({"tokens": (Token(0, 3, 1, 5),)}, "tokens[0]: stem 1:5 not inside token"),
        ({"entities": (Entity("e1", 0, 3, "PER"), Entity("e1", 4, 8, "PER"))}, "duplicate ids"),
        ({"places": (Place(18, 22, "Idlib", "city", entity="e9"),)}, "unknown entity e9"),
        ({"events": (Event("v1", "ASSAULT", 0, 3, Sentence(0, 5), place=0),)}, "events[0].place: index 0"),
    ],
)
def test_broken_layers_are_named(layers, problem):
    assert any(problem in p for p in validate(article(**layers)))


def test_layers_are_replaced_not_mutated():
    a = article()
    b = a.with_layers(sentences=(Sentence(0, 3),))
    assert a.sentences == () and b.sentences == (Sentence(0, 3),)
    with pytest.raises(ValueError, match="not a layer"):
        a.with_layers(text="x")


def test_errors_accumulate():
    a = article().with_error("no-date", "clean", "missing").with_error("x", "geo", "y")
    assert [d.code for d in a.errors] == ["no-date", "x"]


def test_content_id_is_stable_and_depends_on_text():
    assert content_id(TEXT) == content_id(TEXT) != content_id(TEXT + " ")
