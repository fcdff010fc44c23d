"""Who did it where word order next to the trigger does not say: claims, relative clauses,
the speaker's own pronoun."""

from __future__ import annotations

from tests.events.conftest import roles


def test_doer_named_after_the_event_noun(run):
    article = run("تعرضت 55 سفينة للهجوم في خليج عدن في عمليات نفذها قراصنة صوماليون.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"] == "قراصنة صوماليون"


def test_claimed_by_a_pronoun_verb(run):
    article = run("تعرضت ثكنة الغلاوية لاعتداء، وقد تبناه «تنظيم القاعدة».")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"].startswith("تنظيم القاعدة")


def test_responsibility_claimed_before_the_event(run):
    article = run("وتبنت الحركة المسؤولية عن عملية تفجير عربة في الطريق.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"] == "الحركة"


def test_no_claimant_for_a_denied_claim(run):
    article = run("ولم تعلن أي جهة بعد مسؤوليتها عن الهجوم على الموكب.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert "actor" not in roles(article, attack)


def test_speaker_who_says_it_did_it(run):
    text = "قال حلف شمال الأطلسي إنه قتل عددا من زعماء طالبان في إقليم هلمند."
    article = run(text, entities=[("حلف شمال الأطلسي", "ORG")])
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"] == "حلف شمال الأطلسي"


def test_speaker_pronoun_with_a_passive_killing(run):
    article = run("قالت الشرطة إنه قتل في الانفجار.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack).get("actor") != "الشرطة"


def test_relative_subject_after_a_partitive(run):
    article = run("مواجهات بين قوى الأمن ومجموعات من المواطنين الشيعة الغاضبين، الذين يحتجون على الغلاء.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "المواطنين الشيعة الغاضبين"


def test_doer_of_a_later_mention_of_the_attack(run):
    article = run("قتل 22 شخصا جراء هجوم انتحاري بحزام ناسف، وورد أن انتحارية نفذت الهجوم.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"] == "انتحارية"


def test_a_launch_that_names_its_doer(run):
    article = run("قتل ثلاثة مدنيين بقصف صاروخي أطلقته طائرة حربية على السوق.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"] == "طائرة حربية"


def test_who_planted_the_bomb(run):
    article = run("أصيب خمسة أشخاص بجروح في انفجار عبوة ناسفة زرعها مجهولون.")
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"] == "مجهولون"


def test_who_took_part_in_it(run):
    article = run("شهدت مدينة تعز تظاهرة حاشدة شارك فيها آلاف المواطنين.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "آلاف المواطنين"


def test_definite_object_after_a_definite_plural_subject(run):
    article = run("وأحرق المتظاهرون العلم الإسرائيلي أمام مقر الأمم المتحدة.")
    protest = next(e for e in article.events if e.type == "PROTEST")
    assert roles(article, protest)["actor"] == "المتظاهرون"


def test_the_name_a_group_gives_itself(run):
    text = (
        "اعلنت مجموعة تطلق على نفسها «المقاومة الوطنية الاسلامية في العراق» مسؤوليتها عن خطف اربعة اميركيين."
    )
    article = run(text)
    attack = next(e for e in article.events if e.type == "ASSAULT")
    assert roles(article, attack)["actor"].startswith("المقاومة الوطنية")
