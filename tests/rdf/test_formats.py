"""Every registered format round-trips the sample graph, and every user of the registry
(CLI, server downloads, content negotiation) offers what it holds."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal
from rdflib.compare import isomorphic

from kg.export import export, serialize, union_graph
from kg.formats import FORMATS, RdfFormat, UnknownFormat, by_extension, by_name, format_for
from kg.rdf.namespaces import NIF, XSD
from kg.store import named_quads
from server.negotiation import FORMAT_ALIASES, GRAPH_TYPES

IDS = [fmt.name for fmt in FORMATS]


def _parsed(data: bytes, fmt: RdfFormat) -> Dataset:
    parsed = Dataset()
    parsed.parse(data=data, format=fmt.rdflib)
    return parsed


@pytest.mark.parametrize("fmt", FORMATS, ids=IDS)
def test_every_format_round_trips_the_sample_graph(sample_graph: Dataset, fmt: RdfFormat):
    parsed = _parsed(serialize(sample_graph, fmt.name), fmt)
    if fmt.named_graphs:  # one graph per article and the derived counts, the store's quads
        quads = {(s, p, o, g) for s, p, o, g in parsed.quads((None, None, None, None))}
        assert len(quads) == len(named_quads(sample_graph, (None, None, None)))
        articles = {str(g) for *_, g in quads if not str(g).endswith("/graph/corroboration")}
        assert len(articles) == 3 and all("/id/article/" in g for g in articles)
    else:  # the union, as the data model spells it
        assert isomorphic(parsed.default_graph, union_graph(sample_graph))


@pytest.mark.parametrize("fmt", FORMATS, ids=IDS)
def test_offsets_keep_their_data_model_datatype(sample_graph: Dataset, fmt: RdfFormat):
    """Oxigraph keeps xsd:nonNegativeInteger as xsd:integer; every export restores it."""
    parsed = _parsed(serialize(sample_graph, fmt.name), fmt)
    offsets = [o for *_, o, _ in parsed.quads((None, NIF.beginIndex, None, None))]
    assert offsets and all(isinstance(o, Literal) and o.datatype == XSD.nonNegativeInteger
                           for o in offsets)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.name in ("turtle", "trig")],
                         ids=["turtle", "trig"])
def test_prefixed_formats_use_the_project_prefixes(sample_graph: Dataset, fmt: RdfFormat):
    text = serialize(sample_graph, fmt.name).decode("utf-8")
    assert "@prefix nkg: <" in text and "nkg:said" in text


def test_export_writes_atomically_by_extension(sample_graph: Dataset, tmp_path: Path):
    for fmt in FORMATS:
        path = export(sample_graph, tmp_path / f"graph.{fmt.extension}")
        assert path.read_bytes() == serialize(sample_graph, fmt.name)
        assert path.stat().st_mode & 0o777 == 0o644
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_failed_export_leaves_no_file(sample_graph: Dataset, tmp_path: Path):
    with pytest.raises(UnknownFormat):
        export(sample_graph, tmp_path / "graph.ttl", "no-such-format")
    assert not list(tmp_path.iterdir())


def test_lookups_by_name_alias_and_extension():
    for fmt in FORMATS:
        assert by_name(fmt.name) is fmt and by_name(fmt.name.upper()) is fmt
        assert all(by_name(alias) is fmt for alias in fmt.aliases)
        assert by_extension(f"x.{fmt.extension}") is fmt
        assert format_for(f"out.{fmt.extension}") is fmt
        assert fmt.native.media_type in fmt.media_types
    assert format_for(None).name == format_for("graph", None).name == "turtle"
    assert format_for("graph.ttl", "nquads").name == "nquads"
    with pytest.raises(UnknownFormat, match="extension"):
        format_for("graph.xyz")
    with pytest.raises(UnknownFormat, match="unknown format"):
        by_name("yaml")


def test_negotiation_offers_every_format_that_holds_a_graph():
    offered = {name for _, name in GRAPH_TYPES}
    assert offered == {fmt.name for fmt in FORMATS if fmt.graph_results}
    assert GRAPH_TYPES[0] == ("text/turtle", "turtle")  # the default for */*
    for fmt in FORMATS:
        assert FORMAT_ALIASES[fmt.name] == fmt.name
        if fmt.graph_results:  # pyoxigraph writes a CONSTRUCT answer in it
            triple = ox.Triple(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"),
                               ox.Literal("o"))
            assert ox.serialize([triple], format=fmt.native)
