"""An article's result as the contract's JSON (``schema: marsad.article/1``)."""

from __future__ import annotations

from typing import Any

from marsad.article import SCHEMA, Article, Canonical, Place


def _number(x: float | None) -> float | int | None:
    """Whole figures as integers, as a reader of the JSON expects (300, not 300.0)."""
    return int(x) if x is not None and float(x).is_integer() else x


def _canonical(c: Canonical | None) -> dict[str, Any] | None:
    if c is None:
        return None
    out: dict[str, Any] = {"id": c.id, "name": c.name}
    if c.kind:
        out["kind"] = c.kind
    return out


def _place(p: Place, text: str) -> dict[str, Any]:
    relation = None
    if p.relation is not None:
        relation = {"direction": p.relation.direction, "of": p.relation.of}
        if p.relation.distance_km is not None:
            relation["distance_km"] = p.relation.distance_km
    return {
        "entity": p.entity,
        "start": p.start,
        "end": p.end,
        "text": text[p.start : p.end],
        "geonameid": p.geonameid,
        "name": p.name,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "level": p.level,
        "relation": relation,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """The contract's result object: offsets are code points into ``text``."""
    text = article.text

    def span(start: int, end: int) -> dict[str, Any]:
        return {"start": start, "end": end, "text": text[start:end]}

    return {
        "schema": SCHEMA,
        "id": article.id,
        "origin": article.origin,
        "url": article.url,
        "site": article.site,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "text": text,
        "sentences": [{"start": s.start, "end": s.end} for s in article.sentences],
        "entities": [
            {**span(e.start, e.end), "id": e.id, "type": e.type, "canonical": _canonical(e.canonical)}
            for e in article.entities
        ],
        "places": [_place(p, text) for p in article.places],
        "times": [
            {**span(t.start, t.end), "from": t.from_.isoformat(), "to": t.to.isoformat()}
            for t in article.times
        ],
        "quantities": [
            {
                **span(q.start, q.end),
                "value": _number(q.value),
                "low": _number(q.low),
                "high": _number(q.high),
                "approximate": q.approximate,
                "unit": q.unit,
                "currency": q.currency,
            }
            for q in article.quantities
        ],
        "events": [
            {
                "id": ev.id,
                "type": ev.type,
                "mode": ev.mode,
                "cameo": ev.cameo,
                "acled": ev.acled,
                "trigger": span(ev.trigger_start, ev.trigger_end),
                "sentence": {"start": ev.sentence.start, "end": ev.sentence.end},
                "participants": [
                    {
                        **span(p.start, p.end),
                        "role": p.role,
                        "entity": p.entity,
                        "canonical": _canonical(p.canonical),
                    }
                    for p in ev.participants
                ],
                "mentions": [span(start, end) for start, end in ev.mentions],
                "place": ev.place,
                "time": ev.time,
                "from": ev.time_from.isoformat() if ev.time_from else None,
                "to": ev.time_to.isoformat() if ev.time_to else None,
                "time_precision": ev.time_precision,
                "quantity": ev.quantity,
                "counts": [{"what": what, "quantity": index} for what, index in ev.counts],
                "modality": ev.modality,
                "source": {**span(ev.source.start, ev.source.end), "entity": ev.source.entity}
                if ev.source
                else None,
            }
            for ev in article.events
        ],
        "errors": [{"code": d.code, "stage": d.stage, "message": d.message} for d in article.errors],
    }
