"""`marsad spark` refuses what it cannot run with a usage error (2) that says what to do."""

from __future__ import annotations

import sys

import typer
from typer.testing import CliRunner

from marsad.cli.spark import register

runner = CliRunner()


def run(*args: str):
    app = typer.Typer()
    app.callback()(lambda: None)
    register(app)
    return runner.invoke(app, ["spark", *args])


def test_unknown_language_is_a_usage_error(tmp_path):
    result = run(str(tmp_path), "--out", str(tmp_path / "out"), "--lang", "fr")
    assert result.exit_code == 2
    assert "auto, ar, en" in result.stderr


def test_without_java_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    result = run(str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "Java runtime" in result.stderr
    assert not (tmp_path / "out").exists()


def test_without_pyspark_names_the_extra(tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "pyspark" or m.startswith(("pyspark.", "marsad.scale"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now fails
    result = run(str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "marsad[spark]" in result.stderr
