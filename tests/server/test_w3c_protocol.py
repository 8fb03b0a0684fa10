"""A small runner over the W3C SPARQL 1.1 Protocol manifest: the 20 query tests
(query_*, bad_query_* and bad_multiple_queries).

The store holds the graphs the manifest's ut:graphData gives (named by their labels), plus
an empty graph for data0.rdf, which several tests name as their default graph without giving
data for it: this server never fetches graphs, it only selects among those it holds.

Not run here, and why: the update_* and bad_update_* tests (13) need a writable endpoint;
this server is read-only unless started with an update token, and the token-protected update
path is tested in test_safety.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection

from server import create_app

PROTOCOL = Path(__file__).resolve().parents[3] / "shared" / "w3c-sparql11" / "protocol"
MANIFEST = PROTOCOL / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
TESTS = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest#"
DATA0 = "http://kasei.us/2009/09/sparql/data/data0.rdf"

TABULAR = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values"}
BOOLEAN = {"application/sparql-results+json", "application/sparql-results+xml"}
RDF = {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"}

pytestmark = pytest.mark.skipif(not MANIFEST.is_file(), reason=f"no manifest at {MANIFEST}")


def _manifest() -> Graph:
    return Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())


def protocol_tests() -> list[str]:
    if not MANIFEST.is_file():
        return []
    graph = _manifest()
    entries = Collection(graph, graph.value(URIRef(MANIFEST.as_uri()), MF.entries))
    names = [str(e).rsplit("#", 1)[1] for e in entries]
    return [n for n in names
            if n.startswith(("query_", "bad_query_")) or n == "bad_multiple_queries"]


@pytest.fixture(scope="module")
def manifest() -> Graph:
    return _manifest()


@pytest.fixture(scope="module")
def w3c_client(manifest, tmp_path_factory):
    path = tmp_path_factory.mktemp("w3c") / "store"
    store = ox.Store(str(path))
    for data in set(manifest.objects(None, UT.graphData)):
        graph = ox.NamedNode(str(manifest.value(data, RDFS.label)))
        source = Path(urlsplit(str(manifest.value(data, UT.graph))).path)
        store.load(path=str(source), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    store.add_graph(ox.NamedNode(DATA0))
    store.flush()
    del store
    app = create_app({"STORE": str(path), "WORKERS": 1, "QUERY_TIMEOUT": 10})
    yield app.test_client()
    app.extensions["kg"].close()


def _request(manifest: Graph, test: URIRef):
    action = manifest.value(test, MF.action)
    requests = Collection(manifest, manifest.value(action, HT.requests))
    assert len(requests) == 1
    request = requests[0]
    headers = {}
    if header_list := manifest.value(request, HT.headers):
        for header in Collection(manifest, header_list):
            headers[str(manifest.value(header, HT.fieldName))] = str(
                manifest.value(header, HT.fieldValue))
    body = None
    if body_node := manifest.value(request, HT.body):
        encoding = str(manifest.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(manifest.value(body_node, CNT.chars)).encode(encoding.lower())
    path = str(manifest.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    return str(manifest.value(request, HT.methodName)), path, headers, body, \
        manifest.value(request, HT.resp)


def _boolean(response) -> bool:
    if response.mimetype.endswith("json"):
        return json.loads(response.data)["boolean"]
    return b"<boolean>true</boolean>" in response.data


@pytest.mark.parametrize("name", protocol_tests())
def test_protocol(manifest, w3c_client, name):
    test = URIRef(TESTS + name)
    method, path, headers, body, expected = _request(manifest, test)
    content_type = headers.pop("content-type", None)
    response = w3c_client.open(path, method=method, data=body, headers=headers,
                               content_type=content_type)
    statuses = {str(s).replace(HTS, "") for s in manifest.objects(expected, MF.expectedStatus)}
    assert f"{str(response.status_code)[0]}xx" in statuses, (response.status_code,
                                                              response.text)
    fmt = manifest.value(expected, MF.expectedFormat)
    if fmt is not None:
        allowed = {"boolean": BOOLEAN, "tabular": TABULAR, "RDF": RDF}[str(fmt)]
        assert response.mimetype in allowed
    boolean = manifest.value(expected, MF.expectedBoolean)
    if boolean is not None:
        assert _boolean(response) is boolean.toPython()
