"""Places and actors with the number of events and reports that name them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from marsad.api.convert import actor_count_out, place_count_out
from marsad.api.deps import Conn, Filters
from marsad.api.schemas import ActorCount, PlaceCount
from marsad.store import queries

router = APIRouter(prefix="/api", tags=["places and actors"])

Limit = Annotated[int, Query(ge=1, le=5000)]


@router.get("/places", response_model=list[PlaceCount])
def list_places(conn: Conn, filters: Filters, limit: Limit = 500) -> list[PlaceCount]:
    return [place_count_out(p) for p in queries.places(conn, filters, limit=limit)]


@router.get("/actors", response_model=list[ActorCount])
def list_actors(conn: Conn, filters: Filters, limit: Limit = 500) -> list[ActorCount]:
    return [actor_count_out(a) for a in queries.actors(conn, filters, limit=limit)]
