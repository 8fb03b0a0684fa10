"""Security fixtures. The store folder, `kg serve` processes and the loopback listener are
those of tests/server; added here: a small hand-made store whose IRIs hold %-escapes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf.namespaces import DEFAULT_BASE, RDFS, SCHEMA
from kg.store import REFRESH_DEFAULT_GRAPH
from tests.server.conftest import live_server, serve, start_server, stop_server, store_dir
from tests.server.test_safety import listener

__all__ = ["listener", "live_server", "serve", "store_dir"]  # fixtures shared with tests/server

PERSON = DEFAULT_BASE + "person/ada"
# Article IRIs as the build may write them: a %-escape, and a character a browser escapes.
ESCAPED_ARTICLES = [DEFAULT_BASE + "article/a%20b%2Fc", DEFAULT_BASE + "article/caf\u00e9"]


@pytest.fixture(scope="session")
def escaped_store(tmp_path_factory) -> Path:
    """A store folder: a person who is mentioned by articles whose IRIs need escaping."""
    path = tmp_path_factory.mktemp("escaped") / "graph"
    store = ox.Store(str(path))
    person = ox.NamedNode(PERSON)
    for iri in ESCAPED_ARTICLES:
        graph, article = ox.NamedNode(iri + "/graph"), ox.NamedNode(iri)
        store.add(ox.Quad(article, ox.NamedNode(str(SCHEMA.mentions)), person, graph))
        store.add(ox.Quad(article, ox.NamedNode(str(RDFS.label)), ox.Literal(iri), graph))
    store.add(ox.Quad(person, ox.NamedNode(str(RDFS.label)), ox.Literal("Ada"),
                      ox.NamedNode(ESCAPED_ARTICLES[0] + "/graph")))
    store.update(REFRESH_DEFAULT_GRAPH)
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def token_server(escaped_store) -> Iterator[str]:
    """`kg serve` over the hand-made store, accepting updates with the token ``s3cr3t``."""
    process, url = start_server(escaped_store, "--update-token", "s3cr3t")
    yield url
    stop_server(process)
