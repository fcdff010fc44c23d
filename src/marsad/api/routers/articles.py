"""Articles: stored results with their spans, and analysis of a new article (token only)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Path, Query, Request, Response

from marsad.api.convert import article_page_out
from marsad.api.deps import Conn, StoreDep, require_token
from marsad.api.schemas import ArticleIn, ArticlePage, ArticleResult
from marsad.ingest.jsonl import parse_line
from marsad.ingest.records import ReadFailure
from marsad.serialize import article_to_dict
from marsad.store import queries

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=ArticlePage)
def list_articles(
    conn: Conn,
    q: Annotated[
        str | None, Query(max_length=500, description="Words of the title, Arabic-normalised")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> ArticlePage:
    """Stored articles, newest first."""
    return article_page_out(queries.articles(conn, q=(q or "").strip() or None, limit=limit, offset=offset))


@router.get("/{article_id}", response_model=ArticleResult, response_model_by_alias=True)
def get_article(conn: Conn, article_id: Annotated[str, Path(min_length=1, max_length=200)]) -> Any:
    """One article's result (``marsad.article/1``): clean text and every span (tokens aside)."""
    article = queries.article(conn, article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    return article_to_dict(article)


@router.post(
    "",
    response_model=ArticleResult,
    response_model_by_alias=True,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={
        200: {"description": "Already stored (same id, or same text from the same site): the stored result"},
        401: {"description": "No bearer token"},
        403: {"description": "Wrong token, or the server is read-only"},
        413: {"description": "Body larger than 10 MB"},
    },
)
def post_article(
    request: Request, response: Response, store: StoreDep, background: BackgroundTasks, body: ArticleIn
) -> Any:
    """Analyze one article (``text`` or ``html``) and store it; its merged events follow
    once the store's derived tables are rebuilt, right after the response."""
    # Read exactly as a JSON Lines line given to `marsad ingest`, so both agree on every field.
    line = json.dumps(body.model_dump(exclude_none=True), ensure_ascii=False).encode("utf-8")
    raw = parse_line(line, body.url or "api")
    if isinstance(raw, ReadFailure):
        raise HTTPException(status_code=422, detail=raw.reason)
    result = request.app.state.pipeline.analyze(raw)
    if isinstance(result, ReadFailure):
        raise HTTPException(status_code=422, detail=result.reason)
    if store.stored(result):
        with store.read() as conn:
            stored = queries.article(conn, result.id)
        response.status_code = 200
        return article_to_dict(stored or result)
    stored = store.write(result, raw.published)
    background.add_task(store.refresh)
    return article_to_dict(stored)
