from __future__ import annotations

import pytest

from marsad.ingest.language import detect_language, load_language_identifier


@pytest.fixture(scope="module")
def identifier():
    return load_language_identifier()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأعلنت الأمم المتحدة أن أكثر من 800 عائلة نزحت من قرى ريف حماة الشمالي.", "ar"),
        ("قال مسؤول محلي لوكالة Reuters إن الاشتباكات توقفت في مدينة الباب.", "ar"),
        ("The United Nations said more than 800 families fled villages north of Hama last week.", "en"),
        ("Les Nations unies ont annoncé que plus de 800 familles ont fui les villages de Hama.", "other"),
        # Persian shares the script but not the language.
        ("سازمان ملل متحد اعلام کرد که بیش از ۸۰۰ خانواده از روستاهای شمال حماه گریختند.", "other"),
        ("Birleşmiş Milletler, 800'den fazla ailenin Hama köylerinden kaçtığını açıkladı.", "other"),
        ("", "other"),
        ("2019-05-15 12:30 — 800 / 1200", "other"),
    ],
)
def test_language(text, expected, identifier):
    assert detect_language(text, identifier=identifier) == expected


def test_default_model_agrees_with_a_loaded_one(identifier):
    text = "Protesters gathered in Tahrir Square in Baghdad on Friday, demanding jobs and services."
    assert detect_language(text) == detect_language(text, identifier=identifier) == "en"


def test_only_a_prefix_is_judged(identifier):
    # An English article quoting a long Arabic statement at its end is still English.
    text = "The ministry issued a statement on Sunday. " * 30 + "وقالت الوزارة في بيانها " * 200
    assert detect_language(text, identifier=identifier) == "en"
