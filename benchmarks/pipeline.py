"""Reading, cleaning and segmenting speed on one core (CPU time, so other work on the machine
skews it less): articles/s, MB/s, tokens/s, peak memory.

Runs on the shared ant_news_ar corpus when it is beside the repository (or at
``$MARSAD_SHARED_DATA``), else on the bundled samples.  ``make bench`` runs it.
"""

from __future__ import annotations

import argparse
import resource
import time
from itertools import islice
from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad.article import Article
from marsad.clean.article import make_article
from marsad.ingest.read import read_paths
from marsad.ingest.records import RawDocument
from marsad.nlp.segment import segment
from marsad.nlp.sentences import split_sentences
from marsad.nlp.tokens import Clitics
from marsad.nlp.vocabulary import load_vocabulary
from marsad.settings import Settings, shared_data_dir

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "src" / "marsad" / "data" / "samples"


def corpus() -> Path:
    shared = shared_data_dir(REPO)
    path = shared / "ant_news_ar" / "ant_news_ar.jsonl.gz"
    return path if path.is_file() else SAMPLES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=corpus())
    parser.add_argument("--limit", type=int, default=None, help="at most this many articles")
    args = parser.parse_args()
    console = Console()
    settings = Settings()
    clitics = Clitics(load_vocabulary())

    start = time.process_time()
    raws = [d for d in islice(read_paths([str(args.path)]), args.limit) if isinstance(d, RawDocument)]
    t_read = time.process_time() - start
    megabytes = sum(len(d.text.encode("utf-8")) for d in raws) / 1e6

    start = time.process_time()
    articles = [a for a in (make_article(d, settings=settings) for d in raws) if isinstance(a, Article)]
    t_clean = time.process_time() - start

    # Results are counted and dropped, as in a streaming run: keeping millions of tokens alive
    # would measure the garbage collector, not the stage.
    start = time.process_time()
    for a in articles:
        split_sentences(a.text)
    t_sentences = time.process_time() - start
    start = time.process_time()
    tokens = sum(len(segment(a, clitics=clitics).tokens) for a in articles)
    t_segment = time.process_time() - start

    table = Table(
        title=f"{len(raws)} articles, {megabytes:.1f} MB of text, {tokens:,} tokens from {args.path.name}"
    )
    for column in ("stage", "seconds", "articles/s", "MB/s", "tokens/s"):
        table.add_column(column, justify="right")
    rows = (
        ("read", t_read),
        ("clean", t_clean),
        ("sentences", t_sentences),
        ("segment (sentences + clitic tokens)", t_segment),
        ("read + clean + sentences", t_read + t_clean + t_sentences),
        ("read + clean + segment", t_read + t_clean + t_segment),
    )
    for name, seconds in rows:
        table.add_row(
            name,
            f"{seconds:.2f}",
            f"{len(raws) / seconds:,.0f}",
            f"{megabytes / seconds:.1f}",
            f"{tokens / seconds:,.0f}" if "segment" in name else "",
        )
    console.print(table)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    console.print(f"peak memory (resident, all articles kept in memory): {peak:,.0f} MB")


if __name__ == "__main__":
    main()
