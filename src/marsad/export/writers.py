"""Writers for ``marsad export``: CSV, JSON Lines, GeoJSON and Parquet, streamed by event."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.export.records import COLUMNS, event_to_dict, event_to_row
from marsad.stories.reports import MergedEvent

FORMATS = ("csv", "jsonl", "geojson", "parquet")
#: Formats written as text; Parquet is binary and needs a file.
TEXT_FORMATS = ("csv", "jsonl", "geojson")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def write_csv(events: Iterable[MergedEvent], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow({k: ("" if v is None else _plain(v)) for k, v in event_to_row(ev).items()})
        n += 1
    return n


def write_jsonl(events: Iterable[MergedEvent], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(event_to_dict(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(events: Iterable[MergedEvent], out: IO[str]) -> tuple[int, int]:
    """A FeatureCollection of points (WGS 84, as QGIS expects); flat properties, with the
    reports and claims as JSON text. Events without coordinates are counted, not written."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    written = skipped = 0
    for ev in events:
        if ev.place is None or ev.place.lat is None or ev.place.lon is None:
            skipped += 1
            continue
        props = {k: _plain(v) for k, v in event_to_row(ev).items()}
        full = event_to_dict(ev)
        props["reports"] = json.dumps(full["reports"], ensure_ascii=False)
        props["claims"] = json.dumps(full["claims"], ensure_ascii=False)
        feature = {
            "type": "Feature",
            "id": ev.id,
            "geometry": {"type": "Point", "coordinates": [ev.place.lon, ev.place.lat]},
            "properties": props,
        }
        out.write(("," if written else "") + json.dumps(feature, ensure_ascii=False) + "\n")
        written += 1
    out.write("]}\n")
    return written, skipped


_REPORT = pa.struct(
    [
        ("article", pa.string()),
        ("site", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("source", pa.string()),
        ("evidence", pa.string()),
    ]
)
_CLAIM = pa.struct(
    [
        ("what", pa.string()),
        ("value", pa.float64()),
        ("low", pa.float64()),
        ("high", pa.float64()),
        ("approximate", pa.bool_()),
        ("currency", pa.string()),
        ("source", pa.string()),
        ("article", pa.string()),
    ]
)
_TYPES = {
    "event_date": pa.date32(), "date_from": pa.date32(), "date_to": pa.date32(),
    "time_precision": pa.int8(), "geo_precision": pa.int8(),
    "latitude": pa.float64(), "longitude": pa.float64(),
    "geonameid": pa.int64(), "n_reports": pa.int32(), "n_sources": pa.int32(),
}  # fmt: skip
PARQUET_SCHEMA = pa.schema(
    [(c, _TYPES.get(c, pa.string())) for c in COLUMNS]
    + [("reports", pa.list_(_REPORT)), ("claims", pa.list_(_CLAIM))]
)


def write_parquet(events: Iterable[MergedEvent], path: Path, *, batch: int = 2000) -> int:
    """The flat columns plus every report and claim as nested lists, in row groups."""
    n = 0
    with pq.ParquetWriter(str(path), PARQUET_SCHEMA) as writer:
        rows: list[dict] = []
        for ev in events:
            row = event_to_row(ev)
            row["reports"] = [
                {
                    "article": r.article,
                    "site": r.site,
                    "url": r.url,
                    "published": r.published,
                    "source": r.source or r.site,
                    "evidence": r.evidence,
                }
                for r in ev.reports
            ]
            row["claims"] = [asdict(c) for c in ev.claims]
            rows.append(row)
            n += 1
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA))
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA))
    return n
