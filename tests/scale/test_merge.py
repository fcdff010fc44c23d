"""Blocking for the distributed merge: a block holds what the merger could ever join."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

pytest.importorskip("pyspark")

from marsad.scale.merge import block_key, block_partition, merge_distributed, seam_key
from marsad.scale.rows import merged_row
from marsad.stories.merge import merge_reports
from marsad.stories.reports import Actor, PlaceRef, Report

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


def test_seams_of_each_parity_that_an_event_comes_within_reach_of():
    (sunday,) = merge_reports([report("a", day=date(2019, 5, 12))])  # end of week 19
    assert seam_key(sunday, 0) == "ASSAULT|SY|2019-05-13"  # the Monday of week 20
    assert seam_key(sunday, 1) is None
    (wednesday,) = merge_reports([report("b", day=date(2019, 5, 8))])
    assert seam_key(wednesday, 0) is None and seam_key(wednesday, 1) is None
    (monday,) = merge_reports([report("c", day=date(2019, 5, 13))])
    assert seam_key(monday, 0) == "ASSAULT|SY|2019-05-13"


def test_reports_across_week_boundaries_merge_as_the_merger_merges_them_all(spark):
    def stated(article: str, day: date, place=KAFRANBEL, type_: str = "ASSAULT") -> Report:
        # Reports from different articles merge only when precise and sharing an actor.
        plain = report(article, type_=type_, place=place, day=day)
        return replace(plain, time_stated=True, actors=(Actor("actor", "الطيران الروسي", "ru-air"),))

    reports = [
        stated("a", date(2019, 5, 11)),  # Saturday, week 19
        stated("b", date(2019, 5, 12)),  # Sunday, week 19
        stated("c", date(2019, 5, 13)),  # Monday, week 20
        stated("d", date(2019, 5, 19)),  # Sunday, week 20
        stated("e", date(2019, 5, 20)),  # Monday, week 21
        stated("f", date(2019, 5, 16)),  # Thursday, far from both seams
        stated("g", date(2019, 5, 13), type_="PROTEST"),
        stated("h", date(2019, 5, 13), place=PlaceRef("الرقة", "city", 163915, "SY", 35.95, 39.01)),
    ]
    expected = merge_reports(reports)
    assert len(expected) < len(reports) - 1  # the test means something: the merger joins across weeks
    got = merge_distributed(spark.sparkContext.parallelize(reports, 3), 2).collect()
    assert sorted(got) == sorted(merged_row(e) for e in expected)


def test_partition_hash_is_the_same_in_every_process():
    # Python's own hash of a string changes from one process to the next; this must not.
    assert block_partition("ASSAULT|SY|2019-W19") == 2236948531
