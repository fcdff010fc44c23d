"""``marsad train ner``, ``marsad tag FILE.conll`` and ``marsad eval ner FILE.conll``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from marsad.nlp.ner import evaluate, format_scores, load_ner_model, read_conll, train_ner
from marsad.nlp.ner.clusters import build_clusters, corpus_sentences
from marsad.nlp.ner.model import CLUSTERS_FILE, shipped_model_dir
from marsad.settings import shared_data_dir

ModelOption = Annotated[
    Path | None, typer.Option("--model", help="Model directory (default: the one shipped with marsad).")
]
ConllArgument = Annotated[
    Path,
    typer.Argument(exists=True, dir_okay=False, help="token<TAB>tag lines, a blank line between sentences."),
]


def _default_data() -> Path:
    return shared_data_dir() / "anercorp"


def train_ner_command(
    data: Annotated[
        Path | None,
        typer.Option(help="Folder with train.conll and dev.conll [default: ../shared/data/anercorp]."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the model [default: the shipped one].")
    ] = None,
) -> None:
    """Train the Arabic NER model on ANERcorp (dev is scored, never trained on)."""
    data = data or _default_data()
    out = out or shipped_model_dir()
    if not (data / "train.conll").is_file():
        typer.echo(f"error: {data / 'train.conll'} not found; pass --data DIR with train.conll", err=True)
        raise typer.Exit(2)
    manifest = train_ner(data, out)
    typer.echo(f"model written to {out} in {manifest['train_seconds']} s", err=True)
    for label, f1 in manifest.get("figures", {}).get("anercorp_dev", {}).items():
        typer.echo(f"dev F1 {label}: {f1}")


def train_clusters_command(
    corpus: Annotated[
        Path | None, typer.Option(help="News as JSON Lines (title, text), gzip allowed.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the table (default: the shipped one).")
    ] = None,
) -> None:
    """Rebuild the word clusters the tagger uses from unlabelled news (then retrain the tagger)."""
    corpus = corpus or _default_data().parent / "ant_news_ar" / "ant_news_ar.jsonl.gz"
    out = out or shipped_model_dir() / CLUSTERS_FILE
    if not corpus.is_file():
        typer.echo(f"error: {corpus} not found; pass --corpus FILE.jsonl.gz", err=True)
        raise typer.Exit(2)
    words = build_clusters(corpus_sentences(corpus), out)
    typer.echo(f"{words} words clustered into {out}", err=True)


def tag_command(file: ConllArgument, model: ModelOption = None) -> None:
    """Tag pre-tokenised text: prints token, gold and predicted tag, blank lines kept."""
    sentences = read_conll(file)
    predicted = load_ner_model(model).tag([s.tokens for s in sentences])
    out = []
    for sentence, tags in zip(sentences, predicted, strict=True):
        gold = sentence.tags or ["O"] * len(sentence.tokens)
        out.extend(f"{t}\t{g}\t{p}\n" for t, g, p in zip(sentence.tokens, gold, tags, strict=True))
        out.append("\n")
    sys.stdout.write("".join(out))


def eval_ner_command(file: ConllArgument, model: ModelOption = None) -> None:
    """Precision, recall and F1 per type and micro (conlleval rules) against the file's tags."""
    sentences = read_conll(file)
    if any(s.tags is None for s in sentences):
        typer.echo(f"error: {file} has lines without a tag column; eval needs gold tags", err=True)
        raise typer.Exit(2)
    predicted = load_ner_model(model).tag([s.tokens for s in sentences])
    typer.echo(format_scores(evaluate([s.tags for s in sentences], predicted)))


def _group(app: typer.Typer, name: str, help: str) -> typer.Typer:
    """The sub-app ``name`` of ``app``, added if no other command group made it first."""
    for group in app.registered_groups:
        if group.name == name and group.typer_instance is not None:
            return group.typer_instance
    sub = typer.Typer(help=help, no_args_is_help=True)
    app.add_typer(sub, name=name)
    return sub


def register(app: typer.Typer) -> None:
    """Add ``train ner``, ``tag`` and ``eval ner`` to the main command-line app."""
    train = _group(app, "train", "Train the models shipped with marsad.")
    train.command("ner")(train_ner_command)
    train.command("clusters")(train_clusters_command)
    app.command("tag")(tag_command)
    _group(app, "eval", "Evaluate the models on labelled data.").command("ner")(eval_ner_command)
