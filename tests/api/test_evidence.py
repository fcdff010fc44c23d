"""Evidence marks: every linked span of an event, relative to its sentence."""

from __future__ import annotations

import dataclasses

from marsad.api.evidence import event_marks
from tests.api.corpus import articles


def test_marks_are_offsets_into_the_sentence() -> None:
    article = articles()[0]
    event = article.events[0]
    sentence = article.text[event.sentence.start : event.sentence.end]
    marks = event_marks(article, event)
    assert {m.kind: sentence[m.start : m.end] for m in marks} == {
        "trigger": "انفجار",
        "target": "أشخاص",
        "place": "إعزاز",
        "time": "أمس الأحد",
        "figure": "خمسة أشخاص على الأقل",
        "source": "مصادر طبية",
    }
    assert next(m for m in marks if m.kind == "figure").label == "5"


def test_spans_outside_the_sentence_are_left_out() -> None:
    article = articles()[0]
    # The second event is in the second sentence; its place was named in the first.
    seizure = article.events[1]
    kinds = {m.kind for m in event_marks(article, seizure)}
    assert kinds == {"trigger", "actor"}
    orphan = dataclasses.replace(seizure, place=7, time=None)  # an index past the layer
    assert {m.kind for m in event_marks(article, orphan)} == {"trigger", "actor"}
