"""How the server holds the database: per-request readers, and one writer when it has a token.

A read-only server (no token) opens the file read-only for each request and closes it
after (:func:`marsad.store.reading`), so a `marsad ingest` in another process can take its
turn between requests. A server with a token is the database's writer for as long as it
runs: it holds the writer lock and one read-write connection; requests read through
cursors of it, which see the last committed state while a posted article is stored and the
merged events are rebuilt. An ingest started meanwhile is turned away with a message
naming the server.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

import duckdb

from marsad.article import Article
from marsad.store import StoreError, WriterLock, reading
from marsad.store.derive import refresh
from marsad.store.ingest import parse_timestamp, without_future_date
from marsad.store.write import Batch, text_hash

log = logging.getLogger("marsad.api")


class Store:
    def __init__(self, db: Path, *, writable: bool) -> None:
        self.db = db
        self.writable = writable
        self._stack = ExitStack()
        self._conn: duckdb.DuckDBPyConnection | None = None
        self._write = threading.Lock()
        self._cursor = threading.Lock()
        if writable:
            lock = self._stack.enter_context(WriterLock(db, command="marsad serve"))
            self._conn = self._stack.enter_context(lock.connect())
        else:
            with reading(db):  # fail now, with the store's message, not at the first request
                pass

    def close(self) -> None:
        self._stack.close()
        self._conn = None

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._conn is None:
            with reading(self.db) as conn:
                yield conn
            return
        with self._cursor:
            cursor = self._conn.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @contextmanager
    def _writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # A fresh cursor per write: the held connection may carry an unfinished result (its
        # last query was fetched with fetchone), which DuckDB lets no other statement follow.
        if self._conn is None:
            raise StoreError("the server is read-only: start it with a token to store articles")
        with self._cursor:
            cursor = self._conn.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def stored(self, article: Article) -> bool:
        """Whether the article is stored already: same id, or same text from the same site."""
        with self.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM articles "
                "WHERE id = ? OR (text_hash = ? AND site IS NOT DISTINCT FROM ?) LIMIT 1",
                [article.id, text_hash(article.text), article.site],
            ).fetchone()
        return row is not None

    def write(self, article: Article, published: str | None) -> Article:
        """Stores one analyzed article (its merged events follow with :meth:`refresh`)."""
        article = without_future_date(article, date.today())
        batch = Batch()
        batch.add(article, published_at=parse_timestamp(published) if article.published else None)
        with self._write, self._writing() as conn:
            batch.write(conn)
        return article

    def refresh(self) -> None:
        """Rebuilds the merged events, stories and duplicates over every stored article."""
        if self._conn is None:
            return
        with self._write, self._writing() as conn:
            summary = refresh(conn)
        log.info("derived tables refreshed: %s", summary)
