"""Trigger mentions: the words of an article that name an event, with their sense.

A token is looked up by its whole form, then by its stem (clitics off), then with a final ت
read as ة (مظاهرتهم); a phrase sense (أطلق النار، لقي مصرعه) needs its next or previous word
nearby and beats the plain sense of the same word. Mentions inside idioms (قتل الوقت،
وقف إطلاق النار) are dropped, as are event nouns that only refer to an event told before: a
definite noun governed by a word of reference (محاسبة المسؤولين عن انفجار المرفأ، منذ بدء
الاحتجاجات) or repeating a type the article already reported (ووقع الانفجار ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.events.lexicon import PROCLITIC_MARK, EventLexicon, Form, Sense
from marsad.events.text import View

_WINDOW = 3  # how far a phrase's other word may be


@dataclass(slots=True)
class Mention:
    tok: int  # the trigger word
    first: int  # token range of the trigger with its phrase word
    last: int
    form: Form
    type: str
    mode: str | None

    @property
    def sense(self) -> Sense:
        return self.form.sense

    @property
    def casualty(self) -> bool:
        return self.form.sense.casualty


_LEFT_ON = frozenset("وفبلس")  # a clitic letter lookup() may peel off a whole word
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه", "كم", "نا")
_PRONOUN_ENDS = frozenset(p[-1] for p in _PRONOUNS)


def lookup(v: View, i: int, lex: EventLexicon) -> tuple[Form, ...]:
    """The senses of token ``i``: by its whole form, its stem, then by peeling what the
    clitic splitter left on: a pronoun suffix of the stem (استقالته), or one leading و ف ب ل
    of the whole word (للقاء), and a final ت read as ة (مظاهرتهم)."""
    triggers = lex.triggers
    full, stem = v.full[i], v.stem[i]
    found = triggers.get(full) or triggers.get(stem)
    if found:
        return found
    heads = lex.heads
    if stem[:3] not in heads and full[1:4] not in heads:
        return ()
    candidates = [stem]
    # A folded ه may be a ta marbuta (طلبة is not طلب + ه).
    if stem[-1:] in _PRONOUN_ENDS and v.text[v.tokens[i].stem_end - 1 : v.tokens[i].stem_end] != "ة":
        candidates += [stem[: -len(p)] for p in _PRONOUNS if stem.endswith(p) and len(stem) - len(p) >= 3]
    # وسار، سيعتصمون: a conjunction or the future's س the splitter left on
    if (full[:1] in "وفبل" and len(full) > 3) or (len(full) > 4 and future_prefix(full)):
        candidates.append(full[1:])
    for k in candidates:
        found = (k != stem and triggers.get(k)) or (k.endswith("ت") and triggers.get(k[:-1] + "ه"))
        if found:
            return found
    return ()


def future_prefix(word: str) -> bool:
    """A key opening with the future's س before an imperfect verb (سيعتصمون، ستواصل)."""
    return word[:1] == "س" and word[1:2] in "يتن"


def _near(v: View, i: int, words: frozenset[str], step: int) -> int | None:
    """Index of a token with a key in ``words`` within the window after (step 1) or before (-1)."""
    lo, hi = v.sent_span[v.sent_of[i]]
    j = i + step
    for _ in range(_WINDOW if step > 0 else 2):
        if not lo <= j < hi or v.is_punct(j):
            return None
        if v.has(j, words) or any(
            w.endswith(PROCLITIC_MARK) and v.proclitic(j, w[:-1]) for w in words if len(w) <= 3
        ):
            return j
        j += step
    return None


def _blocked(v: View, i: int, sense: Sense) -> bool:
    lo, hi = v.sent_span[v.sent_of[i]]
    if sense.block_prev and i > lo and v.has(i - 1, sense.block_prev):
        return True
    return bool(sense.block_next and i + 1 < hi and v.has(i + 1, sense.block_next))


def has_nearby(v: View, i: int, words: frozenset[str], reach: int = 8) -> bool:
    lo, hi = v.sent_span[v.sent_of[i]]
    return any(v.has(j, words) for j in range(max(lo, i - reach), min(hi, i + reach + 1)) if j != i)


def in_sentence(v: View, i: int, words: frozenset[str]) -> bool:
    lo, hi = v.sent_span[v.sent_of[i]]
    return any(v.has(j, words) for j in range(lo, hi) if j != i)


def _match(v: View, i: int, forms: tuple[Form, ...]) -> tuple[Form, int, int] | None:
    for form in forms:
        sense = form.sense
        first = last = i
        if sense.next:
            j = _near(v, i, sense.next, 1)
            if j is None:
                continue
            last = j
        if sense.prev:
            j = _near(v, i, sense.prev, -1)
            if j is None:
                continue
            first = j
        if _blocked(v, i, sense) or (sense.needs and not has_nearby(v, i, sense.needs)):
            continue
        return form, first, last
    return None


def _word_matches(v: View, j: int, word: str) -> bool:
    full = v.full[j]
    return word in (full, v.stem[j], "ال" + v.stem[j]) or (full[:1] in "وفلب" and full[1:] == word)


def in_idiom(v: View, i: int, lex: EventLexicon) -> bool:
    """Token ``i`` is a word of an idiom, its words in order with at most one word between
    two of them (قتل الطلاب الوقت)."""
    lo, hi = v.sent_span[v.sent_of[i]]
    for word in {v.full[i], v.stem[i]}:
        for phrase in lex.idioms.get(word, ()):
            for p, w in enumerate(phrase):
                if _word_matches(v, i, w) and _matches_around(v, i, phrase, p, lo, hi):
                    return True
    return False


def _matches_around(v: View, i: int, phrase: tuple[str, ...], p: int, lo: int, hi: int) -> bool:
    j = i
    for w in phrase[p + 1 :]:
        j = next((k for k in (j + 1, j + 2) if k < hi and _word_matches(v, k, w)), -1)
        if j < 0:
            return False
    j = i
    for w in reversed(phrase[:p]):
        j = next((k for k in (j - 1, j - 2) if k >= lo and _word_matches(v, k, w)), -1)
        if j < 0:
            return False
    return True


def _dawn(v: View, i: int) -> bool:
    """فجرا is "at dawn" unless a dual subject stands before it (انتحاريان فجرا نفسيهما)."""
    if v.full[i] != "فجرا":
        return False
    j = i - 1 if i == 0 or v.full[i - 1] not in ("قد", "لقد") else i - 2  # انتحاريان قد فجرا
    return j < 0 or not v.full[j].endswith(("ان", "ين"))


def find_mentions(v: View, lex: EventLexicon) -> list[Mention]:
    mentions = []
    triggers, heads = lex.triggers, lex.heads
    # The test lookup() starts with, made once per distinct word: most words are no trigger.
    fulls = {k for k in set(v.full) if k in triggers or (k[:1] in _LEFT_ON and k[1:4] in heads)}
    stems = {k for k in set(v.stem) if k in triggers or k[:3] in heads}
    for i, (full, stem) in enumerate(zip(v.full, v.stem, strict=True)):
        if full not in fulls and stem not in stems:
            continue
        forms = lookup(v, i, lex)
        if not forms:
            continue
        found = _match(v, i, forms)
        if found is None or in_idiom(v, i, lex) or _dawn(v, i):
            continue
        form, first, last = found
        if form.verb and "ال" in v.tokens[i].proclitics:  # القصف: the noun, however the verb is spelt
            form = Form(form.sense, verb=False)
        sense = form.sense
        type_, mode = sense.type, sense.mode
        if sense.becomes and in_sentence(v, i, sense.becomes[1]):
            type_, mode = sense.becomes[0], "riot" if sense.type == "ASSAULT" else "demo"
        mentions.append(Mention(i, first, last, form, type_, mode))
    return mentions


def definite(v: View, i: int, entity_starts: frozenset[int]) -> bool:
    """A noun with the article, a pronoun suffix, or in construct with a definite noun."""
    tok = v.tokens[i]
    if "ال" in tok.proclitics or tok.enclitic:
        return True
    _, hi = v.sent_span[v.sent_of[i]]
    if i + 1 < hi and not v.is_punct(i + 1):
        nxt = v.tokens[i + 1]
        return nxt.proclitics == ("ال",) or nxt.start in entity_starts
    return False


def is_reference(v: View, m: Mention, lex: EventLexicon, entity_starts: frozenset[int]) -> bool:
    """An event noun naming an event as the object of a demand, a condemnation or منذ."""
    if m.form.verb or not definite(v, m.tok, entity_starts):
        return False
    lo, _ = v.sent_span[v.sent_of[m.tok]]
    words = lex.sets["REFERENCE"]
    return any(v.has(j, words) for j in range(max(lo, m.first - 3), m.first))


_OPEN_QUOTES = frozenset('«“"')
_CLOSE_QUOTES = frozenset('»”"')
_SLOGAN_REACH = 4


def in_slogan(v: View, m: Mention, lex: EventLexicon) -> bool:
    """A word of a quoted slogan or banner: «نقتل بالسلاح الأميركي», هتافات «أوقفوا القتل»."""
    lo, _ = v.sent_span[v.sent_of[m.tok]]
    for j in range(m.tok - 1, lo - 1, -1):
        word = v.full[j]
        if word in _CLOSE_QUOTES and word not in _OPEN_QUOTES:
            return False
        if word in _OPEN_QUOTES:
            words = lex.sets["SLOGAN"]
            return any(v.has(k, words) for k in range(max(lo, j - _SLOGAN_REACH), j))
    return False


def is_anaphor(v: View, m: Mention, seen_types: set[str]) -> bool:
    """A noun with the article repeating a type an earlier sentence reported (ووقع الانفجار)."""
    return not m.form.verb and "ال" in v.tokens[m.tok].proclitics and m.type in seen_types
