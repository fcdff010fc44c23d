"""How sure the text is that an event happened, from the words around its trigger.

Scopes follow the cue kinds of ``cues.tsv``: a condition (لو، إذا) covers the rest of its
sentence; a negation binds the trigger it stands before, reaching through light verbs and
their prepositions (لم تسفر عن مقتل، دون وقوع إصابات); a denial (نفى أن) and a claim (زعم)
cover what follows them in the same stretch of the sentence; plans, attempts, wishes, fears
and threats cover the trigger that follows them closely. The strongest applies:
hypothetical, negated, planned, attempted, claimed; attribution makes the rest ``reported``.
"""

from __future__ import annotations

from marsad.events.lexicon import EventLexicon, key
from marsad.events.text import View, cue_kinds
from marsad.events.triggers import Mention, future_prefix

MODALITIES = ("asserted", "reported", "claimed", "planned", "attempted", "negated", "hypothetical")
#: Light verbs and the words between a negation and the event it negates.
_LIGHT = frozenset(
    key(w)
    for w in (
        "تم يتم تتم أسفر يسفر تسفر أسفرت وقع يقع تقع وقعت حدث يحدث تحدث حدثت سجل يسجل تسجل سجلت "
        "يشهد تشهد شهد شهدت ترد يرد وردت أدى يؤدي تؤدي أدت يكن تكن يكون تكون عن أن ذلك أي أية "
        "يسمح تسمح سمح سمحت يوجد توجد "
        "وقوع سقوط حدوث تسجيل هناك ثمة قد يقم تقم بأي"
    ).split()
)
_NOT_NEGATION_AFTER = frozenset(key(w) for w in "زال يزال تزال زالت يزالون تزالون سيما بد".split())
_REACH = {"hypothetical": 3, "planned": 10, "attempted": 4}
_VERB_PREFIXES = ("ي", "ت", "ن")
_GENERIC_BEFORE = 6
_NEGATION_REACH = 6
_SCOPE_WORDS = frozenset(key(w) for w in "من أن ب".split())  # حذر من، يخشى أن، تهدد ب


def _cue(v: View, lex: EventLexicon, j: int) -> frozenset[str]:
    return v.cues[j] if v.cues else cue_kinds(v, lex, j)


def negated(v: View, lex: EventLexicon, i: int) -> bool:
    """A negation right before the trigger or before the light verb that carries it, with
    that verb's subject in between (لم تشهد المدينة أي احتجاجات، لن يسمح الجيش بعودة)."""
    lo, _ = v.sent_span[v.sent_of[i]]
    j = i - 1
    while j >= max(lo, i - _NEGATION_REACH):
        if v.is_punct(j):
            return False
        if "negation" in _cue(v, lex, j):
            if j + 1 < len(v.full) and v.full[j + 1] in _NOT_NEGATION_AFTER:
                return False
            return j + 1 == i or _light(v, j + 1)
        j -= 1
    return False


def _light(v: View, j: int) -> bool:
    return v.full[j] in _LIGHT or v.stem[j] in _LIGHT


def _within(v: View, j: int, i: int, reach: int) -> bool:
    """The trigger at ``i`` follows the cue at ``j`` closely, or closely after the من / أن
    that opens the cue's complement (حذرت الأمم المتحدة من موجة نزوح)."""
    if i - j <= reach:
        return True
    return any(v.full[k] in _SCOPE_WORDS and i - k <= reach for k in range(j + 1, min(i, j + 6)))


def _future(v: View, j: int) -> bool:
    tok = v.tokens[j]
    return tok.proclitics[-1:] == ("س",) and v.stem[j].startswith(_VERB_PREFIXES)


def _may(v: View, j: int) -> bool:
    """قد means "may" only before an imperfect verb (قد يشن), not before a past one (قد استهدفت)."""
    return j + 1 < len(v.full) and v.full[j + 1].startswith(_VERB_PREFIXES) and v.full[j + 1] not in _LIGHT


def generic(v: View, lex: EventLexicon, m: Mention) -> bool:
    """A habit, not a happening: غالبا ما تشن الحركة اعتداءاتها، يقصفها الحوثيون باستمرار."""
    lo, _ = v.stretch(m.tok)
    end = v.clauses[v.clause_of[m.last]].end
    return any("generic" in _cue(v, lex, j) for j in range(max(lo, m.first - _GENERIC_BEFORE), end))


def modality(v: View, lex: EventLexicon, m: Mention) -> str:
    """The modality the words of ``m``'s sentence give it (``asserted`` when none)."""
    i = m.first
    lo, _ = v.sent_span[v.sent_of[i]]
    s_lo, _ = v.stretch(i)
    found: set[str] = set()
    for j in range(lo, i):
        kinds = _cue(v, lex, j)
        if not kinds:
            continue
        if "conditional" in kinds:
            found.add("hypothetical")
        if j < s_lo:
            continue
        if "deny" in kinds:
            found.add("negated")
        if "claimed" in kinds:
            found.add("claimed")
        for kind, reach in _REACH.items():
            if kind in kinds and _within(v, j, i, reach) and (v.full[j] != "قد" or _may(v, j)):
                found.add(kind)
    if negated(v, lex, i):
        found.add("negated")
    tok = v.tokens[m.tok]
    future = "س" in tok.proclitics or future_prefix(v.full[m.tok])
    if (future and m.form.imperfect) or (m.tok > lo and v.full[m.tok - 1] == "سوف"):
        found.add("planned")
    elif not m.form.verb and any(_future(v, j) for j in range(max(s_lo, m.first - 3), m.first)):
        found.add("planned")  # ستكثف وتيرة ترحيل: a future verb governing the event noun
    for kind in reversed(MODALITIES[2:]):
        if kind in found:
            return kind
    return "asserted"
