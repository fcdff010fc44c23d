"""Bytes to text: byte-order marks, strict UTF-8, a declared charset, then detection.

Nearly all input is UTF-8, so it is tried first and strictly. Old Arabic pages come as
Windows-1256 or ISO-8859-6; charset-normalizer tells them apart on ordinary prose but gives
up on short or unusual texts, so when the bytes read as Arabic in one of those code pages a
small score decides between the two (each misreads the other's letters as Latin letters,
C1 controls or stray vowel marks). UTF-16 without a byte-order mark is recognised by its
zero or 0x06 high bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from marsad.article import Diagnostic

#: Enough bytes to judge an encoding by; whole files are decoded once it is chosen.
SAMPLE = 1 << 16

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
_ARABIC_PAGES = ("cp1256", "iso8859-6")  # the tie goes to the first, by far the commoner
_ARABIC_CAPABLE = {*_ARABIC_PAGES, "cp720", "cp864", "mac-arabic", "utf-8"}
# What browsers do with these labels (WHATWG Encoding), and labels a meta tag cannot mean.
_LABEL_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
_IGNORED_LABELS = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}

_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_ARABIC_LIKE = re.compile("[\u0600-\u06ff\u00a0\u00ab\u00bb\u2013\u2014\u2018-\u201e\u2026\u200c-\u200f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
# Signs of a misread Arabic code page: Latin-1 letters and signs, C1 controls, vowel marks.
_LATIN_SIGN = re.compile("[\u00c0-\u00ff]")
_C1 = re.compile("[\x80-\x9f]")
_MARK = re.compile("[\u064b-\u0652]")
_STRAY_MARK = re.compile("(?<![\u0621-\u0652])[\u064b-\u0652]")
# Latin text misread as Arabic has letters of both scripts inside one word.
_MIXED_WORD = re.compile("[A-Za-z][\u0621-\u064a]|[\u0621-\u064a][A-Za-z]")
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")


class NotText(ValueError):
    """The bytes are not a text this reader can decode; ``str(exc)`` says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    errors: tuple[Diagnostic, ...] = ()


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data``, honouring ``declared`` (a meta or HTTP charset) when it decodes cleanly.

    Raises :class:`NotText` for empty or binary input. Bytes that no encoding explains are
    replaced with U+FFFD and reported in ``errors``.
    """
    if not data:
        raise NotText("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, codec))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise NotText(f"not text: looks like {what}")
    head = data[:SAMPLE]
    wide = _utf16_without_bom(head)
    if wide:
        return _checked(_decode(data, wide))
    if b"\x00" in head:
        raise NotText("not text: looks binary (it contains NUL bytes)")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    arabic = _arabic_code_page(head)
    codec = _codec(declared)
    if codec and (arabic is None or codec in _ARABIC_CAPABLE):
        try:
            return _checked(Decoded(data.decode(codec), codec))
        except UnicodeDecodeError:
            pass
    if arabic:
        return _checked(_decode(data, arabic))
    if _mostly_utf8(data):
        return _checked(_decode(data, "utf-8"))
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        raise NotText("not text: looks binary (no text encoding fits these bytes)")
    return _checked(_decode(data, codecs.lookup(match.encoding).name))


def _decode(data: bytes, codec: str) -> Decoded:
    """Strictly if possible, else with replacement and a diagnostic saying where."""
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode(codec, errors="replace")
    count = text.count("\ufffd")
    message = (
        f"{count} byte sequence(s) not valid in {codec} replaced with U+FFFD (the first at byte {first})"
    )
    return Decoded(text, codec, (Diagnostic("undecodable-bytes", "read", message),))


def _checked(decoded: Decoded) -> Decoded:
    text = decoded.text
    if not text.strip():
        raise NotText("empty file (only white space)")
    sample = text[:SAMPLE]
    if len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise NotText("not text: looks binary (control characters throughout)")
    return decoded


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    return None if name in _IGNORED_LABELS else _LABEL_ALIASES.get(name, name)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 of Arabic or Latin text has high bytes that are almost all 0x00 or 0x06."""
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    low_even = (even.count(0) + even.count(6)) / len(even)
    low_odd = (odd.count(0) + odd.count(6)) / len(odd)
    if low_odd >= 0.9 and low_even < 0.5:
        return "utf-16-le"
    if low_even >= 0.9 and low_odd < 0.5:
        return "utf-16-be"
    return None


def _arabic_code_page(head: bytes) -> str | None:
    """Windows-1256 or ISO-8859-6 when either reads the bytes as Arabic, else None."""
    best: tuple[float, str] | None = None
    for codec in _ARABIC_PAGES:
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        non_ascii = len(_NON_ASCII.findall(text))
        if not non_ascii or len(_ARABIC_LIKE.findall(text)) < 0.9 * non_ascii:
            continue
        if len(_MIXED_WORD.findall(text)) > 0.1 * len(_ARABIC_WORD.findall(text)):
            continue
        penalty = (
            len(_LATIN_SIGN.findall(text))
            + 3 * len(_C1.findall(text))
            + 2 * len(_STRAY_MARK.findall(text))
            + 0.25 * len(_MARK.findall(text))
        )
        if best is None or penalty < best[0]:
            best = (penalty, codec)
    return best[1] if best else None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes: the valid multi-byte characters far outnumber the bad."""
    text = data[:SAMPLE].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii - bad > 0 and non_ascii - bad >= 20 * bad
