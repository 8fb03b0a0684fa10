"""The `kg` command loads only what the command being run needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from rdflib import Dataset

from kg.rdf.namespaces import NKG
from kg.workers import worker_context
from tests.conftest import DATA, ROOT

HEAVY = ["spacy", "pyvis", "pyshacl", "flask", "trafilatura"]
PROBE = """import json, sys
from kg.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print(json.dumps(sorted(m for m in {heavy} if m in sys.modules)))
sys.exit(code)"""


def loaded(*argv: str) -> list[str]:
    """The heavy libraries a fresh interpreter has imported after running ``kg argv`` (which
    must succeed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["query", "--help"],
                                  ["stats", "--help"]])
def test_reading_commands_import_no_parser_drawing_or_server(argv):
    assert loaded(*argv) == []


def test_a_command_still_gets_its_own_options_and_the_others_their_help(capsys):
    from kg.cli import COMMANDS, main

    with pytest.raises(SystemExit):
        main(["--help"])
    listing = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert all(name in listing and help_text in listing
               for name, help_text in COMMANDS.items())
    with pytest.raises(SystemExit):
        main(["viz", "--help"])
    assert "--limit" in capsys.readouterr().out
    assert "pyvis" in loaded("viz", "--help")


def quotes_said(path) -> int:
    """The ``nkg:said`` triples of a graph file: a build that parsed nothing has none."""
    dataset = Dataset(default_union=True)
    dataset.parse(path)
    return len(set(dataset.triples((None, NKG.said, None))))


@pytest.mark.slow
def test_a_build_with_workers_leaves_the_parser_to_them(tmp_path):
    """The main process of `kg build --workers 2` and the commands that read its store never
    import spaCy: on two cores its import would compete with the workers (issue 15)."""
    store, built, exported = tmp_path / "store", tmp_path / "built.ttl", tmp_path / "export.ttl"
    assert "spacy" not in loaded("build", str(DATA), "--store", str(store), "-o", str(built),
                                 "--workers", "2")
    assert quotes_said(built) > 0
    assert "spacy" not in loaded("export", "--store", str(store), "-o", str(exported))
    assert quotes_said(exported) == quotes_said(built)
    assert "spacy" not in loaded("query", "--store", str(store), "-n", "who-said-what")


def preloaded() -> tuple[bool, bool, int]:
    """In a worker: whether the chunking, the extractors and the pipeline are already there."""
    from kg import nlp

    return ("kg.chunking" in sys.modules, "kg.extract.facts" in sys.modules,
            nlp.load_pipeline.cache_info().currsize)


@pytest.mark.slow
def test_build_workers_fork_with_the_parser_and_the_extractors_loaded():
    with worker_context().Pool(1) as pool:
        assert pool.apply(preloaded) == (True, True, 1)
