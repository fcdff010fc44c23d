"""CRF features of a tokenised sentence.

Features are strings (CRFsuite binary attributes). What depends on the word alone is built once
per distinct word and cached by the caller; what depends on the neighbours is added by copying
their word features under a position prefix. Keep it fast: the tagger must stay above 20k tokens/s.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from marsad.nlp.ner.text import strip_enclitic, strip_proclitics, word_key

_LATIN_RE = re.compile(r"[A-Za-z]")
_DIGIT_RE = re.compile(r"\d")
_ARABIC_RE = re.compile(r"[\u0621-\u064a]")

#: Neighbour features copied under a position prefix: (offset, which word features).
WINDOW = (
    (-2, ("w", "c1", "c2", "g")),
    (-1, ("w", "s", "c1", "c2", "c3", "g", "p")),
    (1, ("w", "s", "c1", "c2", "c3", "g", "p")),
    (2, ("w", "c1", "c2", "g")),
)
PAD = tuple((f"{offset}=pad",) for offset, _ in WINDOW)

#: A word's own attributes, those it lends each neighbour (in ``WINDOW`` order), its key.
Entry = tuple[list[str], list[list[str]], str]


class FeatureExtractor:
    """Turns sentences into CRFsuite attribute lists, given clusters and gazetteer lists."""

    def __init__(self, clusters: Mapping[str, tuple[str, ...]], gazetteer: Mapping[str, tuple[str, ...]]):
        self.clusters = clusters
        self.gazetteer = gazetteer

    def word_features(self, token: str) -> dict[str, list[str]]:
        """Features of one word, grouped by name so that neighbours can copy a subset."""
        key = word_key(token)
        pro, stem = strip_proclitics(key)
        base, enclitic = strip_enclitic(stem)
        feats: dict[str, list[str]] = {"w": [key], "s": [stem], "p": [pro]}
        ids = self.clusters.get(key)
        if ids is None and stem != key:
            ids = self.clusters.get(stem) or self.clusters.get("ال" + stem)
            feats["p"].append("oov")
        elif ids is None:
            feats["p"].append("oov")
        for i, name in enumerate(("c1", "c2", "c3")):
            feats[name] = [ids[i] if ids and i < len(ids) else "-"]
        groups = set(self.gazetteer.get(key, ()))
        if stem != key:
            groups.update(self.gazetteer.get(stem, ()))
            groups.update(self.gazetteer.get("ال" + stem, ()))
        feats["g"] = sorted(groups)
        shape = []
        if _ARABIC_RE.search(token):
            shape.append("ar")
        elif _LATIN_RE.search(token):
            shape.append("lat" + ("U" if token[:1].isupper() else "l"))
        if _DIGIT_RE.search(token):
            shape.append("dig" if token.isdigit() else "hasdig")
        if not shape:
            shape.append("sym")
        shape.append(f"len{min(len(key), 8)}")
        feats["x"] = shape
        feats["a"] = [
            *(f"pre{n}={key[:n]}" for n in (1, 2, 3) if len(key) > n),
            *(f"suf{n}={key[-n:]}" for n in (1, 2, 3, 4) if len(key) > n),
            f"ssuf2={stem[-2:]}",
            f"ssuf3={stem[-3:]}",
            f"base={base}",
            f"enc={enclitic}",
        ]
        return feats

    def word_entry(self, token: str) -> Entry:
        """A word's own attributes, the ones it lends each neighbour position, and its key."""
        feats = self.word_features(token)
        own = ["bias"]
        for name, values in feats.items():
            own.extend(values if name == "a" else (f"{name}={v}" for v in values))
        lent = [[f"{offset}{name}={v}" for name in names for v in feats[name]] for offset, names in WINDOW]
        return own, lent, feats["w"][0]

    @staticmethod
    def pair_attributes(keys: list[str]) -> list[tuple[str, str]]:
        """The attributes of each token that join its key with a neighbour's (word bigrams)."""
        n = len(keys)
        return [
            (f"bi-={keys[i - 1] if i else '^'}|{key}", f"bi+={key}|{keys[i + 1] if i + 1 < n else '$'}")
            for i, key in enumerate(keys)
        ]

    def sentence_features(self, tokens: list[str], cache: dict[str, Entry]) -> list[list[str]]:
        """Attributes of every token of one sentence; ``cache`` maps words to their entries and
        may be kept from call to call."""
        entries = []
        for token in tokens:
            entry = cache.get(token)
            if entry is None:
                entry = cache[token] = self.word_entry(token)
            entries.append(entry)
        n = len(entries)
        pairs = self.pair_attributes([key for *_, key in entries])
        out = []
        for i, (own, _, _) in enumerate(entries):
            attrs = own.copy()
            for slot, (offset, _) in enumerate(WINDOW):
                j = i + offset
                attrs += entries[j][1][slot] if 0 <= j < n else PAD[slot]
            attrs += pairs[i]
            out.append(attrs)
        return out
