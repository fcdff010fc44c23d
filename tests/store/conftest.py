"""A fresh database for every test, filled with hand-built articles where asked."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from marsad.article import Article
from marsad.store.connection import WriterLock
from marsad.store.derive import refresh
from marsad.store.write import Batch


def store_articles(db: Path, articles: Iterable[Article]) -> None:
    with WriterLock(db) as lock, lock.connect() as conn:
        batch = Batch()
        for a in articles:
            batch.add(a)
        batch.write(conn)
        refresh(conn)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "marsad.duckdb"
