"""An analyzed article as rows of the Spark tables (see :mod:`marsad.scale.schemas`).

The same functions serve the plain pipeline and Spark, so their outputs can be compared
record for record.
"""

from __future__ import annotations

from typing import Any

from marsad.article import Article
from marsad.ingest.records import ReadFailure
from marsad.scale.schemas import ARTICLES, CLAIMS, EVENTS, FAILED, MERGED, conform
from marsad.serialize import article_to_dict
from marsad.stories.reports import MergedEvent, Report, reports_of


def article_row(article: Article) -> tuple:
    return conform(article_to_dict(article), ARTICLES)


def event_rows(article: Article, reports: list[Report] | None = None) -> list[tuple]:
    """One row per event; ``reports`` are the article's :func:`reports_of`, when already made."""
    reports = reports_of(article) if reports is None else reports
    return [conform({**_fields(r), "id": article.events[r.index].id}, EVENTS) for r in reports]


def _fields(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


def _what(article: Article, index: int) -> str:
    """What an event's lone figure counts, as merging names it."""
    q = article.quantities[index]
    return q.unit or ("money" if q.currency else "people")


def claim_rows(article: Article, reports: list[Report] | None = None) -> list[tuple]:
    """One row per figure of each event: every count it reports, else its one quantity."""
    reports = reports_of(article) if reports is None else reports
    rows = []
    for report in reports:
        event = article.events[report.index]
        figures = event.counts
        if not figures and event.quantity is not None:
            figures = ((_what(article, event.quantity), event.quantity),)
        for what, index in figures:
            q = article.quantities[index]
            if q.value is None and q.low is None and q.high is None:
                continue
            row = {
                "article": article.id,
                "event": report.index,
                "event_id": event.id,
                "what": what,
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "approximate": q.approximate,
                "unit": q.unit,
                "currency": q.currency,
                "source": report.source or article.site,
                "start": q.start,
                "end": q.end,
                "text": article.text[q.start : q.end],
                "published": article.published,
            }
            rows.append(conform(row, CLAIMS))
    return rows


def merged_row(event: MergedEvent) -> tuple:
    """A merged event as the contract's export describes it."""
    row = {
        **_fields(event),
        "from": event.date_from,
        "to": event.date_to,
        "reports": [
            {
                "article": r.article,
                "index": r.index,
                "site": r.site,
                "url": r.url,
                "published": r.published,
                "source": r.source,
                "evidence": r.evidence,
            }
            for r in event.reports
        ],
    }
    return conform(row, MERGED)


def failed_row(failure: ReadFailure) -> tuple:
    return conform(failure, FAILED)
