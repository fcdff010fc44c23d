from __future__ import annotations

import json

import pytest

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


@pytest.mark.parametrize(("name", "least"), [("gold_places.json", 300), ("gold_places_heldout.json", 50)])
def test_gold_files_are_well_formed(name, least):
    from pathlib import Path

    gold = json.loads((Path(__file__).parent / name).read_text(encoding="utf-8"))
    mentions = [m for a in gold["articles"] for m in a["mentions"]]
    assert len(mentions) >= least
    assert all(a["id"].startswith("ant-") for a in gold["articles"])
    for m in mentions:
        assert m["level"] in {"country", "admin1", "city", "town", "region", "relative"}
        assert (m["level"] == "relative") == ("relation" in m)
        assert m["end"] - m["start"] == len(m["text"])
        assert m["lat"] is not None and m["lon"] is not None


def test_dev_and_held_out_gold_share_no_article():
    from pathlib import Path

    folder = Path(__file__).parent
    ids = [
        {a["id"] for a in json.loads((folder / name).read_text(encoding="utf-8"))["articles"]}
        for name in ("gold_places.json", "gold_places_heldout.json")
    ]
    assert not ids[0] & ids[1]
