"""Noun phrases found without a parser: a run of words up to a preposition, a clause opener,
punctuation or another event word, stretched over any named entity it starts.

Good enough for the actor after a verb (قتلت القوات الأميركية 11 مسلحا), the speaker after
قال, and descriptions (أربعة من المتطرفين السعوديين: a number takes its partitive من along).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from marsad.article import Entity
from marsad.events.lexicon import key
from marsad.events.text import OPENERS, View

MAX_WORDS = 6
STOP = frozenset(
    key(w)
    for w in (
        "في من مما أي على إلى الى عن مع ضد بعد قبل خلال منذ حتى عند لدى حول نحو باتجاه صوب بين "
        "أمام وراء داخل خارج قرب قرابة بالقرب وسط شمال جنوب شرق غرب شمالي جنوبي شرقي غربي "
        "جراء إثر اثر عقب لصالح بحق بسبب أو ثم و ف قد لم لن لا ما ليس هو هي هم هما وهو "
        "وهي وهم كان كانت كانوا يكون تكون يكونوا أصبح أصبحت بات باتت أمس الأمس اليوم غدا "
        "يوم مساء صباح فجر ليل ليلة أيضا كذلك حاليا مؤخرا الآن عبر وفق وفقا بحسب حسب نقلا "
        "إذ إذا لو بأن قائلا قائلة مضيفا مضيفة موضحا مشيرا مؤكدا منها منه فيها فيه عليها "
        "عليه لها له لهم بها به الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
        "الأحد نفسه نفسها نفسيهما أنفسهم قوله قولها قولهم"
    ).split()
) | frozenset(OPENERS)
#: Words that make a number's partitive من part of the phrase (أربعة من المتطرفين).
_NUMBERISH = frozenset(
    key(w)
    for w in (
        "عدد عشرات مئات آلاف الآلاف المئات العشرات بعض كل أكثر أقل قوة مجموعة مجموعات عناصر أفراد"
    ).split()
)
_HEDGES = frozenset(key(w) for w in "نحو حوالي قرابة زهاء".split())
TIME_SKIP = frozenset(
    key(w)
    for w in (
        "أمس الأمس اليوم مساء صباح فجر ليل ليلة يوم الاثنين الإثنين الثلاثاء الأربعاء الخميس "
        "الجمعة السبت الأحد أيضا بدوره بدورها مجددا كذلك الماضي الماضية الحالي الجاري "
        "صباحا مساء ظهرا عصرا ليلا فجر"
    ).split()
)


class Entities:
    """The article's entities, looked up by the offsets of the tokens they cover."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = tuple(entities)
        self.starts = frozenset(e.start for e in entities)
        self._by_start = {e.start: e for e in entities}
        self._order = sorted((e.start, n) for n, e in enumerate(self.entities))
        self._starts = [start for start, _ in self._order]
        self._longest = max((e.end - e.start for e in self.entities), default=0)
        self._by_end = {e.end: e for e in entities}

    def at(self, start: int, end: int) -> Entity | None:
        """The first entity (in layer order) overlapping ``start:end``."""
        hi = bisect_left(self._starts, end)
        best = None
        for k in range(hi - 1, -1, -1):
            e_start, n = self._order[k]
            if e_start < start - self._longest:
                break
            if start < self.entities[n].end and (best is None or n < best):
                best = n
        return None if best is None else self.entities[best]

    def starting(self, start: int) -> Entity | None:
        return self._by_start.get(start)

    def ending(self, end: int) -> Entity | None:
        return self._by_end.get(end)


def noun_phrase(
    v: View, i: int, end: int, *, ents: Entities | None = None, barrier: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """Token range ``(first, last)`` of the phrase starting at token ``i`` (before ``end``);
    it stops before any token in ``barrier`` (event words)."""
    if i >= end or i in barrier or v.is_punct(i) or (v.bare(i) in STOP and not _about(v, i)):
        return None
    last = i
    reach = i + MAX_WORDS
    if ents is not None:
        entity = ents.starting(v.tokens[i].start)
        if entity is not None:
            while last + 1 < end and v.tokens[last + 1].start < entity.end:
                last += 1
            reach = max(reach, last + 3)
    j = last + 1
    while j < min(end, reach):
        tok = v.tokens[j]
        if j in barrier or j in v.timed or v.is_punct(j) or (v.bare(j) in STOP and not partitive(v, j)):
            break
        if (v.full[j][:1].isdigit() or _is_number_word(v.full[j])) and not _counting(v.full[j - 1]):
            break  # a count starts a new phrase
        if _after_definite(v, j, ents):  # قصفت الطائرات بلدة كفرنبل: the object starts
            break
        if tok.proclitics and tok.proclitics[0] in ("و", "ف") and "ال" not in tok.proclitics:
            break
        if tok.proclitics[:1] in (("ب",), ("ل",), ("ك",)) and not (ents and ents.starting(tok.start)):
            break
        last = j
        j += 1
    return i, last


_NAMED_AFTER = frozenset({key("باسم")})  # المتحدث باسم الجيش


def _after_definite(v: View, j: int, ents: Entities | None) -> bool:
    """A bare noun after a word with the article or after a name cannot be its genitive or
    adjective, so it opens the next phrase; a name may stand in apposition (الرئيس الأمريكي
    دونالد ترامب)."""
    prev, tok = v.tokens[j - 1], v.tokens[j]
    name = ents is not None and ents.ending(prev.end) is not None  # قصفت تركيا مواقع
    if not ("ال" in prev.proclitics or name) or "ال" in tok.proclitics or tok.enclitic or partitive(v, j):
        return False
    if v.full[j] in _NAMED_AFTER or _counting(v.full[j - 1]) or _is_number_word(v.full[j - 1]):
        return False
    return not (ents and ents.starting(tok.start))


def _counting(word: str) -> bool:
    """Words a number may follow inside one phrase: أكثر من 800، نحو 500."""
    return word[:1].isdigit() or word in _NUMBERISH or word in _HEDGES or word == "من"


def _about(v: View, i: int) -> bool:
    """نحو / حوالي / قرابة before a number mean "about", not "towards"."""
    if v.full[i] not in _HEDGES or i + 1 >= len(v.full):
        return False
    nxt = v.full[i + 1]
    return nxt[:1].isdigit() or _is_number_word(nxt) or nxt in _NUMBERISH


def partitive(v: View, j: int) -> bool:
    """من after a number or a word of amount: أربعة من المتطرفين، عدد من الجنود."""
    if v.full[j] != "من" or j == 0:
        return False
    prev = v.full[j - 1]
    return (
        prev.isdigit()
        or prev in _NUMBERISH
        or v.stem[j - 1] in _NUMBERISH
        or (prev.endswith("ا") and prev[:-1] in _NUMBERISH)  # عددا من
        or _is_number_word(prev)
    )


_NUMBER_WORDS = frozenset(
    key(w)
    for w in (
        "اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة ثلاث أربع خمس ست سبع ثمان تسع عشر "
        "عشرين ثلاثين أربعين خمسين مئة مائة ألف ألفي آلاف"
    ).split()
)


def _is_number_word(word: str) -> bool:
    return word in _NUMBER_WORDS


def phrase_span(v: View, first: int, last: int) -> tuple[int, int]:
    """Character span of a phrase without a leading conjunction or preposition (لمصادر → مصادر,
    والجيش → الجيش)."""
    tok = v.tokens[first]
    start = tok.start
    outer = [p for p in tok.proclitics if p != "ال"]
    if outer:
        start = tok.stem_start
        if "ال" in tok.proclitics and v.text.startswith("ال", tok.start + len(outer)):
            start = tok.start + len(outer)
    return start, v.tokens[last].end
