"""Find place names in text: gazetteer keys through clitics, with the words around them.

Matching runs on the normaliser's shadow of the text (alef, ya, ta marbuta folded; diacritics and
tatweel dropped), so وإدلب، بحلب، لتركيا، للرقة all reach their keys; every span is mapped back
to offsets in the original text. Nothing here decides which place a name denotes: that is
:mod:`marsad.geo.resolve`'s job.

Speed matters here (every article passes through): the automaton reads a copy of the shadow in
which every non-word character is a space, and its keys end with a space, so it reports only
names that end a word; the words themselves come from one ``str.split``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import add
from typing import NamedTuple

from marsad.geo.fold import Folding, ShadowText
from marsad.geo.gazetteer import NISBA_KEY, PLACE_KEY, Gazetteer

# Proclitics a place name may carry: a conjunction, then a preposition.
PREFIXES = frozenset(a + b for a in ("", "و", "ف") for b in ("", "ب", "ل", "ك")) - {""}


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

    norm: ShadowText
    text: str  # the shadow, hyphens and hashtag marks as spaces
    spaced: str  # the shadow with every non-word character a space, one more before and after
    starts: list[int]
    tokens: list[str]

    @classmethod
    def of(cls, text: str, folding: Folding) -> Shadow:
        norm, shadow, spaced = folding.spaced(text)
        pieces = spaced.split(" ")
        offsets = map(add, accumulate(map(len, pieces), initial=0), count(-1))
        starts = list(compress(offsets, pieces))
        tokens = list(filter(None, pieces))
        return cls(norm, shadow, spaced, starts, tokens)

    def word_at(self, pos: int) -> int:
        """Index of the word that contains (or last starts before) shadow position ``pos``."""
        return bisect_right(self.starts, pos) - 1

    def end(self, index: int) -> int:
        """Where word ``index`` ends."""
        return self.starts[index] + len(self.tokens[index])

    def word(self, index: int) -> str:
        return self.tokens[index] if 0 <= index < len(self.tokens) else ""

    def stem(self, index: int) -> str:
        return strip_clitics(self.word(index))

    def gap(self, left: int, right: int) -> str:
        """The characters between word ``left`` and word ``right`` (punctuation, spaces)."""
        if left < 0 or right >= len(self.starts):
            return ""
        return self.text[self.starts[left] + len(self.tokens[left]) : self.starts[right]]

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)


class Mention(NamedTuple):
    """A gazetteer key found in the text; offsets are in the shadow, clitics excluded."""

    start: int
    end: int
    key: str
    rows: tuple[int, ...]
    first_word: int
    last_word: int
    prefix: str  # the proclitics in front of the name, e.g. "وب"
    latin: bool = False


class Adjective(NamedTuple):
    """A country adjective (السورية، والعراقي) as a word of the text."""

    word: int
    country: str
    whole: bool  # the word is the adjective alone, without clitics


def find_arabic(shadow: Shadow, gazetteer: Gazetteer) -> tuple[list[Mention], list[Adjective]]:
    """Every name and country adjective behind at most a conjunction and a preposition."""
    spaced, text = shadow.spaced, shadow.text
    keys, nisba = gazetteer.keys, gazetteer.nisba
    found: list[Mention] = []
    adjectives: list[Adjective] = []
    for end, (key, lil, kind, length) in gazetteer.automaton.iter(spaced):
        start = end - length  # in ``spaced``: one more than in the shadow
        if spaced[start - 1] != " ":
            # At most two proclitics: the word starts one or two characters before the name.
            if spaced[start - 2] != " ":
                if spaced[start - 3] != " ":
                    continue
                prefix = spaced[start - 2 : start]
            else:
                prefix = spaced[start - 1]
            if prefix not in PREFIXES or (lil and prefix[-1] != "ل"):
                continue
        elif lil:
            continue
        else:
            prefix = ""
        start -= 1
        end -= 1
        first = bisect_right(shadow.starts, start) - 1
        if kind & NISBA_KEY:
            adjectives.append(Adjective(first, nisba[key], not prefix))
        if not kind & PLACE_KEY:
            continue
        spaces = key.count(" ")
        if spaces and text.count(" ", start, end) != spaces:
            continue  # the words are there, but with punctuation between them
        found.append(Mention(start, end, key, keys[key], first, first + spaces, prefix))
    return longest(found), adjectives


def find_latin(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Latin-script names, case-sensitive, at word boundaries (for English text)."""
    ascii_part = text.encode("ascii", "ignore")  # C-fast; Arabic text keeps only digits and marks
    if ascii_part.lower() == ascii_part.upper() or not len(gazetteer.latin_automaton):
        return []  # no Latin letter at all
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
