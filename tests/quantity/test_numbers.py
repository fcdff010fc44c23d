import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.nlp.normalize import normalize_text
from marsad.quantity.numbers import NUMBER, parse_digits, parse_number
from tests.quantity.arabic_numbers import to_words

_NUMBER_RE = re.compile(NUMBER)


def _parse(text: str):
    shadow = normalize_text(text)
    m = _NUMBER_RE.fullmatch(shadow)
    assert m is not None, f"not read as one number: {text!r}"
    return parse_number(m.group())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("خمسة وعشرون", 25),
        ("ثلاثة آلاف", 3000),
        ("مليون ونصف", 1_500_000),
        ("مليون ونصف المليون", 1_500_000),
        ("نصف مليون", 500_000),
        ("ربع مليون", 250_000),
        ("ألفي", 2000),
        ("ألفين", 2000),
        ("مئتي", 200),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("أربع", 4),
        ("ثلاثة عشر ألفا", 13_000),
        ("عشرين ألفا", 20_000),
        ("10 آلاف", 10_000),
        ("1.5 مليون", 1_500_000),
        ("٣٠٠ ألف", 300_000),
        ("٢٫٥", 2.5),
        ("١٬٢٠٠", 1200),
        ("1,500", 1500),
        ("1.500", 1500),
        ("1.500 مليون", 1_500_000),
        ("مليون و200 ألف", 1_200_000),
        ("خمسة ملايين وخمسمئة ألف", 5_500_000),
        ("مليارا", 2_000_000_000),
    ],
)
def test_parse_number(text, value):
    assert _parse(text) == value


def test_two_years_joined_by_wa_stay_two_numbers():
    assert _NUMBER_RE.match("2017 و2018").group() == "2017"


def test_absurdly_long_digit_strings_have_no_value():
    assert parse_digits("9" * 5000) is None


@given(st.integers(min_value=0, max_value=999_999), st.booleans())
def test_words_round_trip(n, variant):
    assert _parse(to_words(n, variant=variant)) == n


@given(st.integers(min_value=0, max_value=999_999))
def test_digits_round_trip(n):
    eastern = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert _parse(str(n)) == n
    assert _parse(eastern) == n
    assert _parse(f"{n:,}") == n
    assert _parse(f"{n:,}".replace(",", "٬")) == n
