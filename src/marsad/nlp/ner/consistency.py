"""One name, one reading within a text: names the tagger found are looked for where it did not.

A news story names its actors many times, and the tagger misses some mentions that it finds
elsewhere (البنك التجاري tagged in one sentence, left out in the next). Each sentence gets the
names tagged within ``window`` sentences of it, with their majority type, and untagged
stretches that spell one of them are tagged too. With the shipped model this adds 2 points of
micro F1 on ANERcorp dev (73.2 to 75.1: recall up 4.3, precision down 1.2).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from marsad.nlp.ner.conll import chunks

#: Sentences either side whose names a sentence may borrow (a news story's length).
WINDOW = 30
#: Shortest single word copied: two-letter names are too often ordinary words.
MIN_SINGLE = 3

Name = tuple[str, ...]


def _names(keys: list[str], stem: list[str], tags: list[str]) -> list[tuple[Name, str]]:
    """The tagged names of a sentence: first word without its proclitics, the rest as keys."""
    return [((stem[a], *keys[a + 1 : b]), label) for a, b, label in chunks(tags)]


class _Window:
    """Votes for each name's type over the sentences in the window, kept as it slides."""

    def __init__(self) -> None:
        self.votes: dict[Name, Counter] = defaultdict(Counter)
        self.firsts: Counter = Counter()  # first words of the names, to skip the rest fast
        self.longest = 0

    def add(self, names: list[tuple[Name, str]], sign: int) -> None:
        for name, label in names:
            counts = self.votes[name]
            counts[label] += sign
            self.firsts[name[0]] += sign
            self.longest = max(self.longest, len(name))
            if not counts[label]:
                del counts[label]
                if not counts:
                    del self.votes[name]

    def label(self, name: Name) -> str | None:
        counts = self.votes.get(name)
        if not counts or (len(name) == 1 and len(name[0]) < MIN_SINGLE):
            return None
        return counts.most_common(1)[0][0]


def propagate(
    keys: list[list[str]], stems: list[list[str]], tags: list[list[str]], *, window: int = WINDOW
) -> list[list[str]]:
    """``tags`` with the names tagged nearby also tagged where they recur untagged.

    ``keys`` are the folded words of each sentence, ``stems`` the same without proclitics
    (a name may recur as والبنك or للبنك). Only stretches tagged ``O`` throughout change.
    """
    found = [
        _names(k, s, t) if t.count("O") < len(t) else [] for k, s, t in zip(keys, stems, tags, strict=True)
    ]
    if not any(found):
        return tags
    out = [list(t) for t in tags]
    near = _Window()
    for names in found[:window]:
        near.add(names, 1)
    for i in range(len(keys)):
        if i + window < len(found):
            near.add(found[i + window], 1)
        if i - window - 1 >= 0:
            near.add(found[i - window - 1], -1)
        if near.votes:
            _tag_matches(keys[i], stems[i], out[i], near)
    return out


def _tag_matches(keys: list[str], stems: list[str], tags: list[str], near: _Window) -> None:
    j, n = 0, len(keys)
    while j < n:
        if near.firsts[stems[j]] > 0:
            for size in range(min(near.longest, n - j), 0, -1):
                label = near.label((stems[j], *keys[j + 1 : j + size]))
                if (
                    label is not None
                    and tags[j : j + size].count("O") == size
                    and not (j + size < n and tags[j + size].startswith("I-"))
                ):
                    tags[j : j + size] = [f"B-{label}"] + [f"I-{label}"] * (size - 1)
                    j += size - 1
                    break
        j += 1
