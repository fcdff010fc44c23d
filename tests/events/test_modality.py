"""How sure: asserted, reported, claimed, planned, attempted, negated, hypothetical."""

from __future__ import annotations

from pathlib import Path

import pytest

NEGATIVES = [
    line
    for line in (Path(__file__).parent / "gold" / "negatives.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def _modalities(article) -> dict[str, str]:
    """First word of each trigger → modality (a verb's trigger may take its object: أسقطوا طائرة)."""
    return {article.text[e.trigger_start : e.trigger_end].split()[0]: e.modality for e in article.events}


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("قصفت الطائرات مستشفى في المدينة.", "قصفت", "asserted"),
        ("قال المرصد إن الطائرات قصفت مستشفى في المدينة.", "قصفت", "reported"),
        ("زعم المسلحون أنهم أسقطوا طائرة حربية.", "أسقطوا", "claimed"),
        ("يعتزم المعلمون تنظيم إضراب شامل الشهر المقبل.", "إضراب", "planned"),
        ("وسيعتصم العمال أمام المصنع غدا.", "وسيعتصم", "planned"),
        ("قالت ميركل إن حكومتها ستكثف وتيرة ترحيل طالبي اللجوء.", "ترحيل", "planned"),
        ("حاول مسلحون اقتحام السجن.", "اقتحام", "attempted"),
        ("أحبطت الشرطة محاولة لتفجير سيارة مفخخة.", "لتفجير", "attempted"),
        ("لم تطلق الشرطة النار على المحتجين.", "تطلق", "negated"),
        ("لم تشهد المدينة أي احتجاجات منذ بداية العام.", "احتجاجات", "negated"),
        ("نفت الوزارة أن تكون طائراتها قد قصفت السوق.", "قصفت", "negated"),
        ("لو لم تتدخل القوات لسقطت المدينة بيد المسلحين.", "لسقطت", "hypothetical"),
        ("حذرت الأمم المتحدة من موجة نزوح جديدة.", "نزوح", "hypothetical"),
        ("قد يشن الجيش هجوما واسعا على المدينة.", "هجوما", "hypothetical"),
    ],
)
def test_modality(run, text, trigger, modality):
    assert _modalities(run(text))[trigger] == modality


def test_may_before_a_past_verb_is_no_doubt(run):
    # «قد استهدفت» is "had targeted": the denial, not «قد», makes it negated.
    article = run("قالت المصادر إن الطائرات قد استهدفت المستشفى.")
    assert _modalities(article)["استهدفت"] == "reported"


def test_no_one_hurt_is_no_event_of_its_own(run):
    article = run("انفجرت عبوة ناسفة قرب دورية للشرطة دون أن تسفر عن إصابات.")
    assert [(e.type, e.modality) for e in article.events] == [("ASSAULT", "asserted")]
    assert article.events[0].mentions == ()


def test_a_habit_is_no_happening(run):
    assert run("وغالبا ما تشن الحركة اعتداءاتها بسيارات مفخخة.").events == ()


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative_set_has_no_asserted_event(run, text):
    assert [e for e in run(text).events if e.modality == "asserted"] == []


def test_negative_set_is_big_enough():
    assert len(NEGATIVES) >= 50
