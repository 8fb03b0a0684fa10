"""`/graph` on the real app (test client) and `kg viz` on the command line."""

from __future__ import annotations

import pytest

from kg.cli import main
from kg.viz.render import ASSETS
from tests.viz.conftest import HERE


@pytest.fixture(scope="module")
def client(small_graph):
    from server import create_app

    return create_app({"DATASET": small_graph, "WORKERS": 1}).test_client()


@pytest.mark.parametrize("query, status, contains", [
    ("", 200, b'<form class="kg-filters" method="get" action="/graph">'),
    ("?focus=Donald+Trump&depth=2", 200, b'value="Donald Trump"'),
    ("?types=person,quote&limit=1", 200, b"Showing the 1 most connected of 2 nodes"),
    ("?since=2030-01-01", 200, b"Nothing in the graph matches these filters."),
    ("?types=%3Cscript%3E", 400, b"unknown type &#39;&lt;script&gt;&#39;"),
    ("?focus=Nobody", 400, b"no entity is called &#39;Nobody&#39;"),
    ("?depth=x", 400, b"depth must be a whole number"),
])
def test_graph_page(client, query, status, contains):
    response = client.get(f"/graph{query}")
    assert response.status_code == status
    assert contains in response.data
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp


@pytest.mark.parametrize("name", list(ASSETS))
def test_assets_come_from_the_server(client, name):
    response = client.get(f"/graph/assets/{name}")
    assert response.status_code == 200
    assert response.data == ASSETS[name].read_bytes()


@pytest.mark.parametrize("name", ["../render.py", "bootstrap.min.css", "graph.html"])
def test_nothing_else_is_served_as_an_asset(client, name):
    assert client.get(f"/graph/assets/{name}").status_code == 404


def test_kg_viz_writes_a_page(tmp_path, capsys, nlp):
    out = tmp_path / "said.html"
    assert main(["viz", str(HERE / "data" / "hostile_article.txt"), "-o", str(out),
                 "--relations", "said", "--types", "people,officials,quotes"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out.startswith(f"wrote {out} (")


@pytest.mark.parametrize("args, message", [
    (["--types", "events"], "kg viz: error: unknown type 'events'"),
    (["--since", "last week"], "kg viz: error: 'last week' is not a date"),
    (["--focus", "Nobody"], "kg viz: error: no entity is called 'Nobody'"),
])
def test_kg_viz_reports_bad_filters(tmp_path, capsys, nlp, args, message):
    source = str(HERE / "data" / "hostile_article.txt")
    assert main(["viz", source, "-o", str(tmp_path / "x.html"), *args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()
