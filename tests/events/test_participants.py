"""Who did it to whom: word order, passives, agent and target phrases, movements."""

from __future__ import annotations

from tests.events.conftest import roles


def _only(article):
    (event,) = article.events
    return roles(article, event)


def test_active_verb_actor_then_target(run):
    got = _only(run("قتلت القوات الأميركية 11 مسلحا في عملية بالعاصمة."))
    assert got["actor"] == "القوات الأميركية"
    assert got["target"].startswith("11 مسلحا")


def test_passive_reading_counts_victims(run):
    assert _only(run("قتل خمسة أشخاص في المدينة."))["target"] == "خمسة أشخاص"


def test_subject_before_a_plural_verb(run):
    got = _only(run("مسلحون خطفوا أربعة مهندسين أجانب."))
    assert got["actor"] == "مسلحون"
    assert got["target"].startswith("أربعة مهندسين")


def test_nisba_and_on_phrase_of_an_event_noun(run):
    got = _only(run("شنت طائرات حربية غارة إسرائيلية على مخيم للاجئين."))
    assert "actor" in got
    assert got["target"].startswith("مخيم")


def test_by_the_hand_of(run):
    assert _only(run("قتل شاب برصاص قوات الأمن."))["actor"] == "قوات الأمن"


def test_movement_origin_and_destination(run):
    got = _only(run("نزحت 800 عائلة من حماة إلى إدلب."))
    assert got["actor"] == "800 عائلة"
    assert got["origin"] == "حماة"
    assert got["destination"] == "إدلب"


def test_description_kept_as_text_with_partitive(run):
    got = _only(run("ووصل أربعة من المتطرفين السعوديين إلى تركيا."))
    assert got["actor"] == "أربعة من المتطرفين السعوديين"


def test_participant_linked_to_entity(run):
    article = run("قصف الجيش السوري بلدة كفرنبل.", entities=[("الجيش السوري", "ORG")])
    (event,) = article.events
    actor = next(p for p in event.participants if p.role == "actor")
    assert actor.entity == "e1"
