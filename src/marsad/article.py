"""The one document type every stage reads and annotates.

An :class:`Article` holds the clean ``text`` (fixed once cleaning is done) and named
layers of records whose ``start``/``end`` are code-point offsets into that text, so
``article.text[span.start:span.end]`` is always the mention as written. Stages never
mutate an article: they return a new one with a layer added (:meth:`Article.with_layers`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

SCHEMA = "marsad.article/1"

#: Layers filled by analysis stages, in pipeline order.
LAYERS = ("sentences", "tokens", "entities", "places", "times", "quantities", "events")


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem with one article that did not stop its analysis."""

    code: str
    stage: str
    message: str


class Sentence(NamedTuple):
    start: int
    end: int


class Token(NamedTuple):
    """A word with its clitics split off, all as offsets into the text.

    ``stem_start``/``stem_end`` delimit the word without proclitics (و ف ب ل ك ال س) and
    the pronoun suffix; ``proclitics`` names them in order (``("و", "ال")`` for والجيش;
    ``("ل", "ال")`` for للجيش, whose alef is not written). Articles hold hundreds of
    tokens, so this is a named tuple: several times cheaper to build than a frozen dataclass.
    """

    start: int
    end: int
    stem_start: int
    stem_end: int
    proclitics: tuple[str, ...] = ()
    enclitic: str | None = None


@dataclass(frozen=True, slots=True)
class Canonical:
    """What a mention refers to: a GeoNames place, a lexicon actor, a Wikidata item."""

    id: str
    name: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    start: int
    end: int
    type: str  # PER ORG LOC GPE NORP FAC MISC
    canonical: Canonical | None = None
    source: str = "model"  # which layer found it: model, lexicon, gazetteer, rule


@dataclass(frozen=True, slots=True)
class Relation:
    """A place given relative to another: "north of Idlib city"."""

    direction: str  # N NE E SE S SW W NW
    of: int  # geonameid of the anchor
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    name: str
    level: str  # country admin1 city town region relative
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    entity: str | None = None
    relation: Relation | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    from_: date
    to: date


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    role: str  # actor target origin destination
    start: int
    end: int
    entity: str | None = None
    canonical: Canonical | None = None


@dataclass(frozen=True, slots=True)
class Source:
    start: int
    end: int
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    trigger_start: int
    trigger_end: int
    sentence: Sentence
    modality: str = "asserted"
    mode: str | None = None
    cameo: str | None = None
    acled: str | None = None
    participants: tuple[Participant, ...] = ()
    place: int | None = None
    time: int | None = None
    quantity: int | None = None
    source: Source | None = None
    #: Other words of the same event in its sentence: the casualty words of an attack
    #: («قُتل»، «أصيب» beside «انفجار»), a repeated trigger. Character spans.
    mentions: tuple[tuple[int, int], ...] = ()
    #: The event's interval: the stated time's, else the publication date widened.
    time_from: date | None = None
    time_to: date | None = None
    #: ``stated`` when the interval is the text's time expression ``time``, ``coarse`` when
    #: it falls back on the publication date.
    time_precision: str | None = None
    #: Every figure the event reports as ``(what, index into quantities)``: killed, injured,
    #: people (moved, gathered, arrested). ``quantity`` is the first of them.
    counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    origin: str
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[Diagnostic, ...] = field(default=())

    def with_layers(self, **layers: tuple) -> Article:
        unknown = set(layers) - set(LAYERS)
        if unknown:
            raise ValueError(f"not a layer: {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **layers)

    def with_error(self, code: str, stage: str, message: str) -> Article:
        return dataclasses.replace(self, errors=(*self.errors, Diagnostic(code, stage, message)))

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]


def content_id(text: str) -> str:
    """The id of an article that came without one: a hash of its clean text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def _spans(article: Article) -> Iterator[tuple[str, int, int]]:
    for name in ("sentences", "tokens", "entities", "places", "times", "quantities"):
        for i, span in enumerate(getattr(article, name)):
            yield f"{name}[{i}]", span.start, span.end
    for i, tok in enumerate(article.tokens):
        yield f"tokens[{i}].stem", tok.stem_start, tok.stem_end
    for i, ev in enumerate(article.events):
        yield f"events[{i}].trigger", ev.trigger_start, ev.trigger_end
        yield f"events[{i}].sentence", ev.sentence.start, ev.sentence.end
        for j, p in enumerate(ev.participants):
            yield f"events[{i}].participants[{j}]", p.start, p.end
        for j, (start, end) in enumerate(ev.mentions):
            yield f"events[{i}].mentions[{j}]", start, end
        if ev.source is not None:
            yield f"events[{i}].source", ev.source.start, ev.source.end


def validate(article: Article) -> list[str]:
    """Every way the article breaks its invariants; empty when it is sound."""
    problems = []
    n = len(article.text)
    for where, start, end in _spans(article):
        if not 0 <= start <= end <= n:
            problems.append(f"{where}: span {start}:{end} outside text of length {n}")
    for i, tok in enumerate(article.tokens):
        if not tok.start <= tok.stem_start <= tok.stem_end <= tok.end:
            problems.append(f"tokens[{i}]: stem {tok.stem_start}:{tok.stem_end} not inside token")
    entity_ids = {e.id for e in article.entities}
    if len(entity_ids) != len(article.entities):
        problems.append("entities: duplicate ids")
    for i, place in enumerate(article.places):
        if place.entity is not None and place.entity not in entity_ids:
            problems.append(f"places[{i}]: unknown entity {place.entity}")
    for i, ev in enumerate(article.events):
        for name, layer in (("place", "places"), ("time", "times"), ("quantity", "quantities")):
            index = getattr(ev, name)
            if index is not None and not 0 <= index < len(getattr(article, layer)):
                problems.append(f"events[{i}].{name}: index {index} out of range")
        problems.extend(
            f"events[{i}].counts: index {index} out of range"
            for _, index in ev.counts
            if not 0 <= index < len(article.quantities)
        )
        refs = [p.entity for p in ev.participants]
        refs.append(ev.source.entity if ev.source else None)
        problems.extend(
            f"events[{i}]: unknown entity {ref}" for ref in refs if ref is not None and ref not in entity_ids
        )
    return problems
