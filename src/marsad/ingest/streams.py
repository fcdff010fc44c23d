"""Byte streams under the readers: transparent gzip, peeking, bounded reads, error messages."""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

#: What reading a file or a compressed stream can raise; each becomes a failure, never a crash.
STREAM_ERRORS = (OSError, EOFError, zlib.error)

GZIP_MAGIC = b"\x1f\x8b"

#: Larger than any article; a bigger single document is refused rather than held in memory.
MAX_DOCUMENT_BYTES = 64 << 20


def peekable(stream: BinaryIO) -> io.BufferedReader:
    """The stream itself when it can ``peek`` (files, standard input, gzip), else buffered."""
    if hasattr(stream, "peek"):
        return stream  # type: ignore[return-value]
    return io.BufferedReader(stream)  # type: ignore[arg-type]


def gunzipped(stream: io.BufferedReader) -> io.BufferedReader:
    """The decompressed stream when the bytes start like gzip, whatever the file's name."""
    if stream.peek(2)[:2] == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    return stream


def read_limited(stream: BinaryIO) -> bytes | None:
    """All the bytes, or None when there are more than :data:`MAX_DOCUMENT_BYTES`."""
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    return None if len(data) > MAX_DOCUMENT_BYTES else data


def stream_error(exc: BaseException) -> str:
    """A user's explanation of a read error."""
    if isinstance(exc, EOFError):
        return "truncated gzip: the compressed data ends early (an interrupted download or copy?)"
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file ({exc})"
    if isinstance(exc, zlib.error):
        return f"corrupt gzip data ({exc})"
    if isinstance(exc, PermissionError):
        return "permission denied: cannot read it (check the file's permissions)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror.lower()}"
    return f"cannot read: {exc}"
