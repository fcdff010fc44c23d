"""How processes share a database file, and the messages a user gets when they cannot."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from marsad.store.connection import (
    StoreBusy,
    StoreCorrupt,
    StoreMissing,
    WriterLock,
    default_db_path,
    reading,
)
from marsad.store.queries import stats
from tests.store.conftest import store_articles
from tests.stories.factory import article


def _hold(db: Path, what: str) -> subprocess.Popen:
    """Another process holding ``db``: the writer lock, or the file itself open for writing."""
    body = {
        "lock": "lock = WriterLock(db, command='marsad ingest').acquire()",
        "file": "lock = WriterLock(db).acquire()\nconn = duckdb.connect(str(db))",
    }[what]
    code = textwrap.dedent(
        """
        import sys, time, duckdb
        from pathlib import Path
        from marsad.store.connection import WriterLock
        db = Path(sys.argv[1])
        {body}
        print("ready", flush=True)
        time.sleep(60)
        """
    ).format(body=body)
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_the_default_database_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("MARSAD_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_db_path() == tmp_path / "data" / "marsad" / "marsad.duckdb"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_db_path() == tmp_path / ".local" / "share" / "marsad" / "marsad.duckdb"
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "mine.duckdb"))
    assert default_db_path() == tmp_path / "mine.duckdb"


def test_a_second_writer_is_told_who_is_writing(db):
    holder = _hold(db, "lock")
    try:
        with pytest.raises(StoreBusy) as err:
            WriterLock(db).acquire()
        message = str(err.value)
        assert f"pid {holder.pid}" in message and "marsad ingest" in message and "--db" in message
    finally:
        holder.kill()
        holder.wait()
    WriterLock(db).acquire().release()  # free again once the holder is gone


def test_a_killed_writer_leaves_no_stale_lock(db):
    holder = _hold(db, "lock")
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with WriterLock(db):
        pass


def test_readers_read_while_a_writer_runs_between_batches(db):
    store_articles(db, [article("a")])
    holder = _hold(db, "lock")  # an ingest that is analyzing, not committing
    try:
        with reading(db) as conn:
            assert stats(conn).articles == 1
    finally:
        holder.kill()
        holder.wait()


def test_a_reader_blocked_too_long_gets_advice_not_a_lock_error(db):
    store_articles(db, [article("a")])
    holder = _hold(db, "file")  # something keeping the file open for writing
    try:
        with pytest.raises(StoreBusy) as err, reading(db, wait=0.3):
            pass
        assert "open" in str(err.value) and "Conflicting lock" not in str(err.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_missing_database_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreMissing, match="marsad ingest"), reading(tmp_path / "none.duckdb"):
        pass


def test_a_corrupt_database_is_named_and_left_alone(db):
    db.write_bytes(b"\x00garbage, not a database" * 200)
    before = db.read_bytes()
    with pytest.raises(StoreCorrupt, match="Move it aside"), reading(db):
        pass
    with WriterLock(db) as lock, pytest.raises(StoreCorrupt), lock.connect():
        pass
    assert db.read_bytes() == before


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from marsad.store.connection import StoreFull, WriterLock
from marsad.store.write import Batch
from tests.stories.factory import article
db = Path(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
with WriterLock(db) as lock:
    with lock.connect() as conn:
        b = Batch(); b.add(article("kept")); b.write(conn)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, resource.RLIM_INFINITY))
    try:
        with lock.connect() as conn:
            b = Batch()
            for i in range(300):
                b.add(article(f"lost{i}", extra=" نص إضافي طويل" * 200))
            b.write(conn)
    except StoreFull as exc:
        print("FULL:", exc)
"""


def test_a_full_disk_is_reported_and_what_was_committed_stays(db):
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(db)], capture_output=True, text=True, cwd=repo, timeout=120
    )
    assert "FULL:" in done.stdout, done.stderr
    assert "disk is full" in done.stdout and "run the same command again" in done.stdout
    with reading(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles").fetchall()]
    assert ids == ["kept"]
