"""Marsad: Arabic and English news into structured, geocoded, source-attributed event data."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("marsad")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


def __getattr__(name: str):
    """``marsad.open(db)``: the stored events as a pandas frame, for notebooks.

    Imported on first use so that ``import marsad`` stays light.
    """
    if name == "open":
        from marsad.store.frame import open as open_events

        return open_events
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
