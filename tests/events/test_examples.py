"""The project's worked examples (and a historical event) as golden tests: each expected
event's telling fields, with the layers the earlier stages would have added built by hand."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from marsad.article import Article, Event, validate
from marsad.events import extract_events

EXAMPLES = json.loads((Path(__file__).parent / "gold" / "examples.json").read_text(encoding="utf-8"))


def _article(build, case: dict) -> Article:
    return build(
        case["text"],
        published=date.fromisoformat(case["published"]),
        places=[tuple(p) for p in case.get("places", ())],
        times=[(p, date.fromisoformat(f), date.fromisoformat(t)) for p, f, t in case.get("times", ())],
        quantities=[tuple(q) for q in case.get("quantities", ())],
        entities=[tuple(e) for e in case.get("entities", ())],
    )


def _check(article: Article, event: Event, expected: dict) -> None:
    text = article.text
    trigger = text[event.trigger_start : event.trigger_end]
    assert trigger == expected["trigger"]
    for name in ("type", "mode", "modality"):
        if name in expected:
            assert getattr(event, name) == expected[name], name
    if "source" in expected:
        got = text[event.source.start : event.source.end] if event.source else None
        assert got == expected["source"]
    if expected.get("source_entity"):
        assert event.source.entity is not None
    layers = {"place": article.places, "time": article.times, "quantity": article.quantities}
    for name, layer in layers.items():
        if name in expected:
            index = getattr(event, name)
            got = None if index is None else text[layer[index].start : layer[index].end]
            assert got == expected[name], name
    for what, phrase in expected.get("counts", {}).items():
        indexes = [i for w, i in event.counts if w == what]
        assert (
            indexes
            and text[article.quantities[indexes[0]].start : article.quantities[indexes[0]].end] == phrase
        )
    for role in ("actor", "target", "origin", "destination"):
        if role in expected:
            spans = [text[p.start : p.end] for p in event.participants if p.role == role]
            assert any(expected[role] in s for s in spans), (role, spans)


@pytest.mark.parametrize("case", EXAMPLES, ids=[c["name"][:40] for c in EXAMPLES])
def test_worked_example(build, lexicon, case):
    article = extract_events(_article(build, case), lexicon=lexicon)
    assert validate(article) == []
    if "all_modality" in case:
        assert article.events
        assert {e.modality for e in article.events} == {case["all_modality"]}
        return
    assert len(article.events) == len(case["events"]), [
        (e.type, article.text[e.trigger_start : e.trigger_end]) for e in article.events
    ]
    for event, expected in zip(article.events, case["events"], strict=True):
        _check(article, event, expected)


def test_unstated_time_falls_back_to_the_publication_date(build, lexicon):
    article = extract_events(
        build("ونفت الوزارة أن تكون طائراتها قد قصفت المستشفى.", published=date(2019, 5, 15)), lexicon=lexicon
    )
    (event,) = article.events
    assert event.time is None
    assert event.time_precision == "coarse"
    assert event.time_from < event.time_to == date(2019, 5, 15)


def test_stated_time_is_marked_stated(build, lexicon):
    case = EXAMPLES[0]
    event = extract_events(_article(build, case), lexicon=lexicon).events[0]
    assert (event.time_from, event.time_to, event.time_precision) == (
        date(2018, 6, 3),
        date(2018, 6, 3),
        "stated",
    )
