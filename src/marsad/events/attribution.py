"""According to whom: attribution frames and the stretch of text each one covers.

Frames found (``cues.tsv`` kinds in brackets):

- *according* — بحسب X، وفقا لـ X، حسبما أفادت X، نقلا عن X, according to X: the whole sentence;
- *speech* — وقال X إن ...، وذكرت صحيفة X أن ...، وأعلنت X مقتل ...: from after the speaker
  to the end of the sentence; with the speaker after a comma at the end (... ، قال المرصد)
  the whole sentence; نقلت X عن Y: the speaker is Y; X said: the speaker stands before;
- *deny* / *claimed* — نفت X أن ...، زعم X أن ...: as speech, and they set the modality.

A speech verb with no speaker of its own (وأضاف أن ...، وأشار إلى أن ...) continues the last
speaker of the previous sentences, and a quotation «...» opened in a frame carries it over the
sentences up to its closing mark.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from marsad.events.lexicon import EventLexicon, key
from marsad.events.phrases import TIME_SKIP, Entities, noun_phrase, phrase_span
from marsad.events.text import View, cue_kinds

_COMPLEMENT = frozenset(key(w) for w in 'أن إن أنه إنه أنها إنها أنهم إنهم بأن بأنه بأنها : « " “'.split())
_NO_SPEAKER = _COMPLEMENT | frozenset(key(w) for w in "إلى الى في خلال عبر لـ ل".split())
_POSTPOSED = frozenset(key(w) for w in "قال قالت قالوا يقول تقول أضاف أضافت ذكر ذكرت أفاد أفادت".split())
_ACCORDING_SKIP = frozenset(key(w) for w in "ل لـ ما به بها عن to the".split())
_CONTINUE_SENTENCES = 3
_SVO_WORDS = 8
_QUOTE_SENTENCES = 6  # an unclosed quotation stops carrying its speaker after this


@dataclass(frozen=True, slots=True)
class Frame:
    start: int  # character span of the source
    end: int
    entity: str | None
    lo: int  # token range it covers
    hi: int
    kind: str  # according, speech, deny, claimed
    sentence: int


def _kinds(v: View, lex: EventLexicon, j: int) -> frozenset[str]:
    return v.cues[j] if v.cues else cue_kinds(v, lex, j)


def _frame(v: View, ents: Entities, first: int, last: int, lo: int, hi: int, kind: str, s: int) -> Frame:
    start, end = phrase_span(v, first, last)
    entity = ents.at(start, end)
    return Frame(start, end, entity.id if entity else None, lo, hi, kind, s)


def _according(
    v: View, lex: EventLexicon, ents: Entities, j: int, s: int, barrier: frozenset[int]
) -> Frame | None:
    lo, hi = v.sent_span[s]
    k = j + 1
    while k < hi and (v.full[k] in _ACCORDING_SKIP or "speech" in _kinds(v, lex, k)):
        k += 1
    np = noun_phrase(v, k, hi, ents=ents, barrier=barrier)
    return _frame(v, ents, np[0], np[1], lo, hi, "according", s) if np else None


def _speech(
    v: View,
    lex: EventLexicon,
    ents: Entities,
    j: int,
    s: int,
    kind: str,
    barrier: frozenset[int],
    last: Frame | None,
) -> Frame | None:
    lo, hi = v.sent_span[s]
    k = j + 1
    if v.stem[j].startswith("نقل"):  # نقلت وكالة رويترز عن مصادر أمنية قولها
        k = next((x + 1 for x in range(j + 1, min(hi, j + 8)) if v.full[x] == "عن"), hi)
        if k >= hi:
            return None
    while k < hi and v.full[k] in TIME_SKIP:
        k += 1
    if k >= hi or v.full[k] in _NO_SPEAKER or v.is_punct(k):
        return _svo(v, ents, j, s, kind, barrier) or _continued(last, j, hi, kind, s)
    np = noun_phrase(v, k, hi, ents=ents, barrier=barrier)
    if np is None:
        return None
    first, end_tok = np
    if end_tok >= hi - 2 and j > lo and v.full[j - 1] in ("،", ",") and v.stem[j] in _POSTPOSED:
        return _frame(v, ents, first, end_tok, lo, hi, kind, s)  # ... ، قال المرصد.
    return _frame(v, ents, first, end_tok, end_tok + 1, hi, kind, s)


def _svo(v: View, ents: Entities, j: int, s: int, kind: str, barrier: frozenset[int]) -> Frame | None:
    """The speaker before the verb: المرصد السوري قال إن ..., the army said, and with a comma
    after the speaker and where it is (وكانت القيادة الأميركية في أفريقيا، نفت ...)."""
    c = v.clause_of[j]
    c_first = v.clauses[c].first
    first = c_first + 1 if v.is_punct(c_first) else c_first
    end = j
    if first >= j and c > 0 and c_first == j - 1 and v.sent_of[v.clauses[c - 1].first] == s:
        first, end = v.clauses[c - 1].first, j - 1  # the speaker's clause before the comma
        while first < end and (v.bare(first) in _LEAD or v.stem[first] in _LEAD):
            first += 1
    if first >= end or end - first > _SVO_WORDS:
        return None
    np = noun_phrase(v, first, end, ents=ents, barrier=barrier)
    if np is None or (np[1] != end - 1 and not (end < j and _where(v, np[1] + 1, end))):
        return None
    return _frame(v, ents, np[0], np[1], j + 1, v.sent_span[s][1], kind, s)


_LEAD = frozenset(key(w) for w in "كان كانت كانوا وكان وكانت وكانوا".split())
_IN = frozenset(key(w) for w in "في ب داخل".split())


def _where(v: View, first: int, end: int) -> bool:
    """A short phrase of place after a speaker: في أفريقيا، بالبلدة."""
    return end - first <= 4 and (v.bare(first) in _IN or v.tokens[first].proclitics[:1] == ("ب",))


def _continued(last: Frame | None, j: int, hi: int, kind: str, s: int) -> Frame | None:
    if last is None or s - last.sentence > _CONTINUE_SENTENCES:
        return None
    return Frame(last.start, last.end, last.entity, j + 1, hi, kind, s)


def find_frames(v: View, lex: EventLexicon, ents: Entities, barrier: frozenset[int]) -> list[Frame]:
    """Every attribution frame of the article, in text order."""
    frames: list[Frame] = []
    last: Frame | None = None
    quoting: Frame | None = None
    for s, (lo, hi) in enumerate(v.sent_span):
        if quoting is not None:
            frames.append(Frame(quoting.start, quoting.end, quoting.entity, lo, hi, quoting.kind, s))
        framed = False
        cued = v.cued[bisect_left(v.cued, lo) : bisect_left(v.cued, hi)] if v.cues else range(lo, hi)
        for j in cued:
            kinds = _kinds(v, lex, j)
            if not kinds or j in barrier:
                continue
            if "according" in kinds:
                found = _according(v, lex, ents, j, s, barrier)
            elif kinds & {"speech", "deny", "allege"}:
                kind = "deny" if "deny" in kinds else "claimed" if "allege" in kinds else "speech"
                found = _speech(v, lex, ents, j, s, kind, barrier, last)
            else:
                continue
            if found is not None:
                frames.append(found)
                last, framed = found, True
        quoting = _open_quote(v, lo, hi, last if framed else quoting)
    return frames


def _open_quote(v: View, lo: int, hi: int, frame: Frame | None) -> Frame | None:
    """The frame a quotation left open at the end of the sentence carries on with."""
    if frame is None:
        return None
    balance = 0
    for j in range(lo, hi):
        if v.full[j] in ("«", "“"):
            balance += 1
        elif v.full[j] in ("»", "”"):
            balance -= 1
    carried = frame.sentence < v.sent_of[lo]
    if balance > 0 or (balance == 0 and carried):
        return frame if v.sent_of[lo] - frame.sentence < _QUOTE_SENTENCES else None
    return None


def frame_for(frames: list[Frame], tok: int) -> Frame | None:
    """The innermost frame covering token ``tok``: the one whose scope starts last."""
    best = None
    for f in frames:
        if f.lo <= tok < f.hi and (best is None or f.lo >= best.lo):
            best = f
    return best
