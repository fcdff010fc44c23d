"""HTML pages: the article's main text and its metadata, extracted with trafilatura.

Menus, scripts, share buttons, comment sections and footers are left out by trafilatura's
main-content extraction; what furniture is left inside the article is the cleaner's job.
The publication date comes from the page's metadata only (meta tags, JSON-LD, ``<time>``,
the URL): a date guessed from anywhere in the body is too often an unrelated one.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import trafilatura
from trafilatura.settings import set_date_params

from marsad.article import Diagnostic
from marsad.ingest.decode import NotText, decode_bytes
from marsad.ingest.records import RawDocument, ReadFailure

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_LOOKS_HTML = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b|<(?:html|body)\b",
    re.IGNORECASE | re.DOTALL,
)
# lxml refuses a str that still carries an XML encoding declaration.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top, as written."""
    found = _META_CHARSET.search(data[:8192])
    return found.group(1).decode("ascii", errors="replace") if found else None


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_HTML.search(text[:4096]))


def site_of(url: str | None) -> str | None:
    """The host name without ``www.``, as the contract's ``site`` has it."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def read_html(
    data: bytes, *, origin: str, url: str | None = None, charset: str | None = None
) -> RawDocument | ReadFailure:
    """A page's bytes to a document; ``charset`` (from HTTP) beats the page's own ``<meta>``."""
    try:
        decoded = decode_bytes(data, declared=charset or meta_charset(data))
    except NotText as exc:
        return ReadFailure(origin, str(exc))
    return extract_html(decoded.text, origin=origin, url=url, errors=decoded.errors)


def extract_html(
    html: str, *, origin: str, url: str | None = None, errors: tuple[Diagnostic, ...] = ()
) -> RawDocument | ReadFailure:
    """The main text, title, date, site and URL of one page."""
    doc = trafilatura.bare_extraction(
        _XML_DECLARATION.sub("", html),
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=set_date_params(extensive=False),
    )
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        return ReadFailure(origin, "no article text found in the HTML page")
    title = doc.title.strip() if doc.title and doc.title.strip() else None
    page_url = url or doc.url
    return RawDocument(
        origin=origin,
        text=_without_title(text, title),
        url=page_url,
        site=site_of(page_url) or doc.sitename or None,
        title=title,
        published=doc.date,
        errors=errors,
    )


def _without_title(text: str, title: str | None) -> str:
    """The headline repeated as the body's first line is metadata, not article text."""
    first, newline, rest = text.partition("\n")
    if title and newline and rest.strip() and first.strip() == title:
        return rest
    return text
