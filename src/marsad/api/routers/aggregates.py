"""Counts for the map (by place and type), the timeline (by day or week) and the filters."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from marsad.api.buckets import timeline
from marsad.api.convert import facets_out
from marsad.api.deps import Conn, Filters
from marsad.api.schemas import Facets, MapAggregate, TimelineAggregate
from marsad.store import queries

router = APIRouter(prefix="/api", tags=["aggregates"])


@router.get("/aggregates/places", response_model=MapAggregate)
def map_aggregate(conn: Conn, filters: Filters) -> Response:
    """Events and reports per place and type, for the map's markers (places with coordinates)."""
    # Thousands of cells on a full corpus: the database writes their JSON, not one model each.
    cells = queries.map_cells_json(conn, filters)
    return Response(b'{"data":' + cells.encode() + b"}", media_type="application/json")


@router.get("/aggregates/timeline", response_model=TimelineAggregate)
def timeline_aggregate(
    conn: Conn,
    filters: Filters,
    interval: Annotated[
        Literal["day", "week", "auto"], Query(description="auto: weeks when the events span half a year")
    ] = "auto",
) -> TimelineAggregate:
    """Non-empty days or weeks with their events (counted on the first day of each event)."""
    days = queries.counts_by_time(conn, filters, "day")
    return timeline(((d.date, d.events, d.reports) for d in days), interval)


@router.get("/facets", response_model=Facets)
def facets(conn: Conn, request: Request) -> Facets:
    """Types, modalities and countries present in the store, with their event counts."""
    return facets_out(queries.facets(conn), request.app.state.countries)
