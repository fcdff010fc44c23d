"""Trigger words: forms through clitics and normalisation, phrases, idioms, references."""

from __future__ import annotations

import pytest

from tests.events.conftest import triggers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقصفت الطائرات الحربية مواقع في ريف إدلب.", ("ASSAULT", "وقصفت")),
        ("اندلعت اشتباكات عنيفة بين الفصائل في المدينة.", ("ASSAULT", "اشتباكات")),
        ("أطلق مسلحون النار على حافلة للركاب.", ("ASSAULT", "أطلق")),
        ("أطلقت السلطات سراح عشرين معتقلا.", ("RETREAT", "أطلقت")),
        ("تظاهر آلاف الطلاب أمام مقر الحكومة.", ("PROTEST", "تظاهر")),
        ("وسيعتصم العمال أمام المصنع.", ("PROTEST", "وسيعتصم")),
        ("نزحت مئات العائلات من القرى الحدودية.", ("MOVE", "نزحت")),
        ("عبر مئات المهاجرين الحدود ليلا.", ("MOVE", "عبر")),
        ("انشق ضابط كبير عن الجيش.", ("DEFECT", "انشق")),
        ("اعتقلت الشرطة ثلاثة مشتبه بهم.", ("COERCE", "اعتقلت")),
        ("قدم رئيس الوزراء استقالته.", ("RETREAT", "استقالته")),
        ("فرضت واشنطن عقوبات جديدة على الشركة.", ("SANCTION", "عقوبات")),
    ],
)
def test_trigger_words_in_their_forms(run, text, expected):
    assert expected in triggers(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "أعلن الطرفان وقف إطلاق النار في المدينة.",  # a ceasefire, no shooting
        "قتل الطلاب الوقت في الحديث عن الامتحانات.",  # idiom with a word between
        "أسقطت الدفاعات الجوية طائرة مسيرة فوق المطار.",  # a drone, not a march
        "وصل وزير الخارجية إلى بغداد في زيارة رسمية.",  # arrival of a minister is no MOVE
        "خاض الحزب معركة انتخابية شرسة.",
    ],
)
def test_words_that_name_no_such_event(run, text):
    got = triggers(run(text))
    assert ("ASSAULT", "إطلاق") not in got
    assert not any(t in ("PROTEST", "MOVE") for t, _ in got)
    assert not any(w in ("قتل", "معركة") for _, w in got)


def test_dawn_is_no_bombing(run):
    assert triggers(run("استيقظ السكان فجر اليوم على أصوات الرصاص.")) == []


def test_a_gathering_with_banners_is_a_protest_and_fighters_massing_are_not(run):
    assert triggers(run("احتشد آلاف المتظاهرين في الساحة رافعين لافتات.")) == [("PROTEST", "احتشد")]
    assert triggers(run("احتشد مئات المقاتلين قرب الحدود.")) == [("GATHER", "احتشد")]


def test_clashes_of_protesters_with_police_are_a_riot(run):
    (event,) = run("اشتبك متظاهرون مع الشرطة أمام البرلمان.").events
    assert (event.type, event.mode, event.acled) == ("PROTEST", "riot", "Riots")


def test_a_slogan_is_no_event(run):
    got = triggers(run("ورفع المتظاهرون لافتات كتب عليها «أوقفوا قتل الأبرياء»."))
    assert [t for t, _ in got] == ["PROTEST"]


def test_a_demanded_release_is_the_demand_not_a_release(run):
    got = triggers(run("وطالب المحتجز بالإفراج عن رفاقه."))
    assert ("RETREAT", "بالإفراج عن") not in got


def test_an_earlier_event_named_after_since_is_no_new_event(run):
    got = triggers(run("تراجعت السياحة منذ بدء الاحتجاجات في البلاد."))
    assert not any(t == "PROTEST" for t, _ in got)


def test_a_trigger_inside_a_name_is_dropped(run):
    text = "زار الوفد لجنة مناهضة التعذيب في جنيف."
    article = run(text, entities=[("لجنة مناهضة التعذيب", "ORG")])
    assert all(t != "ASSAULT" for t, _ in triggers(article))


def test_road_accident_dead_are_no_attack(run):
    assert all(t != "ASSAULT" for t, _ in triggers(run("قتل 17 شخصا في حادث سير على الطريق السريع.")))


def test_a_short_verb_with_its_conjunction_left_on(run):
    article = run("وسار المتظاهرون في شوارع المدينة.")
    assert [e.type for e in article.events] == ["PROTEST"]


def test_two_named_days_are_not_a_daily_habit(run):
    article = run("واعتصم المتظاهرون قرب المحطة طوال يومي السبت والأحد.")
    assert [e.type for e in article.events] == ["PROTEST"]


def test_a_gathering_of_protesters_is_a_protest(run):
    article = run("وتجمع نحو 500 متظاهر في محيط المحكمة العليا.")
    assert [e.type for e in article.events] == ["PROTEST"]


def test_the_future_prefix_left_on_a_verb(run):
    (event,) = run("وقال المسؤول ان المتظاهرين سيعتصمون أمام مجلس المحافظة.").events
    assert (event.type, event.modality) == ("PROTEST", "planned")


def test_dawn_is_not_a_bombing_unless_a_dual_did_it(run):
    assert [e.type for e in run("وكان انتحاريان قد فجرا نفسيهما امام المصنع.").events] == ["ASSAULT"]
    assert [e.type for e in run("وصل الوفد فجرا إلى المدينة.").events] != ["ASSAULT"]


def test_a_verb_of_gathering_with_protesters_around_it_is_a_protest(run):
    article = run("كما خرج مساء أمس مئات من المتظاهرين احتجاجا على الحرائق.")
    assert {e.type for e in article.events} == {"PROTEST"}


def test_deporting_returning_questioning_discussing_supporting(run):
    cases = {
        "رحلت السلطات 27 ألف مهاجر إلى بلدانهم.": ("COERCE", "deport"),
        "وأعاد المسلحون مئات الأسر النازحة بقوة السلاح.": ("MOVE", "relocate"),
        "وقالت النيابة إن الشرطة استجوبت الرجل أمس.": ("ACCUSE", "investigate"),
        "وناقش الوزيران الأزمة في اجتماع مغلق.": ("CONSULT", None),
        "وأكدت الحكومة دعمها الثابت للفلسطينيين.": ("SUPPORT", None),
    }
    for text, (type_, mode) in cases.items():
        events = run(text).events
        assert [(e.type, e.mode) for e in events] == [(type_, mode)], text


def test_a_phrase_word_apart_from_its_trigger_is_evidence_too(run):
    article = run("وألقت السلطات باللوم على مخربين ملثمين.")
    (event,) = article.events
    spans = [(event.trigger_start, event.trigger_end), *event.mentions]
    assert {article.text[s:e] for s, e in spans} == {"وألقت", "باللوم"}


def test_casualties_by_fire_are_no_accident_whatever_collapses_nearby(run):
    text = "وقتل العشرات من قيادات الميليشيات بنيران مقاتلات التحالف وسط انهيارات متسارعة في صفوفها."
    assert [e.type for e in run(text).events] == ["ASSAULT"]
