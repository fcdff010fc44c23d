import typer
from typer.testing import CliRunner

from marsad.cli.resolve_eval import register_eval


def _app() -> typer.Typer:
    app = typer.Typer()
    eval_app = typer.Typer()
    register_eval(eval_app)
    app.add_typer(eval_app, name="eval")
    return app


def test_eval_quantity_prints_exactness():
    result = CliRunner().invoke(_app(), ["eval", "quantity"])
    assert result.exit_code == 0, result.output
    assert "exactly right" in result.output
    assert "quantities" in result.output


def test_eval_time_without_timeml_still_scores_the_gold(tmp_path):
    result = CliRunner().invoke(_app(), ["eval", "time", "--timeml", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 0, result.output
    assert "exactly right (span and interval)" in result.output


def test_a_missing_gold_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(_app(), ["eval", "quantity", "--gold", str(tmp_path / "none.json")])
    assert result.exit_code == 2
