"""One gazetteer for the whole geo test session, built into a temporary folder."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article
from marsad.geo.build import build_gazetteer
from marsad.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return build_gazetteer()


def article(text: str, **fields) -> Article:
    return Article(id="t", text=text, origin="test", published=date(2018, 6, 4), **fields)
