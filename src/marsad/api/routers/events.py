"""Merged events: filtered, paged and sorted lists, and one event with all its reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from marsad.api.convert import event_out, page_out, summaries_out
from marsad.api.deps import Conn, Filters
from marsad.api.evidence import report_marks
from marsad.api.params import Sort
from marsad.api.queries_extra import event_detail, event_summaries
from marsad.api.schemas import EventOut, EventPage
from marsad.store import queries

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=EventPage, response_model_by_alias=True)
def list_events(
    conn: Conn,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    sort: Annotated[Sort, Query(description="date or reports; a leading - sorts descending")] = "-date",
    reports: Annotated[
        bool, Query(description="Include every report; false gives only their count (much faster)")
    ] = True,
) -> EventPage:
    """Merged events, each with its reports (evidence unmarked) and claims."""
    if not reports:
        return summaries_out(event_summaries(conn, filters, limit=limit, offset=offset, sort=sort))
    return page_out(queries.events(conn, filters, limit=limit, offset=offset, sort=sort))


@router.get("/{event_id}", response_model=EventOut, response_model_by_alias=True)
def get_event(conn: Conn, event_id: Annotated[str, Path(min_length=1, max_length=200)]) -> EventOut:
    """One merged event; each report's evidence sentence comes with the spans to highlight."""
    found = event_detail(conn, event_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    event, articles = found
    return event_out(event, report_marks(event.reports, articles))
