"""Canonical actors: one id for every way the news names an armed group, a state force or an outlet.

The lexicon (``marsad/data/actors/actors.json``, project-authored) lists actors with their
Arabic aliases, and nationality or community groups (NORP) with their adjective and plurals.
Matching runs on the normalised shadow of the text (alef, ya, ta marbuta, marks folded) with
one Aho-Corasick automaton, so بداعش، لداعش، والنظام and للأمم المتحدة all match; the entity
span leaves a glued conjunction or preposition out. :func:`link_actors` sets ``canonical`` on
the tagger's entities and adds the mentions the tagger missed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

from marsad.article import Article, Canonical, Entity
from marsad.nlp.ner.text import word_key
from marsad.nlp.normalize import normalize

STAGE = "link_actors"

# Proclitics a name can carry; before ال the preposition ل fuses into لل.
_BEFORE_NAME = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_BEFORE_DEFINITE = ("", "و", "ف", "ب", "ك", "وب", "وك", "فب", "فك")
_FUSED_LAM = ("لل", "ولل", "فلل")
_DEFINITE_LOOKALIKES = frozenset(
    ("الي", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللاتي", "الا", "الان")
)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str  # armed_group state_forces government coalition international ngo party media nationality
    type: str  # the entity type a mention gets: ORG PER NORP ...
    wikidata: str | None = None
    predecessor: str | None = None
    successor: str | None = None


@dataclass(frozen=True, slots=True)
class _Pattern:
    actor: str | None  # None: a shield, matched so that its words match nothing shorter
    prefix: int  # shadow letters of proclitic before the name itself
    length: int  # shadow letters of the whole pattern
    bare: bool  # a common word: no match when an adjective (ال...) follows
    after_definite: bool  # a feminine adjective (السعودية): only right after a definite word


@dataclass(frozen=True, slots=True)
class ActorMatch:
    start: int
    end: int
    actor: Actor


class ActorLexicon:
    """Actors by id and the automaton that finds their aliases. Picklable."""

    def __init__(self, actors: dict[str, Actor], automaton: ahocorasick.Automaton):
        self.actors = actors
        self.automaton = automaton

    def __reduce__(self) -> tuple[Any, ...]:
        return ActorLexicon, (self.actors, self.automaton)

    def find(self, text: str) -> list[ActorMatch]:
        """Non-overlapping alias mentions in ``text``, longest first, in text order."""
        shadow = normalize(text, ta_marbuta=True)
        folded = shadow.text.lower()
        if len(folded) != len(shadow.text):  # a few letters lower-case to two; keep offsets
            folded = shadow.text
        candidates = []
        for end, patterns in self.automaton.iter(folded):
            end += 1
            for p in patterns:
                start = end - p.length
                if _is_letter(folded, start - 1) or _is_letter(folded, end):
                    continue
                if p.bare and _next_word(folded, end).startswith("ال"):
                    continue
                if p.after_definite and not _is_definite(_previous_word(folded, start)):
                    continue
                candidates.append((start, end, p))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken: list[tuple[int, int]] = []
        found = []
        for start, end, p in candidates:
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            if p.actor is None:  # a longer name that only shields its words (المملكة العربية السعودية)
                continue
            begin, finish = shadow.to_original(start + p.prefix, end)
            found.append(ActorMatch(begin, finish, self.actors[p.actor]))
        return sorted(found, key=lambda m: m.start)


def _is_letter(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()


def _is_definite(word: str) -> bool:
    """A noun with the article (الحكومة), not a particle that starts the same way (إلى، التي), as folded."""
    return word.startswith("ال") and word not in _DEFINITE_LOOKALIKES


def _next_word(text: str, end: int) -> str:
    rest = text[end:].lstrip()
    return rest.split(maxsplit=1)[0] if rest else ""


def _previous_word(text: str, start: int) -> str:
    before = text[:start].rstrip()
    return before.rsplit(maxsplit=1)[-1] if before else ""


def _variants(key: str) -> list[tuple[str, int]]:
    """``(pattern, proclitic letters)`` for an alias key and each proclitic it may carry."""
    if key.startswith("ال"):
        out = [(p + key, len(p)) for p in _BEFORE_DEFINITE]
        out += [(p + key[2:], len(p) - 2) for p in _FUSED_LAM]
        return out
    return [(p + key, len(p)) for p in _BEFORE_NAME]


def _group_forms(group: dict[str, Any]) -> list[tuple[str, bool]]:
    """Surface forms of a nationality or community: ``(form, only after a definite word)``."""
    forms = [(p, False) for p in group.get("plural", ())]
    adjective = group.get("adjective")
    if adjective:
        for ending in ("", "ون", "ين", "ات", "ة"):
            forms.append((adjective + ending, False))
            forms.append(("ال" + adjective + ending, ending == "ة"))
    return forms


def default_lexicon_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "actors" / "actors.json"))


def load_actor_lexicon(path: Path | str | None = None) -> ActorLexicon:
    """The actor lexicon from ``path`` (default: the one shipped with the package)."""
    data = json.loads(Path(path or default_lexicon_path()).read_text(encoding="utf-8"))
    actors: dict[str, Actor] = {}
    patterns: dict[str, list[_Pattern]] = {}

    def add(actor_id: str | None, alias: str, bare: bool, after_definite: bool) -> None:
        for pattern, prefix in _variants(word_key(alias)):
            entry = _Pattern(actor_id, prefix, len(pattern), bare, after_definite)
            if entry not in patterns.setdefault(pattern, []):
                patterns[pattern].append(entry)

    for record in data["actors"]:
        actors[record["id"]] = Actor(
            record["id"],
            record["name"],
            record["kind"],
            record.get("type", "ORG"),
            record.get("wikidata"),
            record.get("predecessor"),
            record.get("successor"),
        )
        bare = set(record.get("bare", ()))
        for alias in record["aliases"]:
            add(record["id"], alias, alias in bare, False)
    for group in data.get("groups", ()):
        actors.setdefault(group["id"], Actor(group["id"], group["name"], "nationality", "NORP"))
        for form, after_definite in _group_forms(group):
            add(group["id"], form, False, after_definite)
    for name in data.get("shields", ()):
        add(None, name, False, False)
    automaton = ahocorasick.Automaton()
    for pattern, entries in patterns.items():
        automaton.add_word(pattern, tuple(entries))
    automaton.make_automaton()
    return ActorLexicon(actors, automaton)


def _canonical(actor: Actor) -> Canonical:
    return Canonical(actor.id, actor.name, actor.kind)


def link_actors(article: Article, *, lexicon: ActorLexicon, settings: Any = None) -> Article:
    """Set ``canonical`` on entities that name a lexicon actor and add the ones the tagger missed.

    A lexicon mention that covers a tagger entity (تنظيم الدولة الإسلامية over الدولة) replaces
    it; one inside an entity only names it; NORP mentions never override the tagger. Entity
    ids are renumbered ``e1``... in text order. ``settings`` is accepted for the stage interface.
    """
    entities = list(article.entities)
    added = []
    for match in lexicon.find(article.text):
        overlapping = [i for i, e in enumerate(entities) if e.start < match.end and match.start < e.end]
        if not overlapping:
            added.append(
                Entity("", match.start, match.end, match.actor.type, _canonical(match.actor), "lexicon")
            )
            continue
        if match.actor.type == "NORP":
            continue
        for i in overlapping:
            entity = entities[i]
            covers = match.start <= entity.start and entity.end <= match.end
            if covers and (match.start, match.end) != (entity.start, entity.end) and len(overlapping) == 1:
                entities[i] = replace(
                    entity, start=match.start, end=match.end, type=match.actor.type, source="lexicon"
                )
            entities[i] = replace(entities[i], canonical=_canonical(match.actor))
    merged = sorted(entities + added, key=lambda e: (e.start, e.end))
    renumbered = tuple(replace(e, id=f"e{i}") for i, e in enumerate(merged, 1))
    return article.with_layers(entities=renumbered)
