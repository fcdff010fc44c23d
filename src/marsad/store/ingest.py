"""Analyze documents and store them: resumable, one writer, a batch per transaction.

An article is committed with its whole analysis in the batch's transaction or not at all,
and an article already stored (same id, or the same text from the same site) is skipped
before it is analyzed. So a run killed at any moment and run again stores every article
exactly once, and redoes at most one batch of work.
"""

from __future__ import annotations

import dataclasses
import email.utils
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb

from marsad.article import Article
from marsad.clean.article import make_article
from marsad.ingest.records import RawDocument, ReadFailure
from marsad.pipeline import Pipeline
from marsad.store.connection import StoreError, WriterLock
from marsad.store.derive import RefreshSummary, is_stale, refresh
from marsad.store.write import Batch, text_hash

#: A publication date this far past today is a mistake, not news from the future.
FUTURE_SLACK = timedelta(days=1)


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    refreshed: RefreshSummary | None = None


def parse_timestamp(value: str | None) -> datetime | None:
    """The moment a source gives as publication time (ISO 8601 or RFC 2822), in UTC."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def without_future_date(article: Article, today: date) -> Article:
    """An article dated after tomorrow keeps its text but loses the date, with a diagnostic:
    relative times resolved against a wrong date would be wrong events."""
    if article.published is None or article.published <= today + FUTURE_SLACK:
        return article
    return dataclasses.replace(article, published=None).with_error(
        "future-date",
        "store",
        f"publication date {article.published.isoformat()} is in the future; stored without a date",
    )


class Ingest:
    """One ingest run into one database; use as a context manager (it holds the writer lock)."""

    def __init__(
        self,
        db: Path,
        pipeline: Pipeline,
        *,
        batch_size: int = 200,
        today: date | None = None,
        on_result: Callable[[str, Article | ReadFailure | str], None] | None = None,
    ) -> None:
        self.db = db
        self.pipeline = pipeline
        self.batch_size = batch_size
        self.today = today or date.today()
        self.on_result = on_result or (lambda status, item: None)
        self.lock = WriterLock(db, command="marsad ingest")
        self.summary = IngestSummary()
        self._ids: set[str] = set()
        self._texts: set[tuple[str, str | None]] = set()
        self._urls: set[str] = set()
        self._batch = Batch()

    def __enter__(self) -> Ingest:
        self.lock.acquire()
        try:
            with self.lock.connect() as conn:
                self._ids = {r[0] for r in conn.execute("SELECT id FROM articles").fetchall()}
                self._texts = {
                    (r[0], r[1]) for r in conn.execute("SELECT text_hash, site FROM articles").fetchall()
                }
                self._urls = {
                    r[0] for r in conn.execute("SELECT url FROM articles WHERE url IS NOT NULL").fetchall()
                }
        except BaseException:
            self.lock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock.release()

    @property
    def pending(self) -> int:
        """Articles analyzed but not committed yet."""
        return len(self._batch)

    def stored_url(self, url: str) -> bool:
        return url in self._urls

    def already_stored(self, origin: str) -> None:
        """Count an input skipped before reading because its URL is stored."""
        self.summary.read += 1
        self.summary.duplicate += 1
        self.on_result("duplicate", origin)

    def add(self, doc: RawDocument | ReadFailure) -> None:
        self.summary.read += 1
        if isinstance(doc, ReadFailure):
            self._failed(doc)
            return
        made = make_article(doc, settings=self.pipeline.settings)
        if isinstance(made, ReadFailure):
            self._failed(made)
            return
        key = (text_hash(made.text), made.site)
        if made.id in self._ids or key in self._texts:
            self.summary.duplicate += 1
            self.on_result("duplicate", made)
            return
        article = without_future_date(made, self.today)
        published_at = parse_timestamp(doc.published) if article.published is not None else None
        article = self.pipeline.run(article)
        self._ids.add(article.id)
        self._texts.add(key)
        if article.url:
            self._urls.add(article.url)
        self._batch.add(article, published_at=published_at)
        self.on_result("new", article)
        if len(self._batch) >= self.batch_size:
            self.flush()

    def _failed(self, failure: ReadFailure) -> None:
        self.summary.failed += 1
        self.summary.failures.append(failure)
        self.on_result("failed", failure)

    def flush(self) -> None:
        if not len(self._batch):
            return
        try:
            with self.lock.connect() as conn:
                self._batch.write(conn)
        except duckdb.Error as exc:
            raise StoreError(f"{self.db}: could not store a batch of articles: {exc}") from None
        self.summary.new += len(self._batch)
        self._batch = Batch()

    def run(self, docs: Iterable[RawDocument | ReadFailure]) -> IngestSummary:
        for doc in docs:
            self.add(doc)
        self.finish()
        return self.summary

    def finish(self) -> None:
        """Store what is left and bring the derived tables up to date."""
        self.flush()
        with self.lock.connect() as conn:
            if is_stale(conn) or self.summary.new:
                self.summary.refreshed = refresh(conn)
