"""Word keys and clitic stripping shared by the tagger features, the clusters and the stage.

ANERcorp keeps clitics attached to words (والجيش is one token) and splits punctuation off,
so features look at a folded key of the whole token and at the key without its proclitics.
"""

from __future__ import annotations

import re

from marsad.nlp.normalize import normalize_text

# A token as ANERcorp cuts them: a run of letters, digits and Arabic marks, or one other symbol.
TOKEN_RE = re.compile(r"[^\W_]+(?:[\u064b-\u065f\u0670\u0640]+[^\W_]*)*|[^\w\s]|_")

# Proclitic sequences, longest first (لل is ل + ال with the alef unwritten).
_PROCLITICS = (
    "وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل",
    "لل", "ال", "وب", "ول", "وك", "فب", "فل", "وس", "و", "ف", "ب", "ل", "ك",
)  # fmt: skip
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")


def word_key(token: str) -> str:
    """The folded form a token is looked up by: alef/ya/ta-marbuta folds, no marks, lower case."""
    return normalize_text(token, ta_marbuta=True).lower()


def strip_proclitics(key: str) -> tuple[str, str]:
    """``(proclitics, stem)`` of a folded key; only the longest prefix that leaves 3+ letters."""
    for prefix in _PROCLITICS:
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            return prefix, key[len(prefix) :]
    return "", key


def strip_enclitic(stem: str) -> tuple[str, str]:
    """``(stem, pronoun suffix)``, keeping at least three letters of stem."""
    for suffix in _ENCLITICS:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            return stem[: -len(suffix)], suffix
    return stem, ""


def tokenize(text: str) -> list[str]:
    """Split running text into ANERcorp-style tokens (clitics kept, punctuation apart)."""
    return TOKEN_RE.findall(text)
