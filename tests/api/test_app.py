"""The server's edges: health, version, docs, the page and its headers, errors as JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad import __version__
from marsad.api.app import create_app, tile_origin
from marsad.store import StoreMissing


def test_health_and_version(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok", "version": __version__}
    body = client.get("/api/version").json()
    assert body["version"] == __version__
    assert body["schema"] == "marsad.article/1"


def test_page_is_served_with_a_content_security_policy(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert 'type="module"' in response.text
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "object-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def test_vendored_map_library_and_basemap_are_served(client: TestClient) -> None:
    for path in (
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/LICENSE",
        "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
        "/static/vendor/world-atlas/countries-50m.geojson",
        "/static/js/main.js",
    ):
        assert client.get(path).status_code == 200, path
    countries = client.get("/static/vendor/world-atlas/countries-50m.geojson").json()
    assert {"Syria", "Iraq", "Yemen", "Libya"} <= {f["properties"]["name"] for f in countries["features"]}


def test_docs_work_offline_under_the_csp(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert "<script>" not in docs.text  # no inline script: the CSP would block it
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/health"} <= set(schema["paths"])


def test_unknown_paths_and_methods_are_json_4xx(client: TestClient) -> None:
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404
    assert "detail" in missing.json()
    wrong = client.delete("/api/events")
    assert wrong.status_code == 405
    assert "detail" in wrong.json()


def test_config_tells_the_page_it_is_read_only(client: TestClient) -> None:
    assert client.get("/api/config").json()["read_only"] is True


def test_tile_url_is_allowed_by_the_csp(corpus_db: Path) -> None:
    app = create_app(db=corpus_db, token=None, tile_url="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    with TestClient(app) as c:
        assert (
            "img-src 'self' data: https://*.tiles.example.org"
            in c.get("/").headers["content-security-policy"]
        )
        assert c.get("/api/config").json()["tile_url"].startswith("https://{s}.tiles.example.org")


def test_tile_origin_rejects_other_schemes() -> None:
    assert tile_origin(None) is None
    assert tile_origin("http://localhost:8080/{z}/{x}/{y}.png") == "http://localhost:8080"
    with pytest.raises(ValueError, match="http"):
        tile_origin("javascript:alert(1)")


def test_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="marsad ingest"):
        create_app(db=tmp_path / "none.duckdb", token=None)


def test_an_unexpected_error_is_a_json_500(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("marsad.store.queries.map_cells_json", broken)
    with TestClient(create_app(db=corpus_db, token=None)) as client:  # its own: nothing kept yet
        response = client.get("/api/aggregates/places")
        assert response.status_code == 500
        assert response.json() == {"detail": "internal error; see the server log"}
        assert "content-security-policy" in response.headers
        assert client.get("/api/health").status_code == 200
        monkeypatch.undo()
        assert client.get("/api/aggregates/places").status_code == 200  # an error is not kept
