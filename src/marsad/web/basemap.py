"""Builds the offline basemap: Natural Earth country shapes from the npm package world-atlas.

The page ships a GeoJSON of the world's countries so the map has a background without any
tile server. It is derived from world-atlas's TopoJSON at build time, not in the browser,
so the page needs no TopoJSON decoder. Rebuild with::

    npm pack world-atlas@2.0.2
    python -m marsad.web.basemap world-atlas-2.0.2.tgz

which rewrites ``static/vendor/world-atlas/countries-50m.geojson``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tarfile
from pathlib import Path
from typing import Any

#: Antarctica encircles the pole, which a Mercator map cannot show anyway.
LEFT_OUT = {"010"}
OUT = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "countries-50m.geojson"
MEMBER = "package/countries-50m.json"

Point = tuple[float, float]


def _decode_arcs(topology: dict[str, Any], digits: int) -> list[list[Point]]:
    """Absolute coordinates of every arc (quantized arcs are delta-encoded)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points: list[Point] = []
        x = y = 0.0
        for dx, dy, *_ in arc:
            if transform:
                x, y = x + dx, y + dy
                lon = x * transform["scale"][0] + transform["translate"][0]
                lat = y * transform["scale"][1] + transform["translate"][1]
            else:
                lon, lat = dx, dy
            points.append((round(lon, digits), round(lat, digits)))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[Point]]) -> list[list[float]]:
    """A closed ring stitched from arcs; a negative index (``~i``) is arc i reversed."""
    ring: list[Point] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point.
        ring.extend(points[1:] if ring else points)
    deduped = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
    if deduped and deduped[0] != deduped[-1]:
        deduped.append(deduped[0])
    return [list(p) for p in deduped]


def _unwrap(ring: list[list[float]]) -> list[list[float]]:
    """Longitudes made continuous: world-atlas rings cross the antimeridian (they are meant for
    spherical rendering), which a flat map would draw as a band across the whole world; a
    crossing ring instead goes past 180 degrees and is drawn where it belongs, at the edge."""
    out = [ring[0]] if ring else []
    shift = 0.0
    for (lon0, _), (lon1, lat1) in itertools.pairwise(ring):
        if lon1 - lon0 > 180:
            shift -= 360
        elif lon0 - lon1 > 180:
            shift += 360
        out.append([round(lon1 + shift, 6), lat1])
    return out


def _polygon(rings: list[list[int]], arcs: list[list[Point]]) -> list[list[list[float]]]:
    return [_unwrap(r) for r in (_ring(indexes, arcs) for indexes in rings) if len(r) >= 4]


def topology_to_geojson(topology: dict[str, Any], name: str, *, digits: int = 2) -> dict[str, Any]:
    """The TopoJSON object ``name`` as a GeoJSON FeatureCollection of (multi)polygons."""
    if name not in topology.get("objects", {}):
        raise KeyError(f"no object {name!r} in topology; has {', '.join(topology.get('objects', {}))}")
    arcs = _decode_arcs(topology, digits)
    features = []
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        if geometry.get("id") in LEFT_OUT:
            continue
        if kind == "Polygon":
            coordinates: list[Any] = _polygon(geometry["arcs"], arcs)
        elif kind == "MultiPolygon":
            coordinates = [p for p in (_polygon(rings, arcs) for rings in geometry["arcs"]) if p]
        else:
            continue  # points and lines are not part of a country basemap
        if not coordinates:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geometry.get("id"),
                "properties": {"name": (geometry.get("properties") or {}).get("name")},
                "geometry": {"type": kind, "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def build_basemap(package: Path, out: Path = OUT) -> int:
    """Reads world-atlas's npm tarball and writes the countries GeoJSON; returns the feature count."""
    with tarfile.open(package) as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            raise FileNotFoundError(f"{package}: no {MEMBER}")
        topology = json.load(member)
    collection = topology_to_geojson(topology, "countries")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    return len(collection["features"])


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the offline country basemap from world-atlas.")
    parser.add_argument("package", type=Path, help="world-atlas npm tarball (npm pack world-atlas@2.0.2)")
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    args = parser.parse_args()
    count = build_basemap(args.package, args.out)
    print(f"{args.out}: {count} countries")


if __name__ == "__main__":
    main()
