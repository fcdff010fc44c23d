"""The `eval events` commands are registered and run."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from marsad.cli.events_eval import register_eval


def _app() -> typer.Typer:
    app = typer.Typer()
    eval_app = typer.Typer()
    app.add_typer(eval_app, name="eval")
    register_eval(eval_app)
    return app


def test_commands_are_listed():
    result = CliRunner().invoke(_app(), ["eval", "events", "--help"])
    assert result.exit_code == 0
    for command in ("petrarch", "annotated", "negatives", "speed"):
        assert command in result.output


def test_negatives_runs_and_finds_nothing_asserted():
    result = CliRunner().invoke(_app(), ["eval", "events", "negatives"])
    assert result.exit_code == 0, result.output
    assert ", 0 asserted" in result.output


def test_a_missing_gold_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(_app(), ["eval", "events", "negatives", "--gold", str(tmp_path / "none.txt")])
    assert result.exit_code == 2
