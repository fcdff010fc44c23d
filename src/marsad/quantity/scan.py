"""Fast scanning for the time and quantity stages: a key-word gate and trie alternations.

Their patterns are large alternations that cost microseconds at every word they are tried
on. One Aho-Corasick pass over the normalised text finds the key words (month names, قبل،
منذ، number words ...) and a digit pattern the digits; each pattern is then tried only at the
word starts a little before a key word, since every match holds one. A text without key
words costs one scan. Word lists become tries (``ا(?:بريل|ب|...)``), so a word that starts
no alternative is turned away after one letter, not after every alternative.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import ahocorasick

#: Letters that may stand before a key word inside its word: the clitics و ف ب ل and ال.
_CLITICS = frozenset("وفبلا")
_MAX_CLITICS = 4  # "وبال"
_WORD = re.compile(r"(?<![^\W_])[^\W_]+")


class KeyGate:
    """Key words (normalised spelling) → a bit mask of the families that hinge on them.

    A key counts where it begins its word or follows only clitics (والعام، بالأمس، وفي
    أيلول), or only the ``prefixes`` given; a ``whole`` key only alone, with neither clitic
    nor letter around it (آب, not أبرز); with ``word_end`` no key counts before a letter (ست,
    not ستة). ``digits`` pairs one digit pattern (a simple one: it scans the whole text) with
    the bit mask of the families that hinge on digits.
    """

    __slots__ = ("_automaton", "_digit_bits", "_digits", "_prefixes", "_word_end")

    def __init__(
        self,
        keys: Mapping[str, int],
        *,
        whole: frozenset[str] = frozenset(),
        word_end: bool = False,
        prefixes: frozenset[str] | None = None,
        digits: tuple[str, int] | None = None,
    ):
        automaton = ahocorasick.Automaton()
        for key, mask in keys.items():
            automaton.add_word(key, (len(key), _bits(mask), key in whole))
        automaton.make_automaton()
        self._automaton = automaton
        self._word_end = word_end
        self._prefixes = prefixes
        self._digits = re.compile(digits[0]) if digits else None
        self._digit_bits = _bits(digits[1]) if digits else ()

    def hits(self, text: str) -> dict[int, list[int]]:
        """Family bit → the sorted starts of its key words in ``text``."""
        found: dict[int, list[int]] = {}
        word_end, prefixes = self._word_end, self._prefixes
        for last, (size, bits, whole) in self._automaton.iter(text):
            if (word_end or whole) and text[last + 1 : last + 2].isalpha():
                continue
            start = last + 1 - size
            if start and text[start - 1].isalnum() and (whole or not _word_begins(text, start, prefixes)):
                continue
            for bit in bits:
                found.setdefault(bit, []).append(start)
        if self._digits is not None:
            starts = [m.start() for m in self._digits.finditer(text)]
            for bit in self._digit_bits if starts else ():
                found.setdefault(bit, []).extend(starts)
        return {bit: sorted(set(starts)) for bit, starts in found.items()}


def _bits(mask: int) -> tuple[int, ...]:
    return tuple(1 << i for i in range(mask.bit_length()) if mask >> i & 1)


def _word_begins(text: str, start: int, prefixes: frozenset[str] | None) -> bool:
    """Whether only clitic letters (or one of ``prefixes``) stand between the word's start
    and ``start``."""
    i = start
    while i > 0 and start - i < _MAX_CLITICS and text[i - 1] in _CLITICS:
        i -= 1
    while prefixes is not None and text[i:start] not in prefixes:
        i += 1  # the letter before the prefix is then part of the word
    return i == 0 or not text[i - 1].isalnum()


def matches_near(
    pattern: re.Pattern,
    text: str,
    hits: list[int],
    before: int,
    openers: frozenset[str] | None = None,
) -> Iterator[re.Match]:
    """The matches of ``pattern`` that begin at a word start at most ``before`` characters
    before a hit, in text order and without overlaps (what ``finditer`` would give there).

    With ``openers`` (clitic forms included), a word before the hit's own word is tried only
    if it is one of them or its first letter after clitics and ال is a digit: a failed attempt of
    a large pattern costs more than a set lookup.
    """
    floor = 0
    for hit in hits:
        if hit < floor:
            continue
        for word in _WORD.finditer(text, max(floor, hit - before), hit + 1):
            start = word.start()
            if start < floor or (
                openers is not None and word.end() <= hit and not _opens(word.group(), openers)
            ):
                continue
            m = pattern.match(text, start)
            if m:
                yield m
                floor = max(m.end(), start + 1)
        floor = max(floor, hit + 1)


def _opens(word: str, openers: frozenset[str]) -> bool:
    return word in openers or word.lstrip("وفبلا")[:1].isdigit()


def alternation(words, *, space: str = r"\ ") -> str:
    """A regex source for any of ``words`` as a trie; ``space`` is what a space becomes.

    Longer words are tried first, as in a list sorted longest first, so "تشرين الثاني" wins
    over "تشرين".
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_source(trie, space)


def _trie_source(node: dict, space: str) -> str:
    branches = [
        (space if ch == " " else re.escape(ch)) + _trie_source(child, space)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
