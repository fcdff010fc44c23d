"""The tables rebuilt from every stored article, and what story clustering reads for them."""

from __future__ import annotations

from marsad.store.connection import reading
from marsad.store.derive import story_docs
from marsad.stories.cluster import name_key
from tests.store.conftest import store_articles
from tests.stories.factory import KAFRANBEL, article


def test_story_docs_carry_the_main_event_type_names_and_places(db):
    store_articles(
        db,
        [
            article("a", site="bbc.co.uk"),
            article("b", site="france24.com", where=KAFRANBEL, event_type="PROTEST", trigger="تظاهروا"),
        ],
    )
    with reading(db) as conn:
        docs = {d.id: d for d in story_docs(conn)}
    assert (docs["a"].kind, docs["b"].kind) == ("ASSAULT", "PROTEST")
    assert docs["a"].names == frozenset({name_key("إدلب")}) and docs["a"].places == frozenset({169389})
    assert docs["b"].places == frozenset({KAFRANBEL.geonameid})
    assert docs["a"].site == "bbc.co.uk" and docs["a"].published is not None


def test_one_event_told_by_two_outlets_is_stored_once_with_both_reports_and_claims(db):
    store_articles(
        db,
        [
            article("a", site="bbc.co.uk", killed=5, source="المرصد السوري"),
            article("b", site="france24.com", killed=7, source="الدفاع المدني"),
        ],
    )
    with reading(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (1,)
        reports = conn.execute("SELECT article FROM event_reports ORDER BY article").fetchall()
        claims = conn.execute("SELECT value, source, article FROM claims ORDER BY article").fetchall()
    assert reports == [("a",), ("b",)]
    assert claims == [(5.0, "المرصد السوري", "a"), (7.0, "الدفاع المدني", "b")]
