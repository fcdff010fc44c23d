"""`marsad serve`: its options, the token from the environment, a clear error without a store."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from marsad.cli import serve as serve_module
from tests.api.corpus import build_store


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()
    serve_module.register(app)

    @app.command()
    def other() -> None:  # a second command, so `serve` is invoked by name as under `marsad`
        """Unused."""

    return app


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> dict:
    seen: dict = {}

    def fake_run(app, **kwargs) -> None:
        seen.update(kwargs, app=app)

    monkeypatch.setattr("uvicorn.run", fake_run)
    return seen


def test_help_lists_the_options(cli: typer.Typer) -> None:
    out = CliRunner().invoke(cli, ["serve", "--help"], env={"COLUMNS": "200"}).output
    for option in ("--db", "--host", "--port", "--token", "MARSAD_TOKEN", "--tiles"):
        assert option in out


def test_serves_read_only_on_localhost_by_default(cli: typer.Typer, started: dict, tmp_path: Path) -> None:
    db = build_store(tmp_path / "m.duckdb")
    result = CliRunner().invoke(cli, ["serve", "--db", str(db)], env={"MARSAD_TOKEN": ""})
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8321)
    assert started["app"].state.token is None
    assert "read-only" in result.output
    started["app"].state.store.close()


def test_token_from_the_environment(cli: typer.Typer, started: dict, tmp_path: Path) -> None:
    db = build_store(tmp_path / "m.duckdb")
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(db), "--port", "9000"], env={"MARSAD_TOKEN": "t0k"}
    )
    assert result.exit_code == 0, result.output
    assert started["port"] == 9000
    assert started["app"].state.token == "t0k"
    started["app"].state.store.close()


def test_a_missing_database_says_what_to_do(cli: typer.Typer, started: dict, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(tmp_path / "none.duckdb")], env={"MARSAD_TOKEN": ""}
    )
    assert result.exit_code == 1
    assert "marsad ingest" in result.output
    assert started == {}
