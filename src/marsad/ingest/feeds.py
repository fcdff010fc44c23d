"""RSS and Atom feeds: each item's page fetched and its article extracted.

Every network problem becomes a :class:`ReadFailure` naming the URL and what went wrong
(an HTTP error, a time-out, an HTML error page where a feed was expected), so one bad feed
or page never stops the others.
"""

from __future__ import annotations

import dataclasses
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from time import struct_time

import feedparser

from marsad import __version__
from marsad.ingest.html_page import read_html
from marsad.ingest.records import RawDocument, ReadFailure

USER_AGENT = f"marsad/{__version__} (+https://github.com/marsad)"
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str | None
    charset: str | None


class FetchError(Exception):
    """Why a URL gave nothing usable, in words for the user."""


def fetch(url: str, *, timeout: float) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            headers: Message = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} s") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"no answer within {timeout:g} s") from None
        raise FetchError(f"cannot connect: {reason}") from None
    except (OSError, ValueError) as exc:
        raise FetchError(str(exc)) from None
    if len(data) > MAX_BYTES:
        raise FetchError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    return Fetched(final, data, headers.get_content_type(), headers.get_content_charset())


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs from a file: one per line, blank lines and ``#`` comments ignored."""
    urls = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            urls.append(line)
    return urls


def _date(entry: feedparser.FeedParserDict) -> str | None:
    raw = entry.get("published") or entry.get("updated")
    if raw:
        return raw
    parsed: struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


def _check_scheme(url: str) -> str | None:
    return None if url.lower().startswith(("http://", "https://")) else "only http and https URLs are fetched"


def read_feed(
    url: str,
    *,
    timeout: float = 15.0,
    skip: Callable[[str], bool] = lambda link: False,
    on_skip: Callable[[str], None] = lambda link: None,
) -> Iterator[RawDocument | ReadFailure]:
    """The articles of one feed. ``skip`` says which item links not to fetch (already
    stored); each is passed to ``on_skip`` instead."""
    if problem := _check_scheme(url):
        yield ReadFailure(url, problem)
        return
    try:
        got = fetch(url, timeout=timeout)
    except FetchError as exc:
        yield ReadFailure(url, f"feed: {exc}")
        return
    parsed = feedparser.parse(got.data, response_headers={"content-type": got.content_type or ""})
    if not parsed.entries:
        kind = got.content_type or "unknown content"
        if parsed.get("bozo") or not parsed.get("version"):
            yield ReadFailure(url, f"feed: not an RSS or Atom feed (got {kind}); check the URL")
        return
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            yield ReadFailure(url, f"feed item {entry.get('title', '?')!r} has no link")
            continue
        if skip(link):
            on_skip(link)
            continue
        yield _read_item(link, entry, timeout=timeout)


def _read_item(link: str, entry: feedparser.FeedParserDict, *, timeout: float) -> RawDocument | ReadFailure:
    if problem := _check_scheme(link):
        return ReadFailure(link, problem)
    try:
        page = fetch(link, timeout=timeout)
    except FetchError as exc:
        return ReadFailure(link, str(exc))
    doc = read_html(page.data, origin=link, url=link, charset=page.charset)
    if isinstance(doc, ReadFailure):
        return doc
    # The feed's own title and date are what the outlet published; the page may lack them.
    return dataclasses.replace(
        doc,
        title=doc.title or entry.get("title"),
        published=_date(entry) or doc.published,
    )


def read_feeds(
    urls: Iterable[str],
    *,
    timeout: float = 15.0,
    skip: Callable[[str], bool] = lambda link: False,
    on_skip: Callable[[str], None] = lambda link: None,
) -> Iterator[RawDocument | ReadFailure]:
    for url in urls:
        yield from read_feed(url, timeout=timeout, skip=skip, on_skip=on_skip)
