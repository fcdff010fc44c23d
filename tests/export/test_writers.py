from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq

from marsad.export.records import COLUMNS
from marsad.export.writers import write_csv, write_geojson, write_jsonl, write_parquet
from marsad.stories.merge import merge_reports
from marsad.stories.reports import reports_of
from tests.stories.factory import GAZA, article

EVENTS = merge_reports(
    [r for a in (article("a"), article("b", where=GAZA), article("c", where=None)) for r in reports_of(a)]
)


def test_csv_one_row_per_event_with_every_column():
    out = io.StringIO()
    assert write_csv(EVENTS, out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 3
    assert {r["location"] for r in rows} == {"إدلب", "غزة", ""}


def test_jsonl_one_event_per_line():
    out = io.StringIO()
    write_jsonl(EVENTS, out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and all(json.loads(line)["reports"] for line in lines)


def test_geojson_points_are_lon_lat_and_placeless_events_are_counted():
    out = io.StringIO()
    assert write_geojson(EVENTS, out) == (2, 1)
    fc = json.loads(out.getvalue())
    coords = {f["properties"]["location"]: f["geometry"]["coordinates"] for f in fc["features"]}
    assert coords["غزة"] == [34.47, 31.5]
    assert all(
        isinstance(v, (str, int, float, type(None))) for f in fc["features"] for v in f["properties"].values()
    )


def test_geojson_of_nothing_is_a_valid_empty_collection():
    out = io.StringIO()
    write_geojson([], out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_has_flat_columns_and_nested_reports(tmp_path):
    path = tmp_path / "e.parquet"
    assert write_parquet(EVENTS, path) == 3
    table = pq.read_table(path)
    assert table.column_names == [*COLUMNS, "reports", "claims"]
    assert table.column("reports").to_pylist()[0][0]["article"] in {"a", "b", "c"}
    empty = tmp_path / "none.parquet"
    write_parquet([], empty)
    assert pq.read_table(empty).num_rows == 0
