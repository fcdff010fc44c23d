"""Merging reports into events as a distributed step: blocking, then the ordinary merger per block.

Reports can only be merged when they share a type, and merging compares times and places, so
each report goes to a block keyed by its type, its coarse place (the country, else the place's
normalised name) and the ISO week in which its time starts; each block is merged on one
executor by :func:`marsad.stories.merge.merge_reports`. Blocks are disjoint, so no event can
come out of two blocks. The price: two reports of one event whose times start in different
weeks (a Sunday and a Monday) stay two events.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from datetime import timedelta

from pyspark import RDD

from marsad.nlp.normalize import normalize_text
from marsad.scale.rows import merged_row
from marsad.stories.merge import UNDATED_DAYS, merge_reports
from marsad.stories.reports import Report


def block_key(report: Report) -> str:
    """``TYPE|place|YYYY-Www``; a report without any date or place gets ``-`` there."""
    place = "-"
    if report.place is not None:
        place = report.place.country or normalize_text(report.place.name)
    start = report.date_from
    if start is None and report.published is not None:
        start = report.published - timedelta(days=UNDATED_DAYS)  # as the merger dates it
    week = "-"
    if start is not None:
        year, number, _ = start.isocalendar()
        week = f"{year}-W{number:02d}"
    return f"{report.type}|{place}|{week}"


def block_partition(key: str) -> int:
    """A hash that is the same in every process (Python's own ``hash`` of a string is not)."""
    return zlib.crc32(key.encode("utf-8"))


def merge_block(reports: Iterable[Report]) -> Iterator[tuple]:
    for event in merge_reports(reports):
        yield merged_row(event)


def merge_distributed(reports: RDD, partitions: int) -> RDD:
    """Story rows (merged events) from an RDD of :class:`Report`."""
    blocks = reports.keyBy(block_key).groupByKey(partitions, block_partition)
    return blocks.flatMap(lambda block: merge_block(block[1]))
