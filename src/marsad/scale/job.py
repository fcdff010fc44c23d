"""The Spark job: read inputs, analyze them partition by partition, write Parquet, merge events.

Layout of ``DIR`` (each table partitioned by the article's ``published`` date where it has one):

- ``articles/``  one row per article, fields as in the contract's result (``schemas.ARTICLES``)
- ``events/``    one row per event of an article, places and times resolved (``schemas.EVENTS``)
- ``claims/``    one row per figure an event reports (``schemas.CLAIMS``)
- ``merged/``    events merged across articles (blocked by type, country and week), unpartitioned
- ``failed/``    JSON Lines ``{"origin", "reason"}`` for each input that yielded no article

Everything is written under a hidden folder beside ``DIR`` and renamed to ``DIR`` only when
every table is complete: a failed run leaves nothing that looks like a result, and Hadoop's
output committer keeps only one attempt of each task, so a retried task or a lost executor
never duplicates rows. The pipeline reaches executors as a broadcast: each Python worker
unpickles it once and loads its models on first use, then keeps them for every later task.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pyspark import RDD, Broadcast, StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql.types import StructType

from marsad.article import Article
from marsad.ingest.records import RawDocument, ReadFailure
from marsad.pipeline import Pipeline
from marsad.scale.inputs import list_inputs, read_file
from marsad.scale.merge import merge_distributed
from marsad.scale.rows import article_row, claim_rows, event_rows, failed_row
from marsad.scale.schemas import ARTICLES, CLAIMS, EVENTS, FAILED, MERGED
from marsad.stories.reports import reports_of

#: Tables partitioned by date, in the order they are written.
TABLES: dict[str, StructType] = {"articles": ARTICLES, "events": EVENTS, "claims": CLAIMS}
FAILED_TAG = "failed"
REPORTS_TAG = "reports"
#: Failures the result carries by name; the rest are only counted (all are in ``DIR/failed``).
SHOWN_FAILURES = 20
#: Keeps files of one busy day to a readable size.
MAX_RECORDS_PER_FILE = 200_000


class OutputExists(ValueError):
    """The output folder already holds something; a run never overwrites earlier results."""


@dataclass(frozen=True, slots=True)
class JobResult:
    out: str
    articles: int
    events: int
    claims: int
    merged: int
    failed: int
    failures: tuple[ReadFailure, ...]  # the first SHOWN_FAILURES, by origin


def analyze_partition(pipeline: Broadcast, docs: Iterable[RawDocument | ReadFailure]) -> Iterator[tuple]:
    """``(table, row)`` pairs for a partition of documents, with the worker's one pipeline."""
    analyzer: Pipeline = pipeline.value
    for doc in docs:
        result = doc if isinstance(doc, ReadFailure) else _analyze(analyzer, doc)
        if isinstance(result, ReadFailure):
            yield FAILED_TAG, failed_row(result)
            continue
        reports = reports_of(result)
        yield "articles", article_row(result)
        for row in event_rows(result, reports):
            yield "events", row
        for row in claim_rows(result, reports):
            yield "claims", row
        for report in reports:
            yield REPORTS_TAG, report


def _analyze(pipeline: Pipeline, doc: RawDocument) -> Article | ReadFailure:
    try:
        return pipeline.analyze(doc)
    except Exception as exc:  # stages record their own errors; this is a bug, and costs one article
        return ReadFailure(doc.origin, f"internal error while analyzing ({type(exc).__name__}: {exc})")


def _spread(origin: str) -> int:
    """Same partition for the same document in every process and every retry."""
    return zlib.crc32(origin.encode("utf-8"))


def _documents(spark: SparkSession, files: tuple[str, ...], partitions: int) -> RDD:
    sc = spark.sparkContext
    if not files:
        return sc.emptyRDD()
    read = sc.binaryFiles(",".join(files), minPartitions=min(len(files), partitions))
    docs = read.flatMap(lambda item: read_file(item[0], item[1]))
    # A single large file is read by one task; spreading its documents lets every core analyze.
    return docs.keyBy(lambda doc: doc.origin).partitionBy(partitions, _spread).values()


def run_job(
    spark: SparkSession,
    inputs: list[str],
    out: str,
    *,
    pipeline: Pipeline,
    partitions: int | None = None,
) -> JobResult:
    """Analyze ``inputs`` (paths or URIs: files, folders, globs) into the tables under ``out``."""
    sc = spark.sparkContext
    output = _Output(spark, out)
    listing = list_inputs(spark, inputs)
    n = partitions or max(sc.defaultParallelism, len(listing.files))
    broadcast = sc.broadcast(pipeline)
    analyzed = _documents(spark, listing.files, n).mapPartitions(
        lambda docs: analyze_partition(broadcast, docs)
    )
    analyzed.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for name, schema in TABLES.items():
            rows = analyzed.filter(lambda item, name=name: item[0] == name).values()
            # One task per date range writes each day's rows: few files, not one per task and day.
            frame = spark.createDataFrame(rows, schema, verifySchema=False).repartition(n, "published")
            frame.write.partitionBy("published").option("maxRecordsPerFile", MAX_RECORDS_PER_FILE).parquet(
                output.staged(name)
            )
        reports = analyzed.filter(lambda item: item[0] == REPORTS_TAG).values()
        spark.createDataFrame(merge_distributed(reports, n), MERGED, verifySchema=False).write.parquet(
            output.staged("merged")
        )
        failed_rows = analyzed.filter(lambda item: item[0] == FAILED_TAG).values()
        failed_rows = failed_rows.union(sc.parallelize([failed_row(f) for f in listing.failures], 1))
        failed = spark.createDataFrame(failed_rows, FAILED, verifySchema=False)
        failed.coalesce(1).sortWithinPartitions("origin").write.json(output.staged("failed"))
        counts = analyzed.map(lambda item: item[0]).countByValue()
        shown = tuple(ReadFailure(*row) for row in failed_rows.takeOrdered(SHOWN_FAILURES))
        merged = spark.read.schema(MERGED).parquet(output.staged("merged")).count()
        output.commit()
    finally:
        analyzed.unpersist()
        broadcast.destroy()
        output.discard()
    return JobResult(
        out=output.target.toString(),
        articles=counts.get("articles", 0),
        events=counts.get("events", 0),
        claims=counts.get("claims", 0),
        merged=merged,
        failed=counts.get(FAILED_TAG, 0) + len(listing.failures),
        failures=shown,
    )


class _Output:
    """A hidden staging folder beside the target, renamed to it once everything is written."""

    def __init__(self, spark: SparkSession, out: str) -> None:
        jvm = spark.sparkContext._jvm
        self._path = jvm.org.apache.hadoop.fs.Path
        target = self._path(out)
        self.fs = target.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
        self.target = self.fs.makeQualified(target)
        if self.fs.exists(self.target) and (
            not self.fs.getFileStatus(self.target).isDirectory() or self.fs.listStatus(self.target)
        ):
            raise OutputExists(f"{out} already exists and is not empty: choose a new folder or remove it")
        name = f".{self.target.getName()}.tmp-{uuid.uuid4().hex[:12]}"
        self.staging = self._path(self.target.getParent(), name)

    def staged(self, table: str) -> str:
        return self._path(self.staging, table).toString()

    def commit(self) -> None:
        if self.fs.exists(self.target):
            self.fs.delete(self.target, False)  # empty, checked at the start
        if not self.fs.rename(self.staging, self.target):
            raise OSError(f"could not rename {self.staging.toString()} to {self.target.toString()}")

    def discard(self) -> None:
        if self.fs.exists(self.staging):
            self.fs.delete(self.staging, True)
