from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from marsad.cli.ner import register

CONLL = (
    "وقال\tO\nالرئيس\tO\nحسني\tB-PERS\nمبارك\tI-PERS\nفي\tO\nالقاهرة\tB-LOC\n.\tO\n\n"
    "زار\tO\nبغداد\tB-LOC\n.\tO\n"
)


@pytest.fixture()
def app() -> typer.Typer:
    app = typer.Typer()

    @app.command("version")
    def version() -> None:  # a second command so that typer keeps sub-command names
        typer.echo("0")

    register(app)
    return app


def test_tag_prints_token_gold_predicted_and_keeps_blank_lines(app, tmp_path: Path) -> None:
    path = tmp_path / "in.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(app, ["tag", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.split("\n")
    assert lines[7] == "" and lines[11] == ""
    rows = [line.split("\t") for line in lines if line]
    assert len(rows) == 10 and all(len(r) == 3 for r in rows)
    assert rows[5] == ["القاهرة", "B-LOC", "B-LOC"]


def test_tag_without_a_tag_column_prints_o_as_gold(app, tmp_path: Path) -> None:
    path = tmp_path / "in.conll"
    path.write_text("زار\nبغداد\n.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["tag", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "بغداد\tO\tB-LOC"


def test_eval_ner_prints_scores_per_type_and_micro(app, tmp_path: Path) -> None:
    path = tmp_path / "in.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split() == ["type", "P", "R", "F1", "gold", "pred"]
    assert any(line.startswith("micro") for line in result.stdout.splitlines())


def test_eval_without_gold_is_a_usage_error(app, tmp_path: Path) -> None:
    path = tmp_path / "in.conll"
    path.write_text("زار\nبغداد\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["eval", "ner", str(path)]).exit_code == 2


def test_train_without_data_is_a_usage_error(app, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "ner", "--data", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "train.conll" in result.output


def test_register_reuses_an_existing_group(app) -> None:
    register(app)
    assert [g.name for g in app.registered_groups].count("train") == 1


def test_train_clusters_without_a_corpus_is_a_usage_error(app, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "clusters", "--corpus", str(tmp_path / "none.jsonl.gz")])
    assert result.exit_code == 2
