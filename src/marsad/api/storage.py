"""How the server holds the database: shared readers, and one writer when it has a token.

A read-only server (no token) keeps one read-only connection open while requests come, and
each request reads through a cursor of it: opening the file costs more than most queries.
DuckDB lets no other process write a file that is open, so the server lets go of it when
requests stop for a moment, and as soon as a `marsad ingest` holds the store's writer lock:
the shared connection is closed when its last request ends, and requests meanwhile open the
file for themselves alone (:func:`marsad.store.reading`), which lets the ingest commit its
batches between them. When the ingest is done the server shares a connection again, and
sees what it stored.

A server with a token is the database's writer for as long as it runs: it holds the writer
lock and one read-write connection; requests read through cursors of it, which see the last
committed state while a posted article is stored and the merged events are rebuilt. An
ingest started meanwhile is turned away with a message naming the server.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

import duckdb

from marsad.article import Article
from marsad.store import StoreError, WriterLock, reading
from marsad.store.connection import lock_path
from marsad.store.derive import refresh
from marsad.store.ingest import parse_timestamp, without_future_date
from marsad.store.write import Batch, text_hash

log = logging.getLogger("marsad.api")

#: A shared read connection unused this long is closed, so an ingest can open the file.
IDLE_SECONDS = 2.0
CLOSE_WAIT_SECONDS = 30.0  # how long closing waits for the reads under way
WATCH_SECONDS = 0.25


def writer_elsewhere(db: Path) -> bool:
    """Whether another live process holds the writer lock: the lock file names it while held
    (read, not locked, so checking never stands in a writer's way)."""
    try:
        info = json.loads(lock_path(db).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return False
    pid = info.get("pid") if isinstance(info, dict) else None
    if not isinstance(pid, int):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False  # a writer killed without releasing: nobody is writing
    except PermissionError:
        return True
    return True


def _snapshot(conn: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """``conn`` in a transaction: every query of a request sees the same data, even when this
    server's own refresh (after a posted article) commits between two of them."""
    conn.execute("BEGIN TRANSACTION")
    return conn


class Store:
    def __init__(self, db: Path, *, writable: bool) -> None:
        self.db = db
        self.writable = writable
        self._stack = ExitStack()
        self._conn: duckdb.DuckDBPyConnection | None = None
        self._write = threading.Lock()
        self._cursor = threading.Lock()
        self._shared: ExitStack | None = None
        self._shared_conn: duckdb.DuckDBPyConnection | None = None
        self._readers = 0
        self._last_read = 0.0
        self._closed = threading.Event()
        if writable:
            lock = self._stack.enter_context(WriterLock(db, command="marsad serve"))
            self._conn = self._stack.enter_context(lock.connect())
        else:
            with reading(db):  # fail now, with the store's message, not at the first request
                pass
            threading.Thread(target=self._let_go_when_idle, name="marsad-store", daemon=True).start()

    def close(self) -> None:
        """Closes the store once the reads under way (a background index build, say) are done:
        DuckDB refuses to close a connection a cursor of which is still busy."""
        self._closed.set()
        deadline = time.monotonic() + CLOSE_WAIT_SECONDS
        while True:
            with self._cursor:
                if self._readers == 0 or time.monotonic() > deadline:
                    self._close_shared()
                    break
            time.sleep(0.01)
        self._stack.close()
        self._conn = None

    def _let_go_when_idle(self) -> None:
        """Closes the shared connection once no request has used it for IDLE_SECONDS, or at
        once when idle and an ingest is waiting: a quiet server must not hold the file."""
        while not self._closed.wait(WATCH_SECONDS):
            with self._cursor:
                if self._shared is None or self._readers:
                    continue
                idle = time.monotonic() - self._last_read > IDLE_SECONDS
            if idle or writer_elsewhere(self.db):
                with self._cursor:
                    if self._readers == 0:
                        self._close_shared()

    def _close_shared(self) -> None:
        if self._shared is not None:
            self._shared.close()
            self._shared = self._shared_conn = None

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._conn is None and writer_elsewhere(self.db):
            with self._cursor:
                if self._readers == 0:
                    self._close_shared()
            with reading(self.db) as conn:
                yield _snapshot(conn)
            return
        with self._cursor:
            if self._conn is None and self._shared_conn is None:
                stack = ExitStack()
                self._shared_conn = stack.enter_context(reading(self.db))
                self._shared = stack
            cursor = (self._conn or self._shared_conn).cursor()  # type: ignore[union-attr]
            self._readers += 1
        try:
            yield _snapshot(cursor)
        finally:
            cursor.close()
            with self._cursor:
                self._readers -= 1
                self._last_read = time.monotonic()

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
