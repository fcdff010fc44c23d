"""The `marsad` command: one Typer app, one module per command family."""

from __future__ import annotations

import sys

import typer

from marsad import __version__
from marsad.cli import events_eval, gazetteer, ner, resolve_eval, serve, spark, store
from marsad.cli.analyze import analyze
from marsad.cli.train import train_vocabulary

app = typer.Typer(
    name="marsad",
    help="Arabic and English news into structured, geocoded, source-attributed event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
train_app = typer.Typer(help="Rebuild the shipped models from the data sets.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure a stage against gold data.", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")

app.command()(analyze)
store.register(app)
serve.register(app)
spark.register(app)
train_app.command("vocabulary")(train_vocabulary)
gazetteer.register(app)
ner.register(app)
gazetteer.register_eval(eval_app)
resolve_eval.register_eval(eval_app)
events_eval.register_eval(eval_app)


def _version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Arabic and English news into structured, geocoded, source-attributed event data."""


def main() -> None:
    """Entry point: usage errors exit 2, an interrupted run 130, a closed pipe quietly."""
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
