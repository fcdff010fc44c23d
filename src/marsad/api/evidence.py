"""What to highlight in an event's evidence sentence: trigger, actors, place, time, figures
and source, as offsets into the sentence, from the article's own layers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from marsad.article import Article, Event
from marsad.stories.reports import Report

ROLE_KINDS = {"actor": "actor", "target": "target", "origin": "origin", "destination": "destination"}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str
    label: str | None = None


def _number(x: float | None) -> str:
    return "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))


def event_marks(article: Article, event: Event) -> list[Mark]:
    """Spans of ``event``'s sentence, relative to the sentence; spans outside it are left out
    (a place can be anchored from an earlier sentence)."""
    lo, hi = event.sentence.start, event.sentence.end
    spans: list[Mark] = [Mark(event.trigger_start, event.trigger_end, "trigger", event.type)]
    spans.extend(Mark(s, e, "trigger", event.type) for s, e in event.mentions)
    spans.extend(
        Mark(p.start, p.end, ROLE_KINDS.get(p.role, "actor"), p.canonical.name if p.canonical else None)
        for p in event.participants
    )
    if event.place is not None and 0 <= event.place < len(article.places):
        place = article.places[event.place]
        spans.append(Mark(place.start, place.end, "place", place.name))
    if event.time is not None and 0 <= event.time < len(article.times):
        time = article.times[event.time]
        spans.append(Mark(time.start, time.end, "time", f"{time.from_.isoformat()} – {time.to.isoformat()}"))
    figures = list(event.counts)
    if event.quantity is not None and all(index != event.quantity for _, index in figures):
        figures.append(("", event.quantity))
    for what, index in figures:
        if 0 <= index < len(article.quantities):
            q = article.quantities[index]
            value = _number(q.value) or "–".join(filter(None, (_number(q.low), _number(q.high))))
            spans.append(Mark(q.start, q.end, "figure", f"{what} {value}".strip()))
    if event.source is not None:
        spans.append(Mark(event.source.start, event.source.end, "source"))
    return [Mark(s.start - lo, s.end - lo, s.kind, s.label) for s in spans if lo <= s.start < s.end <= hi]


def report_marks(
    reports: Iterable[Report], articles: Mapping[str, Article]
) -> dict[tuple[str, int], list[Mark]]:
    """The marks of each report's evidence, from the article it comes from."""
    out: dict[tuple[str, int], list[Mark]] = {}
    for r in reports:
        article = articles.get(r.article)
        if article is not None and 0 <= r.index < len(article.events):
            out[r.key] = event_marks(article, article.events[r.index])
    return out
