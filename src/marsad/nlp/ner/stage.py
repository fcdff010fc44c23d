"""The ``recognize_entities`` stage: the CRF tagger over an article's tokens, as entity spans."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from marsad.article import Article, Entity, Token
from marsad.nlp.ner.conll import chunks
from marsad.nlp.ner.model import NerModel
from marsad.nlp.ner.text import TOKEN_RE, strip_proclitics, word_key

STAGE = "recognize_entities"

#: ANERcorp's labels as the article's entity types.
TYPES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}

_SENTENCE_END = frozenset(".!?؟…")
# One-letter proclitics that ANERcorp leaves inside an entity's first token (وغادة، بدمشق).
_CONJ_PREP = "وفبلك"


def _fallback_tokens(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.start(), m.end(), m.start(), m.end()) for m in TOKEN_RE.finditer(text))


def _sentences(article: Article, tokens: tuple[Token, ...]) -> list[list[int]]:
    """Token indexes per sentence: the article's sentences, else split at . ! ? ؟ and newlines."""
    if article.sentences:
        starts = [s.start for s in article.sentences]
        by_sentence: dict[int, list[int]] = {}
        for i, tok in enumerate(tokens):
            by_sentence.setdefault(bisect_right(starts, tok.start) - 1, []).append(i)
        return list(by_sentence.values())
    groups: list[list[int]] = []
    current: list[int] = []
    previous_end = 0
    for i, tok in enumerate(tokens):
        if current and "\n" in article.text[previous_end : tok.start]:
            groups.append(current)
            current = []
        current.append(i)
        previous_end = tok.end
        if article.text[tok.start : tok.end] in _SENTENCE_END:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _trim_proclitic(text: str, start: int, end: int, rank: dict[str, int]) -> int:
    """Where the entity starts once a conjunction or preposition glued to it is left out.

    بغداد and لبنان start with the same letters as بدمشق and لسوريا, so a letter is dropped only
    when the word without it is more frequent in the clusters' news corpus than the word with it.
    """
    if end - start < 4 or text[start] not in _CONJ_PREP or text[start : start + 2] == "لل":
        return start
    whole, rest = word_key(text[start:end]), word_key(text[start + 1 : end])
    # A word unknown to the corpus (كفرنبل) keeps its first letter.
    if rest in rank and rank[rest] < rank.get(whole, len(rank)):
        return start + 1
    return start


def _entity_start(text: str, token: Token) -> int:
    """Where an entity starting at ``token`` starts once the segmenter's conjunction or
    preposition is left out and the article kept: وبدمشق → دمشق, والموصل → الموصل."""
    if not token.proclitics:
        return token.start
    if token.proclitics[-1] != "ال":
        return token.stem_start
    definite = token.stem_start - 2
    return definite if text[definite : token.stem_start] == "ال" else token.start


def _word(article: Article, token: Token) -> str:
    return article.text[token.start : token.end]


def _is_title(word: str, titles: set[str]) -> bool:
    key = word_key(word)
    return key in titles or strip_proclitics(key)[1] in titles or "ال" + strip_proclitics(key)[1] in titles


def recognize_entities(article: Article, *, model: NerModel, settings: Any = None) -> Article:
    """Fill ``entities`` (ids ``e1``, ``e2``... in text order) from the tagger's BIO tags.

    Uses the article's tokens and sentences when segmentation has run, else its own regex
    tokens. ``settings`` is accepted for the stage interface; the tagger takes none.
    """
    tokens = article.tokens or _fallback_tokens(article.text)
    groups = _sentences(article, tokens)
    words = [[article.text[tokens[i].start : tokens[i].end] for i in group] for group in groups]
    try:
        tags = model.tag(words)
    except (RuntimeError, ValueError, UnicodeError) as err:
        return article.with_error("ner_failed", STAGE, f"the tagger failed: {err}")
    rank, titles = model.rank, model.titles
    found = []
    for group, sentence_tags in zip(groups, tags, strict=True):
        if sentence_tags.count("O") == len(sentence_tags):
            continue
        for a, b, label in sorted(chunks(sentence_tags)):
            if label == "PERS":  # a title (الرئيس، المدعو) is not part of the name
                while a < b and _is_title(_word(article, tokens[group[a]]), titles):
                    a += 1
                if a == b:
                    continue
            start, end = tokens[group[a]].start, tokens[group[b - 1]].end
            if article.tokens:  # the segmenter has split the clitics: trust it
                start = _entity_start(article.text, tokens[group[a]])
            else:
                start = _trim_proclitic(article.text, start, tokens[group[a]].end, rank)
            if label in TYPES:
                found.append((start, end, TYPES[label]))
    found.sort()
    entities = tuple(Entity(f"e{i}", s, e, t) for i, (s, e, t) in enumerate(found, 1))
    return article.with_layers(entities=entities)
