from __future__ import annotations

import json

from marsad.geo import resolve_places
from marsad.geo.evaluate import GeoScores, score_article
from tests.geo.conftest import article


def test_scores_count_detection_and_distance(gazetteer):
    text = "قصفت الطائرات حلب ودمشق أمس. وقال الرجل إنه فتح الباب."
    a = resolve_places(article(text), gazetteer=gazetteer)
    gold = {
        "id": "t",
        "sentences": [[0, 28]],
        "mentions": [
            {
                "start": 14,
                "end": 17,
                "text": "حلب",
                "level": "city",
                "geonameid": 170063,
                "lat": 36.2,
                "lon": 37.16,
            },
            {
                "start": 19,
                "end": 23,
                "text": "دمشق",
                "level": "city",
                "geonameid": 1,
                "lat": 36.2,
                "lon": 37.16,
            },
        ],
    }
    scores = GeoScores()
    score_article(a, gold, scores)
    assert (scores.gold, scores.predicted, scores.matched, scores.exact) == (2, 2, 2, 1)
    assert scores.within[161.0] == 1 and scores.errors == []
    assert json.dumps(scores.as_dict())


def test_gold_file_is_well_formed():
    from pathlib import Path

    gold = json.loads((Path(__file__).parent / "gold_places.json").read_text(encoding="utf-8"))
    mentions = [m for a in gold["articles"] for m in a["mentions"]]
    assert len(mentions) >= 300
    assert all(a["id"].startswith("ant-") for a in gold["articles"])
    for m in mentions:
        assert m["level"] in {"country", "admin1", "city", "town", "region", "relative"}
        assert (m["level"] == "relative") == ("relation" in m)
        assert m["end"] - m["start"] == len(m["text"])
