"""Load on the HTTP API: requests/s and p50/p99 latency for the map aggregate, the event list
and the other routes the page calls, against `marsad serve` on 127.0.0.1.

    python benchmarks/api_load.py                      # the whole ant_news_ar corpus if present
    python benchmarks/api_load.py --db FILE            # an existing database
    python benchmarks/api_load.py --requests 500 --concurrency 8

Without --db it stores the corpus (shared ant_news_ar, else the bundled samples) once into
benchmarks/out/ with the same ingest as `marsad ingest`, and reuses that file afterwards. The
server runs in its own process, as in production; the client sends a bounded number of
requests per route from a few threads. Prints figures; never asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from marsad.ingest.read import read_paths
from marsad.pipeline import Pipeline
from marsad.settings import Settings, shared_data_dir
from marsad.store import reading
from marsad.store.ingest import Ingest
from marsad.store.queries import stats

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
SAMPLES = REPO / "src" / "marsad" / "data" / "samples"
SERVE = (
    "import sys; from pathlib import Path; from marsad.cli.serve import serve; "
    "serve(db=Path(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), token=None, tiles=None)"
)


def corpus() -> Path | None:
    shared = shared_data_dir(REPO)
    path = shared / "ant_news_ar" / "ant_news_ar.jsonl.gz"
    return path if path.is_file() else None


def prepare_db(console: Console) -> Path:
    """The benchmark database: built once from the corpus (or the samples), then reused."""
    source = corpus()
    db = OUT / ("api_load_ant.duckdb" if source else "api_load_samples.duckdb")
    done = db.with_name(db.name + ".complete")
    if db.exists() and done.exists():
        return db
    OUT.mkdir(parents=True, exist_ok=True)
    inputs = [str(source or SAMPLES)]
    console.print(f"storing {inputs[0]} into {db} (once; reused by later runs)")
    started = time.perf_counter()
    with Ingest(db, Pipeline(Settings())) as ingest:
        summary = ingest.run(read_paths(inputs))
    console.print(f"stored {summary.new} articles in {time.perf_counter() - started:.0f} s")
    done.touch()
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-c", SERVE, str(db), str(port)], stderr=out)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {log.read_text()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not answer within 60 s")


def scenarios(client: httpx.Client) -> dict[str, list[str]]:
    """Requests like the page's: the busiest month, the commonest type, a box over Syria."""
    client.event_hooks["response"] = [lambda r: r.raise_for_status()]
    weeks = client.get("/api/aggregates/timeline", params={"interval": "week"}).json()["data"]
    busiest = max(weeks, key=lambda b: b["count"])["date"][:7] if weeks else "2018-01"
    month = {"from": f"{busiest}-01", "to": f"{busiest}-28"}
    types = client.get("/api/facets").json()["types"]
    top = types[0]["value"] if types else "ASSAULT"
    syria = {"bbox": "35.5,32.3,42.4,37.3"}
    busy = {"limit": 200, "sort": "-reports", "reports": "false"}
    ids = [e["id"] for e in client.get("/api/events", params=busy).json()["data"]]

    def url(path: str, **params: str) -> str:
        return str(httpx.URL(path, params=params))

    return {
        "map: all events": [url("/api/aggregates/places")],
        "map: type + month": [url("/api/aggregates/places", type=top, **month)],
        # The page's list asks for the number of reports, not the reports themselves.
        "events: first page": [url("/api/events", limit="50", reports="false")],
        "events: box + month, by reports": [
            url("/api/events", limit="50", sort="-reports", reports="false", **syria, **month)
        ],
        "events: Arabic text search": [url("/api/events", limit="50", reports="false", q="مقاتلين")],
        "events: first page, every report": [url("/api/events", limit="50")],
        "timeline": [url("/api/aggregates/timeline")],
        "one event with evidence": [f"/api/events/{i}" for i in ids] or ["/api/events/none"],
    }


def run(base: str, urls: list[str], requests: int, concurrency: int) -> dict:
    local = threading.local()

    def one(i: int) -> tuple[float, int]:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=30)
        started = time.perf_counter()
        status = local.client.get(urls[i % len(urls)]).status_code
        return time.perf_counter() - started, status

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(min(10, requests))))  # warm-up: connections, caches
        started = time.perf_counter()
        results = list(pool.map(one, range(requests)))
        wall = time.perf_counter() - started
    latencies = sorted(t * 1000 for t, _ in results)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests": requests,
        "errors": sum(1 for _, s in results if s != 200),
        "rps": requests / wall,
        "p50_ms": statistics.median(latencies),
        "p99_ms": cuts[98],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing database (default: build one in benchmarks/out)")
    parser.add_argument("--requests", type=int, default=300, help="requests per route (default 300)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    args = parser.parse_args()
    console = Console()
    db = args.db or prepare_db(console)
    with reading(db) as conn:
        s = stats(conn)
    port = free_port()
    OUT.mkdir(parents=True, exist_ok=True)
    server = start_server(db, port, OUT / "api_load_server.log")
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            plan = scenarios(client)
        figures = {name: run(base, urls, args.requests, args.concurrency) for name, urls in plan.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)
    table = Table(
        title=f"marsad serve: {s.articles} articles, {s.events} events, {s.reports} reports; "
        f"{args.requests} requests per route, {args.concurrency} client threads"
    )
    for column in ("route", "errors", "requests/s", "p50 ms", "p99 ms"):
        table.add_column(column, justify="left" if column == "route" else "right")
    for name, f in figures.items():
        table.add_row(name, str(f["errors"]), f"{f['rps']:.0f}", f"{f['p50_ms']:.1f}", f"{f['p99_ms']:.1f}")
    console.print(table)
    OUT.mkdir(parents=True, exist_ok=True)
    report = {"db": {"articles": s.articles, "events": s.events, "reports": s.reports}, "routes": figures}
    (OUT / "api_load.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
