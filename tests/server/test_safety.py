"""The safety rules: read-only, no network, time and size limits, escaping, CSP, CORS."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
import requests

PERSON = "https://newskg.example.org/id/person/jane-doe"
RUNAWAY = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")


class Listener:
    """A loopback TCP listener that records every connection made to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.running = False
        self.thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    listening = Listener()
    yield listening
    listening.close()


def test_update_is_refused_by_default(client):
    for kwargs in ({"data": {"update": "CLEAR ALL"}},
                   {"data": "CLEAR ALL", "content_type": "application/sparql-update"},
                   {"data": "CLEAR ALL", "content_type": "application/sparql-update",
                    "headers": {"Authorization": "Bearer guess"}}):
        assert client.post("/sparql", **kwargs).status_code == 403
    assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).json["boolean"]


@pytest.mark.parametrize("authorization, status", [
    (None, 401),
    ("Bearer wrong-token", 403),
    ("Basic czNjcjN0", 401),
    ("Bearer s3cr3t", 200),
])
def test_update_needs_the_bearer_token(make_app, authorization, status):
    app = make_app(copy=True, UPDATE_TOKEN="s3cr3t")
    client = app.test_client()
    headers = {"Authorization": authorization} if authorization else {}
    update = f'INSERT DATA {{ GRAPH <urn:g> {{ <{PERSON}> <urn:p> "added" }} }}'
    response = client.post("/sparql", data=update, headers=headers,
                           content_type="application/sparql-update")
    assert response.status_code == status
    added = client.get("/sparql", query_string={"query": f"ASK {{ <{PERSON}> <urn:p> ?o }}"})
    assert added.json["boolean"] is (status == 200)


def _network_requests(port: int) -> list[tuple[str, dict]]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        ("query", {"query": f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"}),
        ("query", {"query": f"SELECT * {{ service silent<{url}>{{?s ?p ?o}} }}"}),
        ("query", {"query": f"PREFIX r: <http://127.0.0.1:{port}/>\n"
                            "SELECT * { # a comment }\n SERVICE r:sparql { ?s ?p ?o } }"}),
        ("query", {"query": f"SELECT * FROM <{url}> {{ ?s ?p ?o }}"}),
        ("query", {"query": f"SELECT * FROM NAMED <{url}> {{ GRAPH ?g {{ ?s ?p ?o }} }}"}),
        ("query", {"query": "ASK { ?s ?p ?o }", "default-graph-uri": url}),
        ("query", {"query": "ASK { ?s ?p ?o }", "named-graph-uri": url}),
        ("update", {"update": f"LOAD <{url}>"}),
        ("update", {"update": f"LOAD SILENT <{url}> INTO GRAPH <urn:x>"}),
    ]


def test_nothing_reaches_the_network(make_app, listener):
    client = make_app(copy=True, UPDATE_TOKEN="s3cr3t").test_client()
    for kind, params in _network_requests(listener.port):
        headers = {"Authorization": "Bearer s3cr3t"} if kind == "update" else {}
        response = client.post("/sparql", data=params, headers=headers)
        assert response.status_code == 400, (params, response.text)
        page = client.get("/query", query_string=params)
        assert page.status_code == 200
    time.sleep(0.5)
    assert listener.connections == 0


def test_live_server_never_connects_out(live_server, listener):
    for _kind, params in _network_requests(listener.port):
        response = requests.post(live_server + "/sparql", data=params, timeout=30)
        assert response.status_code in (400, 403), params
    time.sleep(0.5)
    assert listener.connections == 0


@pytest.mark.parametrize("query", [
    'SELECT ("SERVICE <http://127.0.0.1:9/>" AS ?s) {}',
    "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
    "# SERVICE <http://127.0.0.1:9/> in a comment\nASK {}",
    "PREFIX service: <https://schema.org/> ASK { ?s a service:Person }",
])
def test_the_word_service_elsewhere_is_fine(client, query):
    assert client.get("/sparql", query_string={"query": query}).status_code == 200


def test_row_limit_cuts_with_a_warning(make_app):
    client = make_app(MAX_ROWS=5).test_client()
    response = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
    assert response.status_code == 200
    assert len(response.json["results"]["bindings"]) == 5
    assert "cut at 5 rows" in response.headers["Warning"]
    small = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 5"})
    assert "Warning" not in small.headers


# Terms that look like row separators in one results format or another.
TRICKY_ROWS = ['"line\\nbreak"', '"<result>"', '"{},"', '"a,b\\r\\nc"', '"tab\\there"',
               '"\\"q\\""', '<http://example.org/x>']


def _rows_in(body: str, output: str) -> int:
    if output == "json":
        return len(json.loads(body)["results"]["bindings"])
    if output == "xml":
        namespace = "{http://www.w3.org/2005/sparql-results#}"
        return len(ElementTree.fromstring(body).findall(f".//{namespace}result"))
    if output == "csv":
        return len(list(csv.reader(io.StringIO(body, newline="")))) - 1
    return len(body.splitlines()) - 1


@pytest.mark.parametrize("output", ["json", "xml", "csv", "tsv"])
@pytest.mark.parametrize("limit, cut", [(5, 5), (6, 6), (7, 6)])
def test_row_limit_in_every_format(make_app, output, limit, cut):
    """Exactly at the limit nothing is cut; one row past it, the answer ends at the limit."""
    client = make_app(MAX_ROWS=6).test_client()
    values = " ".join(TRICKY_ROWS[:limit])
    response = client.get("/sparql", query_string={
        "query": f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} }}", "format": output})
    assert response.status_code == 200
    assert _rows_in(response.get_data(as_text=True), output) == cut
    assert ("Warning" in response.headers) == (limit > cut)


@pytest.mark.parametrize("size, status", [(900, 200), (5_000, 413)])
def test_request_body_limit(make_app, size, status):
    client = make_app(MAX_CONTENT_LENGTH=1_000).test_client()
    query = "ASK {}" + " " * (size - 6)
    direct = client.post("/sparql", data=query, content_type="application/sparql-query")
    form = client.post("/sparql", data={"query": query})
    assert (direct.status_code, form.status_code) == (status, status)


def test_timeout_answers_503_and_other_queries_go_on(make_app):
    app = make_app(QUERY_TIMEOUT=1.5, WORKERS=2)
    client = app.test_client()
    started = time.monotonic()
    answers = {}
    runaway = threading.Thread(target=lambda: answers.update(
        runaway=client.get("/sparql", query_string={"query": RUNAWAY})))
    runaway.start()
    time.sleep(0.3)
    quick = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert quick.status_code == 200
    runaway.join(30)
    assert answers["runaway"].status_code == 503
    assert "longer than 1.5 s" in answers["runaway"].text
    assert time.monotonic() - started < 10


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _descendants(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        children += [int(c) for c in text]
    return children + [g for c in children for g in _descendants(c)]


@pytest.mark.slow
def test_runaway_query_really_stops(store_dir, serve):
    """Over HTTP to a real server: the 503 comes on time, and no process keeps burning CPU."""
    process, url = serve(store_dir, "--timeout", "2", "--query-workers", "2")
    started = time.monotonic()
    response = requests.get(url + "/sparql", params={"query": RUNAWAY}, timeout=60)
    assert response.status_code == 503
    assert time.monotonic() - started < 6
    assert requests.get(url + "/sparql", params={"query": "ASK {}"}, timeout=10).ok
    time.sleep(1.5)  # the replacement worker has started
    pids = [process.pid] + _descendants(process.pid)
    before = {pid: _cpu_ticks(pid) for pid in pids}
    time.sleep(2)
    busy = {pid: _cpu_ticks(pid) - ticks for pid, ticks in before.items()}
    assert max(busy.values()) < 20, busy  # < 0.2 s of CPU in 2 s: nothing is still running


HOSTILE_MARKUP = ["<script>alert", "<img src=x onerror", "href=\"javascript:",
                  "<b onmouseover"]


@pytest.mark.parametrize("path", [
    "/",
    "/id/article/hostile",
    "/id/person/jane-doe",
    "/id/person/mallory-script-alert-author-script",
    "/search?q=script",
    "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
    "/query?query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%3Fo+FILTER(CONTAINS(STR(%3Fo),'%3C'))+%7D",
    "/query?query=SELECT+(%22%3Cscript%3Ealert(1)%3C/script%3E%22+AS+%3Fx)+%7B%7D",
    "/query?query=%3Cscript%3Ealert(1)%3C/script%3E",
])
def test_article_text_is_escaped_everywhere(client, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.text
    for markup in HOSTILE_MARKUP:
        assert markup not in body, markup


def test_hostile_text_is_shown_as_text(client):
    body = client.get("/id/article/hostile").text
    assert "&lt;script&gt;alert(" in body
    assert "javascript:alert(document.cookie)" in body  # shown, never a link


@pytest.mark.parametrize("path", ["/", "/query", "/id/person/jane-doe", "/sparql?query=ASK{}"])
def test_content_security_policy_forbids_inline_script(client, path):
    policy = client.get(path).headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "<script>" not in client.get(path).text  # no inline script blocks on our pages


@pytest.mark.parametrize("cors, expected", [(False, None), (True, "*")])
def test_cors_is_off_unless_asked_for(make_app, client, cors, expected):
    app_client = make_app(CORS=True).test_client() if cors else client
    response = app_client.get("/sparql", query_string={"query": "ASK {}"},
                              headers={"Origin": "https://elsewhere.example"})
    assert response.headers.get("Access-Control-Allow-Origin") == expected
