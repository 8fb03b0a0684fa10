"""The journalist's pages in headless Chromium over a small dev build: headings are names
and headlines, Trump's page is short and every quote on it says where and when, the graph
opens on `said` edges, the query page pages its rows, and nothing on a page errs or is
blocked."""

from __future__ import annotations

import re

import pytest

from tests.pages.conftest import BIDI, NO_HEADER
from tests.viz.conftest import ID, logged_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TRUMP = ID + "person/donald-trump"
NYT_ARTICLE = ID + "article/nyt_2016-09-30_keep-the-returns-trump-just-give"
NYT = ID + "outlet/the-new-york-times"
PAGE_SIZE = 20

ARTICLES = """SELECT ?article ?headline ?id ?date ?outlet WHERE {
  ?article a nif:Context ; dcterms:identifier ?id .
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?date }
  OPTIONAL { ?article schema:publisher/rdfs:label ?outlet } }"""
TRUMP_OCCURRENCES = f"""SELECT (COUNT(DISTINCT ?span) AS ?n) WHERE {{
  <{TRUMP}> nkg:said/gaf:denotedBy ?span }}"""
A_TRUMP_QUOTE = f"""SELECT ?quote ?text WHERE {{ <{TRUMP}> nkg:said ?quote .
  ?quote schema:text ?text }} ORDER BY ?quote LIMIT 1"""


def path(iri: str) -> str:
    return "/id/" + iri.removeprefix(ID)


@pytest.fixture
def open_page(browser, site):
    """open_page(path) -> (page, log), at 1280×900 like a journalist's laptop."""
    contexts = []

    def opener(where: str, ready: str = "main"):
        page, log = logged_page(browser, contexts)
        page.goto(site + where)
        page.wait_for_selector(ready, state="attached", timeout=30_000)
        return page, log

    yield opener
    for context in contexts:
        context.close()


def heading(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def test_headings_are_names_and_headlines(open_page, dev_select):
    articles = {row["article"]: row for row in dev_select(ARTICLES)}
    quote = dev_select(A_TRUMP_QUOTE)[0]
    expected = {
        path(TRUMP): "Donald Trump",
        path(NYT): "The New York Times",
        path(NYT_ARTICLE): articles[NYT_ARTICLE]["headline"],
        path(ID + "article/" + NO_HEADER): (articles[ID + "article/" + NO_HEADER]["headline"]
                                             or NO_HEADER),
        path(quote["quote"]): f"“{quote['text']}”",
    }
    for where, text in expected.items():
        page, log = open_page(where)
        shown = heading(page)
        assert shown == text, where
        slug = where.rstrip("/").rsplit("/", 1)[-1]
        if where != path(ID + "article/" + NO_HEADER):  # an article without headline: its id
            assert slug not in shown and not re.fullmatch(r"[0-9a-f]{16}", shown), where
        assert shown.strip("“”")[:40] in page.title(), where
        log.assert_clean()


def test_trump_first_page_is_short_and_says_where_and_when(open_page, dev_select):
    articles = {path(row["article"]): row for row in dev_select(ARTICLES)}
    total = int(dev_select(TRUMP_OCCURRENCES)[0]["n"])
    page, log = open_page(path(TRUMP))
    assert page.evaluate("document.documentElement.scrollHeight") < 6000
    assert page.locator(".occurrence").count() == min(PAGE_SIZE, total)
    assert f"of {total} occurrences" in page.locator(".showing").inner_text()
    groups = page.locator(".article-group")
    assert groups.count() >= 2
    for i in range(groups.count()):
        group = groups.nth(i)
        link = group.locator(".article a")
        row = articles[link.get_attribute("href")]
        assert link.inner_text() == (row["headline"] or row["id"])
        outlet, date = group.locator(".outlet"), group.locator(".date")
        assert (outlet.inner_text() if outlet.count() else None) == row["outlet"]
        assert (date.inner_text() if date.count() else None) == row["date"]
        assert group.locator(".occurrence mark").count() >= 1  # the quote in its sentence
    log.assert_clean()


def test_trump_quotes_page_on_and_show_all(open_page, dev_select):
    total = int(dev_select(TRUMP_OCCURRENCES)[0]["n"])
    assert total > PAGE_SIZE
    page, log = open_page(path(TRUMP))
    page.click("a[rel=next]")
    page.wait_for_url("**page=2**")
    assert f"Showing {PAGE_SIZE + 1}–{min(2 * PAGE_SIZE, total)} of {total}" in \
        page.locator(".showing").inner_text()
    page.click("a.show-all")
    page.wait_for_url("**all=1**")
    assert page.locator(".occurrence").count() == total
    page.select_option("select[name=min_confidence]", "0.9")
    page.click("form.inline button")
    page.wait_for_url("**min_confidence=0.9**")
    shown = [float(c) for c in page.locator(".occurrence .confidence").all_inner_texts()]
    assert shown and min(shown) >= 0.9
    log.assert_clean()


def test_article_page_marks_quotes_with_their_speakers(open_page, dev_select):
    page, log = open_page(path(NYT_ARTICLE))
    marks = page.locator(".article-text mark.quote")
    assert marks.count() >= 3
    for i in range(marks.count()):
        assert marks.nth(i).locator(".speaker").count() == 1
    assert page.locator(f".article-text a.speaker[href='{path(TRUMP)}']").count() >= 1
    assert page.locator(f".article-text a.mention[href='{path(TRUMP)}']").count() >= 1
    assert page.locator(f".summary .outlet a[href='{path(NYT)}']").count() == 1
    assert page.locator("#quotes-by-speaker h3").count() >= 2
    log.assert_clean()


def test_outlet_page_shares_add_up(open_page, dev_select):
    published = dev_select(f"SELECT (COUNT(?a) AS ?n) WHERE {{ <{NYT}> nkg:published ?a . "
                           "?a a nif:Context }")
    page, log = open_page(path(NYT))
    assert page.locator("#published li").count() == int(published[0]["n"])
    for table in ("#official-share", "#gender-share"):
        cells = page.locator(f"{table} td:last-child").all_inner_texts()
        assert abs(sum(float(c.split()[0]) for c in cells) - 100) < 0.5, table
    assert page.locator("#most-quoted li").count() >= 1
    log.assert_clean()


def test_home_leads_to_people_outlets_and_articles(open_page):
    page, log = open_page("/")
    assert page.locator("#most-quoted li a").first.inner_text() == "Donald Trump"
    assert "The New York Times" in page.locator("#outlets").inner_text()
    assert page.locator("#latest li").count() >= 5
    page.fill(".big-search input", "trump")
    page.click(".big-search button")
    page.wait_for_url("**/search?q=trump")
    assert page.locator(f"a[href='{path(TRUMP)}']").count() >= 1
    log.assert_clean()


def test_graph_opens_on_said_edges(open_page):
    page, log = open_page("/graph", ready="body[data-stabilised=true]")
    relations = set(page.evaluate("network.body.data.edges.get().map(e => e.relation)"))
    assert "said" in relations and "mentions" not in relations
    assert TRUMP in page.evaluate("network.body.data.nodes.getIds()")
    ticked = page.evaluate("[...document.querySelectorAll('input[name=relations]:checked')]"
                           ".map(box => box.value)")
    assert sorted(ticked) == ["published", "reacted to", "said"]
    log.assert_clean()


def test_query_page_pages_rows_and_shows_the_speaker_once(open_page, dev_select):
    total = len(dev_select("SELECT ?o WHERE { ?s nkg:said ?q . ?q gaf:denotedBy ?o ; "
                           "a ?k FILTER(?k IN (nkg:DirectQuote, nkg:IndirectQuote)) "
                           "?s rdfs:label ?n }"))
    page, log = open_page("/query")
    page.select_option("#name", "who-said-what")
    page.click("#run")
    page.wait_for_selector("table.results tbody tr")
    assert int(page.locator("#row-count").inner_text()) == total
    headers = page.locator("table.results th").all_inner_texts()
    assert headers.count("speaker") == 1 and "speakerName" not in headers
    assert page.locator("table.results tbody tr").count() == min(100, total)
    first = page.locator("table.results tbody tr").first.locator("td").first.locator("a")
    assert first.get_attribute("href").startswith("/id/") and "-" not in first.inner_text()[:1]
    assert page.locator("a", has_text="CSV").count() == 1
    log.assert_clean()


def test_bidi_controls_from_the_text_cannot_reorder_the_page(open_page):
    page, log = open_page(path(ID + "article/" + BIDI))
    assert "\u202e" not in page.title()
    assert page.locator("h1 > bdi").count() == 1
    assert "\u202e" not in page.locator(".article-text").inner_text()
    log.assert_clean()
