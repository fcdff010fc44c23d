"""Clean text: NFC, one space between words, one line per paragraph, furniture removed.

Spelling is left alone (no alef or ya folding here: that is the matcher's shadow string).
"""

from __future__ import annotations

import re
import unicodedata

from marsad.clean.boilerplate import is_boilerplate

# Control characters other than tab and newline, and the replacement character left by decoding.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
# Runs of spaces, or any space that is not a plain one.
_SPACE_RE = re.compile(
    "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
)
_LINE_BREAK_RE = re.compile("\r\n?|[\u2028\u2029\x85\x0b\x0c]")


def clean_text(text: str) -> tuple[str, int]:
    """The cleaned text and how many boilerplate lines were dropped."""
    # Searching first is much cheaper than substituting: most texts have nothing to replace.
    if _LINE_BREAK_RE.search(text):
        text = _LINE_BREAK_RE.sub("\n", text)
    if _CONTROL_RE.search(text):
        text = _CONTROL_RE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    kept, dropped = [], 0
    for raw_line in text.split("\n"):
        line = (_SPACE_RE.sub(" ", raw_line) if _SPACE_RE.search(raw_line) else raw_line).strip()
        if not line:
            continue
        if is_boilerplate(line):
            dropped += 1
            continue
        kept.append(line)
    return "\n".join(kept), dropped
