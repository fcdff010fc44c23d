"""Answers kept per version of the merged events: asked again, answered alike without work;
after a rebuild, answered afresh."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.store import queries
from tests.api.conftest import TOKEN
from tests.api.test_articles import AUTH, BAGHOUZ


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the map's query ran."""
    counted = {"map_cells": 0}
    real = queries.map_cells_json

    def map_cells_json(*args, **kwargs):
        counted["map_cells"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "map_cells_json", map_cells_json)
    return counted


@pytest.fixture
def fresh(corpus_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db=corpus_db, token=None)) as c:
        yield c


def test_the_same_question_is_answered_once(fresh: TestClient, calls: dict[str, int]) -> None:
    first = fresh.get("/api/aggregates/places", params={"type": "PROTEST,ASSAULT", "from": "2018-01-01"})
    again = fresh.get("/api/aggregates/places", params={"from": "2018-01-01", "type": "PROTEST,ASSAULT"})
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and len(first.json()["data"]) == 3
    assert calls["map_cells"] == 1
    assert again.headers["content-security-policy"]  # the edge headers are still added
    other = fresh.get("/api/aggregates/places", params={"type": "PROTEST"})
    assert len(other.json()["data"]) == 2 and calls["map_cells"] == 2


def test_compressed_and_plain_answers_are_kept_apart(fresh: TestClient) -> None:
    url = "/api/events?limit=500"
    plain = [fresh.get(url, headers={"Accept-Encoding": "identity"}) for _ in range(2)]
    packed = [fresh.get(url, headers={"Accept-Encoding": "gzip"}) for _ in range(2)]
    assert all("content-encoding" not in r.headers for r in plain)
    assert all(r.headers["content-encoding"] == "gzip" for r in packed)
    assert plain[0].json() == plain[1].json() == packed[0].json() == packed[1].json()
    assert plain[1].json()["count"] == 5


def test_errors_are_not_kept(fresh: TestClient) -> None:
    assert fresh.get("/api/events/nope").status_code == 404
    assert fresh.get("/api/events", params={"bbox": "1,2"}).status_code == 422
    assert fresh.get("/api/events", params={"bbox": "1,2"}).json()["detail"].startswith("bbox")


def test_a_rebuild_of_the_merged_events_is_seen(writable_db: Path, calls: dict[str, int]) -> None:
    with TestClient(create_app(db=writable_db, token=TOKEN)) as writer:
        before = writer.get("/api/events").json()["count"]
        cells = writer.get("/api/aggregates/places").json()["data"]
        assert writer.get("/api/events").json()["count"] == before
        assert writer.post("/api/articles", json=BAGHOUZ, headers=AUTH).status_code == 201
        # The merged events were rebuilt after the response: a new version, asked afresh.
        assert writer.get("/api/events").json()["count"] > before
        assert len(writer.get("/api/aggregates/places").json()["data"]) > len(cells)
        assert calls["map_cells"] == 2
