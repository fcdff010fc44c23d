from __future__ import annotations

from datetime import date

from marsad.export.records import COLUMNS, event_to_dict, event_to_row, time_precision
from marsad.stories.merge import merge_reports
from marsad.stories.reports import reports_of
from tests.stories.factory import KAFRANBEL, article


def _event(**kw):
    arts = [
        article("a", site="bbc.co.uk", killed=5, **kw),
        article("b", site="skynewsarabia.com", killed=7, source="الدفاع المدني", **kw),
    ]
    (event,) = merge_reports([r for a in arts for r in reports_of(a)])
    return event


def test_the_contract_fields_of_one_merged_event():
    d = event_to_dict(_event())
    assert d["type"] == "ASSAULT" and d["from"] == d["to"] == "2018-04-08"
    assert d["place"] == {
        "name": "إدلب",
        "geonameid": 169389,
        "country": "SY",
        "lat": 35.93,
        "lon": 36.63,
        "level": "city",
    }
    assert [r["site"] for r in d["reports"]] == ["bbc.co.uk", "skynewsarabia.com"]
    assert (
        d["reports"][0]["evidence"].startswith("قال المرصد السوري")
        and d["reports"][1]["source"] == "الدفاع المدني"
    )
    assert [(c["value"], c["source"]) for c in d["claims"]] == [(5, "المرصد السوري"), (7, "الدفاع المدني")]
    assert isinstance(d["claims"][0]["value"], int)  # 5, not 5.0


def test_the_flat_row_has_acled_columns_and_codes():
    row = event_to_row(_event(where=KAFRANBEL))
    assert tuple(row) == COLUMNS
    assert row["event_date"] == date(2018, 4, 8) and row["time_precision"] == 1
    assert (row["location"], row["country"], row["geo_precision"]) == ("كفرنبل", "SY", 1)
    assert (row["latitude"], row["longitude"]) == (35.61, 36.56)
    assert row["source"] == "bbc.co.uk; skynewsarabia.com" and row["source_scale"] == "International-Regional"
    assert row["fatalities_claims"] == "5 [المرصد السوري]; 7 [الدفاع المدني]"
    assert (row["plover_type"], row["cameo"], row["event_type"]) == (
        "ASSAULT",
        "19",
        "Explosions/Remote violence",
    )
    assert row["actor1"] == "الطائرات الحربية" and row["n_reports"] == 2 and row["n_sources"] == 2


def test_time_precision_follows_the_interval():
    assert time_precision(_event(when=(date(2018, 4, 2), date(2018, 4, 8)))) == 2
    assert time_precision(_event(when=(date(2018, 4, 1), date(2018, 4, 30)))) == 3
