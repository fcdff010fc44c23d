"""Store records to API shapes: merged events (their reports' evidence marked), counts."""

from __future__ import annotations

from collections.abc import Mapping

from marsad.api.countries import CountryName
from marsad.api.evidence import Mark
from marsad.api.queries_extra import EventSummary
from marsad.api.schemas import (
    ActorCount,
    ActorOut,
    ArticlePage,
    ArticleSummary,
    CanonicalOut,
    ClaimOut,
    EventOut,
    EventPage,
    Facet,
    Facets,
    Highlight,
    PlaceCount,
    PlaceOut,
    ReportOut,
    StoryOut,
    StoryPage,
)
from marsad.store import queries
from marsad.stories.reports import Actor, Claim, MergedEvent, PlaceRef, Report

#: The evidence marks of each report, by (article, index).
Marks = Mapping[tuple[str, int], list[Mark]]


def place_out(p: PlaceRef | None) -> PlaceOut | None:
    if p is None:
        return None
    return PlaceOut(
        name=p.name, geonameid=p.geonameid, country=p.country, lat=p.lat, lon=p.lon, level=p.level
    )


def actor_out(a: Actor) -> ActorOut:
    canonical = CanonicalOut(id=a.canonical_id, name=a.canonical_name or a.text) if a.canonical_id else None
    return ActorOut(role=a.role, text=a.text, canonical=canonical)


def claim_out(c: Claim) -> ClaimOut:
    return ClaimOut(
        what=c.what,
        value=c.value,
        low=c.low,
        high=c.high,
        approximate=c.approximate,
        currency=c.currency,
        source=c.source,
        article=c.article,
    )


def report_out(r: Report, marks: list[Mark] = ()) -> ReportOut:
    return ReportOut(
        article=r.article,
        site=r.site,
        url=r.url,
        title=r.title,
        published=r.published,
        source=r.source,
        evidence=r.evidence,
        trigger=r.trigger or None,
        highlights=[Highlight(start=m.start, end=m.end, kind=m.kind, label=m.label) for m in marks],
    )


def event_out(ev: MergedEvent, marks: Marks | None = None, *, report_count: int | None = None) -> EventOut:
    marks = marks or {}
    return EventOut(
        id=ev.id,
        type=ev.type,
        mode=ev.mode,
        cameo=ev.cameo,
        acled=ev.acled,
        modality=ev.modality,
        date_from=ev.date_from,
        date_to=ev.date_to,
        place=place_out(ev.place),
        actors=[actor_out(a) for a in ev.actors],
        reports=[report_out(r, marks.get(r.key, [])) for r in ev.reports],
        claims=[claim_out(c) for c in ev.claims],
        report_count=len(ev.reports) if report_count is None else report_count,
        story=ev.story,
    )


def summaries_out(page: queries.Page[EventSummary]) -> EventPage:
    return EventPage(
        data=[event_out(s.event, report_count=s.reports) for s in page.data],
        count=page.count,
        limit=page.limit,
        offset=page.offset,
    )


def page_out(page: queries.Page[MergedEvent]) -> EventPage:
    return EventPage(
        data=[event_out(e) for e in page.data], count=page.count, limit=page.limit, offset=page.offset
    )


def place_count_out(p: queries.PlaceCount) -> PlaceCount:
    return PlaceCount(
        name=p.name,
        geonameid=p.geonameid,
        country=p.country,
        lat=p.lat,
        lon=p.lon,
        level=p.level,
        events=p.events,
        reports=p.reports,
    )


def actor_count_out(a: queries.ActorCount) -> ActorCount:
    return ActorCount(name=a.name, id=a.id, events=a.events, reports=a.reports)


def story_page_out(page: queries.Page[queries.StorySummary]) -> StoryPage:
    return StoryPage(
        data=[
            StoryOut(
                id=s.id,
                title=s.title,
                articles=s.articles,
                sites=s.sites,
                events=s.events,
                reports=s.reports,
                date_from=s.date_from,
                date_to=s.date_to,
            )
            for s in page.data
        ],
        count=page.count,
        limit=page.limit,
        offset=page.offset,
    )


def article_page_out(page: queries.Page[queries.ArticleSummary]) -> ArticlePage:
    return ArticlePage(
        data=[
            ArticleSummary(
                id=a.id,
                title=a.title,
                site=a.site,
                url=a.url,
                published=a.published,
                language=a.language,
                events=a.events,
                original=a.original,
                story=a.story,
            )
            for a in page.data
        ],
        count=page.count,
        limit=page.limit,
        offset=page.offset,
    )


def facets_out(f: queries.Facets, countries: Mapping[str, CountryName]) -> Facets:
    def plain(pairs: list[tuple[str, int]]) -> list[Facet]:
        return [Facet(value=v, count=n) for v, n in pairs]

    named = [
        Facet(value=v, count=n, name=c.en if c else None, name_ar=c.ar if c else None)
        for v, n in f.countries
        for c in [countries.get(v)]
    ]
    return Facets(types=plain(f.types), modalities=plain(f.modalities), countries=named)
