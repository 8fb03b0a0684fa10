"""A remote SPARQL 1.1 store (a real Oxigraph server) holds the same graph as the local one,
written in bulk through the Graph Store Protocol (or SPARQL Update where the server has no
such endpoint), and takes increments, removals, queries and exports through the same
commands."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, URIRef

from kg.api import build_with_summary, open_dataset
from kg.cli import main
from kg.export import serialize
from kg.formats import FORMATS
from kg.pipeline import BuildSummary
from kg.remote_store import Endpoints, RemoteStore
from kg.store import GraphStore, named_quads
from tests.conftest import DATA
from tests.scale.conftest import quads

pytestmark = pytest.mark.slow


def union(store: GraphStore) -> set:
    """The stored default graph (the union the queries read), as pyoxigraph triples."""
    return {quad.triple for quad in store.statements(named_graphs=False)}


def copy_graphs(source: Dataset, target: GraphStore) -> None:
    """Write every article graph of ``source`` into ``target`` as a build does."""
    by_graph: dict[URIRef, list] = {}
    for quad in named_quads(source, (None, None, None)):
        by_graph.setdefault(quad[3], []).append(quad)
    for graph, graph_quads in sorted(by_graph.items()):
        target.put_graph(graph, graph_quads)


def test_build_into_remote_store_equals_local_build(oxigraph_server: str, corpus: Path,
                                                    serial_build: tuple[Dataset, BuildSummary]):
    serial, local = serial_build
    spec = f"sparql:{oxigraph_server}"
    dataset, summary = build_with_summary([corpus], spec)
    assert (summary.built, summary.quotes, summary.quads) == (8, local.quotes, local.quads)
    assert dataset.endpoints.graph_store is not None  # written by the Graph Store Protocol
    assert quads(open_dataset(spec)) == quads(serial)
    assert union(open_dataset(spec)) == union(serial)
    again = build_with_summary([corpus], spec)[1]
    assert (again.built, again.unchanged) == (0, 8)


def test_remote_store_through_the_commands(nlp, oxigraph_server: str, tmp_path: Path, capsys):
    spec = f"sparql:{oxigraph_server}"
    update = oxigraph_server.replace("/query", "/update")
    assert main(["build", str(DATA), "--store", spec, "--update-url", update]) == 0
    count = ["query", "--store", spec, "--format", "csv",
             "-q", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a nif:Context }"]
    capsys.readouterr()
    assert main(count) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "3"]
    assert main(["export", "--store", spec, "-o", str(tmp_path / "g.trig")]) == 0
    reread = Dataset()
    reread.parse(tmp_path / "g.trig", format="trig")
    assert quads(reread) == quads(open_dataset(spec))
    first = sorted(DATA.glob("*.txt"))[0].stem
    assert main(["remove", first, "--store", spec]) == 0
    capsys.readouterr()
    assert main(count) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "2"]


def test_changed_article_is_replaced_in_the_remote_store(nlp, oxigraph_server: str,
                                                         tmp_path: Path):
    spec = f"sparql:{oxigraph_server}"
    samples = sorted(DATA.glob("*.txt"))
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(samples[0], inputs / "a.txt")
    shutil.copy(samples[1], inputs / "b.txt")
    build_with_summary([inputs], spec)
    shutil.copy(samples[2], inputs / "a.txt")
    summary = build_with_summary([inputs], spec)[1]
    assert (summary.built, summary.unchanged) == (1, 1)
    assert quads(open_dataset(spec)) == quads(build_with_summary([inputs])[0])


def test_remote_query_error_is_a_user_error(oxigraph_server: str, capsys):
    assert main(["query", "--store", f"sparql:{oxigraph_server}", "-q", "SELECT ?x WHERE {"]) == 2
    assert "error" in capsys.readouterr().err


def test_a_server_without_the_graph_store_protocol_gets_the_same_graph(oxigraph_server: str,
                                                                       serial: Dataset):
    """Where PUT is refused (404 here), the store writes by SPARQL Update instead."""
    remote = RemoteStore(oxigraph_server)
    root = oxigraph_server.removesuffix("/query")
    remote.endpoints = Endpoints(remote.endpoints.query, remote.endpoints.update,
                                 f"{root}/no-graph-store")
    copy_graphs(serial, remote)
    assert remote.endpoints.graph_store is None
    assert quads(remote) == quads(serial) and union(remote) == union(serial)


def test_replacing_and_dropping_graphs_keeps_the_remote_union_in_step(oxigraph_server: str,
                                                                      serial: Dataset):
    remote = open_dataset(oxigraph_server.removesuffix("/query"))  # the server's root URL
    copy_graphs(serial, remote)
    graphs = sorted({quad[3] for quad in named_quads(serial, (None, None, None))})
    first, second = graphs[0], graphs[1]
    second_quads = named_quads(serial, (None, None, None))
    remote.put_graph(first, [(s, p, o, first) for s, p, o, g in second_quads if g == second])
    remote.drop_graph(second)
    local = open_dataset()
    copy_graphs(remote, local)
    assert quads(remote) == quads(local) and union(remote) == union(local)
    assert not any(g == second for *_, g in quads(remote))


@pytest.mark.parametrize("fmt", FORMATS, ids=[fmt.name for fmt in FORMATS])
def test_remote_export_equals_local_export(oxigraph_server: str, serial: Dataset, fmt):
    remote = RemoteStore(oxigraph_server)
    copy_graphs(serial, remote)
    written = [set(ox.parse(serialize(store, fmt.name), format=fmt.native))
               for store in (remote, serial)]
    assert written[0] == written[1] and written[0]


def test_kg_serve_serves_a_remote_store_read_only_only(capsys):
    assert main(["serve", "--store", "http://127.0.0.1:9/query", "--update-token", "t"]) == 2
    assert "served read-only" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["build", str(DATA)], ["serve"], ["export", "-o", "-"]])
def test_an_unreachable_remote_store_is_one_line_naming_it(command, capsys):
    # port 9 (discard) has no listener here: the connection is refused
    assert main([*command, "--store", "http://127.0.0.1:9/"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the remote store at http://127.0.0.1:9/query" in err
    assert "Traceback" not in err
