"""One happening, one event: later mentions of an event already reported fold into it.

News tells an incident several times: the lead («قتل خمسة في انفجار»), the source's words
(«وقال المتحدث: قتل خمسة ...»), a later «وأدى الانفجار إلى ...». A later event folds into an
earlier one of the same type when nothing sets it apart, that is

- its time, where it states one, overlaps the earlier event's;
- its place, where it has one of its own, is the earlier event's (or within 50 km);
- its modality is compatible (a denial or a wish never folds into a fact);
- its named actor, where both name one, is the earlier event's (the Russian and the Turkish
  shelling of one town are two attacks);
- within one sentence, it is told with the same modality by the same source: another clause
  with another speaker or another degree of certainty is another statement (only a casualty
  count folds into the attack of its sentence whatever the frame);
- and it repeats the earlier event: only casualty words (قتل، أصيب), a trigger of the same
  lexicon row (هجمات ... هجمات), or any mention for protests and gatherings, whose actions
  (هتفوا، أشعلوا النار) are parts of one protest.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.article import Entity, Event, Participant, Place, Quantity
from marsad.nlp.normalize import normalize_text

_REACH = 8  # sentences back: a short report retells its lead at its end
_NEAR_KM = 50.0
_FACTUAL = frozenset({"asserted", "reported", "claimed", "attempted"})
_ANY_MENTION = frozenset({"PROTEST", "GATHER"})
#: Statements: where the sentence places them is mostly what they are about.
_VERBAL = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "AGREE", "THREATEN", "CONCEDE"})


@dataclass(slots=True)
class Told:
    """An event with what the merge needs to know about how it was told."""

    event: Event
    sentence: int
    rows: frozenset[int]  # lexicon rows of its trigger and mentions
    casualty_only: bool
    own_place: bool  # its place comes from its own sentence, not a fallback
    targets: frozenset[str] = frozenset()  # words of its target participants
    actors: frozenset[str] = frozenset()  # its named actors (see actor_keys)
    source: tuple[int, int] | None = None  # span of its attribution source
    named_target: bool = False  # a target names a place, a person or a group


def _km(a: Place, b: Place) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(h))


def _same_place(places: Sequence[Place], a: int | None, b: int | None) -> bool:
    if a is None or b is None or a == b:
        return True
    pa, pb = places[a], places[b]
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return True
    km = _km(pa, pb)
    return pa.name == pb.name if km is None else km <= _NEAR_KM


def _same_time(earlier: Event, later: Event) -> bool:
    """A retelling repeats the time, leaves it out, or gives the day the lead left out (within
    the days before publication the lead was given); a span of days over an undated event
    (خلال الأيام الأخيرة) or a date outside that window tells of other events."""
    if later.time_precision != "stated" or earlier.time_from is None or later.time_from is None:
        return True
    if earlier.time_precision != "stated" and later.time_to != later.time_from:
        return False
    return later.time_from <= earlier.time_to and earlier.time_from <= later.time_to


def _same_counts(quantities: Sequence[Quantity], earlier: Event, later: Event) -> bool:
    """Four killed here and three there are two incidents."""
    a = dict(earlier.counts)
    for what, i in later.counts:
        if what in a and _figure(quantities[a[what]]) != _figure(quantities[i]):
            return False
    return True


def _figure(q: Quantity) -> tuple:
    return q.value, q.low, q.high


def _folds(places: Sequence[Place], quantities: Sequence[Quantity], earlier: Told, later: Told) -> bool:
    a, b = earlier.event, later.event
    if a.type != b.type or later.sentence - earlier.sentence > _REACH:
        return False
    if a.modality != b.modality and not (a.modality in _FACTUAL and b.modality in _FACTUAL):
        return False
    if not _same_time(a, b) or not _same_counts(quantities, a, b):
        return False
    if earlier.actors and later.actors and not (earlier.actors & later.actors):
        return False
    casualties = later.casualty_only or earlier.casualty_only
    one_sentence = later.sentence == earlier.sentence and not casualties
    if one_sentence and (a.modality != b.modality or earlier.source != later.source):
        return False
    verbal = a.type in _VERBAL
    if (
        later.own_place
        and not later.casualty_only
        and not verbal
        and not _same_place(places, a.place, b.place)
    ):
        return False
    if not later.casualty_only and not verbal and _other_targets(earlier, later):
        return False
    if later.casualty_only and b.modality == "attempted":  # «محاولة قتل» is no death toll
        return False
    # The attack that caused casualties told first («قتل ثلاثة»، then «ورد الجيش بإطلاق الرصاص»).
    same_mode = a.mode is not None and a.mode == b.mode  # غارات ... ضربة: both air strikes
    repeats = casualties or same_mode or bool(earlier.rows & later.rows) or (verbal and a.mode == b.mode)
    return repeats or a.type in _ANY_MENTION


def _other_targets(earlier: Told, later: Told) -> bool:
    """Both say whom they hit, one names it, and not a word in common: the shelling of بلدة
    كفرنبل is not the shelling of positions near Afrin."""
    a, b = earlier.targets, later.targets
    return bool(a and b and (earlier.named_target or later.named_target) and not (a & b))


def actor_keys(participants: Sequence[Participant], text: str, entities: Sequence[Entity]) -> frozenset[str]:
    """The named actors: canonical ids, else the names of linked persons and organisations.
    Left out: actors told by description (مسلحون، انتحاري), which retellings word differently,
    nationalities (الأمريكية) and places standing for a state (كوريا الشمالية، بيونغيانغ)."""
    named = {e.id for e in entities if e.type in ("PER", "ORG")}
    out = set()
    for p in participants:
        if p.role != "actor":
            continue
        if p.canonical is not None:
            if p.canonical.kind != "nationality":
                out.add(p.canonical.id)
        elif p.entity in named:
            out.add(normalize_text(text[p.start : p.end], ta_marbuta=True))
    return frozenset(out)


def fold(told: list[Told], places: Sequence[Place], quantities: Sequence[Quantity]) -> list[Event]:
    """The events with later retellings folded into the first telling; ids renumbered."""
    kept: list[Told] = []
    for t in told:
        target = next((k for k in reversed(kept) if _folds(places, quantities, k, t)), None)
        if target is None:
            kept.append(t)
            continue
        a, b = target.event, t.event
        target.event = dataclasses.replace(
            a,
            mentions=(*a.mentions, (b.trigger_start, b.trigger_end), *b.mentions),
            place=a.place if a.place is not None else b.place,
            counts=a.counts or b.counts,
            quantity=a.quantity if a.counts else b.quantity,
            participants=a.participants or b.participants,
        )
        target.rows = target.rows | t.rows
        target.targets = target.targets | t.targets
        target.named_target = target.named_target or t.named_target
        target.actors = target.actors | t.actors
        target.casualty_only = target.casualty_only and t.casualty_only
    return [dataclasses.replace(k.event, id=f"v{n}") for n, k in enumerate(kept, start=1)]
