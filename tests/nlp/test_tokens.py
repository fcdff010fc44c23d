import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.nlp.tokens import Clitics, tokenize
from marsad.nlp.vocabulary import load_vocabulary


@pytest.fixture(scope="module")
def clitics():
    return Clitics(load_vocabulary())


def analyses(text, clitics):
    return [
        (text[t.start : t.end], t.proclitics, text[t.stem_start : t.stem_end], t.enclitic)
        for t in tokenize(text, clitics)
    ]


@pytest.mark.parametrize(
    ("word", "proclitics", "stem", "enclitic"),
    [
        ("وقال", ("و",), "قال", None),
        ("والجيش", ("و", "ال"), "جيش", None),
        ("للجيش", ("ل", "ال"), "جيش", None),
        ("وبحلب", ("و", "ب"), "حلب", None),
        ("بحلب", ("ب",), "حلب", None),
        ("سيتم", ("س",), "يتم", None),
        ("قواته", (), "قوات", "ه"),
        ("حكومتها", (), "حكومت", "ها"),
        ("والتي", ("و",), "التي", None),
        # Letters that only look like clitics.
        ("وزير", (), "وزير", None),
        ("وزارة", (), "وزارة", None),
        ("ولاية", (), "ولاية", None),
        ("بغداد", (), "بغداد", None),
        ("بيروت", (), "بيروت", None),
        ("كركوك", (), "كركوك", None),
        ("لبنان", (), "لبنان", None),
        ("فرنسا", (), "فرنسا", None),
        ("كان", (), "كان", None),
    ],
)
def test_clitics(clitics, word, proclitics, stem, enclitic):
    assert analyses(word, clitics) == [(word, proclitics, stem, enclitic)]


def test_diacritics_stay_on_the_stem(clitics):
    [(_, procl, stem, _enclitic)] = analyses("وَالجَيْشُ", clitics)
    assert procl == ("و", "ال") and stem == "جَيْشُ"


def test_hashtags_numbers_and_units_split(clitics):
    words = [a[0] for a in analyses("#الجيش_اليمني تقدر بـ10كم و3,500 شخص", clitics)]
    assert words == ["#", "الجيش", "اليمني", "تقدر", "بـ", "10", "كم", "و", "3,500", "شخص"]


def test_without_vocabulary_words_stay_whole():
    [token] = tokenize("والجيش")
    assert (token.stem_start, token.stem_end, token.proclitics) == (0, 6, ())


@given(st.text(alphabet=st.sampled_from("وفبلكالسهمنيتةأإآىءؤئـَُِّْ ًٌٍ.،؟«»3٣a😀\n_#"), max_size=120))
def test_offsets_valid(text):
    clitics = Clitics({"جيش": 10, "قال": 10, "حلب": 10})
    for t in tokenize(text, clitics):
        assert 0 <= t.start <= t.stem_start <= t.stem_end <= t.end <= len(text)
        assert text[t.start : t.end].strip() == text[t.start : t.end] != ""


def test_huge_word_and_empty_text(clitics):
    assert tokenize("", clitics) == []
    word = "والجيش" * 200_000  # 1.2 MB without a space: one token, offsets intact
    [token] = tokenize(word, clitics)
    assert (token.start, token.end) == (0, len(word))
    assert token.start <= token.stem_start <= token.stem_end <= token.end


def test_mis_decoded_text_yields_tokens_with_valid_offsets(clitics):
    # Arabic read as Latin-1 (mojibake) and replacement characters: no crash, offsets valid.
    text = "قتل خمسة في إدلب".encode().decode("latin-1") + " \ufffd\ufffd حلب"
    for t in tokenize(text, clitics):
        assert 0 <= t.start <= t.stem_start <= t.stem_end <= t.end <= len(text)
