"""The analyst's page in a real browser: map, filters, timeline brushing, evidence, articles."""

from __future__ import annotations

import time

from tests.api.corpus import XSS
from tests.web.conftest import Watched

# How far the text's first character lies from the right and the left edge of its box.
FIRST_CHARACTER_GAPS = """t => {
  const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, 1);
  const ch = range.getBoundingClientRect();
  const box = t.getBoundingClientRect();
  return [box.right - ch.right, ch.left - box.left];
}"""


def event_types(page: Watched) -> list[str]:
    return page.page.eval_on_selector_all(".event-item", "items => items.map(i => i.dataset.type)")


def until(page: Watched, script: str, timeout: float = 15.0) -> None:
    """Polls ``script`` until it is true. Playwright's wait_for_function evaluates a string,
    which the page's CSP (no unsafe-eval) rightly forbids; evaluate() is not subject to it."""
    deadline = time.monotonic() + timeout
    while not page.page.evaluate(script):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {script}")
        page.page.wait_for_timeout(50)


def wait_for_count(page: Watched, n: int) -> None:
    until(page, f"document.querySelectorAll('.event-item').length === {n}")


def test_page_loads_offline_with_map_list_and_timeline(page: Watched, server: str) -> None:
    page.open(f"{server}/?lang=ar")
    p = page.page
    assert p.evaluate("document.documentElement.dir") == "rtl"
    assert p.text_content("#filters label span") == "النوع"
    wait_for_count(page, 5)
    until(page, "document.querySelectorAll('.leaflet-overlay-pane path').length > 200")  # countries
    until(page, "document.querySelectorAll('.marker-dot').length >= 1")  # clustered, coloured by type
    assert p.locator("#timeline-svg rect.bar").count() > 1
    page.shot("page")
    assert page.errors == [], page.errors  # CSP violations and script errors land here
    assert page.foreign == [], f"requests left the server: {page.foreign}"


def test_filter_by_type(page: Watched, server: str) -> None:
    page.open(server)
    wait_for_count(page, 5)
    page.page.select_option("#filter-type", "PROTEST")
    wait_for_count(page, 2)
    assert event_types(page) == ["PROTEST", "PROTEST"]
    page.page.select_option("#filter-type", "")
    wait_for_count(page, 5)


def test_brushing_the_timeline_filters_map_and_list(page: Watched, server: str) -> None:
    page.open(server)
    wait_for_count(page, 5)
    p = page.page
    box = p.locator("#timeline-svg").bounding_box()
    # Azaz (June 2018) and the protests (July 2018) are at the left of an axis running to
    # May 2019 (Hama): a stroke over its first fifth keeps them and drops Hama.
    y = box["y"] + box["height"] / 2
    p.mouse.move(box["x"] + 2, y)
    p.mouse.down()
    p.mouse.move(box["x"] + box["width"] * 0.1, y, steps=5)
    p.mouse.move(box["x"] + box["width"] * 0.2, y, steps=5)
    p.mouse.up()
    p.wait_for_selector("#chip-range")
    wait_for_count(page, 4)
    assert "MOVE" not in event_types(page)
    assert p.locator("#timeline-svg rect.bar.outside").count() >= 1
    page.shot("brushed")
    p.click("#chip-range")
    wait_for_count(page, 5)


def test_event_panel_highlights_the_evidence(page: Watched, server: str) -> None:
    page.open(f"{server}/?lang=ar")
    wait_for_count(page, 5)
    p = page.page
    p.click(".event-item[data-type='ASSAULT']")
    p.wait_for_selector("#event-panel")
    assert p.locator("#event-panel .report").count() == 2
    assert p.locator("#event-panel table.claims tbody tr").count() == 2
    first = p.locator("#event-panel .report").first
    marked = {
        kind: first.locator(f"blockquote mark.hl-{kind}").all_text_contents()
        for kind in ("trigger", "target", "place", "time", "figure", "source")
    }
    assert marked["trigger"] == ["انفجار"]
    assert marked["place"] == ["إعزاز"]
    assert marked["time"] == ["أمس الأحد"]
    assert marked["source"] == ["مصادر طبية"]
    assert "".join(marked["figure"]).startswith("خمسة")
    background = first.locator("mark.hl-trigger").evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    page.shot("event")


def test_arabic_article_is_laid_out_right_to_left(page: Watched, server: str) -> None:
    page.open(f"{server}/?lang=en")  # an English interface, so the article's own direction counts
    p = page.page
    assert p.evaluate("document.documentElement.dir") == "ltr"
    p.click(".event-item[data-type='ASSAULT']")
    p.click("#event-panel .open-article >> nth=0")
    p.wait_for_selector("#article-text")
    text = p.locator("#article-text")
    assert text.evaluate("t => getComputedStyle(t).direction") == "rtl"
    assert text.get_attribute("lang") == "ar"
    # Laid out from the right: the first word ends at the box's right edge, not its left.
    right_gap, left_gap = text.evaluate(FIRST_CHARACTER_GAPS)
    assert right_gap < 20 < left_gap
    place = text.locator("mark.hl-place").first
    assert place.text_content() == "إعزاز"
    assert place.evaluate("m => getComputedStyle(m).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )
    page.shot("article-ar")


def test_markup_in_an_article_is_shown_as_text(page: Watched, server: str) -> None:
    page.open(f"{server}/?article=xss")
    p = page.page
    p.wait_for_selector("#article-view[data-id='xss']")
    assert p.text_content("#article-text") == XSS
    assert p.text_content("#article-title") == XSS
    assert p.locator("#article-view img").count() == 0
    p.wait_for_timeout(300)  # an onerror handler would have fired by now
    assert page.dialogs == []
    page.shot("article-markup")


def test_unsafe_links_are_not_made_clickable(page: Watched, server: str) -> None:
    page.open(server)
    p = page.page
    p.click(".event-item[data-type='MOVE']")
    p.wait_for_selector("#event-panel")
    hrefs = p.eval_on_selector_all("#event-panel a", "links => links.map(a => a.getAttribute('href'))")
    assert not any(h and h.lower().startswith("javascript:") for h in hrefs)


def test_interface_switches_language(page: Watched, server: str) -> None:
    page.open(f"{server}/?lang=ar")
    p = page.page
    p.click("#lang")
    until(page, "document.documentElement.dir === 'ltr'")
    assert p.text_content("#filters label span") == "Type"
    until(page, "document.querySelector('#event-count').textContent === '5 events'")


def test_api_docs_render_offline_under_the_csp(page: Watched, server: str) -> None:
    page.page.goto(f"{server}/docs")
    page.page.wait_for_selector(".opblock", timeout=20_000)
    assert page.page.locator(".opblock").count() >= 10
    assert page.errors == [], page.errors
    assert page.foreign == [], page.foreign
