from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.stories.cluster import StoryDoc, StorySettings, cluster_stories, name_key, similar_pairs, terms


def _doc(i: str, hour: int, site: str, title: str, text: str) -> StoryDoc:
    return StoryDoc(i, datetime(2018, 3, 14, tzinfo=UTC) + timedelta(hours=hour), title, text, site)


DOCS = [
    _doc("bbc", 12, "bbc.co.uk", "بريطانيا تعلن طرد 23 دبلوماسيا روسيا ردا على تسميم العميل الروسي السابق",
         "أعلنت رئيسة الوزراء البريطانية تيريزا ماي طرد 23 دبلوماسيا روسيا ردا على تسميم عميل روسي سابق "
         "هو سيرغي سكريبال. وقالت ماي أمام البرلمان إن الدبلوماسيين أمامهم أسبوع لمغادرة البلاد."),
    _doc("cnn", 13, "arabic.cnn.com", "بريطانيا تطرد 23 دبلوماسيا روسيا بسبب تسميم سكريبال",
         "قررت الحكومة البريطانية طرد 23 دبلوماسيا روسيا إثر اتهامها روسيا بمحاولة اغتيال الجاسوس سيرغي "
         "سكريبال وابنته بغاز الأعصاب. وقالت رئيسة الوزراء تيريزا ماي إن الدبلوماسيين الروس أمامهم أسبوع."),
    _doc("sky", 14, "skynewsarabia.com", "ماي تطرد 23 دبلوماسيا روسيا وتقاطع كأس العالم",
         "أعلنت رئيسة الوزراء البريطانية تيريزا ماي عزمها طرد 23 دبلوماسيا روسيا خلال أسبوع على خلفية "
         "تسميم العميل الروسي سكريبال، ومقاطعة كأس العالم رسميا."),
    _doc("jordan", 12, "alarabiya.net", "حكومة الأردن الجديدة تؤدي اليمين أمام الملك",
         "أدت الحكومة الأردنية الجديدة برئاسة عمر الرزاز اليمين الدستورية أمام العاهل الأردني الملك عبد "
         "الله الثاني، وقررت سحب مشروع قانون ضريبة الدخل."),
    _doc("later", 12 + 60, "bbc.co.uk", "روسيا تطرد 23 دبلوماسيا بريطانيا",
         "أعلنت روسيا طرد 23 دبلوماسيا بريطانيا ردا على طرد بريطانيا 23 دبلوماسيا روسيا بسبب تسميم "
         "العميل سكريبال، وأمهلتهم أسبوعا."),
]  # fmt: skip


def test_terms_fold_spelling_and_strip_the_article():
    assert terms("والدبلوماسيين الروس") == terms("الدبلوماسيين والروس")
    assert terms("للدبلوماسيين")[0] == "دبلوماسيين"


def test_three_outlets_reporting_one_expulsion_are_one_story():
    stories = cluster_stories(DOCS)
    assert stories["bbc"] == stories["cnn"] == stories["sky"] == "bbc"  # named after the earliest
    assert stories["jordan"] == "jordan"


def test_the_retaliation_days_later_is_another_story():
    stories = cluster_stories(DOCS)
    assert stories["later"] != stories["bbc"]


def test_near_duplicates_are_kept_together():
    stories = cluster_stories(DOCS, together={"jordan": "bbc"})
    assert stories["jordan"] == stories["bbc"]


@settings(max_examples=25, deadline=None)
@given(st.permutations(DOCS))
def test_stories_do_not_depend_on_input_order(docs):
    assert cluster_stories(docs) == cluster_stories(DOCS)


# Same day, same words, different news: Russia's retaliation and Britain's accusation.
EXPEL = _doc(
    "expel",
    8,
    "alarabiya.net",
    "روسيا ترد بالمثل وتطرد 23 دبلوماسيا بريطانيا",
    "أعلنت روسيا طرد 23 دبلوماسيا بريطانيا ردا على قرار بريطانيا في أزمة الجاسوس الروسي سكريبال.",
)
ACCUSE = _doc("accuse", 9, "arabic.cnn.com", "بريطانيا تتهم بوتين في أزمة الجاسوس الروسي",
              "اتهمت بريطانيا روسيا والرئيس بوتين بالمسؤولية عن تسميم الجاسوس الروسي سكريبال "
              "ردا على نفي موسكو.")  # fmt: skip


def _score(a: StoryDoc, b: StoryDoc) -> float:
    return similar_pairs(sorted([a, b], key=lambda d: d.id), StorySettings())[(0, 1)]


def test_main_event_types_and_shared_names_weigh_in_the_score():
    plain = _score(EXPEL, ACCUSE)
    kinds = _score(replace(EXPEL, kind="SANCTION"), replace(ACCUSE, kind="SANCTION"))
    names = frozenset(map(name_key, ("روسيا", "بريطانيا", "سكريبال")))
    shared = _score(replace(EXPEL, names=names), replace(ACCUSE, names=names))
    assert kinds == plain + StorySettings().same_kind
    assert shared == plain + StorySettings().names


def test_at_the_margin_the_main_event_type_decides():
    expel, accuse = replace(EXPEL, kind="SANCTION"), replace(ACCUSE, kind="ACCUSE")
    margin = StorySettings(threshold=_score(EXPEL, ACCUSE) + StorySettings().same_kind / 2)
    apart = cluster_stories([expel, accuse], margin)
    assert apart["expel"] != apart["accuse"]
    together = cluster_stories([expel, replace(accuse, kind="SANCTION")], margin)
    assert together["expel"] == together["accuse"]


def test_name_keys_fold_spelling_and_the_article():
    assert name_key("الرئيس الإندونيسي") == name_key("الرئيس الاندونيسي")
