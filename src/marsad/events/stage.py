"""Stage ``events``: who did what to whom, where, when, how many, how sure, according to whom.

Reads the article's tokens and sentences (made here if the article has none) and, when the
earlier stages filled them, its entities, places, times and quantities; without them events
still come out, with fewer links. Steps: find trigger mentions; drop the ones that only refer
to an event told before; give each mention a modality and an attribution frame; merge the
mentions of one stretch of a sentence that report the same event (the killed and injured of
a bombing are claims of the bombing, not events of their own); then attach participants,
place, time and figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from marsad.article import Article, Event, Participant, Sentence, Source
from marsad.events.anchors import (
    PlaceContext,
    PlaceIndex,
    Window,
    choose_counts,
    choose_place,
    choose_time,
    coarse_interval,
    find_dateline,
)
from marsad.events.attribution import Frame, find_frames, frame_for
from marsad.events.coref import Told, actor_keys, fold
from marsad.events.lexicon import EventLexicon, key
from marsad.events.modality import generic, modality
from marsad.events.participants import PLACE_HEADS, find_participants
from marsad.events.phrases import Entities
from marsad.events.text import View, view
from marsad.events.triggers import (
    Mention,
    find_mentions,
    in_slogan,
    is_anaphor,
    is_reference,
    lookup,
)

STAGE = "events"
_LEAVING = frozenset({"displace", "flee", "relocate"})
_DURING = frozenset(key(w) for w in "خلال أثناء إبان وسط إثر اثر جراء".split())


@dataclass(frozen=True, slots=True)
class EventSettings:
    window: Window = field(default_factory=Window)
    #: An article with more events than this keeps the first ones and says so.
    max_events: int = 2000


@dataclass(slots=True)
class _Group:
    mentions: list[Mention]
    modality: str
    frame: Frame | None

    @property
    def primary(self) -> Mention:
        return next((m for m in self.mentions if not m.casualty), self.mentions[0])


def _modality(words: str, frame: Frame | None) -> str:
    """Combine the words' modality with the frame's: a denial negates, an allegation doubts."""
    if frame is None or words in ("hypothetical", "negated", "planned", "attempted"):
        return words
    if frame.kind == "deny":
        return "negated"
    if frame.kind == "claimed" or words == "claimed":
        return "claimed"
    return "reported"


def _groups(v: View, lexicon: EventLexicon, mentions: list[Mention], frames: list[Frame]) -> list[_Group]:
    """Mentions of one stretch with the same type, mode (for MOVE) and modality, merged."""
    by_sentence: dict[int, list[Frame]] = defaultdict(list)
    for f in frames:
        by_sentence[v.sent_of[f.lo] if f.lo < len(v.sent_of) else -1].append(f)
    groups: dict[tuple, _Group] = {}
    for m in mentions:
        frame = frame_for(by_sentence.get(v.sent_of[m.tok], []), m.tok)
        words = modality(v, lexicon, m)
        mod = _modality(words, frame)
        if m.casualty and words == "negated":  # "no one was hurt": not an event of its own
            continue
        if generic(v, lexicon, m):
            continue
        key = (v.stretch(m.tok), m.type, m.mode if m.type == "MOVE" else None, mod)
        group = groups.get(key)
        if group is None:
            groups[key] = _Group([m], mod, frame)
        else:
            group.mentions.append(m)
    # The demands of a protest are its topic, not events of their own (PLOVER, PROTEST); the
    # dead of a road accident or a flood are no attack.
    protests = {v.stretch(g.primary.tok) for g in groups.values() if g.primary.type == "PROTEST"}
    accident = lexicon.sets["ACCIDENT"]
    kept = (
        g
        for g in groups.values()
        if not (g.primary.type == "REQUEST" and _protest_topic(v, lexicon, g.primary, protests))
        and not (all(m.casualty for m in g.mentions) and _near_accident(v, g.primary.tok, accident))
    )
    return sorted(kept, key=lambda g: g.primary.tok)


def _protest_topic(v: View, lexicon: EventLexicon, m: Mention, protests: set) -> bool:
    """A demand made by protesters or on their banners: the protest's topic."""
    lo, hi = v.stretch(m.tok)
    words = lexicon.sets["PROTESTERS"] | lexicon.sets["SLOGAN"]
    return v.stretch(m.tok) in protests or any(v.has(j, words) for j in range(lo, hi))


def _near_accident(v: View, i: int, accident: frozenset[str]) -> bool:
    """Casualties in a sentence about an accident, or just after one, unless their own
    sentence names the fire that killed them (بنيران مقاتلات التحالف، برصاص الجيش)."""
    s = v.sent_of[i]
    lo = v.sent_span[max(0, s - 2)][0]
    first, hi = v.sent_span[s]
    if any(v.full[j] in _FIRE or v.stem[j] in _FIRE for j in range(first, hi)):
        return False
    return any(v.has(j, accident) for j in range(lo, hi))


_FIRE = frozenset(key(w) for w in "برصاص بنيران رصاص نيران بقذيفة بقصف بغارة".split())
_NAMES = frozenset({"ORG", "PER", "LOC", "GPE", "FAC"})


def _in_name(v: View, m: Mention, ents: Entities) -> bool:
    """A trigger word inside a name: «لجنة تفادي التعذيب», «ساحة الشهداء»."""
    tok = v.tokens[m.tok]
    entity = ents.at(tok.start, tok.end)
    return entity is not None and entity.type in _NAMES and entity.start < tok.start


def _trigger_span(v: View, m: Mention) -> tuple[int, int]:
    if m.last == m.tok + 1 and m.form.verb:  # أطلقوا النار
        return v.span(m.tok, m.last)
    return v.span(m.tok, m.tok)


def _names_place(article: Article, places: PlaceIndex, p: Participant) -> bool:
    """A target naming a place: one of the article's places, or a phrase opening with بلدة،
    مدينة، قرية ..."""
    head = article.text[p.start : p.end].split()[:1]
    if head and key(head[0]) in PLACE_HEADS:
        return True
    return any(
        article.places[i].start < p.end and p.start < article.places[i].end
        for i in places.near(p.start, p.end)
    )


def _phrase_words(v: View, m: Mention) -> tuple[tuple[int, int], ...]:
    """The other word of a phrase trigger not next to it (وألقت السلطات باللوم): evidence too."""
    far = [j for j in (m.first, m.last) if j != m.tok and abs(j - m.tok) > 1]
    return tuple(v.span(j, j) for j in far)


_REQUESTED = frozenset({"RETREAT", "ASSAULT", "ACCUSE", "COERCE", "SANCTION", "CONCEDE", "AID"})
_REQUEST_REACH = 3
_CONTENT_REACH = 2


def _requested(v: View, lexicon: EventLexicon, m: Mention, last_request: int) -> bool:
    """The action a demand asks for (طالب بالإفراج عن، دعا إلى فرض عقوبات، طالبها المتظاهرون
    بالاستقالة): its content."""
    if m.form.verb or m.type not in _REQUESTED:
        return False
    if 0 < m.tok - last_request <= _REQUEST_REACH:
        return True
    if v.tokens[m.tok].proclitics[:1] != ("ب",):
        return False
    first = v.clauses[v.clause_of[m.tok]].first
    return any(f.sense.type == "REQUEST" for j in range(first, m.first) for f in lookup(v, j, lexicon))


def _prevented(v: View, m: Mention) -> bool:
    """An action prevented or sought (وتمنع نزوحهم، المهاجرين الساعين للوصول): no event."""
    lo, _ = v.sent_span[v.sent_of[m.tok]]
    return not m.form.verb and any(
        "content" in v.cues[j] for j in range(max(lo, m.first - _CONTENT_REACH), m.first)
    )


def _kept(v: View, lexicon: EventLexicon, mentions: list[Mention], ents: Entities) -> list[Mention]:
    """Mentions that name a new event, not one told before or governed as an object."""
    kept: list[Mention] = []
    last_request = -10
    seen: set[str] = set()
    current: set[str] = set()
    sentence = -1
    for m in mentions:
        s = v.sent_of[m.tok]
        if s != sentence:
            seen |= current
            current, sentence = set(), s
        if m.type == "REQUEST":
            last_request = m.tok
        if (
            _requested(v, lexicon, m, last_request)
            or (v.cues and _prevented(v, m))
            or is_reference(v, m, lexicon, ents.starts)
            or is_anaphor(v, m, seen)
            or in_slogan(v, m, lexicon)
            or _in_name(v, m, ents)
        ):
            continue
        kept.append(m)
        current.add(m.type)
    return kept


def extract_events(
    article: Article, *, lexicon: EventLexicon, settings: EventSettings | None = None
) -> Article:
    """Fills ``events`` (ids v1, v2, ... in text order)."""
    settings = settings or EventSettings()
    v = view(article, lexicon)
    ents = Entities(article.entities)
    mentions = find_mentions(v, lexicon)
    barrier = frozenset(m.tok for m in mentions)
    mentions = _kept(v, lexicon, mentions, ents)
    frames = find_frames(v, lexicon, ents, barrier)
    groups = _groups(v, lexicon, mentions, frames)
    if len(groups) > settings.max_events:
        article = article.with_error(
            "too-many-events", STAGE, f"{len(groups)} events found, the first {settings.max_events} kept"
        )
        groups = groups[: settings.max_events]
    dateline = find_dateline(article)
    places = PlaceIndex.build(article.places, dateline[1])
    everyone: dict[int, list[int]] = defaultdict(list)  # event words by sentence
    for tok in sorted(m.tok for g in groups for m in g.mentions):
        everyone[v.sent_of[tok]].append(tok)
    told = [
        _event(f"v{n}", v, article, lexicon, ents, group, barrier, dateline, places, everyone, settings)
        for n, group in enumerate(groups, start=1)
    ]
    return article.with_layers(events=tuple(fold(told, article.places, article.quantities)))


def _event(
    id_: str,
    v: View,
    article: Article,
    lexicon: EventLexicon,
    ents: Entities,
    group: _Group,
    barrier: frozenset[int],
    dateline: tuple[int | None, int],
    places: PlaceIndex,
    everyone: dict[int, list[int]],
    settings: EventSettings,
) -> Told:
    m = group.primary
    others = [o for o in group.mentions if o is not m]
    sense = m.sense
    info = lexicon.types[m.type]
    retyped = m.type != sense.type
    frame = group.frame
    speaker = (frame.start, frame.end) if frame else None
    participants = find_participants(v, lexicon, ents, m, others, barrier, speaker, article.places, places)
    # Where people fled to is not where the flight happened (where they arrived is), and the
    # actor's country (قصفت الطائرات الروسية) is not the place of the attack.
    away = frozenset(
        i
        for part in participants
        if part.role == "actor" or (part.role == "destination" and m.mode in _LEAVING)
        for i in places.near(part.start, part.end)
        if article.places[i].start < part.end and part.start < article.places[i].end
    )
    own = frozenset(o.tok for o in group.mentions)
    sentence = everyone.get(v.sent_of[m.tok], [])
    # An event named as the circumstance of another (قتل ... خلال الاحتجاجات) shares its place.
    rivals = [t for t in sentence if t in own or t == 0 or v.bare(t - 1) not in _DURING]
    scope = (frame.lo, frame.hi) if frame else None
    context = PlaceContext(away, own, rivals, scope, *dateline, index=places)
    place, own_place = choose_place(v, article.places, m, context)
    time = choose_time(v, article, m, own, sentence)
    if time is not None:
        interval, precision = (article.times[time].from_, article.times[time].to), "stated"
    else:
        interval = coarse_interval(article.published, group.modality, settings.window)
        precision = "coarse" if interval else None
    counts = choose_counts(v, article.quantities, m, others, [(p.start, p.end) for p in participants])
    start, end = _trigger_span(v, m)
    s = v.sentences[v.sent_of[m.tok]]
    event = Event(
        id=id_,
        type=m.type,
        trigger_start=start,
        trigger_end=end,
        sentence=Sentence(s.start, s.end),
        modality=group.modality,
        mode=m.mode,
        cameo=info.cameo if retyped else sense.cameo or info.cameo,
        acled="Riots" if m.mode == "riot" else info.acled if retyped else sense.acled or info.acled,
        participants=participants,
        place=place,
        time=time,
        quantity=counts[0][1] if counts else None,
        source=Source(frame.start, frame.end, frame.entity) if frame else None,
        mentions=tuple(_trigger_span(v, o) for o in others) + _phrase_words(v, m),
        time_from=interval[0] if interval else None,
        time_to=interval[1] if interval else None,
        time_precision=precision,
        counts=tuple(counts),
    )
    rows = frozenset(o.sense.row for o in group.mentions)
    casualty_only = all(o.casualty for o in group.mentions)
    hit = [p for p in participants if p.role == "target"]
    targets = frozenset(w for p in hit for w in article.text[p.start : p.end].split() if len(w) > 2)
    # Targets set two attacks apart only when one of them is named (a town, a person, a group):
    # described ones (مواقع، صفوف المتمردين) are worded anew by each retelling.
    named = any(p.entity is not None or _names_place(article, places, p) for p in hit)
    source = (frame.start, frame.end) if frame else None
    actors = actor_keys(participants, article.text, article.entities)
    return Told(event, v.sent_of[m.tok], rows, casualty_only, own_place, targets, actors, source, named)
