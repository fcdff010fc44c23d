"""Arabic named-entity recognition: a CRF tagger trained on ANERcorp, shipped with the package."""

from marsad.nlp.ner.conll import LABELS, Score, chunks, evaluate, format_scores, read_conll
from marsad.nlp.ner.model import NerModel, load_ner_model, train_ner
from marsad.nlp.ner.stage import recognize_entities

__all__ = [
    "LABELS",
    "NerModel",
    "Score",
    "chunks",
    "evaluate",
    "format_scores",
    "load_ner_model",
    "read_conll",
    "recognize_entities",
    "train_ner",
]
