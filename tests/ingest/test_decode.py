"""Encoding detection on Arabic text in the encodings Arabic news has come in."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest.decode import NotText, decode_bytes

PARAGRAPH = (
    "قال المرصد السوري لحقوق الإنسان إن نحو عشرين مدنياً قتلوا في غارات جوية استهدفت ريف إدلب "
    "الجنوبي أمس الأحد، بحسب مصادر محلية. وأضاف أن مئات العائلات نزحت باتجاه الحدود التركية "
    "خلال الأسبوع الماضي؛ فيما نفت وزارة الدفاع الروسية ذلك. هل تتوقف المعارك؟"
)
SHORT = "ظهر عنف في الطبقة"  # letters where the two Arabic code pages differ


@pytest.mark.parametrize("codec", ["cp1256", "iso-8859-6", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_arabic_paragraph_in_each_encoding(codec):
    assert decode_bytes(PARAGRAPH.encode(codec)).text == PARAGRAPH


@pytest.mark.parametrize("codec", ["cp1256", "iso-8859-6"])
def test_short_arabic_in_legacy_code_pages(codec):
    decoded = decode_bytes(SHORT.encode(codec))
    assert decoded.text == SHORT
    assert decoded.errors == ()


def test_utf8_bom_is_dropped():
    assert decode_bytes("\ufeffمرحبا".encode()).text == "مرحبا"


def test_damaged_utf8_keeps_the_rest_and_says_where():
    data = PARAGRAPH.encode() + b"\xff" + " وانتهى.".encode()
    decoded = decode_bytes(data)
    assert decoded.text == PARAGRAPH + "\ufffd وانتهى."
    assert [e.code for e in decoded.errors] == ["undecodable-bytes"]
    assert f"byte {len(PARAGRAPH.encode())}" in decoded.errors[0].message


def test_declared_charset_is_honoured_when_it_decodes():
    # Latin-1 text that a guess could read otherwise; the page says what it is.
    data = "Déclaration: café à Genève".encode("cp1252")
    assert decode_bytes(data, declared="windows-1252").text == "Déclaration: café à Genève"


def test_arabic_bytes_beat_a_wrong_latin_declaration():
    assert decode_bytes(PARAGRAPH.encode("cp1256"), declared="iso-8859-1").text == PARAGRAPH


def test_unknown_declared_charset_is_ignored():
    assert decode_bytes(PARAGRAPH.encode("cp1256"), declared="no-such-charset").text == PARAGRAPH


def test_english_in_windows_1252():
    text = "The minister’s “statement” – issued in Zürich – was brief."
    assert decode_bytes(text.encode("cp1252")).text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t \n", "only white space"),
        (os.urandom(4096), "looks binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (bytes(range(1, 9)) * 200, "looks binary"),
    ],
)
def test_not_text(data, reason):
    with pytest.raises(NotText, match=reason):
        decode_bytes(data)


# Text as news has it: Arabic words of two or more letters, with Latin words, digits and
# punctuation between them. (A lone letter beside a ؟ can be valid UTF-8 by accident.)
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
arabic_words = st.text(alphabet=ARABIC_LETTERS, min_size=2, max_size=9)
other_words = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8),
    st.text(alphabet="0123456789", min_size=1, max_size=4),
    st.sampled_from(["،", "؛", "؟", ".", ":", "(", ")", "«", "»", "-", "/", '"']),
)
separators = st.sampled_from([" ", " ", " ", "\n", "، ", ". ", "\n\n"])


@st.composite
def arabic_texts(draw):
    words = draw(st.lists(st.one_of(arabic_words, arabic_words, other_words), min_size=1, max_size=60))
    words.append(draw(arabic_words))
    draw(st.randoms()).shuffle(words)
    return "".join(word + draw(separators) for word in words).strip()


@settings(max_examples=300, deadline=None)
@given(text=arabic_texts(), codec=st.sampled_from(["utf-8", "utf-16", "cp1256"]))
def test_any_arabic_text_reads_back(text, codec):
    assert decode_bytes(text.encode(codec)).text == text


printable = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffd\ufeff")


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.one_of(printable, st.sampled_from("\n\t")), min_size=1).filter(str.strip))
def test_any_utf8_text_reads_back(text):
    assert decode_bytes(text.encode()).text == text
