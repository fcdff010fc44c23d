import re

from hypothesis import given
from hypothesis import strategies as st

from marsad.time.arabic import _future_context, prev_word

_PREV_WORD = re.compile(r"([^\W\d_]+)\s+$")


@given(st.text(alphabet="ابتج 12\n،.من", max_size=24), st.data())
def test_prev_word_is_the_word_before_the_spaces(text, data):
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    m = _PREV_WORD.search(text, max(0, start - 12), start)
    assert prev_word(text, start) == (m.group(1) if m else "")


def test_prev_word_examples():
    assert prev_word("وصل في 15 مارس", 7) == "في"
    assert prev_word("وصل في15", 6) == ""
    assert prev_word("في  ", 4) == "في"


def test_future_context_needs_a_future_verb_or_a_plan():
    text = "ستعقد القمة الجمعة"
    assert _future_context(text, text.index("الجمعة"))
    text = "عقدت القمة الجمعة"
    assert not _future_context(text, text.index("الجمعة"))
    text = "من المقرر أن تعقد القمة الجمعة"
    assert _future_context(text, text.index("الجمعة"))
