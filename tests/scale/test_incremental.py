"""Building into an existing store: one by one equals all at once; unchanged articles are
skipped, changed ones replaced, removed ones gone; the store reopens in later commands."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.api import build_with_summary, open_dataset
from kg.cli import main
from kg.rdf import iris
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve.corroboration import corroboration_graph
from tests.conftest import DATA
from tests.scale.conftest import quads

pytestmark = pytest.mark.slow
SAMPLES = sorted(DATA.glob("*.txt"))


@pytest.fixture(scope="module")
def grown(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder grown by building the corpus one article at a time."""
    folder = tmp_path_factory.mktemp("grown") / "store"
    dataset = open_dataset(folder)
    for path in sorted(corpus.iterdir()):
        summary = build_with_summary([path], dataset)[1]
        assert (summary.built, summary.unchanged) == (1, 0)
    dataset.close()
    return folder


def test_adding_articles_one_by_one_equals_building_all_at_once(grown: Path, serial: Dataset):
    dataset = open_dataset(grown)
    try:
        assert quads(dataset) == quads(serial)
    finally:
        dataset.close()


def test_rebuilding_unchanged_articles_skips_them(grown: Path, corpus: Path, serial: Dataset):
    dataset = open_dataset(grown)
    try:
        summary = build_with_summary([corpus], dataset)[1]
        assert (summary.built, summary.unchanged) == (0, 8)
        assert quads(dataset) == quads(serial)
    finally:
        dataset.close()


def test_store_folder_is_reopened_by_kg_query_and_export(grown: Path, serial: Dataset,
                                                         tmp_path: Path, capsys):
    assert main(["query", "--store", str(grown), "--format", "csv",
                 "-q", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a nif:Context }"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "8"]
    assert main(["export", "--store", str(grown), "-o", str(tmp_path / "g.nq")]) == 0
    reread = Dataset()
    reread.parse(tmp_path / "g.nq", format="nquads")
    assert quads(reread) == quads(serial)


def _store_with(tmp_path: Path, texts: dict[str, Path]) -> tuple[Path, Path]:
    inputs = tmp_path / "inputs"
    inputs.mkdir(exist_ok=True)
    for name, source in texts.items():
        shutil.copy(source, inputs / f"{name}.txt")
    return inputs, tmp_path / "store"


def test_changed_article_replaces_its_graph_and_withdraws_what_only_it_supported(
        nlp, tmp_path: Path):
    inputs, store = _store_with(tmp_path, {"a": SAMPLES[0], "b": SAMPLES[1]})
    dataset, first = build_with_summary([inputs], store)
    before = {s for s, _, _, g in quads(dataset) if g.endswith("/a/graph")}
    others = {s for s, _, _, g in quads(dataset) if g.endswith("/b/graph")}
    shutil.copy(SAMPLES[2], inputs / "a.txt")
    second = build_with_summary([inputs], dataset)[1]
    after = quads(dataset)
    dataset.close()
    fresh = quads(build_with_summary([inputs])[0])
    assert (first.built, second.built, second.unchanged) == (2, 1, 1)
    assert after == fresh
    only_old_a = before - others - {s for s, _, _, _ in fresh}
    assert only_old_a, "the old article must have had facts of its own"
    assert not only_old_a & {s for s, _, _, _ in after}


@pytest.mark.parametrize("remove, code, left", [
    (["a"], 0, ["b", "c"]),
    (["a", "c"], 0, ["b"]),
    (["a", "nope"], 1, ["b", "c"]),
    (["nope"], 1, ["a", "b", "c"]),
])
def test_kg_remove_deletes_the_articles(nlp, tmp_path: Path, remove, code, left):
    inputs, store = _store_with(tmp_path, dict(zip("abc", SAMPLES)))
    build_with_summary([inputs], store)[0].close()
    assert main(["remove", *remove, "--store", str(store)]) == code
    dataset = open_dataset(store)
    graphs = {g for _, _, _, g in quads(dataset)} - {corroboration_graph(DEFAULT_BASE)}
    dataset.close()
    assert graphs == {iris.article_graph_iri(DEFAULT_BASE, name) for name in left}


def test_kg_remove_needs_an_existing_store(tmp_path: Path, capsys):
    assert main(["remove", "a", "--store", str(tmp_path / "missing")]) == 2
    assert "no graph store" in capsys.readouterr().err
