"""The store's figures: ingest speed and database size, query latency, and the quality of
near-duplicate detection, story merging and event merging.

    python benchmarks/store.py ingest --db /tmp/ant.duckdb      # the whole corpus, timed
    python benchmarks/store.py store --source /tmp/ant.duckdb --db /tmp/again.duckdb  # storing alone
    python benchmarks/store.py query --db /tmp/ant.duckdb       # bbox-and-month latency
    python benchmarks/store.py quality --db /tmp/ant.duckdb     # P/R/F1 on the gold, dev and test

Runs on the shared ant_news_ar corpus (beside the repository or at ``$MARSAD_SHARED_DATA``).
The story gold is ``tests/stories/gold_stories.json`` (ids only; settings are tuned on its
``dev`` stories, ``test`` is for evaluation only). ``quality --db`` merges the stored
articles' reports again with the current code, so a change to merging needs no new ingest.
Never a timing assertion: this prints figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import statistics
import time
import zlib
from datetime import date, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad.ingest.read import read_paths
from marsad.nlp.normalize import normalize_text
from marsad.pipeline import Pipeline
from marsad.settings import Settings, shared_data_dir
from marsad.store.articles import load_article, load_reports
from marsad.store.connection import WriterLock, reading
from marsad.store.derive import refresh, story_docs
from marsad.store.ingest import Ingest
from marsad.store.queries import EventFilter, count_events, events, stats
from marsad.store.write import Batch
from marsad.stories.cluster import TEXT_ONLY, StoryDoc, cluster_stories
from marsad.stories.duplicates import Item, find_duplicates, signature
from marsad.stories.evaluate import (
    components,
    group_pairs,
    load_story_gold,
    pairwise_groups,
    score_pairs,
    sentence_jaccard,
    sentences,
)
from marsad.stories.merge import merge_reports

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "stories" / "gold_stories.json"


def corpus() -> Path:
    shared = shared_data_dir(REPO)
    return shared / "ant_news_ar" / "ant_news_ar.jsonl.gz"


def _rows(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def cmd_ingest(args: argparse.Namespace, console: Console) -> None:
    if args.db.exists():
        raise SystemExit(f"{args.db} exists: give a new file, the benchmark times a fresh ingest")
    pipeline = Pipeline(Settings())
    spent = {"analysis": 0.0, "store": 0.0}
    analyze = pipeline.run

    def timed_run(article):
        t = time.perf_counter()
        try:
            return analyze(article)
        finally:
            spent["analysis"] += time.perf_counter() - t

    pipeline.run = timed_run  # type: ignore[method-assign]
    docs = read_paths([str(args.corpus)])
    if args.limit:
        docs = (d for i, d in enumerate(docs) if i < args.limit)
    start = time.perf_counter()
    with Ingest(args.db, pipeline, batch_size=args.batch_size) as run:
        flush = run.flush

        def timed_flush() -> None:
            t = time.perf_counter()
            flush()
            spent["store"] += time.perf_counter() - t

        run.flush = timed_flush  # type: ignore[method-assign]
        for doc in docs:
            run.add(doc)
        run.flush()
        loaded = time.perf_counter() - start
        t = time.perf_counter()
        with run.lock.connect() as conn:
            summary = refresh(conn)
        t_refresh = time.perf_counter() - t
    total = time.perf_counter() - start
    s = run.summary
    size = args.db.stat().st_size / 1e6
    table = Table(title=f"ingest of {args.corpus.name} into {args.db}")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in (
        ("articles read / new / failed", f"{s.read} / {s.new} / {s.failed}"),
        ("whole ingest, articles/s", f"{s.new / total:.1f}"),
        ("  analysis (all pipeline stages), s", f"{spent['analysis']:.1f}"),
        (f"  storing (batches of {args.batch_size}), s", f"{spent['store']:.1f}"),
        ("  storing alone, articles/s", f"{s.new / spent['store']:.0f}" if spent["store"] else "-"),
        ("  reading and cleaning, s", f"{loaded - spent['analysis'] - spent['store']:.1f}"),
        ("  merging (duplicates, stories, events), s", f"{t_refresh:.1f}"),
        ("near-duplicates / stories", f"{summary.duplicates} / {summary.stories}"),
        ("reports -> merged events", f"{summary.reports} -> {summary.events}"),
        ("database size, MB", f"{size:.1f}"),
        ("peak memory, MB", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"),
    ):
        table.add_row(name, value)
    console.print(table)


def cmd_store(args: argparse.Namespace, console: Console) -> None:
    """Storing alone: articles analysed and stored before are read back, then stored again into
    a fresh database in batches, as ``marsad ingest`` does after analysis (rows, MinHash
    signatures, one transaction per batch); then the merge step. Wall and CPU time apart, as
    the machine may be shared."""
    if args.db.exists():
        raise SystemExit(f"{args.db} exists: give a new file, the benchmark times a fresh store")
    with reading(args.source) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        ids = ids[: args.limit] if args.limit else ids
        articles = [load_article(conn, i) for i in ids]
    wall = cpu = 0.0
    with WriterLock(args.db) as lock:
        for start in range(0, len(articles), args.batch_size):
            t, c = time.perf_counter(), time.process_time()
            batch = Batch()
            for a in articles[start : start + args.batch_size]:
                batch.add(a)  # type: ignore[arg-type]
            with lock.connect() as conn:
                batch.write(conn)
            wall += time.perf_counter() - t
            cpu += time.process_time() - c
        t, c = time.perf_counter(), time.process_time()
        with lock.connect() as conn:
            summary = refresh(conn)
        merge_wall, merge_cpu = time.perf_counter() - t, time.process_time() - c
    n = len(articles)
    table = Table(title=f"storing {n} analysed articles from {args.source} into {args.db}")
    for col in ("figure", "wall", "CPU"):
        table.add_column(col, justify="left" if col == "figure" else "right")
    table.add_row(f"storing (batches of {args.batch_size}), s", f"{wall:.1f}", f"{cpu:.1f}")
    table.add_row("storing alone, articles/s", f"{n / wall:.0f}", f"{n / cpu:.0f}")
    table.add_row("merge step (duplicates, stories, events), s", f"{merge_wall:.1f}", f"{merge_cpu:.1f}")
    table.add_row("near-duplicates / stories / merged events", f"{summary.duplicates} / {summary.stories}",
                  f"{summary.events}")  # fmt: skip
    table.add_row("database size, MB", f"{args.db.stat().st_size / 1e6:.1f}", "")
    console.print(table)


def cmd_query(args: argparse.Namespace, console: Console) -> None:
    """Events in a 2°x2° box around a stored event's place, in that event's month."""
    rng = random.Random(args.seed)
    with reading(args.db) as conn:
        anchors = conn.execute(
            "SELECT lat, lon, date_from FROM events WHERE lat IS NOT NULL AND date_from BETWEEN ? AND ?",
            [date(2018, 1, 1), date(2018, 12, 31)],
        ).fetchall()
        s = stats(conn)
        filters = []
        for lat, lon, day in rng.sample(anchors, min(args.n, len(anchors))):
            first = day.replace(day=1)
            last = (
                first.replace(month=first.month % 12 + 1, year=first.year + first.month // 12)
            ).toordinal() - 1
            box = (lon - 1, lat - 1, lon + 1, lat + 1)
            filters.append(EventFilter(date_from=first, date_to=date.fromordinal(last), boxes=(box,)))
        timings = {"count": [], "first page (100 events with reports)": []}
        found = []
        for f in filters:
            t = time.perf_counter()
            found.append(count_events(conn, f))
            timings["count"].append(time.perf_counter() - t)
            t = time.perf_counter()
            events(conn, f, limit=100)
            timings["first page (100 events with reports)"].append(time.perf_counter() - t)
    opened = []
    for f in filters[: min(50, len(filters))]:
        t = time.perf_counter()
        with reading(args.db) as conn:
            events(conn, f, limit=100)
        opened.append(time.perf_counter() - t)
    timings["open read-only + first page"] = opened
    table = Table(
        title=f"{len(filters)} bbox-and-month queries over {s.events} events ({s.articles} articles)"
    )
    for col in ("query", "p50 ms", "p99 ms"):
        table.add_column(col, justify="right" if col != "query" else "left")
    for name, values in timings.items():
        q = statistics.quantiles([v * 1000 for v in values], n=100, method="inclusive")
        table.add_row(name, f"{q[49]:.1f}", f"{q[98]:.1f}")
    console.print(table)
    console.print(f"events per query: median {statistics.median(found):.0f}, max {max(found)}")


def _dup_reference(rows: list[dict], window_days: int = 3) -> list[set[str]]:
    """Copy groups by the sentence reference, among pairs sharing an 8-word run within days
    (every pair the reference could call copies shares several)."""
    runs: dict[int, list[int]] = {}
    sents = []
    days = []
    for i, r in enumerate(rows):
        sents.append(sentences(r["text"]))
        days.append(date.fromisoformat(r["published"][:10]).toordinal())
        words = normalize_text(r["text"], ta_marbuta=True).split()
        # A stable hash (Python's own differs per process), so the sample is the same every run.
        grams = {zlib.crc32(" ".join(words[j : j + 8]).encode()) for j in range(max(0, len(words) - 7))}
        for k in grams:
            if k % 4 == 0:  # a sample of runs, the same in every text: shared passages still meet
                runs.setdefault(k, []).append(i)
    candidates = set()
    for ids in runs.values():
        if 1 < len(ids) <= 50:
            for a in ids:
                for b in ids:
                    if a < b and abs(days[a] - days[b]) <= window_days:
                        candidates.add((a, b))
    pairs = [
        (rows[a]["id"], rows[b]["id"]) for a, b in candidates if sentence_jaccard(sents[a], sents[b]) >= 0.5
    ]
    return components(pairs)


def _when(r: dict) -> datetime:
    return datetime.fromisoformat(r["published"])


def _lead_groups(events, reports: int = 3) -> list[set[str]]:
    """Articles sharing a merged event among the first ``reports`` each tells (news puts its
    main event first; a background event named later is shared by unrelated news too)."""
    return [ids for e in events if len(ids := {r.article for r in e.reports if r.index < reports}) > 1]


def cmd_quality(args: argparse.Namespace, console: Console) -> None:
    golds = {split: load_story_gold(args.gold, split) for split in ("dev", "test")}
    rows = _rows(args.corpus)
    n_stories = {k: len(set(g.story_of.values())) for k, g in golds.items()}
    table = Table(title=f"pairwise quality ({len(rows)} articles; gold stories: {n_stories})")
    for col in ("decision", "split", "precision", "recall", "F1", "tp / fp / fn"):
        table.add_column(col, justify="left" if col in ("decision", "split") else "right")

    def add(name: str, sc, split: str = "-") -> None:
        counts = f"{sc.tp} / {sc.fp} / {sc.fn}"
        table.add_row(name, split, f"{sc.precision:.3f}", f"{sc.recall:.3f}", f"{sc.f1:.3f}", counts)

    def add_gold(name: str, groups) -> None:
        groups = [set(g) for g in groups]
        for split, gold in golds.items():
            add(name, score_pairs(group_pairs(groups, set(gold.story_of)), gold), split)

    t = time.perf_counter()
    items = [Item(r["id"], date.fromisoformat(r["published"][:10]), signature(r["text"])) for r in rows]
    dups = find_duplicates(items, texts={r["id"]: r["text"] for r in rows})
    dup_groups = components((d.article, d.original) for d in dups)
    reference = _dup_reference(rows)
    add("near-duplicate (vs sentence reference, whole corpus)", pairwise_groups(dup_groups, reference))
    together = {d.article: d.original for d in dups}
    if args.db is None:
        docs = [StoryDoc(r["id"], _when(r), r["title"], r["text"], r["site"]) for r in rows]
        story_of = cluster_stories(docs, TEXT_ONLY, together=together)
        add_gold("same story (headline and lead words only)", _groups(story_of))
    else:
        with reading(args.db) as conn:
            docs = story_docs(conn)
            reports = load_reports(conn)
        story_of = cluster_stories(docs, together=together)
        add_gold("same story (words, entities, places, main event type)", _groups(story_of))
        merged = merge_reports(reports, story_of)
        shared = ({r.article for r in e.reports} for e in merged)
        add_gold(f"share a merged event ({len(merged)} events)", shared)
        add_gold("share an event among their first three", _lead_groups(merged))
    console.print(table)
    console.print(
        f"near-duplicate groups: {len(dup_groups)} predicted, {len(reference)} in the reference; "
        f"{time.perf_counter() - t:.0f} s"
    )


def _groups(story_of: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for a, s in story_of.items():
        groups.setdefault(s, []).append(a)
    return list(groups.values())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="ingest the whole corpus into a new database, timed")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--corpus", type=Path, default=corpus())
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--batch-size", type=int, default=500)
    p = sub.add_parser("store", help="storing alone: stored articles written again to a new database")
    p.add_argument("--source", type=Path, required=True, help="a database of analysed articles")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--batch-size", type=int, default=500)
    p = sub.add_parser("query", help="latency of events-in-a-box-and-month queries")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("-n", type=int, default=300)
    p.add_argument("--seed", type=int, default=6)
    p = sub.add_parser("quality", help="near-duplicate, story and event merging against the gold")
    p.add_argument("--db", type=Path, default=None, help="a database of the corpus, for event merging")
    p.add_argument("--corpus", type=Path, default=corpus())
    p.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    console = Console(width=150)
    commands = {"ingest": cmd_ingest, "store": cmd_store, "query": cmd_query, "quality": cmd_quality}
    commands[args.command](args, console)


if __name__ == "__main__":
    main()
