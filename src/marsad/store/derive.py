"""The tables computed from all stored articles together: near-duplicates, stories and
merged events with their claims, rebuilt in one transaction.

They are rebuilt whole rather than patched: near-duplicate groups, stories and merged events
each depend only on the set of stored articles, so a rebuild after any sequence of ingests,
in any order, gives the same tables.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time

import duckdb
import pyarrow as pa

from marsad.nlp.normalize import normalize_text
from marsad.store.articles import load_reports
from marsad.store.write import write_tables
from marsad.stories.cluster import StoryDoc, StorySettings, cluster_stories, name_key
from marsad.stories.duplicates import Duplicate, DuplicateSettings, Item, Signature, find_duplicates
from marsad.stories.merge import merge_reports
from marsad.stories.reports import MergedEvent


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    articles: int
    duplicates: int
    stories: int
    events: int
    reports: int


def _when(published_at: datetime | None, published: date | None) -> datetime | None:
    if published_at is not None:
        return published_at
    if published is not None:
        return datetime.combine(published, time(12), tzinfo=UTC)
    return None


def _table(rows: list[dict], columns: tuple[str, ...]) -> pa.Table:
    if not rows:
        return pa.table({c: pa.array([], pa.null()) for c in columns})
    return pa.Table.from_pylist(rows)


def search_key(text: str) -> str:
    """Text folded for search: the normaliser's folds, ta marbuta and case too."""
    return normalize_text(text, ta_marbuta=True).lower()


def _event_rows(events: list[MergedEvent]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"events": [], "event_reports": [], "event_actors": [], "claims": []}
    for ev in events:
        p = ev.place
        published = [r.published for r in ev.reports if r.published is not None]
        out["events"].append(
            {
                "id": ev.id,
                "story": ev.story,
                "type": ev.type,
                "mode": ev.mode,
                "cameo": ev.cameo,
                "acled": ev.acled,
                "modality": ev.modality,
                "date_from": ev.date_from,
                "date_to": ev.date_to,
                "place_name": p.name if p else None,
                "geonameid": p.geonameid if p else None,
                "country": p.country if p else None,
                "lat": p.lat if p else None,
                "lon": p.lon if p else None,
                "level": p.level if p else None,
                "n_reports": len(ev.reports),
                "n_articles": len({r.article for r in ev.reports}),
                "n_sites": len({r.site or r.article for r in ev.reports}),
                "first_published": min(published) if published else None,
                "search": search_key(
                    " ".join(
                        [*(r.evidence for r in ev.reports), *(a.text for a in ev.actors), p.name if p else ""]
                    )
                ),
            }
        )
        out["event_reports"].extend(
            {
                "event": ev.id,
                "article": r.article,
                "report": r.index,
                "type": r.type,
                "modality": r.modality,
                "site": r.site,
                "url": r.url,
                "title": r.title,
                "published": r.published,
                "date_from": r.date_from,
                "date_to": r.date_to,
                "time_stated": r.time_stated,
                "source": r.source,
                "evidence": r.evidence,
                "trigger": r.trigger,
            }
            for r in ev.reports
        )
        out["event_actors"].extend(
            {
                "event": ev.id,
                "idx": i,
                "role": a.role,
                "text": a.text,
                "canonical_id": a.canonical_id,
                "canonical_name": a.canonical_name,
                "search": search_key(f"{a.text} {a.canonical_name or ''}"),
            }
            for i, a in enumerate(ev.actors)
        )
        out["claims"].extend({"event": ev.id, "idx": i, **asdict(c)} for i, c in enumerate(ev.claims))
    return out


_FEATURES_SQL = {
    "kind": "SELECT article, arg_min(type, idx) FROM reports GROUP BY article",
    "names": """SELECT s.article, list(DISTINCT substr(a.text, s.start + 1, s."end" - s.start))
        FROM spans s JOIN articles a ON a.id = s.article WHERE s.layer = 'entities' GROUP BY s.article""",
    "places": """SELECT article, list(DISTINCT geonameid) FROM places
        WHERE geonameid IS NOT NULL GROUP BY article""",
}


def story_docs(conn: duckdb.DuckDBPyConnection, rows: list[tuple] | None = None) -> list[StoryDoc]:
    """Every stored article as story clustering sees it: headline, lead, and the analysis'
    main event type, named entities and places. ``rows`` are ``(id, published, published_at,
    title, text, site)``, read when not given."""
    if rows is None:
        rows = conn.execute("SELECT id, published, published_at, title, text, site FROM articles").fetchall()
    found = {name: dict(conn.execute(sql).fetchall()) for name, sql in _FEATURES_SQL.items()}
    keys: dict[str, str] = {}  # one name is written the same way in many articles
    for article, names in found["names"].items():
        found["names"][article] = [keys[t] if t in keys else keys.setdefault(t, name_key(t)) for t in names]
    return [
        StoryDoc(
            r[0],
            _when(r[2], r[1]),
            r[3],
            r[4],
            r[5],
            kind=found["kind"].get(r[0]),
            names=frozenset(found["names"].get(r[0], ())),
            places=frozenset(found["places"].get(r[0], ())),
        )
        for r in rows
    ]


def refresh(
    conn: duckdb.DuckDBPyConnection,
    *,
    duplicates: DuplicateSettings | None = None,
    stories: StorySettings | None = None,
) -> RefreshSummary:
    """Rebuild every derived table from the stored articles, in one transaction."""
    rows = conn.execute(
        "SELECT id, published, published_at, minhash, shingles, title, text, site FROM articles"
    ).fetchall()
    items = [Item(r[0], r[1], Signature(bytes(r[3]), r[4])) for r in rows]
    dups: list[Duplicate] = find_duplicates(items, duplicates, texts={r[0]: r[6] for r in rows})
    docs = story_docs(conn, [(r[0], r[1], r[2], r[5], r[6], r[7]) for r in rows])
    story_of = cluster_stories(docs, stories, together={d.article: d.original for d in dups})
    by_id = {r[0]: r for r in rows}
    members: dict[str, list[str]] = {}
    for article, story in story_of.items():
        members.setdefault(story, []).append(article)
    story_rows = []
    for story, ids in members.items():
        times = [t for i in ids if (t := _when(by_id[i][2], by_id[i][1])) is not None]
        story_rows.append(
            {
                "id": story,
                "title": by_id[story][5],
                "first_published": min(times) if times else None,
                "last_published": max(times) if times else None,
                "n_articles": len(ids),
                "n_sites": len({by_id[i][7] or i for i in ids}),
            }
        )
    events = merge_reports(load_reports(conn), story_of)
    tables = _event_rows(events)
    dup_rows = [{"article": d.article, "original": d.original, "similarity": d.similarity} for d in dups]
    link_rows = [{"article": a, "story": s} for a, s in story_of.items()]
    write_tables(
        conn,
        {
            "duplicates": _table(dup_rows, ("article",)),
            "stories": _table(story_rows, ("id",)),
            "story_articles": _table(link_rows, ("article",)),
            **{name: _table(table_rows, ("event",)) for name, table_rows in tables.items()},
        },
        replace=True,
        finally_sql="UPDATE derived_state SET stale = false, refreshed_at = now()",
    )
    return RefreshSummary(len(rows), len(dups), len(members), len(events), len(tables["event_reports"]))


def is_stale(conn: duckdb.DuckDBPyConnection) -> bool:
    rows = conn.execute("SELECT stale FROM derived_state").fetchall()
    return bool(rows and rows[0][0])
