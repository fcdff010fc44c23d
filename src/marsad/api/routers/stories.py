"""Stories: the articles of several outlets about one happening, with their events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from marsad.api.convert import event_out, story_page_out
from marsad.api.deps import Conn
from marsad.api.schemas import StoryDetail, StoryPage
from marsad.store import queries

router = APIRouter(prefix="/api/stories", tags=["stories"])


@router.get("", response_model=StoryPage, response_model_by_alias=True)
def list_stories(
    conn: Conn,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    min_sites: Annotated[int, Query(ge=1, le=1000, description="Only stories told by this many outlets")] = 1,
) -> StoryPage:
    """Stories, those told by most outlets first."""
    return story_page_out(queries.stories(conn, limit=limit, offset=offset, min_sites=min_sites))


@router.get("/{story_id}", response_model=StoryDetail, response_model_by_alias=True)
def get_story(conn: Conn, story_id: Annotated[str, Path(min_length=1, max_length=200)]) -> StoryDetail:
    events = queries.story_events(conn, story_id)
    if events is None:
        raise HTTPException(status_code=404, detail=f"no story {story_id!r}")
    return StoryDetail(id=story_id, events=[event_out(e) for e in events])
