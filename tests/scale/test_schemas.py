"""Rows fit their schemas exactly, and the articles schema covers every field of a result."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("pyspark")

from hypothesis import given
from hypothesis import strategies as st
from pyspark.sql.types import ArrayType, DateType, DoubleType, StructType

from marsad.ingest.read import read_paths
from marsad.ingest.records import ReadFailure
from marsad.pipeline import Pipeline
from marsad.scale.schemas import ARTICLES, FAILED, conform
from marsad.serialize import article_to_dict
from marsad.settings import Settings
from tests.scale.conftest import SAMPLES


def uncovered(value, dtype, path="") -> list[str]:
    """Fields of ``value`` (a result's JSON) that ``dtype`` has no column for."""
    if isinstance(value, dict):
        assert isinstance(dtype, StructType), path
        fields = {f.name: f.dataType for f in dtype.fields}
        out = [f"{path}.{k}" for k in value if k not in fields]
        for k, v in value.items():
            if k in fields:
                out += uncovered(v, fields[k], f"{path}.{k}")
        return out
    if isinstance(value, list):
        return [p for v in value for p in uncovered(v, dtype.elementType, f"{path}[]")]
    return []


def test_every_field_of_every_sample_result_has_a_column():
    results = Pipeline(Settings()).analyze_all(read_paths([str(SAMPLES)]))
    articles = [a for a in results if not isinstance(a, ReadFailure)]
    assert len(articles) > 10
    assert sum(len(a.events) for a in articles) > 0  # the events' fields are checked too
    for article in articles:
        assert uncovered(article_to_dict(article), ARTICLES) == []


def test_structs_become_tuples_in_field_order_and_unknown_keys_are_dropped():
    assert conform({"reason": "empty file", "origin": "a.txt", "extra": 1}, FAILED) == ("a.txt", "empty file")
    assert conform(ReadFailure("a.txt", "empty file"), FAILED) == ("a.txt", "empty file")
    assert conform({"origin": None}, FAILED) == (None, None)


@given(st.dates())
def test_iso_dates_and_dates_alike(day: date):
    assert conform(day.isoformat(), DateType()) == conform(day, DateType()) == day


@given(st.lists(st.one_of(st.integers(-(2**53), 2**53), st.floats(allow_nan=False)), max_size=5))
def test_numbers_become_floats_of_the_same_value(numbers):
    out = conform(numbers, ArrayType(DoubleType()))
    assert all(type(x) is float for x in out)
    assert out == [float(x) for x in numbers]
