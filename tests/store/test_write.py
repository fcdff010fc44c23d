"""Store round trips: what goes in comes out (every layer but tokens)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.article import (
    Article,
    Canonical,
    Diagnostic,
    Entity,
    Event,
    Participant,
    Place,
    Quantity,
    Relation,
    Sentence,
    Source,
    TimeExpr,
)
from marsad.store.articles import load_article, load_reports
from marsad.store.connection import WriterLock, reading
from marsad.stories.reports import reports_of
from tests.store.conftest import store_articles
from tests.stories.factory import article

ARABIC = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىة ًٌٍَُِّْ،.0123456789 ", min_size=1, max_size=80)
OPT_TEXT = st.none() | st.text(min_size=1, max_size=12)
NUMBER = st.none() | st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 3))


@st.composite
def articles(draw) -> Article:
    text = draw(ARABIC)
    n = len(text)

    def span():
        a = draw(st.integers(0, n))
        return a, draw(st.integers(a, n))

    def canonical():
        return draw(st.none() | st.builds(Canonical, st.text(min_size=1, max_size=8), ARABIC, OPT_TEXT))

    entities = tuple(
        Entity(
            f"e{i}",
            *span(),
            draw(st.sampled_from(["PER", "LOC", "ORG"])),
            canonical(),
            draw(st.sampled_from(["model", "lexicon"])),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    places = tuple(
        Place(
            *span(),
            name=draw(ARABIC),
            level=draw(st.sampled_from(["country", "city", "town", "relative"])),
            geonameid=draw(st.none() | st.integers(1, 10**7)),
            country=draw(st.none() | st.sampled_from(["SY", "IQ"])),
            lat=draw(NUMBER),
            lon=draw(NUMBER),
            entity=draw(st.none() | st.sampled_from([e.id for e in entities] or [None])),
            relation=draw(
                st.none() | st.builds(Relation, st.sampled_from(["N", "SW"]), st.integers(1, 10**6), NUMBER)
            ),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    times = tuple(
        TimeExpr(*span(), d := draw(st.dates()), draw(st.dates(min_value=d)))
        for _ in range(draw(st.integers(0, 2)))
    )
    quantities = tuple(
        Quantity(
            *span(),
            draw(NUMBER),
            draw(NUMBER),
            draw(NUMBER),
            draw(st.booleans()),
            draw(OPT_TEXT),
            draw(st.none() | st.just("USD")),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    events = tuple(
        Event(
            id=f"v{i}",
            type=draw(st.sampled_from(["ASSAULT", "MOVE", "PROTEST"])),
            trigger_start=(t := span())[0],
            trigger_end=t[1],
            sentence=Sentence(*span()),
            modality=draw(st.sampled_from(["asserted", "negated"])),
            mode=draw(OPT_TEXT),
            cameo=draw(OPT_TEXT),
            acled=draw(OPT_TEXT),
            participants=tuple(
                Participant(draw(st.sampled_from(["actor", "target"])), *span(), None, canonical())
                for _ in range(draw(st.integers(0, 2)))
            ),
            place=draw(st.none() | st.integers(0, len(places) - 1)) if places else None,
            time=draw(st.none() | st.integers(0, len(times) - 1)) if times else None,
            quantity=draw(st.none() | st.integers(0, len(quantities) - 1)) if quantities else None,
            source=draw(st.none() | st.builds(lambda s: Source(*s), st.just(span()))),
            mentions=tuple(span() for _ in range(draw(st.integers(0, 2)))),
            time_from=(tf := draw(st.none() | st.dates())),
            time_to=draw(st.dates(min_value=tf)) if tf else None,
            time_precision=draw(st.sampled_from(["stated", "coarse"])) if tf else None,
            counts=tuple(
                (draw(st.sampled_from(["killed", "injured", "people"])), k)
                for k in draw(st.lists(st.integers(0, len(quantities) - 1), max_size=2))
            )
            if quantities
            else (),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    return Article(
        id=draw(st.text(alphabet="abcdef0123456789", min_size=4, max_size=12)),
        text=text,
        origin=draw(st.text(min_size=1, max_size=20)),
        url=draw(OPT_TEXT),
        site=draw(OPT_TEXT),
        title=draw(st.none() | ARABIC),
        published=draw(st.none() | st.dates()),
        language=draw(st.none() | st.sampled_from(["ar", "en"])),
        sentences=tuple(Sentence(*span()) for _ in range(draw(st.integers(0, 3)))),
        entities=entities,
        places=places,
        times=times,
        quantities=quantities,
        events=events,
        errors=tuple(Diagnostic("c", "s", draw(ARABIC)) for _ in range(draw(st.integers(0, 2)))),
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(articles())
def test_an_article_read_back_is_the_article_stored(tmp_path_factory, a):
    db = tmp_path_factory.mktemp("rt") / "db.duckdb"
    store_articles(db, [a])
    with reading(db) as conn:
        assert load_article(conn, a.id) == a
        assert load_reports(conn) == reports_of(a)


def test_tokens_are_not_stored_and_the_rest_is(db):
    a = article("t1")
    a = dataclasses.replace(a, tokens=((0, 3, 0, 3, (), None),))
    store_articles(db, [a])
    with reading(db) as conn:
        assert load_article(conn, "t1") == dataclasses.replace(a, tokens=())
        assert load_article(conn, "missing") is None


def test_a_batch_is_written_in_one_transaction(db):
    good, clash = article("same"), article("same")  # the second breaks the primary key
    with WriterLock(db) as lock, lock.connect() as conn:
        from marsad.store.write import Batch

        batch = Batch()
        batch.add(article("first"))
        batch.add(good)
        batch.add(clash)
        with pytest.raises(Exception, match=r"(?i)constraint|duplicate"):
            batch.write(conn)
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM spans").fetchone() == (0,)


def test_reports_read_back_carry_outlet_time_place_and_evidence(db):
    store_articles(db, [article("a", site="bbc.co.uk", published=date(2018, 4, 9))])
    with reading(db) as conn:
        (r,) = load_reports(conn)
    assert (r.site, r.published, r.date_from, r.place.name, r.source) == (
        "bbc.co.uk",
        date(2018, 4, 9),
        date(2018, 4, 8),
        "إدلب",
        "المرصد السوري",
    )
    assert r.evidence.startswith("قال المرصد السوري") and r.trigger == "قصفت"
