"""Who did it where word order next to the trigger does not say: the subject of a clause
before its verb or the noun a relative clause describes, the doer an event noun's sentence
names after it (عمليات نفذها قراصنة، هجوم تبناه تنظيم، نسب إلى المتمردين), whoever claims
it (تبنت الحركة المسؤولية عن ...), a speaker who says it did it (قال الحلف إنه قتل), the
subject of a verb of trying (حاول المحتجون اقتحام), and where a subject after its verb ends.
"""

from __future__ import annotations

from dataclasses import replace

from marsad.events.lexicon import EventLexicon, key
from marsad.events.phrases import STOP, TIME_SKIP, Entities, noun_phrase, partitive
from marsad.events.text import View
from marsad.events.triggers import Mention

_BEFORE_VERB = frozenset(key(w) for w in "قد لقد".split())
_CLAUSE_LEAD = frozenset(key(w) for w in "كان كانت كانوا تكون يكون تكونا يكونوا قد لقد".split())
LIGHT_REACH = 12
_VERB_PARTICLES = frozenset(key(w) for w in "لم لن لا قد لقد سوف لو لولا".split())
NUMBER_START = frozenset(
    key(w)
    for w in (
        "اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة ثلاث أربع خمس ست سبع ثمان تسع عشر "
        "عشرات مئات آلاف الآلاف المئات العشرات نحو حوالي قرابة أكثر أقل ما عدد بضعة عدة "
        "عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين "
        "تسعون تسعين مئة مائة ألف"
    ).split()
)


def counted_start(v: View, j: int) -> bool:
    return v.full[j][:1].isdigit() or v.full[j] in NUMBER_START


def skip_times(v: View, i: int, hi: int) -> int:
    while i < hi and (v.full[i] in TIME_SKIP or i in v.timed):
        i += 1
    return i


def subject_before(v: View, verb: int, ents: Entities, barrier: frozenset[int]) -> tuple[int, int] | None:
    """The phrase a clause opens with, just before its verb (token ``verb``): مسلحون خطفوا،
    أن 800 عائلة نزحت، أن تكون طائراتها قد استهدفت."""
    c = v.clauses[v.clause_of[verb]]
    start = c.first + 1 if c.opener is not None and c.first < verb else c.first
    while start < verb and (v.bare(start) in _CLAUSE_LEAD or v.stem[start] in _CLAUSE_LEAD):
        start += 1
    last = verb - 1
    while last >= start and (v.bare(last) in _BEFORE_VERB or last in v.timed or v.full[last] in TIME_SKIP):
        last -= 1
    if last < start or not all(_nominal(v, j, barrier) for j in range(start, last + 1)):
        return None
    np = noun_phrase(v, start, last + 1, ents=ents, barrier=barrier)
    return np if np is not None and np[1] == last else None


def _nominal(v: View, j: int, barrier: frozenset[int]) -> bool:
    """Could token ``j`` belong to a noun phrase? Not after لم / قد, where a verb stands."""
    if v.full[j] == "من" and partitive(v, j):
        return True
    if j in barrier or v.is_punct(j) or v.bare(j) in STOP or (j > 0 and v.bare(j - 1) in _VERB_PARTICLES):
        return False
    return not (
        v.tokens[j].proclitics[:1] in (("ب",), ("ل",), ("ك",), ("و",), ("ف",))
        and "ال" not in v.tokens[j].proclitics
    )


def accusative(v: View, ents: Entities, np: tuple[int, int]) -> bool:
    """A phrase opening with an accusative noun (عددا، شخصا، مواطنا) is an object."""
    word = v.full[np[0]]
    return (
        len(word) >= 4
        and word.endswith("ا")
        and not word.endswith(("وا", "ءا"))
        and not word[:1].isdigit()
        and ents.at(v.tokens[np[0]].start, v.tokens[np[0]].end) is None
    )


_RELATIVE = frozenset(key(w) for w in "الذي التي الذين اللذين اللتين اللواتي".split())
_ANTECEDENT_WORDS = 5


def antecedent(v: View, verb: int, ents: Entities, barrier: frozenset[int]) -> tuple[int, int] | None:
    """The subject of a verb (token ``verb``) opening a relative clause is the noun the clause
    describes: مجموعات من المواطنين الشيعة الغاضبين، الذين يحتجون → المواطنين الشيعة الغاضبين."""
    rel = verb - 1
    if rel < 0 or v.full[rel] not in _RELATIVE:
        return None
    last = rel - 1
    if last >= 0 and v.full[last] in ("،", ","):
        last -= 1
    lo, _ = v.sent_span[v.sent_of[verb]]
    first = last
    while first - 1 >= max(lo, last - _ANTECEDENT_WORDS + 1) and _nominal(v, first - 1, barrier):
        first -= 1
    if last < lo or not _nominal(v, last, barrier) or (first > lo and first - 1 in barrier):
        return None  # الغارات الجوية التي استهدفت: the clause describes an event, not its doer
    while first < last and v.full[first] == "من":  # مجموعات من المواطنين الذين: the people
        first += 1
    np = noun_phrase(v, first, last + 1, ents=ents, barrier=barrier)
    return np if np is not None and np[1] == last else None


_DONE = frozenset(
    key(w)
    for w in (
        "نفذ نفذت نفذوا شن شنت شنوا ارتكب ارتكبت ارتكبوا تبنى تبنت تبنوا تبنا "
        "أطلق أطلقت أطلقوا زرع زرعت زرعوا"
    ).split()
)
_DONE_PRONOUNS = ("ها", "ه", "هم", "هما")
_ASCRIBED = frozenset(key(w) for w in "نسب نسبت ينسب تنسب".split())
_TO_WORDS = frozenset(key(w) for w in "إلى الى ل".split())
_CLAIM_REACH = 12
_TAKE_PART = frozenset(key(w) for w in "شارك شاركت شاركوا يشارك تشارك يشاركون".split())
_IN_IT = frozenset(key(w) for w in "فيها فيه".split())


def done_by(v: View, j: int) -> bool:
    """A verb of doing or owning with the event as its object pronoun: نفذها، شنته، تبناه."""
    if v.tokens[j].enclitic is not None and v.stem[j] in _DONE:
        return True
    word = v.full[j][1:] if v.full[j][:1] in "وف" else v.full[j]  # وقد تبناه
    return any(word.endswith(p) and word[: -len(p)] in _DONE for p in _DONE_PRONOUNS)


def claimed_actor(v: View, ents: Entities, m: Mention, barrier: frozenset[int]) -> tuple[int, int] | None:
    """The doer an event noun's own sentence names after it: في عمليات نفذها قراصنة صوماليون،
    الهجوم الذي شنته الحركة، وقد تبناه تنظيم القاعدة، هجوم نسب إلى المتمردين، تظاهرة شارك
    فيها آلاف."""
    if m.form.verb:
        return None
    _, end = v.sent_span[v.sent_of[m.tok]]
    for j in range(m.last + 1, min(end, m.last + 1 + _CLAIM_REACH)):
        k = j + 1
        if v.stem[j] in _ASCRIBED or v.bare(j) in _ASCRIBED:
            if k < end and v.full[k] in _TO_WORDS:
                k += 1
            elif not (k < end and v.tokens[k].proclitics[:1] == ("ل",)):
                continue
        elif v.has(j, _TAKE_PART) and k < end and v.full[k] in _IN_IT:  # شارك فيها آلاف المواطنين
            k += 1
        elif not done_by(v, j):
            continue
        while k < end and v.is_punct(k):  # تبناه «تنظيم القاعدة»
            k += 1
        return noun_phrase(v, skip_times(v, k, end), end, ents=ents, barrier=barrier)
    return None


_CLAIMERS = frozenset(
    key(w) for w in "تبنى تبنت تبنوا يتبنى تتبنى أعلن أعلنت أعلنوا يعلن تعلن تحمل تحملت يتحمل تتحمل".split()
)
_ABOUT = frozenset({key("عن")})
_RESPONSIBILITY = ("مسووليه", "مسووليت")  # المسؤولية، مسؤوليتها
_CLAIM_NOUNS = frozenset(key(w) for w in "إعلان تبني".split())
_CLAIMANT_REACH = 16  # أعلنت مجموعة تطلق على نفسها «...» مسؤوليتها: names in quotes run long
_NEGATIONS = frozenset(key(w) for w in "لم لا لن".split())


def responsible(v: View, ents: Entities, m: Mention, barrier: frozenset[int]) -> tuple[int, int] | None:
    """Who claims the event: تبنت الحركة المسؤولية عن عملية تفجير، أعلنت جماعة مسؤوليتها
    عن خطف: the subject of the verb of claiming."""
    lo, _ = v.sent_span[v.sent_of[m.tok]]
    about = next((j for j in range(m.first - 1, max(lo, m.first - 3) - 1, -1) if v.full[j] in _ABOUT), None)
    if about is None or about - 1 < lo or not v.stem[about - 1].startswith(_RESPONSIBILITY):
        return None
    for j in range(about - 2, max(lo, about - 2 - _CLAIMANT_REACH) - 1, -1):
        if v.stem[j].startswith(_RESPONSIBILITY) or v.stem[j] in _CLAIM_NOUNS:
            return None  # بعد إعلانها المسؤولية عن هجوم: the claim of an earlier clause
        if v.stem[j] in _CLAIMERS or v.bare(j) in _CLAIMERS:
            if j > lo and v.bare(j - 1) in _NEGATIONS:
                return None  # ولم تعلن أي جهة مسؤوليتها
            return noun_phrase(v, skip_times(v, j + 1, about - 1), about - 1, ents=ents, barrier=barrier) or (
                subject_before(v, j, ents, barrier)
            )
    return None


_SELF = frozenset(key(w) for w in "أنه إنه أنها إنها أنهم إنهم بأنه بأنها بأنهم".split())
_SPEAKER_GAP = 8


def speaker_did(v: View, ents: Entities, m: Mention, speaker: tuple[int, int] | None) -> bool:
    """«قال الحلف إنه قتل عددا من زعماء طالبان»: the speaker's own pronoun opens the clause
    of the verb, so the speaker did it. A killing verb needs its object (إنه قتل في الانفجار
    is passive)."""
    if speaker is None or not m.form.verb:
        return False
    c = m.first - 1
    while c >= 0 and v.bare(c) in _BEFORE_VERB:
        c -= 1
    if c < 0 or v.full[c] not in _SELF or v.tokens[c].start < speaker[1]:
        return False
    gap = sum(1 for j in range(c) if speaker[1] <= v.tokens[j].start)
    if gap > _SPEAKER_GAP or any(v.is_punct(j) and v.full[j] != "،" for j in range(c - gap, c)):
        return False
    if not m.casualty:
        return True
    _, hi = v.stretch(m.tok)
    obj = noun_phrase(v, m.last + 1, hi, ents=ents)
    return obj is not None and (accusative(v, ents, obj) or counted_start(v, obj[0]))


#: Verbs whose subject does the event noun they govern: حاول المتظاهرون اقتحام، أقدم شاب على
#: إحراق نفسه، لم يتورع أحدهم عن، استمر المحتجون في.
_TRYING = frozenset(
    key(w)
    for w in (
        "حاول حاولت حاولوا يحاول تحاول يحاولون أقدم أقدمت أقدموا يقدم يقدمون تورع يتورع يتورعوا "
        "عمد عمدت عمدوا استمر استمرت استمروا يستمر تستمر تمكن تمكنت تمكنوا نجح نجحت نجحوا"
    ).split()
)


def subject_part(v: View, ents: Entities, np: tuple[int, int]) -> tuple[int, int]:
    """The subject alone of a phrase after a verb that ran on into its object: an accusative
    noun (مسلحون صحفيا) or a noun after a nominative plural and its adjectives (متظاهرون قوات
    الأمن: a plural in ـون is not followed by its genitive) starts the object."""
    first, last = np
    if any(counted_start(v, j) for j in range(first, last + 1)):
        return np  # اكثر من مليون متظاهر، 130 فلسطينيا: a count takes its noun in any case
    for j in range(first + 1, last + 1):
        word = v.full[j]
        if (accusative(v, ents, (j, j)) and not word.endswith(("ها", "هما", "نا"))) or (
            v.full[j - 1].endswith("ون")
            and not word.endswith("ون")
            and v.tokens[j].proclitics in ((), ("ال",))  # أحرق المتظاهرون العلم
            and ents.starting(v.tokens[j].start) is None
        ):
            return first, j - 1
        if (
            "ال" in v.tokens[j - 1].proclitics
            and v.full[j - 1].endswith("ين")
            and not v.tokens[j].proclitics
            and not word.endswith("ين")
        ):
            return first, j - 1  # إضراب المعلمين أسبوعه: a definite plural has no genitive
    return np


_GOVERNING_PREPS = frozenset(key(w) for w in "على عن في الى إلى".split())


_SUBJECT_WORDS = 6


def trying_subject(
    v: View, m: Mention, ents: Entities, barrier: frozenset[int], also: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """The subject of a verb of trying or daring (or one of ``also``) right before the event
    noun it governs: حاول عشرات المحتجين اقتحام، أقدم شاب على إحراق نفسه."""
    words = _TRYING | also
    lo, _ = v.stretch(m.tok)
    k = m.first - 1
    if k > lo and v.full[k] in _GOVERNING_PREPS:
        k -= 1
    while k > lo and (k in v.timed or v.full[k] in TIME_SKIP):  # حاول المحتجون اليوم اقتحام
        k -= 1
    for j in range(k, max(lo, k - _SUBJECT_WORDS) - 1, -1):
        if not (v.has(j, words) or v.keys(j)[-1] in words):
            continue
        if j == k:
            return None  # حاول اقتحام: the subject was named before, or nowhere
        np = noun_phrase(v, skip_times(v, j + 1, k + 1), k + 1, ents=ents, barrier=barrier)
        return np if np is not None and np[1] == k else None
    return None


_GROUPS = frozenset(
    key(w) for w in "مجموعة مجموعات ثلة عدد حشود حشد جموع آلاف الآلاف مئات المئات عشرات العشرات".split()
)


def with_partitive(
    v: View, lex: EventLexicon, ents: Entities, np: tuple[int, int], hi: int, barrier: frozenset[int]
) -> tuple[int, int]:
    """A crowd word with its partitive: حشود من المتظاهرين، مجموعة من الطلاب."""
    first, last = np
    if last + 2 >= hi or v.full[last + 1] != "من" or not v.has(last, _GROUPS):
        return np
    rest = noun_phrase(v, last + 2, hi, ents=ents, barrier=barrier)
    return (first, rest[1]) if rest is not None else np


_CALLS = frozenset(key(w) for w in "تطلق يطلق تسمي يسمي تسمى يسمى تدعى يدعى".split())
_SELF_WORDS = frozenset(key(w) for w in "على نفسها نفسه نفسهم أنفسهم اسم".split())


def self_named(v: View, ents: Entities, np: tuple[int, int], hi: int) -> tuple[int, int]:
    """The name a group gives itself: مجموعة تطلق على نفسها «سرايا الفرقان» → سرايا الفرقان."""
    first, _ = np
    for j in range(first + 1, min(hi, first + 3)):
        if v.stem[j] not in _CALLS and v.full[j] not in _CALLS:
            continue
        k = j + 1
        while k < hi and (v.full[k] in _SELF_WORDS or v.stem[k] in _SELF_WORDS or v.is_punct(k)):
            k += 1
        name = noun_phrase(v, k, hi, ents=ents) if k > j + 1 else None
        return name if name is not None else np
    return np


_PREPOSITIONS = frozenset(
    key(w) for w in "عن في على إلى الى إثر اثر عقب جراء بسبب نتيجة خلال أثناء منذ بعد".split()
)


def people(v: View, ents: Entities, j: int) -> bool:
    """A plural of people in ـون / ـين, not a place (اعتصام الأساتذة، إضراب المعلمين)."""
    entity = ents.at(v.tokens[j].start, v.tokens[j].end)
    return (
        len(v.stem[j]) >= 5
        and v.stem[j].endswith(("ين", "ون"))
        and j not in v.timed
        and (entity is None or entity.type not in ("GPE", "LOC", "FAC"))
    )


def as_noun(v: View, m: Mention) -> Mention:
    """A verb's letters after a preposition or with ب or the article are its verbal noun:
    مسؤوليتها عن خطف، بقصف."""
    proclitics = v.tokens[m.tok].proclitics
    if m.form.verb and (
        "ب" in proclitics or "ال" in proclitics or (m.first > 0 and v.bare(m.first - 1) in _PREPOSITIONS)
    ):
        return replace(m, form=replace(m.form, verb=False))
    return m
