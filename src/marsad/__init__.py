"""Marsad: Arabic and English news into structured, geocoded, source-attributed event data."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("marsad")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
