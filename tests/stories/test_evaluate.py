from __future__ import annotations

import json

from marsad.stories.evaluate import (
    components,
    group_pairs,
    load_story_gold,
    pairwise_groups,
    score_pairs,
    sentence_share,
    sentences,
)


def _gold(tmp_path):
    path = tmp_path / "gold.json"
    stories = [{"members": ["a", "b", "c"], "related": ["r"]}, {"members": ["d", "e"], "related": []}]
    path.write_text(json.dumps({"stories": stories}), encoding="utf-8")
    return load_story_gold(path)


def test_story_pairs_are_scored_by_the_gold_rules(tmp_path):
    gold = _gold(tmp_path)
    assert gold.positives == 4
    predicted = [("a", "b"), ("a", "r"), ("a", "x"), ("d", "e"), ("x", "y"), ("a", "d")]
    s = score_pairs(predicted, gold)
    # a-b, d-e right; a-x and a-d wrong; a-r (related) and x-y (no gold article) not scored
    assert (s.tp, s.fp, s.fn) == (2, 2, 2)
    assert s.precision == 0.5 and s.recall == 0.5 and s.f1 == 0.5


def test_groups_become_pairs_and_pairs_groups():
    assert sorted(group_pairs([["c", "a", "b"], ["x"]])) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert sorted(group_pairs([["a", "b"], ["x", "y"]], keep={"a"})) == [("a", "b")]
    assert sorted(map(sorted, components([("a", "b"), ("b", "c"), ("x", "y")]))) == [
        ["a", "b", "c"],
        ["x", "y"],
    ]
    s = pairwise_groups([["a", "b", "c"]], [["a", "b"], ["c", "d"]])
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)


def test_sentence_share_finds_copied_sentences_despite_light_edits():
    wire = (
        "أعلنت وزارة الخارجية الروسية السبت أنها ستطرد ثلاثة وعشرين دبلوماسيا بريطانيا. "
        "وقالت الوزارة إن على الدبلوماسيين مغادرة البلاد خلال أسبوع واحد فقط."
    )
    edited = (
        "اعلنت وزارة الخارجية الروسية يوم السبت انها ستطرد ثلاثة وعشرين دبلوماسيا بريطانيا. "
        "وأضاف مراسلنا أن العلاقات بين البلدين تشهد توترا غير مسبوق منذ سنوات."
    )
    assert sentence_share(sentences(wire), sentences(edited)) == 0.5
    assert sentence_share(sentences(wire), sentences("")) == 0.0
