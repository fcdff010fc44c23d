"""Load on the HTTP API: requests/s and p50/p99 latency per route the page calls (the map and
timeline aggregates, event lists with and without filters, text search, one event), for one
and for four concurrent clients, against a server on 127.0.0.1.

    python benchmarks/api_load.py                      # the whole ant_news_ar corpus if present
    python benchmarks/api_load.py --db FILE            # an existing database
    python benchmarks/api_load.py --requests 500 --clients 1 4 8

Without --db it stores the corpus (shared ant_news_ar, else the bundled samples) once into
benchmarks/out/ with the same ingest as `marsad ingest`, and reuses that file afterwards
while its tables are those this code makes. The server runs in its own process, as
`marsad serve` runs it; each route gets a bounded number of requests, cycling over several
URLs of its kind. Every route is measured twice: with the server keeping no answers
("fresh": every request does the work) and as served by default, each URL asked once
before ("kept": answers kept per version of the merged events). Prints latency, the
server's CPU time per request (which other work on the machine does not inflate) and the
machine's load; never asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import httpx
from rich.console import Console
from rich.table import Table

from marsad.ingest.read import read_paths
from marsad.pipeline import Pipeline
from marsad.settings import Settings, shared_data_dir
from marsad.store import WriterLock, reading
from marsad.store.ingest import Ingest
from marsad.store.migrations import MIGRATIONS
from marsad.store.queries import stats

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
SAMPLES = REPO / "src" / "marsad" / "data" / "samples"
# As `marsad serve` runs it, with the answers it keeps as an argument (0: none).
SERVE = (
    "import sys, uvicorn; from pathlib import Path; from marsad.api.app import create_app; "
    "app = create_app(db=Path(sys.argv[1]), token=None, cache_bytes=int(sys.argv[3])); "
    "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[2]), log_level='warning', "
    "proxy_headers=False, server_header=False)"
)
WORDS = ["مقاتلين", "حلب", "قصف", "نازحين", "الجيش", "غارات", "مظاهرة", "إدلب"]


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
        with WriterLock(db, command="benchmarks/api_load.py") as lock, lock.connect():
            pass  # migrations that add no column (indexes) apply to the stored file as it is
        if same_tables(db):
            return db
        console.print(f"{db} was made by an older schema: storing the corpus again")
        done.unlink()
        db.unlink()
    OUT.mkdir(parents=True, exist_ok=True)
    inputs = [str(source or SAMPLES)]
    console.print(f"storing {inputs[0]} into {db} (once; reused by later runs)")
    started = time.perf_counter()
    with Ingest(db, Pipeline(Settings())) as ingest:
        summary = ingest.run(read_paths(inputs))
    console.print(f"stored {summary.new} articles in {time.perf_counter() - started:.0f} s")
    done.touch()
    return db


def same_tables(db: Path) -> bool:
    """Whether the file's tables and columns are those the migrations make now."""
    sql = "SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY ALL"
    fresh = duckdb.connect()
    for m in MIGRATIONS:
        fresh.execute(m.sql)
    with reading(db) as conn:
        stored = {r for r in conn.execute(sql).fetchall() if r[0] != "schema_migrations"}
    return stored == set(fresh.execute(sql).fetchall())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log: Path, cache_bytes: int) -> subprocess.Popen:
    with log.open("a") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(db), str(port), str(cache_bytes)], stderr=out
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {log.read_text()}")
        try:
            # Measured once the word index is built, as a server that has run for a minute.
            config = httpx.get(f"http://127.0.0.1:{port}/api/config", timeout=5)
            if config.status_code == 200 and config.json().get("text_search") == "indexed":
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server was not ready within 120 s")


def scenarios(client: httpx.Client) -> dict[str, list[str]]:
    """Requests like the page's, several of each kind: the busiest months, the commonest types
    and countries, a box over Syria, words of the news, the busiest events."""
    client.event_hooks["response"] = [lambda r: r.raise_for_status()]
    weeks = client.get("/api/aggregates/timeline", params={"interval": "week"}).json()["data"]
    busy_weeks = sorted(weeks, key=lambda b: -b["count"])[:40]
    months = list(dict.fromkeys(b["date"][:7] for b in busy_weeks))[:4] or ["2018-01"]
    spans = [{"from": f"{m}-01", "to": f"{m}-28"} for m in months]
    facets = client.get("/api/facets").json()
    types = [t["value"] for t in facets["types"][:4]] or ["ASSAULT"]
    countries = [c["value"] for c in facets["countries"][:3]] or ["SY"]
    syria = {"bbox": "35.5,32.3,42.4,37.3"}
    light = {"limit": "50", "reports": "false"}  # the page's list: the number of reports, not them
    busy = {"limit": 200, "sort": "-reports", "reports": "false"}
    ids = [e["id"] for e in client.get("/api/events", params=busy).json()["data"]]

    def url(path: str, **params: str) -> str:
        return str(httpx.URL(path, params=params))

    return {
        "map: all events": [url("/api/aggregates/places")],
        "map: type + month": [url("/api/aggregates/places", type=t, **m) for t in types for m in spans],
        "timeline: all events": [url("/api/aggregates/timeline")],
        "timeline: type + country": [
            url("/api/aggregates/timeline", type=t, country=c) for t in types for c in countries
        ],
        "events: first page": [url("/api/events", **light)],
        "events: box + month, by reports": [
            url("/api/events", sort="-reports", **light, **syria, **m) for m in spans
        ],
        "events: type + country, pages": [
            url("/api/events", type=t, country=c, offset=str(o), **light)
            for t in types
            for c in countries
            for o in (0, 50)
        ],
        "events: text search": [url("/api/events", q=w, **light) for w in WORDS],
        "events: page with every report": [url("/api/events", limit="50")],
        "one event with evidence": [f"/api/events/{i}" for i in ids] or ["/api/events/none"],
    }


def cpu_seconds(pid: int) -> float:
    """User and system time of a process and all its threads so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(base: str, urls: list[str], requests: int, clients: int, server: int) -> dict:
    local = threading.local()

    def one(i: int) -> tuple[float, int]:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=60)
        started = time.perf_counter()
        status = local.client.get(urls[i % len(urls)]).status_code
        return time.perf_counter() - started, status

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(min(clients, requests))))  # connections open
        cpu = cpu_seconds(server)
        started = time.perf_counter()
        results = list(pool.map(one, range(requests)))
        wall = time.perf_counter() - started
        cpu = cpu_seconds(server) - cpu
    latencies = sorted(t * 1000 for t, _ in results)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "urls": len(urls),
        "requests": requests,
        "errors": sum(1 for _, s in results if s != 200),
        "rps": requests / wall,
        "p50_ms": statistics.median(latencies),
        "p99_ms": cuts[98],
        "server_cpu_ms": 1000 * cpu / requests,  # per request: what the machine's load does not change
    }


def measure(db: Path, cache_bytes: int, requests: int, clients: list[int]) -> dict[str, dict[int, dict]]:
    """Figures per route and number of clients, against a new server. When it keeps answers,
    each URL is asked once first: the figures are then those of answers kept."""
    port = free_port()
    server = start_server(db, port, OUT / "api_load_server.log", cache_bytes)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            plan = scenarios(client)
            if cache_bytes:
                for urls in plan.values():
                    for u in urls:
                        client.get(u)
        return {
            name: {n: run(base, urls, requests, n, server.pid) for n in clients}
            for name, urls in plan.items()
        }
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing database (default: build one in benchmarks/out)")
    parser.add_argument("--requests", type=int, default=200, help="requests per route and run (default 200)")
    parser.add_argument(
        "--clients", type=int, nargs="+", default=[1, 4], help="concurrent clients (default 1 4)"
    )
    args = parser.parse_args()
    console = Console(width=150)
    db = args.db or prepare_db(console)
    with reading(db) as conn:
        s = stats(conn)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "api_load_server.log").write_text("")
    load_before = os.getloadavg()
    figures = {
        mode: measure(db, cache_bytes, args.requests, args.clients)
        for mode, cache_bytes in (("fresh", 0), ("kept", 64 * 1024 * 1024))
    }
    load_after = os.getloadavg()
    table = Table(
        title=f"marsad serve: {s.articles} articles, {s.events} events, {s.reports} reports; "
        f"{args.requests} requests per route and run; {os.cpu_count()} CPUs, load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after"
    )
    columns = (
        "route",
        "answers",
        "clients",
        "urls",
        "errors",
        "requests/s",
        "p50 ms",
        "p99 ms",
        "server CPU ms",
    )
    for column in columns:
        table.add_column(column, justify="left" if column in ("route", "answers") else "right")
    for mode, routes in figures.items():
        for name, by_clients in routes.items():
            for n, f in by_clients.items():
                table.add_row(
                    name, mode, str(n), str(f["urls"]), str(f["errors"]), f"{f['rps']:.0f}",
                    f"{f['p50_ms']:.1f}", f"{f['p99_ms']:.1f}", f"{f['server_cpu_ms']:.1f}",
                )  # fmt: skip
    console.print(table)
    report = {
        "db": {"articles": s.articles, "events": s.events, "reports": s.reports},
        "cpus": os.cpu_count(),
        "load_average": {"before": load_before[0], "after": load_after[0]},
        "requests_per_route": args.requests,
        "routes": figures,
    }
    (OUT / "api_load.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
