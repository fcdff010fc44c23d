"""Blocking for the distributed merge: a block holds what the merger could ever join."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

pytest.importorskip("pyspark")

from marsad.scale.merge import block_key, block_partition, merge_distributed, seam_key, seam_reach
from marsad.scale.rows import merged_row
from marsad.stories.merge import merge_reports
from marsad.stories.reports import Actor, MergedEvent, PlaceRef, Report

IDLIB = PlaceRef("إدلب", "city", 169389, "SY", 35.93, 36.63)
KAFRANBEL = PlaceRef("كفرنبل", "town", 168661, "SY", 35.61, 36.56)


def report(
    article: str, *, type_: str = "ASSAULT", place=IDLIB, day=date(2019, 5, 8), published=None
) -> Report:
    return Report(
        article=article,
        index=0,
        type=type_,
        modality="reported",
        published=published,
        date_from=day,
        date_to=day,
        place=place,
        evidence="قصفت الطائرات مستشفى في بلدة كفرنبل",
        trigger="قصفت",
    )


def test_one_country_one_week_one_type_is_one_block():
    a, b = report("a"), report("b", place=KAFRANBEL, day=date(2019, 5, 12))  # Wednesday, Sunday
    assert block_key(a) == block_key(b) == "ASSAULT|SY|2019-W19"
    assert block_key(report("c", day=date(2019, 5, 13))) == "ASSAULT|SY|2019-W20"
    assert block_key(report("d", type_="PROTEST")) == "PROTEST|SY|2019-W19"


def test_places_without_a_country_block_by_their_normalised_name_and_no_place_by_itself():
    assert block_key(report("a", place=PlaceRef("إدلب", "city"))) == block_key(
        report("b", place=PlaceRef("ادلب", "city"))
    )
    assert block_key(report("c", place=None)) == "ASSAULT|-|2019-W19"


def test_an_undated_report_blocks_by_the_week_the_merger_gives_it():
    undated = report("a", day=None, published=date(2019, 5, 14))  # Tuesday: dated from Sunday
    assert block_key(undated) == "ASSAULT|SY|2019-W19"
    assert block_key(report("b", day=None)) == "ASSAULT|SY|-"


def merged_in_blocks(reports: list[Report]) -> list[tuple]:
    """What the distributed merge gives, worked out in one process: the oracle for Spark."""
    blocks: dict[str, list[Report]] = {}
    for r in reports:
        blocks.setdefault(block_key(r), []).append(r)
    events = [e for block in blocks.values() for e in merge_reports(block)]
    for parity in (0, 1):
        reach: dict[str, int] = {}
        for seam, last in filter(None, (seam_reach(e, parity) for e in events)):
            reach[seam] = max(last, reach.get(seam, last))
        groups: dict[str, list[MergedEvent]] = {}
        for e in events:
            groups.setdefault(seam_key(e, parity, reach) or e.id, []).append(e)
        events = [e for g in groups.values() for e in merge_reports(r for x in g for r in x.reports)]
    return [merged_row(e) for e in events]


def stated(article: str, day: date, place=KAFRANBEL, type_="ASSAULT", to: date | None = None) -> Report:
    # Reports from different articles merge only when precise and sharing an actor.
    plain = report(article, type_=type_, place=place, day=day)
    actors = (Actor("actor", "الطيران الروسي", "ru-air"),)
    return replace(plain, date_to=to or day, time_stated=True, actors=actors)


def test_an_event_is_stitched_where_its_days_reach_past_its_week_or_where_the_week_before_reaches():
    (week_long,) = merge_reports([stated("a", date(2019, 5, 9), to=date(2019, 5, 16))])  # Thu-Thu
    seam, last = seam_reach(week_long, 1)  # the seam on Monday 13 May is of odd parity
    assert last == date(2019, 5, 16).toordinal()
    assert seam_reach(week_long, 0) is None  # the seams alternate: only one is this event's
    (wednesday,) = merge_reports([stated("b", date(2019, 5, 15))])  # the next week, within reach
    (saturday,) = merge_reports([stated("c", date(2019, 5, 18))])  # the next week, out of reach
    reach = {seam: last}
    assert seam_key(wednesday, 1, reach) == seam_key(week_long, 1, reach) == seam
    assert seam_key(saturday, 1, reach) is None
    assert seam_key(wednesday, 0, reach) is None


def test_an_event_without_any_day_is_never_stitched():
    (undated,) = merge_reports([report("a", day=None)])  # no time and no publication date
    assert seam_reach(undated, 0) is seam_reach(undated, 1) is None
    assert seam_key(undated, 0, {"ASSAULT|SY|105313": 737195}) is None
    # Published on the calendar's first day: dated before it, without overflowing.
    (earliest,) = merge_reports([report("b", day=None, published=date.min)])
    assert block_key(earliest.reports[0]) == "ASSAULT|SY|1-W01"
    assert seam_reach(earliest, 1) is None


def test_reports_across_week_boundaries_merge_as_the_merger_merges_them_all(spark):
    reports = [
        stated("a", date(2019, 5, 11)),  # Saturday, week 19
        stated("b", date(2019, 5, 12)),  # Sunday, week 19
        stated("c", date(2019, 5, 13)),  # Monday, week 20
        stated("d", date(2019, 5, 19)),  # Sunday, week 20
        stated("e", date(2019, 5, 20)),  # Monday, week 21
        stated("f", date(2019, 5, 16)),  # Thursday, far from both seams
        stated("g", date(2019, 5, 13), type_="PROTEST"),
        stated("h", date(2019, 5, 13), place=PlaceRef("الرقة", "city", 163915, "SY", 35.95, 39.01)),
        stated("i", date(2019, 6, 4), to=date(2019, 6, 11)),  # a week from Tuesday, week 23
        stated("j", date(2019, 6, 12)),  # Wednesday, week 24: within its reach
    ]
    expected = merge_reports(reports)
    assert len(expected) < len(reports) - 2  # the test means something: the merger joins across weeks
    assert sorted(merged_in_blocks(reports)) == sorted(merged_row(e) for e in expected)
    got = merge_distributed(spark.sparkContext.parallelize(reports, 3), 2).collect()
    assert sorted(got) == sorted(merged_row(e) for e in expected)


def test_partition_hash_is_the_same_in_every_process():
    # Python's own hash of a string changes from one process to the next; this must not.
    assert block_partition("ASSAULT|SY|2019-W19") == 2236948531
