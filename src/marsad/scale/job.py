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

import pickle
import uuid
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pyspark import RDD, Broadcast, StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, BinaryType, StructField, StructType

from marsad.article import Article
from marsad.ingest.records import RawDocument, ReadFailure
from marsad.pipeline import Pipeline
from marsad.scale.inputs import list_inputs, read_file
from marsad.scale.merge import merge_distributed
from marsad.scale.rows import article_row, claim_rows, event_rows, failed_row
from marsad.scale.schemas import ARTICLES, CLAIMS, EVENTS, FAILED, MERGED
from marsad.stories.reports import reports_of

#: What analysis makes of one document, in one row: the tables below are selected from it in
#: the JVM, so Python hands every article over once. ``reports`` (pickled, for merging) and
#: ``failed`` are set only for an article and only for a failure respectively.
ANALYZED = StructType(
    [
        StructField("article", ARTICLES),
        StructField("events", ArrayType(EVENTS)),
        StructField("claims", ArrayType(CLAIMS)),
        StructField("reports", BinaryType()),
        StructField("failed", FAILED),
    ]
)
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
    """One :data:`ANALYZED` row per document, with the worker's one pipeline."""
    analyzer: Pipeline = pipeline.value
    for doc in docs:
        result = doc if isinstance(doc, ReadFailure) else _analyze(analyzer, doc)
        if isinstance(result, ReadFailure):
            yield None, [], [], None, failed_row(result)
            continue
        reports = reports_of(result)
        yield (
            article_row(result),
            event_rows(result, reports),
            claim_rows(result, reports),
            pickle.dumps(reports, protocol=pickle.HIGHEST_PROTOCOL),
            None,
        )


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


def _write_by_date(frame: DataFrame, partitions: int, path: str) -> None:
    # One task per date range writes each day's rows: few files, not one per task and day.
    frame.repartition(partitions, "published").write.partitionBy("published").option(
        "maxRecordsPerFile", MAX_RECORDS_PER_FILE
    ).parquet(path)


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
    docs = _documents(spark, listing.files, n)
    rows = docs.mapPartitions(lambda part: analyze_partition(broadcast, part))
    analyzed = spark.createDataFrame(rows, ANALYZED, verifySchema=False).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        articles = analyzed.where(F.col("article").isNotNull()).select("article.*")
        _write_by_date(articles, n, output.staged("articles"))
        for name in ("events", "claims"):
            _write_by_date(
                analyzed.select(F.explode(name).alias("row")).select("row.*"), n, output.staged(name)
            )
        reports = analyzed.where(F.col("reports").isNotNull()).select("reports").rdd
        merged_rows = merge_distributed(reports.flatMap(lambda row: pickle.loads(row[0])), n)
        spark.createDataFrame(merged_rows, MERGED, verifySchema=False).write.parquet(output.staged("merged"))
        listed = spark.createDataFrame([failed_row(f) for f in listing.failures], FAILED)
        failed = analyzed.where(F.col("failed").isNotNull()).select("failed.*").unionByName(listed)
        failed.coalesce(1).sortWithinPartitions("origin", "reason").write.json(output.staged("failed"))
        counts = analyzed.select(
            F.count("article").alias("articles"),
            F.sum(F.size("events")).alias("events"),
            F.sum(F.size("claims")).alias("claims"),
            F.count("failed").alias("failed"),
        ).first()
        shown = failed.orderBy("origin", "reason").limit(SHOWN_FAILURES).collect()
        merged = spark.read.schema(MERGED).parquet(output.staged("merged")).count()
        output.commit()
    finally:
        analyzed.unpersist()
        broadcast.destroy()
        output.discard()
    return JobResult(
        out=output.target.toString(),
        articles=counts["articles"],
        events=counts["events"] or 0,
        claims=counts["claims"] or 0,
        merged=merged,
        failed=counts["failed"] + len(listing.failures),
        failures=tuple(ReadFailure(*row) for row in shown),
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
