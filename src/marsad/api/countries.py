"""Country names for the page's filter, in English (ISO 3166) and Arabic (Marsad's table)."""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

from marsad.geo.build import read_table


@dataclass(frozen=True, slots=True)
class CountryName:
    en: str
    ar: str | None


def load_country_names() -> dict[str, CountryName]:
    arabic = {row[0]: row[1].split("|")[0] for row in read_table("countries.tsv") if len(row) > 1 and row[1]}
    names = {}
    for country in pycountry.countries:
        en = getattr(country, "common_name", None) or country.name
        names[country.alpha_2] = CountryName(en, arabic.get(country.alpha_2))
    return names
