from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.nlp.normalize import normalize

# Arabic letters, hamza forms, ta marbuta, harakat, tatweel, bidi marks, Eastern digits,
# a presentation form (ﻻ), no-break space, punctuation and Latin.
ALPHABET = "ابتةهيىأإآؤئءلاﻻًٌٍَُِّْـ\u200f\u200b٠١٢٣ ،.-#_\u00a0aZ9کی"


@pytest.fixture(scope="module")
def folding(gazetteer):
    return gazetteer.folding


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=ALPHABET, max_size=40), st.data())
def test_the_fast_shadow_is_the_normaliser_s(folding, text, data):
    expected = normalize(text, ta_marbuta=True)
    got = folding.shadow(text)
    assert got.text == expected.text
    start = data.draw(st.integers(0, len(expected.text)))
    end = data.draw(st.integers(start, len(expected.text)))
    assert got.to_original(start, end) == expected.to_original(start, end)


def test_diacritics_are_dropped_and_mapped_back(folding):
    text = "قصفت الطائرات الكَتْفَ أيضاً"
    shadow = folding.shadow(text)
    assert shadow.text == "قصفت الطايرات الكتف ايضا"
    start = shadow.text.index("الكتف")
    a, b = shadow.to_original(start, start + len("الكتف"))
    assert text[a:b] == "الكَتْفَ"
