"""Stage ``clean``: a read document becomes an :class:`Article` with its final text.

After this stage ``text`` never changes again, so every later offset stays valid.
"""

from __future__ import annotations

import email.utils
from datetime import date, datetime

from marsad.article import Article, Diagnostic, content_id
from marsad.clean.text import clean_text
from marsad.ingest.language import detect_language
from marsad.ingest.records import RawDocument, ReadFailure
from marsad.settings import Settings


def make_article(raw: RawDocument, *, settings: Settings) -> Article | ReadFailure:
    """The cleaned article, or why there is none (nothing left once furniture is removed)."""
    text, _dropped = clean_text(raw.text)
    if not text:
        return ReadFailure(raw.origin, "no article text (empty, or only page furniture)")
    published, problems = _published(raw, settings)
    return Article(
        id=raw.id or content_id(text),
        text=text,
        origin=raw.origin,
        url=raw.url,
        site=raw.site,
        title=(clean_text(raw.title)[0] or None) if raw.title else None,
        published=published,
        language=_language(raw, text, settings),
        errors=(*raw.errors, *problems),
    )


def _published(raw: RawDocument, settings: Settings) -> tuple[date | None, list[Diagnostic]]:
    if raw.published:
        parsed = parse_published(raw.published)
        if parsed is not None:
            return parsed, []
        problem = Diagnostic(
            "unparseable-date", "clean", f"publication date {raw.published!r} not understood"
        )
        if settings.published is not None:
            return settings.published, [problem]
        return None, [problem]
    if settings.published is not None:
        return settings.published, []
    return None, [Diagnostic("no-date", "clean", "no publication date: relative dates stay unresolved")]


def _language(raw: RawDocument, text: str, settings: Settings) -> str:
    if settings.lang != "auto":
        return settings.lang
    if raw.language:
        declared = raw.language.lower().split("-")[0]
        if declared in ("ar", "en"):
            return declared
    return detect_language(text)


def parse_published(value: str) -> date | None:
    """A publication date from ISO 8601 (with or without time and offset) or RFC 2822."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
