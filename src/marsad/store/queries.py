"""Questions the CLI, the API and notebooks ask of the store, as plain functions.

Every function takes an open connection (read-only is enough: see
:func:`marsad.store.reading`) and returns typed records; the HTTP layer turns them into its
own schemas. Filters are one :class:`EventFilter`, built once by the caller. Values from
users only ever reach SQL as bound parameters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

import duckdb

from marsad.article import Article
from marsad.store.articles import dict_rows, load_article, load_reports, place_ref
from marsad.store.derive import search_key
from marsad.stories.merge import stem
from marsad.stories.reports import Actor, Claim, MergedEvent, Report

T = TypeVar("T")
BBox = tuple[float, float, float, float]  # west, south, east, north
Sort = Literal["date", "-date", "reports", "-reports"]
Interval = Literal["day", "week"]

#: The columns of ``events`` but its search text, which is large and read only to filter.
EVENT_COLUMNS = "* EXCLUDE (search)"

SORTS = {
    "date": "coalesce(e.date_from, e.first_published) ASC NULLS LAST, e.id",
    "-date": "coalesce(e.date_from, e.first_published) DESC NULLS LAST, e.id",
    "reports": "e.n_reports ASC, e.id",
    "-reports": "e.n_reports DESC, e.id",
}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which merged events: every field narrows, none set means all.

    Dates select events whose interval overlaps ``date_from``..``date_to`` (inclusive);
    a box whose west edge is east of its east edge crosses the antimeridian."""

    date_from: date | None = None
    date_to: date | None = None
    types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    boxes: tuple[BBox, ...] = ()
    actor: str | None = None  # a canonical id, or text found in an actor's name
    q: str | None = None  # words all found in the evidence, actors or place (Arabic-normalised)
    place: int | None = None  # GeoNames id
    story: str | None = None
    # The name of a table (one VARCHAR column ``id``) registered on the connection that holds
    # the events matching ``q``, found beforehand by a word index: the filter then reads it
    # instead of scanning every event's text. Set by code, never from user input.
    text_hits: str | None = None


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    data: list[T]
    count: int  # over all pages
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    title: str | None
    site: str | None
    url: str | None
    published: date | None
    language: str | None
    events: int
    original: str | None  # the article this one copies, when it is a near-duplicate
    story: str | None


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: str
    title: str | None
    articles: int
    sites: int
    events: int
    reports: int
    date_from: date | None
    date_to: date | None


@dataclass(frozen=True, slots=True)
class PlaceCount:
    name: str
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None
    level: str | None
    events: int
    reports: int


@dataclass(frozen=True, slots=True)
class MapCell:
    type: str
    name: str
    geonameid: int | None
    country: str | None
    lat: float
    lon: float
    level: str | None
    events: int
    reports: int


@dataclass(frozen=True, slots=True)
class ActorCount:
    name: str
    id: str | None
    events: int
    reports: int


@dataclass(frozen=True, slots=True)
class TimeCount:
    date: date  # first day of the bucket (a Monday for weeks)
    events: int
    reports: int


@dataclass(frozen=True, slots=True)
class Facets:
    types: list[tuple[str, int]] = field(default_factory=list)
    modalities: list[tuple[str, int]] = field(default_factory=list)
    countries: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StoreStats:
    articles: int
    duplicates: int
    stories: int
    events: int
    reports: int
    claims: int
    stale: bool


def search_words(text: str) -> list[str]:
    """The words of a query, folded and stemmed, so "المحتجين" finds "المحتجون"."""
    return [stem(w) for w in search_key(text).split()]


def where_clause(f: EventFilter) -> tuple[str, list]:
    clauses, params = ["true"], []
    if f.date_from is not None:
        clauses.append("coalesce(e.date_to, e.first_published) >= ?")
        params.append(f.date_from)
    if f.date_to is not None:
        clauses.append("coalesce(e.date_from, e.first_published) <= ?")
        params.append(f.date_to)
    for column, values in (("type", f.types), ("modality", f.modalities), ("country", f.countries)):
        if values:
            clauses.append(f"e.{column} = ANY(?)")
            params.append(list(values))
    if f.boxes:
        boxes = []
        for west, south, east, north in f.boxes:
            if west <= east:
                boxes.append("(e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?)")
                params.extend([west, east, south, north])
            else:
                boxes.append("((e.lon >= ? OR e.lon <= ?) AND e.lat BETWEEN ? AND ?)")
                params.extend([west, east, south, north])
        clauses.append("(" + " OR ".join(boxes) + ")")
    if f.actor:
        words = search_words(f.actor)
        found = " AND ".join(["contains(a.search, ?)"] * len(words)) or "false"
        clauses.append(
            "EXISTS (SELECT 1 FROM event_actors a WHERE a.event = e.id "
            f"AND (a.canonical_id = ? OR ({found})))"
        )
        params.extend([f.actor, *words])
    if f.text_hits is not None:
        if not f.text_hits.isidentifier():
            raise ValueError(f"not a table name: {f.text_hits!r}")
        clauses.append(f"e.id IN (SELECT id FROM {f.text_hits})")
    else:
        for word in search_words(f.q or ""):
            clauses.append("contains(e.search, ?)")
            params.append(word)
    if f.place is not None:
        clauses.append("e.geonameid = ?")
        params.append(f.place)
    if f.story is not None:
        clauses.append("e.story = ?")
        params.append(f.story)
    return " AND ".join(clauses), params


def scalar(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> Any:
    """The first value of the first row, or None. (Results are always read whole: DuckDB keeps
    a half-read result open, and an open result blocks registering tables on the connection.)"""
    rows = conn.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


def count_events(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> int:
    where, params = where_clause(f or EventFilter())
    return int(scalar(conn, f"SELECT count(*) FROM events e WHERE {where}", params) or 0)


def page_rows(
    conn: duckdb.DuckDBPyConnection, f: EventFilter, *, limit: int, offset: int, sort: Sort
) -> list[dict]:
    """The ``events`` rows of one page, in order. The page's ids are sorted first and their
    rows read after: sorting whole rows would carry every column of every match along."""
    where, params = where_clause(f)
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT e.id FROM events e WHERE {where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
    ]
    if not ids:
        return []
    rows = {
        r["id"]: r
        for r in dict_rows(conn.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ANY(?)", [ids]))
    }
    return [rows[i] for i in ids if i in rows]


def _light_reports(conn: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list[Report]]:
    """The reports of these events from ``event_reports`` alone: every field but each report's
    own actors and figures (the event carries those)."""
    reports: dict[str, list[Report]] = defaultdict(list)
    for r in dict_rows(conn.execute("SELECT * FROM event_reports WHERE event = ANY(?)", [ids])):
        reports[r["event"]].append(
            Report(
                article=r["article"],
                index=r["report"],
                type=r["type"],
                modality=r["modality"],
                site=r["site"],
                url=r["url"],
                title=r["title"],
                published=r["published"],
                date_from=r["date_from"],
                date_to=r["date_to"],
                time_stated=r["time_stated"],
                source=r["source"],
                evidence=r["evidence"],
                trigger=r["trigger"],
            )
        )
    return reports


def _full_reports(conn: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list[Report]]:
    """The reports of these events with everything, read from the per-article tables."""
    keys = conn.execute(
        "SELECT event, article, report FROM event_reports WHERE event = ANY(?)", [ids]
    ).fetchall()
    wanted = {(a, i): ev for ev, a, i in keys}
    reports: dict[str, list[Report]] = defaultdict(list)
    for rep in load_reports(conn, {a for a, _ in wanted}):
        if (ev := wanted.get(rep.key)) is not None:
            reports[ev].append(rep)
    return reports


def actors_and_claims(
    conn: duckdb.DuckDBPyConnection, ids: list[str]
) -> tuple[dict[str, list[Actor]], dict[str, list[Claim]]]:
    """The actors and claims of the given merged events, by event id, in stored order."""
    actors: dict[str, list[Actor]] = defaultdict(list)
    sql = (
        "SELECT event, role, text, canonical_id, canonical_name FROM event_actors "
        "WHERE event = ANY(?) ORDER BY event, idx"
    )  # not the normalised search text: large, and read only to filter
    for a in dict_rows(conn.execute(sql, [ids])):
        actors[a["event"]].append(Actor(a["role"], a["text"], a["canonical_id"], a["canonical_name"]))
    claims: dict[str, list[Claim]] = defaultdict(list)
    for c in dict_rows(conn.execute("SELECT * FROM claims WHERE event = ANY(?) ORDER BY event, idx", [ids])):
        claims[c["event"]].append(
            Claim(
                c["what"],
                c["value"],
                c["low"],
                c["high"],
                c["approximate"],
                c["currency"],
                c["source"],
                c["article"],
            )
        )
    return actors, claims


def _assemble(conn: duckdb.DuckDBPyConnection, rows: list[dict], *, full: bool = False) -> list[MergedEvent]:
    """Merged events with their reports, actors and claims, for the given ``events`` rows."""
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    reports = _full_reports(conn, ids) if full else _light_reports(conn, ids)
    actors, claims = actors_and_claims(conn, ids)
    out = []
    for r in rows:
        reps = sorted(reports[r["id"]], key=lambda x: (x.published or date.min, x.article, x.index))
        out.append(
            MergedEvent(
                id=r["id"],
                type=r["type"],
                modality=r["modality"],
                mode=r["mode"],
                cameo=r["cameo"],
                acled=r["acled"],
                date_from=r["date_from"],
                date_to=r["date_to"],
                place=place_ref(r),
                actors=tuple(actors[r["id"]]),
                reports=tuple(reps),
                claims=tuple(claims[r["id"]]),
                story=r["story"],
            )
        )
    return out


def events(
    conn: duckdb.DuckDBPyConnection,
    f: EventFilter | None = None,
    *,
    limit: int = 100,
    offset: int = 0,
    sort: Sort = "-date",
) -> Page[MergedEvent]:
    """One page of merged events, each with all its reports, actors and claims (each report
    without its own actors and figures: :func:`event` has those)."""
    f = f or EventFilter()
    rows = page_rows(conn, f, limit=limit, offset=offset, sort=sort)
    return Page(_assemble(conn, rows), count_events(conn, f), limit, offset)


def iter_events(
    conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None, *, sort: Sort = "date", batch: int = 500
) -> Iterator[MergedEvent]:
    """Every matching event, a batch of rows at a time (for exports)."""
    where, params = where_clause(f or EventFilter())
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT e.id FROM events e WHERE {where} ORDER BY {SORTS[sort]}", params
        ).fetchall()
    ]
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ANY(?)"
        rows = {r["id"]: r for r in dict_rows(conn.execute(sql, [chunk]))}
        yield from _assemble(conn, [rows[i] for i in chunk if i in rows])


def event(conn: duckdb.DuckDBPyConnection, event_id: str) -> MergedEvent | None:
    """One merged event with everything, each report with its own actors and figures too."""
    rows = dict_rows(conn.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", [event_id]))
    found = _assemble(conn, rows, full=True)
    return found[0] if found else None


def article(conn: duckdb.DuckDBPyConnection, article_id: str) -> Article | None:
    """The stored article with its spans (every layer but tokens)."""
    return load_article(conn, article_id)


def articles(
    conn: duckdb.DuckDBPyConnection, *, q: str | None = None, limit: int = 100, offset: int = 0
) -> Page[ArticleSummary]:
    """Stored articles, newest first; ``q`` finds words of the title (Arabic-normalised)."""
    where, params = "true", []
    if q:
        where, params = (
            "contains(lower(a.title), ?) OR contains(lower(a.title), ?)",
            [q.lower(), search_key(q)],
        )
    sql = f"""
        SELECT a.id, a.title, a.site, a.url, a.published, a.language,
               (SELECT count(*) FROM reports r WHERE r.article = a.id) AS events,
               d.original, s.story
        FROM articles a
        LEFT JOIN duplicates d ON d.article = a.id
        LEFT JOIN story_articles s ON s.article = a.id
        WHERE {where}
        ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?"""
    rows = conn.execute(sql, [*params, limit, offset]).fetchall()
    total = scalar(conn, f"SELECT count(*) FROM articles a WHERE {where}", params)
    return Page([ArticleSummary(*r) for r in rows], int(total or 0), limit, offset)


def stories(
    conn: duckdb.DuckDBPyConnection, *, limit: int = 100, offset: int = 0, min_sites: int = 1
) -> Page[StorySummary]:
    """Stories, largest first (most outlets, then most articles)."""
    sql = """
        SELECT s.id, s.title, s.n_articles, s.n_sites,
               count(e.id) AS events, coalesce(sum(e.n_reports), 0) AS reports,
               min(coalesce(e.date_from, e.first_published)) AS date_from,
               max(coalesce(e.date_to, e.first_published)) AS date_to
        FROM stories s LEFT JOIN events e ON e.story = s.id
        WHERE s.n_sites >= ?
        GROUP BY ALL
        ORDER BY s.n_sites DESC, s.n_articles DESC, s.id LIMIT ? OFFSET ?"""
    rows = conn.execute(sql, [min_sites, limit, offset]).fetchall()
    total = scalar(conn, "SELECT count(*) FROM stories WHERE n_sites >= ?", [min_sites])
    return Page([StorySummary(*r) for r in rows], int(total or 0), limit, offset)


def story_events(conn: duckdb.DuckDBPyConnection, story_id: str) -> list[MergedEvent] | None:
    """The merged events of one story; None when there is no such story."""
    if scalar(conn, "SELECT count(*) FROM stories WHERE id = ?", [story_id]) == 0:
        return None
    return list(iter_events(conn, EventFilter(story=story_id)))


def places(
    conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None, *, limit: int = 100
) -> list[PlaceCount]:
    """Event places with how many events and reports each has, most events first."""
    where, params = where_clause(f or EventFilter())
    sql = f"""
        SELECT e.place_name, e.geonameid, e.country, any_value(e.lat), any_value(e.lon), any_value(e.level),
               count(*) AS events, sum(e.n_reports) AS reports
        FROM events e WHERE {where} AND e.place_name IS NOT NULL
        GROUP BY e.place_name, e.geonameid, e.country
        ORDER BY events DESC, reports DESC, e.place_name LIMIT ?"""
    return [PlaceCount(*r) for r in conn.execute(sql, [*params, limit]).fetchall()]


def _map_sql(f: EventFilter | None) -> tuple[str, list]:
    where, params = where_clause(f or EventFilter())
    sql = f"""
        SELECT e.type, e.place_name AS name, e.geonameid, e.country, any_value(e.lat) AS lat,
               any_value(e.lon) AS lon, any_value(e.level) AS level, count(*) AS events,
               sum(e.n_reports)::BIGINT AS reports
        FROM events e WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
        GROUP BY e.type, e.place_name, e.geonameid, e.country"""
    return sql, params


def map_cells(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> list[MapCell]:
    """Events per type and place, for a map: only places with coordinates."""
    sql, params = _map_sql(f)
    rows = conn.execute(
        f"{sql} ORDER BY events DESC, e.type, name, e.geonameid, e.country", params
    ).fetchall()
    return [MapCell(*r) for r in rows]


def map_cells_json(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> str:
    """:func:`map_cells` as the JSON array of objects with :class:`MapCell`'s fields, made by
    the database: thousands of cells on a large store need no Python object each."""
    sql, params = _map_sql(f)
    wrapped = f"""
        SELECT coalesce(to_json(list(c ORDER BY c.events DESC, c.type, c.name, c.geonameid, c.country)),
                        '[]')::VARCHAR
        FROM ({sql}) c"""
    return scalar(conn, wrapped, params)


def actors(
    conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None, *, limit: int = 100
) -> list[ActorCount]:
    """Named actors (canonical where known, else as written) with their event counts."""
    where, params = where_clause(f or EventFilter())
    sql = f"""
        SELECT coalesce(a.canonical_name, a.text) AS name, a.canonical_id,
               count(DISTINCT e.id) AS events, sum(e.n_reports) AS reports
        FROM event_actors a JOIN events e ON e.id = a.event
        WHERE {where}
        GROUP BY coalesce(a.canonical_name, a.text), a.canonical_id
        ORDER BY events DESC, reports DESC, name LIMIT ?"""
    return [ActorCount(*r) for r in conn.execute(sql, [*params, limit]).fetchall()]


def counts_by_time(
    conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None, interval: Interval = "day"
) -> list[TimeCount]:
    """Events per day or ISO week (by the start of the event's interval)."""
    where, params = where_clause(f or EventFilter())
    unit = {"day": "day", "week": "week"}[interval]
    sql = f"""
        SELECT CAST(date_trunc('{unit}', coalesce(e.date_from, e.first_published)) AS DATE) AS bucket,
               count(*), sum(e.n_reports)
        FROM events e WHERE {where} AND coalesce(e.date_from, e.first_published) IS NOT NULL
        GROUP BY bucket ORDER BY bucket"""
    return [TimeCount(*r) for r in conn.execute(sql, params).fetchall()]


def facets(conn: duckdb.DuckDBPyConnection) -> Facets:
    """The types, modalities and countries present, with their event counts."""

    def counts(column: str) -> list[tuple[str, int]]:
        sql = (
            f"SELECT {column}, count(*) AS n FROM events WHERE {column} IS NOT NULL "
            f"GROUP BY {column} ORDER BY n DESC, {column}"
        )
        return [(r[0], int(r[1])) for r in conn.execute(sql).fetchall()]

    return Facets(counts("type"), counts("modality"), counts("country"))


def derived_version(conn: duckdb.DuckDBPyConnection) -> datetime | None:
    """When the derived tables (merged events, stories, duplicates) were last rebuilt: what
    is computed from them alone stays true while this is unchanged."""
    return scalar(conn, "SELECT refreshed_at FROM derived_state")


def stats(conn: duckdb.DuckDBPyConnection) -> StoreStats:
    def n(table: str) -> int:
        return int(scalar(conn, f"SELECT count(*) FROM {table}") or 0)

    stale = bool(scalar(conn, "SELECT stale FROM derived_state"))
    return StoreStats(
        n("articles"), n("duplicates"), n("stories"), n("events"), n("reports"), n("claims"), stale
    )


def known_urls(conn: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT url FROM articles WHERE url IS NOT NULL").fetchall()}
