"""WARC archives (plain or gzip per record), read with warcio: HTML responses only.

Each successful (2xx) HTML response becomes one document whose origin is ``path@OFFSET``
(the record's byte offset in the file as stored) and whose URL is ``WARC-Target-URI``.
Requests, metadata, images and other records are skipped without a word. A record cut off
by the end of the file fails; the records before it are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from marsad.ingest import streams
from marsad.ingest.html_page import read_html
from marsad.ingest.records import RawDocument, ReadFailure
from marsad.ingest.streams import STREAM_ERRORS, stream_error

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([-\w.:]+)", re.IGNORECASE)
_TRUNCATED = "truncated WARC record: the file ends inside it; the records before it were read"


class _Counting:
    """Counts the bytes warcio takes, so bytes it silently left unparsed can be noticed."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._count += len(data)
        return data

    def tell(self) -> int:
        return self._count


def read_warc(stream: BinaryIO, origin: str) -> Iterator[RawDocument | ReadFailure]:
    counted = _Counting(stream)
    records = ArchiveIterator(counted)
    seen = 0
    try:
        for record in records:
            seen += 1
            if not _is_html_response(record):
                continue
            limit = streams.MAX_DOCUMENT_BYTES
            body = record.content_stream().read(limit + 1)
            while record.raw_stream.read(1 << 16):
                pass
            where = f"{origin}@{records.offset}"
            if getattr(record.raw_stream, "limit", 0) > 0:
                yield ReadFailure(where, _TRUNCATED)
                return
            if len(body) > limit:
                yield ReadFailure(where, f"HTML response larger than {limit >> 20} MB skipped")
            elif body.strip():
                yield read_html(body, origin=where, url=_target(record), charset=_charset(record))
        end = records.offset
        while counted.read(1 << 16):
            pass
    except STREAM_ERRORS as exc:
        reason = f"{stream_error(exc)}; the records before it were read"
        yield ReadFailure(f"{origin}@{records.offset}", reason)
        return
    except Exception as exc:  # warcio raises assorted errors on damaged archives
        reason = "not a WARC file, or its first record is damaged" if not seen else _TRUNCATED
        yield ReadFailure(f"{origin}@{records.offset}", f"{reason} ({type(exc).__name__}: {exc})")
        return
    # warcio drops a final record whose headers were cut off without a word.
    if counted.tell() > end:
        yield ReadFailure(f"{origin}@{end}", _TRUNCATED)


def _is_html_response(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(_HTML_TYPES)


def _target(record: ArcWarcRecord) -> str | None:
    return record.rec_headers.get_header("WARC-Target-URI")


def _charset(record: ArcWarcRecord) -> str | None:
    found = _CHARSET.search(record.http_headers.get_header("Content-Type") or "")
    return found.group(1) if found else None
