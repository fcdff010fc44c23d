"""The event lexicon: trigger senses, modality and attribution cues, word sets and idioms.

Everything is read from the tables in ``marsad/data/events/`` (see their headers) by
:func:`load_event_lexicon`. Words are keyed by their normalised form (alef, ya and ta marbuta
folded), and verbs are listed as paradigms so that one row covers قتل قتلت قتلوا يقتل يقتلون.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.nlp.normalize import normalize_text

PAST_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم")
PRES_PREFIXES = ("ي", "ت", "ن", "ا")
PRES_SUFFIXES = ("", "ون", "ان", "ين", "وا", "ا", "ن")
#: In ``next=`` lists: a following token that carries this proclitic (طالب بـ، دعوة لـ).
PROCLITIC_MARK = "-"


def key(word: str) -> str:
    """The lexicon key of a word: normalised, ta marbuta folded, lower case for Latin script."""
    return normalize_text(word, ta_marbuta=True).lower()


_PLURAL_SUFFIXES = frozenset({"ون", "ين", "ات", "ان"})


def lemma(k: str) -> str:
    """A key without its plural, dual, feminine or accusative ending (مسلحون → مسلح,
    انتحاريا → انتحاري), for word sets."""
    n = len(k)
    if n >= 5 and k[-2:] in _PLURAL_SUFFIXES:
        return k[:-2]
    if n >= 4 and k[-1] == "ه":
        return k[:-1]
    if n >= 6 and k[-1] == "ا":
        return k[:-1]
    return k


@dataclass(frozen=True, slots=True)
class TypeInfo:
    name: str
    cameo: str | None
    acled: str | None
    quad: str


@dataclass(frozen=True, slots=True)
class Sense:
    """One row of the trigger table."""

    row: int
    type: str
    mode: str | None
    cameo: str | None
    acled: str | None
    casualty: str | None = None  # killed or injured: an outcome of the attack it reports
    next: frozenset[str] = frozenset()
    prev: frozenset[str] = frozenset()
    block_prev: frozenset[str] = frozenset()
    block_next: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    becomes: tuple[str, frozenset[str]] | None = None

    @property
    def constrained(self) -> bool:
        """A sense with a condition beats a plain sense of the same word."""
        return bool(self.next or self.prev or self.needs)


@dataclass(frozen=True, slots=True)
class Form:
    """A written form of a sense: whether it is a verb, and an imperfect one (يقتل)."""

    sense: Sense
    verb: bool
    imperfect: bool = False


@dataclass(frozen=True, slots=True)
class EventLexicon:
    #: key -> the senses the word may trigger, phrase rows (with next=/prev=) first.
    triggers: dict[str, tuple[Form, ...]]
    #: key -> cue kinds (negation, deny, conditional, hypothetical, planned, attempted,
    #: claimed, allege, speech, according).
    cues: dict[str, frozenset[str]]
    sets: dict[str, frozenset[str]]
    #: idiom phrases as key tuples, indexed by each of their words.
    idioms: dict[str, tuple[tuple[str, ...], ...]]
    types: dict[str, TypeInfo]
    #: The first three letters of every trigger key: a word starting otherwise needs no peeling.
    heads: frozenset[str] = frozenset()


def verb_forms(paradigm: str) -> list[tuple[str, bool]]:
    """``(form, imperfect)`` for ``PAST/PRES``: perfect forms, then imperfect ones."""
    past, _, pres = paradigm.partition("/")
    forms = [(past + s, False) for s in PAST_SUFFIXES]
    if pres:
        forms += [(p + pres + s, True) for p in PRES_PREFIXES for s in PRES_SUFFIXES]
    return forms


def noun_forms(noun: str) -> list[str]:
    """A noun with its accusative tanween, dual and construct forms (هجوما، غارتين، مظاهرت)."""
    k = key(noun)
    if k.endswith("ه"):  # ta marbuta, folded
        stem = k[:-1]
        return [k, stem + "ت", stem + "تان", stem + "تين", stem + "تا"]
    if k.endswith(("ات", "ا", "ي", "ى", "ون", "ين")) or not k.isalpha() or k.isascii():
        return [k]
    return [k, k + "ا", k + "ان", k + "ين"]


def expand(item: str) -> list[tuple[str, bool, bool]]:
    """``(key, verb, imperfect)`` for one item of a forms column."""
    if "/" in item:
        return [(key(f), True, imp) for f, imp in verb_forms(item)]
    if item.startswith("~"):
        k = key(item[1:])
        return [(k, True, k[:1] in PRES_PREFIXES and len(k) > 3)]
    return [(f, False, False) for f in noun_forms(item)]


def _rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def _words(value: str, sets: dict[str, frozenset[str]]) -> frozenset[str]:
    """A comma list of words or set names (upper case) as keys."""
    out: set[str] = set()
    for item in value.split(","):
        if not item:
            continue
        if item in sets:
            out |= sets[item]
        elif item.endswith(PROCLITIC_MARK):
            out.add(item)
        else:
            out.add(key(item.replace("_", " ")))
    return frozenset(out)


def _sense(row: int, cols: list[str], sets: dict[str, frozenset[str]]) -> Sense:
    type_, mode, cameo, acled = cols[:4]
    flags: dict[str, object] = {}
    for flag in (cols[5] if len(cols) > 5 else "").split():
        name, _, value = flag.partition("=")
        if name == "casualty":
            flags["casualty"] = value
        elif name == "becomes":
            target, _, set_name = value.partition(":")
            flags["becomes"] = (target, sets[set_name])
        elif name in ("next", "prev", "block_prev", "block_next", "needs"):
            flags[name] = _words(value, sets)
        else:
            raise ValueError(f"triggers.tsv row {row}: unknown flag {flag!r}")
    return Sense(row, type_, mode or None, cameo or None, acled or None, **flags)


def _read(folder: Path | None, name: str) -> str:
    if folder is not None:
        return (folder / name).read_text(encoding="utf-8")
    return resources.files("marsad.data").joinpath("events", name).read_text(encoding="utf-8")


def load_event_lexicon(folder: Path | None = None) -> EventLexicon:
    """The shipped lexicon, or the tables in ``folder``."""
    sets = {
        name: frozenset(key(w) for w in words.split()) for name, words in _rows(_read(folder, "wordsets.tsv"))
    }
    types = {
        cols[0]: TypeInfo(cols[0], cols[1] or None, cols[2] or None, cols[3])
        for cols in _rows(_read(folder, "types.tsv"))
    }
    triggers: dict[str, list[Form]] = {}
    for row, cols in enumerate(_rows(_read(folder, "triggers.tsv")), start=1):
        sense = _sense(row, cols, sets)
        if sense.type not in types:
            raise ValueError(f"triggers.tsv row {row}: unknown type {sense.type}")
        for item in cols[4].split():
            for k, verb, imperfect in expand(item):
                forms = triggers.setdefault(k, [])
                if all(f.sense is not sense for f in forms):
                    forms.append(Form(sense, verb, imperfect))
    cues: dict[str, set[str]] = {}
    for kind, forms in _rows(_read(folder, "cues.tsv")):
        for item in forms.split():
            keys = [k for k, _, _ in expand(item)] if "/" in item or item.startswith("~") else [key(item)]
            for k in keys:
                cues.setdefault(k, set()).add(kind)
    idioms: dict[str, list[tuple[str, ...]]] = {}
    for (line,) in _rows(_read(folder, "idioms.tsv")):
        phrase = tuple(key(w) for w in line.split())
        for word in set(phrase):
            idioms.setdefault(word, []).append(phrase)
    return EventLexicon(
        triggers={
            k: tuple(sorted(v, key=lambda f: (not f.sense.constrained, f.sense.row)))
            for k, v in triggers.items()
        },
        cues={k: frozenset(v) for k, v in cues.items()},
        sets=sets,
        idioms={k: tuple(v) for k, v in idioms.items()},
        types=types,
        heads=frozenset(k[:3] for k in triggers),
    )
