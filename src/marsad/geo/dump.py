"""Import full GeoNames dumps into the gazetteer, for village-level coverage.

The user downloads the official files themselves (``allCountries.zip``, a country file such as
``SY.zip``, ``cities1000.zip``, ``alternateNamesV2.zip``, or their unzipped ``.txt``) and runs
``marsad gazetteer import FILE...``. Geoname tables (19 columns) add populated places (feature
class P) and first-level divisions (ADM1); alternate-name tables add Arabic names to places the
gazetteer holds. Files are streamed, so a dump of millions of lines needs little memory.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.geo.build import LATIN_MIN_POPULATION, arabic_names, read_words
from marsad.geo.gazetteer import ADMIN1, CITY, TOWN, Gazetteer, assemble, name_key

CITY_CODES = frozenset(("PPLC", "PPLA"))
SKIP_LANGUAGES = frozenset(("link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc"))


class DumpError(ValueError):
    """A file that is not a GeoNames table; the message names the file and line."""


@dataclass
class ImportReport:
    files: list[str] = field(default_factory=list)
    places_added: int = 0
    places_updated: int = 0
    names_added: int = 0
    skipped_lines: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.files)} file(s): {self.places_added} places added, {self.places_updated} updated, "
            f"{self.names_added} Arabic names added, {self.skipped_lines} lines skipped"
        )


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """The lines of a ``.txt`` file or of the table inside a GeoNames ``.zip``."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not members:
                raise DumpError(f"{path}: no GeoNames .txt table inside the zip")
            with zf.open(members[0]) as raw:
                yield from enumerate(io.TextIOWrapper(raw, encoding="utf-8"), start=1)
    else:
        with path.open(encoding="utf-8") as fh:
            yield from enumerate(fh, start=1)


def _kind(path: Path) -> str:
    """``geonames`` (19 columns) or ``alternates`` (8 or 10 columns), from the first data line."""
    for number, line in _lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.rstrip("\n").split("\t")
        if len(columns) == 19:
            return "geonames"
        if len(columns) in (8, 10):
            return "alternates"
        raise DumpError(
            f"{path}:{number}: {len(columns)} tab-separated columns; expected a GeoNames table "
            "(19 columns, e.g. allCountries.txt) or alternate names (alternateNamesV2.txt)"
        )
    raise DumpError(f"{path}: empty file")


def import_geonames(paths: Sequence[Path | str], gazetteer: Gazetteer) -> tuple[Gazetteer, ImportReport]:
    """A new gazetteer with the places and names of ``paths`` merged in, and what was done."""
    report = ImportReport()
    rows = copy.deepcopy(gazetteer.rows)
    row_of_id = dict(gazetteer.row_of_id)
    never = {name_key(w) for w in read_words("not_places.txt")}
    tables = [(Path(p), _kind(Path(p))) for p in paths]
    for path, kind in sorted(tables, key=lambda t: t[1] != "geonames"):
        report.files.append(str(path))
        if kind == "geonames":
            _import_places(path, rows, row_of_id, never, report)
        else:
            _import_names(path, rows, row_of_id, never, report)
    meta = dict(gazetteer.meta)
    meta["imports"] = [*meta.get("imports", []), report.summary()]
    merged = assemble(rows, nisba=gazetteer.nisba, common=gazetteer.common, meta=meta)
    return merged, report


def _import_places(
    path: Path, rows, row_of_id: dict[int, int], never: set[str], report: ImportReport
) -> None:
    for number, line in _lines(path):
        c = line.rstrip("\n").split("\t")
        if len(c) != 19:
            report.skipped_lines += 1
            continue
        fclass, fcode = c[6], c[7]
        if not (fclass == "P" or (fclass == "A" and fcode == "ADM1")):
            continue
        try:
            gid, lat, lon = int(c[0]), float(c[4]), float(c[5])
            pop = int(c[14] or 0)
        except ValueError as exc:
            raise DumpError(f"{path}:{number}: not a GeoNames row ({exc})") from exc
        arabic = [n for n in arabic_names(c[3].split(",")) if name_key(n) not in never]
        if gid in row_of_id:
            row = row_of_id[gid]
            new = [n for n in arabic if n not in rows.arabic[row]]
            if new:
                rows.arabic[row] = rows.arabic[row] + tuple(new)
                report.places_updated += 1
                report.names_added += len(new)
            continue
        latin = [c[1], c[2]] if pop >= LATIN_MIN_POPULATION else []
        if not arabic and not latin:
            continue
        big = fcode in CITY_CODES or pop >= 100_000
        level = ADMIN1 if fclass == "A" else CITY if big else TOWN
        row_of_id[gid] = rows.add(
            geonameid=gid,
            name=c[1],
            level=level,
            country=c[8],
            lat=lat,
            lon=lon,
            population=pop,
            admin1=c[10],
            arabic=arabic,
            latin=latin,
            radius_km=60.0 if level == ADMIN1 else 0.0,
        )
        report.places_added += 1
        report.names_added += len(arabic)


def _import_names(path: Path, rows, row_of_id: dict[int, int], never: set[str], report: ImportReport) -> None:
    for _, line in _lines(path):
        c = line.rstrip("\n").split("\t")
        if len(c) < 8:
            report.skipped_lines += 1
            continue
        lang, name = c[2], c[3]
        if lang in SKIP_LANGUAGES or c[7] == "1" or not arabic_names([name]) or lang not in ("ar", "ara", ""):
            continue
        try:
            row = row_of_id.get(int(c[1]))
        except ValueError:
            report.skipped_lines += 1
            continue
        if row is None or name in rows.arabic[row] or name_key(name) in never:
            continue
        rows.arabic[row] = (*rows.arabic[row], name)
        report.names_added += 1
