"""Place resolution on one core: gazetteer build and load time, memory, articles/s (CPU time).

Runs on the shared ant_news_ar corpus (``$MARSAD_SHARED_DATA`` or ``../shared/data`` beside the
repository), on a fixed random sample of N articles.
``python benchmarks/geo.py [--articles N] [--repeat R] [--profile]``: the stage runs R
times over the same articles and its fastest run counts, since other work on a shared machine only
ever slows a run down. ``resolvers_per_s`` is places, times and quantities one after the other
(the three resolvers together); ``--profile`` prints where the time of one run goes (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import random
import resource
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from marsad.article import Article
from marsad.geo import load_gazetteer, resolve_places
from marsad.geo.build import build_gazetteer
from marsad.geo.gazetteer import save_gazetteer
from marsad.quantity import extract_quantities, load_quantity_rules
from marsad.settings import shared_data_dir
from marsad.time import load_time_rules, resolve_times

REPO = Path(__file__).resolve().parent.parent
SEED = 7  # the same sample on every run, as in benchmarks/run.py


def corpus_path() -> Path:
    shared = shared_data_dir(REPO)
    return shared / "ant_news_ar" / "ant_news_ar.jsonl.gz"


def fastest(run, articles: list[Article], repeat: int) -> float:
    """The CPU seconds of the fastest of ``repeat`` runs of ``run`` over ``articles``."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        started = time.process_time()
        for a in articles:
            run(a)
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    gazetteer = build_gazetteer()
    build_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        path = save_gazetteer(gazetteer, Path(tmp) / "gazetteer.pickle")
        size_mb = path.stat().st_size / 1e6
        del gazetteer
        started = time.perf_counter()
        gazetteer = load_gazetteer(path)
        load_s = time.perf_counter() - started
        del gazetteer
        tracemalloc.start()  # a second load for memory: tracing slows loading down many times over
        gazetteer = load_gazetteer(path)
        _, loaded_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    source = corpus_path()
    if not source.is_file():
        raise SystemExit(f"{source} not found: set MARSAD_SHARED_DATA")
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    random.Random(SEED).shuffle(records)  # a sample of the whole corpus (its start is shorter news)
    records = records[: args.articles]
    articles = [
        Article(id=r["id"], text=r["text"], origin="bench", published=date.fromisoformat(r["published"][:10]))
        for r in records
    ]
    chars = sum(len(a.text) for a in articles)
    outputs = [resolve_places(a, gazetteer=gazetteer) for a in articles]  # also warms the look-ups
    places = sum(len(out.places) for out in outputs)
    errors = sum(len(out.errors) for out in outputs)

    places_s = fastest(lambda a: resolve_places(a, gazetteer=gazetteer), articles, args.repeat)
    time_rules, quantity_rules = load_time_rules(), load_quantity_rules()

    def three(a: Article) -> None:
        a = resolve_places(a, gazetteer=gazetteer)
        a = resolve_times(a, rules=time_rules)
        extract_quantities(a, rules=quantity_rules)

    three_s = fastest(three, articles, args.repeat)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "gazetteer_rows": len(gazetteer),
        "build_seconds": round(build_s, 2),
        "index_mb": round(size_mb, 1),
        "load_seconds": round(load_s, 3),
        "loaded_python_mb": round(loaded_peak / 1e6, 1),
        "peak_rss_mb": round(rss_mb, 1),
        "articles": len(articles),
        "articles_per_s": round(len(articles) / places_s, 1),
        "chars_per_s": round(chars / places_s),
        "resolvers_per_s": round(len(articles) / three_s, 1),
        "places_per_article": round(places / len(articles), 2),
        "errors": errors,
    }
    print(json.dumps(figures, indent=2))
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for a in articles:
            resolve_places(a, gazetteer=gazetteer)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
