"""Health, version, and what the page needs to know about this server."""

from __future__ import annotations

from fastapi import APIRouter, Request

from marsad import __version__
from marsad.api.deps import Conn
from marsad.api.schemas import Health, PageConfig, Version
from marsad.article import SCHEMA

router = APIRouter(prefix="/api", tags=["server"])


@router.get("/health", response_model=Health)
def health() -> Health:
    return Health(version=__version__)


@router.get("/version", response_model=Version, response_model_by_alias=True)
def version() -> Version:
    return Version(version=__version__, article_schema=SCHEMA)


@router.get("/config", response_model=PageConfig)
def config(request: Request, conn: Conn) -> PageConfig:
    state = request.app.state
    return PageConfig(
        version=__version__,
        read_only=state.token is None,
        tile_url=state.tile_url,
        tile_attribution=state.tile_attribution,
        text_search="indexed" if state.search.ready(conn) else "scanning",
    )
