"""What the readers yield: a document as read, or why an input could not be read."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.article import Diagnostic


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as its source gave it, before cleaning.

    ``origin`` says where it was read: a path, ``path:LINE`` for JSON Lines, ``path@OFFSET``
    for a WARC record, ``<stdin>`` for standard input. ``published`` is kept exactly as the
    source wrote it; ``language`` is set only when the source (or the user) declares one.
    ``errors`` are problems that did not stop the reading, such as replaced bytes.
    """

    origin: str
    text: str
    id: str | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    errors: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input that yielded no document, with a message a user can act on."""

    origin: str
    reason: str
