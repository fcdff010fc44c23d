"""Merged events as the contract's JSON object and as one flat, ACLED-like table row."""

from __future__ import annotations

from typing import Any

from marsad.stories.reports import Claim, MergedEvent

#: Columns of the flat table (CSV, Parquet), ACLED's names first, then Marsad's own.
COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities_claims",
    "plover_type", "plover_mode", "cameo", "modality", "date_from", "date_to", "geonameid", "geo_level",
    "n_reports", "n_sources", "story",
)  # fmt: skip

#: ACLED's geo_precision: 1 the town itself, 2 near it or part of a region, 3 a province or wider.
GEO_PRECISION = {"town": 1, "city": 1, "relative": 2, "region": 3, "admin1": 3, "country": 3}
#: How widely the five outlets of the bundled corpus, and other common ones, publish.
SOURCE_SCALE = {
    "skynewsarabia.com": "Regional",
    "alarabiya.net": "Regional",
    "france24.com": "International",
    "bbc.co.uk": "International",
    "bbc.com": "International",
    "arabic.cnn.com": "International",
    "aljazeera.net": "Regional",
    "reuters.com": "International",
    "theguardian.com": "International",
}


def _number(x: float | None) -> float | int | None:
    return int(x) if x is not None and float(x).is_integer() else x


def time_precision(ev: MergedEvent) -> int | None:
    """ACLED's time_precision: 1 the day is known, 2 the week, 3 the month or wider."""
    if ev.date_from is None or ev.date_to is None:
        return None
    days = (ev.date_to - ev.date_from).days + 1
    return 1 if days <= 1 else 2 if days <= 7 else 3


def _claim_text(c: Claim) -> str:
    if c.value is not None:
        figure = f"{'~' if c.approximate else ''}{_number(c.value)}"
    elif c.low is not None and c.high is not None:
        figure = f"{_number(c.low)}-{_number(c.high)}"
    elif c.low is not None:
        figure = f">={_number(c.low)}"
    else:
        figure = f"<={_number(c.high)}"
    what = f" {c.what}" if c.what and c.what != "people" else ""
    return f"{figure}{what} [{c.source or c.article}]"


def _actor_names(ev: MergedEvent, role: str) -> str:
    names = dict.fromkeys(a.canonical_name or a.text for a in ev.actors if a.role == role)
    return "; ".join(names)


def event_to_dict(ev: MergedEvent) -> dict[str, Any]:
    """The contract's "one merged event": every report as provenance, every figure a claim."""
    p = ev.place
    return {
        "id": ev.id,
        "type": ev.type,
        "mode": ev.mode,
        "cameo": ev.cameo,
        "acled": ev.acled,
        "modality": ev.modality,
        "from": ev.date_from.isoformat() if ev.date_from else None,
        "to": ev.date_to.isoformat() if ev.date_to else None,
        "place": {
            "name": p.name,
            "geonameid": p.geonameid,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "level": p.level,
        }
        if p
        else None,
        "actors": [
            {
                "role": a.role,
                "text": a.text,
                "canonical": {"id": a.canonical_id, "name": a.canonical_name} if a.canonical_id else None,
            }
            for a in ev.actors
        ],
        "reports": [
            {
                "article": r.article,
                "site": r.site,
                "url": r.url,
                "title": r.title,
                "published": r.published.isoformat() if r.published else None,
                "source": r.source or r.site,
                "evidence": r.evidence,
                "trigger": r.trigger,
            }
            for r in ev.reports
        ],
        "claims": [
            {
                "what": c.what,
                "value": _number(c.value),
                "low": _number(c.low),
                "high": _number(c.high),
                "approximate": c.approximate,
                "currency": c.currency,
                "source": c.source,
                "article": c.article,
            }
            for c in ev.claims
        ],
        "story": ev.story,
    }


def event_to_row(ev: MergedEvent) -> dict[str, Any]:
    """One flat row: ACLED's columns where Marsad has the value, PLOVER and CAMEO codes after."""
    p = ev.place
    sites = list(dict.fromkeys(r.site for r in ev.reports if r.site))
    scales = list(dict.fromkeys(SOURCE_SCALE[s] for s in sites if s in SOURCE_SCALE))
    first = ev.reports[0] if ev.reports else None
    return {
        "event_id": ev.id,
        "event_date": (ev.date_from or (first.published if first else None)),
        "time_precision": time_precision(ev),
        "event_type": ev.acled or "",
        "sub_event_type": "",
        "actor1": _actor_names(ev, "actor"),
        "actor2": _actor_names(ev, "target"),
        "country": p.country if p else None,
        "admin1": p.name if p and p.level == "admin1" else None,
        "location": p.name if p else None,
        "latitude": p.lat if p else None,
        "longitude": p.lon if p else None,
        "geo_precision": GEO_PRECISION.get(p.level) if p else None,
        "source": "; ".join(sites),
        "source_scale": "-".join(scales),
        "notes": first.evidence if first else "",
        "fatalities_claims": "; ".join(_claim_text(c) for c in ev.claims),
        "plover_type": ev.type,
        "plover_mode": ev.mode,
        "cameo": ev.cameo,
        "modality": ev.modality,
        "date_from": ev.date_from,
        "date_to": ev.date_to,
        "geonameid": p.geonameid if p else None,
        "geo_level": p.level if p else None,
        "n_reports": len(ev.reports),
        "n_sources": len(sites),
        "story": ev.story,
    }
