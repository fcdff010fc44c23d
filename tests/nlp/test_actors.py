from __future__ import annotations

import pickle
from datetime import date

import pytest

from marsad.article import Article, Entity, validate
from marsad.nlp.actors import link_actors, load_actor_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_actor_lexicon()


def article(text: str, entities: tuple[Entity, ...] = ()) -> Article:
    return Article(id="t", text=text, origin="test", published=date(2018, 6, 4), entities=entities)


def linked(text: str, lexicon, entities: tuple[Entity, ...] = ()) -> list[tuple[str, str, str | None]]:
    result = link_actors(article(text, entities), lexicon=lexicon)
    assert validate(result) == []
    return [(text[e.start : e.end], e.type, e.canonical.id if e.canonical else None) for e in result.entities]


@pytest.mark.parametrize(
    "text",
    [
        "أعلن داعش مسؤوليته عن الهجوم",
        "أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم",
        "أعلن تنظيم الدولة مسؤوليته عن الهجوم",
        "أعلن تنظيم «الدولة الإسلامية في العراق والشام» مسؤوليته",
        "قاتلوا بداعش ثم انضموا لداعش وتبرأوا من تنظيم داعش",
        "أعلن تنظيـم الدولـة الإسلاميّة مسؤوليته",
    ],
)
def test_every_name_of_isis_gets_one_id(lexicon, text: str) -> None:
    ids = {c for _, _, c in linked(text, lexicon)}
    assert ids == {"actor:isis"}


def test_clitics_are_left_out_of_the_span(lexicon) -> None:
    found = linked("وقصفت قوات النظام بلدات ريف إدلب، وقال والنظام يرد بداعش", lexicon)
    assert ("قوات النظام", "ORG", "actor:syrian-government") in found
    assert ("النظام", "ORG", "actor:syrian-government") in found
    assert ("داعش", "ORG", "actor:isis") in found


def test_a_bare_common_word_needs_no_adjective_after_it(lexicon) -> None:
    assert linked("أقر البرلمان النظام الانتخابي الجديد", lexicon) == []


def test_nusra_and_hts_are_distinct_but_linked(lexicon) -> None:
    found = linked("اندمجت جبهة النصرة في هيئة تحرير الشام", lexicon)
    assert [c for *_, c in found] == ["actor:nusra-front", "actor:hts"]
    assert lexicon.actors["actor:hts"].predecessor == "actor:nusra-front"
    assert lexicon.actors["actor:nusra-front"].successor == "actor:hts"


def test_media_outlets_have_the_media_kind(lexicon) -> None:
    result = link_actors(article("ذكرت صحيفة الغارديان ووكالة رويترز أن"), lexicon=lexicon)
    kinds = {e.canonical.id: e.canonical.kind for e in result.entities}
    assert kinds == {"media:guardian": "media", "media:reuters": "media"}


def test_fused_lam_before_the_article_matches(lexicon) -> None:
    found = linked("وقال الأمين العام للأمم المتحدة إن", lexicon)
    assert found == [("للأمم المتحدة", "ORG", "actor:un")]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("وصل أربعة من المتطرفين السعوديين إلى تركيا", "السعوديين"),
        ("قال مسؤول سعودي إن", "سعودي"),
        ("اجتمع وزراء الخارجية الأوروبيين في بروكسل", "الأوروبيين"),
        ("سيطر الأكراد على المدينة", "الأكراد"),
        ("أعلنت الحكومة السعودية أن", "السعودية"),
    ],
)
def test_nationalities_and_groups_are_norp(lexicon, text: str, mention: str) -> None:
    found = linked(text, lexicon)
    assert (mention, "NORP") in [(t, ty) for t, ty, _ in found]


def test_a_country_name_is_not_taken_for_a_nationality(lexicon) -> None:
    assert linked("سافر الوفد إلى السعودية أمس", lexicon) == []


def test_model_entities_are_named_replaced_or_kept(lexicon) -> None:
    text = "قال المتحدث باسم تنظيم الدولة الإسلامية إن الأمم المتحدة فشلت في الرياض"
    dawla = text.index("الدولة")
    un = text.index("الأمم")
    riyadh = text.index("الرياض")
    entities = (
        Entity("e1", dawla, dawla + len("الدولة"), "LOC"),
        Entity("e2", un, un + len("الأمم المتحدة"), "ORG"),
        Entity("e3", riyadh, riyadh + len("الرياض"), "LOC"),
    )
    result = link_actors(article(text, entities), lexicon=lexicon)
    got = [(text[e.start : e.end], e.type, e.canonical and e.canonical.id, e.source) for e in result.entities]
    assert got == [
        ("تنظيم الدولة الإسلامية", "ORG", "actor:isis", "lexicon"),
        ("الأمم المتحدة", "ORG", "actor:un", "model"),
        ("الرياض", "LOC", None, "model"),
    ]
    assert [e.id for e in result.entities] == ["e1", "e2", "e3"]


def test_a_norp_match_never_overrides_the_tagger(lexicon) -> None:
    text = "أعلنت الحكومة السعودية"
    start = text.index("السعودية")
    found = linked(text, lexicon, (Entity("e1", start, len(text), "LOC"),))
    assert found == [("السعودية", "LOC", None)]


@pytest.mark.parametrize("text", ["", "Reuters said ISIS", "٣٠٠ 2018", "ـــ"])
def test_odd_text_is_harmless(lexicon, text: str) -> None:
    assert validate(link_actors(article(text), lexicon=lexicon)) == []


def test_lexicon_survives_pickling(lexicon) -> None:
    again = pickle.loads(pickle.dumps(lexicon))
    assert [m.actor.id for m in again.find("قال داعش")] == ["actor:isis"]


def test_an_adjective_inside_a_country_name_is_not_a_nationality(lexicon) -> None:
    assert linked("وصل الوفد إلى المملكة العربية السعودية والإمارات العربية المتحدة", lexicon) == []
