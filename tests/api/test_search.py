"""The word index finds, for any query, exactly the events that scanning their text finds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.api.search import HITS_TABLE, TextSearch, WordIndex
from marsad.api.storage import Store
from marsad.store import reading
from marsad.store.queries import EventFilter, count_events, derived_version, search_words, where_clause

QUERIES = [
    "مقاتلين",
    "المقاتلين",
    "إعزاز",
    "اعزاز",
    "families",
    "Families",
    "قتل انفجار",
    "ال",
    "لا يوجد",
    "' OR 1=1 --",
]


@pytest.fixture(scope="module")
def conn(corpus_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with reading(corpus_db) as c:
        yield c


@pytest.fixture(scope="module")
def index(conn: duckdb.DuckDBPyConnection) -> WordIndex:
    return WordIndex.build(conn, derived_version(conn))


def scanned(conn: duckdb.DuckDBPyConnection, q: str) -> set[str]:
    where, params = where_clause(EventFilter(q=q))
    return {r[0] for r in conn.execute(f"SELECT e.id FROM events e WHERE {where}", params).fetchall()}


def indexed(conn: duckdb.DuckDBPyConnection, index: WordIndex, q: str) -> set[str]:
    hits = index.hits(search_words(q))
    cur = conn.cursor()
    try:
        cur.register(HITS_TABLE, hits)
        where, params = where_clause(EventFilter(q=q, text_hits=HITS_TABLE))
        return {r[0] for r in cur.execute(f"SELECT e.id FROM events e WHERE {where}", params).fetchall()}
    finally:
        cur.close()


@pytest.mark.parametrize("q", QUERIES)
def test_the_index_finds_what_the_scan_finds(conn, index, q: str) -> None:
    assert indexed(conn, index, q) == scanned(conn, q)


def test_the_examples_find_something_and_not_everything(conn, index) -> None:
    total = count_events(conn)
    assert 0 < len(indexed(conn, index, "مقاتلين")) < total
    assert indexed(conn, index, "لا يوجد") == set()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_piece_of_the_stored_text_is_found_alike(conn, index, data) -> None:
    texts = [r[0] for r in conn.execute("SELECT search FROM events ORDER BY id").fetchall()]
    text = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, len(text) - 1))
    piece = text[start : start + data.draw(st.integers(1, 12))]
    q = f"{piece} {data.draw(st.sampled_from(['', *QUERIES]))}"
    assert indexed(conn, index, q) == scanned(conn, q)


def test_a_search_scans_until_the_index_is_ready_then_reads_it(corpus_db: Path) -> None:
    store = Store(corpus_db, writable=False)
    try:
        search = TextSearch(store)
        f = EventFilter(q="مقاتلين", types=("COERCE",))
        with store.read() as conn:
            assert search.narrow(conn, f) == f  # no index yet: the filter scans
            expected = count_events(conn, f)
        deadline = time.monotonic() + 30
        while True:
            with store.read() as conn:
                narrowed = search.narrow(conn, f)
                if narrowed != f:
                    assert narrowed == replace(f, text_hits=HITS_TABLE)
                    assert count_events(conn, narrowed) == expected == 1
                    break
            assert time.monotonic() < deadline, "the index was never built"
            time.sleep(0.05)
        with store.read() as conn:
            assert search.narrow(conn, EventFilter()) == EventFilter()  # nothing to search
    finally:
        store.close()


def test_the_server_says_when_searches_read_the_index(client) -> None:
    deadline = time.monotonic() + 30
    while client.get("/api/config").json()["text_search"] != "indexed":  # built from the start
        assert time.monotonic() < deadline, "the index was never built"
        time.sleep(0.05)
    assert [e["type"] for e in client.get("/api/events", params={"q": "مقاتلين"}).json()["data"]] == [
        "COERCE"
    ]
