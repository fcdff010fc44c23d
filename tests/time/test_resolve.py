from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.article import Article, validate
from marsad.time import TimeSettings, load_time_rules, resolve_times

RULES = load_time_rules()


def _times(text: str, published: date | None = date(2018, 6, 4)) -> list[tuple[str, str, str]]:
    article = resolve_times(Article(id="t", text=text, origin="test", published=published), rules=RULES)
    return [(text[t.start : t.end], t.from_.isoformat(), t.to.isoformat()) for t in article.times]


def _one(text: str, published: date = date(2018, 6, 4)) -> tuple[str, str, str]:
    found = _times(text, published)
    assert len(found) == 1, found
    return found[0]


def test_worked_example_weekday_with_yesterday():
    text = (
        "قُتل خمسة أشخاص على الأقل في انفجار سيارة مفخخة وسط مدينة إعزاز شمالي حلب أمس الأحد، بحسب مصادر طبية."
    )
    assert _one(text) == ("أمس الأحد", "2018-06-03", "2018-06-03")


def test_worked_example_last_week_is_the_seven_days_before():
    text = "أن أكثر من 800 عائلة نزحت من قرى ريف حماة الشمالي خلال الأسبوع الماضي باتجاه الحدود التركية."
    assert _one(text, date(2019, 5, 15)) == ("خلال الأسبوع الماضي", "2019-05-08", "2019-05-14")


def test_worked_example_next_friday():
    text = "ويخطط المحتجون لتنظيم مسيرة كبرى في ساحة التحرير ببغداد يوم الجمعة المقبل."
    assert _one(text, date(2019, 10, 22)) == ("يوم الجمعة المقبل", "2019-10-25", "2019-10-25")


def test_contract_example_beginning_of_last_september():
    text = "ووصل في مطلع أيلول/سبتمبر الماضي إلى تركيا."
    assert _one(text, date(2017, 10, 15)) == ("مطلع أيلول/سبتمبر الماضي", "2017-09-01", "2017-09-10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع الهجوم في 15 سبتمبر 2017", ("15 سبتمبر 2017", "2017-09-15", "2017-09-15")),
        ("في أيلول 2016", ("أيلول 2016", "2016-09-01", "2016-09-30")),
        ("في تشرين الأول/أكتوبر 2017", ("تشرين الأول/أكتوبر 2017", "2017-10-01", "2017-10-31")),
        ("في 3 جانفي 2017", ("3 جانفي 2017", "2017-01-03", "2017-01-03")),
        ("منذ فيفري الماضي", ("منذ فيفري الماضي", "2018-02-01", "2018-06-04")),
        ("في الثامن من أيار الماضي", ("الثامن من أيار الماضي", "2018-05-08", "2018-05-08")),
        ("في 15 رمضان 1439 هـ", ("15 رمضان 1439 هـ", "2018-05-30", "2018-05-30")),
        ("في عام 2015", ("عام 2015", "2015-01-01", "2015-12-31")),
        ("التقى الثلاثاء بالوزير", ("الثلاثاء", "2018-05-29", "2018-05-29")),
        ("التقى الاثنين بالوزير", ("الاثنين", "2018-06-04", "2018-06-04")),
        ("السبت الماضي", ("السبت الماضي", "2018-06-02", "2018-06-02")),
        ("وصل اليوم", ("اليوم", "2018-06-04", "2018-06-04")),
        ("يصل غدا", ("غدا", "2018-06-05", "2018-06-05")),
        ("العام الماضي", ("العام الماضي", "2017-01-01", "2017-12-31")),
        ("الشهر الماضي", ("الشهر الماضي", "2018-05-01", "2018-05-31")),
        ("منذ أواخر عام 2015", ("منذ أواخر عام 2015", "2015-09-01", "2018-06-04")),
        ("في الأسابيع الأخيرة", ("الأسابيع الأخيرة", "2018-05-07", "2018-06-03")),
        ("خلال الأيام الماضية", ("خلال الأيام الماضية", "2018-05-28", "2018-06-03")),
        ("قبل يومين", ("قبل يومين", "2018-06-02", "2018-06-02")),
        ("قبل ثلاثة أيام", ("قبل ثلاثة أيام", "2018-06-01", "2018-06-01")),
        ("في ربيع 2017", ("ربيع 2017", "2017-03-01", "2017-05-31")),
        ("منتصف الشهر المقبل", ("منتصف الشهر المقبل", "2018-07-11", "2018-07-20")),
        ("أواخر العام الجاري", ("أواخر العام الجاري", "2018-09-01", "2018-12-31")),
        ("في الثمانينيات", ("الثمانينيات", "1980-01-01", "1989-12-31")),
        ("بين عامي 2011 و2015", ("عامي 2011 و2015", "2011-01-01", "2015-12-31")),
        ("وقع في 12/5/2018", ("12/5/2018", "2018-05-12", "2018-05-12")),
        ("ستعقد القمة الجمعة", ("الجمعة", "2018-06-08", "2018-06-08")),
        ("يوم 20 يونيو المقبل", ("يوم 20 يونيو المقبل", "2018-06-20", "2018-06-20")),
        ("بحلول 15 أغسطس", ("15 أغسطس", "2018-08-15", "2018-08-15")),
        ("في ديسمبر", ("ديسمبر", "2017-12-01", "2017-12-31")),
        ("ليل الجمعة السبت", ("ليل الجمعة السبت", "2018-06-01", "2018-06-02")),
        ("في 17 الجاري", ("17 الجاري", "2018-06-17", "2018-06-17")),
        ("الذكرى الـ17 لأحداث 11 سبتمبر", ("11 سبتمبر", "2001-09-11", "2001-09-11")),
    ],
)
def test_arabic_expressions(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said yesterday.", ("yesterday", "2018-06-03", "2018-06-03")),
        ("It happened last week.", ("last week", "2018-05-28", "2018-06-03")),
        ("They met on Tuesday.", ("Tuesday", "2018-05-29", "2018-05-29")),
        ("It began in September 2017.", ("September 2017", "2017-09-01", "2017-09-30")),
        ("since late 2015", ("since late 2015", "2015-09-01", "2018-06-04")),
        ("two days ago", ("two days ago", "2018-06-02", "2018-06-02")),
    ],
)
def test_english_expressions(text, expected):
    assert _one(text) == expected


def test_english_can_be_switched_off():
    article = Article(id="t", text="yesterday", origin="test", published=date(2018, 6, 4))
    assert resolve_times(article, rules=RULES, settings=TimeSettings(english=False)).times == ()


@pytest.mark.parametrize(
    "text",
    [
        "مارس الضغط على الحكومة",  # the verb, not March
        "بين الاثنين خلاف قديم",  # "the two"
        "اليوم العالمي للمرأة",  # a named day, not today
        "القضية 2000 في المحكمة",  # an identifier, not a year
        "قتل 2015 شخصا",  # a count
        "الربيع العربي",  # no year: a movement, not a season
        "قال الزعيم الشيشاني رمضان قديروف",  # a name: a Hijri month needs a day, a year or شهر
        "في الجمعة الثالثة من الاحتجاجات",  # a protest named by its rank
        "حدث في مثل هذا اليوم",  # this day in history, not today
        "قبل أسبوع آخر على الأقل",  # a wait to come, not a week ago
    ],
)
def test_words_that_are_not_times(text):
    assert _times(text) == []


def test_without_publication_date_only_absolute_dates_are_kept():
    article = Article(id="t", text="وصل أمس، بعد زيارة في 15 سبتمبر 2017.", origin="test")
    out = resolve_times(article, rules=RULES)
    assert [(out.text[t.start : t.end], t.from_) for t in out.times] == [
        ("15 سبتمبر 2017", date(2017, 9, 15))
    ]
    assert [e.code for e in out.errors] == ["no_published_date"]


def test_impossible_dates_give_a_diagnostic_not_a_crash():
    out = resolve_times(
        Article(id="t", text="في 31 فبراير 2017 وفي عام 99999", origin="t", published=date(2018, 6, 4)),
        rules=RULES,
    )
    assert all(t.from_ <= t.to for t in out.times)
    assert "invalid_date" in [e.code for e in out.errors]
    assert not any(t.from_.year == 99999 or t.from_ == date(2017, 2, 28) for t in out.times)


def test_thousands_of_digits_are_no_date():
    digits = "9" * 5000
    text = f"الرقم {digits} وفي عام 2017 والرقم 2017{digits} و{digits}/12/2017"
    out = resolve_times(Article(id="t", text=text, origin="t", published=date(2018, 6, 4)), rules=RULES)
    assert [(out.text[t.start : t.end], t.from_, t.to) for t in out.times] == [
        ("عام 2017", date(2017, 1, 1), date(2017, 12, 31))
    ]


def test_a_long_list_article_does_not_break():
    text = "، ".join(f"{d % 28 + 1} مارس {1990 + d % 30} في بلدة {d}" for d in range(10_000))
    out = resolve_times(Article(id="t", text=text, origin="t", published=date(2018, 6, 4)), rules=RULES)
    assert len(out.times) == 10_000
    assert validate(out) == []


_PIECES = st.sampled_from(
    ["أمس", "الأحد", "15", "سبتمبر", "أيلول/", "2017", "مطلع", "الماضي", "منذ", "قبل", "يومين", "ثلاثة",
     "أيام", "عام", "هـ", "رمضان", "في", "و", "،", "ً", "ـ", "\u200f", "٢٠١٨", "/", "-", "الأسبوع", "31",
     "فبراير"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.sampled_from([" ", "", "  "]), st.none() | st.dates())
def test_offsets_are_valid_and_intervals_ordered(pieces, sep, published):
    text = sep.join(pieces)
    out = resolve_times(Article(id="t", text=text, origin="t", published=published), rules=RULES)
    assert validate(out) == []
    for t in out.times:
        mention = text[t.start : t.end]
        assert mention and mention == mention.strip()
        assert t.from_ <= t.to


def test_english_inside_arabic_is_found_by_its_key_words():
    text = "قال المتحدث لوكالة Reuters إن الاجتماع عقد on 12 September 2017 وليس last week."
    out = resolve_times(Article(id="t", text=text, origin="t", published=date(2018, 6, 4)), rules=RULES)
    spans = [(out.text[t.start : t.end], t.from_, t.to) for t in out.times]
    assert ("12 September 2017", date(2017, 9, 12), date(2017, 9, 12)) in spans
    assert ("last week", date(2018, 5, 28), date(2018, 6, 3)) in spans
    assert not any("Reuters" in s for s, _, _ in spans)


@pytest.mark.parametrize("published", [date.min, date.max])
def test_days_beyond_the_calendar_are_recorded_not_raised(published):
    text = "وقع الهجوم أمس، وسيعقد الاجتماع غدا، كما جرى الأمر يوم الثلاثاء."
    out = resolve_times(Article(id="t", text=text, origin="t", published=published), rules=RULES)
    assert validate(out) == []
    assert any("out of range" in d.message for d in out.errors)
