"""The Spark session a run uses: the one ``spark-submit`` made, or a new one for ``--master``."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from pyspark.sql import SparkSession

#: Settings every run needs: one committed attempt per task (the atomic, duplicate-free
#: commit), and Arrow-free Python rows so no pandas or pyarrow is required on executors.
BASE_CONF = {
    "spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version": "1",
    "spark.sql.execution.arrow.pyspark.enabled": "false",
}


def make_session(master: str | None, *, conf: Mapping[str, str] | None = None) -> SparkSession:
    """A session for ``master`` (``local[*]``, ``yarn``, ``spark://...``); None keeps the master
    ``spark-submit`` chose, or is ``local[*]`` outside it. Local executors run this very Python,
    so they find this package."""
    if master is None and not under_spark_submit():
        master = "local[*]"
    builder = SparkSession.builder.appName("marsad")
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            # PySpark takes the workers' Python from the environment only.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for key, value in {**BASE_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def under_spark_submit() -> bool:
    """True in a driver that ``spark-submit`` started (it hands over its JVM's gateway port)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ
