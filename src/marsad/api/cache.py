"""Finished responses of the read routes, kept per version of the store's derived tables.

Merged events, stories and their counts change only when the derived tables are rebuilt
(:func:`marsad.store.queries.derived_version` tells when), and the stored articles an event
cites never change: the same URL asked again of the same version gets the same bytes. The
map's aggregate (a megabyte of JSON on a full corpus) is asked by every page load and every
filter change, so it is answered from here, compressed once.

Plain ASGI, outside the gzip middleware: a body is kept as sent, compressed or not, and the
key says which. Only 200 JSON answers are kept, the least recently used dropped first.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from urllib.parse import parse_qsl

from anyio import to_thread

from marsad.api.limits import ASGIApp, Message, Receive, Scope, Send
from marsad.api.storage import Store
from marsad.store import StoreError
from marsad.store.queries import derived_version

log = logging.getLogger("marsad.api")

#: Paths whose answers depend only on the derived tables and on articles, which never change.
CACHED_PATHS = (
    "/api/events", "/api/aggregates/", "/api/facets", "/api/places", "/api/actors", "/api/stories",
)  # fmt: skip
DEFAULT_BYTES = 64 * 1024 * 1024

Key = tuple[datetime | None, str, tuple[tuple[str, str], ...], bool]


class ResponseCache:
    """Answers a GET on :data:`CACHED_PATHS` from the bodies kept for the store's version."""

    def __init__(self, app: ASGIApp, *, store: Store, max_bytes: int = DEFAULT_BYTES) -> None:
        self.app = app
        self.store = store
        self.max_bytes = max_bytes
        self._kept: OrderedDict[Key, tuple[list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._size = 0

    def _version(self) -> datetime | None:
        with self.store.read() as conn:
            return derived_version(conn)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.max_bytes <= 0
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(CACHED_PATHS)
        ):
            await self.app(scope, receive, send)
            return
        try:
            version = await to_thread.run_sync(self._version)
        except StoreError:
            await self.app(scope, receive, send)  # the route answers with the store's message
            return
        key = _key(scope, version)
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            headers, body = kept
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._keeping(key, send))

    def _keeping(self, key: Key, send: Send) -> Callable[[Message], object]:
        start: Message | None = None
        chunks: list[bytes] = []

        async def keep(msg: Message) -> None:
            nonlocal start
            if msg["type"] == "http.response.start":
                start = msg
            elif msg["type"] == "http.response.body" and start is not None and _keepable(start):
                chunks.append(msg.get("body", b""))
                if not msg.get("more_body", False):
                    self._put(key, list(start.get("headers", ())), b"".join(chunks))
            await send(msg)

        return keep

    def _put(self, key: Key, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        size = _size(headers, body)
        if size > self.max_bytes // 8:
            return  # one answer must not push out everything else
        old = self._kept.pop(key, None)
        if old is not None:
            self._size -= _size(*old)
        self._kept[key] = (headers, body)
        self._size += size
        while self._size > self.max_bytes and self._kept:
            _, dropped = self._kept.popitem(last=False)
            self._size -= _size(*dropped)


def _size(headers: list[tuple[bytes, bytes]], body: bytes) -> int:
    return len(body) + sum(len(k) + len(v) for k, v in headers)


def _key(scope: Scope, version: datetime | None) -> Key:
    query = scope.get("query_string", b"").decode("latin-1")
    params = tuple(sorted(parse_qsl(query, keep_blank_values=True)))
    gzip = any(
        name == b"accept-encoding" and b"gzip" in value.lower() for name, value in scope.get("headers", ())
    )
    return version, scope["path"], params, gzip


def _keepable(start: Message) -> bool:
    if start.get("status") != 200:
        return False
    headers = dict(start.get("headers", ()))
    return headers.get(b"content-type", b"").startswith(b"application/json") and b"set-cookie" not in headers
