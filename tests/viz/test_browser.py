"""The pages in headless Chromium: they draw the graph, fetch nothing from off the machine,
raise no error or dialog, show details on click and keep hostile article text inert."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.cli import main
from kg.viz import Filters, select_subgraph, write_page
from tests.viz.conftest import HERE, ID, click_node

pytestmark = [pytest.mark.browser, pytest.mark.slow]
DATA = HERE.parent.parent / "data"
INERT = "document.querySelectorAll('img, svg, iframe, b, a[href^=\"javascript\"]').length"


def drawn_nodes(page) -> set[str]:
    return set(page.evaluate("network.body.data.nodes.getIds()"))


def assert_details_on_click(page, node_id: str, heading: str) -> None:
    click_node(page, node_id)
    assert page.evaluate("kgGraph.selected") == node_id
    assert page.locator("#kg-details h2").text_content() == heading


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, nlp) -> Path:
    store = tmp_path_factory.mktemp("sample-store")
    kg.build([DATA], store=store).close()  # release the store's lock for the others
    return store


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory, sample_store) -> Path:
    """The file written by `kg viz --store DIR -o graph.html`."""
    out = tmp_path_factory.mktemp("viz") / "graph.html"
    assert main(["viz", "--store", str(sample_store), "-o", str(out)]) == 0
    return out


def test_kg_viz_file_draws_the_sample_graph(open_graph, sample_page, sample_graph):
    page, log = open_graph(sample_page.as_uri())
    expected = select_subgraph(sample_graph, Filters()).graph
    assert drawn_nodes(page) == set(expected.nodes)
    assert ID + "person/donald-trump" in drawn_nodes(page)
    assert_details_on_click(page, ID + "person/donald-trump", "Donald Trump")
    link = page.locator("#kg-details a.kg-entity-link")
    assert link.get_attribute("href") == ID + "person/donald-trump"
    assert page.locator("#kg-legend li").count() == 11
    log.assert_clean()
    assert {url.split(":", 1)[0] for url in log.requests} == {"file"}


def test_double_click_refocuses_the_file(open_graph, sample_page):
    page, log = open_graph(sample_page.as_uri())
    click_node(page, ID + "person/donald-trump", double=True)
    hidden = page.evaluate("network.body.data.nodes.get({filter: n => n.hidden}).length")
    assert 0 < hidden < len(drawn_nodes(page))
    assert page.locator("#kg-show-all").is_visible()
    log.assert_clean()


def test_hostile_graph_stays_text_in_the_file(open_graph, hostile_graph, tmp_path):
    path = tmp_path / "hostile.html"
    write_page(hostile_graph, path)
    page, log = open_graph(path.as_uri())
    node = ID + "person/img-onerror"
    assert_details_on_click(page, node, "<img src=x onerror=alert('label')>")
    details = page.locator("#kg-details").text_content()
    assert "<svg onload=alert('job')>" in details
    assert "<!-- <script>alert('comment')</script>" in details
    quote = ID + "quote/evil"
    click_node(page, quote)
    heading = page.locator("#kg-details h2").text_content()
    assert "</script><script>alert('quote')</script>" in heading
    page.mouse.move(0, 0)
    point = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", quote)
    box = page.locator("#kg-network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert "<iframe src=javascript:alert('cue')>" in tooltip.inner_text()
    assert page.evaluate(INERT) == 0
    assert page.evaluate("document.scripts.length") == 3  # the data block and our two
    log.assert_clean()


@pytest.fixture(scope="module")
def sample_server(serve, sample_store):
    from server import create_app

    app = create_app({"STORE": str(sample_store), "WORKERS": 1})
    return serve(app)


def test_served_graph_page(open_graph, sample_server, sample_graph):
    page, log = open_graph(f"{sample_server}/graph")
    expected = select_subgraph(sample_graph, Filters()).graph
    assert drawn_nodes(page) == set(expected.nodes)
    assert_details_on_click(page, ID + "person/donald-trump", "Donald Trump")
    link = page.locator("#kg-details a.kg-entity-link")
    assert link.get_attribute("href") == "/id/person/donald-trump"
    log.assert_clean()
    assert all(url.startswith(sample_server) for url in log.requests)


def test_served_page_takes_filters_and_refocuses(open_graph, sample_server):
    page, log = open_graph(f"{sample_server}/graph?types=person,quote&limit=5")
    nodes = page.evaluate("network.body.data.nodes.get()")
    assert 0 < len(nodes) <= 5
    assert {node["kind"] for node in nodes} <= {"person", "quote"}
    assert page.locator("#kg-notice").text_content().startswith("Showing the")
    person = next(node["id"] for node in nodes if node["kind"] == "person")
    with page.expect_navigation():
        click_node(page, person, double=True)
    assert "focus=" in page.url and "limit=5" in page.url
    page.wait_for_selector("body[data-stabilised=true]", state="attached")
    assert person in drawn_nodes(page)
    assert page.locator("input[name=focus]").input_value() == person
    log.assert_clean()


def test_served_page_reports_a_bad_filter(open_graph, sample_server):
    page, log = open_graph(f"{sample_server}/graph?types=<script>alert(1)</script>")
    assert "unknown type '<script>alert(1)</script>'" in page.locator(".kg-error").text_content()
    assert page.evaluate(INERT) == 0
    log.assert_clean()


def test_hostile_article_stays_inert_when_served(open_graph, serve, nlp):
    from server import create_app

    dataset = kg.build([HERE / "data" / "hostile_article.txt"])
    url = serve(create_app({"DATASET": dataset, "WORKERS": 1}))
    page, log = open_graph(f"{url}/graph")
    headline = '<script>alert("headline")</script> White House <img src=x onerror=alert("title")>'
    article = ID + "article/hostile_article"
    assert_details_on_click(page, article, headline)
    assert "javascript:alert(document.cookie)" in page.locator("#kg-details").text_content()
    assert page.evaluate(INERT) == 0
    log.assert_clean()


@pytest.mark.parametrize("article", [HERE / "data" / "hostile_article.txt",
                                     HERE.parent / "data" / "hostile" / "hostile.txt"])
def test_hostile_articles_stay_inert_in_the_file(open_graph, tmp_path, nlp, article):
    if not article.exists():
        pytest.skip(f"{article} is not there")
    path = tmp_path / "hostile.html"
    subgraph = write_page(kg.build([article]), path)
    page, log = open_graph(path.as_uri())
    assert drawn_nodes(page) == set(subgraph.graph.nodes)
    for node in subgraph.graph:  # every details panel (a node drawn on top may take the click)
        click_node(page, node)
        selected = page.evaluate("kgGraph.selected")
        heading = page.locator("#kg-details h2").text_content()
        assert heading == subgraph.graph.nodes[selected]["label"]
    assert page.evaluate(INERT) == 0
    assert page.evaluate("document.scripts.length") == 3
    log.assert_clean()
