"""Pipelines that kill the Python worker running them, as a lost executor does."""

from __future__ import annotations

import os
from pathlib import Path

from pyspark import TaskContext

from marsad.ingest.records import RawDocument
from marsad.pipeline import Pipeline
from marsad.settings import Settings


class CrashingPipeline(Pipeline):
    """Dies on reaching the document ``origin``: on a task's first attempt only, or on every
    attempt with ``always``. Each death leaves a file in ``deaths`` so a test can count them."""

    def __init__(self, settings: Settings, *, origin: str, deaths: Path, always: bool = False) -> None:
        super().__init__(settings)
        self.origin = origin
        self.deaths = str(deaths)
        self.always = always

    def analyze(self, raw: RawDocument):
        context = TaskContext.get()
        if raw.origin == self.origin and (self.always or context.attemptNumber() == 0):
            name = f"stage{context.stageId()}-task{context.partitionId()}-attempt{context.attemptNumber()}"
            Path(self.deaths, name).touch()
            os._exit(1)
        return super().analyze(raw)
