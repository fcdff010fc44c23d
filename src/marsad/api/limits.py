"""ASGI middleware at the edge: a cap on request bodies, the page's security headers, and a
last resort that turns an unexpected error into a JSON 500.

Both are plain ASGI (not Starlette's BaseHTTPMiddleware) so a body is counted as it streams
in, before anything reads it whole, and a chunked upload without a Content-Length is
refused as soon as it passes the cap.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 10 * 1024 * 1024
log = logging.getLogger("marsad.api")


async def _json(send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Answers 413 to a request whose body is larger than ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"request body larger than {self.limit // (1024 * 1024)} MB"
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _json(send, 400, "Content-Length is not a number")
                    return
                if declared > self.limit:
                    await _json(send, 413, message, [(b"connection", b"close")])
                    return
        received = 0
        started = rejected = False

        async def counted() -> Message:
            # Past the limit the client is answered 413 at once, and the application is told
            # the client left, so it stops reading; whatever it answers then is dropped.
            nonlocal received, rejected
            if rejected:
                return {"type": "http.disconnect"}
            msg = await receive()
            if msg["type"] == "http.request":
                received += len(msg.get("body", b""))
                if received > self.limit:
                    rejected = True
                    if not started:
                        await _json(send, 413, message, [(b"connection", b"close")])
                    return {"type": "http.disconnect"}
            return msg

        async def tracked(msg: Message) -> None:
            nonlocal started
            if rejected:
                return
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        await self.app(scope, counted, tracked)


def content_security_policy(tile_origin: str | None) -> str:
    """Only the server's own scripts, styles and data; images also from the tile server."""
    images = "'self' data:" + (f" {tile_origin}" if tile_origin else "")
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {images}",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )


class SecurityHeaders:
    """Adds the Content-Security-Policy and related headers to every response."""

    def __init__(self, app: ASGIApp, *, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                names = {name.lower() for name, _ in msg.get("headers", ())}
                msg["headers"] = [*msg.get("headers", ()), *(h for h in self.headers if h[0] not in names)]
            await send(msg)

        await self.app(scope, receive, with_headers)


class InternalErrors:
    """An error no handler expected is logged and answered with a JSON 500 (a bug), and goes
    no further: re-raised, the server would drop the client's keep-alive connection too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(msg: Message) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, receive, tracked)
        except Exception:
            log.exception("error serving %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _json(send, 500, "internal error; see the server log")
