"""The API's JSON shapes, kept apart from the internal dataclasses so either can change
without silently changing the other (the contract's merged event and article result)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Out(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class Health(Out):
    status: Literal["ok"] = "ok"
    version: str


class Version(Out):
    version: str
    article_schema: str = Field(alias="schema")
    api: str = "1"


class PageConfig(Out):
    """What the web page needs to know about the server it runs on."""

    version: str
    read_only: bool
    tile_url: str | None = None
    tile_attribution: str | None = None
    text_search: Literal["indexed", "scanning"] = Field(
        "scanning", description="indexed once the word index of the stored events is built"
    )


class CanonicalOut(Out):
    id: str
    name: str


class PlaceOut(Out):
    name: str
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    level: str | None = None


class ActorOut(Out):
    role: str
    text: str
    canonical: CanonicalOut | None = None


class Highlight(Out):
    """A span of the evidence sentence (offsets into ``evidence``) and what it is."""

    start: int
    end: int
    kind: Literal["trigger", "actor", "target", "origin", "destination", "place", "time", "figure", "source"]
    label: str | None = None


class ReportOut(Out):
    article: str
    site: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    source: str | None = None
    evidence: str = ""
    trigger: str | None = None
    highlights: list[Highlight] = []


class ClaimOut(Out):
    what: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    currency: str | None = None
    source: str | None = None
    article: str


class EventOut(Out):
    """One merged event: every report of it as provenance, every figure as its own claim."""

    id: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    acled: str | None = None
    modality: str
    date_from: date | None = Field(default=None, alias="from")
    date_to: date | None = Field(default=None, alias="to")
    place: PlaceOut | None = None
    actors: list[ActorOut] = []
    reports: list[ReportOut] = []
    claims: list[ClaimOut] = []
    report_count: int = 0
    story: str | None = None


class EventPage(Out):
    data: list[EventOut]
    count: int = Field(description="Events matching the filters, over all pages")
    limit: int
    offset: int


class StoryOut(Out):
    id: str
    title: str | None = None
    articles: int = 0
    sites: int = 0
    events: int = 0
    reports: int = 0
    date_from: date | None = Field(default=None, alias="from")
    date_to: date | None = Field(default=None, alias="to")


class StoryPage(Out):
    data: list[StoryOut]
    count: int
    limit: int
    offset: int


class PlaceCount(Out):
    name: str
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    level: str | None = None
    events: int
    reports: int


class ActorCount(Out):
    name: str
    id: str | None = None
    events: int
    reports: int


class CountPage(Out):
    data: list[Any]
    count: int


class MapCell(Out):
    """Events of one type at one place, for the map."""

    type: str
    name: str
    geonameid: int | None = None
    country: str | None = None
    lat: float
    lon: float
    level: str | None = None
    events: int
    reports: int


class MapAggregate(Out):
    data: list[MapCell]


class Bucket(Out):
    date: date
    count: int
    reports: int = 0


class TimelineAggregate(Out):
    interval: Literal["day", "week"]
    data: list[Bucket]


class Facet(Out):
    value: str
    count: int
    name: str | None = Field(default=None, description="English name (countries)")
    name_ar: str | None = Field(default=None, description="Arabic name (countries)")


class Facets(Out):
    types: list[Facet]
    modalities: list[Facet]
    countries: list[Facet]


class ArticleSummary(Out):
    id: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None
    events: int = 0
    original: str | None = Field(default=None, description="The article this one copies (near-duplicate)")
    story: str | None = None


class ArticlePage(Out):
    data: list[ArticleSummary]
    count: int
    limit: int
    offset: int


class ArticleIn(BaseModel):
    """One article to analyze and store: ``text`` or ``html``, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=5_000_000)
    html: str | None = Field(default=None, max_length=10_000_000)
    id: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    site: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=64, description="ISO 8601 or RFC 2822")
    language: str | None = Field(default=None, max_length=16)

    @model_validator(mode="after")
    def _has_body(self) -> ArticleIn:
        if not (self.text and self.text.strip()) and not (self.html and self.html.strip()):
            raise ValueError('an article needs a non-empty "text" or "html"')
        return self


class SpanOut(Out):
    model_config = ConfigDict(extra="allow")

    start: int
    end: int
    text: str | None = None


class ArticleResult(Out):
    """One article's result (``schema: marsad.article/1``): offsets are code points into ``text``."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    article_schema: str = Field(alias="schema")
    id: str
    origin: str | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    text: str
    entities: list[SpanOut] = []
    places: list[SpanOut] = []
    times: list[SpanOut] = []
    quantities: list[SpanOut] = []
    events: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []


class StoryDetail(Out):
    id: str
    events: list[EventOut]
