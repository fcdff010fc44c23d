"""Query parameters: boxes (the antimeridian included) and comma-separated lists."""

from __future__ import annotations

import math
import re

import pytest
from fastapi import HTTPException
from hypothesis import given
from hypothesis import strategies as st

from marsad.api.params import parse_bbox, parse_list

lons = st.floats(-180, 180, allow_nan=False)
lats = st.floats(-90, 90, allow_nan=False)


@given(lons, lats, lons, lats)
def test_every_valid_box_is_kept_as_given(west: float, a: float, east: float, b: float) -> None:
    south, north = min(a, b), max(a, b)
    assert parse_bbox(f"{west!r},{south!r},{east!r},{north!r}") == ((west, south, east, north),)


def test_antimeridian_box_is_west_of_east() -> None:
    assert parse_bbox("170,-30,-170,0") == ((170.0, -30.0, -170.0, 0.0),)
    assert parse_bbox(None) == () and parse_bbox(" ") == ()


@given(st.text(max_size=40))
def test_anything_else_is_a_422_or_a_box(text: str) -> None:
    try:
        boxes = parse_bbox(text)
    except HTTPException as exc:
        assert exc.status_code == 422
        assert exc.detail.startswith("bbox: ")
    else:
        assert all(len(b) == 4 and all(math.isfinite(x) for x in b) for b in boxes)


@pytest.mark.parametrize("bad", ["inf,0,1,1", "0,0,1", "1,2,3,4,5", "0,50,1,40", "181,0,182,1", "x,y,z,w"])
def test_bad_boxes(bad: str) -> None:
    with pytest.raises(HTTPException):
        parse_bbox(bad)


def test_lists_are_split_trimmed_cased_and_deduplicated() -> None:
    pattern = re.compile(r"^[A-Za-z_]{1,32}$")
    assert parse_list("type", " assault, PROTEST,,assault ", pattern=pattern, upper=True) == (
        "ASSAULT",
        "PROTEST",
    )
    assert parse_list("type", None, pattern=pattern, upper=True) == ()
    with pytest.raises(HTTPException, match="not a valid value"):
        parse_list("type", "ASSAULT,1=1", pattern=pattern, upper=True)
    with pytest.raises(HTTPException, match="at most"):
        parse_list("type", ",".join(["A"] * 51), pattern=pattern, upper=True)
