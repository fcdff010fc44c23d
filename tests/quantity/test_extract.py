from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.article import Article, TimeExpr, validate
from marsad.quantity import extract_quantities, load_quantity_rules
from tests.quantity.arabic_numbers import to_words

RULES = load_quantity_rules()


def _quantities(text: str, **kw) -> list[tuple]:
    article = Article(id="t", text=text, origin="test", published=date(2018, 6, 4), **kw)
    out = extract_quantities(article, rules=RULES)
    return [
        (text[q.start : q.end], q.value, q.low, q.high, q.approximate, q.unit, q.currency)
        for q in out.quantities
    ]


def test_worked_example_lower_bound_and_hedge():
    text = "قُتل خمسة أشخاص على الأقل وأصيب نحو عشرين آخرين في انفجار سيارة مفخخة"
    assert _quantities(text) == [
        ("خمسة أشخاص على الأقل", None, 5, None, False, "person", None),
        ("نحو عشرين", 20, None, None, True, None, None),
    ]


def test_worked_example_more_than_families():
    text = "وأعلنت الأمم المتحدة أن أكثر من 800 عائلة نزحت من قرى ريف حماة الشمالي"
    assert _quantities(text) == [("أكثر من 800 عائلة", None, 801, None, False, "family", None)]


def test_worked_example_about_two_thousand():
    text = "تجمع نحو ألفي شخص أمام مقر البرلمان في بيروت"
    assert _quantities(text) == [("نحو ألفي شخص", 2000, None, None, True, "person", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ما يصل إلى 300", ("ما يصل إلى 300", None, None, 300, False, None, None)),
        ("أقل من 50 مقاتلا", ("أقل من 50 مقاتلا", None, None, 49, False, "fighter", None)),
        ("لا يقل عن ٣٬٥٠٠ لاجئ", ("لا يقل عن ٣٬٥٠٠ لاجئ", None, 3500, None, False, "refugee", None)),
        ("قرابة 70 قتيلا", ("قرابة 70 قتيلا", 70, None, None, True, "person", None)),
        ("زهاء ثلاثة آلاف جندي", ("زهاء ثلاثة آلاف جندي", 3000, None, None, True, "soldier", None)),
        ("بين 10 و20 مدنيا", ("بين 10 و20 مدنيا", None, 10, 20, False, "person", None)),
        ("من 10 إلى 20 شخصا", ("من 10 إلى 20 شخصا", None, 10, 20, False, "person", None)),
        ("عشرات القتلى", ("عشرات القتلى", None, 20, 99, False, "person", None)),
        ("مئات العائلات", ("مئات العائلات", None, 200, 999, False, "family", None)),
        ("آلاف اللاجئين", ("آلاف اللاجئين", None, 2000, 9999, False, "refugee", None)),
        (
            "عشرات الآلاف من النازحين",
            ("عشرات الآلاف من النازحين", None, 20000, 99999, False, "displaced", None),
        ),
        ("بضعة آلاف من المتظاهرين", ("بضعة آلاف من المتظاهرين", None, 3000, 9000, False, "person", None)),
        ("قتل شخصين", ("شخصين", 2, None, None, False, "person", None)),
        ("مليون ونصف لاجئ", ("مليون ونصف لاجئ", 1_500_000, None, None, False, "refugee", None)),
        ("خمسة وعشرون عنصرا", ("خمسة وعشرون عنصرا", 25, None, None, False, "fighter", None)),
        ("500 مليون دولار", ("500 مليون دولار", 500_000_000, None, None, False, "money", "USD")),
        ("300 ألف يورو", ("300 ألف يورو", 300_000, None, None, False, "money", "EUR")),
        ("مليون ليرة سورية", ("مليون ليرة سورية", 1_000_000, None, None, False, "money", "SYP")),
        ("عشرة آلاف ليرة تركية", ("عشرة آلاف ليرة تركية", 10_000, None, None, False, "money", "TRY")),
        ("ألف دينار عراقي", ("ألف دينار عراقي", 1000, None, None, False, "money", "IQD")),
        ("200 ريال سعودي", ("200 ريال سعودي", 200, None, None, False, "money", "SAR")),
        ("50 جنيها مصريا", ("50 جنيها مصريا", 50, None, None, False, "money", "EGP")),
        ("45 في المئة", ("45 في المئة", 45, None, None, False, "percent", None)),
        ("بنسبة 12.5%", ("12.5%", 12.5, None, None, False, "percent", None)),
        ("6 فلسطينيين", ("6 فلسطينيين", 6, None, None, False, "person", None)),
        ("نمو بنسبة 2,5%", ("2,5%", 2.5, None, None, False, "percent", None)),
        ("يبلغ 1،8 كلم", ("1،8 كلم", 1.8, None, None, False, "km", None)),
        ("أكثر من 300 متر", ("أكثر من 300 متر", None, 300, None, False, "m", None)),
        ("بين ساعتين و3 ساعات", ("بين ساعتين و3 ساعات", None, 2, 3, False, "hour", None)),
        (
            "ارتفع عدد القتلى من 10 إلى 20 قتيلا",
            ("من 10 إلى 20 قتيلا", 20, None, None, False, "person", None),
        ),
        (
            "نحو أربعة ملايين ونصف مليون طفل",
            ("نحو أربعة ملايين ونصف مليون طفل", 4_500_000, None, None, True, "child", None),
        ),
        ("مليارا دولار", ("مليارا دولار", 2_000_000_000, None, None, False, "money", "USD")),
        ("4 ملايين دولار كندي", ("4 ملايين دولار كندي", 4_000_000, None, None, False, "money", "CAD")),
    ],
)
def test_quantities(text, expected):
    assert _quantities(text) == [expected]


def test_bare_lira_takes_the_currency_the_article_names():
    text = "تراجعت الليرة التركية أمس. ودفع 500 ليرة."
    assert _quantities(text)[-1][-1] == "TRY"


def test_bare_lira_without_any_clue_has_no_currency():
    assert _quantities("دفع 500 ليرة")[0][-2:] == ("money", None)


@pytest.mark.parametrize(
    "text",
    [
        "في عام 2015 وقع الاتفاق",
        "في 15 سبتمبر الماضي",
        "القرار 2254",
        "منظومة إس-400 وطائرات F-16",
        "اتصلوا على الرقم 0501234567",
        "الساعة 10:30 صباحا",
        "القرن التاسع عشر",
        "أحد المسؤولين",
        "عدة دول",
        'شبكة "روسيا 24" الإخبارية',
        'برنامج "60 Minutes"',
        "ستصدر قرارها في 17 الجاري",
        "احتلت المركز 130 عالميا",
        "المتهمين الأربعة",
    ],
)
def test_not_quantities(text):
    assert _quantities(text) == []


def test_numbers_inside_time_expressions_are_left_out():
    text = "قبل ثلاثة أيام قتل ثلاثة أشخاص"
    times = (TimeExpr(0, 14, date(2018, 6, 1), date(2018, 6, 1)),)
    assert [q[0] for q in _quantities(text, times=times)] == ["ثلاثة أشخاص"]


def test_thousands_of_digits_are_no_figure():
    text = "الرقم " + "9" * 5000 + " شخص"
    out = extract_quantities(Article(id="t", text=text, origin="t"), rules=RULES)
    assert all(q.value is None or q.value < 1e30 for q in out.quantities)


def test_impossible_dates_and_huge_years_are_no_counts():
    found = _quantities("في 31 فبراير 2017 وفي عام 99999 قتل 5 أشخاص")
    assert [(q[0], q[1]) for q in found] == [("5 أشخاص", 5)]


def test_a_long_list_article_does_not_break():
    text = "، ".join(f"قتل {i} شخصا في بلدة" for i in range(1, 10_001))
    out = extract_quantities(Article(id="t", text=text, origin="t"), rules=RULES)
    assert [q.value for q in out.quantities] == list(range(1, 10_001))
    assert validate(out) == []


@given(st.integers(min_value=1, max_value=999_999))
def test_words_in_a_sentence_round_trip(n):
    text = f"قتل {to_words(n)} شخصا في الهجوم"
    found = _quantities(text)
    assert [(q[1], q[5]) for q in found] == [(n, "person")]


_PIECES = st.sampled_from(
    ["أكثر من", "نحو", "800", "١٢٬٥٠٠", "عائلة", "ثلاثة", "آلاف", "عشرات", "بين", "و", "مليون", "دولار",
     "ليرة", "سورية", "على الأقل", "%", "شخصين", "،", "ً", "ـ", "\u200f", "-", "2015", "في المئة", "ونصف"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.sampled_from([" ", "", "  "]))
def test_offsets_are_valid(pieces, sep):
    text = sep.join(pieces)
    out = extract_quantities(Article(id="t", text=text, origin="t"), rules=RULES)
    assert validate(out) == []
    for q in out.quantities:
        mention = text[q.start : q.end]
        assert mention and mention == mention.strip()
        assert q.value is not None or q.low is not None or q.high is not None
        assert q.low is None or q.high is None or q.low <= q.high


def test_lasta_is_a_verb_and_two_clitics_still_let_a_number_count():
    found = _quantities("قال: ولست خائفا، لست نادما. ووصل ولمئتي شخص تقريبا")
    assert [(q[0], q[1], q[4]) for q in found] == [("مئتي شخص تقريبا", 200, True)]
