from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from marsad.store import queries as Q
from marsad.store.connection import reading
from tests.store.conftest import store_articles
from tests.stories.factory import ALEPPO, FIJI, GAZA, article


@pytest.fixture
def conn(db):
    store_articles(
        db,
        [
            article("bbc", site="bbc.co.uk", killed=5, title="غارات على إدلب"),
            article("sky", site="skynewsarabia.com", killed=7, published=date(2018, 4, 10)),
            article(
                "gaza",
                where=GAZA,
                when=(date(2018, 5, 14), date(2018, 5, 14)),
                published=date(2018, 5, 14),
                actor="القوات الإسرائيلية",
                actor_id="wd:Q1",
                trigger="قتلت",
                killed=58,
            ),
            article(
                "aleppo",
                where=ALEPPO,
                event_type="PROTEST",
                trigger="تظاهروا",
                killed=None,
                actor="المحتجون",
                published=date(2018, 4, 12),
                when=(date(2018, 4, 12), date(2018, 4, 12)),
            ),
            article(
                "fiji",
                where=FIJI,
                event_type="PROTEST",
                trigger="تظاهروا",
                killed=None,
                actor="طلاب",
                published=date(2018, 6, 1),
                when=(date(2018, 6, 1), date(2018, 6, 1)),
            ),
            article(
                "denied",
                modality="negated",
                where=GAZA,
                published=date(2018, 5, 15),
                when=(date(2018, 5, 15), date(2018, 5, 15)),
            ),
        ],
    )
    with reading(db) as c:
        yield c


def _ids(conn, **kw) -> set[str]:
    return {r.article for e in Q.iter_events(conn, Q.EventFilter(**kw)) for r in e.reports}


def test_one_event_per_real_event_with_every_report_and_claim(conn):
    (idlib,) = [e for e in Q.events(conn).data if e.place and e.place.name == "إدلب"]
    assert [r.article for r in idlib.reports] == ["bbc", "sky"]
    assert sorted((c.low, c.value, c.source) for c in idlib.claims) == [
        (None, 5.0, "المرصد السوري"),
        (None, 7.0, "المرصد السوري"),
    ]
    full = Q.event(conn, idlib.id)
    # One event has everything; lists leave each report's own actors and figures to it.
    assert [r.claims[0].value for r in full.reports] == [5.0, 7.0]
    assert dataclasses.replace(full, reports=()) == dataclasses.replace(idlib, reports=())
    light = [
        dataclasses.replace(r, actors=(), claims=(), mode=None, cameo=None, acled=None, place=None)
        for r in full.reports
    ]
    assert list(idlib.reports) == light
    assert Q.event(conn, "ev-none") is None


def test_filters(conn):
    assert _ids(conn, types=("PROTEST",)) == {"aleppo", "fiji"}
    assert _ids(conn, countries=("PS",)) == {"gaza", "denied"}
    assert _ids(conn, modalities=("negated",)) == {"denied"}
    assert _ids(conn, date_from=date(2018, 5, 1), date_to=date(2018, 5, 14)) == {"gaza"}
    assert _ids(conn, boxes=((36.0, 35.0, 37.5, 36.5),)) == {"bbc", "sky", "aleppo"}
    assert _ids(conn, boxes=((170.0, -20.0, -170.0, -10.0),)) == {"fiji"}  # across the antimeridian
    assert _ids(conn, actor="wd:Q1") == {"gaza"}
    assert _ids(conn, actor="المحتجين") == {"aleppo"}  # a word of the actor, spelt another way
    assert _ids(conn, q="تظاهروا في حلب") == {"aleppo"}
    assert _ids(conn, q="اسرائيليه") == {"gaza"}  # hamza and ta marbuta folded
    assert _ids(conn, place=281133) == {"gaza", "denied"}


def test_paging_sorting_and_counts(conn):
    first = Q.events(conn, limit=2, offset=0, sort="date")
    second = Q.events(conn, limit=2, offset=2, sort="date")
    assert first.count == second.count == Q.count_events(conn) == 5
    dates = [e.date_from for e in first.data + second.data]
    assert dates == sorted(dates)
    assert Q.events(conn, sort="-reports").data[0].place.name == "إدلب"


def test_aggregates(conn):
    days = {t.date: t.events for t in Q.counts_by_time(conn)}
    assert days[date(2018, 4, 8)] == 1 and sum(days.values()) == 5
    weeks = Q.counts_by_time(conn, interval="week")
    assert all(w.date.weekday() == 0 for w in weeks)
    places = {p.name: (p.events, p.reports) for p in Q.places(conn)}
    assert places["إدلب"] == (1, 2) and places["غزة"] == (2, 2)
    cells = {(c.type, c.name) for c in Q.map_cells(conn, Q.EventFilter(types=("PROTEST",)))}
    assert cells == {("PROTEST", "حلب"), ("PROTEST", "سوفا")}
    assert ("القوات الإسرائيلية", "wd:Q1", 1, 1) in [
        (a.name, a.id, a.events, a.reports) for a in Q.actors(conn)
    ]
    facets = Q.facets(conn)
    assert dict(facets.types) == {"ASSAULT": 3, "PROTEST": 2}


def test_articles_and_stories(conn):
    page = Q.articles(conn, limit=3)
    assert page.count == 6 and len(page.data) == 3 and page.data[0].id == "fiji"
    assert [a.id for a in Q.articles(conn, q="غارات").data] == ["bbc"]
    bbc = Q.article(conn, "bbc")
    assert bbc.site == "bbc.co.uk" and bbc.events[0].type == "ASSAULT"
    stories = Q.stories(conn, limit=100)
    assert stories.count >= 1
    story = next(s for s in stories.data if s.events)
    assert Q.story_events(conn, story.id)
    assert Q.story_events(conn, "none") is None


def test_stats(conn):
    s = Q.stats(conn)
    assert (s.articles, s.events, s.reports, s.stale) == (6, 5, 6, False)
