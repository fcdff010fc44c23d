"""Fixtures shared by every test: the optional shared data folder and hand-built articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import settings

REPO = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path:
    """The shared data sets: ``$MARSAD_SHARED_DATA``, else ``../shared/data`` beside the repo."""
    return settings.shared_data_dir(REPO)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Skips the test, saying why, when the shared data sets are not beside the repository."""
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared data folder {path} is absent (set MARSAD_SHARED_DATA)")
    return path
