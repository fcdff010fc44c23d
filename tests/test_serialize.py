import json
from datetime import date

from marsad.article import Article, Canonical, Entity, Place, Quantity, Relation, TimeExpr
from marsad.serialize import article_to_dict

TEXT = "نزحت أكثر من 800 عائلة من ريف حماة الشمالي الأسبوع الماضي."


def test_contract_fields_and_offsets():
    a = Article(
        id="a1",
        text=TEXT,
        origin="x.jsonl:3",
        published=date(2019, 5, 15),
        language="ar",
        entities=(Entity("e1", 30, 34, "LOC", Canonical("geonames:170017", "Hama")),),
        places=(Place(26, 42, "north of Hama", "relative", entity="e1", relation=Relation("N", 170017)),),
        times=(TimeExpr(43, 57, date(2019, 5, 8), date(2019, 5, 14)),),
        quantities=(Quantity(5, 22, low=801, unit="family"),),
    )
    d = json.loads(json.dumps(article_to_dict(a), ensure_ascii=False))
    assert d["schema"] == "marsad.article/1"
    assert d["published"] == "2019-05-15"
    fields = "id origin url site title language text entities places times quantities events errors"
    assert set(d) >= set(fields.split())
    assert d["entities"][0]["canonical"] == {"id": "geonames:170017", "name": "Hama"}
    assert d["places"][0]["relation"] == {"direction": "N", "of": 170017}
    assert d["times"][0] == {
        "start": 43,
        "end": 57,
        "text": "الأسبوع الماضي",
        "from": "2019-05-08",
        "to": "2019-05-14",
    }
    q = d["quantities"][0]
    assert (q["value"], q["low"], q["high"], q["unit"]) == (None, 801, None, "family")
    assert isinstance(q["low"], int)
    for layer in ("entities", "times", "quantities"):
        for span in d[layer]:
            assert TEXT[span["start"] : span["end"]] == span["text"]
