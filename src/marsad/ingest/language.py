"""Language identification: ``ar``, ``en`` or ``other``.

Most input is Arabic, so a text whose letters are overwhelmingly Arabic script, without the
letters only Persian and Urdu use, is Arabic without consulting the model. Everything else
goes to py3langid (a fork of langid.py) on a bounded prefix, which keeps the cost per
article constant whatever its length.
"""

from __future__ import annotations

import re

import py3langid
from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: Characters of the text the decision looks at.
PREFIX = 300

_LETTERS = re.compile(r"[^\W\d_]+")
_ARABIC_SCRIPT = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]+")
# Letters of Persian, Urdu and related languages that Arabic does not write.
_NOT_ARABIC = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c1\u06d2\u0679\u0688\u0691\u06ba\u06be]")


def load_language_identifier() -> LanguageIdentifier:
    """The py3langid model (about a second to load); pass it to :func:`detect_language`."""
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str, *, identifier: LanguageIdentifier | None = None) -> str:
    """``ar``, ``en`` or ``other`` (also for text without letters).

    Without ``identifier`` py3langid's own default model is used, loaded on first need.
    """
    sample = text[:PREFIX]
    # Runs, not single characters, keep the counting cheap.
    arabic = sum(map(len, _ARABIC_SCRIPT.findall(sample)))
    other = sum(map(len, _LETTERS.findall(_ARABIC_SCRIPT.sub(" ", sample))))
    if not arabic + other:
        return "other"
    if arabic >= 0.6 * (arabic + other) and len(_NOT_ARABIC.findall(sample)) <= 0.02 * arabic:
        return "ar"
    lang, _score = (identifier or py3langid).classify(sample)
    return lang if lang in ("ar", "en") else "other"
