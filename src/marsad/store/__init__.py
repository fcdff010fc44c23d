"""The embedded DuckDB store: articles, their spans and events, and merged events.

How processes share one database file is described in :mod:`marsad.store.connection`.
"""

from marsad.store.connection import (
    StoreBusy,
    StoreCorrupt,
    StoreError,
    StoreFull,
    StoreMissing,
    WriterLock,
    default_db_path,
    reading,
)

__all__ = [
    "StoreBusy",
    "StoreCorrupt",
    "StoreError",
    "StoreFull",
    "StoreMissing",
    "WriterLock",
    "default_db_path",
    "reading",
]
