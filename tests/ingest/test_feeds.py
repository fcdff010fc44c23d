from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest.feeds import read_feed_list, read_feeds
from marsad.ingest.records import RawDocument, ReadFailure
from tests.store.feedserver import serving


@pytest.fixture(scope="module")
def server():
    with serving() as base:
        yield base


def test_a_feed_gives_each_item_as_an_extracted_article(server):
    got = list(read_feeds([f"{server}/feed.xml"], timeout=5))
    docs = [d for d in got if isinstance(d, RawDocument)]
    assert [d.url for d in docs] == [f"{server}/news/1.html", f"{server}/news/2.html"]
    assert "إعزاز" in docs[0].text and "جميع الحقوق" not in docs[0].text
    assert docs[0].published == "Mon, 04 Jun 2018 10:00:00 GMT"
    (missing,) = [d for d in got if isinstance(d, ReadFailure)]
    assert missing.origin.endswith("/news/missing.html") and "HTTP 404" in missing.reason


def test_items_already_stored_are_not_fetched(server):
    skipped = []
    got = list(
        read_feeds([f"{server}/feed.xml"], timeout=5, skip=lambda u: "/news/" in u, on_skip=skipped.append)
    )
    assert got == [] and len(skipped) == 3


def test_an_html_error_page_instead_of_a_feed_is_named(server):
    (fail,) = read_feeds([f"{server}/broken-feed"], timeout=5)
    assert fail.reason == "feed: HTTP 503 Service Unavailable"
    (fail,) = read_feeds([f"{server}/html-feed"], timeout=5)
    assert "not an RSS or Atom feed" in fail.reason and "text/html" in fail.reason


def test_a_feed_that_never_answers_times_out(server):
    (fail,) = read_feeds([f"{server}/slow-feed"], timeout=0.5)
    assert fail.reason == "feed: no answer within 0.5 s"


def test_only_web_urls_are_fetched():
    (fail,) = read_feeds(["file:///etc/passwd"])
    assert "only http and https" in fail.reason


def test_a_feed_list_skips_comments_and_blank_lines(tmp_path: Path):
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# outlets\nhttps://a.example/rss\n\n  https://b.example/atom  # weekly\n", encoding="utf-8"
    )
    assert read_feed_list(path) == ["https://a.example/rss", "https://b.example/atom"]
