import json

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


def test_eval_time_scores_timeml_spans_strict_and_relaxed(tmp_path):
    text = "وصل الوفد يوم 15 سبتمبر 2015 وبقي ثلاثة أيام."
    doc = {
        "doc": "doc1",
        "text": text,
        "timex3": [
            {"start": text.index("15"), "end": text.index(" وبقي"), "type": "DATE", "value": "2015-09-15"},
            {"start": text.index("ثلاثة"), "end": text.index("."), "type": "DURATION", "value": "P3D"},
        ],
    }
    path = tmp_path / "timex3_spans.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["eval", "time", "--timeml", str(path)])
    assert result.exit_code == 0, result.output
    assert "all 2 TIMEX3, 1 predicted" in result.output
    assert "relaxed (overlapping): precision 100.0%, recall 50.0%" in result.output
    assert "DURATION (1): recall strict 0.0%, relaxed 0.0%" in result.output
    skipped = CliRunner().invoke(_app(), ["eval", "time", "--no-heideltime", "--timeml", str(path)])
    assert "TIMEX3" not in skipped.output
