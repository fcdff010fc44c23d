"""Merging reports into events as a distributed step: blocking, then the ordinary merger per block.

Reports can only be merged when they share a type, and merging compares times and places, so
each report goes to a block keyed by its type, its coarse place (the country, else the place's
normalised name) and the ISO week in which its time starts; each block is merged on one
executor by :func:`marsad.stories.merge.merge_reports`. Blocks are disjoint, so no event can
come out of two blocks.

Two reports of one event can still start in different weeks (a Sunday and a Monday), so the
week boundaries ("seams") are stitched afterwards: every merged event whose days come within
reach of a seam is grouped with the others at that seam, and their reports are merged again.
Seams on even weeks go first, then odd ones, so an event that touches both of its week's seams
is stitched on either side.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from datetime import date, timedelta

from pyspark import RDD

from marsad.nlp.normalize import normalize_text
from marsad.scale.rows import merged_row
from marsad.stories.merge import SLACK, UNDATED_DAYS, merge_reports
from marsad.stories.reports import MergedEvent, Report


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


def _days(report: Report) -> tuple[date, date] | None:
    """The days a report's event may have happened on, as the merger dates it."""
    if report.date_from is not None and report.date_to is not None:
        return report.date_from, report.date_to
    if report.published is not None:
        return report.published - timedelta(days=UNDATED_DAYS), report.published
    return None


def seam_key(event: MergedEvent, parity: int) -> str | None:
    """``TYPE|place|Monday`` of the first week seam of this parity (ISO week number modulo 2)
    that the event comes within reach of, or None when it is far from every such seam."""
    spans = [d for d in map(_days, event.reports) if d is not None]
    if not spans:
        return None
    first = min(start for start, _ in spans) - timedelta(days=SLACK)
    last = max(end for _, end in spans) + timedelta(days=SLACK + 1)
    monday = first + timedelta(days=-first.weekday() % 7)  # the first Monday on or after ``first``
    while monday <= last:
        if monday.isocalendar()[1] % 2 == parity:
            return f"{block_key(event.reports[0]).rsplit('|', 1)[0]}|{monday.isoformat()}"
        monday += timedelta(days=7)
    return None


def _stitch(events: RDD, parity: int, partitions: int) -> RDD:
    """Events near a seam of this parity merged again with the others at the same seam; the
    rest keyed by their own id, so that one shuffle does both."""

    def key(event: MergedEvent) -> str:
        seam = seam_key(event, parity)
        return f"seam|{seam}" if seam else f"event|{event.id}"

    def merge(group: tuple[str, Iterable[MergedEvent]]) -> Iterable[MergedEvent]:
        events = list(group[1])
        return merge_reports(r for event in events for r in event.reports) if len(events) > 1 else events

    return events.keyBy(key).groupByKey(partitions, block_partition).flatMap(merge)


def merge_distributed(reports: RDD, partitions: int) -> RDD:
    """Story rows (merged events) from an RDD of :class:`Report`."""
    blocks = reports.keyBy(block_key).groupByKey(partitions, block_partition)
    events = blocks.flatMap(lambda block: merge_reports(block[1]))
    for parity in (0, 1):
        events = _stitch(events, parity, partitions)
    return events.map(merged_row)
