"""The readers' entry point: paths (files, folders, ``-``) to documents, streamed.

The format comes from the file name (``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.warc``,
each optionally ``.gz``); standard input and explicitly named files with another name are
sniffed (WARC, JSON Lines if the first non-blank character is ``{``, HTML if it looks like
it, else plain text). Gzip is recognised by its magic bytes whatever the name. Folders are
walked recursively in name order, skipping hidden entries and unknown extensions. Nothing is
read whole except single documents (bounded by :data:`~marsad.ingest.streams.MAX_DOCUMENT_BYTES`).
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from marsad.ingest import streams
from marsad.ingest.decode import NotText, decode_bytes
from marsad.ingest.html_page import looks_like_html, read_html
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.records import RawDocument, ReadFailure
from marsad.ingest.streams import (
    STREAM_ERRORS,
    gunzipped,
    peekable,
    read_limited,
    stream_error,
)
from marsad.ingest.warc import read_warc

KINDS = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
STDIN = "<stdin>"


def read_paths(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, lang_hint: str | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """Every document in ``paths``, in order, and a :class:`ReadFailure` for each bad input.

    ``-`` reads ``stdin`` (default: the process's standard input). ``lang_hint`` (``ar``,
    ``en``; ``auto`` or None to leave it to detection) becomes every document's language.
    """
    hint = lang_hint if lang_hint and lang_hint != "auto" else None
    for path in paths:
        if path == "-":
            docs = read_stream(stdin if stdin is not None else sys.stdin.buffer, origin=STDIN)
        else:
            docs = _read_path(path)
        for doc in docs:
            if hint and isinstance(doc, RawDocument):
                doc = dataclasses.replace(doc, language=hint)
            yield doc


def kind_of(name: str) -> str | None:
    """``text``, ``html``, ``jsonl`` or ``warc`` from a file name, or None when unknown."""
    stem, ext = os.path.splitext(name.lower())
    if ext == ".gz":
        ext = os.path.splitext(stem)[1]
    return KINDS.get(ext)


def read_stream(
    stream: BinaryIO, *, origin: str, kind: str | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """The documents in one byte stream; ``kind`` None means sniff it."""
    try:
        stream = peekable(stream)
        if kind != "warc":  # warcio reads gzipped WARC records itself
            stream = gunzipped(stream)
        head = stream.peek(1 << 12)
    except STREAM_ERRORS as exc:
        yield ReadFailure(origin, stream_error(exc))
        return
    if not head:
        yield ReadFailure(origin, "empty file")
        return
    kind = kind or _sniff(head)
    if kind == "jsonl":
        yield from read_jsonl(stream, origin)
    elif kind == "warc":
        yield from read_warc(stream, origin)
    else:
        yield _read_document(stream, origin, kind)


def _read_document(stream: BinaryIO, origin: str, kind: str) -> RawDocument | ReadFailure:
    try:
        data = read_limited(stream)
    except STREAM_ERRORS as exc:
        return ReadFailure(origin, stream_error(exc))
    if data is None:
        limit = streams.MAX_DOCUMENT_BYTES >> 20
        reason = f"larger than {limit} MB, too large for one article (split it, or use JSON Lines)"
        return ReadFailure(origin, reason)
    if kind == "html":
        return read_html(data, origin=origin)
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        return ReadFailure(origin, str(exc))
    if kind is None and looks_like_html(decoded.text):
        return read_html(data, origin=origin)
    return RawDocument(origin=origin, text=decoded.text, errors=decoded.errors)


def _sniff(head: bytes) -> str | None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    return None  # a document: HTML or plain text, told apart once decoded


def _read_path(path: str) -> Iterator[RawDocument | ReadFailure]:
    if os.path.isdir(path):
        for item in _walk(path, set()):
            if isinstance(item, ReadFailure):
                yield item
            else:
                yield from _read_file(item, kind_of(item))
        return
    yield from _read_file(path, kind_of(path))


def _read_file(path: str, kind: str | None) -> Iterator[RawDocument | ReadFailure]:
    if not os.path.lexists(path):
        yield ReadFailure(path, "no such file or directory")
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator finishes
    except OSError as exc:
        yield ReadFailure(path, _open_error(path, exc))
        return
    with handle:
        yield from read_stream(handle, origin=path, kind=kind)


def _open_error(path: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError) and os.path.islink(path):
        return "broken symbolic link: what it points to does not exist"
    return stream_error(exc)


def _walk(folder: str, seen: set[str]) -> Iterator[str | ReadFailure]:
    """Files with a known extension under ``folder``, depth first in name order."""
    real = os.path.realpath(folder)
    if real in seen:  # a symbolic link back up the tree
        return
    seen.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield ReadFailure(folder, f"cannot list the folder: {stream_error(exc)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, seen)
        elif kind_of(entry.name):
            yield entry.path
