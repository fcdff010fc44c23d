"""Quality floors of the quantity stage: a change may raise these figures, not silently lower them."""

from pathlib import Path

from marsad.quantity.evaluate import load_gold, score_gold

GOLD = Path(__file__).parent / "gold_ant_dev.json"
HELDOUT = Path(__file__).parent / "gold_ant_heldout.json"


def test_gold_spans_are_the_sentence_text():
    records = load_gold(GOLD)
    assert sum(len(r["quantities"]) for r in records) >= 200
    for r in records:
        for q in r["quantities"]:
            assert r["sentence"][q["start"] : q["end"]] == q["text"]
            assert q["value"] is not None or q["low"] is not None or q["high"] is not None


def test_dev_gold_floor():
    score = score_gold(load_gold(GOLD))
    assert score.span_recall >= 0.95
    assert score.span_precision >= 0.93
    assert score.exact >= 0.95


def test_heldout_gold_floor():
    score = score_gold(load_gold(HELDOUT))
    assert score.gold >= 40
    assert score.span_recall >= 0.9
    assert score.exact >= 0.9
