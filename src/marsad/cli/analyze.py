"""`marsad analyze`: read articles, run the pipeline, write one result per article."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer

from marsad.cli.output import FORMATS, make_writer
from marsad.cli.progress import counter, stderr_console
from marsad.ingest.read import read_paths
from marsad.ingest.records import ReadFailure
from marsad.pipeline import Pipeline
from marsad.settings import LANGUAGES, Settings


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date as YYYY-MM-DD") from None


def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (walked) or - for standard input.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles that carry none.")
    ] = None,
    lang: Annotated[str, typer.Option(help="auto, ar or en.")] = "auto",
    fmt: Annotated[str, typer.Option("--format", help="jsonl, pretty or html.")] = "jsonl",
) -> None:
    """Analyze articles: one JSON object per article on standard output (jsonl), or a summary."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: choose one of {', '.join(FORMATS)}", param_hint="--format")
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"{lang!r}: choose one of {', '.join(LANGUAGES)}", param_hint="--lang")
    settings = Settings(published=parse_date_option(published), lang=lang)
    pipeline = Pipeline(settings)
    err = stderr_console()
    writer = make_writer(fmt, sys.stdout)
    failed = done = 0
    progress = counter("analyzing", "{task.fields[failed]} failed", err)
    with progress:
        task = progress.add_task("analyze", total=None, failed=0)
        stdin = sys.stdin.buffer if "-" in paths else None
        for result in pipeline.analyze_all(read_paths(paths, stdin=stdin)):
            if isinstance(result, ReadFailure):
                failed += 1
                err.print(f"marsad: {result.origin}: {result.reason}", markup=False)
            else:
                done += 1
                writer.write(result)
            progress.update(task, advance=1, failed=failed)
    writer.close()
    err.print(f"marsad: {done} articles analyzed, {failed} inputs failed", style="dim")
    if failed:
        raise typer.Exit(1)
