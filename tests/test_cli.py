"""The `kg` command through its entry function: outputs, summaries and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.cli import main
from tests.conftest import DATA

SEED = DATA / "001_f457e3f353f4ff45.txt"


def test_build_writes_the_format_named_by_the_extension(tmp_path: Path, capsys, nlp):
    out = tmp_path / "g.nt"
    assert main(["build", str(SEED), "-o", str(out)]) == 0
    assert len(Graph().parse(out, format="nt")) > 50
    summary = capsys.readouterr().out
    assert "1 articles built" in summary and "triples" in summary
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"


@pytest.mark.parametrize("fmt, parse_as", [("trig", "trig"), ("nquads", "nquads"),
                                           ("json-ld", "json-ld"), ("turtle", "turtle")])
def test_every_export_format_round_trips(tmp_path: Path, fmt: str, parse_as: str, nlp):
    out = tmp_path / "graph.out"
    assert main(["build", str(SEED), "-o", str(out), "--format", fmt]) == 0
    dataset = Dataset()
    dataset.parse(out, format=parse_as)
    assert len(dataset) > 50 or sum(len(g) for g in dataset.graphs()) > 50


def test_build_into_a_store_then_query_and_export_it(tmp_path: Path, capsys, nlp):
    store = tmp_path / "store"
    assert main(["build", str(SEED), "--store", str(store)]) == 0
    capsys.readouterr()
    assert main(["query", "--store", str(store), "-n", "who-said-what", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"speakerName", "text"} <= set(rows[0])
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
    (["build", str(SEED), "-o", "g.ttl", "--format", "rdfxml"], "unknown format"),
    (["query", str(SEED), "-q", "SELEC ?x"], "syntax error"),
    (["query", str(SEED), "-n", "no-such-query"], "no named query"),
    (["query", "--store", "no/such/store", "-n", "who-said-what"], "no graph store"),
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
