"""The time and quantity stages on one core: articles/s (CPU time), expressions found, peak memory.

Runs on the shared ant_news_ar corpus (``$MARSAD_SHARED_DATA`` or ``../shared/data`` beside the
repository). ``python benchmarks/time_quantity.py [--articles N] [--repeat R] [--profile STAGE]``:
each stage runs R times over the same articles and its fastest run counts, since other work on a
shared machine only ever slows a run down. "both" is the two stages one after the other.
``--profile time`` (or ``quantity``) prints where that stage spends its time instead (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import resource
import time
from datetime import date
from itertools import islice
from pathlib import Path

from marsad.article import Article
from marsad.quantity import extract_quantities, load_quantity_rules
from marsad.settings import shared_data_dir
from marsad.time import load_time_rules, resolve_times

REPO = Path(__file__).resolve().parent.parent


def corpus_path() -> Path:
    shared = shared_data_dir(REPO)
    return shared / "ant_news_ar" / "ant_news_ar.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", choices=("time", "quantity"), help="cProfile one stage instead")
    args = parser.parse_args()

    source = corpus_path()
    if not source.is_file():
        raise SystemExit(f"{source} not found: set MARSAD_SHARED_DATA")
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in islice(fh, args.articles)]
    articles = [
        Article(id=r["id"], text=r["text"], origin="bench", published=date.fromisoformat(r["published"][:10]))
        for r in records
    ]
    chars = sum(len(a.text) for a in articles)

    started = time.perf_counter()
    time_rules, quantity_rules = load_time_rules(), load_quantity_rules()
    compile_s = time.perf_counter() - started

    if args.profile:
        timed = [resolve_times(a, rules=time_rules) for a in articles]
        with cProfile.Profile() as profile:
            if args.profile == "time":
                [resolve_times(a, rules=time_rules) for a in articles]
            else:
                [extract_quantities(a, rules=quantity_rules) for a in timed]
        pstats.Stats(profile).sort_stats("tottime").print_stats(20)
        return

    # CPU time of this process: the figure for one core even when other jobs share the machine.
    time_s = quantity_s = float("inf")
    for _ in range(max(1, args.repeat)):
        started = time.process_time()
        timed = [resolve_times(a, rules=time_rules) for a in articles]
        time_s = min(time_s, time.process_time() - started)
        started = time.process_time()
        counted = [extract_quantities(a, rules=quantity_rules) for a in timed]
        quantity_s = min(quantity_s, time.process_time() - started)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(articles)
    print(
        f"{n} articles, {chars / n:.0f} characters on average; rules compiled in {compile_s:.2f} s; "
        f"best of {max(1, args.repeat)} runs"
    )
    print(f"time:     {n / time_s:7.0f} articles/s  {sum(len(a.times) for a in timed)} expressions")
    print(f"quantity: {n / quantity_s:7.0f} articles/s  {sum(len(a.quantities) for a in counted)} quantities")
    print(f"both:     {n / (time_s + quantity_s):7.0f} articles/s; peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
