"""One Spark session for every Spark test: local mode, two cores, a task may fail twice and
be retried. Without Java the Spark tests are skipped, except on CI, where that is a failure."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "src" / "marsad" / "data" / "samples"


def _java() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java") or (home and (Path(home) / "bin" / "java").is_file()))


@pytest.fixture(scope="session")
def spark():
    if not _java():
        reason = "no Java runtime for Spark (make system-deps installs default-jre-headless)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from marsad.scale.session import make_session

    session = make_session(
        "local[2,3]",  # two cores; a failed task is tried up to three times
        conf={
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": "2",
            "spark.default.parallelism": "2",
            # Workers unpickle test-only pipelines from the tests package.
            "spark.executorEnv.PYTHONPATH": str(REPO),
        },
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
