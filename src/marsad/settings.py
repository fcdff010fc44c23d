"""Settings, built once at the edge (defaults, environment, flags) and passed down frozen."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.events.stage import EventSettings
from marsad.geo.resolve import GeoSettings
from marsad.quantity.extract import QuantitySettings
from marsad.time.resolve import TimeSettings

LANGUAGES = ("auto", "ar", "en")


@dataclass(frozen=True, slots=True)
class Settings:
    #: Publication date for articles that carry none.
    published: date | None = None
    #: ``auto`` detects each article's language; ``ar`` or ``en`` force it.
    lang: str = "auto"
    #: Raise on a stage's internal error instead of recording it on the article.
    strict: bool = False
    #: The place index; None for the one built in the user cache folder.
    gazetteer: Path | None = None
    geo: GeoSettings = field(default_factory=GeoSettings)
    time: TimeSettings = field(default_factory=TimeSettings)
    quantity: QuantitySettings = field(default_factory=QuantitySettings)
    events: EventSettings = field(default_factory=EventSettings)

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {self.lang!r}")


def shared_data_dir(repo: Path | None = None) -> Path:
    """The evaluation and training data sets: ``$MARSAD_SHARED_DATA``, else ``shared/data``
    beside ``repo`` (by default the working folder, so ``../shared/data``)."""
    if env := os.environ.get("MARSAD_SHARED_DATA"):
        return Path(env)
    return (repo or Path.cwd()).parent / "shared" / "data"
