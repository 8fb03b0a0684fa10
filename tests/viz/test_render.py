"""The page: self-contained, and article text in it can never become markup or script."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import pytest

from kg.viz import Filters, page_html, select_subgraph
from kg.viz.render import clip, iri_link, path_link, script_json, tooltip
from kg.viz.style import RELATIONS

HOSTILE = ["<script>alert('headline')</script>", "<img src=x onerror=alert('label')>",
           "</script><script>alert('quote')</script>", "<svg onload=alert('job')>",
           "<iframe src=javascript:alert('cue')>", "<!-- <script>alert('comment')</script>"]


@pytest.mark.parametrize("value, expected", [
    ("</script><script>alert(1)</script>",
     '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"'),
    ("<!-- x -->", '"\\u003c!-- x --\\u003e"'),
    ("a & b", '"a \\u0026 b"'),
    ("line\u2028separator\u2029", '"line\\u2028separator\\u2029"'),
    ("“quoted” ünïcode", '"“quoted” ünïcode"'),
])
def test_script_json_cannot_close_the_script_element(value, expected):
    encoded = script_json(value)
    assert encoded == expected
    assert json.loads(encoded) == value


@pytest.mark.parametrize("iri, file_link, served_link", [
    ("https://newskg.example.org/id/person/donald-trump",
     "https://newskg.example.org/id/person/donald-trump", "/id/person/donald-trump"),
    ("http://example.org/id/article/a%201", "http://example.org/id/article/a%201",
     "/id/article/a%201"),
    ("javascript:alert(1)", None, None),
    ("data:text/html,<script>alert(1)</script>", None, None),
    ("urn:uuid:1234", None, None),
])
def test_links_only_for_http_iris(iri, file_link, served_link):
    assert (iri_link(iri), path_link(iri)) == (file_link, served_link)


@pytest.mark.parametrize("text, expected", [
    ("short", "short"),
    ("  spread\nover   lines ", "spread over lines"),
    ("x" * 50, "x" * 39 + "…"),
])
def test_clip(text, expected):
    assert clip(text) == expected


def test_tooltip_is_plain_text_lines():
    text = tooltip("“<b>words</b>”", {"text": ["<b>words</b>"], "cue": ["said"],
                                      "article": ["a1"], "outlet": ["CNN"],
                                      "date": ["2018-09-05"]})
    assert text == "“<b>words</b>”\ncue: said\narticle: a1\noutlet: CNN\ndate: 2018-09-05"


@pytest.fixture(scope="module")
def hostile_page(hostile_graph) -> str:
    return page_html(select_subgraph(hostile_graph, Filters(relations=frozenset(RELATIONS))))


def _markup(page: str) -> str:
    """The page without the contents of its script and style elements."""
    return re.sub(r"(<(script|style)[^>]*>).*?(</\2>)", r"\1\3", page, flags=re.DOTALL)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_reaches_the_markup(hostile_page, text):
    assert text not in hostile_page
    for tag in ("<img", "<svg", "<iframe", "<b ", "onerror", "onload", "javascript:"):
        assert tag not in _markup(hostile_page)


def test_hostile_text_survives_as_data(hostile_page):
    block = re.search(r'id="kg-graph-data">(.*?)</script>', hostile_page, re.DOTALL).group(1)
    data = json.loads(block)
    labels = {node["fullLabel"] for node in data["nodes"]}
    assert "<img src=x onerror=alert('label')>" in labels
    assert {node["link"] for node in data["nodes"]} >= {None}  # the javascript: IRI: no link
    assert all(link is None or link.startswith("https://")
               for link in (node["link"] for node in data["nodes"]))


def test_the_file_page_fetches_nothing(hostile_page):
    markup = _markup(hostile_page)
    assert re.findall(r'<(?:script|link|img|iframe)[^>]*(?:src|href)=', markup) == []
    assert "cdn" not in markup.lower().replace("vis-network", "")
    assert "bootstrap" not in markup.lower()


def test_the_file_page_csp_allows_exactly_its_own_scripts_and_styles(hostile_page):
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"',
                                  hostile_page).group(1))
    scripts = re.findall(r"<script>(.*?)</script>\n", hostile_page, re.DOTALL)
    styles = re.findall(r"<style>(.*?)</style>", hostile_page, re.DOTALL)
    assert len(scripts) == 2 and len(styles) == 2
    for text in scripts + styles:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "unsafe" not in csp


def test_the_served_page_links_its_assets(hostile_graph):
    page = page_html(select_subgraph(hostile_graph, Filters(relations=frozenset(RELATIONS))),
                     asset_url=lambda name: f"/graph/assets/{name}", page_url="/graph",
                     link_for=path_link)
    assert re.findall(r'<script src="([^"]+)"', page) == [
        "/graph/assets/vis-network.min.js", "/graph/assets/graph.js"]
    assert "<script>" not in _markup(page)  # no inline script: the header CSP holds
    assert '<form class="kg-filters" method="get" action="/graph">' in page
