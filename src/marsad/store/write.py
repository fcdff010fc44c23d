"""Articles into rows of the store's tables, written a batch at a time in one transaction.

Everything an article's layers say is stored except its tokens (hundreds per article, and
recomputed exactly by the ``segment`` stage from the stored text), so an article read back
equals the one stored apart from ``tokens``.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from marsad.article import Article
from marsad.stories.duplicates import signature

_TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "articles": [
        ("id", pa.string()),
        ("origin", pa.string()),
        ("url", pa.string()),
        ("site", pa.string()),
        ("title", pa.string()),
        ("published", pa.date32()),
        ("published_at", pa.timestamp("us", tz="UTC")),
        ("language", pa.string()),
        ("text", pa.string()),
        ("text_hash", pa.string()),
        (
            "errors",
            pa.list_(pa.struct([("code", pa.string()), ("stage", pa.string()), ("message", pa.string())])),
        ),
        ("n_tokens", pa.int32()),
        ("minhash", pa.binary()),
        ("shingles", pa.int32()),
        ("ingested_at", pa.timestamp("us", tz="UTC")),
    ],
    "spans": [
        ("article", pa.string()),
        ("layer", pa.string()),
        ("idx", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("label", pa.string()),
        ("entity", pa.string()),
        ("found_by", pa.string()),
        ("canonical_id", pa.string()),
        ("canonical_name", pa.string()),
        ("canonical_kind", pa.string()),
        ("date_from", pa.date32()),
        ("date_to", pa.date32()),
        ("value", pa.float64()),
        ("low", pa.float64()),
        ("high", pa.float64()),
        ("approximate", pa.bool_()),
        ("unit", pa.string()),
        ("currency", pa.string()),
    ],
    "places": [
        ("article", pa.string()),
        ("idx", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("name", pa.string()),
        ("level", pa.string()),
        ("geonameid", pa.int64()),
        ("country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("entity", pa.string()),
        ("rel_direction", pa.string()),
        ("rel_of", pa.int64()),
        ("rel_distance_km", pa.float64()),
    ],
    "reports": [
        ("article", pa.string()),
        ("idx", pa.int32()),
        ("local_id", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("cameo", pa.string()),
        ("acled", pa.string()),
        ("modality", pa.string()),
        ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()),
        ("sentence_start", pa.int32()),
        ("sentence_end", pa.int32()),
        ("place", pa.int32()),
        ("time", pa.int32()),
        ("quantity", pa.int32()),
        ("source_start", pa.int32()),
        ("source_end", pa.int32()),
        ("source_entity", pa.string()),
        ("mentions", pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32())]))),
        ("time_from", pa.date32()),
        ("time_to", pa.date32()),
        ("time_precision", pa.string()),
        ("counts", pa.list_(pa.struct([("what", pa.string()), ("quantity", pa.int32())]))),
    ],
    "participants": [
        ("article", pa.string()),
        ("report", pa.int32()),
        ("idx", pa.int32()),
        ("role", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("entity", pa.string()),
        ("canonical_id", pa.string()),
        ("canonical_name", pa.string()),
        ("canonical_kind", pa.string()),
    ],
}
_SCHEMAS = {name: pa.schema(cols) for name, cols in _TABLES.items()}


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _span(layer: str, article: str, idx: int, start: int, end: int, **values: Any) -> dict[str, Any]:
    row = dict.fromkeys(_SCHEMAS["spans"].names)
    row.update(article=article, layer=layer, idx=idx, start=start, end=end, **values)
    return row


def _canonical(c) -> dict[str, Any]:
    return {
        "canonical_id": c.id if c else None,
        "canonical_name": c.name if c else None,
        "canonical_kind": c.kind if c else None,
    }


@dataclass(slots=True)
class Batch:
    """Rows of a batch of articles, written together by :meth:`write`."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in _TABLES})
    ids: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, article: Article, *, published_at: datetime | None = None) -> None:
        a = article
        sig = signature(a.text)
        self.ids.append(a.id)
        self.rows["articles"].append(
            {
                "id": a.id,
                "origin": a.origin,
                "url": a.url,
                "site": a.site,
                "title": a.title,
                "published": a.published,
                "published_at": published_at,
                "language": a.language,
                "text": a.text,
                "text_hash": text_hash(a.text),
                "errors": [{"code": d.code, "stage": d.stage, "message": d.message} for d in a.errors],
                "n_tokens": len(a.tokens),
                "minhash": sig.hashvalues,
                "shingles": sig.size,
                "ingested_at": datetime.now(UTC),
            }
        )
        spans = self.rows["spans"]
        spans.extend(_span("sentences", a.id, i, s.start, s.end) for i, s in enumerate(a.sentences))
        spans.extend(
            _span(
                "entities",
                a.id,
                i,
                e.start,
                e.end,
                label=e.type,
                entity=e.id,
                found_by=e.source,
                **_canonical(e.canonical),
            )
            for i, e in enumerate(a.entities)
        )
        spans.extend(
            _span("times", a.id, i, t.start, t.end, date_from=t.from_, date_to=t.to)
            for i, t in enumerate(a.times)
        )
        spans.extend(
            _span(
                "quantities",
                a.id,
                i,
                q.start,
                q.end,
                value=q.value,
                low=q.low,
                high=q.high,
                approximate=q.approximate,
                unit=q.unit,
                currency=q.currency,
            )
            for i, q in enumerate(a.quantities)
        )
        self.rows["places"].extend(
            {
                "article": a.id,
                "idx": i,
                "start": p.start,
                "end": p.end,
                "name": p.name,
                "level": p.level,
                "geonameid": p.geonameid,
                "country": p.country,
                "lat": p.lat,
                "lon": p.lon,
                "entity": p.entity,
                "rel_direction": p.relation.direction if p.relation else None,
                "rel_of": p.relation.of if p.relation else None,
                "rel_distance_km": p.relation.distance_km if p.relation else None,
            }
            for i, p in enumerate(a.places)
        )
        for i, ev in enumerate(a.events):
            self.rows["reports"].append(
                {
                    "article": a.id,
                    "idx": i,
                    "local_id": ev.id,
                    "type": ev.type,
                    "mode": ev.mode,
                    "cameo": ev.cameo,
                    "acled": ev.acled,
                    "modality": ev.modality,
                    "trigger_start": ev.trigger_start,
                    "trigger_end": ev.trigger_end,
                    "sentence_start": ev.sentence.start,
                    "sentence_end": ev.sentence.end,
                    "place": ev.place,
                    "time": ev.time,
                    "quantity": ev.quantity,
                    "source_start": ev.source.start if ev.source else None,
                    "source_end": ev.source.end if ev.source else None,
                    "source_entity": ev.source.entity if ev.source else None,
                    "mentions": [{"start": a, "end": b} for a, b in ev.mentions],
                    "time_from": ev.time_from,
                    "time_to": ev.time_to,
                    "time_precision": ev.time_precision,
                    "counts": [{"what": w, "quantity": q} for w, q in ev.counts],
                }
            )
            self.rows["participants"].extend(
                {
                    "article": a.id,
                    "report": i,
                    "idx": j,
                    "role": p.role,
                    "start": p.start,
                    "end": p.end,
                    "entity": p.entity,
                    **_canonical(p.canonical),
                }
                for j, p in enumerate(ev.participants)
            )

    def write(self, conn: duckdb.DuckDBPyConnection) -> None:
        """Insert every row in one transaction and mark the derived tables stale."""
        tables = {
            name: pa.Table.from_pylist(rows, schema=_SCHEMAS[name])
            for name, rows in self.rows.items()
            if rows
        }
        write_tables(conn, tables, replace=False, finally_sql="UPDATE derived_state SET stale = true")


def write_tables(
    conn: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table], *, replace: bool, finally_sql: str
) -> None:
    """Insert each Arrow table into the table of its name (emptied first when ``replace``),
    then run ``finally_sql``, all in one transaction: every row is stored, or none."""
    views = {name: f"incoming_{name}" for name in tables}
    for name, table in tables.items():
        conn.register(views[name], table)
    try:
        conn.execute("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                if replace:
                    conn.execute(f"DELETE FROM {name}")
                if table.num_rows:
                    columns = ", ".join(f'"{c}"' for c in table.column_names)
                    conn.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM {views[name]}")
            conn.execute(finally_sql)
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):  # a failed commit already ended the transaction
                conn.execute("ROLLBACK")
            raise
    finally:
        for view in views.values():
            with contextlib.suppress(duckdb.Error):
                conn.unregister(view)
