"""Settings, built once at the edge (defaults, environment, flags) and passed down frozen."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

LANGUAGES = ("auto", "ar", "en")


@dataclass(frozen=True, slots=True)
class Settings:
    #: Publication date for articles that carry none.
    published: date | None = None
    #: ``auto`` detects each article's language; ``ar`` or ``en`` force it.
    lang: str = "auto"
    #: Raise on a stage's internal error instead of recording it on the article.
    strict: bool = False
    #: Where built indexes (gazetteer) are cached.
    cache_dir: Path = field(default_factory=lambda: default_cache_dir())

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {self.lang!r}")


def default_cache_dir() -> Path:
    """``$MARSAD_CACHE``, else the user cache folder."""
    if env := os.environ.get("MARSAD_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "marsad"
