"""Blocking for the distributed merge: a block holds what the merger could ever join."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("pyspark")

from marsad.scale.merge import block_key, block_partition, merge_block
from marsad.stories.merge import merge_reports
from marsad.stories.reports import PlaceRef, Report

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


def test_a_block_merges_as_the_merger_does():
    reports = [report("a"), report("b", place=KAFRANBEL), report("c", type_="PROTEST")]
    assert [row[0] for row in merge_block(reports)] == [event.id for event in merge_reports(reports)]


def test_partition_hash_is_the_same_in_every_process():
    # Python's own hash of a string changes from one process to the next; this must not.
    assert block_partition("ASSAULT|SY|2019-W19") == 2236948531
