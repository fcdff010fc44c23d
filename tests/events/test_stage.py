"""The stage as a whole: degrading without other layers, folding retellings, bad input."""

from __future__ import annotations

import pickle
import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.article import Article, Place, validate
from marsad.events import EventSettings, extract_events
from marsad.events.modality import MODALITIES
from tests.events.conftest import roles, triggers

_WORDS = (
    "قتل قصفت الطائرات غارة انفجار مقتل أصيب تظاهر احتجاجات نزحت لاجئين قال المتحدث إن بحسب مصادر "
    "لم لو يعتزم حاول نفى أن في من على إلى و ، . « » : أمس الجيش المسلحين خمسة 20 عائلة مدينة حلب"
).split()


def test_works_without_tokens_sentences_or_other_layers(lexicon):
    article = Article(id="t", text="قصفت الطائرات سوقا شعبيا في المدينة.", origin="test", published=None)
    out = extract_events(article, lexicon=lexicon)
    (event,) = out.events
    assert (event.type, event.place, event.time, event.quantity, event.time_from) == (
        "ASSAULT",
        None,
        None,
        None,
        None,
    )
    assert validate(out) == []


def test_empty_text(lexicon):
    assert extract_events(Article(id="t", text="", origin="test"), lexicon=lexicon).events == ()


def test_ids_count_up_in_text_order(run):
    article = run("قصفت الطائرات البلدة. وتظاهر مئات الطلاب في العاصمة. واعتقلت الشرطة عشرة منهم.")
    assert [e.id for e in article.events] == ["v1", "v2", "v3"]
    assert [e.type for e in article.events] == ["ASSAULT", "PROTEST", "COERCE"]


def test_what_protesters_do_is_the_protest(run):
    for text in ("وحمل المتظاهرون في إسطنبول الأعلام التركية.", "وهاجم آلاف المتظاهرين مكتب رئيس الوزراء."):
        assert [t for t, _ in triggers(run(text))] == ["PROTEST"]
    # Without protesters the same verbs are no event.
    assert triggers(run("وحمل الوزير حقيبته ورفع الجلسة.")) == []


def test_a_retelling_folds_into_the_first_telling(run):
    text = "قتل خمسة أشخاص في انفجار سيارة مفخخة في السوق. وقال المتحدث إن الانفجار أدى إلى مقتل خمسة أشخاص."
    article = run(text, quantities=[("خمسة أشخاص", {"value": 5, "unit": "person"})])
    (event,) = article.events
    assert len(event.mentions) >= 2


def test_two_incidents_with_different_tolls_stay_two(run):
    text = "انفجر لغم بحافلة فقتل أربعة مدنيين. كما انفجر لغم آخر بدراجة فقتل ثلاثة أشخاص."
    article = run(
        text,
        quantities=[
            ("أربعة مدنيين", {"value": 4, "unit": "person"}),
            ("ثلاثة أشخاص", {"value": 3, "unit": "person"}),
        ],
    )
    assert [t for t, _ in triggers(article)] == ["ASSAULT", "ASSAULT"]


def test_a_toll_counts_the_figure_it_rose_to_not_one_next_to_the_word(run):
    text = (
        "ارتفع عدد القتلى جراء الغارات الجوية التي استهدفت بلدة كفرنبل جنوب إدلب يوم الأحد إلى 19 شخصاً، "
        "وفق مدير المستشفى."
    )
    article = run(text, quantities=[("19 شخصاً", {"value": 19, "unit": "person"})])
    (event,) = article.events
    (quantity,) = article.quantities
    assert [(what, article.quantities[i]) for what, i in event.counts] == [("killed", quantity)]


def test_the_lexicon_and_the_result_pickle(run, lexicon):
    article = run("قصفت الطائرات البلدة، بحسب المرصد.")
    assert pickle.loads(pickle.dumps(article)) == article
    assert pickle.loads(pickle.dumps(lexicon)).types == lexicon.types


def test_too_many_events_are_cut_and_said(lexicon, build):
    article = build("قصفت الطائرات البلدة. " * 20)
    out = extract_events(article, lexicon=lexicon, settings=EventSettings(max_events=3))
    assert len(out.events) <= 3
    assert [d.code for d in out.errors] == ["too-many-events"] or len(out.events) < 3


# --- bad input: bounded work, no crash (no timing assertions) ---


def test_an_article_of_five_thousand_sentences(build, lexicon):
    text = " ".join(f"قصفت الطائرات البلدة رقم {i} وقتل {i % 7 + 2} أشخاص." for i in range(5000))
    out = extract_events(build(text), lexicon=lexicon)
    assert 0 < len(out.events) <= 2000
    assert validate(out) == []


def test_a_sentence_of_three_thousand_words(build, lexicon):
    words = ("قصفت الطائرات و قال المتحدث إن المسلحين هاجموا الحاجز في حلب و " * 250).split()[:3000]
    out = extract_events(build(" ".join(words) + "."), lexicon=lexicon)
    assert validate(out) == []


def test_an_article_that_is_only_a_list_of_names(build, lexicon):
    names = "\n".join(["محمد أحمد علي", "فاطمة حسن", "خالد عبد الله", "سارة يوسف"] * 300)
    out = extract_events(build(names), lexicon=lexicon)
    assert out.events == ()


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), min_size=0, max_size=60))
def test_any_text_gives_a_valid_article(lexicon, words):
    text = " ".join(words)
    article = Article(id="t", text=text, origin="test", published=date(2018, 6, 4))
    out = extract_events(article, lexicon=lexicon)
    assert validate(out) == []
    for e in out.events:
        assert e.modality in MODALITIES
        assert e.trigger_start < e.trigger_end


def test_a_denied_attack_and_another_speakers_attack_in_one_sentence_stay_two(run):
    text = (
        "ونفت وزارة الدفاع الروسية أن تكون طائراتها قد استهدفت مستشفى في بلدة كفرنبل، وقال الرئيس "
        "السوري بشار الأسد إن القوات العراقية قصفت مواقع لداعش قرب الموصل، بحسب رويترز."
    )
    article = run(
        text,
        places=[("كفرنبل", "Kafranbel", "town"), ("الموصل", "Mosul", "city")],
        entities=[("وزارة الدفاع الروسية", "ORG"), ("بشار الأسد", "PER"), ("القوات العراقية", "ORG")],
    )
    denied, reported = article.events
    assert [t for _, t in triggers(article)] == ["استهدفت", "قصفت"]
    assert (denied.modality, reported.modality) == ("negated", "reported")
    assert text[reported.source.start : reported.source.end].endswith("بشار الأسد")
    assert roles(article, reported)["actor"] == "القوات العراقية"
    assert article.places[reported.place].name == "Mosul"
    assert article.places[denied.place].name == "Kafranbel"


def test_one_speakers_two_clauses_with_different_actors_stay_two(run):
    text = (
        "وقال المرصد إن الطائرات الروسية قصفت بلدة كفرنبل، وإن القوات التركية قصفت مواقع للمقاتلين "
        "الأكراد قرب عفرين."
    )
    article = run(text, entities=[("المرصد", "ORG"), ("القوات التركية", "ORG")])
    assert [t for _, t in triggers(article)] == ["قصفت", "قصفت"]


def test_the_same_target_hit_by_two_different_actors_is_two_attacks(run):
    text = "وقال المرصد إن الجيش الروسي قصف المدينة، وإن الجيش التركي قصف المدينة أيضا."
    article = run(text, entities=[("المرصد", "ORG"), ("الجيش الروسي", "ORG"), ("الجيش التركي", "ORG")])
    assert [roles(article, e)["actor"] for e in article.events] == ["الجيش الروسي", "الجيش التركي"]


def test_an_asserted_and_a_reported_clause_of_one_sentence_stay_two(run):
    text = "قصفت الطائرات الروسية بلدة كفرنبل أمس فيما قال المرصد إن الطائرات قصفت البلدة."
    article = run(text, entities=[("المرصد", "ORG")])
    assert [e.modality for e in article.events] == ["asserted", "reported"]


def test_a_dateline_is_the_place_only_of_an_article_without_other_places(run):
    cnn = "دبي، الإمارات العربية المتحدة (CNN)-- قصفت الطائرات مواقع في صعدة. وتظاهر الآلاف أمس."
    places = [
        ("دبي", "Dubai", "city"),
        ("الإمارات العربية المتحدة", "UAE", "country"),
        ("صعدة", "Saada", "city"),
    ]
    article = run(cnn, places=places)
    assert [e.place for e in article.events] == [2, 2]  # the protest: the place last named
    beirut = "بيروت (رويترز) - تظاهر الآلاف أمس احتجاجا على الغلاء."
    (event,) = run(beirut, places=[("بيروت", "Beirut", "city")]).events
    assert event.place == 0


def test_a_sentence_without_a_place_takes_the_place_named_just_before(run):
    text = "قصفت الطائرات بلدة كفرنبل أمس. وفي اليوم نفسه اعتقلت قوات الأمن عشرين شخصا."
    article = run(text, places=[("كفرنبل", "Kafr Nabl", "town")])
    assert [(e.type, e.place) for e in article.events] == [("ASSAULT", 0), ("COERCE", 0)]


def test_a_place_next_to_another_event_word_is_that_events(run):
    text = "تظاهر الآلاف في مدينة برشلونة احتجاجا على اعتقال رئيس الإقليم في ألمانيا."
    places = [("برشلونة", "Barcelona", "city"), ("ألمانيا", "Germany", "country")]
    article = run(text, places=places)
    assert {e.type: e.place for e in article.events} == {"PROTEST": 0, "COERCE": 1}


def test_the_speakers_whereabouts_are_not_the_place_of_what_he_tells(run):
    text = "وقال مسؤول في بلدية حلب إن القصف أصاب سوقا في بلدة الأتارب."
    places = [("حلب", "Aleppo", "city"), ("الأتارب", "Atarib", "town")]
    article = run(text, places=places, entities=[("مسؤول في بلدية حلب", "PER")])
    assert [(e.type, e.place) for e in article.events] == [("ASSAULT", 1)]


def test_a_prevented_or_sought_movement_is_no_event(run):
    text = "وتتخذ الميليشيات من السكان دروعا وتمنع نزوحهم من المدينة."
    assert [e.type for e in run(text).events if e.type == "MOVE"] == []
    text = "وتبقى ليبيا نقطة الانطلاق للمهاجرين الساعين للوصول إلى أوروبا."
    assert [e.type for e in run(text).events if e.type == "MOVE"] == []


def test_what_a_demand_asks_for_is_its_content(run):
    text = "وتظاهر المئات بعد أن طالبها مئات من المتظاهرين من اليمين المتطرف بالاستقالة."
    assert "RETREAT" not in {e.type for e in run(text).events}


def test_a_denied_accusation_is_no_accusation(run):
    text = "ونفت القيادة العسكرية الاتهامات بقتل مدنيين في غارة."
    assert "ACCUSE" not in {e.type for e in run(text).events}


def test_driving_fighters_out_is_fighting(run):
    article = run("وقد جرى طرد مقاتلي حركة الشباب من العاصمة مقديشو في أغسطس 2011.")
    assert [e.type for e in article.events] == ["ASSAULT"]
    article = run("طردت السلطات مئات المهاجرين إلى الحدود.")
    assert [e.type for e in article.events] == ["COERCE"]


def test_five_thousand_sentences_naming_a_place_each(build, lexicon):
    text = " ".join(f"قصفت الطائرات البلدة رقم {i} في حلب." for i in range(5000))
    article = build(text)
    places = tuple(
        Place(m.start(), m.end(), name="حلب", level="city", geonameid=1) for m in re.finditer("حلب", text)
    )
    out = extract_events(article.with_layers(places=places), lexicon=lexicon)
    assert validate(out) == []
    assert 0 < len(out.events) <= EventSettings().max_events
    assert all(e.place is not None for e in out.events)


def test_retold_statements_fold_wherever_the_sentence_places_them(run):
    text = (
        "أدانت كوريا الشمالية الاستخدام المفرط للقوة في غزة. "
        "وذكرت الصحيفة أن بيونغيانغ استنكرت المجازر الفظيعة في غزة."
    )
    places = [("غزة", "Gaza", "city"), ("بيونغيانغ", "Pyongyang", "city")]
    article = run(text, places=places)
    assert [e.type for e in article.events if e.type == "ACCUSE"] == ["ACCUSE"]


def test_described_targets_do_not_set_two_attacks_apart(run):
    text = "قصفت الطائرات مواقع المتمردين في صرواح. وأضاف المصدر أن الغارات أصابت تجمعات المسلحين."
    article = run(text, places=[("صرواح", "Sirwah", "town")])
    assert [e.type for e in article.events] == ["ASSAULT"]


def test_the_day_a_later_sentence_gives_is_the_undated_leads_day(run):
    text = "اعتقلت الشرطة الألمانية الرئيس السابق للإقليم. واعتقلت الشرطة الرجل الأحد خلال عودته من فنلندا."
    times = [("الأحد", date(2018, 6, 3), date(2018, 6, 3))]
    article = run(text, times=times)
    assert [e.type for e in article.events] == ["COERCE"]
    text = "اعتقلت الشرطة الألمانية الرئيس السابق. واعتقلت الشرطة ناشطين في عام 2015."
    article = run(text, times=[("عام 2015", date(2015, 1, 1), date(2015, 12, 31))])
    assert [e.type for e in article.events] == ["COERCE", "COERCE"]
