"""Queries the page needs fast that the store's ``queries`` module does not offer yet.

Both build on the store's own filter and sort clauses and its public loaders, so they select
the same events in the same order; they only skip work the page does not need:

* :func:`event_summaries`: a page of events with actors and claims but no reports (the
  list shows how many there are, not what they say).
* :func:`event_detail`: one event with its reports made from its stored articles by
  :func:`marsad.stories.reports.reports_of` (as the store's merging makes them), and the
  articles themselves, read together, from which the evidence is marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from marsad.article import Article
from marsad.store import queries
from marsad.store.articles import dict_rows, load_articles, place_ref
from marsad.store.queries import EventFilter, Page, Sort
from marsad.stories.reports import Actor, Claim, MergedEvent, Report, reports_of


@dataclass(frozen=True, slots=True)
class EventSummary:
    event: MergedEvent  # reports left empty
    reports: int
    articles: int
    sites: int


def _merged(
    row: dict, actors: list[Actor], claims: list[Claim], reports: tuple[Report, ...] = ()
) -> MergedEvent:
    return MergedEvent(
        id=row["id"],
        type=row["type"],
        modality=row["modality"],
        mode=row["mode"],
        cameo=row["cameo"],
        acled=row["acled"],
        date_from=row["date_from"],
        date_to=row["date_to"],
        place=place_ref(row),
        actors=tuple(actors),
        reports=reports,
        claims=tuple(claims),
        story=row["story"],
    )


def event_summaries(
    conn: duckdb.DuckDBPyConnection, f: EventFilter, *, limit: int, offset: int, sort: Sort
) -> Page[EventSummary]:
    """The page of events the store's ``events`` gives, without their reports."""
    rows = queries.page_rows(conn, f, limit=limit, offset=offset, sort=sort)
    actors, claims = queries.actors_and_claims(conn, [r["id"] for r in rows])
    data = [
        EventSummary(
            _merged(r, actors[r["id"]], claims[r["id"]]), r["n_reports"], r["n_articles"], r["n_sites"]
        )
        for r in rows
    ]
    return Page(data, queries.count_events(conn, f), limit, offset)


def event_detail(
    conn: duckdb.DuckDBPyConnection, event_id: str
) -> tuple[MergedEvent, dict[str, Article]] | None:
    """One event with every report, and the stored articles those reports come from."""
    rows = dict_rows(conn.execute(f"SELECT {queries.EVENT_COLUMNS} FROM events WHERE id = ?", [event_id]))
    if not rows:
        return None
    keys = conn.execute("SELECT article, report FROM event_reports WHERE event = ?", [event_id]).fetchall()
    articles = load_articles(conn, {a for a, _ in keys})
    made = {a: reports_of(article) for a, article in articles.items()}
    reports = [made[a][i] for a, i in keys if a in made and 0 <= i < len(made[a])]
    reports.sort(key=lambda r: (r.published or date.min, r.article, r.index))
    actors, claims = queries.actors_and_claims(conn, [event_id])
    return _merged(rows[0], actors[event_id], claims[event_id], tuple(reports)), articles
