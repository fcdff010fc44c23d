"""Arabic normalisation for matching, on a shadow string that maps back to the text.

The clean text keeps its original spelling; matching (lexicons, gazetteer, triggers) runs on
a normalised shadow in which alef forms, ى/ي, optionally ة/ه, Eastern Arabic and Persian digits
are folded one character for one, and diacritics, tatweel, bidi and zero-width marks are
dropped. :class:`Normalized` maps any span of the shadow back to the original offsets.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

# One-for-one folds.
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ک": "ك", "ڪ": "ك",
    "ؤ": "و", "ئ": "ي",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
}  # fmt: skip
_FOLD.update({chr(0x0660 + d): str(d) for d in range(10)})  # Eastern Arabic digits
_FOLD.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits

# Dropped: harakat and Quranic marks, superscript alef, tatweel, bidi and zero-width marks.
_DROP = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff"
)
_DROP_RE = re.compile(f"[{_DROP}]+")
# Marks that belong to the letter before them, so a span ending on that letter takes them along.
_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]*")
# Presentation forms (ﻻ, ﷲ, isolated/final glyph codes) become ordinary letters through NFKC.
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")


@cache
def _table(ta_marbuta: bool, hamza: bool) -> dict[int, str]:
    fold = dict(_FOLD)
    if not hamza:
        del fold["ؤ"], fold["ئ"]
    if ta_marbuta:
        fold["ة"] = "ه"
    return str.maketrans(fold)


@cache
def _pairs(ta_marbuta: bool, hamza: bool) -> tuple[tuple[str, str], ...]:
    return tuple((chr(k), v) for k, v in _table(ta_marbuta, hamza).items())


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised shadow of ``original`` and the way back to offsets there."""

    text: str
    original: str
    offsets: tuple[int, ...] | None = None  # of each shadow character, for text that needed them
    # Otherwise the shadow lines up with the original but for dropped runs: from shadow
    # position ``cuts[k]`` on, ``shifts[k]`` more characters of the original lie before.
    cuts: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def _at(self, i: int) -> int:
        if self.offsets is not None:
            return self.offsets[i]
        k = bisect_right(self.cuts, i) - 1
        return i + self.shifts[k] if k >= 0 else i

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that the shadow span ``start:end`` came from."""
        if self.offsets is None and not self.cuts:
            return start, end
        if start >= end:
            pos = self._at(start) if start < len(self.text) else len(self.original)
            return pos, pos
        return self._at(start), _MARKS_RE.match(self.original, self._at(end - 1) + 1).end()


def normalize(text: str, *, ta_marbuta: bool = False, hamza: bool = True) -> Normalized:
    """Fold ``text`` for matching; ``ta_marbuta`` also folds ة to ه, ``hamza`` ؤ/ئ to و/ي."""
    table = _table(ta_marbuta, hamza)
    if _PRESENTATION_RE.search(text):
        return _normalize_slow(text, table)
    # str.replace per folded character present: str.translate looks every character up in
    # a dict (a miss raises and clears a KeyError), about fifteen times slower on Arabic text.
    folded = text
    for char, to in _pairs(ta_marbuta, hamza):
        if char in folded:
            folded = folded.replace(char, to)
    pieces, cuts, shifts, pos, removed = [], [], [], 0, 0
    for m in _DROP_RE.finditer(folded):
        start, end = m.span()
        pieces.append(folded[pos:start])
        cuts.append(start - removed)
        removed += end - start
        shifts.append(removed)
        pos = end
    if not cuts:
        return Normalized(folded, text)
    pieces.append(folded[pos:])
    return Normalized("".join(pieces), text, None, tuple(cuts), tuple(shifts))


def _normalize_slow(text: str, table: dict[int, str]) -> Normalized:
    """Character by character, for text with presentation forms (one glyph, several letters)."""
    pieces, offsets = [], []
    for i, ch in enumerate(text):
        if _PRESENTATION_RE.match(ch):
            ch = unicodedata.normalize("NFKC", ch)
        out = _DROP_RE.sub("", ch.translate(table))
        pieces.append(out)
        offsets.extend([i] * len(out))
    return Normalized("".join(pieces), text, tuple(offsets))


def normalize_text(text: str, *, ta_marbuta: bool = False, hamza: bool = True) -> str:
    """Just the folded string, for building lexicon keys."""
    return normalize(text, ta_marbuta=ta_marbuta, hamza=hamza).text
