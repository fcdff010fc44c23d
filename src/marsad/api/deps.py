"""Typed dependencies: a database connection for the request, the event filters, the write token."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated

import duckdb
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from marsad.api.params import event_filters
from marsad.api.storage import Store
from marsad.store.queries import EventFilter

_bearer = HTTPBearer(auto_error=False, description="The token given to `marsad serve --token`")


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_conn(store: Annotated[Store, Depends(get_store)]) -> Iterator[duckdb.DuckDBPyConnection]:
    with store.read() as conn:
        yield conn


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """401 without a bearer token, 403 with a wrong one or on a read-only server."""
    expected: str | None = request.app.state.token
    if expected is None:
        raise HTTPException(
            status_code=403,
            detail="the server is read-only: start it with --token (or MARSAD_TOKEN) to accept articles",
        )
    if credentials is None:
        raise HTTPException(
            status_code=401,
            detail="missing bearer token: send Authorization: Bearer TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(status_code=403, detail="wrong token")


Conn = Annotated[duckdb.DuckDBPyConnection, Depends(get_conn)]
StoreDep = Annotated[Store, Depends(get_store)]


def get_filters(
    request: Request, conn: Conn, f: Annotated[EventFilter, Depends(event_filters)]
) -> EventFilter:
    """The event filters of the query, their text search answered by the word index when
    it is ready (see :mod:`marsad.api.search`)."""
    return request.app.state.search.narrow(conn, f)


Filters = Annotated[EventFilter, Depends(get_filters)]
