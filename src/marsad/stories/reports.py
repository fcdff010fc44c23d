"""One article's account of one event (a report), and what merging makes of many.

Merging works on flat :class:`Report` records rather than whole articles, so it can run
over reports read back from the store or produced in memory (``reports_of``) alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from marsad.article import Article, Event, Participant

#: Modalities whose events happened (according to someone); the rest did not, or not yet.
FACTUAL = ("asserted", "reported", "claimed")


@dataclass(frozen=True, slots=True)
class PlaceRef:
    name: str
    level: str  # country admin1 region city town relative
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    role: str  # actor target origin destination
    text: str
    canonical_id: str | None = None
    canonical_name: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure as one source states it: disagreeing figures are separate claims."""

    what: str | None
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    currency: str | None
    source: str | None
    article: str


@dataclass(frozen=True, slots=True)
class Report:
    article: str
    index: int  # position of the event in the article's events layer
    type: str
    modality: str
    site: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    mode: str | None = None
    cameo: str | None = None
    acled: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    time_stated: bool = False  # the interval is a time the text states, not the publication date
    place: PlaceRef | None = None
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    source: str | None = None  # whom the article attributes the event to, as written
    evidence: str = ""  # the sentence, as written
    trigger: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.article, self.index)


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real event with every report of it as provenance."""

    id: str
    type: str
    modality: str
    mode: str | None
    cameo: str | None
    acled: str | None
    date_from: date | None
    date_to: date | None
    place: PlaceRef | None
    actors: tuple[Actor, ...]
    reports: tuple[Report, ...]
    claims: tuple[Claim, ...]
    story: str | None = None


def claim_what(unit: str | None, currency: str | None) -> str:
    """What a figure counts: its unit, money when it has a currency, else people (an event's
    figure is of people killed, hurt, moved or gathered)."""
    return unit or ("money" if currency else "people")


def _actor(article: Article, p: Participant) -> Actor:
    canonical = p.canonical
    if canonical is None and p.entity is not None:
        canonical = next((e.canonical for e in article.entities if e.id == p.entity), None)
    return Actor(
        role=p.role,
        text=article.text[p.start : p.end],
        canonical_id=canonical.id if canonical else None,
        canonical_name=canonical.name if canonical else None,
    )


def _claims(article: Article, ev: Event, source: str | None) -> tuple[Claim, ...]:
    """Every figure of the event (killed, injured, people moved...), each a claim of its source."""
    figures = list(ev.counts) or ([(None, ev.quantity)] if ev.quantity is not None else [])
    out = []
    for what, index in figures:
        q = article.quantities[index]
        if q.value is None and q.low is None and q.high is None:
            continue
        out.append(
            Claim(
                what=what or claim_what(q.unit, q.currency),
                value=q.value,
                low=q.low,
                high=q.high,
                approximate=q.approximate,
                currency=q.currency,
                source=source or article.site,
                article=article.id,
            )
        )
    return tuple(out)


def event_interval(article: Article, ev: Event) -> tuple[date | None, date | None, bool]:
    """The event's interval and whether the text states it: the event's own interval when the
    events stage set one, else its time expression's."""
    if ev.time_from is not None and ev.time_to is not None:
        stated = ev.time_precision == "stated" if ev.time_precision else ev.time is not None
        return ev.time_from, ev.time_to, stated
    if ev.time is not None:
        t = article.times[ev.time]
        return t.from_, t.to, True
    return None, None, False


def reports_of(article: Article) -> list[Report]:
    """The article's events as reports, in the article's order."""
    out = []
    for i, ev in enumerate(article.events):
        place = None
        if ev.place is not None:
            p = article.places[ev.place]
            place = PlaceRef(p.name, p.level, p.geonameid, p.country, p.lat, p.lon)
        date_from, date_to, stated = event_interval(article, ev)
        source = article.text[ev.source.start : ev.source.end] if ev.source else None
        out.append(
            Report(
                article=article.id,
                index=i,
                type=ev.type,
                modality=ev.modality,
                site=article.site,
                url=article.url,
                title=article.title,
                published=article.published,
                mode=ev.mode,
                cameo=ev.cameo,
                acled=ev.acled,
                date_from=date_from,
                date_to=date_to,
                time_stated=stated,
                place=place,
                actors=tuple(_actor(article, p) for p in ev.participants),
                claims=_claims(article, ev, source),
                source=source,
                evidence=article.text[ev.sentence.start : ev.sentence.end],
                trigger=article.text[ev.trigger_start : ev.trigger_end],
            )
        )
    return out
