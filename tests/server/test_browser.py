"""The query page in headless Chromium: pick a named query, run it, see the table, follow
an IRI to its page, with no script error and nothing blocked by the CSP."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: apt-get install chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


def test_query_page_end_to_end(browser, live_server):
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: (problems.append("dialog"), dialog.dismiss()))
    page.goto(live_server + "/query")
    page.select_option("#name", "most-quoted-people")
    assert "SELECT" in page.input_value("#query")
    assert page.locator("#description").text_content().strip()
    page.click("#run")
    page.wait_for_selector("table.results tbody tr")
    assert "name=most-quoted-people" in page.url and "query=" in page.url
    link = page.locator("table.results tbody a[href^='/id/']").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{target}")
    assert page.locator("h1").text_content().strip()
    assert problems == []


def test_hostile_article_page_runs_nothing(browser, live_server):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server + "/id/article/hostile")
    assert "<script>" in page.locator("h1").text_content()  # shown as text
    assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0
    assert dialogs == []
