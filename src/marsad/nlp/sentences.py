"""Sentence boundaries for Arabic and English news text.

A sentence ends at a line break or at ``. ! ? ؟ …`` followed by space, taking closing
quotes and brackets along. It does not end at ``،`` or ``؛``, inside a number (3.5), after
an abbreviation (U.S., د.), or inside an open «…» or “…” quotation shorter than a paragraph.
pysbd handles Arabic but at a few milliseconds per article, far too slow for corpus runs.
"""

from __future__ import annotations

import re

from marsad.article import Sentence

_END_RE = re.compile(r"[.!?؟…]+[»”\"'’)\]]*(?=\s|$)")
_LINE_RE = re.compile(r"[^\n]+")
# A word just before the period that makes it an abbreviation, not a full stop.
_ABBREV_RE = re.compile(
    r"(?:\b(?:[A-Z]|[A-Z][a-z]{0,3}|U\.S|U\.N|U\.K|e\.g|i\.e|etc|vs|No|St|Jr|Sr|Gen|Col|Lt|Sgt|Gov|Sen|Rep)"
    r"|(?:^|\s)[\u0621-\u064a]|(?:^|\s)(?:ق\.م|ص\.ب|م\.م))$"
)
_OPENING = "«“"
_CLOSING = "»”"
# An unbalanced quotation must not swallow the rest of a paragraph.
_MAX_QUOTE = 600


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text`` with surrounding whitespace trimmed, in order."""
    sentences: list[Sentence] = []
    for line in _LINE_RE.finditer(text):
        start = line.start()
        for end_match in _END_RE.finditer(text, line.start(), line.end()):
            end = end_match.end()
            if _is_abbreviation(text, start, end_match.start()) or _inside_quote(text, start, end):
                continue
            _append_trimmed(sentences, text, start, end)
            start = end
        _append_trimmed(sentences, text, start, line.end())
    return sentences


def _is_abbreviation(text: str, start: int, period: int) -> bool:
    if text[period] != ".":
        return False
    before = text[max(start, period - 8) : period]
    return bool(_ABBREV_RE.search(before))


def _inside_quote(text: str, start: int, end: int) -> bool:
    if end - start >= _MAX_QUOTE:  # checked first: counting a long stretch at every stop is quadratic
        return False
    piece = text[start:end]
    opened = sum(piece.count(q) for q in _OPENING) - sum(piece.count(q) for q in _CLOSING)
    return opened > 0


def _append_trimmed(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end))
