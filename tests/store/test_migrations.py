from __future__ import annotations

import duckdb
import pytest

from marsad.store.connection import StoreError, WriterLock, reading
from marsad.store.migrations import LATEST, MIGRATIONS, migrate, schema_version


def test_a_new_database_gets_every_migration_once(db):
    with WriterLock(db) as lock, lock.connect() as conn:
        assert schema_version(conn) == LATEST
        assert migrate(conn) == []  # nothing left to apply
        rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in MIGRATIONS]


def test_versions_are_numbered_in_order():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_a_database_from_a_newer_marsad_is_refused_with_advice(db):
    with WriterLock(db) as lock, lock.connect() as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (?, 'future', now())", [LATEST + 1])
    with pytest.raises(StoreError, match="upgrade marsad"), reading(db):
        pass
    with WriterLock(db) as lock, pytest.raises(StoreError, match="upgrade marsad"), lock.connect():
        pass


def test_a_database_without_migrations_is_upgraded_by_a_writer(db):
    duckdb.connect(str(db)).close()
    with pytest.raises(StoreError, match="marsad ingest --db"), reading(db):
        pass
    with WriterLock(db) as lock, lock.connect() as conn:
        assert schema_version(conn) == LATEST
