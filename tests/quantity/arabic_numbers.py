"""Integers written out in Arabic words, in the forms news uses, for round-trip tests."""

from __future__ import annotations

_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_UNITS_GEN = ["", "واحد", "اثنين", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع"]
_TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_TENS_GEN = ["", "عشر", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"]
_HUNDREDS = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"]
_HUNDREDS_ALT = [
    "",
    "مائة",
    "مائتين",
    "ثلاثمائة",
    "أربع مئة",
    "خمسمائة",
    "ستمائة",
    "سبعمائة",
    "ثمانمائة",
    "تسعمائة",
]


def below_thousand(n: int, *, variant: bool = False) -> str:
    units, tens = (_UNITS_GEN, _TENS_GEN) if variant else (_UNITS, _TENS)
    hundreds = _HUNDREDS_ALT if variant else _HUNDREDS
    parts = []
    if n >= 100:
        parts.append(hundreds[n // 100])
    rest = n % 100
    if rest:
        if rest < 10 or rest == 10:
            parts.append(units[rest] if rest < 10 else tens[1])
        elif rest == 11:
            parts.append("أحد عشر")
        elif rest == 12:
            parts.append("اثنا عشر" if not variant else "اثني عشر")
        elif rest < 20:
            parts.append(f"{units[rest % 10]} عشر")
        elif rest % 10:
            parts.append(f"{units[rest % 10]} و{tens[rest // 10]}")
        else:
            parts.append(tens[rest // 10])
    return " و".join(parts)


def to_words(n: int, *, variant: bool = False) -> str:
    """``n`` (0-999999) in Arabic words: 2500 "ألفان وخمسمئة", 13000 "ثلاثة عشر ألفا"."""
    if n == 0:
        return "صفر"
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands == 1:
        parts.append("ألف")
    elif thousands == 2:
        parts.append("ألفين" if variant else "ألفان")
    elif 3 <= thousands <= 10:
        parts.append(f"{below_thousand(thousands, variant=variant)} آلاف")
    elif thousands:
        word = "ألفا" if thousands % 100 > 10 else "ألف"
        parts.append(f"{below_thousand(thousands, variant=variant)} {word}")
    if rest:
        parts.append(below_thousand(rest, variant=variant))
    return " و".join(parts)
