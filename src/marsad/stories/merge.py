"""Reports of one real event, from any number of outlets, become one merged event.

Two reports may be the same event when they have the same type and the same kind of
modality (something that happened, by whoever's account, is never merged with a denial or a
plan), their times overlap, their places are compatible and their named actors do not
conflict. Reports from articles of different stories must also each state a time no coarser
than :data:`COARSE_DAYS` and a place finer than a country, and name a participant in common:
two outlets' "clashes in Syria this week" are not known to be one event, nor are two
unrelated shootings in one city on one day. Within one story (articles that report the same
news) a missing time or place does not keep reports apart, and only a stated difference
does: two towns or two countries apart, or known (canonical) actors that differ; actors
described in words, a province beside a town, are not enough. A cluster only takes a report
compatible with every member already in it (complete linkage), so a chain of near misses
never merges two far-apart events.

The result depends only on the set of reports: they are sorted into one canonical order
before clustering, so any input order gives the same events, ids included.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from marsad.geo.gazetteer import haversine_km
from marsad.nlp.normalize import normalize_text
from marsad.stories.reports import FACTUAL, Actor, Claim, MergedEvent, PlaceRef, Report

#: Precision of a place: a mention may only join one of the same or the next rank.
LEVEL_RANK = {"country": 0, "admin1": 1, "region": 1, "city": 2, "relative": 2, "town": 3}
#: How far (km) a place of this level may lie from its point and still be the same place.
RADIUS_KM = {"town": 10.0, "city": 25.0, "relative": 40.0, "admin1": 150.0, "region": 150.0}
#: Two places of one level with different ids this close are one place the gazetteer lists twice.
TWIN_KM = 3.0
#: Intervals this long or longer are coarse ("this year"); they never join a precise one
#: outside one story.
COARSE_DAYS = 31
#: An event without a stated time happened at most this long before its publication.
UNDATED_DAYS = 2
#: Slack for times (days): "yesterday" in one time zone is "today" in another.
SLACK = 1
_WORD_RE = re.compile(r"[^\W\d_]+")


def _modality_group(modality: str) -> str:
    return "factual" if modality in FACTUAL else modality


Interval = tuple[int, int]  # first and last day, as proleptic ordinals (no overflow at the ends)


def report_days(r: Report) -> Interval | None:
    """The days a report's event may have happened on: its stated interval, else the days
    just before its publication."""
    if r.date_from is not None and r.date_to is not None:
        return r.date_from.toordinal(), r.date_to.toordinal()
    if r.published is not None:
        day = r.published.toordinal()
        return day - UNDATED_DAYS, day
    return None


def places_compatible(a: PlaceRef, b: PlaceRef) -> bool:
    """Same place, or one inside the other at a neighbouring precision, or close enough for
    the precision both state. A country is only ever the same as the same country."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    ra, rb = LEVEL_RANK.get(a.level, 2), LEVEL_RANK.get(b.level, 2)
    if abs(ra - rb) > 1 or (ra == 0) != (rb == 0):
        return False
    if ra == 0:
        if a.country and b.country:
            return a.country == b.country
        return normalize_text(a.name) == normalize_text(b.name)
    areas = ra <= 1 or rb <= 1
    if areas and a.country and b.country and a.country != b.country:
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return normalize_text(a.name) == normalize_text(b.name)
    reach = RADIUS_KM.get(a.level, 25.0) + RADIUS_KM.get(b.level, 25.0)
    if areas:  # a point inside an area: the area's own radius is the bound
        reach = max(RADIUS_KM.get(a.level, 25.0), RADIUS_KM.get(b.level, 25.0))
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= reach  # type: ignore[arg-type]


def _coarse(interval: Interval) -> bool:
    return interval[1] - interval[0] + 1 >= COARSE_DAYS


def times_compatible(a: Interval, b: Interval, *, same_story: bool) -> bool:
    """Intervals (as day ordinals) that overlap, give or take a day, at a similar precision."""
    if a[0] > b[1] + SLACK or b[0] > a[1] + SLACK:
        return False
    return same_story or _coarse(a) == _coarse(b)


def _canonical_ids(r: Report, role: str) -> set[str]:
    return {a.canonical_id for a in r.actors if a.role == role and a.canonical_id}


def stem(word: str) -> str:
    """A crude stem, enough to match "الإسرائيلي" with "إسرائيلية" and "مسلحين" with "مسلحون"."""
    for prefix in ("وال", "بال", "لل", "ال", "و"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for suffix in ("يين", "ين", "ون", "ات", "يه", "ه", "ي"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _actor_words(r: Report, roles: tuple[str, ...] = ("actor",)) -> set[str]:
    return {
        stem(w)
        for a in r.actors
        if a.role in roles
        for w in _WORD_RE.findall(normalize_text(a.text, ta_marbuta=True))
        if len(w) >= 3
    }


def _participant_words(r: Report) -> set[str]:
    return _actor_words(r, ("actor", "target"))


def actors_compatible(a: Report, b: Report) -> bool:
    """Named actors (and targets) on both sides must share one; actors known only by their
    description must share a word ("مقاتلات إسرائيلية" and "الطيران الإسرائيلي" do,
    "مسلحون" and "الجيش" do not)."""
    for role in ("actor", "target"):
        ids_a, ids_b = _canonical_ids(a, role), _canonical_ids(b, role)
        if ids_a and ids_b and not ids_a & ids_b:
            return False
    if _canonical_ids(a, "actor") and _canonical_ids(b, "actor"):
        return True
    words_a, words_b = _actor_words(a), _actor_words(b)
    return not (words_a and words_b and not words_a & words_b)


@dataclass(slots=True)
class _Candidate:
    report: Report
    interval: Interval | None
    story: str
    precise: bool = False


def _precise_enough(c: _Candidate) -> bool:
    """Whether a report says enough to be matched with one from another story."""
    r = c.report
    if not r.time_stated or c.interval is None or _coarse(c.interval):
        return False
    return r.place is not None and LEVEL_RANK.get(r.place.level, 2) > 0


def actors_shared(a: Report, b: Report) -> bool:
    """Whether two reports name a participant in common (canonical, or by a word)."""
    ids_a = {x.canonical_id for x in a.actors if x.canonical_id}
    if ids_a & {x.canonical_id for x in b.actors if x.canonical_id}:
        return True
    return bool(_participant_words(a) & _participant_words(b))


def _ids_conflict(a: Report, b: Report) -> bool:
    for role in ("actor", "target"):
        ids_a, ids_b = _canonical_ids(a, role), _canonical_ids(b, role)
        if ids_a and ids_b and not ids_a & ids_b:
            return True
    return False


def _places_apart(a: PlaceRef, b: PlaceRef) -> bool:
    """Whether two places of one story still name different events' places: two points
    (towns, cities, places relative to one) or two countries that are not compatible. A
    province or region beside a point is a place of the story stated loosely, not another.
    Two towns (or two cities) the story names apart are apart however near: one article's
    strikes on Kafranbel and its shelling of Khan Shaykhun are two events."""
    if a.level == b.level in ("town", "city") and None not in (a.geonameid, b.geonameid, a.lat, b.lat):
        return a.geonameid != b.geonameid and haversine_km(a.lat, a.lon, b.lat, b.lon) > TWIN_KM  # type: ignore[arg-type]
    if places_compatible(a, b):
        return False
    ra, rb = LEVEL_RANK.get(a.level, 2), LEVEL_RANK.get(b.level, 2)
    return (ra >= 2 and rb >= 2) or (ra == 0 and rb == 0)


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    same_story = a.story == b.story
    if not same_story and not (a.precise and b.precise and actors_shared(a.report, b.report)):
        return False
    if (
        a.interval is not None
        and b.interval is not None
        and not times_compatible(a.interval, b.interval, same_story=same_story)
    ):
        return False
    pa, pb = a.report.place, b.report.place
    if same_story:
        # The story already says the articles report one piece of news; participants as
        # extracted (a target read as the actor, a description cut short) are too noisy to
        # split it, so only a stated difference does: known actors that differ, places apart.
        if pa is not None and pb is not None and _places_apart(pa, pb):
            return False
        return not _ids_conflict(a.report, b.report)
    if pa is not None and pb is not None and not places_compatible(pa, pb):
        return False
    return actors_compatible(a.report, b.report)


def _closeness(a: _Candidate, b: _Candidate) -> float:
    """How alike two compatible reports are, to choose between clusters that would take one."""
    score = 1.0 if a.story == b.story else 0.0
    pa, pb = a.report.place, b.report.place
    if pa and pb:
        if pa.geonameid is not None and pa.geonameid == pb.geonameid:
            score += 1.0
        elif None not in (pa.lat, pa.lon, pb.lat, pb.lon):
            score += 1.0 / (1.0 + haversine_km(pa.lat, pa.lon, pb.lat, pb.lon))  # type: ignore[arg-type]
    if a.interval and b.interval and a.interval == b.interval:
        score += 0.5
    return score


@dataclass(slots=True)
class _Cluster:
    members: list[_Candidate] = field(default_factory=list)
    last_day: int = 0


def _order(r: Report) -> tuple:
    return (r.published or date.min, r.article, r.index)


def _sweep_key(c: _Candidate) -> tuple:
    return (c.interval[0] if c.interval else 0, *_order(c.report))


def cluster_reports(
    reports: Iterable[Report], stories: Mapping[str, str] | None = None
) -> list[list[Report]]:
    """Groups of reports of one event each, in canonical order (see the module's doc)."""
    stories = stories or {}
    unique = {r.key: r for r in reports}
    blocks: dict[tuple[str, str], list[_Candidate]] = {}
    for r in unique.values():
        cand = _Candidate(r, report_days(r), stories.get(r.article, r.article))
        cand.precise = _precise_enough(cand)
        blocks.setdefault((r.type, _modality_group(r.modality)), []).append(cand)
    groups: list[list[Report]] = []
    for block_key in sorted(blocks):
        groups.extend(_cluster_block(sorted(blocks[block_key], key=_sweep_key)))
    groups.sort(key=lambda g: _order(g[0]))
    return groups


def _cluster_block(cands: list[_Candidate]) -> list[list[Report]]:
    open_: list[_Cluster] = []
    done: list[_Cluster] = []
    for cand in cands:
        if cand.interval is not None:
            # Reports come by start day, so a cluster that ended before this one starts
            # can never take a later report either, except one from the same story.
            start = cand.interval[0] - SLACK
            still = []
            for cl in open_:
                (still if cl.last_day >= start else done).append(cl)
            open_ = still
        best, best_score = None, -1.0
        for cl in open_:
            if all(_compatible(cand, m) for m in cl.members):
                score = max(_closeness(cand, m) for m in cl.members)
                if score > best_score:
                    best, best_score = cl, score
        if best is None:
            best = _Cluster()
            open_.append(best)
        best.members.append(cand)
        if cand.interval is not None:
            best.last_day = max(best.last_day, cand.interval[1])
        else:
            best.last_day = date.max.toordinal() + SLACK
    return [[m.report for m in cl.members] for cl in (*done, *open_)]


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in counts if counts[v] == top)  # first seen among the most common


def _actor_key(a: Actor) -> tuple[str, str]:
    return (a.role, a.canonical_id or normalize_text(a.text))


def _claim_key(c: Claim) -> tuple:
    return (c.what, c.value, c.low, c.high, c.approximate, c.currency, c.source)


def event_id(first: Report) -> str:
    """Stable while the earliest report stays the earliest."""
    digest = hashlib.blake2b(f"{first.article}\x1f{first.index}".encode(), digest_size=10)
    return "ev-" + digest.hexdigest()


def merge_group(group: list[Report], story: str | None = None) -> MergedEvent:
    """One event from the reports of it (in canonical order, as ``cluster_reports`` gives)."""
    first = group[0]
    modalities = {r.modality for r in group}
    if _modality_group(first.modality) == "factual":
        modality = next(m for m in FACTUAL if m in modalities)
    else:
        modality = first.modality
    timed = [r for r in group if r.date_from is not None and r.date_to is not None]
    timed = [r for r in timed if r.time_stated] or timed
    date_from = date_to = None
    if timed:
        best = min(timed, key=lambda r: ((r.date_to - r.date_from).days, r.date_from))  # type: ignore[operator]
        date_from, date_to = best.date_from, best.date_to
    placed = [r.place for r in group if r.place is not None]
    place = None
    if placed:
        ids = Counter(p.geonameid for p in placed if p.geonameid is not None)
        place = max(
            placed,
            key=lambda p: (LEVEL_RANK.get(p.level, 2), ids.get(p.geonameid, 0) if p.geonameid else 0),
        )
    actors: dict[tuple[str, str], Actor] = {}
    for r in group:
        for a in r.actors:
            actors.setdefault(_actor_key(a), a)
    claims: dict[tuple, Claim] = {}
    for r in group:
        for c in r.claims:
            claims.setdefault(_claim_key(c), c)
    return MergedEvent(
        id=event_id(first),
        type=first.type,
        modality=modality,
        mode=_most_common(r.mode for r in group),
        cameo=_most_common(r.cameo for r in group),
        acled=_most_common(r.acled for r in group),
        date_from=date_from,
        date_to=date_to,
        place=place,
        actors=tuple(actors.values()),
        reports=tuple(group),
        claims=tuple(claims.values()),
        story=story,
    )


def merge_reports(reports: Iterable[Report], stories: Mapping[str, str] | None = None) -> list[MergedEvent]:
    """Every report in exactly one merged event; ``stories`` maps article id to story id."""
    stories = stories or {}
    return [merge_group(g, stories.get(g[0].article)) for g in cluster_reports(reports, stories)]
