"""Graphs for the viz tests, and a headless Chromium that records what a page does."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from rdflib import Dataset

from kg.store import REFRESH_DEFAULT_GRAPH, open_store

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ID = "https://newskg.example.org/id/"


def load(name: str) -> Dataset:
    dataset = open_store()
    dataset.parse(HERE / "data" / name, format="trig")
    dataset.update(REFRESH_DEFAULT_GRAPH)  # the parsed graphs bypassed the store's writes
    return dataset


@pytest.fixture(scope="session")
def small_graph() -> Dataset:
    """tests/viz/data/small.trig: eleven nodes, every relation, two dated articles."""
    return load("small.trig")


@pytest.fixture(scope="session")
def hostile_graph() -> Dataset:
    """tests/viz/data/hostile.trig: labels, quotes and IRIs that try to run script."""
    return load("hostile.trig")


@dataclass
class PageLog:
    """Everything a page did that a test may want to fail on."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def off_machine(self) -> list[str]:
        def local(url: str) -> bool:
            parts = urlsplit(url)
            return parts.scheme in ("file", "data", "about") or (
                parts.scheme in ("http", "https")
                and parts.hostname in ("127.0.0.1", "localhost", "::1"))

        return [url for url in self.requests if not local(url)]

    def assert_clean(self) -> None:
        assert self.off_machine() == []
        assert self.dialogs == []
        assert self.errors == []
        assert self.csp_violations == []


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium: apt-get install chromium chromium-driver")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def logged_page(browser, contexts: list, width: int = 1280, height: int = 900):
    """A new page in its own context (kept in ``contexts`` to close), with a PageLog of its
    requests, errors, CSP violations and dialogs (dismissed)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    contexts.append(context)
    page = context.new_page()
    log = PageLog()
    page.on("request", lambda request: log.requests.append(request.url))
    page.on("pageerror", lambda error: log.errors.append(str(error)))
    page.on("console", lambda message: "Content Security Policy" in message.text
            and log.csp_violations.append(message.text))
    page.on("dialog", lambda dialog: (log.dialogs.append(dialog.message), dialog.dismiss()))
    return page, log


@pytest.fixture
def open_graph(browser):
    """open_graph(url) -> (page, log): the page once its layout has stabilised."""
    contexts = []

    def opener(url: str):
        page, log = logged_page(browser, contexts, height=800)
        page.goto(url)
        # A DOM wait, not wait_for_function: the page's CSP rightly forbids eval.
        page.wait_for_selector("body[data-stabilised=true]", state="attached", timeout=30_000)
        return page, log

    yield opener
    for context in contexts:
        context.close()


def click_node(page, node_id: str, double: bool = False) -> None:
    """Click where vis-network drew the node."""
    point = page.evaluate(
        "id => network.canvasToDOM(network.getPositions([id])[id])", node_id)
    box = page.locator("#kg-network").bounding_box()
    x, y = box["x"] + point["x"], box["y"] + point["y"]
    if double:
        page.mouse.dblclick(x, y)
    else:
        page.mouse.click(x, y)


@pytest.fixture(scope="module")
def serve():
    """serve(app) -> base URL: the app under waitress on a free loopback port."""
    from waitress.server import create_server

    servers = []

    def start(app) -> str:
        server = create_server(app, host="127.0.0.1", port=0, threads=2)
        servers.append(server)
        threading.Thread(target=server.run, daemon=True).start()
        return f"http://127.0.0.1:{server.effective_port}"

    yield start
    for server in servers:
        server.close()
