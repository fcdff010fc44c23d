from __future__ import annotations

from marsad.store.frame import open as open_events
from marsad.store.queries import EventFilter
from tests.store.conftest import store_articles
from tests.stories.factory import GAZA, article


def test_open_gives_one_row_per_merged_event(db):
    store_articles(db, [article("a", killed=5), article("b", killed=7), article("c", where=GAZA)])
    frame = open_events(db)
    assert len(frame) == 2
    assert str(frame["event_date"].dtype).startswith("datetime64")
    idlib = frame[frame["location"] == "إدلب"].iloc[0]
    assert idlib["n_reports"] == 2 and sorted(c["value"] for c in idlib["claims"]) == [5, 7]
    assert len(open_events(db, EventFilter(countries=("PS",)))) == 1
