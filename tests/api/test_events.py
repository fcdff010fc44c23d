"""Events: filters, paging, sorting, one event with its evidence, and bad parameters."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def ids(client: TestClient, **params: str) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [(e["type"], e["place"]["name"] if e["place"] else None) for e in response.json()["data"]]


def test_list_counts_every_merged_event(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["count"] == 5
    assert len(body["data"]) == 5


def test_one_bombing_told_by_two_outlets_is_one_event_with_two_claims(client: TestClient) -> None:
    [bombing] = client.get("/api/events", params={"type": "ASSAULT"}).json()["data"]
    assert {r["site"] for r in bombing["reports"]} == {"alpha.example.com", "beta.example.net"}
    assert bombing["report_count"] == 2
    assert {(c["value"], c["low"], c["article"]) for c in bombing["claims"]} == {
        (None, 5, "ar-azaz-1"),
        (7, None, "ar-azaz-2"),
    }
    assert bombing["from"] == bombing["to"] == "2018-06-03"
    assert bombing["place"]["geonameid"] == 172082


def test_filters_narrow(client: TestClient) -> None:
    assert sorted(ids(client, type="protest")) == [("PROTEST", "Apia"), ("PROTEST", "Suva")]
    assert ids(client, type="MOVE,ASSAULT", sort="date") == [("ASSAULT", "Azaz"), ("MOVE", "Hama")]
    assert ids(client, modality="reported", country="sy", sort="date")[-1] == ("MOVE", "Hama")
    assert ids(client, **{"from": "2019-01-01"}) == [("MOVE", "Hama")]
    assert ids(client, to="2018-06-03", type="ASSAULT") == [("ASSAULT", "Azaz")]
    assert ids(client, place="170016") == [("MOVE", "Hama")]


def test_text_search_is_arabic_normalised(client: TestClient) -> None:
    # «مقاتلين» (no article, alef forms aside) finds «المقاتلين» in the evidence.
    assert ids(client, q="مقاتلين") == [("COERCE", "Azaz")]
    assert ids(client, actor="مقاتلين") == [("COERCE", "Azaz")]
    assert ids(client, q="families") == [("MOVE", "Hama")]


def test_sql_looking_text_is_just_text(client: TestClient) -> None:
    for text in ("' OR 1=1 --", "%'; DROP TABLE events; --", "\\", "_%"):
        response = client.get("/api/events", params={"q": text, "actor": text})
        assert response.status_code == 200
        assert response.json()["count"] == 0
    assert client.get("/api/events").json()["count"] == 5


def test_odd_text_in_a_search_is_searched_for(client: TestClient) -> None:
    for query in (
        "q=%FF%FE",
        "q=a%00b",
        "actor=%00",
        "q=" + "ا" * 500,
        "q=%D9%8E%D9%8F",
    ):  # the last: marks only
        response = client.get(f"/api/events?{query}")
        assert response.status_code == 200, query
        assert response.headers["content-type"].startswith("application/json")
    assert client.get("/api/events?q=%D9%8E").json()["count"] == 5  # nothing left to look for: all


def test_bbox_and_the_antimeridian(client: TestClient) -> None:
    assert sorted(ids(client, bbox="30,30,40,40")) == [
        ("ASSAULT", "Azaz"),
        ("COERCE", "Azaz"),
        ("MOVE", "Hama"),
    ]
    # West of east: the box crosses the antimeridian and holds Fiji and Samoa, nothing else.
    assert sorted(ids(client, bbox="170,-30,-170,0")) == [("PROTEST", "Apia"), ("PROTEST", "Suva")]
    assert ids(client, bbox="170,-30,179.9,0") == [("PROTEST", "Suva")]
    assert ids(client, bbox="-180,-30,-170,0") == [("PROTEST", "Apia")]
    map_cells = client.get("/api/aggregates/places", params={"bbox": "170,-30,-170,0"}).json()["data"]
    assert sorted(c["name"] for c in map_cells) == ["Apia", "Suva"]


def test_paging_and_sorting(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2, "sort": "-reports"}).json()
    assert first["count"] == 5 and first["limit"] == 2 and len(first["data"]) == 2
    assert [e["report_count"] for e in first["data"]] == [2, 2]
    rest = client.get("/api/events", params={"limit": 2, "offset": 2, "sort": "-reports"}).json()
    beyond = client.get("/api/events", params={"offset": 100}).json()
    assert {e["id"] for e in first["data"]}.isdisjoint(e["id"] for e in rest["data"])
    assert beyond["data"] == [] and beyond["count"] == 5


def test_one_event_marks_its_evidence(client: TestClient) -> None:
    [listed] = client.get("/api/events", params={"type": "ASSAULT"}).json()["data"]
    event = client.get(f"/api/events/{listed['id']}").json()
    report = next(r for r in event["reports"] if r["site"] == "alpha.example.com")
    marked = {h["kind"]: report["evidence"][h["start"] : h["end"]] for h in report["highlights"]}
    assert marked == {
        "trigger": "انفجار",
        "target": "أشخاص",
        "place": "إعزاز",
        "time": "أمس الأحد",
        "figure": "خمسة أشخاص على الأقل",
        "source": "مصادر طبية",
    }
    assert report["title"] == "انفجار في إعزاز (alpha.example.com)"


def test_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/api/events/ev-nothing")
    assert response.status_code == 404
    assert "ev-nothing" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"from": "2018-13-45"}, "from"),
        ({"from": "2019-01-02", "to": "2019-01-01"}, "after"),
        ({"limit": "0"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"sort": "id; DROP TABLE events"}, "sort"),
        ({"type": "ASSAULT;DROP"}, "type"),
        ({"country": "Syria"}, "country"),
        ({"bbox": "1,2,3"}, "four numbers"),
        ({"bbox": "a,b,c,d"}, "four numbers"),
        ({"bbox": "0,10,10,0"}, "south"),
        ({"bbox": "0,-91,10,0"}, "latitudes"),
        ({"bbox": "-200,0,10,10"}, "longitudes"),
        ({"bbox": "nan,0,10,10"}, "finite"),
        ({"bbox": "1,2,3,4,"}, "four numbers"),
        ({"modality": "asserted,'"}, "modality"),
        ({"interval": "x", "sort": "reports;"}, "sort"),
        ({"place": "Idlib"}, "place"),
        ({"q": "x" * 600}, "q"),
    ],
)
def test_malformed_parameters_are_422_with_a_message(client: TestClient, params: dict, says: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and says in detail


def test_list_without_reports_is_the_same_page(client: TestClient) -> None:
    for sort in ("-reports", "date"):
        full = client.get("/api/events", params={"sort": sort, "limit": 3, "offset": 1}).json()
        light = client.get(
            "/api/events", params={"sort": sort, "limit": 3, "offset": 1, "reports": "false"}
        ).json()
        assert [e["id"] for e in light["data"]] == [e["id"] for e in full["data"]]
        assert light["count"] == full["count"]
        for a, b in zip(light["data"], full["data"], strict=True):
            assert a["reports"] == []
            assert a["report_count"] == b["report_count"] == len(b["reports"])
            assert (a["claims"], a["actors"], a["place"]) == (b["claims"], b["actors"], b["place"])


def test_one_event_has_the_reports_the_store_merged(client: TestClient, corpus_db) -> None:
    from marsad.store import queries, reading

    with reading(corpus_db) as conn:
        merged = queries.events(conn, limit=100).data
    for event in merged:
        shown = client.get(f"/api/events/{event.id}").json()
        assert [(r["article"], r["evidence"], r["source"]) for r in shown["reports"]] == [
            (r.article, r.evidence, r.source) for r in event.reports
        ]
