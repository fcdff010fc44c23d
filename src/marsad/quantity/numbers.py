"""Arabic numbers written in digits, in words, or in both ("10 آلاف", "مليون ونصف").

Everything here works on the normalised shadow text (``marsad.nlp.normalize``): alef forms
folded to ا, ى and ئ to ي, Eastern Arabic digits to ASCII. So مئة is written ``مية`` and
مائتين ``مايتين`` below. :data:`NUMBER` is the regex source of one whole number and
:func:`parse_number` gives its value.
"""

from __future__ import annotations

import re
from fractions import Fraction

from marsad.quantity.scan import alternation

# Words for 1-10 in every gender and case form; ة may be written ه.
_UNITS = {
    "صفر": 0, "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثة": 3, "اربع": 4, "اربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
    "عشر": 10, "عشرة": 10,
}  # fmt: skip
_TENS = {
    stem: 10 * i for i, stem in enumerate(("عشر", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"), start=2)
}
_HUNDRED_PREFIX = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "تسع": 9}
# Scale words: singular (also the accusative after 11-99), dual, plural.
_SCALES = {
    "الف": (1000, "single"), "الفا": (1000, "acc"), "الفان": (1000, "dual"), "الفين": (1000, "dual"),
    "الفي": (1000, "dual"), "الاف": (1000, "plural"), "الالاف": (1000, "plural"),
    "مليون": (10**6, "single"), "مليونا": (10**6, "acc"), "مليونان": (10**6, "dual"),
    "مليونين": (10**6, "dual"), "مليوني": (10**6, "dual"), "ملايين": (10**6, "plural"),
    "مليار": (10**9, "single"), "مليارا": (10**9, "acc"), "ملياران": (10**9, "dual"),
    "مليارين": (10**9, "dual"), "مليارات": (10**9, "plural"),
    "بليون": (10**9, "single"), "بليونا": (10**9, "acc"), "بلايين": (10**9, "plural"),
    "تريليون": (10**12, "single"), "تريليونا": (10**12, "acc"), "تريليونات": (10**12, "plural"),
}  # fmt: skip
_FRACTIONS = {"نصف": Fraction(1, 2), "ربع": Fraction(1, 4), "ثلث": Fraction(1, 3)}
_HUNDREDS = ("مية", "ماية", "ميه", "مايه")
_HUNDRED_DUALS = ("ميتان", "ميتين", "ميتا", "ميتي", "مايتان", "مايتين", "مايتا", "مايتي")


def _alt(words) -> str:
    return alternation(words)


def _ta(words) -> set[str]:
    """Each word, and with a final ة also written ه."""
    return set(words) | {w[:-1] + "ه" for w in words if w.endswith("ة")}


_UNIT_WORDS = _ta(_UNITS)
_UNITS_ALL = {w: _UNITS.get(w, _UNITS.get(w[:-1] + "ة", 0)) for w in _UNIT_WORDS}
_TEN_WORDS = {stem + end for stem in _TENS for end in ("ون", "ين")}
_HUNDRED_WORDS = (
    set(_HUNDREDS)
    | set(_HUNDRED_DUALS)
    | {p + sep + h for p in _HUNDRED_PREFIX for h in _HUNDREDS for sep in ("", " ")}
)
#: Every word a number can be made of (without the conjunction و).
NUMBER_WORDS = frozenset(_UNIT_WORDS | _TEN_WORDS | _HUNDRED_WORDS | set(_SCALES) | set(_FRACTIONS)) | {
    "احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي"}  # fmt: skip
# One number word (no scale, no fraction): longest alternatives first.
WORD = _alt(_UNIT_WORDS | _TEN_WORDS | _HUNDRED_WORDS)
SCALE = _alt(_SCALES)
FRACTION = _alt(_FRACTIONS)
# Digits with thousands separators (, ٬ or .) and a decimal part (. or ٫).
DIGITS = r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d+[,،]\d{1,2}(?!\d)|\d+(?:[.٫]\d+)?"

_E = r"(?![^\W\d_])"  # no letter after
# The first word of 11 and 12 ("أحد عشر"), only ever before عشر.
_TEEN_FIRST = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
_TEEN = rf"(?:{_alt(_TEEN_FIRST)}|{WORD})\s+عشر[ةه]?{_E}"
_PIECE = rf"(?:{_TEEN}|{WORD}|{SCALE}|(?:{FRACTION})(?:\s+ال?(?:{SCALE}))?){_E}"
_DPIECE = rf"(?:{DIGITS})(?:\s*(?:{SCALE}){_E})?"
# Digits join other pieces only through a scale word, so "2017 و2018" stays two numbers.
_TAIL = rf"(?:\s*و\s*(?:{_DPIECE}|{_PIECE})|\s+{_PIECE})*"
#: One whole number: digits or number words, joined by spaces or و, with scale words. It has no
#: left boundary of its own: a caller puts one, with the proclitics it allows (وثلاثة، بخمسة).
NUMBER = (
    rf"(?:(?:{DIGITS})(?:\s*(?:{SCALE}){_E})+{_TAIL}"
    rf"|(?:{DIGITS})(?:\s*و\s*(?:{FRACTION}){_E})?"
    rf"|(?:{FRACTION})\s+(?:{SCALE}){_E}{_TAIL}"
    rf"|(?:{_TEEN}|(?:{WORD}|{SCALE}){_E}){_TAIL})"
)

_TOKEN_RE = re.compile(rf"(?:(?<!\S)و\s*)?(?:{DIGITS}|[^\W\d_]+(?: (?:{_alt(_HUNDREDS)}))?)")


_DECIMAL_COMMA_RE = re.compile(r"\d+[,،]\d{1,2}")
_DOT_THOUSANDS_RE = re.compile(r"\d{1,3}\.\d{3}")


def parse_digits(text: str, *, scaled: bool = False) -> Fraction | None:
    """The value of a digit string with separators; ``scaled``: a scale word follows it.

    A lone dot before exactly three digits ("1.500") is a thousands separator unless a scale
    word follows ("1.500 مليون" is one and a half million).
    """
    if text.isascii() and text.isdigit():
        return Fraction(int(text)) if len(text) <= 30 else None
    text = text.replace("٫", ".")
    if _DECIMAL_COMMA_RE.fullmatch(text):  # "2,5", "1،8": a decimal comma
        text = text.replace(",", ".").replace("،", ".")
    elif "," in text or "٬" in text:
        text = text.replace(",", "").replace("٬", "")
    elif text.count(".") > 1 or (_DOT_THOUSANDS_RE.fullmatch(text) and not scaled):
        text = text.replace(".", "")
    if len(text) > 30:  # absurdly long: not a figure anyone wrote to be read
        return None
    return Fraction(text)


def _word_value(word: str) -> tuple[str, Fraction | int] | None:
    """The kind of one number word and its value."""
    if word in _UNITS_ALL:
        return "unit", _UNITS_ALL[word]
    if word in _TEEN_FIRST:
        return "unit", _TEEN_FIRST[word]
    if word[:-2] in _TENS and word[-2:] in ("ون", "ين"):
        return "ten", _TENS[word[:-2]]
    if word in _HUNDREDS:
        return "hundred", 100
    if word in _HUNDRED_DUALS:
        return "hundreds", 200
    for h in _HUNDREDS:
        prefix = word[: -len(h)].strip()
        if word.endswith(h) and prefix in _HUNDRED_PREFIX:
            return "hundreds", _HUNDRED_PREFIX[prefix] * 100
    if word in _SCALES:
        return "scale", _SCALES[word][0]
    if word in _FRACTIONS:
        return "fraction", _FRACTIONS[word]
    return None


def parse_number(text: str) -> int | float | None:
    """The value of a number found by :data:`NUMBER` (normalised text), or None.

    "خمسة وعشرون" 25, "ثلاثة آلاف" 3000, "مليون ونصف" 1500000, "ألفي" 2000, "10 آلاف" 10000.
    """
    text = text.strip()
    if text.isascii() and text.isdigit():  # most figures: plain digits
        return int(text) if len(text) <= 30 else None
    single = _word_value(text)  # or one word: "ثلاثة"، "مية"، "مليوني"
    if single is not None and single[0] != "fraction":
        kind, value = single
        if kind == "scale":
            return value * (2 if _SCALES[text][1] in ("dual", "acc") else 1)
        return int(value)
    total, current, last_scale = Fraction(0), Fraction(0), 0
    seen_any, previous, half_of_scale = False, "", False
    for i, m in enumerate(matches := list(_TOKEN_RE.finditer(text))):
        tok = m.group()
        joined = tok.startswith("و") and _word_value(tok) is None
        if joined:
            tok = tok[1:].lstrip()
        if tok[0].isdigit():
            nxt = matches[i + 1].group().removeprefix("و").strip() if i + 1 < len(matches) else ""
            value = parse_digits(tok, scaled=nxt in _SCALES)
            if value is None:
                return None
            current += value
            seen_any = True
            continue
        if half_of_scale and tok.removeprefix("ال") in _SCALES:
            half_of_scale = False
            continue  # "مليون ونصف المليون", "أربعة ملايين ونصف مليون" name the scale again
        parsed = _word_value(tok)
        if parsed is None:
            return None
        kind, value = parsed
        seen_any = True
        if kind == "unit" and value == 10 and previous == "unit" and not joined:
            current += 10  # ثلاثة عشر: the unit is already counted
        elif kind in ("unit", "ten", "hundreds"):
            current += value
        elif kind == "hundred":
            current = current * 100 if 0 < current < 10 and not joined else current + 100
        elif kind == "fraction":
            if last_scale and joined and current == 0:
                total += value * last_scale  # مليون ونصف
                half_of_scale = True
                previous = kind
                continue
            else:
                current += value  # نصف مليون
        elif kind == "scale":
            form = _SCALES[tok][1]
            if current == 0:  # "ألفا شخص", "مليارا دولار": the accusative alone is a dual construct
                current = Fraction(2 if form in ("dual", "acc") else 1)
            total += current * value
            current, last_scale = Fraction(0), value
        previous = kind
    if not seen_any:
        return None
    result = total + current
    return int(result) if result.denominator == 1 else float(result)
