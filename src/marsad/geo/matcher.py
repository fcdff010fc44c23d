"""Find place names in text: gazetteer keys through clitics, with the words around them.

Matching runs on the normaliser's shadow of the text (alef, ya, ta marbuta folded; diacritics and
tatweel dropped), so وإدلب، بحلب، لتركيا، للرقة all reach their keys; every span is mapped back
to offsets in the original text. Nothing here decides which place a name denotes: that is
:mod:`marsad.geo.resolve`'s job.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from marsad.geo.gazetteer import Gazetteer
from marsad.nlp.normalize import Normalized, normalize

WORD_RE = re.compile(r"[^\W_]+")
LATIN_WORD_RE = re.compile(r"[A-Za-z]")
# Proclitics a place name may carry: a conjunction, then a preposition.
PREFIX_RE = re.compile(r"^[وف]?[بلك]?$")


def strip_clitics(word: str) -> str:
    """The word without و/ف and ب/ل/ك in front when enough of it remains (بمدينه → مدينه)."""
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    if len(word) > 3 and word[0] in "بلك":
        word = word[1:]
    if word.startswith("لل") and len(word) > 4:
        word = "ا" + word[1:]
    return word


@dataclass(frozen=True, slots=True)
class Shadow:
    """The normalised text, its words and the way back to original offsets."""

    norm: Normalized
    text: str
    words: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    tokens: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Shadow:
        norm = normalize(text, ta_marbuta=True)
        shadow = norm.text.replace("-", " ")
        found = list(WORD_RE.finditer(shadow))
        words = tuple(m.span() for m in found)
        return cls(norm, shadow, words, tuple(s for s, _ in words), tuple(m.group() for m in found))

    def word_at(self, pos: int) -> int:
        """Index of the word that contains (or last starts before) shadow position ``pos``."""
        return bisect_right(self.starts, pos) - 1

    def word(self, index: int) -> str:
        return self.tokens[index] if 0 <= index < len(self.tokens) else ""

    def stem(self, index: int) -> str:
        return strip_clitics(self.word(index))

    def gap(self, left: int, right: int) -> str:
        """The characters between word ``left`` and word ``right`` (punctuation, spaces)."""
        if left < 0 or right >= len(self.words):
            return ""
        return self.text[self.words[left][1] : self.words[right][0]]

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer key found in the text; offsets are in the shadow, clitics excluded."""

    start: int
    end: int
    key: str
    rows: tuple[int, ...]
    first_word: int
    last_word: int
    prefix: str  # the proclitics in front of the name, e.g. "وب"
    latin: bool = False


def find_arabic(shadow: Shadow, gazetteer: Gazetteer) -> list[Mention]:
    """Every key found at word boundaries, behind at most a conjunction and a preposition."""
    text = shadow.text
    n = len(text)
    found: list[Mention] = []
    for end_index, (key, lil) in gazetteer.automaton.iter(text):
        end = end_index + 1
        if end < n and (text[end].isalnum() or text[end] == "_"):
            continue
        length = len(key) - 1 if lil else len(key)
        start = end - length
        w = shadow.word_at(start)
        if w < 0:
            continue
        word_start = shadow.words[w][0]
        prefix = text[word_start:start]
        if not PREFIX_RE.match(prefix) or (lil and not prefix.endswith("ل")):
            continue
        if " " in key and text[start:end].count(" ") != key.count(" "):
            continue
        found.append(Mention(start, end, key, gazetteer.keys[key], w, shadow.word_at(end - 1), prefix))
    return longest(found)


def find_latin(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Latin-script names, case-sensitive, at word boundaries (for English text)."""
    if not LATIN_WORD_RE.search(text) or not len(gazetteer.latin_automaton):
        return []
    n = len(text)
    found = []
    for end_index, (key, _) in gazetteer.latin_automaton.iter(text):
        end = end_index + 1
        start = end - len(key)
        if (end < n and text[end].isalnum()) or (start > 0 and text[start - 1].isalnum()):
            continue
        found.append(Mention(start, end, key, gazetteer.latin_keys[key], -1, -1, "", latin=True))
    return longest(found)


def longest(found: list[Mention]) -> list[Mention]:
    """Leftmost-longest mentions that do not overlap."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out
