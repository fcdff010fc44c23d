"""According to whom: frames, their reach, continuation over sentences, entity links."""

from __future__ import annotations

from tests.events.conftest import text_of


def _sources(article) -> list[str | None]:
    return [text_of(article, e.source.start, e.source.end) if e.source else None for e in article.events]


def test_according_to_covers_the_whole_sentence(run):
    article = run("قتل ثلاثة أشخاص في قصف على البلدة، بحسب مصادر طبية.")
    assert _sources(article) == ["مصادر طبية"]


def test_wafqan_li_drops_the_preposition(run):
    article = run("قتل ثلاثة أشخاص في قصف على البلدة وفقا لمصادر أمنية.")
    assert _sources(article) == ["مصادر أمنية"]


def test_speaker_after_the_verb_covers_what_follows_only(run):
    article = run("تظاهر مئات الطلاب أمس، وقال المتحدث باسم الشرطة إن قواته اعتقلت عشرة منهم.")
    by_type = {e.type: e for e in article.events}
    assert by_type["PROTEST"].source is None
    assert (
        text_of(article, by_type["COERCE"].source.start, by_type["COERCE"].source.end)
        == "المتحدث باسم الشرطة"
    )


def test_a_speaker_continues_into_the_next_sentence(run):
    article = run("قال المتحدث باسم الجيش إن قواته قصفت مواقع المسلحين. وأضاف أن عشرين مسلحا اعتقلوا.")
    assert _sources(article) == ["المتحدث باسم الجيش", "المتحدث باسم الجيش"]


def test_naqalat_an_gives_the_original_speaker(run):
    article = run("ونقلت وكالة رويترز عن مصادر أمنية قولها إن مسلحين خطفوا ثلاثة مهندسين.")
    assert _sources(article) == ["مصادر أمنية"]


def test_postposed_speaker(run):
    article = run("اندلعت اشتباكات عنيفة في الحي، قال المرصد.")
    assert _sources(article) == ["المرصد"]


def test_a_quotation_carries_its_speaker(run):
    text = "وقال الضابط: «هاجم المسلحون الحاجز فجرا. ثم فر بعضهم نحو الجبال»."
    article = run(text)
    assert set(_sources(article)) == {"الضابط"}


def test_the_speaker_is_linked_to_its_entity(run):
    article = run("وذكرت صحيفة الغارديان أن أربعة متطرفين وصلوا إلى تركيا.", entities=[("الغارديان", "ORG")])
    (event,) = article.events
    assert event.modality == "reported"
    assert event.source.entity == "e1"


def test_a_claim_of_responsibility_is_no_speaker_of_the_attack(run):
    article = run("قتل عشرون شخصا في تفجير انتحاري في السوق، وأعلن تنظيم داعش مسؤوليته عنه.")
    assert [e.modality for e in article.events] == ["asserted"]


def test_a_speaker_with_where_it_is_and_a_comma_before_the_verb(run):
    text = "وكانت القيادة العسكرية الأميركية في أفريقيا، نفت الجمعة، الاتهامات بقتل مدنيين في غارة."
    article = run(text, places=[("أفريقيا", "Africa", "region")])
    (event,) = article.events
    assert event.modality == "negated"
    assert article.text[event.source.start : event.source.end] == "القيادة العسكرية الأميركية"
    assert all(p.role != "actor" for p in event.participants)  # the speaker tells, it did not strike
