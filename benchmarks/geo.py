"""Place resolution on one core: gazetteer build and load time, memory, articles/s.

Runs on the shared ant_news_ar corpus (``$MARSAD_SHARED_DATA`` or ``../shared/data`` beside the
repository). ``python benchmarks/geo.py [--articles N]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import tempfile
import time
import tracemalloc
from datetime import date
from itertools import islice
from pathlib import Path

from marsad.article import Article
from marsad.geo import load_gazetteer, resolve_places
from marsad.geo.build import build_gazetteer
from marsad.geo.gazetteer import save_gazetteer
from marsad.settings import shared_data_dir

REPO = Path(__file__).resolve().parent.parent


def corpus_path() -> Path:
    shared = shared_data_dir(REPO)
    return shared / "ant_news_ar" / "ant_news_ar.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()

    started = time.perf_counter()
    gazetteer = build_gazetteer()
    build_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        path = save_gazetteer(gazetteer, Path(tmp) / "gazetteer.pickle")
        size_mb = path.stat().st_size / 1e6
        del gazetteer
        tracemalloc.start()
        started = time.perf_counter()
        gazetteer = load_gazetteer(path)
        load_s = time.perf_counter() - started
        _, loaded_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

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
    places = errors = 0
    for a in articles:
        out = resolve_places(a, gazetteer=gazetteer)
        places += len(out.places)
        errors += len(out.errors)
    elapsed = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "gazetteer_rows": len(gazetteer),
        "build_seconds": round(build_s, 2),
        "index_mb": round(size_mb, 1),
        "load_seconds": round(load_s, 3),
        "loaded_python_mb": round(loaded_peak / 1e6, 1),
        "peak_rss_mb": round(rss_mb, 1),
        "articles": len(articles),
        "articles_per_s": round(len(articles) / elapsed, 1),
        "chars_per_s": round(chars / elapsed),
        "places_per_article": round(places / len(articles), 2),
        "errors": errors,
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
