"""The normaliser's shadow of a text, computed fast enough to run on every article.

:func:`marsad.nlp.normalize.normalize` folds character by character, so its whole effect is a
table: which characters become which one character, which are dropped, and which (presentation
forms: one glyph, several letters) need the normaliser itself. :class:`Folding` derives that table
from the normaliser once, when the gazetteer is built, and applies it with ``str.replace`` (a few
C-level passes over the text instead of one dictionary look-up per character). Offsets back to
the original text come from the dropped runs alone, found by bisection. :meth:`Folding.spaced`
also gives the copy of the shadow that the gazetteer automaton reads, with every non-word
character a space.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from marsad.nlp.normalize import Normalized, normalize

# Presentation forms go through the normaliser itself (NFKC can make one glyph several letters).
PRESENTATION = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
# Folded letters that nearly every Arabic text contains; the rest are looked for all at once.
COMMON = frozenset("أإآىةؤئ")
# Characters that separate words in the shadow itself (hyphens and hashtag marks).
SEPARATORS = ("-", "#", "_")
NON_WORD_RE = re.compile(r"[^\w ]")  # after the separators: "_" is a space by then


def _char_class(chars: list[str]) -> str:
    """A regex character class of ``chars``, consecutive code points as ranges."""
    points = sorted(ord(c) for c in chars)
    parts, i = [], 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        first, last = points[i], points[j]
        parts.append(re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else ""))
        i = j + 1
    return "[" + "".join(parts) + "]" if parts else "[^\\s\\S]"


@dataclass(frozen=True)
class Folding:
    """``normalize(text, ta_marbuta=True)`` as replacements, drops and a fallback."""

    pairs: tuple[tuple[str, str], ...]  # the letters Arabic text is full of (أ إ آ ى ة ؤ ئ)
    rare: tuple[tuple[str, str], ...]  # the others (digits, ی ک, no-break spaces), seen by ``special``
    special: re.Pattern[str]  # runs of dropped, rarely folded or presentation characters: one scan
    dropped: frozenset[str]
    marks: re.Pattern[str]
    slow: re.Pattern[str]

    @classmethod
    def build(cls) -> Folding:
        """Ask the normaliser about every character of the Basic Multilingual Plane once."""
        pairs, drops, marks, slow = [], [], [], []
        presentation = {cp for lo, hi in PRESENTATION for cp in range(lo, hi + 1)}
        for cp in range(0x80, 0x10000):
            if 0xD800 <= cp < 0xE000:
                continue
            ch = chr(cp)
            out = normalize(ch, ta_marbuta=True).text
            if out == ch:
                continue
            if cp in presentation or len(out) > 1:
                slow.append(ch)
            elif out == "":
                drops.append(ch)
                if unicodedata.category(ch) in ("Mn", "Lm"):  # harakat and tatweel, not bidi marks
                    marks.append(ch)
            else:
                pairs.append((ch, out))
        common = [(a, b) for a, b in pairs if a in COMMON]
        rare = [(a, b) for a, b in pairs if a not in COMMON]
        return cls(
            pairs=tuple(common),
            rare=tuple(rare),
            special=re.compile(_char_class(drops + [a for a, _ in rare] + slow) + "+"),
            dropped=frozenset(drops),
            marks=re.compile(_char_class(marks) + "*"),
            slow=re.compile(_char_class(slow)),
        )

    def shadow(self, text: str) -> ShadowText:
        """The shadow of ``text`` and the way back to its offsets."""
        runs: list[tuple[int, int]] = []
        rare = False
        dropped = self.dropped
        for m in self.special.finditer(text):  # folding keeps positions: drops are found in the text
            a, b = m.span()
            if b - a == 1 and text[a] in dropped:
                runs.append((a, b))  # the common case: one tanween or shadda
                continue
            for i in range(a, b):
                if text[i] in dropped:
                    runs.append((i, i + 1))
                else:
                    rare = True
        if rare and self.slow.search(text):
            return ShadowText.of_normalized(normalize(text, ta_marbuta=True), self.marks)
        return self._cut(text, self._fold(text, rare), runs)

    def spaced(self, text: str) -> tuple[ShadowText, str, str]:
        """The shadow, the shadow with hyphens and hashtag marks as spaces, and its copy with
        every non-word character a space (and one more space at each end)."""
        shadow = self.shadow(text)
        separated = _separate(shadow.text)
        return shadow, separated, " " + NON_WORD_RE.sub(" ", separated) + " "

    def _fold(self, text: str, rare: bool) -> str:
        folded = text
        for old, new in self.pairs:
            if old in folded:
                folded = folded.replace(old, new)
        if rare:
            for old, new in self.rare:
                if old in folded:
                    folded = folded.replace(old, new)
        return folded

    def _cut(self, text: str, folded: str, runs: list[tuple[int, int]]) -> ShadowText:
        """Drop the character ``runs`` of ``folded`` (sorted spans), remembering the offsets."""
        if not runs:
            return ShadowText(folded, text, (), (), self.marks, None)
        cut_at: list[int] = []
        shift: list[int] = []
        removed = 0
        pieces, pos = [], 0
        for a, b in runs:
            if cut_at and a == pos:
                removed += b - a  # the run goes on: ـًّ
                shift[-1] = removed
            else:
                pieces.append(folded[pos:a])
                cut_at.append(a - removed)
                removed += b - a
                shift.append(removed)
            pos = b
        pieces.append(folded[pos:])
        return ShadowText("".join(pieces), text, tuple(cut_at), tuple(shift), self.marks, None)


def _separate(shadow: str) -> str:
    for sep in SEPARATORS:
        if sep in shadow:
            shadow = shadow.replace(sep, " ")
    return shadow


@dataclass(frozen=True, slots=True)
class ShadowText:
    """The shadow string and the way back to offsets in ``original``."""

    text: str
    original: str
    cut_at: tuple[int, ...]  # shadow positions right after a dropped run
    shift: tuple[int, ...]  # characters dropped before each of those positions
    marks: re.Pattern[str]
    norm: Normalized | None  # the normaliser's own result, when the fast path could not be taken

    @classmethod
    def of_normalized(cls, norm: Normalized, marks: re.Pattern[str]) -> ShadowText:
        return cls(norm.text, norm.original, (), (), marks, norm)

    def _at(self, i: int) -> int:
        k = bisect_right(self.cut_at, i) - 1
        return i + (self.shift[k] if k >= 0 else 0)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original that the shadow span ``start:end`` came from (as ``Normalized``)."""
        if self.norm is not None:
            return self.norm.to_original(start, end)
        if not self.cut_at:
            return start, end
        if start >= end:
            pos = self._at(start) if start < len(self.text) else len(self.original)
            return pos, pos
        return self._at(start), self.marks.match(self.original, self._at(end - 1) + 1).end()
