"""Tokens with Arabic clitics split off, every piece as offsets into the text.

Words, numbers and single punctuation marks become tokens; an Arabic word is then split
into proclitics (و ف, then ب ك ل or the future marker س, then ال), a stem, and a pronoun
suffix. Whether a leading و or ب is a clitic or part of the word (وقال vs وزير, بحلب vs
بغداد) is decided by a vocabulary of word frequencies built from Arabic news
(:mod:`marsad.nlp.vocabulary`): a split is kept when the stem is itself a common word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from marsad.article import Token
from marsad.nlp.normalize import normalize_text

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_TOKEN_RE = re.compile(
    rf"(?:[^\W\d_]|[{_MARKS}])+"  # a word: letters and the marks written on them
    r"|\d+(?:[.,٫٬]\d+)*"  # a number, with its separators
    r"|[^\s_]"  # any other visible character on its own
)
_ARABIC_RE = re.compile("[\u0621-\u064a]")
_MARK_RE = re.compile(f"[{_MARKS}]")

# Proclitic sequences, longest first, as written (after normalisation) and as named.
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    sorted(
        (
            (conj + prep + art, tuple(p for p in (conj, prep_name, art_name) if p))
            for conj in ("", "و", "ف")
            for prep, prep_name in (("", ""), ("ب", "ب"), ("ك", "ك"), ("ل", "ل"), ("س", "س"))
            for art, art_name in (("", ""), ("ال", "ال"))
            if conj or prep or art
            if not (prep == "س" and art)
        ),
        key=lambda item: -len(item[0]),
    )
)
# ل before ال drops the alef: للجيش = ل + ال + جيش.
_LIL = (("ولل", ("و", "ل", "ال")), ("فلل", ("ف", "ل", "ال")), ("لل", ("ل", "ال")))
_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه")
_IMPERFECT = "يتنا"
# Closed-class words that look like a clitic plus a word.
_FUNCTION_WORDS = frozenset(
    normalize_text(w)
    for w in (
        "الله التي الذي الذين اللذان اللذين اللتان اللتين اللاتي اللواتي الا إلا إلى الى الآن "
        "كان كانت كانوا لكن ولكن لكي كي كل كلا كما كذلك لذلك لدى لدي لم لن له لها لهم لا ليس "
        "ليست ولا فلا بل بين بعد بعض به بها بهم فقد فقط في فيه فيها فيما فإن وإن وأن ولم ولن "
        "ولا وقد وهو وهي وهم وما ومن وفي وعلى وإلى وعن ومع سوف هنا هناك هذا هذه هؤلاء ذلك تلك "
        "منها منه عنها عنه لنا لكم لكما علينا إليها إليه عليها عليه معها معه"
    ).split()
)
_MIN_STEM = 2
_MEMO_SIZE = 100_000


class Clitics:
    """Splits Arabic words against a vocabulary of normalised word counts."""

    def __init__(self, counts: Mapping[str, int], *, min_count: int = 3, ratio: float = 0.25) -> None:
        self._counts = counts
        self._min_count = min_count
        self._ratio = ratio
        # Word forms repeat (Zipf): remembering recent analyses makes tokenising several times faster.
        self._memo: dict[str, tuple[tuple[str, ...], int, int, str | None]] = {}

    def split(self, word: str) -> tuple[tuple[str, ...], int, int, str | None]:
        """``(proclitics, stem_start, stem_end, enclitic)`` with offsets into ``word``."""
        analysis = self._memo.get(word)
        if analysis is None:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            analysis = self._memo[word] = self._analyse(word)
        return analysis

    def _analyse(self, word: str) -> tuple[tuple[str, ...], int, int, str | None]:
        if not _ARABIC_RE.match(word):
            return (), 0, len(word), None
        if _MARK_RE.search(word):
            return self._split_marked(word)
        if word in _FUNCTION_WORDS or len(word) <= _MIN_STEM:
            return (), 0, len(word), None
        norm = normalize_text(word)
        if len(norm) != len(word):  # a presentation-form ligature: offsets would not line up
            return (), 0, len(word), None
        procl, start = self._proclitics(norm)
        enclitic, end = self._enclitic(norm, start)
        return procl, start, end, enclitic

    def _split_marked(self, word: str) -> tuple[tuple[str, ...], int, int, str | None]:
        """Words with diacritics or tatweel: split the bare letters, then map back."""
        letters = [i for i, ch in enumerate(word) if not _MARK_RE.match(ch)]
        bare = "".join(word[i] for i in letters)
        if not bare:
            return (), 0, len(word), None
        procl, start, end, enclitic = self._analyse(bare)
        stem_start = letters[start] if start < len(letters) else len(word)
        stem_end = letters[end - 1] + 1 if end > start else stem_start
        while stem_end < len(word) and _MARK_RE.match(word[stem_end]) and end == len(letters):
            stem_end += 1
        return procl, stem_start, stem_end, enclitic

    def _known(self, stem: str, whole: str, ratio: float) -> bool:
        count = self._counts.get(stem, 0)
        if count < self._min_count and stem.endswith("ت"):
            count = self._counts.get(stem[:-1] + "ة", 0)  # حكومتها = حكومة + ها
        return count >= self._min_count and count >= ratio * self._counts.get(whole, 0)

    def _proclitics(self, norm: str) -> tuple[tuple[str, ...], int]:
        for written, names in (*_LIL, *_PREFIXES):
            if not norm.startswith(written):
                continue
            stem = norm[len(written) :]
            if len(stem) < _MIN_STEM or ("ال" in names and "ال" + stem in _FUNCTION_WORDS):
                continue
            if names[-1] == "س" and stem[0] not in _IMPERFECT:
                continue
            # After ال the stem is a noun the article makes definite; no vocabulary needed.
            ratio = self._ratio if len(names) == 1 else 2 * self._ratio
            if names[-1] == "ال" or self._known(stem, norm, ratio) or self._known("ال" + stem, norm, ratio):
                return names, len(written)
        return (), 0

    def _enclitic(self, norm: str, start: int) -> tuple[str | None, int]:
        for suffix in _SUFFIXES:
            stem = norm[start : len(norm) - len(suffix)]
            if (
                norm.endswith(suffix)
                and len(stem) >= _MIN_STEM + 1
                and self._known(stem, norm[start:], self._ratio)
            ):
                return suffix, len(norm) - len(suffix)
        return None, len(norm)


def tokenize(text: str, clitics: Clitics | None = None) -> list[Token]:
    """Tokens of ``text`` in order; Arabic words split when ``clitics`` is given."""
    if clitics is None:
        return [Token(*m.span(), *m.span()) for m in _TOKEN_RE.finditer(text)]
    tokens = []
    append = tokens.append
    split = clitics.split
    remembered = clitics._memo.get  # most words were seen before: skip the method call
    # The hot loop of corpus runs: building the tuple directly skips the named tuple's
    # Python-level constructor, a third of the cost per token.
    new = tuple.__new__
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        word = m.group()
        procl, stem_start, stem_end, enclitic = remembered(word) or split(word)
        append(new(Token, (start, end, start + stem_start, start + stem_end, procl, enclitic)))
    return tokens
