from hypothesis import given
from hypothesis import strategies as st

from marsad.nlp.normalize import _DROP_RE, _PRESENTATION_RE, _table, normalize, normalize_text

# Arabic letters, marks, digits, bidi and zero-width marks, presentation forms, Latin and emoji.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFC),
        st.sampled_from("\u200c\u200d\u200e\u200f\u202b\u202c\u2066\u2069\ufeff ١٢٣۴۵ abcXYZ 123.\n😀"),
    ),
    max_size=60,
)


def test_folds_alef_ya_digits_and_drops_marks():
    n = normalize("قُتِلَ ٥ أشخاصٍ في إدلـــب ومستشفى")
    assert n.text == "قتل 5 اشخاص في ادلب ومستشفي"


def test_ta_marbuta_only_when_asked():
    assert normalize_text("مدينة") == "مدينة"
    assert normalize_text("مدينة", ta_marbuta=True) == "مدينه"


def test_hamza_seats_fold_unless_disabled():
    assert normalize_text("مسؤول رئيس") == "مسوول رييس"
    assert normalize_text("مسؤول رئيس", hamza=False) == "مسؤول رئيس"


def test_span_maps_back_over_dropped_marks():
    text = "قال: إدلـــبُ الخضراء"
    n = normalize(text)
    start = n.text.index("ادلب")
    s, e = n.to_original(start, start + 4)
    assert text[s:e] == "إدلـــبُ"


def test_presentation_forms_expand():
    n = normalize("ﻻ بد")
    assert n.text == "لا بد"
    assert n.to_original(0, 2) == (0, 1)


def test_bidi_and_zero_width_marks_dropped():
    assert normalize_text("\u200fحلب\u200c\u202a") == "حلب"


@given(TEXT)
def test_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(TEXT, st.data())
def test_every_shadow_span_maps_inside_the_original(text, data):
    n = normalize(text)
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    s, e = n.to_original(start, end)
    assert 0 <= s <= e <= len(text)
    # Each shadow character comes from the original span it maps to.
    for i in range(start, end):
        os, oe = n.to_original(i, i + 1)
        assert s <= os < oe <= e


@given(TEXT, st.booleans(), st.booleans())
def test_folding_is_one_lookup_per_character(text, ta_marbuta, hamza):
    # The fast path folds with one str.replace per character; a table lookup per character
    # is what it must equal (no folded letter may be folded again).
    text = _PRESENTATION_RE.sub("", text)
    table = _table(ta_marbuta, hamza)
    expected = _DROP_RE.sub("", text.translate(table))
    assert normalize(text, ta_marbuta=ta_marbuta, hamza=hamza).text == expected


@given(TEXT)
def test_each_shadow_character_maps_to_the_original_character_it_was_folded_from(text):
    n = normalize(text)
    for i, ch in enumerate(n.text):
        start, end = n.to_original(i, i + 1)
        assert ch in normalize_text(text[start:end])
