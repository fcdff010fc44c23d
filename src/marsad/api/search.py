"""Text search over merged events without reading every event's text at each request.

The store finds words by scanning ``events.search`` (tens of megabytes on a full corpus) for
each word of a query. The server instead keeps, per version of the derived tables, the
distinct words of that column with the events holding each: a query word is looked for in
the words alone (a substring of a word, as the scan finds it), and the events of the words
found are the hits. The hits are the events the scan would select, word for word: the
column is split only at whitespace, which no query word holds.

The index is built in the background when a search meets a version it lacks; meanwhile
searches scan as before, so an answer never waits for it and never differs.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from datetime import datetime

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from marsad.api.storage import Store
from marsad.store.queries import EventFilter, derived_version, search_words

log = logging.getLogger("marsad.api")

#: The name the hits are registered under on a request's connection.
HITS_TABLE = "marsad_text_hits"

# Events are numbered by the rank of their id, which both queries agree on.
_IDS_SQL = "SELECT id FROM events ORDER BY id"
_WORDS_SQL = r"""
WITH numbered AS (SELECT (row_number() OVER (ORDER BY id) - 1)::INTEGER AS i, search FROM events),
     words AS (SELECT i, unnest(string_split_regex(search, '\s+')) AS word FROM numbered)
SELECT word, list(DISTINCT i) AS events FROM words WHERE word <> '' GROUP BY word
"""


@dataclass(frozen=True, slots=True)
class WordIndex:
    version: datetime | None
    ids: pa.Array  # event ids, by number
    text: str  # the distinct words of events.search, one a line
    starts: np.ndarray  # where each word begins in ``text``
    events: pa.ListArray  # the numbers of the events holding each word

    @classmethod
    def build(cls, conn: duckdb.DuckDBPyConnection, version: datetime | None) -> WordIndex:
        ids = conn.sql(_IDS_SQL).to_arrow_table().column("id").combine_chunks()
        table = conn.sql(_WORDS_SQL).to_arrow_table()
        words = table.column("word").to_pylist()
        starts = np.cumsum([0, *(len(w) + 1 for w in words[:-1])]) if words else np.zeros(0, np.int64)
        index = cls(version, ids, "\n".join(words), starts, table.column("events").combine_chunks())
        if words:
            index.hits([words[0]])  # Arrow loads its kernels at first use (half a second): not in a request
        return index

    def _holding(self, word: str) -> np.ndarray:
        """The numbers of the words that hold ``word``: one pass of a string search over them."""
        found = []
        at = self.text.find(word)
        while at != -1:
            found.append(at)
            line_end = self.text.find("\n", at)
            if line_end == -1:
                break
            at = self.text.find(word, line_end + 1)
        return np.searchsorted(self.starts, np.array(found, np.int64), side="right") - 1

    def hits(self, words: list[str]) -> pa.Table:
        """The events whose text holds every one of ``words`` (each already folded)."""
        found: np.ndarray | None = None
        for word in words:
            if not word:
                continue  # as the scan: the empty string is in every text
            holding = self._holding(word)
            numbers = pc.list_flatten(self.events.take(pa.array(holding, pa.int64()))).to_numpy()
            numbers = np.unique(numbers)
            found = numbers if found is None else np.intersect1d(found, numbers, assume_unique=True)
            if not len(found):
                break
        if found is None:
            return pa.table({"id": self.ids})
        return pa.table({"id": self.ids.take(pa.array(found, pa.int64()))})


class TextSearch:
    """The word index of a store's current version, rebuilt in the background when it changes."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._index: WordIndex | None = None
        self._lock = threading.Lock()
        self._building: datetime | bool | None = False  # the version being built, False for none

    def ready(self, conn: duckdb.DuckDBPyConnection) -> bool:
        """Whether searches of the data ``conn`` sees read the index (else it is built now)."""
        return self._current(conn) is not None

    def _current(self, conn: duckdb.DuckDBPyConnection) -> WordIndex | None:
        version = derived_version(conn)
        index = self._index
        if index is None or index.version != version:
            self._build_soon(version)
            return None
        return index

    def narrow(self, conn: duckdb.DuckDBPyConnection, f: EventFilter) -> EventFilter:
        """``f`` reading its text search from the index when one is ready for the data ``conn``
        sees (the hits registered on ``conn``); else ``f`` itself, which scans."""
        index = self._current(conn) if f.q else None
        if index is None:
            return f
        conn.register(HITS_TABLE, index.hits(search_words(f.q or "")))
        return replace(f, text_hits=HITS_TABLE)

    def _build_soon(self, version: datetime | None) -> None:
        with self._lock:
            if self._building is not False:
                return
            self._building = version
        threading.Thread(target=self._build, args=(version,), name="marsad-search", daemon=True).start()

    def _build(self, version: datetime | None) -> None:
        try:
            with self._store.read() as conn:  # one snapshot for the version and the index
                # Built only for the version asked for: another may have come meanwhile.
                if derived_version(conn) == version:
                    self._index = WordIndex.build(conn, version)
        except Exception:
            log.exception("building the text search index failed; searches scan instead")
        finally:
            with self._lock:
                self._building = False
