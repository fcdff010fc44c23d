"""Query parameters shared by the event routes, parsed once into the store's ``EventFilter``.

Malformed values are the client's mistake and answer 422 with a message naming the
parameter; nothing here reaches the database unparsed (and then only as bound parameters).
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from marsad.store.queries import BBox, EventFilter, Sort

_CODE = re.compile(r"^[A-Za-z_]{1,32}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
MAX_LIST = 50

__all__ = ["Sort", "event_filters", "parse_bbox", "parse_list"]


def _invalid(name: str, message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=f"{name}: {message}")


def parse_list(name: str, value: str | None, *, pattern: re.Pattern[str], upper: bool) -> tuple[str, ...]:
    """A comma-separated list (``type=ASSAULT,PROTEST``); empty items are ignored."""
    if value is None:
        return ()
    items = [item.strip() for item in value.split(",") if item.strip()]
    if len(items) > MAX_LIST:
        raise _invalid(name, f"at most {MAX_LIST} values")
    for item in items:
        if not pattern.match(item):
            raise _invalid(name, f"{item[:40]!r} is not a valid value")
    return tuple(dict.fromkeys(item.upper() if upper else item.lower() for item in items))


def parse_bbox(value: str | None) -> tuple[BBox, ...]:
    """``W,S,E,N`` in degrees. A box whose west edge lies east of its east edge crosses the
    antimeridian (``170,-20,-170,0`` spans Fiji) and is kept as given: the store reads it so."""
    if value is None or not value.strip():
        return ()
    parts = value.split(",")
    if len(parts) != 4:
        raise _invalid("bbox", "expected four numbers W,S,E,N")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise _invalid("bbox", "expected four numbers W,S,E,N") from None
    if not all(math.isfinite(x) for x in (west, south, east, north)):
        raise _invalid("bbox", "coordinates must be finite numbers")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise _invalid("bbox", "latitudes must lie in [-90, 90]")
    if south > north:
        raise _invalid("bbox", "south must not be greater than north")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise _invalid("bbox", "longitudes must lie in [-180, 180]")
    return ((west, south, east, north),)


def event_filters(
    from_: Annotated[date | None, Query(alias="from", description="First day (YYYY-MM-DD)")] = None,
    to: Annotated[date | None, Query(description="Last day, inclusive (YYYY-MM-DD)")] = None,
    type: Annotated[str | None, Query(description="Event types, comma-separated (ASSAULT,PROTEST)")] = None,
    modality: Annotated[
        str | None, Query(description="Modalities, comma-separated (asserted,reported)")
    ] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-2 codes, comma-separated")] = None,
    bbox: Annotated[
        str | None, Query(description="W,S,E,N in degrees; W > E crosses the antimeridian", max_length=200)
    ] = None,
    actor: Annotated[str | None, Query(description="Actor name or text", max_length=200)] = None,
    q: Annotated[
        str | None,
        Query(description="Text search, Arabic-normalised (مقاتلين finds المقاتلين)", max_length=500),
    ] = None,
    place: Annotated[
        int | None, Query(description="GeoNames id of the event's place", ge=0, le=2**53)
    ] = None,
) -> EventFilter:
    if from_ and to and from_ > to:
        raise _invalid("from", f"{from_} is after to={to}")
    return EventFilter(
        date_from=from_,
        date_to=to,
        types=parse_list("type", type, pattern=_CODE, upper=True),
        modalities=parse_list("modality", modality, pattern=_CODE, upper=False),
        countries=parse_list("country", country, pattern=_COUNTRY, upper=True),
        boxes=parse_bbox(bbox),
        actor=(actor or "").strip() or None,
        q=(q or "").strip() or None,
        place=place,
    )
