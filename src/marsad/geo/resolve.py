"""The ``resolve_places`` stage: place names in an article → GeoNames places with a level.

For every name the gazetteer knows, the candidates are scored on their kind and population,
on the article's country focus (country names, country adjectives, unambiguous towns), on
nearness to the other places of the article and on the words around the name (محافظة، مدينة،
ريف، شمال ...). A name that is also an ordinary word (الباب، الطبقة) needs such context to
count. Relative phrases ("شمال مدينة إدلب", "ريف حلب الشمالي") become ``relative`` places with
a point offset from the anchor, never the anchor itself; and no pin is finer than the text. A
relative phrase that only locates the town named just before it (كفرنبل جنوب إدلب) is a mention
of its anchor, so the town, not a point south of Idlib, is the most precise place there.
"""

from __future__ import annotations

import dataclasses
import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.article import Article, Entity, Place, Relation
from marsad.geo.context import BEARING, NISBA_HEADS, WORDS, Context, analyse, latin_direction
from marsad.geo.gazetteer import ARAB, MENA, Candidate, Gazetteer, approx_km, haversine_km, offset_point
from marsad.geo.matcher import Adjective, Mention, Shadow, find_arabic, find_latin

STAGE = "geo"
LEVEL_PRIOR = {"country": 4.0, "region": 3.0, "admin1": 1.5, "city": 1.0, "town": 0.0}
NISBA_DIRECTIONS = {"الشمال": "N", "الجنوب": "S", "الشرق": "E", "الغرب": "W"}
LOCATIVE = frozenset("في من الي نحو باتجاه داخل قرب".split())
# What may stand between a town and the phrase that locates it: كفرنبل جنوب إدلب / في ريف إدلب
# (not a comma: حلب، ريف حماة الشمالي is a list).
LOCATING_GAPS = frozenset(("", "في"))
PLACE_TYPES = frozenset(("LOC", "GPE", "FAC"))


@dataclass(frozen=True)
class GeoSettings:
    """Knobs of the stage; the defaults are the evaluated configuration."""

    latin: bool = True  # also match Latin-script names (English text)
    town_min_population: int = 20_000  # a lone small-town name needs context below this
    foreign_town_min_population: int = 50_000  # the same outside the Arab countries
    max_anchor_places: int = 60  # nearness is measured to at most this many places
    rif_km: float = 25.0  # ريف X الشمالي: how far from X the point goes
    city_km: float = 15.0
    town_km: float = 8.0
    admin1_km: float = 40.0


@dataclass
class Item:
    mention: Mention
    ctx: Context
    candidates: list[Candidate]
    common: bool
    entity: Entity | None = None
    chosen: Candidate | None = None
    place: Place | None = field(default=None)


def resolve_places(article: Article, *, gazetteer: Gazetteer, settings: GeoSettings | None = None) -> Article:
    """Fill ``article.places``; a failure becomes a diagnostic, never an exception."""
    settings = settings or GeoSettings()
    try:
        places, entities = _resolve(article, gazetteer, settings)
    except (ValueError, IndexError, KeyError, TypeError, OverflowError) as exc:
        return article.with_error(
            "geo-failed", STAGE, f"place resolution failed: {type(exc).__name__}: {exc}"
        )
    return article.with_layers(places=places, entities=entities)


def _resolve(article: Article, g: Gazetteer, s: GeoSettings) -> tuple[tuple[Place, ...], tuple[Entity, ...]]:
    text = article.text or ""
    if not text.strip():
        return (), article.entities
    shadow = Shadow.of(text, g.folding)
    mentions, adjectives = find_arabic(shadow, g)
    items = _items(mentions, shadow, g)
    if s.latin:
        for m in find_latin(text, g):
            d, start = latin_direction(text, m.start)
            ctx = Context(direction=d, start=start, end=m.end) if d else Context()
            items.append(_item(m, ctx, g))
    _attach_entities(items, article.entities, shadow)
    items = [it for it in items if it.candidates]

    votes: dict[str, int] = {}
    for adjective in adjectives:
        votes[adjective.country] = votes.get(adjective.country, 0) + 1
    for it in items:
        if it.common:
            continue
        first = it.candidates[0]
        cc = first.country
        if len(it.candidates) == 1:
            votes[cc] = votes.get(cc, 0) + (3 if first.level == "country" else 1)
        elif all(c.country == cc for c in it.candidates):
            weight = 3 if any(c.level == "country" for c in it.candidates) else 1
            votes[cc] = votes.get(cc, 0) + weight
    top = max(votes.values(), default=0)
    focus = {cc: v / top for cc, v in votes.items()} if top else {}

    # Two passes: the confident names first, then everything measured against them.
    anchors: dict[tuple[float, float], int] = {}  # point → how many confident names stand there
    own: list[tuple[float, float] | None] = []
    for it in items:
        if it.common or it.ctx.person:
            own.append(None)  # never an anchor: chosen with the others in the second pass
            continue
        best, _ = _best(it, focus, ())
        it.chosen = best
        point = None
        anchor = best is not None and best.level in ("city", "town", "admin1") and _confident(it, best)
        if anchor and (len(anchors) < s.max_anchor_places or (best.lat, best.lon) in anchors):
            point = (best.lat, best.lon)
            anchors[point] = anchors.get(point, 0) + 1
        own.append(point)
    points = list(anchors)
    for n, it in enumerate(items):
        if it.chosen is None or (anchors and len(it.candidates) > 1):
            mine = own[n]
            others = [p for p in points if p != mine] if mine and anchors[mine] == 1 else points
            it.chosen, _ = _best(it, focus, others)
    settled = list(
        dict.fromkeys(
            (it.mention.key, o.lat, o.lon)
            for it in items
            if (o := it.chosen) is not None and o.level not in ("country", "region") and _confident(it, o)
        )
    )
    for n, it in enumerate(items):
        if it.chosen and _accept(it, it.chosen, items, n, shadow, focus, s, settled):
            it.place = _place(it, it.chosen, g, shadow, s)
    _locate_towns(items, shadow, g)

    places = [it.place for it in items if it.place is not None]
    if adjectives:
        taken = [(it.mention.start, it.mention.end) for it in items if it.place and not it.mention.latin]
        places += _nisba_places(shadow, g, adjectives, taken)
    places.sort(key=lambda p: (p.start, -p.end))
    places = _without_overlaps(places)
    return tuple(places), _upgraded(article.entities, places)


def _items(mentions: list[Mention], shadow: Shadow, g: Gazetteer) -> list[Item]:
    """The mentions with their contexts; a name listed after a plural qualifier inherits it."""
    items: list[Item] = []
    previous: Context | None = None
    for m in mentions:
        inherited = None
        if previous is not None and previous.plural:
            gap = shadow.gap(m.first_word - 1, m.first_word).strip()
            listed = m.prefix.startswith("و") or gap in ("،", ",")
            if previous.last_word == m.first_word - 1 and listed:
                inherited = previous
            elif previous.last_word == m.first_word - 2 and shadow.word(m.first_word - 1).startswith("و"):
                inherited = previous  # الريفين الشمالي لحمص والجنوبي لحماة
        ctx = analyse(m, shadow, inherited)
        items.append(_item(m, ctx, g))
        previous = ctx
    return items


def _item(m: Mention, ctx: Context, g: Gazetteer) -> Item:
    if m.prefix and len(m.key) <= 2:
        return Item(m, ctx, [], common=True)  # باب is a door, not ب + اب (Ibb)
    choices = g.choices(m.key, m.rows, latin=m.latin, prefixed=bool(m.prefix), admin=ctx.qualifier == "admin")
    return Item(m, ctx, list(choices), common=m.key in g.common or len(m.key) <= 2)


def _locate_towns(items: list[Item], shadow: Shadow, g: Gazetteer) -> None:
    """«كفرنبل جنوب إدلب»، «إعزاز شمالي حلب»: the relative phrase locates the town before it,
    so it is a mention of its anchor (the province for a countryside), not a point of its own."""
    for n in range(1, len(items)):
        it, town = items[n], items[n - 1]
        p, t = it.place, town.place
        if p is None or t is None or p.level != "relative" or t.level not in ("city", "town"):
            continue
        if it.mention.latin or town.mention.latin or it.ctx.start is None:
            continue
        first = shadow.word_at(it.ctx.start)
        between = shadow.text[town.mention.end : shadow.starts[first]].strip()
        if between not in LOCATING_GAPS and not (between == "" and shadow.word(first).startswith("ب")):
            continue
        c = it.chosen
        if c is None:
            continue
        if it.ctx.qualifier == "rif" and c.level in ("city", "town"):
            row = g.admin1_row.get((c.country, g.rows.admin1[c.row]))
            c = g.candidates[row] if row is not None else c
        start, end = shadow.original(it.mention.start, it.mention.end)
        it.place = Place(
            start, end, c.name, c.level, c.geonameid or None, c.country or None, c.lat, c.lon, p.entity
        )


def _span(it: Item, shadow: Shadow) -> tuple[int, int]:
    if it.mention.latin:
        return it.mention.start, it.mention.end
    return shadow.original(it.mention.start, it.mention.end)


def _attach_entities(items: list[Item], entities: tuple[Entity, ...], shadow: Shadow) -> None:
    if not entities:
        return
    ordered = sorted(entities, key=lambda e: e.start)
    starts = [e.start for e in ordered]
    for it in items:
        start, end = _span(it, shadow)
        k = max(0, bisect_right(starts, start) - 1)
        while k < len(ordered) and ordered[k].start < end:
            if start < ordered[k].end:
                it.entity = ordered[k]
                break
            k += 1
        if it.entity and it.entity.type == "PER":
            it.candidates = [c for c in it.candidates if c.level == "country"]


def _score(c: Candidate, ctx: Context, focus: dict[str, float], near: Sequence[tuple[float, float]]) -> float:
    score = LEVEL_PRIOR[c.level] + 0.5 * c.size
    if c.level != "town" or c.country in ARAB:
        score += 2.5 * focus.get(c.country, 0.0)
    score += 1.0 if c.country in MENA else 0.0
    q = ctx.qualifier
    if q == "admin":
        score += 4.0 if c.level == "admin1" else -2.0
    elif q == "settlement":
        score += 2.0 if c.level in ("city", "town") else -3.0
    elif q == "rif":
        score += 1.0 if c.level in ("city", "town") else -1.0
    elif c.level == "admin1":
        score -= 1.5  # a bare name shared by a division and its seat is the seat
    if near and c.level not in ("country", "region"):
        # Equirectangular, in degrees of latitude: close enough at these distances, and cheap.
        shrink = math.cos(math.radians(c.lat))
        d2 = min(((lon - c.lon) * shrink) ** 2 + (lat - c.lat) ** 2 for lat, lon in near)
        d = 111.195 * math.sqrt(d2)
        score += 2.5 if d < 50 else 1.5 if d < 150 else 0.5 if d < 400 else 0.0
    return score


def _best(
    it: Item, focus: dict[str, float], near: Sequence[tuple[float, float]]
) -> tuple[Candidate | None, float]:
    if len(it.candidates) == 1:
        return it.candidates[0], 0.0
    best, best_score = None, -math.inf
    for c in it.candidates:
        score = _score(c, it.ctx, focus, near)
        if score > best_score:
            best, best_score = c, score
    return best, best_score


def _confident(it: Item, c: Candidate) -> bool:
    if it.common or it.ctx.person:
        return False
    return c.level == "city" or " " in it.mention.key or it.ctx.qualifier in ("settlement", "admin")


def _near(c: Candidate, key: str, settled: list[tuple[str, float, float]], km: float) -> bool:
    """Another confidently placed name of the article (not this name again) lies within ``km``."""
    return any(k != key and approx_km(c.lat, c.lon, lat, lon) < km for k, lat, lon in settled)


def _listed(it: Item, c: Candidate, items: list[Item], n: int, shadow: Shadow) -> bool:
    """Named in a list with another place of the article (حلب والباب، الرقة، الطبقة)."""
    m = it.mention
    if m.latin:
        return False
    before = shadow.gap(m.first_word - 1, m.first_word).strip() in ("،", ",") or m.prefix.startswith("و")
    after_word = shadow.word(m.last_word + 1)
    after = shadow.gap(m.last_word, m.last_word + 1).strip() in ("،", ",") or after_word.startswith("و")
    for k in (n - 1, n + 1):
        partner = items[k] if 0 <= k < len(items) else None
        settled = partner is not None and (
            partner.place is not None
            if k < n
            else partner.chosen is not None and _confident(partner, partner.chosen)
        )
        if settled and haversine_km(c.lat, c.lon, partner.chosen.lat, partner.chosen.lon) < 300:
            first, last = _phrase_words(items[k], shadow)  # ريف حماة الشمالي، الباب
            if (k == n - 1 and before and last >= m.first_word - 1) or (
                k == n + 1 and after and first <= m.last_word + 1
            ):
                return True
    return False


def _phrase_words(it: Item, shadow: Shadow) -> tuple[int, int]:
    """The first and last word of a mention with its qualifier or direction words."""
    first = shadow.word_at(it.ctx.start) if it.ctx.start is not None else it.mention.first_word
    return min(first, it.mention.first_word), max(it.ctx.last_word, it.mention.last_word)


def _accept(
    it: Item,
    c: Candidate,
    items: list[Item],
    n: int,
    shadow: Shadow,
    focus: dict[str, float],
    s: GeoSettings,
    settled: list[tuple[str, float, float]],
) -> bool:
    ctx = it.ctx
    if ctx.not_place:
        return False
    entity = it.entity is not None and it.entity.type in PLACE_TYPES
    cued = bool(ctx.qualifier or ctx.direction or entity)
    if ctx.person and not cued:
        return c.level == "country"
    if it.common and c.level not in ("country", "region"):
        if (cued and ctx.qualifier != "near") or _listed(it, c, items, n, shadow):
            return True
        m = it.mention
        following = shadow.stem(m.last_word + 1)
        if following in ("شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "ريف"):
            return True
        locative = m.prefix.endswith("ب") or shadow.word(m.first_word - 1) in LOCATIVE
        return locative and _near(c, it.mention.key, settled, 60.0)
    if c.level in ("country", "region", "admin1", "city"):
        return True
    if c.country not in ARAB:
        if ctx.qualifier == "admin":
            return False  # ولاية مونتانا: a state the gazetteer lacks, not a town that shares its name
        big = c.population >= s.foreign_town_min_population
        return cued or big or _near(c, it.mention.key, settled, 150.0)
    if cued or " " in it.mention.key or c.population >= s.town_min_population:
        return True
    return focus.get(c.country, 0.0) >= 0.3 or _near(c, it.mention.key, settled, 150.0)


def _place(it: Item, c: Candidate, g: Gazetteer, shadow: Shadow, s: GeoSettings) -> Place:
    ctx = it.ctx
    entity = it.entity.id if it.entity is not None else None
    start, end = _span(it, shadow)
    if ctx.start is not None and ctx.end is not None and (ctx.direction or ctx.qualifier == "rif"):
        if it.mention.latin:
            start, end = ctx.start, ctx.end
        else:
            start, end = shadow.original(ctx.start, ctx.end)
    gid = c.geonameid or None
    if ctx.direction and gid is not None:
        km = ctx.distance_km or _offset_km(c, ctx, s)
        lat, lon = offset_point(c.lat, c.lon, BEARING[ctx.direction], km)
        relation = Relation(ctx.direction, gid, ctx.distance_km)
        name = f"{WORDS[ctx.direction]} of {c.name}"
        return Place(start, end, name, "relative", None, c.country or None, lat, lon, entity, relation)
    if ctx.qualifier == "rif" and c.level in ("city", "town"):
        row = g.admin1_row.get((c.country, g.rows.admin1[c.row]))
        if row is not None:
            a = g.candidates[row]
            return Place(start, end, a.name, "admin1", a.geonameid, a.country, a.lat, a.lon, entity)
    return Place(start, end, c.name, c.level, gid, c.country or None, c.lat, c.lon, entity)


def _offset_km(c: Candidate, ctx: Context, s: GeoSettings) -> float:
    if ctx.qualifier == "rif":
        return s.rif_km
    if c.level in ("country", "region"):
        return max(50.0, 0.5 * (c.radius_km or 300.0))
    return {"admin1": s.admin1_km, "city": s.city_km}.get(c.level, s.town_km)


def _nisba_places(
    shadow: Shadow, g: Gazetteer, adjectives: list[Adjective], taken: list[tuple[int, int]]
) -> list[Place]:
    """الأراضي السورية → Syria; العاصمة العراقية → Baghdad; الشمال السوري → north of Syria."""
    out = []
    chain_head = None
    chain_word = -2
    for adjective in adjectives:
        i, cc = adjective.word, adjective.country
        if not adjective.whole or i < 1:
            continue
        head = shadow.stem(i - 1)
        joined = shadow.gap(i - 1, i).strip() == ""
        if joined and head in NISBA_HEADS:
            first = i - 1
            chain_head = head
        elif joined and chain_head == "الحدود" and chain_word == i - 1:
            first, head = i, "الحدود"
        else:
            chain_head = None
            continue
        chain_word = i
        s0 = shadow.starts[first] + len(shadow.word(first)) - len(shadow.stem(first))
        s1 = shadow.end(i)
        if any(a < s1 and s0 < b for a, b in taken) or cc not in g.country_row:
            continue
        start, end = shadow.original(s0, s1)
        country = g.candidates[g.country_row[cc]]
        following = shadow.starts[i + 1] if i + 1 < len(shadow.starts) else -1
        if head == "العاصمه" and any(a == following for a, _ in taken):
            continue  # العاصمة الليبية طرابلس: the name that follows is the place
        if head == "العاصمه" and cc in g.capital_row:
            cap = g.candidates[g.capital_row[cc]]
            out.append(Place(start, end, cap.name, cap.level, cap.geonameid, cc, cap.lat, cap.lon))
        elif head in NISBA_DIRECTIONS:
            d = NISBA_DIRECTIONS[head]
            lat, lon = offset_point(country.lat, country.lon, BEARING[d], max(50.0, 0.5 * country.radius_km))
            relation = Relation(d, country.geonameid)
            name = f"{WORDS[d]} of {country.name}"
            out.append(Place(start, end, name, "relative", None, cc, lat, lon, None, relation))
        else:
            out.append(
                Place(start, end, country.name, "country", country.geonameid, cc, country.lat, country.lon)
            )
    return out


def _without_overlaps(places: list[Place]) -> list[Place]:
    out: list[Place] = []
    for p in places:
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    return out


def _upgraded(entities: tuple[Entity, ...], places: list[Place]) -> tuple[Entity, ...]:
    """LOC entities that resolved to a country, division or settlement become GPE."""
    gpe = {p.entity for p in places if p.entity and p.level in ("country", "admin1", "city", "town")}
    if not gpe:
        return entities
    return tuple(
        dataclasses.replace(e, type="GPE") if e.id in gpe and e.type == "LOC" else e for e in entities
    )


__all__ = ["GeoSettings", "resolve_places"]
