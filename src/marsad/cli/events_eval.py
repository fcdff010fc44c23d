"""``marsad eval events ...``: the event stage's figures on the gold sets and its speed.

- ``petrarch``: the UniversalPetrarch Arabic gold standard (``--split dev`` to develop,
  ``test`` to report once);
- ``annotated``: the project's own annotated ant_news_ar articles (``docs/annotation.md``);
- ``negatives``: sentences where nothing happened (wishes, conditionals, denials, plans,
  idioms): how many asserted events are wrongly found;
- ``speed``: articles per second of the event stage, and of all stages, on ant_news_ar.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer

from marsad.article import Article
from marsad.settings import shared_data_dir

_REPO = Path(__file__).resolve().parents[3]
_GOLD = _REPO / "tests" / "events" / "gold"


def _shared_data() -> Path:
    return shared_data_dir(_REPO)


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        typer.echo(f"error: {what} not found at {path}; pass its path explicitly", err=True)
        raise typer.Exit(2)
    return path


def _analyzer(*, earlier: bool = True) -> Callable[[Article], Article]:
    """The stages before ``events`` (or only ``segment``), then the event stage."""
    from marsad.events import extract_events, load_event_lexicon
    from marsad.pipeline import STAGE_NAMES, Pipeline
    from marsad.settings import Settings

    names = [n for n in STAGE_NAMES if n != "events"] if earlier else ["segment"]
    pipeline = Pipeline(Settings(), names)
    lexicon = load_event_lexicon()
    return lambda article: extract_events(pipeline.run(article), lexicon=lexicon)


def _ant_articles(path: Path, ids: set[str] | None = None) -> Iterator[Article]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if ids is not None and d["id"] not in ids:
                continue
            yield Article(
                id=d["id"],
                text=d["text"],
                origin=f"{path.name}:{d['id']}",
                url=d.get("url"),
                site=d.get("site"),
                title=d.get("title"),
                published=date.fromisoformat(d["published"][:10]),
                language="ar",
            )


def eval_petrarch(
    split: Annotated[str, typer.Option(help="dev (to develop on) or test (evaluation only).")] = "dev",
    data: Annotated[
        Path | None, typer.Option(help="The gold_standard folder of universalpetrarch_arabic.")
    ] = None,
    segment_only: Annotated[bool, typer.Option(help="Run only segmentation before the event stage.")] = False,
) -> None:
    """Trigger, actor and extra-event figures on the UniversalPetrarch Arabic gold standard."""
    from marsad.events.evaluate import read_jsonl, score_petrarch

    folder = data or _shared_data() / "universalpetrarch_arabic" / "gold_standard"
    records = read_jsonl(_require(folder / f"{split}.jsonl.gz", "the UniversalPetrarch gold standard"))
    run = _analyzer(earlier=not segment_only)

    def analyze(record: dict) -> Article:
        return run(
            Article(
                id=record["id"],
                text=record["text"],
                origin=f"petrarch:{record['id']}",
                published=date.fromisoformat(record["published"]),
                language="ar",
            )
        )

    typer.echo(f"UniversalPetrarch Arabic gold standard, {split}")
    for line in score_petrarch(records, analyze).lines():
        typer.echo(f"  {line}")


def eval_annotated(
    gold: Annotated[Path, typer.Option(help="Annotated articles (JSON).")] = _GOLD / "ant_dev.json",
    corpus: Annotated[
        Path | None, typer.Option(help="ant_news_ar.jsonl.gz (default: the shared data).")
    ] = None,
    split: Annotated[
        str, typer.Option(help="tune (the half the stage was tuned on), heldout, or all.")
    ] = "all",
) -> None:
    """Precision and recall by type, modality and source accuracy, and whole-record accuracy."""
    from marsad.events.evaluate import AnnotatedScores, score_article, text_sha

    spec = json.loads(_require(gold, "the annotated gold").read_text(encoding="utf-8"))
    wanted = {a["id"]: a for a in spec["articles"] if split == "all" or a.get("split") == split}
    path = _require(corpus or _shared_data() / "ant_news_ar" / "ant_news_ar.jsonl.gz", "ant_news_ar")
    run = _analyzer()
    scores = AnnotatedScores()
    for article in _ant_articles(path, set(wanted)):
        entry = wanted[article.id]
        if text_sha(article.text) != entry["sha256"]:
            typer.echo(f"warning: {article.id}: the text differs from the annotated one, skipped", err=True)
            continue
        score_article(run(article), entry["events"], scores)
    typer.echo(f"annotated ant_news_ar articles ({gold.name}, split {split})")
    for line in scores.lines():
        typer.echo(f"  {line}")


def eval_negatives(
    gold: Annotated[Path, typer.Option(help="Sentences with no asserted event, one a line.")] = (
        _GOLD / "negatives.txt"
    ),
) -> None:
    """Asserted events wrongly found in sentences where nothing happened."""
    run = _analyzer()
    lines = [x for x in _require(gold, "the negative set").read_text(encoding="utf-8").splitlines()]
    sentences = [x for x in lines if x.strip() and not x.startswith("#")]
    wrong = []
    found = 0
    for n, text in enumerate(sentences):
        article = run(
            Article(id=f"n{n}", text=text, origin="negatives", published=date(2018, 6, 4), language="ar")
        )
        found += len(article.events)
        wrong += [
            (text, article.text[e.trigger_start : e.trigger_end], e.type)
            for e in article.events
            if e.modality == "asserted"
        ]
    typer.echo(f"negative set: {len(sentences)} sentences, {found} events found, {len(wrong)} asserted")
    for text, trigger, type_ in wrong:
        typer.echo(f"  asserted {type_} «{trigger}»: {text}")


def eval_speed(
    corpus: Annotated[
        Path | None, typer.Option(help="ant_news_ar.jsonl.gz (default: the shared data).")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many articles.")] = 2000,
) -> None:
    """Articles per second of the event stage alone and of all stages, on one core."""
    from marsad.events import extract_events, load_event_lexicon
    from marsad.pipeline import STAGE_NAMES, Pipeline
    from marsad.settings import Settings

    path = _require(corpus or _shared_data() / "ant_news_ar" / "ant_news_ar.jsonl.gz", "ant_news_ar")
    articles = list(islice(_ant_articles(path), limit))
    pipeline = Pipeline(Settings(), [n for n in STAGE_NAMES if n != "events"])
    lexicon = load_event_lexicon()
    pipeline.run(articles[0])  # load the models before the clock starts
    # CPU time of this process: what one core does, whatever else the machine is running.
    start = time.process_time()
    ready = [pipeline.run(a) for a in articles]
    earlier = time.process_time() - start
    start = time.process_time()
    done = [extract_events(a, lexicon=lexicon) for a in ready]
    stage = time.process_time() - start
    events = sum(len(a.events) for a in done)
    n = len(articles)
    names = ", ".join(stage.name for stage in pipeline.stages)
    typer.echo(f"{n} articles of {path.name}, {events} events (CPU seconds of one process)")
    typer.echo(f"  event stage: {stage:.2f} s, {n / stage:,.0f} articles/s")
    typer.echo(f"  stages before it ({names}): {earlier:.2f} s, {n / earlier:,.0f} articles/s")
    typer.echo(f"  all stages: {earlier + stage:.2f} s, {n / (earlier + stage):,.0f} articles/s")


def register_eval(eval_app: typer.Typer) -> None:
    """Adds ``eval events`` with its four commands."""
    events_app = typer.Typer(help="Event extraction: gold figures and speed.", no_args_is_help=True)
    events_app.command("petrarch")(eval_petrarch)
    events_app.command("annotated")(eval_annotated)
    events_app.command("negatives")(eval_negatives)
    events_app.command("speed")(eval_speed)
    eval_app.add_typer(events_app, name="events")
