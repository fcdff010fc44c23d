"""Stage ``segment``: sentences and clitic-split tokens of the clean text."""

from __future__ import annotations

from marsad.article import Article
from marsad.nlp.sentences import split_sentences
from marsad.nlp.tokens import Clitics, tokenize


def segment(article: Article, *, clitics: Clitics | None) -> Article:
    """Fills ``sentences`` and ``tokens``; without ``clitics`` Arabic words stay whole."""
    return article.with_layers(
        sentences=tuple(split_sentences(article.text)),
        tokens=tuple(tokenize(article.text, clitics)),
    )
