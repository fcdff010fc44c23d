"""JSON Lines: one article per line, read one line at a time.

A line that is not JSON, or has no text, fails alone (``path:LINE`` and why); the lines
around it are still read. A line must carry ``text`` or ``html``; ``id``, ``url``, ``site``,
``title``, ``published`` and ``language`` (or ``lang``) are optional.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import BinaryIO

from marsad.article import Diagnostic
from marsad.ingest import streams
from marsad.ingest.decode import NotText, decode_bytes
from marsad.ingest.html_page import extract_html, site_of
from marsad.ingest.records import RawDocument, ReadFailure
from marsad.ingest.streams import STREAM_ERRORS, stream_error

_FIELDS = ("id", "url", "site", "title", "published")
_TOO_LONG = object()


def read_jsonl(stream: BinaryIO, origin: str) -> Iterator[RawDocument | ReadFailure]:
    number = read = 0
    try:
        for number, line in enumerate(_lines(stream), start=1):
            where = f"{origin}:{number}"
            if line is _TOO_LONG:
                limit = streams.MAX_DOCUMENT_BYTES >> 20
                yield ReadFailure(where, f"line longer than {limit} MB: not an article")
                continue
            if line.strip():
                read += 1
                yield parse_line(line, where)
    except STREAM_ERRORS as exc:
        yield ReadFailure(f"{origin}:{number + 1}", f"{stream_error(exc)}; the lines before it were read")
        return
    if not read:
        yield ReadFailure(origin, "empty file" if not number else "empty file (only blank lines)")


def parse_line(line: bytes, origin: str) -> RawDocument | ReadFailure:
    """One line's article, or why there is none."""
    errors: tuple[Diagnostic, ...] = ()
    try:
        try:
            obj = json.loads(line)
        except UnicodeDecodeError:
            # JSON Lines is UTF-8, but a line from a legacy export may not be.
            decoded = decode_bytes(line)
            errors = decoded.errors or (
                Diagnostic("not-utf8", "read", f"the line is not UTF-8; read as {decoded.encoding}"),
            )
            obj = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        return ReadFailure(origin, f"not valid JSON ({exc.msg}, column {exc.colno})")
    except NotText as exc:
        return ReadFailure(origin, str(exc))
    if not isinstance(obj, dict):
        return ReadFailure(origin, f"expected a JSON object {{...}}, found {type(obj).__name__}")
    fields: dict[str, str | None] = {}
    for name in _FIELDS:
        value = obj.get(name)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            fields[name] = str(value).strip() or None
        elif value is not None:
            message = f'field "{name}" ignored: a {type(value).__name__}, not a string'
            errors = (*errors, Diagnostic("bad-field", "read", message))
    language = obj.get("language") or obj.get("lang")
    if isinstance(language, str):
        fields["language"] = language.strip().lower().split("-")[0] or None
    if not fields.get("site"):
        fields["site"] = site_of(fields.get("url"))
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        return RawDocument(origin=origin, text=text, errors=errors, **fields)
    if isinstance(html, str) and html.strip():
        page = extract_html(html, origin=origin, url=fields.get("url"), errors=errors)
        if isinstance(page, ReadFailure):
            return page
        # What the line says beats what the page's markup suggests.
        given = {name: value for name, value in fields.items() if value is not None}
        return dataclasses.replace(page, **given)
    keys = ", ".join(sorted(obj)) or "none"
    reason = f'no article text: each line needs a non-empty "text" or "html" (keys: {keys})'
    return ReadFailure(origin, reason)


def _lines(stream: BinaryIO) -> Iterator[bytes | object]:
    """The lines, with an over-long one replaced by a marker instead of being held in memory."""
    limit = streams.MAX_DOCUMENT_BYTES
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield _TOO_LONG
        else:
            yield line
