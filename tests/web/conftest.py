"""A live server over the hand-made store, and Debian's chromium driven by Playwright.

The browser is the system's (``/usr/bin/chromium``, installed by ``make system-deps``), never
one Playwright downloads. Without it the tests skip, saying why; on CI (``CI=true``) they
fail instead, so a missing browser cannot pass unnoticed.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from marsad.api.app import create_app
from tests.api.corpus import build_store

CHROMIUM = Path(os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium"))
# Headless, and kept off the network: no updates, sync, QUIC or background fetches.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run; `make system-deps` installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)) and not shutil.which(str(CHROMIUM)):
        _unavailable(f"no chromium at {CHROMIUM} (Debian package chromium; `make system-deps`)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The page and API on 127.0.0.1, served by uvicorn in a thread for the whole session."""
    db = build_store(tmp_path_factory.mktemp("web") / "marsad.duckdb")
    port = _free_port()
    config = uvicorn.Config(create_app(db=db, token=None), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


class Watched:
    """A page with what went wrong on it: console errors, uncaught errors, dialogs, requests
    that left the server."""

    def __init__(self, page, origin: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def dialog(d) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.on("request", lambda r: r.url.startswith(origin) or self.foreign.append(r.url))

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready]", timeout=20_000)

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path


@pytest.fixture
def page(browser, server: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ar")
    watched = Watched(context.new_page(), server)
    yield watched
    context.close()
