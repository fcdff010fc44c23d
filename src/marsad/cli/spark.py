"""`marsad spark`: the same analysis on Apache Spark, Parquet out (needs the ``spark`` extra)."""

from __future__ import annotations

import os
import shutil
from typing import Annotated

import typer
from rich.console import Console

from marsad.cli.analyze import parse_date_option
from marsad.settings import LANGUAGES, Settings

_NO_PYSPARK = "marsad spark needs PySpark: pip install 'marsad[spark]'"
_NO_JAVA = (
    "marsad spark needs a Java runtime (17 or later) on the PATH or in JAVA_HOME, e.g. default-jre-headless"
)


def spark(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders or glob patterns; local paths or hdfs://, s3a:// URIs."),
    ],
    out: Annotated[str, typer.Option("--out", help="Output folder (must not exist, or be empty).")],
    master: Annotated[
        str | None,
        typer.Option(help="Spark master, e.g. local[*] or yarn; default: spark-submit's, else local[*]."),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles that carry none.")
    ] = None,
    lang: Annotated[str, typer.Option(help="auto, ar or en.")] = "auto",
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Partitions to analyze in; default: cores or files, the larger.")
    ] = None,
) -> None:
    """Analyze articles on Spark: Parquet in OUT/articles, events, claims, merged; failures in OUT/failed."""
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"{lang!r}: choose one of {', '.join(LANGUAGES)}", param_hint="--lang")
    settings = Settings(published=parse_date_option(published), lang=lang)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        from marsad.pipeline import Pipeline
        from marsad.scale.job import OutputExists, run_job
        from marsad.scale.session import make_session, under_spark_submit
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] in ("pyspark", "py4j"):
            err.print(f"marsad: {_NO_PYSPARK}", markup=False)
            raise typer.Exit(2) from None
        raise
    if not under_spark_submit() and not shutil.which("java") and not _java_home():
        err.print(f"marsad: {_NO_JAVA}", markup=False)
        raise typer.Exit(2)
    session = make_session(master or None)
    try:
        result = run_job(session, inputs, out, pipeline=Pipeline(settings), partitions=partitions)
    except OutputExists as exc:
        raise typer.BadParameter(str(exc), param_hint="--out") from None
    for failure in result.failures:
        err.print(f"marsad: {failure.origin}: {failure.reason}", markup=False)
    if result.failed > len(result.failures):
        err.print(
            f"marsad: ... and {result.failed - len(result.failures)} more, listed in {out}/failed",
            markup=False,
        )
    err.print(
        f"marsad: {result.articles} articles, {result.events} events, {result.claims} claims, "
        f"{result.merged} merged events written to {result.out}; {result.failed} inputs failed",
        style="dim",
        markup=False,
    )
    if result.failed:
        raise typer.Exit(1)


def _java_home() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(home) and os.path.isfile(os.path.join(home, "bin", "java"))


def register(app: typer.Typer) -> None:
    app.command("spark")(spark)
