"""A remote SPARQL 1.1 store (a real Oxigraph server) holds the same graph as the local one,
and takes increments, removals, queries and exports through the same commands."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.api import build_with_summary, open_dataset
from kg.cli import main
from tests.conftest import DATA
from tests.scale.conftest import quads

pytestmark = pytest.mark.slow


def test_build_into_remote_store_equals_local_build(oxigraph_server: str, corpus: Path,
                                                    serial: Dataset):
    spec = f"sparql:{oxigraph_server}"
    dataset, summary = build_with_summary([corpus], spec)
    assert summary.built == 8 and summary.triples == len({q[:3] for q in quads(serial)})
    assert quads(open_dataset(spec)) == quads(serial)
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
