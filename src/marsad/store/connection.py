"""Where the database lives and how processes share it.

DuckDB lets one process open a file for writing, and then no other process may open it at
all, not even to read. Marsad shares the file this way:

* A **writer** (``marsad ingest``, or a server storing a posted article) first takes the
  writer lock, ``FILE.lock`` beside the database, for as long as it runs. A second writer is
  turned away at once with a message naming the first (its pid, command and start time).
* The writer opens the database itself only to commit a batch (a few hundred milliseconds)
  and closes it in between, so readers get their turn.
* A **reader** (``marsad export``, a notebook, each request of ``marsad serve``) opens the
  file read-only for one query or one request and closes it. When it arrives during a
  commit it waits and retries for a few seconds before giving up with a clear message.

Every error a user can meet is a :class:`StoreError` that says what to do next.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from marsad.store.migrations import LATEST, migrate, schema_version


class StoreError(Exception):
    """A problem with the database file, worded for the person who has to fix it."""


class StoreBusy(StoreError):
    pass


class StoreCorrupt(StoreError):
    pass


class StoreFull(StoreError):
    pass


class StoreMissing(StoreError):
    pass


def default_db_path() -> Path:
    """``$MARSAD_DB``, else ``$XDG_DATA_HOME/marsad/marsad.duckdb``, else under ``~/.local/share``."""
    if env := os.environ.get("MARSAD_DB"):
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "marsad" / "marsad.duckdb"


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def _is_lock_conflict(exc: Exception) -> bool:
    return "lock" in str(exc).lower() and "conflicting" in str(exc).lower()


def _is_disk_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return True
    return any(s in text for s in ("no space left", "file too large", "disk full", "quota exceeded"))


def full_error(db: Path, exc: BaseException) -> StoreFull:
    return StoreFull(
        f"{db}: cannot write, the disk is full ({exc}). Everything committed before stays stored; "
        "free some space and run the same command again: it carries on where it stopped."
    )


def _holder(db: Path) -> str:
    """Who holds the writer lock, as the lock file says."""
    try:
        info = json.loads(lock_path(db).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return "another marsad process"
    return f"{info.get('command', 'marsad')} (pid {info.get('pid', '?')}, since {info.get('since', '?')})"


def _connect(db: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            conn = duckdb.connect(str(db), read_only=read_only)
            # No progress bar: it would draw on the terminal of whoever holds the connection.
            conn.execute("SET enable_progress_bar = false")
            return conn
        except duckdb.Error as exc:
            if _is_lock_conflict(exc):
                if time.monotonic() < deadline:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 0.5)
                    continue
                who = _holder(db)
                raise StoreBusy(
                    f"{db} is in use by {who} and did not come free within {wait:g} s. "
                    "A server and an ingest share a database by opening it briefly in turn; "
                    "a program that keeps it open (a DuckDB shell, a notebook holding a "
                    "connection) blocks everyone else: close it and retry."
                ) from None
            if "not a valid duckdb database" in str(exc).lower() or "corrupt" in str(exc).lower():
                raise StoreCorrupt(
                    f"{db} is not a readable Marsad database ({exc}). Move it aside (keep it if "
                    "you want to recover it) and ingest again into a new file; your source "
                    "articles are untouched."
                ) from None
            if _is_disk_full(exc):
                raise full_error(db, exc) from None
            raise StoreError(f"{db}: cannot open the database: {exc}") from None


@contextmanager
def reading(db: Path | str | None = None, *, wait: float = 10.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for one query or one request; closed on exit."""
    path = Path(db) if db is not None else default_db_path()
    if not path.exists():
        raise StoreMissing(f"{path}: no database here yet; create one with `marsad ingest PATH --db {path}`")
    conn = _connect(path, read_only=True, wait=wait)
    try:
        version = schema_version(conn)
        if version != LATEST:
            newer = version > LATEST
            raise StoreError(
                f"{path} has schema version {version}, this marsad reads version {LATEST}: "
                + (
                    "upgrade marsad."
                    if newer
                    else f"run `marsad ingest --db {path}` once (with no inputs) to upgrade it."
                )
            )
        yield conn
    finally:
        conn.close()


class WriterLock:
    """The right to write ``db``, held by one process at a time (see the module's doc)."""

    def __init__(self, db: Path | str | None = None, *, command: str | None = None) -> None:
        self.db = Path(db) if db is not None else default_db_path()
        self.command = command or " ".join(Path(a).name if i == 0 else a for i, a in enumerate(sys.argv[:3]))
        self._fd: int | None = None

    def acquire(self) -> WriterLock:
        self.db.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path(self.db), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreBusy(
                f"{self.db} is being written by {_holder(self.db)}. One writer at a time: wait "
                "for it to finish (readers such as `marsad serve` and `marsad export` may run "
                "meanwhile), or write to another file with --db."
            ) from None
        info = {
            "pid": os.getpid(),
            "command": self.command,
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    @contextmanager
    def connect(self, *, wait: float = 30.0) -> Iterator[duckdb.DuckDBPyConnection]:
        """The database open for writing (migrated to the latest schema), for one batch."""
        if self._fd is None:
            raise RuntimeError("acquire the writer lock before opening the database for writing")
        conn = _connect(self.db, read_only=False, wait=wait)
        try:
            try:
                migrate(conn)
            except RuntimeError as exc:
                raise StoreError(f"{self.db}: {exc}; upgrade marsad to write to it") from None
            yield conn
        except (duckdb.Error, OSError) as exc:
            if _is_disk_full(exc):
                raise full_error(self.db, exc) from None
            raise
        finally:
            try:
                conn.close()
            except duckdb.Error as exc:
                if _is_disk_full(exc):
                    raise full_error(self.db, exc) from None
                raise
