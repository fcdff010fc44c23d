"""Quality floors on the dev half of the story gold (ant_news_ar): a change may raise them,
not silently lower them.

Clustering with the analysis features (entities, places, main event types) needs the corpus
analysed and stored; its figures come from ``python benchmarks/store.py quality --db DB``.
Here the headline-and-lead clustering (``TEXT_ONLY``) is pinned, which needs the text alone.
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path

import pytest

from marsad.stories.cluster import TEXT_ONLY, StoryDoc, cluster_stories
from marsad.stories.evaluate import group_pairs, load_story_gold, score_pairs

GOLD = Path(__file__).parent / "gold_stories.json"


@pytest.mark.shared_data
def test_story_merging_by_words_on_the_dev_gold(shared_data):
    path = shared_data / "ant_news_ar" / "ant_news_ar.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    gold = load_story_gold(GOLD, "dev")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    assert set(gold.story_of) <= {r["id"] for r in rows}, "gold ids missing from the corpus"
    docs = [
        StoryDoc(r["id"], datetime.fromisoformat(r["published"]), r["title"], r["text"], r["site"])
        for r in rows
    ]
    groups: dict[str, list[str]] = {}
    for article, story in cluster_stories(docs, TEXT_ONLY).items():
        groups.setdefault(story, []).append(article)
    scores = score_pairs(group_pairs(groups.values(), set(gold.story_of)), gold)
    assert scores.precision >= 0.85 and scores.recall >= 0.72, scores
