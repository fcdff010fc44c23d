"""Quality floors of the time stage: a change may raise these figures, not silently lower them."""

from datetime import date
from pathlib import Path

from marsad.time.evaluate import load_gold, score_gold, score_timeml

GOLD = Path(__file__).parent / "gold_ant_dev.json"
HELDOUT = Path(__file__).parent / "gold_ant_heldout.json"


def test_gold_spans_are_the_sentence_text():
    records = load_gold(GOLD)
    assert sum(len(r["times"]) for r in records) >= 200
    for r in records:
        for t in r["times"]:
            assert r["sentence"][t["start"] : t["end"]] == t["text"]
            assert t["from"] <= t["to"]


def test_dev_gold_floor():
    score = score_gold(load_gold(GOLD))
    assert score.span_recall >= 0.95
    assert score.span_precision >= 0.95
    assert score.exact >= 0.93


def test_heldout_gold_floor():
    score = score_gold(load_gold(HELDOUT))
    assert score.gold >= 50
    assert score.span_recall >= 0.95
    assert score.exact >= 0.9


def test_timeml_silver_floor(shared_data):
    path = shared_data / "heideltime_arabic_news" / "timex3_spans.jsonl"
    score = score_timeml(path, published=date(2015, 12, 24))
    assert score.gold == 283
    assert score.overlap_predicted / score.predicted >= 0.85
    assert score.calendar_exact / score.calendar_gold >= 0.6
    precision, recall, f1 = score.relaxed
    assert precision >= 0.85 and recall >= 0.45 and min(precision, recall) <= f1 <= max(precision, recall)
    assert score.strict[0] <= precision and score.strict[1] <= recall
    assert sum(c.gold for c in score.by_type.values()) == score.gold
    assert score.by_type["DATE"].overlap / score.by_type["DATE"].gold >= 0.6
