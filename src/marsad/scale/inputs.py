"""Inputs of a Spark run: listed on the driver through Hadoop's file systems, read on executors.

Any Hadoop-compatible URI works (local paths, ``file:``, ``hdfs://``, ``s3a://`` with the
connector on the classpath). Folders are walked recursively; as in ``marsad analyze`` only
files with a known extension are taken from them, and hidden entries (``.name``, and Hadoop's
``_name`` such as ``_SUCCESS``) are skipped. Each file is read whole by Spark's
``binaryFiles`` and parsed by the same readers as ``marsad analyze`` (gzip, encodings, JSON
Lines, WARC), so origins and failures are the same too.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from pyspark.sql import SparkSession

from marsad.ingest.read import kind_of, read_stream
from marsad.ingest.records import RawDocument, ReadFailure

#: ``binaryFiles`` hands each file over as one byte array, which the JVM caps below 2 GiB.
MAX_FILE_BYTES = 1_900_000_000


@dataclass(frozen=True, slots=True)
class Listing:
    files: tuple[str, ...]  # fully qualified URIs, sorted
    failures: tuple[ReadFailure, ...]


def list_inputs(spark: SparkSession, inputs: list[str]) -> Listing:
    """The files to read under ``inputs`` (files, folders or glob patterns), and the inputs
    that name nothing readable."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files: set[str] = set()
    failures: list[ReadFailure] = []
    for given in inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        matches = fs.globStatus(path)
        if not matches:
            failures.append(ReadFailure(given, "no such file or directory"))
            continue
        for status in matches:
            if status.isDirectory():
                found = list(_walk(fs, status.getPath()))
                if not found:
                    failures.append(ReadFailure(given, "no readable files in the folder"))
                candidates = found
            else:
                candidates = [status]
            for file in candidates:
                uri = file.getPath().toString()
                if file.getLen() > MAX_FILE_BYTES:
                    reason = f"larger than {MAX_FILE_BYTES >> 20} MB: split it into smaller files"
                    failures.append(ReadFailure(origin_of(uri), reason))
                else:
                    files.add(uri)
    return Listing(tuple(sorted(files)), tuple(failures))


def _walk(fs, root) -> Iterator:
    """Files with a known extension under ``root`` whose path below it has no hidden part."""
    prefix = root.toString().rstrip("/") + "/"
    found = fs.listFiles(root, True)
    while found.hasNext():
        status = found.next()
        uri = status.getPath().toString()
        parts = uri[len(prefix) :].split("/") if uri.startswith(prefix) else [status.getPath().getName()]
        if any(part.startswith((".", "_")) for part in parts):
            continue
        if kind_of(parts[-1]):
            yield status


def origin_of(uri: str) -> str:
    """A local file as its path (as ``marsad analyze`` names it), anything else as its URI."""
    if uri.startswith("file:"):
        return "/" + uri[len("file:") :].lstrip("/")
    return uri


def read_file(uri: str, data: bytes) -> Iterator[RawDocument | ReadFailure]:
    """The documents in one file's bytes, and a failure for each bad part."""
    origin = origin_of(uri)
    try:
        yield from read_stream(io.BytesIO(data), origin=origin, kind=kind_of(uri))
    except Exception as exc:  # a reader bug must cost this file, not the whole job
        yield ReadFailure(origin, f"internal error while reading ({type(exc).__name__}: {exc})")
