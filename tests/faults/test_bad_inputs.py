"""One bad file or record never stops a build: it is named (with its line) and skipped, the
rest is built; ``--strict`` exits 1 before anything is written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import kg.chunking
from kg.api import build_with_summary
from tests.conftest import DATA
from tests.faults.conftest import run_kg, store_quads

SAMPLE = sorted(DATA.glob("*.txt"))[0]
RECORD = {"title": "Record", "text": 'Senator Jane Roe said: "We will vote on it tomorrow."'}


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    """A folder where every kind of file that used to crash the build sits beside good ones."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "good.txt")
    (folder / "deep.json").write_text("[" * 100_000)
    lines = [json.dumps({**RECORD, "id": "first"}), "[" * 100_000,
             json.dumps({**RECORD, "id": "third"})]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "bad\nname.json").write_text("{")
    return folder


def _article_ids(store: Path) -> set[str]:
    ids = {str(o) for _, p, o, _ in store_quads(store) if str(p).endswith("/identifier")}
    return ids


def test_bad_files_and_records_are_named_and_skipped_and_the_rest_is_built(messy: Path,
                                                                           tmp_path: Path):
    store = tmp_path / "store"
    done = run_kg("build", str(messy), "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert all(line.startswith("skipped ") for line in lines), lines  # one line per problem
    named = {line.split(": ")[0].removeprefix("skipped ") for line in lines}
    assert named == {str(messy / "deep.json"), f"{messy / 'records.jsonl'}:2",
                     str(messy / "loop.txt"), f"{messy}/bad\\nname.json:1"}
    assert "3 articles built" in done.stdout and "4 skipped" in done.stdout
    assert _article_ids(store) == {"good", "first", "third"}


def test_strict_exits_1_before_writing_anything(messy: Path, tmp_path: Path):
    new_store = tmp_path / "new-store"
    done = run_kg("build", str(messy), "--store", str(new_store), "--strict")
    assert done.returncode == 1
    assert "nothing was written" in done.stderr and "deep.json" in done.stderr
    assert not new_store.exists()

    store = tmp_path / "store"
    assert run_kg("build", str(SAMPLE), "--store", str(store)).returncode == 0
    before = store_quads(store)
    (messy / "good.txt").write_text(SAMPLE.read_text() + "\n\nA changed last paragraph.\n")
    done = run_kg("build", str(messy), "--store", str(store), "--strict")
    assert done.returncode == 1
    assert store_quads(store) == before


def test_an_article_whose_extraction_raises_is_named_and_the_others_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp):
    """Fault injection: extraction raises on one article, whatever the error."""
    for path in sorted(DATA.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    victim = sorted(DATA.glob("*.txt"))[1]
    extract = kg.chunking.extract_facts

    def failing(doc, article):
        if article.id == victim.stem:
            raise RecursionError("maximum recursion depth exceeded")
        return extract(doc, article)

    monkeypatch.setattr(kg.chunking, "extract_facts", failing)
    dataset, summary = build_with_summary([tmp_path])
    assert [str(problem) for problem in summary.problems] == [
        f"{tmp_path / victim.name}: not built: RecursionError: maximum recursion depth exceeded"]
    assert summary.built == 2
    ids = {str(row[0]) for row in dataset.query(
        "SELECT ?id WHERE { ?a a nif:Context ; dcterms:identifier ?id }")}
    assert ids == {path.stem for path in DATA.glob("*.txt")} - {victim.stem}
