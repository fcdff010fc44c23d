"""Reading stored articles back several at a time, as one at a time gives them."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.store import articles as stored
from marsad.store.articles import load_article, load_articles
from marsad.store.connection import reading
from tests.store.conftest import store_articles
from tests.stories.factory import ALEPPO, GAZA, article

IDS = [f"a{i:02d}" for i in range(12)]
ARTICLES = {
    i: article(
        i,
        where=(ALEPPO, GAZA)[n % 2],
        killed=n + 1,
        published=date(2018, 4, 1 + n),
        extra=f"وقالت مصادر محلية إن {n + 2} مدنيين أصيبوا." if n % 3 else "",
    )
    for n, i in enumerate(IDS)
}


@pytest.fixture
def conn(db):
    store_articles(db, ARTICLES.values())
    with reading(db) as c:
        yield c


@pytest.mark.parametrize("how_many", [1, stored.FEW_ARTICLES, len(IDS)])
def test_several_read_at_once_are_each_as_read_alone(conn, how_many: int) -> None:
    wanted = IDS[:how_many]
    together = load_articles(conn, [*reversed(wanted), wanted[0]])  # order and repeats do not matter
    assert set(together) == set(wanted)
    for i in wanted:
        assert ARTICLES[i].events and ARTICLES[i].places and not ARTICLES[i].tokens
        assert together[i] == ARTICLES[i]
        assert load_article(conn, i) == ARTICLES[i]


def test_missing_articles_are_left_out(conn) -> None:
    assert set(load_articles(conn, ["a00", "missing", "a05"])) == {"a00", "a05"}
    assert load_articles(conn, []) == {}
    assert load_article(conn, "missing") is None
