"""Who did it where word order next to the trigger does not say: claims, relative clauses,
the speaker's own pronoun."""

from __future__ import annotations

import pytest

from tests.events.conftest import roles

# (text, event type, the actor's text, or None when no actor may be given)
DOERS = [
    # named after the event noun
    ("تعرضت 55 سفينة للهجوم في خليج عدن في عمليات نفذها قراصنة صوماليون.", "ASSAULT", "قراصنة صوماليون"),
    # responsibility claimed before the event
    ("وتبنت الحركة المسؤولية عن عملية تفجير عربة في الطريق.", "ASSAULT", "الحركة"),
    # no claimant for a denied claim
    ("ولم تعلن أي جهة بعد مسؤوليتها عن الهجوم على الموكب.", "ASSAULT", None),
    # the relative clause's subject, after a partitive
    (
        "مواجهات بين قوى الأمن ومجموعات من المواطنين الشيعة الغاضبين، الذين يحتجون على الغلاء.",
        "PROTEST",
        "المواطنين الشيعة الغاضبين",
    ),
    # a later mention of the attack names its doer
    ("قتل 22 شخصا جراء هجوم انتحاري بحزام ناسف، وورد أن انتحارية نفذت الهجوم.", "ASSAULT", "انتحارية"),
    # a launch that names its doer
    ("قتل ثلاثة مدنيين بقصف صاروخي أطلقته طائرة حربية على السوق.", "ASSAULT", "طائرة حربية"),
    # who planted the bomb
    ("أصيب خمسة أشخاص بجروح في انفجار عبوة ناسفة زرعها مجهولون.", "ASSAULT", "مجهولون"),
    # who took part in it
    ("شهدت مدينة تعز تظاهرة حاشدة شارك فيها آلاف المواطنين.", "PROTEST", "آلاف المواطنين"),
    # a definite object after a definite plural subject
    ("وأحرق المتظاهرون العلم الإسرائيلي أمام مقر الأمم المتحدة.", "PROTEST", "المتظاهرون"),
]


@pytest.mark.parametrize(("text", "kind", "actor"), DOERS)
def test_the_doer(run, text, kind, actor):
    article = run(text)
    event = next(e for e in article.events if e.type == kind)
    assert roles(article, event).get("actor") == actor


# Names that open a quotation or run long: only their start is asserted.
STARTS = [
    ("تعرضت ثكنة الغلاوية لاعتداء، وقد تبناه «تنظيم القاعدة».", "تنظيم القاعدة"),  # claimed by a pronoun verb
    (  # the name a group gives itself
        "اعلنت مجموعة تطلق على نفسها «المقاومة الوطنية الاسلامية في العراق» مسؤوليتها عن خطف اربعة اميركيين.",
        "المقاومة الوطنية",
    ),
]


@pytest.mark.parametrize(("text", "start"), STARTS)
def test_the_doer_named_in_quotes(run, text, start):
    article = run(text)
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"].startswith(start)


def test_speaker_who_says_it_did_it(run):
    text = "قال حلف شمال الأطلسي إنه قتل عددا من زعماء طالبان في إقليم هلمند."
    article = run(text, entities=[("حلف شمال الأطلسي", "ORG")])
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"] == "حلف شمال الأطلسي"


def test_speaker_pronoun_with_a_passive_killing(run):
    article = run("قالت الشرطة إنه قتل في الانفجار.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack).get("actor") != "الشرطة"
