"""``marsad eval time`` and ``marsad eval quantity``: exactness figures of the two resolvers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from marsad.settings import shared_data_dir

_REPO = Path(__file__).resolve().parents[3]
_TIME_GOLD = _REPO / "tests" / "time" / "gold_ant_dev.json"
_QUANTITY_GOLD = _REPO / "tests" / "quantity" / "gold_ant_dev.json"


def _shared_data() -> Path:
    return shared_data_dir(_REPO)


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        typer.echo(f"error: {what} not found at {path}; pass its path explicitly", err=True)
        raise typer.Exit(2)
    return path


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def eval_time(
    gold: Annotated[Path, typer.Option(help="Hand-checked gold (JSON records).")] = _TIME_GOLD,
    heideltime: Annotated[
        bool,
        typer.Option(
            "--heideltime/--no-heideltime",
            help="Also score spans against heideltime_arabic_news (TIMEX3, silver; from the shared data).",
        ),
    ] = True,
    timeml: Annotated[
        Path | None,
        typer.Option(help="timex3_spans.jsonl of heideltime_arabic_news (default: the shared data folder)."),
    ] = None,
    published: Annotated[
        str, typer.Option(help="Date taken as the TimeML documents' publication date (they carry none).")
    ] = "2015-12-24",
) -> None:
    """Exact-span and exact-interval rates of temporal expressions; span recall and precision on TimeML."""
    from marsad.time.evaluate import load_gold, score_gold, score_timeml
    from marsad.time.resolve import load_time_rules

    rules = load_time_rules()
    s = score_gold(load_gold(_require(gold, "the time gold")), rules=rules)
    typer.echo(f"gold ({gold.name}): {s.gold} expressions, {s.predicted} predicted")
    typer.echo(f"  exact span: recall {_pct(s.span_recall)}, precision {_pct(s.span_precision)}")
    typer.echo(f"  exactly right (span and interval): {_pct(s.exact)}")
    if not heideltime:
        return
    path = timeml or _shared_data() / "heideltime_arabic_news" / "timex3_spans.jsonl"
    if not path.exists():
        typer.echo(f"TimeML: skipped, {path} not found", err=True)
        return
    t = score_timeml(path, published=date.fromisoformat(published), rules=rules)
    typer.echo(f"TimeML silver ({path.parent.name}, all {t.gold} TIMEX3, {t.predicted} predicted)")
    for name, (p, r, f) in (("strict (same span)", t.strict), ("relaxed (overlapping)", t.relaxed)):
        typer.echo(f"  {name}: precision {_pct(p)}, recall {_pct(r)}, F1 {_pct(f)}")
    for kind, c in t.by_type.items():
        typer.echo(
            f"  {kind} ({c.gold}): recall strict {_pct(c.exact / c.gold)}, relaxed {_pct(c.overlap / c.gold)}"
        )
    n = max(1, t.calendar_gold)
    typer.echo(
        f"  calendar DATE/TIME ({t.calendar_gold}): exact span {_pct(t.calendar_exact / n)}, "
        f"and same interval {_pct(t.calendar_value / n)}"
    )


def eval_quantity(
    gold: Annotated[Path, typer.Option(help="Hand-checked gold (JSON records).")] = _QUANTITY_GOLD,
) -> None:
    """Exact-span and exact-value rates of quantities."""
    from marsad.quantity.evaluate import load_gold, score_gold

    s = score_gold(load_gold(_require(gold, "the quantity gold")))
    typer.echo(f"gold ({gold.name}): {s.gold} quantities, {s.predicted} predicted")
    typer.echo(f"  exact span: recall {_pct(s.span_recall)}, precision {_pct(s.span_precision)}")
    typer.echo(f"  exact span and value/low/high: {_pct(s.numbers_exact)}")
    typer.echo(f"  exactly right (span and every field, unit and currency too): {_pct(s.exact)}")


def register_eval(eval_app: typer.Typer) -> None:
    """Add ``time`` and ``quantity`` to the ``marsad eval`` sub-app."""
    eval_app.command("time")(eval_time)
    eval_app.command("quantity")(eval_quantity)


def register(app: typer.Typer) -> None:
    """Add an ``eval`` sub-app holding these commands to ``app`` (when it has none yet)."""
    eval_app = typer.Typer(help="Evaluation figures of the analysis stages.", no_args_is_help=True)
    register_eval(eval_app)
    app.add_typer(eval_app, name="eval")
