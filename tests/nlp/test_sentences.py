from hypothesis import given
from hypothesis import strategies as st

from marsad.nlp.sentences import split_sentences


def texts(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_arabic_question_mark_and_full_stop():
    assert texts("هل انتهت الحرب؟ لا أحد يعرف. قال ذلك أمس") == [
        "هل انتهت الحرب؟",
        "لا أحد يعرف.",
        "قال ذلك أمس",
    ]


def test_comma_and_semicolon_do_not_end_a_sentence():
    assert len(split_sentences("قصفت الطائرات البلدة، وقتل خمسة؛ وأصيب عشرون.")) == 1


def test_closing_quote_stays_with_its_sentence():
    assert texts("وقال: «انتهى الأمر.» ثم غادر.") == ["وقال: «انتهى الأمر.»", "ثم غادر."]


def test_no_break_inside_a_quotation():
    text = "وقال المتحدث: «لن نسمح بذلك. سنرد بقوة» وأضاف أن الرد قريب. ثم غادر."
    assert texts(text) == ["وقال المتحدث: «لن نسمح بذلك. سنرد بقوة» وأضاف أن الرد قريب.", "ثم غادر."]


def test_numbers_and_abbreviations():
    assert len(split_sentences("بلغت النسبة 3.5 في المئة. The U.S. Army said so.")) == 2
    assert len(split_sentences("قال د. أحمد إن الوضع خطير.")) == 1


def test_line_breaks_end_sentences():
    assert texts("عنوان بلا نقطة\nنص الخبر.") == ["عنوان بلا نقطة", "نص الخبر."]


@given(st.text(alphabet=st.sampled_from("ابت ثج. ؟!«»“”\n،؛3😀a"), max_size=200))
def test_sentences_are_ordered_trimmed_and_cover_all_words(text):
    sentences = split_sentences(text)
    pos = 0
    for s in sentences:
        assert pos <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        assert text[pos : s.start].strip() == ""
        pos = s.end
    assert text[pos:].strip() == ""


def test_huge_line_with_an_unclosed_quote_is_split_in_linear_time():
    # 2 MB on one line: an opening quote never closed, then a hundred thousand sentences.
    text = "«" + "قتل خمسة أشخاص في إدلب. " * 100_000
    sentences = split_sentences(text)
    assert len(sentences) > 90_000
    assert all(text[s.end - 1] == "." for s in sentences)


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("") == [] and split_sentences(" \n\t\n") == []
