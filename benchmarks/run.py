"""The benchmark suite behind ``make bench``: speed and memory of every stage, of the whole
pipeline and of the Spark job, written to ``benchmarks/results.md`` with the machine's facts.

- every stage of ``marsad.pipeline.STAGES`` (after reading and cleaning) and the whole pipeline:
  articles/s and tokens/s on one core and on all cores (one process per core), peak memory;
- the whole pipeline on one core over growing corpora (cost must grow linearly);
- ``marsad spark`` in local mode on one core and on two.

Runs on the shared ant_news_ar corpus when it is beside the repository (or under
``$MARSAD_SHARED_DATA``), else on the bundled samples, repeated to the sizes asked for.
Every measurement runs in fresh worker processes, so one's memory does not count in another's.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing as mp
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad.article import Article
from marsad.clean.article import make_article
from marsad.ingest.read import read_paths
from marsad.ingest.records import RawDocument
from marsad.pipeline import STAGE_NAMES, Pipeline, Stage
from marsad.settings import Settings, shared_data_dir

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "src" / "marsad" / "data" / "samples"
RESULTS = Path(__file__).resolve().parent / "results.md"
SEED = 7  # order of the corpus: the same sample on every run
BATCH = 200  # articles carried through the stages together, then dropped
GOALS = {"articles/s, one core": 100.0, "Spark 2 cores / 1 core": 1.7, "memory per worker (MB)": 2048.0}


def corpus() -> Path:
    shared = shared_data_dir(REPO)
    path = shared / "ant_news_ar" / "ant_news_ar.jsonl.gz"
    return path if path.is_file() else SAMPLES


def load_documents(path: Path, n: int) -> list[RawDocument]:
    """``n`` documents in a fixed random order, so every prefix is a sample of the same mix; the
    corpus is repeated (with distinct origins) when it is smaller."""
    docs = [d for d in read_paths([str(path)]) if isinstance(d, RawDocument)]
    if not docs:
        raise SystemExit(f"no documents in {path}")
    random.Random(SEED).shuffle(docs)
    out = docs[:n]
    for i in range(len(docs), n):
        doc = docs[i % len(docs)]
        copy = i // len(docs)
        out.append(dataclasses.replace(doc, origin=f"{doc.origin}#{copy}", id=doc.id and f"{doc.id}-{copy}"))
    return out


@dataclasses.dataclass
class Measure:
    """What one worker process saw: seconds per step, articles, tokens, its peak memory."""

    seconds: Counter
    articles: int = 0
    tokens: int = 0
    peak_mb: float = 0.0


def _run_stage(stage: Stage, article: Article, pipeline: Pipeline) -> Article:
    try:
        return stage.run(article, pipeline.resources)
    except Exception as exc:  # as the pipeline does: one article's problem, not the benchmark's
        return article.with_error("internal-error", stage.name, f"{type(exc).__name__}: {exc}")


def measure(docs: Sequence[RawDocument], *, stages: bool, barrier=None) -> Measure:
    """Per-stage times (when ``stages``) and the whole pipeline's, after the models are loaded:
    the worker's CPU time, so that other work on a shared machine does not count against it."""
    settings = Settings()
    pipeline = Pipeline(settings)
    pipeline.analyze(docs[0])  # loads every resource: loading is not analysis
    seconds: Counter = Counter()
    if barrier is not None:
        barrier.wait()
    if stages:
        for start in range(0, len(docs), BATCH):
            batch = docs[start : start + BATCH]
            began = time.process_time()
            articles = [
                a for a in (make_article(d, settings=settings) for d in batch) if isinstance(a, Article)
            ]
            seconds["clean"] += time.process_time() - began
            for stage in pipeline.stages:
                began = time.process_time()
                articles = [_run_stage(stage, a, pipeline) for a in articles]
                seconds[stage.name] += time.process_time() - began
    if barrier is not None:
        barrier.wait()
    tokens = articles = 0
    began = time.process_time()
    for doc in docs:
        result = pipeline.analyze(doc)
        if isinstance(result, Article):  # counted and dropped, as in a streaming run
            articles += 1
            tokens += len(result.tokens)
    seconds["pipeline"] = time.process_time() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Measure(seconds, articles, tokens, peak)


def _worker(docs, stages, barrier, queue) -> None:
    queue.put(measure(docs, stages=stages, barrier=barrier))


def in_processes(docs: Sequence[RawDocument], processes: int, *, stages: bool) -> tuple[list[Measure], float]:
    """Each process takes every ``processes``-th document; returns their measures and the wall
    time of the whole-pipeline pass over all of them."""
    ctx = mp.get_context("fork")  # the documents are shared, not pickled
    barrier = ctx.Barrier(processes + 1)
    queue = ctx.Queue()
    workers = [
        ctx.Process(target=_worker, args=(docs[i::processes], stages, barrier, queue))
        for i in range(processes)
    ]
    for w in workers:
        w.start()
    barrier.wait()  # all loaded
    barrier.wait()  # all past the per-stage pass
    began = time.perf_counter()
    results = [queue.get() for _ in workers]
    wall = time.perf_counter() - began
    for w in workers:
        w.join()
    return results, wall


def stage_rows(docs: Sequence[RawDocument], cores: int) -> list[dict]:
    rows = []
    one, one_wall = in_processes(docs, 1, stages=True)
    many, many_wall = in_processes(docs, cores, stages=True) if cores > 1 else (one, one_wall)
    tokens = sum(m.tokens for m in one)
    for name in ("clean", *STAGE_NAMES, "pipeline"):
        single = one[0].seconds[name]
        # In parallel a step takes as long as its slowest worker.
        parallel = many_wall if name == "pipeline" else max(m.seconds[name] for m in many)
        rows.append(
            {
                "stage": "whole pipeline" if name == "pipeline" else name,
                "seconds (1 core)": single,
                "articles/s (1 core)": len(docs) / single,
                "tokens/s (1 core)": tokens / single,
                f"articles/s ({cores} cores)": len(docs) / parallel,
                f"tokens/s ({cores} cores)": tokens / parallel,
            }
        )
    rows[-1]["peak MB per worker"] = max(m.peak_mb for m in (*one, *many))
    return rows


def scaling_rows(docs: Sequence[RawDocument], sizes: Sequence[int]) -> list[dict]:
    rows = []
    for n in sizes:
        [m], _ = in_processes(docs[:n], 1, stages=False)
        cpu = m.seconds["pipeline"]  # the one worker's CPU time
        rows.append(
            {
                "articles": n,
                "tokens": m.tokens,
                "seconds": cpu,
                "articles/s": n / cpu,
                "ms per article": 1000 * cpu / n,
                "ms per 1k tokens": 1e6 * cpu / max(m.tokens, 1),
                "peak MB": m.peak_mb,
            }
        )
    base = rows[0]["ms per 1k tokens"]
    for row in rows:
        row["cost per token vs smallest"] = row["ms per 1k tokens"] / base
    return rows


def spark_rows(docs: Sequence[RawDocument], cores_list: Sequence[int]) -> tuple[list[dict], str | None]:
    """``run_job`` on the same JSON Lines file in local mode with each number of cores."""
    try:
        from marsad.scale.job import run_job
        from marsad.scale.session import make_session
    except ImportError:
        return [], "PySpark is not installed (pip install 'marsad[spark]')"
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        return [], "no Java runtime"
    import json

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as f:
            for doc in docs:
                record = {k: getattr(doc, k) for k in ("id", "url", "site", "title", "published", "text")}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        for cores in cores_list:
            spark = make_session(f"local[{cores}]", conf={"spark.ui.enabled": "false"})
            spark.sparkContext.setLogLevel("ERROR")
            jvm_pid = spark.sparkContext._jvm.java.lang.ProcessHandle.current().pid()
            with WorkerMemory(jvm_pid) as workers:
                began = time.perf_counter()
                result = run_job(spark, [str(source)], f"{tmp}/out{cores}", pipeline=Pipeline(Settings()))
                wall = time.perf_counter() - began
            jvm = _jvm_peak_mb(jvm_pid)
            spark.stop()
            rows.append(
                {
                    "cores": cores,
                    "articles": result.articles,
                    "seconds": wall,
                    "articles/s": result.articles / wall,
                    "peak MB per Python worker": max(workers.peaks.values(), default=None),
                    "JVM peak MB": jvm,
                }
            )
    for row in rows:
        row["speed-up"] = rows[0]["seconds"] / row["seconds"]
    return rows, None


class WorkerMemory:
    """Samples the peak resident memory (VmHWM) of the JVM's Python workers while a job runs:
    idle workers are ended after a minute, so asking them afterwards would miss them."""

    def __init__(self, jvm_pid: int) -> None:
        self.jvm_pid = jvm_pid
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            for pid, hwm in _descendants_hwm(self.jvm_pid).items():
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), hwm)


def _descendants_hwm(root: int) -> dict[int, float]:
    """VmHWM in MB of every Python process below ``root`` (the PySpark daemon and its workers)."""
    parents, hwm = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry.name)] = int(fields.get("PPid", "0").strip())
        # Only Python: the JVM's short-lived helpers (shell commands) share its memory until exec.
        if "VmHWM" in fields and fields.get("Name", "").strip().startswith("python"):
            hwm[int(entry.name)] = int(fields["VmHWM"].split()[0]) / 1024
    below = {pid for pid, parent in parents.items() if parent == root}
    below |= {pid for pid, parent in parents.items() if parent in below}
    return {pid: hwm[pid] for pid in below if pid in hwm}


def _jvm_peak_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), None)
    return int(line.split()[1]) / 1024 if line else None


def machine() -> dict[str, str]:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "unknown"

    mem_kb = first("/proc/meminfo", "MemTotal").split()[0]
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    java = "none"
    if shutil.which("java"):
        out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
        java = out[0] if out else "unknown"
    try:
        import pyspark

        spark_version = pyspark.__version__
    except ImportError:
        spark_version = "not installed"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "cpu count": str(os.cpu_count()),
        "cpu model": first("/proc/cpuinfo", "model name"),
        "memory": f"{int(mem_kb) / 1024**2:.1f} GB" if mem_kb.isdigit() else "unknown",
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(),
        "java": java,
        "pyspark": spark_version,
    }


def fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def markdown(rows: list[dict]) -> str:
    columns = list(dict.fromkeys(k for row in rows for k in row))
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(fmt(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def table(title: str, rows: list[dict]) -> Table:
    out = Table(title=title)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    for c in columns:
        out.add_column(c, justify="left" if c == "stage" else "right")
    for row in rows:
        out.add_row(*(fmt(row.get(c)) for c in columns))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=4000, help="articles for the per-stage table")
    parser.add_argument("--scaling", default="1000,4000,16000", help="corpus sizes for the scaling curve")
    parser.add_argument("--spark-articles", type=int, default=4000, help="articles for the Spark runs")
    parser.add_argument("--no-spark", action="store_true", help="leave Spark out")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the results")
    args = parser.parse_args()
    console = Console()
    facts = machine()
    cores = os.cpu_count() or 1
    sizes = [int(x) for x in args.scaling.split(",") if x]
    path = corpus()
    docs = load_documents(path, max(args.articles, args.spark_articles, *sizes))
    console.print(f"corpus: {path.name}, {len(docs):,} documents; {cores} cores", style="dim")

    stages = stage_rows(docs[: args.articles], cores)
    console.print(table(f"stages on {args.articles:,} articles", stages))
    scaling = scaling_rows(docs, sizes)
    console.print(table("whole pipeline, one core, growing corpus", scaling))
    spark, why_not = (
        ([], "left out (--no-spark)") if args.no_spark else spark_rows(docs[: args.spark_articles], [1, 2])
    )
    if spark:
        console.print(table(f"marsad spark, local mode, {args.spark_articles:,} articles", spark))

    whole = stages[-1]
    worker_mb = max([whole["peak MB per worker"], *(r["peak MB per Python worker"] or 0 for r in spark)])
    figures = [
        {
            "figure": "whole pipeline articles/s, one core",
            "measured": whole["articles/s (1 core)"],
            "goal": "≥ 100",
        },
        {
            "figure": "Spark local mode, 2 cores vs 1 core",
            "measured": spark[-1]["speed-up"] if spark else None,
            "goal": "≥ 1.7×",
        },
        {"figure": "peak memory per worker (MB)", "measured": worker_mb, "goal": "< 2048"},
    ]
    console.print(table("figures", figures))

    facts["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    command = "python benchmarks/run.py " + " ".join(sys.argv[1:])
    source = "the shared ant_news_ar corpus" if path != SAMPLES else "the bundled samples, repeated"
    text = [
        "# Benchmarks",
        "",
        f"Written by `{command.strip()}` (`make bench`). Corpus: {source} (`{path.name}`).",
        "Times exclude loading models, which each worker does once. One-core figures are the",
        "worker's CPU time; all-core and Spark figures are wall-clock time, which other work on",
        "the machine slows down (the load average is given below).",
        "",
        "## Machine",
        "",
        markdown([{"fact": k, "value": v} for k, v in facts.items()]),
        "",
        "## Figures",
        "",
        markdown(figures),
        "",
        f"## Stages on {args.articles:,} articles",
        "",
        "Each stage after reading (`clean` makes the article; the rest are `marsad.pipeline.STAGES`);",
        f"all cores: {cores} processes, each on its share of the articles. Tokens are the whole",
        "corpus's tokens over each stage's time.",
        "",
        markdown(stages),
        "",
        "## Scaling: whole pipeline on one core",
        "",
        "Each size is a random sample of the corpus (the larger ones contain the smaller); cost per",
        "token should stay flat as the corpus grows.",
        "",
        markdown(scaling),
        "",
        f"## Spark local mode, {args.spark_articles:,} articles",
        "",
    ]
    if spark:
        text += [
            "`marsad spark` (reading, analysis, Parquet tables, merging) on one JSON Lines file;",
            "the JVM starts before the clock does.",
            "",
            markdown(spark),
        ]
    else:
        text.append(f"Not measured: {why_not}.")
    args.out.write_text("\n".join(text) + "\n", encoding="utf-8")
    console.print(f"written to {args.out}", style="dim")


if __name__ == "__main__":
    main()
