"""`marsad gazetteer build|import` and `marsad eval geo`."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer

from marsad.geo.build import build_gazetteer, dumps_counts
from marsad.geo.dump import DumpError, import_geonames
from marsad.geo.gazetteer import default_index_path, load_gazetteer, save_gazetteer
from marsad.settings import shared_data_dir

IndexOption = Annotated[
    Path | None, typer.Option("--index", help="Index file (default: the user cache directory).")
]


def _default_corpus() -> Path:
    shared = shared_data_dir()
    return shared / "ant_news_ar" / "ant_news_ar.jsonl.gz"


def build(index: IndexOption = None) -> None:
    """Build the place index from the packaged GeoNames extracts and Marsad's tables."""
    started = time.perf_counter()
    gazetteer = build_gazetteer()
    path = save_gazetteer(gazetteer, index or default_index_path())
    typer.echo(dumps_counts(gazetteer))
    typer.echo(f"built in {time.perf_counter() - started:.1f} s: {path}", err=True)


def import_(
    files: Annotated[
        list[Path], typer.Argument(help="GeoNames allCountries/cities1000/XX .zip or .txt, alternateNamesV2")
    ],
    index: IndexOption = None,
) -> None:
    """Add the places and Arabic names of full GeoNames dumps (downloaded by you) to the index."""
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        typer.echo(f"error: no such file: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    path = index or default_index_path()
    try:
        merged, report = import_geonames(files, load_gazetteer(path))
    except (DumpError, OSError, UnicodeDecodeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    save_gazetteer(merged, path)
    typer.echo(report.summary())


def eval_geo(
    gold: Annotated[Path, typer.Option(help="Gold toponym mentions (JSON).")] = Path(
        "tests/geo/gold_places.json"
    ),
    corpus: Annotated[
        Path | None, typer.Option(help="The articles' JSON Lines corpus (default: ant_news_ar).")
    ] = None,
    index: IndexOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="All figures as one JSON object.")] = False,
) -> None:
    """Toponyms found (recall), precision, exact GeoNames ids and accuracy within 161 km on the gold set."""
    from marsad.geo.evaluate import evaluate

    corpus = corpus or _default_corpus()
    for path in (gold, corpus):
        if not path.is_file():
            typer.echo(f"error: {path} not found", err=True)
            raise typer.Exit(2)
    scores = evaluate(gold, corpus, gazetteer=load_gazetteer(index))
    for problem in scores.errors:
        typer.echo(f"warning: {problem}", err=True)
    figures = scores.as_dict()
    if as_json:
        typer.echo(json.dumps(figures, indent=2))
        return
    typer.echo(f"gold ({gold.name}): {scores.gold} toponyms, {scores.predicted} places predicted")
    typer.echo(f"  toponyms found (recall): {_pct(scores.recall)}   precision: {_pct(scores.precision)}")
    typer.echo(
        f"  exact GeoNames id: {_pct(figures['exact_id_of_found'])} of found"
        f"   right level: {_pct(figures['level_of_found'])} of found"
    )
    typer.echo(
        f"  Acc@161 km: {_pct(figures['acc@161km_of_found'])} of found, "
        f"{_pct(figures['acc@161km_of_gold'])} of all gold toponyms"
    )
    typer.echo(f"  Acc@25 km: {_pct(figures['acc@25km_of_found'])} of found")


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def register(app: typer.Typer) -> None:
    """Add ``marsad gazetteer build`` and ``marsad gazetteer import``."""
    sub = typer.Typer(help="Build or extend the embedded place index.", no_args_is_help=True)
    sub.command("build")(build)
    sub.command("import")(import_)
    app.add_typer(sub, name="gazetteer")


def register_eval(eval_app: typer.Typer) -> None:
    """Add ``marsad eval geo``."""
    eval_app.command("geo")(eval_geo)
