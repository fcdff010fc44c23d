"""Stored rows back into records: whole articles, and the reports that merging works on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import duckdb

from marsad.article import (
    Article,
    Canonical,
    Diagnostic,
    Entity,
    Event,
    Participant,
    Place,
    Quantity,
    Relation,
    Sentence,
    Source,
    TimeExpr,
)
from marsad.stories.reports import Actor, Claim, PlaceRef, Report, claim_what


def dict_rows(cur: duckdb.DuckDBPyConnection) -> list[dict]:
    """The rows of an executed query as dicts keyed by column name."""
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None) -> list[dict]:
    return dict_rows(conn.execute(sql, params or []))


def place_ref(row: dict) -> PlaceRef | None:
    """The place of a stored event or report row (columns place_name, level, geonameid, ...)."""
    if row["place_name"] is None:
        return None
    return PlaceRef(row["place_name"], row["level"], row["geonameid"], row["country"], row["lat"], row["lon"])


def _canonical(row: dict) -> Canonical | None:
    if row["canonical_id"] is None:
        return None
    return Canonical(row["canonical_id"], row["canonical_name"], row["canonical_kind"])


def _float(x: float | None) -> float | None:
    return None if x is None else float(x)


#: Up to this many articles are read by one lookup each, more by one scan (see load_articles).
FEW_ARTICLES = 8


def load_article(conn: duckdb.DuckDBPyConnection, article_id: str) -> Article | None:
    """The stored article with every layer but ``tokens``; None when there is none."""
    return load_articles(conn, [article_id]).get(article_id)


def load_articles(conn: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> dict[str, Article]:
    """The stored articles among ``article_ids``, by id, each with every layer but ``tokens``.

    One query per table for all of them: each table is read once, not once per article."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}

    def rows(table: str, key: str, order: str) -> dict[str, list[dict]]:
        # Rows of one article lie together, so a lookup by equality skips most of a table by
        # its blocks' min/max ids; for many articles one scan with a hash join is cheaper.
        if len(ids) <= FEW_ARTICLES:
            one = f"SELECT * FROM {table} WHERE {key} = ?"
            sql = f"SELECT * FROM ({' UNION ALL '.join([one] * len(ids))}) ORDER BY {order}"
            params: list = ids
        else:
            sql = f"SELECT * FROM {table} WHERE {key} IN (SELECT unnest(?)) ORDER BY {order}"
            params = [ids]
        out: dict[str, list[dict]] = defaultdict(list)
        for row in _rows(conn, sql, params):
            out[row[key]].append(row)
        return out

    spans = rows("spans", "article", "article, layer, idx")
    places = rows("places", "article", "article, idx")
    participants = rows("participants", "article", "article, report, idx")
    reports = rows("reports", "article", "article, idx")
    return {
        i: _article(a[0], spans[i], places[i], participants[i], reports[i])
        for i, a in rows("articles", "id", "id").items()
    }


def _article(
    a: dict,
    span_rows: list[dict],
    place_rows: list[dict],
    participant_rows: list[dict],
    report_rows: list[dict],
) -> Article:
    spans: dict[str, list[dict]] = defaultdict(list)
    for row in span_rows:
        spans[row["layer"]].append(row)
    places = [
        Place(
            start=p["start"],
            end=p["end"],
            name=p["name"],
            level=p["level"],
            geonameid=p["geonameid"],
            country=p["country"],
            lat=p["lat"],
            lon=p["lon"],
            entity=p["entity"],
            relation=Relation(p["rel_direction"], p["rel_of"], p["rel_distance_km"])
            if p["rel_direction"] is not None
            else None,
        )
        for p in place_rows
    ]
    parts: dict[int, list[Participant]] = defaultdict(list)
    for p in participant_rows:
        parts[p["report"]].append(Participant(p["role"], p["start"], p["end"], p["entity"], _canonical(p)))
    events = tuple(
        Event(
            id=r["local_id"],
            type=r["type"],
            trigger_start=r["trigger_start"],
            trigger_end=r["trigger_end"],
            sentence=Sentence(r["sentence_start"], r["sentence_end"]),
            modality=r["modality"],
            mode=r["mode"],
            cameo=r["cameo"],
            acled=r["acled"],
            participants=tuple(parts[r["idx"]]),
            place=r["place"],
            time=r["time"],
            quantity=r["quantity"],
            source=Source(r["source_start"], r["source_end"], r["source_entity"])
            if r["source_start"] is not None
            else None,
            mentions=tuple((m["start"], m["end"]) for m in r["mentions"]),
            time_from=r["time_from"],
            time_to=r["time_to"],
            time_precision=r["time_precision"],
            counts=tuple((c["what"], c["quantity"]) for c in r["counts"]),
        )
        for r in report_rows
    )
    return Article(
        id=a["id"],
        text=a["text"],
        origin=a["origin"],
        url=a["url"],
        site=a["site"],
        title=a["title"],
        published=a["published"],
        language=a["language"],
        sentences=tuple(Sentence(s["start"], s["end"]) for s in spans["sentences"]),
        entities=tuple(
            Entity(e["entity"], e["start"], e["end"], e["label"], _canonical(e), e["found_by"])
            for e in spans["entities"]
        ),
        places=tuple(places),
        times=tuple(TimeExpr(t["start"], t["end"], t["date_from"], t["date_to"]) for t in spans["times"]),
        quantities=tuple(
            Quantity(
                q["start"],
                q["end"],
                _float(q["value"]),
                _float(q["low"]),
                _float(q["high"]),
                bool(q["approximate"]),
                q["unit"],
                q["currency"],
            )
            for q in spans["quantities"]
        ),
        events=events,
        errors=tuple(Diagnostic(d["code"], d["stage"], d["message"]) for d in a["errors"]),
    )


# Each table is narrowed to the wanted articles before the joins (``{only}`` is a condition on
# ``article``, or ``true``): much faster than filtering the joined result.
_REPORTS_SQL = """
WITH r AS (SELECT * FROM reports WHERE {only}),
     a AS (SELECT id, site, url, title, published, text FROM articles WHERE {only_id}),
     t AS (SELECT article, idx, date_from, date_to FROM spans WHERE layer = 'times' AND {only}),
     p AS (SELECT * FROM places WHERE {only})
SELECT r.article, r.idx, r.type, r.modality, a.site, a.url, a.title, a.published, r.mode, r.cameo, r.acled,
       r.time, r.time_from, r.time_to, r.time_precision, t.date_from, t.date_to, r.quantity, r.counts,
       p.name AS place_name, p.level, p.geonameid, p.country, p.lat, p.lon,
       CASE WHEN r.source_start IS NULL THEN NULL
            ELSE substring(a.text, r.source_start + 1, r.source_end - r.source_start) END AS source,
       substring(a.text, r.sentence_start + 1, r.sentence_end - r.sentence_start) AS evidence,
       substring(a.text, r.trigger_start + 1, r.trigger_end - r.trigger_start) AS trigger
FROM r JOIN a ON a.id = r.article
LEFT JOIN t ON t.article = r.article AND t.idx = r.time
LEFT JOIN p ON p.article = r.article AND p.idx = r.place
ORDER BY r.article, r.idx
"""

_ACTORS_SQL = """
WITH pa AS (SELECT * FROM participants WHERE {only}),
     a AS (SELECT id, text FROM articles WHERE {only_id}),
     e AS (SELECT article, entity, canonical_id, canonical_name FROM spans
           WHERE layer = 'entities' AND {only})
SELECT pa.article, pa.report, pa.role,
       substring(a.text, pa.start + 1, pa."end" - pa.start) AS text,
       coalesce(pa.canonical_id, e.canonical_id) AS canonical_id,
       coalesce(pa.canonical_name, e.canonical_name) AS canonical_name
FROM pa JOIN a ON a.id = pa.article
LEFT JOIN e ON e.article = pa.article AND e.entity = pa.entity
ORDER BY pa.article, pa.report, pa.idx
"""

_QUANTITIES_SQL = """
SELECT article, idx, value, low, high, approximate, unit, currency
FROM spans WHERE layer = 'quantities' AND {only}
"""


def _interval(r: dict) -> tuple:
    """As :func:`marsad.stories.reports.event_interval`, from a row."""
    if r["time_from"] is not None and r["time_to"] is not None:
        stated = r["time_precision"] == "stated" if r["time_precision"] else r["time"] is not None
        return r["time_from"], r["time_to"], stated
    if r["date_from"] is not None:
        return r["date_from"], r["date_to"], True
    return None, None, False


def _claims(r: dict, quantities: dict[tuple[str, int], dict]) -> tuple[Claim, ...]:
    """As :func:`marsad.stories.reports.reports_of` makes them, from a row."""
    figures = [(c["what"], c["quantity"]) for c in r["counts"]]
    if not figures and r["quantity"] is not None:
        figures = [(None, r["quantity"])]
    out = []
    for what, index in figures:
        q = quantities.get((r["article"], index))
        if q is None or (q["value"] is None and q["low"] is None and q["high"] is None):
            continue
        out.append(
            Claim(
                what=what or claim_what(q["unit"], q["currency"]),
                value=q["value"],
                low=q["low"],
                high=q["high"],
                approximate=bool(q["approximate"]),
                currency=q["currency"],
                source=r["source"] or r["site"],
                article=r["article"],
            )
        )
    return tuple(out)


def load_reports(conn: duckdb.DuckDBPyConnection, articles: Iterable[str] | None = None) -> list[Report]:
    """Reports as :func:`marsad.stories.reports.reports_of` makes them, from the tables;
    those of the given articles only, when ``articles`` is given."""
    only = {"only": "true", "only_id": "true"}
    params: dict[str, list[str]] = {}
    if articles is not None:
        params["ids"] = sorted(set(articles))
        if not params["ids"]:
            return []
        only = {"only": "article = ANY($ids)", "only_id": "id = ANY($ids)"}
    actors: dict[tuple[str, int], list[Actor]] = defaultdict(list)
    for row in _rows(conn, _ACTORS_SQL.format(**only), params):
        actors[(row["article"], row["report"])].append(
            Actor(row["role"], row["text"], row["canonical_id"], row["canonical_name"])
        )
    quantities = {(q["article"], q["idx"]): q for q in _rows(conn, _QUANTITIES_SQL.format(**only), params)}
    out = []
    for r in _rows(conn, _REPORTS_SQL.format(**only), params):
        date_from, date_to, stated = _interval(r)
        out.append(
            Report(
                article=r["article"],
                index=r["idx"],
                type=r["type"],
                modality=r["modality"],
                site=r["site"],
                url=r["url"],
                title=r["title"],
                published=r["published"],
                mode=r["mode"],
                cameo=r["cameo"],
                acled=r["acled"],
                date_from=date_from,
                date_to=date_to,
                time_stated=stated,
                place=place_ref(r),
                actors=tuple(actors[(r["article"], r["idx"])]),
                claims=_claims(r, quantities),
                source=r["source"],
                evidence=r["evidence"],
                trigger=r["trigger"],
            )
        )
    return out
