"""A store of hand-made articles and clients over it: read-only, and with a write token."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from tests.api.corpus import build_store

TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "marsad.duckdb")


@pytest.fixture(scope="session")
def client(corpus_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db=corpus_db, token=None)) as c:
        yield c


@pytest.fixture
def writable_db(corpus_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "marsad.duckdb"
    shutil.copy(corpus_db, db)
    return db


@pytest.fixture
def writer(writable_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db=writable_db, token=TOKEN)) as c:
        yield c
