from __future__ import annotations

from datetime import date

import pytest

from marsad.ingest.records import RawDocument, ReadFailure
from marsad.pipeline import Pipeline
from marsad.settings import Settings
from marsad.store.connection import StoreBusy, reading
from marsad.store.ingest import Ingest, parse_timestamp
from marsad.store.queries import stats

TEXT = "قتل {n} أشخاص على الأقل في انفجار سيارة مفخخة وسط مدينة إعزاز شمالي حلب أمس الأحد، بحسب مصادر طبية."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def _doc(n: int, **kw) -> RawDocument:
    fields = {
        "origin": f"test:{n}",
        "text": TEXT.format(n=n),
        "site": "example.com",
        "published": "2018-06-04T10:00:00+03:00",
    }
    fields.update(kw)
    return RawDocument(**fields)


def test_timestamps_are_read_in_utc():
    assert parse_timestamp("2018-06-04T10:00:00+03:00").hour == 7
    assert parse_timestamp("Mon, 04 Jun 2018 10:00:00 GMT").hour == 10
    assert parse_timestamp("not a date") is None


def test_reingesting_stores_nothing_twice(db, pipeline):
    docs = [_doc(n) for n in range(5)]
    with Ingest(db, pipeline, batch_size=2) as run:
        first = run.run(docs)
    with Ingest(db, pipeline) as run:
        second = run.run([*docs, _doc(9)])
    assert (first.read, first.new, first.duplicate) == (5, 5, 0)
    assert (second.read, second.new, second.duplicate) == (6, 1, 5)
    with reading(db) as conn:
        s = stats(conn)
    # Six copies of one report differing only in the figure: one event, six claims.
    assert (s.articles, s.reports, s.events, s.claims, s.stale) == (6, 6, 1, 6, False)


def test_a_lightly_edited_copy_from_another_outlet_is_kept_as_its_report(db, pipeline):
    copy = TEXT.format(n=1) + " وأضافت المصادر أن الحصيلة مرشحة للارتفاع."
    with Ingest(db, pipeline) as run:
        summary = run.run([_doc(1), _doc(1, origin="other", site="other.net", text=copy)])
    assert summary.new == 2
    with reading(db) as conn:
        assert stats(conn).duplicates == 1  # linked as a near-duplicate, the earliest the original


def test_failures_are_counted_and_named(db, pipeline):
    with Ingest(db, pipeline) as run:
        summary = run.run([ReadFailure("bad.html", "no article text"), _doc(1, text="   ")])
    assert (summary.read, summary.failed, summary.new) == (2, 2, 0)
    assert [f.origin for f in summary.failures] == ["bad.html", "test:1"]


def test_an_article_dated_in_the_future_is_stored_without_its_date(db, pipeline):
    with Ingest(db, pipeline, today=date(2018, 6, 4)) as run:
        run.run([_doc(1, published="2031-01-01")])
    with reading(db) as conn:
        published, errors = conn.execute("SELECT published, errors FROM articles").fetchall()[0]
    assert published is None
    assert any(e["code"] == "future-date" and "2031-01-01" in e["message"] for e in errors)


def test_a_second_ingest_into_the_same_file_is_refused_clearly(db, pipeline):
    with Ingest(db, pipeline), pytest.raises(StoreBusy, match="being written by marsad ingest"):
        Ingest(db, pipeline).__enter__()


def test_a_run_interrupted_before_its_merge_is_merged_by_the_next(db, pipeline):
    with Ingest(db, pipeline) as run:
        run.add(_doc(1))
        run.flush()  # stored, then "killed" before finish()
    with reading(db) as conn:
        assert stats(conn).stale and stats(conn).events == 0
    with Ingest(db, pipeline) as run:
        summary = run.run([])
    assert summary.refreshed is not None
    with reading(db) as conn:
        assert not stats(conn).stale and stats(conn).events >= 1
