"""The offline basemap: TopoJSON country shapes to GeoJSON, the antimeridian made flat."""

from __future__ import annotations

import io
import itertools
import json
import tarfile
from pathlib import Path

import pytest

from marsad.web.basemap import OUT, build_basemap, topology_to_geojson

# Two squares sharing an edge (arc 1, walked backwards by the second), quantized.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [30, 30]},
    "arcs": [
        [[2, 0], [-2, 0], [0, 2], [2, 0]],  # west square's outer edge, ending on the shared edge
        [[2, 2], [0, -2]],  # the shared edge, from top to bottom
        [[2, 0], [2, 0], [0, 2], [-2, 0]],  # east square's outer edge
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "1", "properties": {"name": "West"}},
                {"type": "Polygon", "arcs": [[2, ~1]], "id": "2", "properties": {"name": "East"}},
                {"type": "Point", "coordinates": [0, 0], "id": "3"},
            ],
        }
    },
}


def test_arcs_are_decoded_stitched_and_closed() -> None:
    out = topology_to_geojson(TOPOLOGY, "countries")
    west, east = out["features"]
    assert west["properties"] == {"name": "West"} and west["id"] == "1"
    assert west["geometry"]["coordinates"] == [[[32, 30], [30, 30], [30, 32], [32, 32], [32, 30]]]
    assert east["geometry"]["coordinates"] == [[[32, 30], [34, 30], [34, 32], [32, 32], [32, 30]]]
    assert len(out["features"]) == 2  # the point is not a country


def test_a_ring_across_the_antimeridian_stays_in_one_piece() -> None:
    crossing = {
        "type": "Topology",
        "arcs": [[[179, 60], [-179, 60], [-179, 65], [179, 65], [179, 60]]],
        "objects": {
            "countries": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[0]]}]}
        },
    }
    [ring] = topology_to_geojson(crossing, "countries")["features"][0]["geometry"]["coordinates"]
    longitudes = [lon for lon, _ in ring]
    assert max(longitudes) - min(longitudes) == pytest.approx(2)  # not a band 358 degrees wide


def test_unknown_object_is_named() -> None:
    with pytest.raises(KeyError, match="countries"):
        topology_to_geojson(TOPOLOGY, "land")


def test_build_from_an_npm_tarball(tmp_path: Path) -> None:
    package = tmp_path / "world-atlas.tgz"
    data = json.dumps(TOPOLOGY).encode()
    with tarfile.open(package, "w:gz") as tar:
        info = tarfile.TarInfo("package/countries-50m.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    assert build_basemap(package, tmp_path / "out.geojson") == 2
    assert json.loads((tmp_path / "out.geojson").read_text())["type"] == "FeatureCollection"


def test_the_shipped_basemap_is_flat_and_complete() -> None:
    countries = json.loads(OUT.read_text(encoding="utf-8"))["features"]
    assert len(countries) > 200
    for feature in countries:
        polygons = feature["geometry"]["coordinates"]
        if feature["geometry"]["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:
                assert ring[0] == ring[-1]
                assert all(abs(a[0] - b[0]) < 180 for a, b in itertools.pairwise(ring))
