"""Where: the gazetteer and the place-resolution stage."""

from marsad.geo.gazetteer import Gazetteer, load_gazetteer
from marsad.geo.resolve import GeoSettings, resolve_places

__all__ = ["Gazetteer", "GeoSettings", "load_gazetteer", "resolve_places"]
