"""`marsad serve`: the HTTP API and the web page, in one process (uvicorn)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def serve(
    db: Annotated[
        Path | None, typer.Option("--db", help="Database file (default: the user data folder).")
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8321,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="MARSAD_TOKEN",
            help="Bearer token that POST /api/articles requires; without one the server is read-only.",
            show_envvar=True,
        ),
    ] = None,
    tiles: Annotated[
        str | None,
        typer.Option(
            envvar="MARSAD_TILE_URL",
            help="Map tile URL template ({z}/{x}/{y}) for a background with internet; "
            "without it the page uses the bundled country shapes.",
        ),
    ] = None,
) -> None:
    """Serve the API (OpenAPI at /docs) and the analyst's page with map, timeline and evidence."""
    import uvicorn

    from marsad.api.app import create_app
    from marsad.settings import Settings
    from marsad.store import StoreError

    try:
        app = create_app(db=db, token=token or None, settings=Settings(), tile_url=tiles)
    except (StoreError, ValueError) as exc:
        typer.echo(f"marsad: {exc}", err=True)
        raise typer.Exit(1) from None
    mode = "read-write (POST /api/articles needs the token)" if token else "read-only"
    typer.echo(f"marsad: serving {app.state.db} {mode} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False, server_header=False)


def register(app: typer.Typer) -> None:
    app.command()(serve)
