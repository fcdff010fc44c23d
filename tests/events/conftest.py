"""Hand-built articles for the event stage: text, then the layers other stages would add."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from marsad.article import Article, Entity, Place, Quantity, TimeExpr
from marsad.events import EventLexicon, load_event_lexicon
from marsad.nlp.segment import segment
from marsad.nlp.tokens import Clitics
from marsad.nlp.vocabulary import load_vocabulary


@pytest.fixture(scope="session")
def lexicon() -> EventLexicon:
    return load_event_lexicon()


@pytest.fixture(scope="session")
def clitics() -> Clitics:
    return Clitics(load_vocabulary())


def span_of(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


@pytest.fixture
def build(clitics: Clitics) -> Callable[..., Article]:
    """``build(text, published=..., places=[(phrase, name, level)], times=[(phrase, from, to)],
    quantities=[(phrase, kwargs)], entities=[(phrase, type)])``: a segmented article with those
    layers, every span found by its phrase."""

    def make(
        text: str,
        *,
        published: date | None = date(2018, 6, 4),
        places: tuple = (),
        times: tuple = (),
        quantities: tuple = (),
        entities: tuple = (),
    ) -> Article:
        article = segment(Article(id="t", text=text, origin="test", published=published), clitics=clitics)
        return article.with_layers(
            entities=tuple(Entity(f"e{i}", *span_of(text, p), t) for i, (p, t) in enumerate(entities, 1)),
            places=tuple(Place(*span_of(text, p), name=n, level=lv) for p, n, lv in places),
            times=tuple(TimeExpr(*span_of(text, p), f, t) for p, f, t in times),
            quantities=tuple(Quantity(*span_of(text, p), **kw) for p, kw in quantities),
        )

    return make


@pytest.fixture
def run(lexicon: EventLexicon, build: Callable[..., Article]) -> Callable[..., Article]:
    """``run(text, **build_options)``: the article after the event stage."""
    from marsad.events import extract_events

    def go(text: str, **options) -> Article:
        return extract_events(build(text, **options), lexicon=lexicon)

    return go


def text_of(article: Article, start: int, end: int) -> str:
    return article.text[start:end]


def roles(article: Article, event) -> dict[str, str]:
    """Participant role → text (the first of each role)."""
    out: dict[str, str] = {}
    for p in event.participants:
        out.setdefault(p.role, article.text[p.start : p.end])
    return out


def triggers(article: Article) -> list[tuple[str, str]]:
    return [(e.type, article.text[e.trigger_start : e.trigger_end]) for e in article.events]
