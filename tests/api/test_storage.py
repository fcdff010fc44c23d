"""A read-only server and an ingest share one database file."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from marsad.api.storage import Store, writer_elsewhere
from marsad.store import WriterLock
from marsad.store.connection import lock_path

# Another process takes the writer lock and commits, as `marsad ingest` does per batch.
WRITE = """
import sys
from marsad.store import WriterLock
with WriterLock(sys.argv[1], command="marsad ingest") as lock, lock.connect(wait=30) as conn:
    conn.execute("UPDATE articles SET title = 'changed' WHERE id = 'ar-fiji'")
"""


def test_an_ingest_gets_the_file_while_the_server_runs(writable_db: Path) -> None:
    store = Store(writable_db, writable=False)
    try:
        with store.read() as conn:
            assert conn.execute("SELECT title FROM articles WHERE id = 'ar-fiji'").fetchone() == (
                "احتجاج في سوفا",
            )
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-c", WRITE, str(writable_db)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert time.monotonic() - started < 25  # the server let go; the writer did not time out
        with store.read() as conn:
            assert conn.execute("SELECT title FROM articles WHERE id = 'ar-fiji'").fetchone() == ("changed",)
    finally:
        store.close()


def test_a_writer_is_known_by_its_lock_file(writable_db: Path) -> None:
    assert not writer_elsewhere(writable_db)
    with WriterLock(writable_db, command="marsad ingest"):
        assert writer_elsewhere(writable_db)
    assert not writer_elsewhere(writable_db)
    # A writer killed without releasing leaves its pid behind: a dead process writes nothing.
    lock_path(writable_db).write_text('{"pid": 999999999, "command": "marsad ingest"}')
    assert not writer_elsewhere(writable_db)


@pytest.mark.parametrize("writable", [False, True])
def test_closing_waits_for_the_reads_under_way(writable_db: Path, writable: bool) -> None:
    # A shutdown while the search index is still being built in the background.
    store = Store(writable_db, writable=writable)
    entered, answers = threading.Event(), []

    def read() -> None:
        with store.read() as conn:
            entered.set()
            time.sleep(0.3)
            answers.append(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    reader = threading.Thread(target=read)
    reader.start()
    entered.wait(5)
    store.close()
    reader.join()
    assert answers and answers[0] > 0
