"""Merging reports into events as a distributed step: blocking, then the ordinary merger per block.

Reports can only be merged when they share a type, and merging compares times and places, so
each report goes to a block keyed by its type, its coarse place (the country, else the place's
normalised name) and the ISO week in which its time starts; each block is merged on one
executor by :func:`marsad.stories.merge.merge_reports`. Blocks are disjoint, so no event can
come out of two blocks.

Two reports of one event can still start in different weeks ("last week" on a Thursday and
"on Monday"), so the week boundaries ("seams") are stitched afterwards. At a seam, the events of
the week before whose days reach past it meet the events of the week after that start within
that reach, and their reports are merged again. Seams of even weeks go first, then those of odd
weeks, so an event is stitched to both its neighbours. Never merged: reports in different
coarse places, and reports more than one seam apart.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from datetime import date

from pyspark import RDD, StorageLevel

from marsad.nlp.normalize import normalize_text
from marsad.scale.rows import merged_row
from marsad.stories.merge import SLACK, merge_reports, report_days
from marsad.stories.reports import MergedEvent, Report


def block_key(report: Report) -> str:
    """``TYPE|place|YYYY-Www``; a report without any date or place gets ``-`` there."""
    place = "-"
    if report.place is not None:
        place = report.place.country or normalize_text(report.place.name)
    days = report_days(report)  # as the merger dates it
    week = "-"
    if days is not None:
        year, number, _ = date.fromordinal(max(1, days[0])).isocalendar()
        week = f"{year}-W{number:02d}"
    return f"{report.type}|{place}|{week}"


def block_partition(key: str) -> int:
    """A hash that is the same in every process (Python's own ``hash`` of a string is not)."""
    return zlib.crc32(key.encode("utf-8"))


Span = tuple[str, int, int]  # the event's type and coarse place, its first and last day (ordinals)


def span(event: MergedEvent) -> Span | None:
    days = [d for d in map(report_days, event.reports) if d is not None]
    if not days:
        return None
    prefix = block_key(event.reports[0]).rsplit("|", 1)[0]
    return prefix, min(a for a, _ in days), max(b for _, b in days)


def _week(day: int) -> int:
    """Weeks counted from the calendar's first Monday (day 1 is a Monday)."""
    return (day - 1) // 7


def seam_reach(event: MergedEvent, parity: int) -> tuple[str, int] | None:
    """``(seam, last day)`` when the event's days reach past the end of its week and the
    seam there is of this parity (the number of the week after it, modulo 2)."""
    known = span(event)
    if known is None:
        return None
    prefix, first, last = known
    seam = _week(first) + 1
    if seam % 2 != parity or last + SLACK < seam * 7 + 1:
        return None
    return f"{prefix}|{seam}", last


def seam_key(event: MergedEvent, parity: int, reach: Mapping[str, int]) -> str | None:
    """The seam of this parity at which the event is stitched, given ``reach``: for each
    seam, the last day of the events of the week before it (as :func:`seam_reach` gives)."""
    if (ahead := seam_reach(event, parity)) is not None:
        return ahead[0]
    known = span(event)
    if known is None:
        return None
    prefix, first, _ = known
    seam = _week(first)
    key = f"{prefix}|{seam}"
    return key if seam % 2 == parity and key in reach and first - SLACK <= reach[key] else None


def _stitch(events: RDD, parity: int, partitions: int) -> RDD:
    """Events at a seam of this parity merged again with the others there; the rest keyed by
    their own id, so that one shuffle does both."""
    events = events.persist(StorageLevel.MEMORY_AND_DISK)
    reaches = events.flatMap(lambda event: [r] if (r := seam_reach(event, parity)) else [])
    reach = events.context.broadcast(dict(reaches.reduceByKey(max).collect()))

    def key(event: MergedEvent) -> str:
        seam = seam_key(event, parity, reach.value)
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
