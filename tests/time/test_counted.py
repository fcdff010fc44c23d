from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.article import Article
from marsad.time import load_time_rules, resolve_times

RULES = load_time_rules()
PUBLISHED = date(2018, 6, 4)


def _times(text: str) -> list[tuple[str, str, str]]:
    out = resolve_times(Article(id="t", text=text, origin="t", published=PUBLISHED), rules=RULES)
    return [(text[t.start : t.end], t.from_.isoformat(), t.to.isoformat()) for t in out.times]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع الهجوم قبل ثلاثة أيام", ("قبل ثلاثة أيام", "2018-06-01", "2018-06-01")),
        ("غادر قبل شهرين", ("قبل شهرين", "2018-04-01", "2018-04-30")),
        ("يعيش هناك منذ عامين", ("منذ عامين", "2016-06-04", "2018-06-04")),
        ("في الأيام الثلاثة الماضية", ("الأيام الثلاثة الماضية", "2018-06-01", "2018-06-03")),
        ("خلال الأشهر المقبلة", ("خلال الأشهر المقبلة", "2018-06-05", "2018-12-04")),
    ],
)
def test_counted_spans_from_publication(text, expected):
    assert _times(text) == [expected]


def test_counts_from_another_event_or_without_a_number_are_left_out():
    assert _times("قبل يومين من الانتخابات") == []
    assert _times("منذ سنوات") == []


@given(st.integers(min_value=1, max_value=500))
def test_days_ago_is_that_day(n):
    (found,) = _times(f"قبل {n} يوما")
    assert found[1] == found[2] == date.fromordinal(PUBLISHED.toordinal() - n).isoformat()
