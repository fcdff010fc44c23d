"""The database schema as registered, numbered migrations, applied in order, each once.

A new schema version is a new :class:`Migration` appended to :data:`MIGRATIONS`, never an
edit of an old one: a database made by any earlier version upgrades by running the ones it
lacks. ``schema_migrations`` records which ran and when.

Tables filled when an article is stored (one row per thing the article says):
``articles``, ``spans`` (sentences, entities, times, quantities), ``places``, ``reports``
(an event as one article tells it) and ``participants``. Tables derived from all articles
together and rebuilt by :func:`marsad.store.derive.refresh`: ``duplicates``, ``stories``,
``story_articles``, ``events`` (merged), ``event_reports``, ``event_actors`` and ``claims``.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


_V1 = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    origin VARCHAR NOT NULL,
    url VARCHAR,
    site VARCHAR,
    title VARCHAR,
    published DATE,
    published_at TIMESTAMPTZ,
    language VARCHAR,
    text VARCHAR NOT NULL,
    text_hash VARCHAR NOT NULL,
    errors STRUCT(code VARCHAR, stage VARCHAR, message VARCHAR)[] NOT NULL,
    n_tokens INTEGER NOT NULL,
    minhash BLOB NOT NULL,
    shingles INTEGER NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_url ON articles (url);

CREATE TABLE spans (
    article VARCHAR NOT NULL,
    layer VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label VARCHAR,
    entity VARCHAR,
    found_by VARCHAR,
    canonical_id VARCHAR,
    canonical_name VARCHAR,
    canonical_kind VARCHAR,
    date_from DATE,
    date_to DATE,
    value DOUBLE,
    low DOUBLE,
    high DOUBLE,
    approximate BOOLEAN,
    unit VARCHAR,
    currency VARCHAR,
    PRIMARY KEY (article, layer, idx)
);

CREATE TABLE places (
    article VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    level VARCHAR NOT NULL,
    geonameid BIGINT,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    entity VARCHAR,
    rel_direction VARCHAR,
    rel_of BIGINT,
    rel_distance_km DOUBLE,
    PRIMARY KEY (article, idx)
);

CREATE TABLE reports (
    article VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    local_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR,
    acled VARCHAR,
    modality VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    place INTEGER,
    time INTEGER,
    quantity INTEGER,
    source_start INTEGER,
    source_end INTEGER,
    source_entity VARCHAR,
    mentions STRUCT(start INTEGER, "end" INTEGER)[] NOT NULL,
    time_from DATE,
    time_to DATE,
    time_precision VARCHAR,
    counts STRUCT(what VARCHAR, quantity INTEGER)[] NOT NULL,
    PRIMARY KEY (article, idx)
);

CREATE TABLE participants (
    article VARCHAR NOT NULL,
    report INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    role VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    entity VARCHAR,
    canonical_id VARCHAR,
    canonical_name VARCHAR,
    canonical_kind VARCHAR,
    PRIMARY KEY (article, report, idx)
);

CREATE TABLE duplicates (
    article VARCHAR PRIMARY KEY,
    original VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL
);

CREATE TABLE stories (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    first_published TIMESTAMPTZ,
    last_published TIMESTAMPTZ,
    n_articles INTEGER NOT NULL,
    n_sites INTEGER NOT NULL
);

CREATE TABLE story_articles (
    article VARCHAR PRIMARY KEY,
    story VARCHAR NOT NULL
);

CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    story VARCHAR,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR,
    acled VARCHAR,
    modality VARCHAR NOT NULL,
    date_from DATE,
    date_to DATE,
    place_name VARCHAR,
    geonameid BIGINT,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    level VARCHAR,
    n_reports INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_sites INTEGER NOT NULL,
    first_published DATE,
    search VARCHAR NOT NULL  -- normalised evidence, actors and place, for text search
);

-- A report's own fields are copied here so that lists of events need no join with the
-- per-article tables; the full report (its actors, its figures) is in reports.
CREATE TABLE event_reports (
    event VARCHAR NOT NULL,
    article VARCHAR NOT NULL,
    report INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    modality VARCHAR NOT NULL,
    site VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published DATE,
    date_from DATE,
    date_to DATE,
    time_stated BOOLEAN NOT NULL,
    source VARCHAR,
    evidence VARCHAR NOT NULL,
    trigger VARCHAR NOT NULL,
    PRIMARY KEY (article, report)
);

CREATE TABLE event_actors (
    event VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    role VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    canonical_id VARCHAR,
    canonical_name VARCHAR,
    search VARCHAR NOT NULL,  -- normalised text and canonical name
    PRIMARY KEY (event, idx)
);

CREATE TABLE claims (
    event VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    what VARCHAR,
    value DOUBLE,
    low DOUBLE,
    high DOUBLE,
    approximate BOOLEAN NOT NULL,
    currency VARCHAR,
    source VARCHAR,
    article VARCHAR NOT NULL,
    PRIMARY KEY (event, idx)
);

-- One row: whether the derived tables lag behind the articles (set with every new article,
-- cleared by the refresh that rebuilds them, so a run killed in between is finished later).
CREATE TABLE derived_state (
    stale BOOLEAN NOT NULL,
    refreshed_at TIMESTAMPTZ
);
INSERT INTO derived_state VALUES (false, NULL);
"""

# Lists of merged events read the reports, actors and claims of one page of events, and one
# event's reports, by event id: without these each such read scans the whole table.
_V2 = """
CREATE INDEX event_reports_event ON event_reports (event);
CREATE INDEX event_actors_event ON event_actors (event);
CREATE INDEX claims_event ON claims (event);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, spans, reports and merged events", _V1),
    Migration(2, "merged events' reports, actors and claims indexed by event", _V2),
)
LATEST = MIGRATIONS[-1].version


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied; 0 for a database that has none."""
    # Results are read whole: a half-read DuckDB result blocks later work on the connection.
    found = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchall()
    if not found[0][0]:
        return 0
    top = conn.execute("SELECT max(version) FROM schema_migrations").fetchall()[0][0]
    return int(top) if top is not None else 0


def migrate(conn: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration the database lacks, each in its own transaction."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    current = schema_version(conn)
    if current > LATEST:
        raise RuntimeError(f"database schema version {current} is newer than this marsad ({LATEST})")
    applied = []
    for m in MIGRATIONS:
        if m.version <= current:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(m.sql)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [m.version, m.name])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        applied.append(m.version)
    return applied
