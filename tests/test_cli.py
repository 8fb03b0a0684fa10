"""The `kg` command through its entry function: outputs, summaries and exit codes."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
import requests
from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from kg.cli import main
from kg.formats import FORMATS, RdfFormat
from kg.rdf.namespaces import NIF, NKG, SCHEMA
from kg.stats import graph_stats
from tests.conftest import DATA, SHARED
from tests.server.conftest import free_port, stop_server

SEED = DATA / "001_f457e3f353f4ff45.txt"


def test_build_writes_the_format_named_by_the_extension(tmp_path: Path, capsys, nlp):
    out = tmp_path / "g.nt"
    assert main(["build", str(SEED), "-o", str(out)]) == 0
    assert len(Graph().parse(out, format="nt")) > 50
    summary = capsys.readouterr().out
    assert "1 articles built" in summary and " quads written in " in summary
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"


@pytest.mark.parametrize("fmt", FORMATS, ids=[fmt.name for fmt in FORMATS])
def test_every_export_format_round_trips(tmp_path: Path, fmt: RdfFormat, nlp):
    out = tmp_path / "graph.out"
    assert main(["build", str(SEED), "-o", str(out), "--format", fmt.name]) == 0
    dataset = Dataset()
    dataset.parse(out, format=fmt.rdflib)
    assert len(dataset) > 50 or sum(len(g) for g in dataset.graphs()) > 50


def test_build_into_a_store_then_query_and_export_it(tmp_path: Path, capsys, nlp):
    store = tmp_path / "store"
    assert main(["build", str(SEED), "--store", str(store)]) == 0
    capsys.readouterr()
    assert main(["query", "--store", str(store), "-n", "who-said-what", "--format", "json"]) == 0
    results = json.loads(capsys.readouterr().out)  # SPARQL 1.1 Query Results JSON
    assert {"speakerName", "text"} <= set(results["head"]["vars"])
    rows = results["results"]["bindings"]
    assert rows and rows[0]["text"]["type"] == "literal" and rows[0]["text"]["value"]
    assert main(["export", "--store", str(store), "-o", str(tmp_path / "g.ttl")]) == 0
    assert len(Graph().parse(tmp_path / "g.ttl")) > 50


def test_rebuilding_a_store_skips_unchanged_articles(tmp_path: Path, capsys, nlp):
    store = tmp_path / "store"
    main(["build", str(SEED), "--store", str(store)])
    capsys.readouterr()
    main(["build", str(SEED), "--store", str(store)])
    assert "0 articles built, 1 unchanged" in capsys.readouterr().out


def test_query_with_a_variable_and_csv_output(capsys, nlp):
    code = main(["query", str(SEED), "-n", "quotes-by-person", "--var", "name=Trump",
                 "--format", "csv"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0] == "person,label,text,article"
    assert any("disgrace" in line for line in lines[1:])


def test_stats_counts_what_the_graph_holds(capsys, nlp):
    assert main(["stats", str(SEED)]) == 0
    out = capsys.readouterr().out
    counts = dict(line.split(":") for line in out.splitlines() if ":" in line)
    assert int(counts["articles".rjust(16)]) == 1
    assert int(counts["quotations".rjust(16)]) > 0


def test_validate_accepts_a_built_graph_and_rejects_a_broken_one(tmp_path: Path, capsys, nlp):
    good = tmp_path / "g.ttl"
    main(["build", str(SEED), "-o", str(good)])
    assert main(["validate", str(good)]) == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text(good.read_text().replace("schema:text", "schema:textX", 1) +
                      '\n<https://x.example/q> a <https://schema.org/Quotation> .\n')
    assert main(["validate", str(broken)]) == 1


@pytest.mark.parametrize("argv, message", [
    (["build", "no/such/path"], "does not exist"),
    (["build", str(SEED), "-o", "graph.xyz"], "cannot tell the format"),
    (["build", str(SEED), "-o", "g.ttl", "--format", "yaml"], "unknown format"),
    (["query", str(SEED), "-q", "SELEC ?x"], "syntax error"),
    (["query", str(SEED), "-n", "no-such-query"], "no named query"),
    (["query", "--store", "no/such/store", "-n", "who-said-what"], "no graph store"),
    (["query", "-n", "who-said-what"], "no graph given: pass --store DIR|URL"),
    (["stats"], "no graph given: pass --store DIR|URL"),
    (["query", str(SEED), "-n", "quotes-by-person"],
     "named query 'quotes-by-person' needs --var name=VALUE"),
    (["query", "no/such/graph.ttl", "-q", "ASK {}"], "no such graph file"),
    (["build", str(SEED), "--field", "body=content"], "unknown field 'body'"),
    (["build", str(SEED), "--metadata", "no/such/meta.tsv"], "metadata file does not exist"),
    (["validate", "no/such/file.ttl"], "no such file"),
    (["build", str(SEED), "--model", "xx_no_such_model"], "is not installed"),
])
def test_a_user_mistake_is_one_line_and_exit_code_2(argv, message, capsys, nlp):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "Traceback" not in err[0]


def test_bad_input_is_reported_skipped_and_strict_fails(tmp_path: Path, capsys, nlp):
    (tmp_path / "good.txt").write_text(SEED.read_text())
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    out = tmp_path / "g.ttl"
    assert main(["build", str(tmp_path), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "empty.txt" in captured.err and "binary.txt" in captured.err
    assert "1 articles built" in captured.out and "2 skipped" in captured.out
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "strict.ttl"), "--strict"]) == 1
    assert not (tmp_path / "strict.ttl").exists()


# --- graph files as inputs, counts, progress ------------------------------------------


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory, nlp) -> dict[str, Path]:
    """The seed article built once into a store and exported as Turtle and TriG."""
    folder = tmp_path_factory.mktemp("seed")
    store = folder / "store"
    assert main(["build", str(SEED), "--store", str(store), "--quiet"]) == 0
    files = {"store": store}
    for suffix in ("ttl", "trig"):
        files[suffix] = folder / f"graph.{suffix}"
        assert main(["export", "--store", str(store), "-o", str(files[suffix]), "--quiet"]) == 0
    return files


def stats_of(argv: list[str], capsys) -> dict[str, int]:
    capsys.readouterr()
    assert main(["stats", *argv]) == 0
    lines = capsys.readouterr().out.splitlines()
    return {name.strip(): int(value) for name, value in (line.split(":") for line in lines)}


@pytest.mark.parametrize("suffix", ["ttl", "trig"])
def test_read_commands_take_graph_files(seed_files, suffix: str, tmp_path: Path, capsys):
    graph = str(seed_files[suffix])
    assert stats_of([graph], capsys) == stats_of(["--store", str(seed_files["store"])], capsys)
    assert main(["query", graph, "-n", "quotes-by-person", "--var", "name=Trump",
                 "--format", "csv"]) == 0
    assert "disgrace" in capsys.readouterr().out
    out = tmp_path / "again.nt"
    assert main(["export", graph, "-o", str(out)]) == 0
    assert len(Graph().parse(out)) == len(Graph().parse(seed_files["ttl"]))
    page = tmp_path / "page.html"
    assert main(["viz", graph, "-o", str(page)]) == 0
    assert "Donald Trump" in page.read_text(encoding="utf-8")


def test_stats_agree_with_the_store(sample_graph, capsys):
    """Each count checked against the triples themselves, not against another query."""
    def typed(*types) -> int:
        return len({s for t in types for s in sample_graph.subjects(RDF.type, t)})

    def links(predicate) -> list:
        return list(sample_graph.subject_objects(predicate))

    counts = graph_stats(sample_graph)
    assert counts["articles"] == typed(NIF.Context) == 3
    assert counts["people"] == typed(SCHEMA.Person)
    assert counts["outlets"] == typed(SCHEMA.NewsMediaOrganization)
    assert counts["quotations"] == typed(SCHEMA.Quotation)
    assert counts["said"] == len(links(NKG.said))
    assert counts["quoted people"] == len({s for s, _ in links(NKG.said)})
    assert counts["published"] == len(links(NKG.published))
    reactions = typed(SCHEMA.ReactAction, SCHEMA.AgreeAction, SCHEMA.DisagreeAction)
    assert counts["reactions"] == reactions > 0
    assert counts["reacting"] == len({s for s, _ in links(NKG.reactedTo)})
    assert counts["reacted to"] == len({o for _, o in links(NKG.reactedTo)})
    assert counts["triples"] == len(sample_graph)


def run_on_a_terminal(argv: list[str]) -> str:
    """Run `kg` with stderr on a pseudo-terminal (as a user sees it); what it drew there."""
    leader, follower = pty.openpty()
    # A terminal 100 columns wide (a new pseudo-terminal has none: tqdm would draw nothing).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", *argv], stderr=follower,
                               stdout=subprocess.DEVNULL)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        drawn += chunk
    assert process.wait(120) == 0
    os.close(leader)
    return drawn.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_and_quiet_turns_it_off(seed_files, tmp_path: Path):
    argv = ["export", str(seed_files["ttl"]), "-o", str(tmp_path / "g.nt")]
    drawn = run_on_a_terminal(argv)
    assert "exporting nt" in drawn and "2/2" in drawn
    assert "exporting" not in run_on_a_terminal([*argv, "--quiet"])


@pytest.mark.skipif(not (SHARED / "polnear" / "dev").is_dir(), reason="needs ../shared/polnear")
def test_build_and_eval_draw_progress_bars(tmp_path: Path):
    drawn = run_on_a_terminal(["build", str(SEED), "-o", str(tmp_path / "g.ttl")])
    assert "building" in drawn and "1 articles" in drawn
    drawn = run_on_a_terminal(["eval", "--gold", str(SHARED / "polnear" / "dev"), "--limit", "1"])
    assert "scoring" in drawn and "1 articles" in drawn


def test_serve_takes_a_graph_file(seed_files):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(seed_files["ttl"]),
                                "--port", str(port), "--query-workers", "1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, answer = time.monotonic() + 90, None
        while answer is None and time.monotonic() < deadline and process.poll() is None:
            try:
                answer = requests.get(f"http://127.0.0.1:{port}/sparql", timeout=5, params={
                    "query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}).json()
            except requests.RequestException:
                time.sleep(0.3)
        assert answer is not None, "kg serve did not answer"
        served = int(answer["results"]["bindings"][0]["n"]["value"])
        assert served == len(Graph().parse(seed_files["ttl"]))
    finally:
        stop_server(process)
