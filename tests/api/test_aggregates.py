"""Counts for the map, the timeline and the filters."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fastapi.testclient import TestClient

from marsad.store import queries, reading


def test_map_cells_are_per_place_and_type(client: TestClient) -> None:
    cells = client.get("/api/aggregates/places").json()["data"]
    by_key = {(c["name"], c["type"]): c for c in cells}
    assert by_key[("Azaz", "ASSAULT")]["events"] == 1
    assert by_key[("Azaz", "ASSAULT")]["reports"] == 2
    assert by_key[("Azaz", "COERCE")]["reports"] == 2
    assert set(by_key) == {
        ("Azaz", "ASSAULT"),
        ("Azaz", "COERCE"),
        ("Suva", "PROTEST"),
        ("Apia", "PROTEST"),
        ("Hama", "MOVE"),
    }
    assert client.get("/api/aggregates/places", params={"type": "MOVE"}).json()["data"][0]["lat"] == 35.13


def test_timeline_counts_days_and_weeks(client: TestClient) -> None:
    days = client.get("/api/aggregates/timeline", params={"interval": "day", "type": "ASSAULT,COERCE"}).json()
    assert days == {"interval": "day", "data": [{"date": "2018-06-03", "count": 2, "reports": 4}]}
    weeks = client.get("/api/aggregates/timeline", params={"interval": "week"}).json()
    assert weeks["interval"] == "week"
    assert all(b["date"] >= "2018-05-28" for b in weeks["data"])
    assert sum(b["count"] for b in weeks["data"]) == 5
    # Azaz (June 2018) to Hama (May 2019) is more than half a year: weeks.
    assert client.get("/api/aggregates/timeline").json()["interval"] == "week"
    filtered = client.get("/api/aggregates/timeline", params={"from": "2019-01-01"}).json()
    assert filtered["interval"] == "day" and filtered["data"][0]["date"] == "2019-05-08"


def test_facets_name_countries_in_both_languages(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    assert {"value": "PROTEST", "count": 2, "name": None, "name_ar": None} in facets["types"]
    [syria] = facets["countries"]
    assert (syria["value"], syria["count"], syria["name"], syria["name_ar"]) == ("SY", 3, "Syria", "سوريا")


def test_places_and_actors_with_counts(client: TestClient) -> None:
    places = {p["name"]: p for p in client.get("/api/places").json()}
    assert places["Azaz"]["events"] == 2 and places["Azaz"]["reports"] == 4
    actors = {a["name"]: a for a in client.get("/api/actors").json()}
    assert actors["المقاتلين"]["events"] == 1
    assert client.get("/api/places", params={"limit": 0}).status_code == 422


def test_stories(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    assert stories["count"] >= 1
    first = stories["data"][0]
    detail = client.get(f"/api/stories/{first['id']}").json()
    assert detail["id"] == first["id"]
    assert client.get("/api/stories/none").status_code == 404


def test_map_json_is_the_stores_cells(client: TestClient, corpus_db: Path) -> None:
    for params, f in (
        ({}, queries.EventFilter()),
        ({"type": "PROTEST"}, queries.EventFilter(types=("PROTEST",))),
        ({"country": "ZZ"}, queries.EventFilter(countries=("ZZ",))),
    ):
        with reading(corpus_db) as conn:
            cells = [dataclasses.asdict(c) for c in queries.map_cells(conn, f)]
        assert client.get("/api/aggregates/places", params=params).json() == {"data": cells}
    assert cells == []
