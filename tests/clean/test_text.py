from hypothesis import given
from hypothesis import strategies as st

from marsad.clean.boilerplate import is_boilerplate
from marsad.clean.text import clean_text


def test_furniture_removed_article_kept():
    raw = (
        "عذراً التعليقات مغلقة\n  قال   الوزير\u00a0إن الطباعة مهمة.\r\nشارك\nطباعة | أرسل لصديق\n"
        "اقرأ أيضاً: مقتل 5 في حلب\n© 2018 جميع الحقوق محفوظة لموقع المثال\nShare this article\n"
        "فيسبوك تويتر واتساب\n\n\nوأضاف أن الجيش شارك في العملية."
    )
    text, dropped = clean_text(raw)
    assert text == "قال الوزير إن الطباعة مهمة.\nوأضاف أن الجيش شارك في العملية."
    assert dropped == 7


def test_sentences_that_mention_furniture_words_stay():
    for line in (
        "شارك الآلاف في التظاهرة.",
        "The minister will print money.",
        "Comments from the UN followed.",
    ):
        assert not is_boilerplate(line)


def test_nfc_and_spelling_kept():
    # Alef with a combining hamza becomes the precomposed letter; ى and ة are left alone.
    assert clean_text("ا\u0654حمد في مستشفى المدينة")[0] == "أحمد في مستشفى المدينة"


@given(st.text(max_size=200))
def test_clean_is_idempotent(text):
    once, _ = clean_text(text)
    assert clean_text(once)[0] == once


def test_broken_decoding_leftovers_removed():
    text, _ = clean_text("قال\x00 الوزير\ufffd\x1b إن\r\nالوضع\x85خطير")
    assert text == "قال الوزير إن\nالوضع\nخطير"


def test_empty_and_huge_input():
    assert clean_text("") == ("", 0)
    assert clean_text("\n \t\n")[0] == ""
    line = "قتل خمسة أشخاص في إدلب. " * 200_000  # a 4.8 MB single line
    assert clean_text(line)[0] == line.strip()
