"""Quality floors on the dev gold (ant_news_ar): a change may raise them, not silently lower them.

The figures and the command that prints them: ``python benchmarks/store.py quality``.
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path

import pytest

from marsad.stories.cluster import StoryDoc, cluster_stories
from marsad.stories.evaluate import group_pairs, load_story_gold, score_pairs

GOLD = Path(__file__).parent / "gold_stories.json"


@pytest.mark.shared_data
def test_story_merging_on_the_dev_gold(shared_data):
    path = shared_data / "ant_news_ar" / "ant_news_ar.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    gold = load_story_gold(GOLD)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    assert set(gold.story_of) <= {r["id"] for r in rows}, "gold ids missing from the corpus"
    docs = [
        StoryDoc(r["id"], datetime.fromisoformat(r["published"]), r["title"], r["text"], r["site"])
        for r in rows
    ]
    groups: dict[str, list[str]] = {}
    for article, story in cluster_stories(docs).items():
        groups.setdefault(story, []).append(article)
    scores = score_pairs(group_pairs(groups.values(), set(gold.story_of)), gold)
    assert scores.precision >= 0.80 and scores.recall >= 0.70, scores
