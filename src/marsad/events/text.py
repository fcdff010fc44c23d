"""One article seen as the event stage needs it: token keys, sentences and clauses.

Built once per article by :func:`view`. Each token has two lexicon keys, the whole word and
its stem without clitics, so that والاشتباكات and اشتباكات look up the same entry. A clause
is a stretch of a sentence between punctuation or a word that opens a new clause
(أن، الذي، حيث، فيما ...); the opener is kept, since عندما or الذي tell a subordinate clause.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from marsad.article import Article, Sentence, Token
from marsad.events.lexicon import EventLexicon, key, lemma
from marsad.nlp.normalize import normalize
from marsad.nlp.sentences import split_sentences
from marsad.nlp.tokens import tokenize

_PUNCT_BREAKS = frozenset('،,؛;:()«»"“”[]-–—')
#: Words that open a clause; the value says whether it is subordinate to the one before it.
OPENERS: dict[str, bool] = {
    key(w): sub
    for words, sub in (
        ("أن إن أنه إنه أنها إنها أنهم إنهم بأن لأن كأن", True),
        ("الذي التي الذين اللذين اللتين اللواتي", True),
        ("عندما حين حينما بعدما بعد_أن قبل_أن لما كلما إذ لو لولا إذا", True),
        ("حيث فيما بينما لكن ولكن كما إلا بل ثم", False),
    )
    for w in words.split()
    if "_" not in w
}
_FUNCTION = frozenset(
    key(w)
    for w in (
        "في من على إلى الى عن مع قد لقد لم لن لا ما كان كانت كانوا هو هي هم ذلك هذا هذه "
        "أن إن بعد قبل خلال عند"
    ).split()
)
#: Openers after which the sentence goes on to another incident (فيما، بينما، ؛).
STRONG = frozenset(key(w) for w in "فيما بينما كما حين_أن".split() if "_" not in w) | {"؛", ";"}
#: A complement joined by و (قال إن ... وإن ...) states another thing: a new stretch too.
_COMPLEMENTS = frozenset(key(w) for w in "أن إن أنه إنه أنها إنها أنهم إنهم".split())
#: Cue kinds of a verb that, joined by و and followed by its speaker (وقال الرئيس، ونفت
#: الوزارة), opens another attribution; وقالت إن ... goes on with the same speaker.
_SPEAKING = frozenset({"speech", "deny", "allege"})
_MAY_OPEN = _PUNCT_BREAKS | frozenset(OPENERS)
_SAID_WHAT = _COMPLEMENTS | frozenset(key(w) for w in "بأن بأنه بأنها إلى الى عن".split())


@dataclass(frozen=True, slots=True)
class Clause:
    first: int  # token index
    end: int  # token index, exclusive
    opener: str | None  # key of the opening word or punctuation
    subordinate: bool
    strong: bool  # starts a new stretch of the sentence (؛، فيما، بينما)


@dataclass(slots=True)
class View:
    text: str
    tokens: tuple[Token, ...]
    full: list[str]
    stem: list[str]
    lem: list[str]  # the stem without a plural or feminine ending, for word sets
    sentences: tuple[Sentence, ...]
    sent_span: list[tuple[int, int]]  # token range of each sentence
    sent_of: list[int]
    clauses: list[Clause]
    clause_of: list[int]
    timed: frozenset[int]  # tokens inside the article's time expressions
    cues: list[frozenset[str]] = field(default_factory=list)  # cue kinds per token (the stage fills)
    cued: list[int] = field(default_factory=list)  # tokens with a cue kind
    _stretches: dict[int, tuple[int, int]] = field(default_factory=dict)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets from the start of token ``first`` to the end of token ``last``."""
        return self.tokens[first].start, self.tokens[last].end

    def keys(self, i: int) -> tuple[str, ...]:
        """Keys to look a word up by: whole, stem, and without a و or ف the splitter left on."""
        full = self.full[i]
        if full[:1] in "وف" and len(full) > 3:
            return full, self.stem[i], full[1:]
        return full, self.stem[i]

    def has(self, i: int, words: frozenset[str]) -> bool:
        return self.full[i] in words or self.stem[i] in words or self.lem[i] in words

    def proclitic(self, i: int, name: str) -> bool:
        return name in self.tokens[i].proclitics

    def bare(self, i: int) -> str:
        """The key of token ``i`` without a leading و or ف (وفي → في, وقد → قد)."""
        full = self.full[i]
        return full[1:] if full[:1] in "وف" and len(full) > 2 and full[1:] in _FUNCTION else full

    def is_punct(self, i: int) -> bool:
        return self.full[i] in _PUNCT_BREAKS or not self.full[i][:1].isalnum()

    def stretch(self, i: int) -> tuple[int, int]:
        """Token range of the part of ``i``'s sentence between strong openers around it."""
        c = self.clause_of[i]
        found = self._stretches.get(c)
        if found is None:
            found = self._stretches[c] = self._stretch(i, c)
        return found

    def _stretch(self, i: int, c: int) -> tuple[int, int]:
        first, end = self.sent_span[self.sent_of[i]]
        lo = c
        while lo > 0 and self.clauses[lo].first > first and not self.clauses[lo].strong:
            lo -= 1
        hi = c + 1
        while hi < len(self.clauses) and self.clauses[hi].first < end and not self.clauses[hi].strong:
            hi += 1
        return max(first, self.clauses[lo].first), min(end, self.clauses[hi - 1].end)


_NONE: frozenset[str] = frozenset()


def cue_kinds(v: View, lex: EventLexicon, j: int) -> frozenset[str]:
    """The cue kinds of token ``j`` (``cues.tsv``), by any of its keys."""
    for k in v.keys(j):
        kinds = lex.cues.get(k)
        if kinds:
            return kinds
    return _NONE


def view(article: Article, lex: EventLexicon | None = None) -> View:
    text = article.text
    tokens = article.tokens or tuple(tokenize(text))
    sentences = article.sentences or tuple(split_sentences(text))
    full, stem, lem = _keys(text, tokens)
    sent_of, sent_span = _sentence_of(tokens, sentences)
    clauses, clause_of = _clauses(full, stem, tokens, sent_of, sent_span)
    built = View(
        text,
        tokens,
        full,
        stem,
        lem,
        sentences,
        sent_span,
        sent_of,
        clauses,
        clause_of,
        _timed(article, tokens),
    )
    if lex is not None:
        get = lex.cues.get
        # cue_kinds of every token, written out: the look-up is the stage's commonest step
        built.cues = [
            get(f) or get(s) or (f[:1] in "وف" and len(f) > 3 and get(f[1:])) or _NONE
            for f, s in zip(full, stem, strict=True)
        ]
        built.cued = [j for j, kinds in enumerate(built.cues) if kinds]
        speaking = frozenset(
            j
            for j in built.cued
            if j + 1 < len(tokens)
            and built.cues[j] & _SPEAKING
            and tokens[j].proclitics[:1] == ("و",)
            and sent_of[j] == sent_of[j - 1]
            and full[j + 1] not in _SAID_WHAT
            and full[j + 1] not in _PUNCT_BREAKS
        )
        if speaking:
            built.clauses, built.clause_of = _clauses(full, stem, tokens, sent_of, sent_span, speaking)
    return built


def _keys(text: str, tokens: tuple[Token, ...]) -> tuple[list[str], list[str], list[str]]:
    """The lexicon keys of every token, of its stem and of its stem's lemma. Normalisation
    works letter by letter, so the distinct written forms are normalised once, together, then
    looked up per token."""
    raw_full = [text[t.start : t.end] for t in tokens]
    table = _normalized(raw_full)
    full = [table[w] for w in raw_full]
    # A stem's key is a slice of its word's key when normalising dropped nothing from the word;
    # the stems of the other words are normalised together afterwards.
    stems = [
        k
        if t.stem_end <= t.stem_start or (t.stem_start == t.start and t.stem_end == t.end)
        else k[t.stem_start - t.start : t.stem_end - t.start]
        if len(k) == len(w)
        else None
        for t, w, k in zip(tokens, raw_full, full, strict=True)
    ]
    late = [i for i, k in enumerate(stems) if k is None]
    if late:
        raw = [text[tokens[i].stem_start : tokens[i].stem_end] for i in late]
        more = _normalized(raw)
        for i, w in zip(late, raw, strict=True):
            stems[i] = more[w]
    lemmas = {k: lemma(k) for k in set(stems)}
    return full, stems, [lemmas[k] for k in stems]


def _normalized(words: list[str]) -> dict[str, str]:
    """The lexicon key of each distinct word, from one normalisation of them all."""
    distinct = list(dict.fromkeys(words))
    keyed = normalize("\n".join(distinct), ta_marbuta=True).text.lower().split("\n")
    if len(keyed) != len(distinct):  # a word holding a line break
        keyed = [key(w) for w in distinct]
    return dict(zip(distinct, keyed, strict=True))


def _sentence_of(
    tokens: tuple[Token, ...], sentences: tuple[Sentence, ...]
) -> tuple[list[int], list[tuple[int, int]]]:
    """The sentence of each token (the last one takes any token after it), and each
    sentence's token range."""
    starts = [t.start for t in tokens]
    sent_of: list[int] = []
    sent_span = []
    first = 0
    last = len(sentences) - 1
    for s, sentence in enumerate(sentences):
        end = len(tokens) if s == last else max(first, bisect_left(starts, sentence.end, first))
        sent_of.extend([s] * (end - first))
        sent_span.append((first, end))
        first = end
    return sent_of, sent_span


def _timed(article: Article, tokens: tuple[Token, ...]) -> frozenset[int]:
    if not article.times:
        return frozenset()
    starts = [t.start for t in tokens]
    out: set[int] = set()
    for t in article.times:
        i = bisect_left(starts, t.start)
        while i < len(tokens) and tokens[i].start < t.end:
            out.add(i)
            i += 1
    return frozenset(out)


def _clauses(
    full: list[str],
    stem: list[str],
    tokens: tuple[Token, ...],
    sent_of: list[int],
    sent_span: list[tuple[int, int]],
    speaking: frozenset[int] = frozenset(),
) -> tuple[list[Clause], list[int]]:
    """Clauses of every sentence; ``speaking`` are the tokens of وقال-like verbs, each of which
    opens a new stretch: what another speaker says is another statement. Only the tokens that
    may open a clause are visited."""
    clauses: list[Clause] = []
    start, opener, sub, strong = 0, None, False, True
    marks = [i for i, (f, s) in enumerate(zip(full, stem, strict=True)) if f in _MAY_OPEN or s in OPENERS]
    starts = [first for first, end in sent_span if 0 < first < end]
    marks = sorted({*marks, *starts, *speaking})
    for i in marks:
        word = full[i]
        bare = stem[i] if tokens[i].proclitics in ((), ("و",), ("ف",)) else word
        new_sentence = i > 0 and sent_of[i] != sent_of[i - 1]
        said = i in speaking
        is_opener = word in _PUNCT_BREAKS or bare in OPENERS or word in OPENERS or said
        joined = said or (bare in _COMPLEMENTS and tokens[i].proclitics[:1] == ("و",))
        if i > start and (new_sentence or is_opener):
            clauses.append(Clause(start, i, opener, sub, strong))
            start = i
            if new_sentence and not is_opener:
                opener, sub, strong = None, False, True
            else:
                opener = bare if bare in OPENERS else word
                sub = OPENERS.get(opener, False)
                strong = new_sentence or opener in STRONG or joined
        elif i == start and is_opener:
            opener = bare if bare in OPENERS else word
            sub = OPENERS.get(opener, False)
            strong = strong or joined
    if tokens:
        clauses.append(Clause(start, len(tokens), opener, sub, strong))
    clause_of: list[int] = []
    for n, clause in enumerate(clauses):
        clause_of.extend([n] * (clause.end - clause.first))
    return clauses, clause_of
