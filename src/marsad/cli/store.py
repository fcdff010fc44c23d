"""`marsad ingest` and `marsad export`: the store from the command line."""

from __future__ import annotations

import itertools
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from marsad.article import Article
from marsad.cli.analyze import parse_date_option
from marsad.cli.progress import counter, stderr_console
from marsad.export.writers import FORMATS, TEXT_FORMATS, write_csv, write_geojson, write_jsonl, write_parquet
from marsad.ingest.feeds import read_feed_list, read_feeds
from marsad.ingest.read import read_paths
from marsad.ingest.records import ReadFailure
from marsad.pipeline import Pipeline
from marsad.settings import LANGUAGES, Settings
from marsad.store.connection import StoreError, default_db_path, reading
from marsad.store.ingest import Ingest, IngestSummary
from marsad.store.queries import EventFilter, iter_events

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Database file (default: $MARSAD_DB, else $XDG_DATA_HOME/marsad/marsad.duckdb).",
        show_default=False,
    ),
]


def _fail(err: Console, exc: StoreError) -> typer.Exit:
    err.print(f"marsad: {exc}", markup=False)
    return typer.Exit(1)


def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (walked) or - for standard input.", show_default=False),
    ] = None,
    db: DbOption = None,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", help="An RSS or Atom feed URL (repeatable).", show_default=False),
    ] = None,
    feeds: Annotated[
        Path | None, typer.Option("--feeds", help="A file of feed URLs, one per line.", show_default=False)
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles that carry none.")
    ] = None,
    lang: Annotated[str, typer.Option(help="auto, ar or en.")] = "auto",
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a feed or page.")] = 15.0,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.", min=1)] = 200,
) -> None:
    """Analyze articles and store them. Safe to re-run, or to run again after it was killed:
    an article already stored is skipped. With no inputs, only upgrades the database and
    brings its merged events up to date."""
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"{lang!r}: choose one of {', '.join(LANGUAGES)}", param_hint="--lang")
    feed_urls = list(feed or [])
    if feeds is not None:
        try:
            feed_urls.extend(read_feed_list(feeds))
        except OSError as exc:
            raise typer.BadParameter(f"cannot read {feeds}: {exc.strerror}", param_hint="--feeds") from None
    settings = Settings(published=parse_date_option(published), lang=lang)
    err = stderr_console()
    path = db or default_db_path()
    fields = "{task.fields[new]} new · {task.fields[dup]} duplicate · {task.fields[failed]} failed"
    progress = counter("ingesting", fields, err)
    task = progress.add_task("ingest", total=None, new=0, dup=0, failed=0)

    def on_result(status: str, item: Article | ReadFailure | str) -> None:
        if isinstance(item, ReadFailure):
            progress.console.print(f"marsad: {item.origin}: {item.reason}", markup=False)
        s = run.summary
        progress.update(task, advance=1, new=s.new + run.pending, dup=s.duplicate, failed=s.failed)

    try:
        with Ingest(path, Pipeline(settings), batch_size=batch_size, on_result=on_result) as run, progress:
            stdin = sys.stdin.buffer if paths and "-" in paths else None
            docs = itertools.chain(
                read_paths(paths or [], stdin=stdin),
                read_feeds(feed_urls, timeout=timeout, skip=run.stored_url, on_skip=run.already_stored),
            )
            for doc in docs:
                run.add(doc)
            progress.update(task, description="merging")
            run.finish()
            summary = run.summary
    except StoreError as exc:
        raise _fail(err, exc) from None
    _print_summary(err, path, summary)
    if summary.failed:
        raise typer.Exit(1)


def _print_summary(err: Console, path: Path, s: IngestSummary) -> None:
    err.print(f"marsad: {path}: read {s.read}, new {s.new}, duplicate {s.duplicate}, failed {s.failed}")
    if r := s.refreshed:
        err.print(
            f"marsad: {r.articles} articles stored: {r.duplicates} near-duplicates, {r.stories} stories, "
            f"{r.events} merged events from {r.reports} reports",
            style="dim",
        )


def _bbox(value: str | None) -> tuple[tuple[float, float, float, float], ...]:
    if not value:
        return ()
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise typer.BadParameter(f"{value!r}: expected four numbers W,S,E,N", param_hint="--bbox") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise typer.BadParameter(f"{value!r}: not a box in degrees (W,S,E,N)", param_hint="--bbox")
    return ((west, south, east, north),)


def export(
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, geojson or parquet.")],
    db: DbOption = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: standard output).")
    ] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day, inclusive (YYYY-MM-DD).")] = None,
    type_: Annotated[
        list[str] | None, typer.Option("--type", help="Event type, e.g. ASSAULT (repeatable).")
    ] = None,
    country: Annotated[list[str] | None, typer.Option(help="ISO country code, e.g. SY (repeatable).")] = None,
    modality: Annotated[list[str] | None, typer.Option(help="Modality, e.g. asserted (repeatable).")] = None,
    bbox: Annotated[
        str | None, typer.Option(help="W,S,E,N in degrees; W > E crosses the antimeridian.")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Actor: a canonical id or words of its name.")] = None,
) -> None:
    """Merged events, one per row or line, with every report and claim as provenance."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: choose one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt not in TEXT_FORMATS and output is None:
        raise typer.BadParameter("parquet is binary: name a file with -o", param_hint="--format")
    first: date | None = parse_date_option(date_from)
    last: date | None = parse_date_option(date_to)
    if first and last and first > last:
        raise typer.BadParameter(f"--from {first} is after --to {last}")
    filters = EventFilter(
        date_from=first,
        date_to=last,
        types=tuple(t.upper() for t in type_ or ()),
        modalities=tuple(m.lower() for m in modality or ()),
        countries=tuple(c.upper() for c in country or ()),
        boxes=_bbox(bbox),
        actor=actor,
    )
    err = stderr_console()
    try:
        with reading(db) as conn:
            events = iter_events(conn, filters)
            if fmt == "parquet":
                n = write_parquet(events, output)  # type: ignore[arg-type]
                err.print(f"marsad: {n} events written to {output}", style="dim")
                return
            out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                if fmt == "csv":
                    n = write_csv(events, out)
                elif fmt == "jsonl":
                    n = write_jsonl(events, out)
                else:
                    n, skipped = write_geojson(events, out)
                    if skipped:
                        err.print(f"marsad: {skipped} events without coordinates left out", style="dim")
            finally:
                if output:
                    out.close()
                else:
                    out.flush()
    except StoreError as exc:
        raise _fail(err, exc) from None
    err.print(f"marsad: {n} events", style="dim")


def register(app: typer.Typer) -> None:
    """Add ``ingest`` and ``export`` to the ``marsad`` command."""
    app.command()(ingest)
    app.command()(export)
