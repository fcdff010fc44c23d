"""`marsad train vocabulary`: rebuild the shipped word frequencies used for clitic splitting."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Annotated

import typer

from marsad.nlp.vocabulary import count_words, write_vocabulary
from marsad.settings import shared_data_dir

PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"


def train_vocabulary(
    corpus: Annotated[
        Path | None,
        typer.Option(help="JSON Lines (optionally gzip) of articles with `text` [default: ant_news_ar]."),
    ] = None,
    out: Annotated[Path, typer.Option(help="Output folder.")] = PACKAGE_DATA / "vocabulary",
    min_count: Annotated[int, typer.Option(help="Keep words seen at least this often.")] = 3,
) -> None:
    """Count normalised Arabic word forms in a corpus and write the word list and its manifest."""
    corpus = corpus or shared_data_dir() / "ant_news_ar" / "ant_news_ar.jsonl.gz"
    if not corpus.is_file():
        raise typer.BadParameter(f"{corpus} does not exist", param_hint="--corpus")
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as lines:
        texts = (json.loads(line).get("text") or "" for line in lines if line.strip())
        path = write_vocabulary(count_words(texts), out, min_count=min_count, source=corpus.name)
    typer.echo(f"wrote {path}")
